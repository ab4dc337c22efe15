"""Reading actuals/<id>.csv files into observations (formats.md).

``read_actuals`` collects every problem (for ``ipplan check``); ``load_actuals``
raises :class:`~ipplan.errors.DataError` when any is an error. The helpers here
(decoding, header names, one row's fields) are shared with imports.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from pathlib import Path

from ipplan.csvread import CsvSyntaxError, read_records
from ipplan.encoding import BOM, decode_text, uncertain_problem
from ipplan.errors import DataError, NumberError, PeriodError, Problem
from ipplan.model import Indicator, Observation, Plan
from ipplan.numbers import parse_number
from ipplan.periods import parse_period
from ipplan.present.safe import spreadsheet_plain
from ipplan.safeio import MAX_ACTUALS_BYTES, read_limited, scan_folder

COLUMNS = ("period", "value", "region", "source", "note", "flag", "yoy", "published")
REQUIRED = ("period", "value")
# Chinese header names users type (formats.md), plus a few near-variants Excel users write.
ALIASES: Mapping[str, str] = {
    "指标": "indicator", "指标名称": "indicator", "indicator": "indicator", "id": "indicator",
    "期间": "period", "时期": "period", "period": "period",
    "数值": "value", "值": "value", "value": "value",
    "地区": "region", "区域": "region", "region": "region",
    "来源": "source", "数据来源": "source", "source": "source",
    "备注": "note", "说明": "note", "note": "note",
    "标记": "flag", "flag": "flag",
    "同比": "yoy", "同比增长": "yoy", "同比增速": "yoy", "yoy": "yoy",
    "发布日期": "published", "published": "published",
}  # fmt: skip
FLAG_RE = re.compile(r"^[epb]+$")
DATE_RE = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$")
__all__ = ["BOM", "CsvSyntaxError", "decode", "load_actuals", "read_actuals", "read_records"]


def decode(raw: bytes, file: str) -> str:
    """Text of a file saved as UTF-8 (with or without BOM) or GBK/GB18030 by Excel/WPS
    (the more plausible reading when the encoding is uncertain: :mod:`ipplan.encoding`)."""
    return decode_text(raw, file).text


def header_name(cell: str) -> str | None:
    """The canonical column a header cell names, or None."""
    key = cell.strip().lstrip("\ufeff").strip().lower()
    return ALIASES.get(key)


def parse_date(text: str) -> date:
    m = DATE_RE.match(text.strip())
    if not m:
        raise ValueError(text)
    return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))


def map_header(
    header: Sequence[str], file: str, line: int, allowed: Iterable[str] = COLUMNS
) -> tuple[dict[str, int], list[Problem]]:
    """Column name → index; problems for duplicates and missing required columns."""
    allowed = set(allowed)
    columns: dict[str, int] = {}
    problems: list[Problem] = []
    for i, cell in enumerate(header):
        name = header_name(cell)
        if name is None or name not in allowed:
            continue
        if name in columns:
            problems.append(
                Problem("actuals.duplicate_column", {"name": cell.strip()}, file, line, i + 1)
            )
        else:
            columns[name] = i
    for name in REQUIRED:
        if name not in columns:
            problems.append(Problem("actuals.missing_column", {"name": name}, file, line))
    return columns, problems


def parse_row(
    cells: Sequence[str],
    columns: Mapping[str, int],
    indicator: Indicator,
    file: str,
    line: int,
) -> tuple[Observation | None, list[Problem]]:
    """One data row → an observation, or the problems that stop it."""
    problems: list[Problem] = []

    def cell(name: str) -> str:
        i = columns.get(name)
        return cells[i].strip() if i is not None and i < len(cells) else ""

    def col(name: str) -> int | None:
        i = columns.get(name)
        return i + 1 if i is not None else None

    period = value = yoy = published = None
    raw_period = cell("period")
    try:
        period = parse_period(raw_period)
    except PeriodError:
        problems.append(
            Problem("actuals.bad_period", {"value": raw_period}, file, line, col("period"))
        )
    raw_value = cell("value")
    try:
        value = parse_number(raw_value)
        if value < 0 and not indicator.allow_negative:
            problems.append(
                Problem(
                    "actuals.negative",
                    {"value": raw_value, "id": indicator.id},
                    file,
                    line,
                    col("value"),
                )
            )
    except NumberError as exc:
        problems.extend(p.located(file, line, col("value")) for p in exc.problems)
    raw_yoy = cell("yoy")
    if raw_yoy:
        try:
            yoy = parse_number(raw_yoy, percent=True)
        except NumberError as exc:
            problems.extend(p.located(file, line, col("yoy")) for p in exc.problems)
    flag = cell("flag").lower() or None
    if flag is not None and not FLAG_RE.match(flag):
        problems.append(Problem("actuals.bad_flag", {"value": flag}, file, line, col("flag")))
    raw_published = cell("published")
    if raw_published:
        try:
            published = parse_date(raw_published)
        except ValueError:
            problems.append(
                Problem("actuals.bad_date", {"value": raw_published}, file, line, col("published"))
            )
    if problems or period is None or value is None:
        return None, problems
    # a region is a key: the apostrophe that keeps "=x" from running as a formula in the
    # file (csvtable.serialize) is not part of it, so `--region =x` finds the rows again
    region = spreadsheet_plain(cell("region"))
    obs = Observation(
        indicator=indicator.id, period=period, value=value, region=region,
        source=cell("source") or None, note=cell("note") or None, flag=flag, yoy=yoy,
        published=published, file=file, line=line,
    )  # fmt: skip
    return obs, []


def parse_file(
    path: Path, indicator: Indicator, plan_region: str = ""
) -> tuple[list[Observation], list[Problem]]:
    """Every observation of one actuals file, and every problem in it.

    A row whose region is the plan's own region, written out, is the same row as one
    with an empty region: both are reported as duplicates."""
    file = str(path)
    notes: list[Problem] = []
    try:
        decoded = decode_text(read_limited(path, MAX_ACTUALS_BYTES, "actuals.unreadable"), file)
    except DataError as exc:
        return [], exc.problems
    if not decoded.certain:  # read as the likelier encoding; writes refuse the file
        notes.append(uncertain_problem(decoded, file, severity="warning"))
    text = decoded.text
    if not text.strip():
        return [], [*notes, Problem("actuals.empty", {}, file)]
    observations: list[Observation] = []
    problems: list[Problem] = notes
    columns: dict[str, int] | None = None
    seen: dict[tuple[str, str], int] = {}
    try:
        for line, row in read_records(text):
            if not any(c.strip() for c in row):
                continue
            if columns is None:
                columns, found = map_header(row, file, line)
                problems.extend(found)
                if any(p.code == "actuals.missing_column" for p in found):
                    return [], problems
                continue
            obs, found = parse_row(row, columns, indicator, file, line)
            problems.extend(found)
            if obs is None:
                continue
            key = (str(obs.period), "" if obs.region == plan_region else obs.region)
            if key in seen:
                region = key[1] or plan_region or "-"
                params = {"period": key[0], "region": region, "first": seen[key]}
                column = columns["period"] + 1
                problems.append(Problem("actuals.duplicate_row", params, file, line, column))
                continue
            seen[key] = line
            observations.append(obs)
    except CsvSyntaxError as exc:
        problems.append(Problem(exc.code, exc.params, file, exc.line, exc.column))
    if columns is None:
        problems.append(Problem("actuals.empty", {}, file))
    return observations, problems


def actuals_files(folder: Path, ids: Iterable[str]) -> tuple[list[tuple[Path, str]], list[Problem]]:
    """The CSV files of an actuals folder with the indicator each belongs to, and problems.

    A file whose name is an id but for its case (``Patents_valid.csv``, ``patents_valid.CSV``)
    is ``actuals.wrong_case`` and one that names no id ``actuals.unknown_file`` (warnings:
    ``check`` makes them errors); both are left out. On a file system that ignores case
    the first is the indicator's own file and is read. A folder that cannot be listed is
    ``actuals.unreadable``: never an empty plan."""
    known = set(ids)
    by_lower = {i.lower(): i for i in known}
    try:
        paths = scan_folder(folder, "actuals.unreadable")
    except DataError as exc:
        return [], exc.problems
    files: list[tuple[Path, str]] = []
    problems: list[Problem] = []
    for path in paths:
        name = path.name
        if not name.lower().endswith(".csv") or name.startswith("."):
            continue
        stem = name[:-4]
        if name.endswith(".csv") and stem in known:
            files.append((path, stem))
            continue
        match = by_lower.get(stem.lower())
        if match is not None:
            if _same_file(path, folder / f"{match}.csv"):  # a file system ignoring case
                files.append((path, match))
                continue
            params = {"name": name, "expected": f"{match}.csv", "id": match}
            problems.append(Problem("actuals.wrong_case", params, str(path), severity="warning"))
        else:
            problems.append(
                Problem("actuals.unknown_file", {"id": stem}, str(path), severity="warning")
            )
    return files, problems


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def read_actuals(plan: Plan) -> tuple[dict[str, list[Observation]], list[Problem]]:
    """All observations of a plan, by indicator id, and every problem found."""
    found: dict[str, list[Observation]] = {ind.id: [] for ind in plan.indicators}
    folder = plan.actuals_dir
    try:
        if folder is not None and folder.exists() and not folder.is_dir():
            return found, [Problem("actuals.not_a_folder", {"path": str(folder)}, str(folder))]
        if folder is None or not folder.is_dir():
            return found, []
    except OSError as exc:  # the plan folder cannot be searched (permissions)
        params = {"reason": exc.strerror or str(exc)}
        return found, [Problem("actuals.unreadable", params, str(folder))]
    files, problems = actuals_files(folder, found)
    indicators = {ind.id: ind for ind in plan.indicators}
    for path, indicator_id in files:
        observations, file_problems = parse_file(path, indicators[indicator_id], plan.meta.region)
        found[indicator_id] = observations
        problems.extend(file_problems)
    return found, problems


def load_actuals(plan: Plan, warnings: list[Problem] | None = None) -> dict[str, list[Observation]]:
    """All observations; raise DataError listing every error when any file is unusable.
    Warnings (a file ignored, an uncertain encoding) are appended to ``warnings``."""
    found, problems = read_actuals(plan)
    errors = [p for p in problems if p.severity == "error"]
    if errors:
        raise DataError(problems=errors)
    if warnings is not None:
        warnings.extend(problems)
    return found
