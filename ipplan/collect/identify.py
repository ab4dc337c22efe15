"""Which unit, period and plan a returned workbook is for.

From the hidden sheet ``_ipplan`` when it is there; otherwise from the line under the data
sheet's title (填报单位：… 填报期间：…), otherwise from the file name
(``<单位>-<期间>-填报表.xlsx``), with a notice saying so. A hidden sheet and a title line
that disagree refuse the file (a copy of another unit's workbook).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from ipplan.collect.layout import FILE_RE, FORMAT, HEADER_ROW, HIDDEN, KEYS, UNIT_LINE_RE, checksum
from ipplan.core.errors import DataError, PeriodError, Problem
from ipplan.core.i18n import Lang, word
from ipplan.core.periods import Period, parse_period, parse_period_lenient
from ipplan.data.sheets import XLSX_MAGIC, Cell, read_sheet
from ipplan.present.safe import DANGEROUS

How = Literal["hidden", "sheet", "file"]


@dataclass
class Identity:
    """What a returned file says it is; ``sheet`` is the data sheet to read."""

    unit: str
    period: Period
    how: How
    sheet: str
    plan: str | None = None
    checksum: str | None = None
    notices: list[Problem] = field(default_factory=list)


def plain(text: str) -> str:
    """Text as written before it was neutralised for a spreadsheet ('=x → =x)."""
    return text[1:] if text.startswith("'") and text[1:].startswith(DANGEROUS) else text


def _cells(path: Path) -> tuple[list[str], dict[str, str]]:
    """The workbook's sheet names and the hidden sheet's keys and values ({} without it)."""
    from openpyxl import load_workbook

    file = str(path)
    try:
        with path.open("rb") as f:
            magic = f.read(4)
    except OSError as exc:
        raise DataError("import.unreadable", file=file, reason=exc.strerror or str(exc)) from None
    if magic != XLSX_MAGIC:
        raise DataError("collect.not_xlsx", file=file)
    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # zip, XML and openpyxl's own errors alike
        raise DataError("import.bad_xlsx", file=file, reason=type(exc).__name__) from None
    try:
        names = list(book.sheetnames)
        values: dict[str, str] = {}
        if HIDDEN in names:
            for row in book[HIDDEN].iter_rows(min_row=1, max_row=20, max_col=2, values_only=True):
                if row and isinstance(row[0], str) and len(row) > 1 and row[1] is not None:
                    values[row[0].strip()] = plain(str(row[1]).strip())
    finally:
        book.close()
    return names, values


def _title_line(rows: list[tuple[int, list[Cell]]]) -> tuple[str, Period] | None:
    for _, cells in rows[:HEADER_ROW]:
        for cell in cells:
            if isinstance(cell, str) and (m := UNIT_LINE_RE.search(cell)):
                try:
                    return plain(m["unit"].strip()), parse_period(m["period"])
                except PeriodError:
                    return None
    return None


def _find_data_sheet(
    path: Path, names: list[str]
) -> tuple[str, list[tuple[int, list[Cell]]], tuple[str, Period] | None]:
    first: tuple[str, list[tuple[int, list[Cell]]]] | None = None
    for name in names:
        rows = read_sheet(path, name).rows
        line = _title_line(rows)
        if line is not None:
            return name, rows, line
        first = first or (name, rows)
    assert first is not None
    return first[0], first[1], None


def layout_checksum(sheet: str, rows: list[tuple[int, list[Cell]]]) -> str | None:
    """The checksum of the layout found in a returned data sheet (see layout.checksum)."""
    header = next((cells for line, cells in rows if line == HEADER_ROW), None)
    if header is None:
        return None
    periods = []
    for cell in header[3:]:
        try:
            periods.append(str(parse_period_lenient(cell)))
        except PeriodError:
            break
    pairs = [
        (str(cells[1]).strip(), "" if len(cells) < 3 or cells[2] is None else str(cells[2]).strip())
        for line, cells in rows
        if line > HEADER_ROW and len(cells) > 1 and cells[1] not in (None, "")
    ]
    return checksum(sheet, periods, pairs)


def identify(path: Path, lang: Lang = Lang.ZH) -> Identity:
    """The identity of a returned workbook; DataError when it cannot be told or disagrees."""
    file = str(path)
    names, hidden = _cells(path)
    data_sheets = [n for n in names if n != HIDDEN]
    if not data_sheets:
        raise DataError("import.empty", file=file)
    sheet = hidden.get("sheet", "")
    if sheet in data_sheets:
        rows = read_sheet(path, sheet).rows
        line = _title_line(rows)
    else:  # renamed or never known: the first sheet with the title line, else the first
        sheet, rows, line = _find_data_sheet(path, data_sheets)
    if hidden:
        if hidden.get("format") != FORMAT or any(k not in hidden for k in KEYS[:4]):
            raise DataError("collect.bad_hidden", file=file)
        try:
            period = parse_period(hidden["period"])
        except PeriodError:
            raise DataError("collect.bad_hidden", file=file) from None
        found = Identity(hidden["unit"], period, "hidden", sheet, hidden["plan"],
                         hidden.get("checksum"))  # fmt: skip
        if line is not None:
            problems = [
                Problem("collect.mismatch", {"key": key, "hidden": a, "sheet": b}, file)
                for key, a, b in (
                    ("unit", found.unit, line[0]),
                    ("period", str(found.period), str(line[1])),
                )
                if a != b
            ]
            if problems:
                raise DataError(problems=problems)
        if found.checksum and layout_checksum(sheet, rows) != found.checksum:
            found.notices.append(Problem("collect.layout_changed", {}, file, severity="warning"))
        return found
    how: How
    if line is not None:
        unit, period, how = line[0], line[1], "sheet"
    elif m := FILE_RE.match(path.name):
        try:
            period = parse_period(m["period"])
        except PeriodError:
            raise DataError("collect.unidentified", file=file) from None
        unit, how = m["unit"].strip(), "file"
    else:
        raise DataError("collect.unidentified", file=file)
    found = Identity(unit, period, how, sheet)
    params = {"unit": unit, "period": str(period), "how": word(f"collect.how_{how}", lang)}
    found.notices.append(Problem("collect.no_hidden", params, file, severity="warning"))
    return found
