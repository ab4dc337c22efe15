"""``targets_by_region.csv``: the units' own targets for many units (formats.md "Regions").

Beside targets.yaml; UTF-8 with or without BOM, or GBK/GB18030 as Excel/WPS save it.
Columns ``indicator,region,value`` (or 指标,地区,目标值); indicators by id or name; values
as in actuals (22,542 · 2.25万). Every problem is collected with its line and column.
Each distinct indicator text and value text is read once (the national scale has 18
indicators and few distinct values over 52,200 rows); a row with any doubt goes through
the one row reader, :func:`_row`, that words every problem.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from ipplan.core.errors import DataError, NumberError, Problem
from ipplan.core.model import Indicator, UnitTarget
from ipplan.data.actuals import CsvSyntaxError, decode, read_records
from ipplan.data.safeio import MAX_ACTUALS_BYTES, read_limited

FILE = "targets_by_region.csv"
ALIASES: Mapping[str, str] = {
    "indicator": "indicator", "id": "indicator", "指标": "indicator", "指标名称": "indicator",
    "region": "region", "地区": "region", "单位": "region", "区域": "region",
    "value": "value", "目标值": "value", "目标": "value", "数值": "value",
}  # fmt: skip
REQUIRED = ("indicator", "region", "value")


def read_unit_targets(
    directory: Path, indicators: tuple[Indicator, ...], top: str
) -> tuple[list[UnitTarget], list[Problem]]:
    """Every unit target in ``directory/targets_by_region.csv`` (none when it is absent)."""
    path = directory / FILE
    file = str(path)
    if not path.exists():
        return [], []
    try:  # a regular file of at most the size of an actuals file (ipplan.data.safeio)
        text = decode(read_limited(path, MAX_ACTUALS_BYTES, "plan.unreadable"), file)
    except DataError as exc:
        return [], list(exc.problems)
    try:
        records = list(read_records(text))
    except CsvSyntaxError as exc:
        return [], [Problem(exc.code, exc.params, file, exc.line, exc.column)]
    records = [(line, cells) for line, cells in records if "".join(cells).strip()]
    if not records:
        return [], [Problem("regions.csv_empty", {}, file)]
    head_line, header = records[0]
    columns: dict[str, int] = {}
    for i, cell in enumerate(header):
        name = ALIASES.get(cell.strip().lstrip("\ufeff").strip().lower())
        if name is not None and name not in columns:
            columns[name] = i
    missing = [c for c in REQUIRED if c not in columns]
    if missing:
        return [], [Problem("regions.csv_missing_column", {"name": ", ".join(missing)}, file,
                            head_line)]  # fmt: skip
    from ipplan.core.lookup import normalise

    by_key: dict[str, Indicator] = {}  # id or name → the first indicator so named
    for ind in indicators:
        by_key.setdefault(ind.id, ind)
        by_key.setdefault(normalise(ind.name), ind)
    return _rows(records[1:], columns, indicators, top, file, by_key)


def _rows(
    records: list[tuple[int, list[str]]], columns: Mapping[str, int],
    indicators: tuple[Indicator, ...], top: str, file: str, by_key: Mapping[str, Indicator],
) -> tuple[list[UnitTarget], list[Problem]]:  # fmt: skip
    """The data records: each distinct indicator text and value text read once (52,200
    rows at national scale name 18 indicators); a record with any doubt (a short row, an
    indicator that takes no unit target, a region empty or the plan's own, a value that is
    no number) is read by :func:`_row`, which words its problems as before."""
    from ipplan.core.lookup import find_indicator, normalise
    from ipplan.core.numbers import parse_number

    at_indicator, at_region, at_value = columns["indicator"], columns["region"], columns["value"]
    width = max(at_indicator, at_region, at_value) + 1
    takers: dict[str, Indicator | None] = {}  # indicator text → the indicator, if it takes one
    numbers: dict[str, float | None] = {}  # value text → its number, if it is one
    found: list[UnitTarget] = []
    problems: list[Problem] = []
    make, column = object.__new__, at_value + 1  # 52,200 records: 3.4 µs each, then 2.2
    for line, cells in records:
        if len(cells) >= width:
            text = cells[at_indicator].strip()
            if text in takers:
                indicator = takers[text]
            else:
                indicator = by_key.get(normalise(text)) or find_indicator(indicators, text)
                if indicator is not None and (
                    indicator.target is None or indicator.target.type == "growth"
                ):
                    indicator = None
                takers[text] = indicator
            shown = cells[at_value].strip()
            if shown in numbers:
                value = numbers[shown]
            else:
                try:
                    value = parse_number(shown)
                except NumberError:
                    value = None
                numbers[shown] = value
            region = cells[at_region].strip()
            if indicator is not None and value is not None and region and region != top:
                made = make(UnitTarget)  # UnitTarget(…) without its frozen __init__
                made.__dict__.update(indicator=indicator.id, region=region, value=value,
                                     file=file, line=line, column=column)  # fmt: skip
                found.append(made)
                continue
        target, row_problems = _row(cells, columns, indicators, top, file, line, by_key)
        problems += row_problems
        if target is not None:
            found.append(target)
    return found, problems


def _row(
    cells: list[str], columns: Mapping[str, int], indicators: tuple[Indicator, ...], top: str,
    file: str, line: int, by_key: Mapping[str, Indicator],
) -> tuple[UnitTarget | None, list[Problem]]:  # fmt: skip
    from ipplan.core.lookup import find_indicator, normalise, suggest, suggestions
    from ipplan.core.numbers import parse_number

    def cell(name: str) -> str:
        i = columns[name]
        return cells[i].strip() if i < len(cells) else ""

    def col(name: str) -> int:
        return columns[name] + 1

    problems: list[Problem] = []
    text = cell("indicator")
    # by_key: the exact id or name, a dict look-up per row (60,000 rows at national scale);
    # anything else goes through the one lookup (full-width, unit suffix, …).
    indicator = by_key.get(normalise(text))
    if indicator is None:
        indicator = find_indicator(indicators, text)
    if indicator is None:
        known = suggestions(suggest(indicators, text), empty="-")
        problems.append(Problem("regions.csv_unknown_indicator", {"value": text, "known": known},
                                file, line, col("indicator")))  # fmt: skip
    elif indicator.target is None:
        problems.append(Problem("regions.no_plan_target", {"id": indicator.id}, file, line,
                                col("indicator")))  # fmt: skip
    elif indicator.target.type == "growth":
        problems.append(Problem("regions.growth_by_region", {"id": indicator.id}, file, line,
                                col("indicator")))  # fmt: skip
    region = cell("region")
    if not region:
        problems.append(Problem("regions.csv_empty_region", {}, file, line, col("region")))
    elif region == top:
        problems.append(Problem("regions.plan_region_target",
                                {"name": region, "id": indicator.id if indicator else text},
                                file, line, col("region")))  # fmt: skip
    value: float | None = None
    try:
        value = parse_number(cell("value"))
    except NumberError as exc:
        problems.extend(p.located(file, line, col("value")) for p in exc.problems)
    if problems or indicator is None or value is None:
        return None, problems
    return UnitTarget(indicator.id, region, value, file, line, col("value")), []
