"""Turning a spreadsheet an office keeps into observations: the long and the wide layout.

- Long: one row per figure, a header naming the columns in English or Chinese
  (indicator/指标, period/期间, value/数值, region/地区, source/来源, note/备注, flag/标记,
  yoy/同比, published/发布日期). Without an indicator column the file's name must be an
  indicator id (``trademarks_valid.csv``).
- Wide: one row per indicator, one column per period; the header holds an indicator
  column and periods as offices write them (2024, 2024年, 2024年3月, 2024年一季度, 2024-Q1,
  Excel numbers and dates); region/source/note columns apply to their row; other columns
  (序号, 2025年目标 …) are ignored, with a warning for those that are not obviously
  labels. A unit column (单位) scales the row's values to the indicator's unit (2.25 in
  万件 → 22500 件); a unit with 十/百/千/万/亿 that cannot be matched is an error, any
  other differing unit (个 for 件) a warning.

The header is the first row, among the first 20, that has an indicator column or both a
period and a value column (title rows above it are skipped). Rows without any figure are
skipped (section titles, footnotes, figures not yet known); a cell holding only a dash
(-, —, /) counts as empty. Indicators are named by id or by name (:mod:`ipplan.core.lookup`).
Each figure's fields (period, value, region, source, note, flag, yoy, published) are read
by :mod:`ipplan.data.observation`, as in actuals files but for periods, which may be written as
offices write them. Every problem is collected, located as file:line:column; nothing here
writes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from pathlib import Path
from typing import Literal

from ipplan.core.errors import DataError, PeriodError, Problem
from ipplan.core.lookup import find_indicator, normalise, unknown_indicator
from ipplan.core.model import Indicator, Observation, Plan
from ipplan.core.numbers import SCALES
from ipplan.core.periods import Period, parse_period_lenient
from ipplan.data.actuals import header_name
from ipplan.data.observation import COLUMNS, Origin, Where, cell_text, parse_observation
from ipplan.data.sheets import Cell, Sheet, read_sheet
from ipplan.data.store import check_observation, region_key

HEADER_ROWS = 20
DASHES = {"-", "--", "—", "——", "–", "/", "－", "／", "…", "..."}
LABELS = {"序号", "编号", "no", "no.", "#", "类别", "分类", "category"}
# Header names offices use beyond those of actuals files.
MORE_NAMES = {"项目": "indicator", "指标项": "indicator", "名称": "indicator",
              "单位": "unit", "计量单位": "unit", "unit": "unit"}  # fmt: skip
ROW_META = ("region", "source", "note", "flag")  # the fields a wide layout's row gives


@dataclass
class ImportData:
    """What a file holds: observations by indicator, problems (errors and warnings)."""

    file: str
    layout: Literal["long", "wide"] | None = None
    observations: dict[str, list[Observation]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    skipped: int = 0  # rows without a figure

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]


def _text(cell: Cell) -> str:
    text = cell_text(cell)
    return "" if text in DASHES else text


def _at(cells: Sequence[Cell], i: int | None) -> Cell:
    return cells[i] if i is not None and i < len(cells) else None


def _header_name(cell: Cell) -> str | None:
    if not isinstance(cell, str):
        return None
    return header_name(cell) or MORE_NAMES.get(cell.strip().lower())


def unit_factor(unit: str, ind: Indicator) -> Decimal | None:
    """What a value in ``unit`` is multiplied by to be in the indicator's unit.

    1 for the same unit (or none given); 10^4 for 万件 against 件, 10^-4 for 元 against
    万元, 10^4 for 亿元 against 万元; None when the units cannot be matched.
    """
    given, base = normalise(unit), normalise(ind.unit)
    if not given or given == base:
        return Decimal(1)
    for prefix, factor in SCALES.items():
        if given == prefix + base:
            return factor
        if base == prefix + given:
            return 1 / factor
    if base.startswith("万") and given == "亿" + base[1:]:
        return SCALES["亿"] / SCALES["万"]
    return None


def _find_header(sheet: Sheet) -> tuple[int, list[Cell], dict[str, int]] | None:
    for line, cells in sheet.rows[:HEADER_ROWS]:
        names: dict[str, int] = {}
        for i, cell in enumerate(cells):
            name = _header_name(cell)
            if name is not None:
                names.setdefault(name, i)
        if "indicator" in names or ("period" in names and "value" in names):
            return line, cells, names
    return None


class _Reader:
    def __init__(self, plan: Plan, data: ImportData, region: str | None) -> None:
        self.plan = plan
        self.data = data
        self.region = region or ""
        self.seen: dict[tuple[str, str, str], int] = {}
        self.names: dict[str, Indicator | None] = {}
        self.unknown: dict[str, Problem] = {}

    def problem(self, code: str, line: int, column: int | None, **params: object) -> None:
        self.data.problems.append(Problem(code, params, self.data.file, line, column))

    def indicator(self, cell: Cell, line: int, column: int | None) -> Indicator | None:
        text = _text(cell)
        if text not in self.names:  # looked up once per name: rows repeat a few names
            self.names[text] = find_indicator(self.plan, text)
        found = self.names[text]
        if found is None:
            if text not in self.unknown:  # the closest names, worked out once per name
                self.unknown[text] = unknown_indicator(self.plan, text, self.data.file, 0, None)
            self.data.problems.append(replace(self.unknown[text], line=line, column=column))
        return found

    def row_indicator(
        self,
        cells: Sequence[Cell],
        names: dict[str, int],
        line: int,
        default: Indicator | None = None,
    ) -> tuple[Indicator, Decimal] | None:
        """The row's indicator (its indicator column's, else ``default``) and the factor to
        its unit; None, with the problem, when either is missing."""
        ind = default
        if "indicator" in names:
            cell = _at(cells, names["indicator"])
            if not _text(cell):
                self.problem("import.no_indicator", line, names["indicator"] + 1)
                return None
            ind = self.indicator(cell, line, names["indicator"] + 1)
        if ind is None:
            return None
        factor = self.factor(cells, names, ind, line)
        return None if factor is None else (ind, factor)

    def factor(
        self, cells: Sequence[Cell], names: dict[str, int], ind: Indicator, line: int
    ) -> Decimal | None:
        """The row's unit against the indicator's; None (and a problem) when they differ."""
        unit = _text(_at(cells, names.get("unit")))
        found = unit_factor(unit, ind)
        if found is not None:
            return found
        scaled = any(ch in unit for ch in "十百千万亿")
        where = (self.data.file, line, names["unit"] + 1)
        params = {"unit": unit, "id": ind.id, "expected": ind.unit or "-"}
        code = "import.unit_mismatch" if scaled else "import.unit_differs"
        self.data.problems.append(Problem(code, params, *where, "error" if scaled else "warning"))
        return None if scaled else Decimal(1)

    def add(self, obs: Observation, column: int) -> None:
        found = check_observation(self.plan, obs)
        if found:
            self.data.problems.extend(p.located(column=column) for p in found)
            return
        key = (obs.indicator, str(obs.period), region_key(self.plan, obs.region))
        first = self.seen.setdefault(key, obs.line or 0)
        if first != obs.line:
            region = key[2] or self.plan.meta.region
            self.problem("store.duplicate", obs.line or 0, column, id=obs.indicator,
                         period=key[1], region=region, first=first)  # fmt: skip
            return
        self.data.observations.setdefault(obs.indicator, []).append(obs)

    def observe(
        self,
        fields: dict[str, Cell],
        ind: Indicator,
        where: Where,
        factor: Decimal,
        problems: list[Problem],
    ) -> None:
        """Add the observation ``fields`` give, in the indicator's unit, or its problems
        (those ``problems`` already holds are not repeated: a wide layout's row gives its
        region, source, note and flag to every figure)."""
        fields["region"] = _text(fields.get("region")) or self.region
        obs, found = parse_observation(fields, ind, Origin.IMPORT, where)
        if obs is None:
            new = [p for p in found if p not in problems]
            problems.extend(new)
            self.data.problems.extend(new)
            return
        if factor != 1:
            obs = replace(obs, value=float(Decimal(repr(obs.value)) * factor))
        self.add(obs, where.columns["value"])


def _fields(cells: Sequence[Cell], names: dict[str, int], which: Sequence[str]) -> dict[str, Cell]:
    """The row's cells of the named fields; a cell of only a dash is empty."""
    return {name: _blank(_at(cells, names.get(name))) for name in which}


