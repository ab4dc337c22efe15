"""Reading actuals/<id>.csv files into observations (formats.md).

``read_actuals`` collects every problem (for ``ipplan check``); ``load_actuals``
raises :class:`~ipplan.core.errors.DataError` when any is an error. A file's records become
observations in :func:`read_rows`, shared with the store's edits (:mod:`ipplan.data.csvtable`);
each row's fields are read by :mod:`ipplan.data.observation`. The helpers here (decoding,
header names) are shared with imports.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ipplan.core.errors import DataError, Problem
from ipplan.core.model import Indicator, Observation, Plan
from ipplan.data.csvread import CsvSyntaxError, read_records
from ipplan.data.encoding import BOM, decode_text, uncertain_problem
from ipplan.data.observation import COLUMNS, Origin, Where, parse_observation
from ipplan.data.safeio import MAX_ACTUALS_BYTES, read_limited, scan_folder

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
__all__ = [
    "BOM",
    "COLUMNS",
    "CsvSyntaxError",
    "decode",
    "load_actuals",
    "read_actuals",
    "read_records",
    "read_rows",
]
Record = tuple[int, str, list[str]]  # a CSV record: first line, exact text ("" if not kept), cells


def decode(raw: bytes, file: str) -> str:
    """Text of a file saved as UTF-8 (with or without BOM) or GBK/GB18030 by Excel/WPS
    (the more plausible reading when the encoding is uncertain: :mod:`ipplan.data.encoding`)."""
    return decode_text(raw, file).text


def header_name(cell: str) -> str | None:
    """The canonical column a header cell names, or None."""
    key = cell.strip().lstrip("\ufeff").strip().lower()
    return ALIASES.get(key)


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


@dataclass
class Rows:
    """An actuals file's records: the header, every sound data row with its observation
    (one per period and region), the widest record, and every problem found."""

    header: list[str] | None = None
    header_raw: str = ""
    columns: dict[str, int] = field(default_factory=dict)
    rows: list[tuple[Record, Observation]] = field(default_factory=list)
    width: int = 0
    problems: list[Problem] = field(default_factory=list)


def read_rows(
    records: Iterable[Record], indicator: Indicator, file: str, plan_region: str = ""
) -> Rows:
    """The records of an actuals file read: the first non-blank one is the header, blank
    ones are skipped, a file without period or value columns is read no further.

    A row whose region is the plan's own region, written out, is the same row as one
    with an empty region: both are reported as duplicates."""
    found = Rows()
    seen: dict[tuple[str, str], int] = {}
    where: dict[str, int] = {}
    try:
        for record in records:
            line, raw, cells = record
            if not any(c.strip() for c in cells):
                continue
            found.width = max(found.width, len(cells))
            if found.header is None:
                found.header, found.header_raw = cells, raw
                found.columns, problems = map_header(cells, file, line)
                found.problems.extend(problems)
                if any(p.code == "actuals.missing_column" for p in problems):
                    return found
                where = {name: i + 1 for name, i in found.columns.items()}
                continue
            fields = {name: cells[i] for name, i in found.columns.items() if i < len(cells)}
            obs, problems = parse_observation(
                fields, indicator, Origin.FILE, Where(file, line, where)
            )
            found.problems.extend(problems)
            if obs is None:
                continue
            key = (str(obs.period), "" if obs.region == plan_region else obs.region)
            if key in seen:
                region = key[1] or plan_region or "-"
                params = {"period": key[0], "region": region, "first": seen[key]}
                found.problems.append(
                    Problem("actuals.duplicate_row", params, file, line, where["period"])
                )
                continue
            seen[key] = line
            found.rows.append((record, obs))
    except CsvSyntaxError as exc:
        found.problems.append(Problem(exc.code, exc.params, file, exc.line, exc.column))
    return found


def parse_file(
    path: Path, indicator: Indicator, plan_region: str = ""
) -> tuple[list[Observation], list[Problem]]:
    """Every observation of one actuals file, and every problem in it (:func:`read_rows`)."""
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
    records = ((line, "", cells) for line, cells in read_records(text))
    found = read_rows(records, indicator, file, plan_region)
    problems = notes + found.problems
    if found.header is None:
        problems.append(Problem("actuals.empty", {}, file))
    return [obs for _, obs in found.rows], problems


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


def plan_files(plan: Plan) -> tuple[list[tuple[Path, Indicator]], list[Problem]]:
    """The plan's actuals files with their indicators (:func:`actuals_files`), and the
    problems of the folder and its files; for the row parser and the engine alike."""
    folder = plan.actuals_dir
    try:
        if folder is not None and folder.exists() and not folder.is_dir():
            return [], [Problem("actuals.not_a_folder", {"path": str(folder)}, str(folder))]
        if folder is None or not folder.is_dir():
            return [], []
    except OSError as exc:  # the plan folder cannot be searched (permissions)
        params = {"reason": exc.strerror or str(exc)}
        return [], [Problem("actuals.unreadable", params, str(folder))]
    files, problems = actuals_files(folder, plan.ids)
    indicators = {ind.id: ind for ind in plan.indicators}
    return [(path, indicators[i]) for path, i in files], problems


def read_actuals(plan: Plan) -> tuple[dict[str, list[Observation]], list[Problem]]:
    """All observations of a plan, by indicator id, and every problem found."""
    found: dict[str, list[Observation]] = {ind.id: [] for ind in plan.indicators}
    files, problems = plan_files(plan)
    for path, indicator in files:
        observations, file_problems = parse_file(path, indicator, plan.meta.region)
        found[indicator.id] = observations
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
