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
(-, —, /) counts as empty. Indicators are named by id or by name (:mod:`ipplan.lookup`).
Every problem is collected, located as file:line:column; nothing here writes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Literal

from ipplan.actuals import FLAG_RE, header_name, parse_date
from ipplan.errors import DataError, NumberError, PeriodError, Problem
from ipplan.lookup import find_indicator, normalise, unknown_indicator
from ipplan.model import Indicator, Observation, Plan
from ipplan.numbers import SCALES, parse_number
from ipplan.periods import Period, parse_period_lenient
from ipplan.sheets import Cell, Sheet, read_sheet
from ipplan.store import check_observation, region_key

HEADER_ROWS = 20
DASHES = {"-", "--", "—", "——", "–", "/", "－", "／", "…", "..."}
LABELS = {"序号", "编号", "no", "no.", "#", "类别", "分类", "category"}
# Header names offices use beyond those of actuals files.
MORE_NAMES = {"项目": "indicator", "指标项": "indicator", "名称": "indicator",
              "单位": "unit", "计量单位": "unit", "unit": "unit"}  # fmt: skip
ROW_META = ("region", "source", "note", "flag")


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
    if cell is None:
        return ""
    if isinstance(cell, date):
        return cell.isoformat()[:10]
    text = str(cell).strip()
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

    def value(
        self, cell: Cell, ind: Indicator, line: int, column: int, factor: Decimal = Decimal(1)
    ) -> float | None:
        try:
            value = parse_number(cell if not isinstance(cell, str) else cell.strip(),
                                 percent=ind.unit == "%")  # fmt: skip
        except NumberError as exc:
            self.data.problems.extend(p.located(self.data.file, line, column) for p in exc.problems)
            return None
        return value if factor == 1 else float(Decimal(repr(value)) * factor)

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

    def meta(self, cells: Sequence[Cell], names: dict[str, int], line: int) -> dict[str, str]:
        found = {name: _text(_at(cells, names.get(name))) for name in ROW_META}
        flag = found["flag"].lower()
        if flag and not FLAG_RE.match(flag):
            col = names["flag"] + 1
            self.problem("actuals.bad_flag", line, col, value=found["flag"])
        found["flag"] = flag
        found["region"] = found["region"] or self.region
        return found


def _long(
    reader: _Reader, sheet: Sheet, start: int, names: dict[str, int], default: Indicator | None
) -> None:
    def col(name: str) -> int | None:
        return names[name] + 1 if name in names else None

    for line, cells in sheet.rows:
        if line <= start or not any(_text(c) for c in cells):
            continue
        raw_value = _at(cells, names["value"])
        if not _text(raw_value):
            reader.data.skipped += 1
            continue
        ind = default
        if "indicator" in names:
            if not _text(_at(cells, names["indicator"])):
                reader.problem("import.no_indicator", line, col("indicator"))
                continue
            ind = reader.indicator(_at(cells, names["indicator"]), line, col("indicator"))
        period = _period(reader, _at(cells, names["period"]), line, col("period"))
        if ind is None or period is None:
            continue
        factor = reader.factor(cells, names, ind, line)
        if factor is None:
            continue
        value = reader.value(raw_value, ind, line, col("value") or 0, factor)
        meta = reader.meta(cells, names, line)
        yoy = published = None
        raw_yoy = _at(cells, names.get("yoy"))
        if _text(raw_yoy):
            try:
                yoy = parse_number(raw_yoy, percent=True)
            except NumberError as exc:
                reader.data.problems.extend(
                    p.located(reader.data.file, line, col("yoy")) for p in exc.problems
                )
        raw_published = _at(cells, names.get("published"))
        if isinstance(raw_published, date):
            published = raw_published
        elif _text(raw_published):
            try:
                published = parse_date(_text(raw_published))
            except ValueError:
                reader.problem(
                    "actuals.bad_date", line, col("published"), value=_text(raw_published)
                )
        if value is None:
            continue
        obs = Observation(ind.id, period, value, meta["region"], meta["source"] or None,
                          meta["note"] or None, meta["flag"] or None, yoy, published,
                          reader.data.file, line)  # fmt: skip
        reader.add(obs, col("value") or 0)


def _period(reader: _Reader, cell: Cell, line: int, column: int | None) -> Period | None:
    if not _text(cell):
        reader.problem("import.no_period", line, column)
        return None
    try:
        return parse_period_lenient(cell.strip() if isinstance(cell, str) else cell)
    except PeriodError:
        reader.problem("import.bad_period", line, column, value=_text(cell))
        return None


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
    where = names["indicator"]
    for line, cells in sheet.rows:
        if line <= start:
            continue
        filled = [i for i in periods if _text(_at(cells, i))]
        if not filled:
            if any(_text(c) for c in cells):
                reader.data.skipped += 1
            continue
        if not _text(_at(cells, where)):
            reader.problem("import.no_indicator", line, where + 1)
            continue
        ind = reader.indicator(_at(cells, where), line, where + 1)
        if ind is None:
            continue
        factor = reader.factor(cells, names, ind, line)
        if factor is None:
            continue
        meta = reader.meta(cells, names, line)
        for i in filled:
            value = reader.value(_at(cells, i), ind, line, i + 1, factor)
            if value is None:
                continue
            obs = Observation(ind.id, periods[i], value, meta["region"], meta["source"] or None,
                              meta["note"] or None, meta["flag"] or None, file=reader.data.file,
                              line=line)  # fmt: skip
            reader.add(obs, i + 1)


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