def _blank(cell: Cell) -> Cell:
    return "" if isinstance(cell, str) and cell.strip() in DASHES else cell


def _long(
    reader: _Reader, sheet: Sheet, start: int, names: dict[str, int], default: Indicator | None
) -> None:
    columns = {name: i + 1 for name, i in names.items()}
    for line, cells in sheet.rows:
        if line <= start or not any(_text(c) for c in cells):
            continue
        if not _text(_at(cells, names["value"])):
            reader.data.skipped += 1
            continue
        found = reader.row_indicator(cells, names, line, default)
        if found is None:
            continue
        ind, factor = found
        where = Where(reader.data.file, line, columns)
        reader.observe(_fields(cells, names, COLUMNS), ind, where, factor, [])


def _wide_columns(
    reader: _Reader, header: Sequence[Cell], names: dict[str, int], line: int
) -> dict[int, Period]:
    periods: dict[int, Period] = {}
    first: dict[Period, int] = {}
    taken = set(names.values())
    for i, cell in enumerate(header):
        text = _text(cell)
        if i in taken or not text or text.lower() in LABELS:
            continue
        try:
            period = parse_period_lenient(cell.strip() if isinstance(cell, str) else cell)
        except PeriodError:
            w = Problem(
                "import.ignored_column", {"value": text}, reader.data.file, line, i + 1, "warning"
            )
            reader.data.problems.append(w)
            continue
        if period in first:
            reader.problem("import.duplicate_period_column", line, i + 1, value=text,
                           period=str(period), first=first[period] + 1)  # fmt: skip
            continue
        first[period] = i
        periods[i] = period
    return periods


def _wide(
    reader: _Reader, sheet: Sheet, start: int, header: Sequence[Cell], names: dict[str, int]
) -> None:
    periods = _wide_columns(reader, header, names, start)
    if not periods:
        reader.problem("import.no_value_column", start, None)
        return
    columns = {name: i + 1 for name, i in names.items()}
    for line, cells in sheet.rows:
        if line <= start:
            continue
        filled = [i for i in periods if _text(_at(cells, i))]
        if not filled:
            if any(_text(c) for c in cells):
                reader.data.skipped += 1
            continue
        found = reader.row_indicator(cells, names, line)
        if found is None:
            continue
        ind, factor = found
        row = _fields(cells, names, ROW_META)
        problems: list[Problem] = []  # the row's own, reported once
        for i in filled:
            at = Where(reader.data.file, line, {**columns, "period": i + 1, "value": i + 1})
            fields = {**row, "period": periods[i], "value": _at(cells, i)}
            reader.observe(fields, ind, at, factor, problems)


def read_import(
    plan: Plan, path: Path, sheet: str | None = None, region: str | None = None
) -> ImportData:
    """Every observation in a file to import, and every problem; raises only when unreadable."""
    table = read_sheet(path, sheet)
    data = ImportData(table.file)
    if not any(any(_text(c) for c in cells) for _, cells in table.rows):
        raise DataError("import.empty", file=table.file)
    found = _find_header(table)
    if found is None:
        raise DataError("import.no_header", file=table.file, rows=HEADER_ROWS)
    start, header, names = found
    reader = _Reader(plan, data, region)
    if "period" in names and "value" in names:
        data.layout = "long"
        default = None if "indicator" in names else find_indicator(plan, path.stem)
        if default is None and "indicator" not in names:
            data.problems.append(
                Problem("import.no_indicator_column", {"value": path.stem}, table.file, start)
            )
            return data
        _long(reader, table, start, names, default)
    else:
        data.layout = "wide"
        _wide(reader, table, start, header, names)
    if not data.errors and not data.observations:
        data.problems.append(Problem("import.nothing", {}, table.file))
    return data
