"""Reading a file to import into rows of cells: CSV (UTF-8, BOM, GBK/GB18030) or XLSX.

CSV cells are text. XLSX cells keep their type (numbers, dates, text) as Excel stored
them, read with openpyxl in read-only mode (imported here only, when needed), whatever
used range the file claims, and with the values Excel last computed for formulas. A
number shown as a percentage in Excel (0.1429 formatted 14.29%) is read as the percentage
shown (14.29). A number is rounded to 15 significant digits, as Excel shows it
(2.2999999999999998 → 2.3).
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from ipplan.actuals import decode, read_records
from ipplan.errors import DataError, Problem, UsageError

Cell = object  # str, int, float, datetime, date or None
XLSX_MAGIC = b"PK\x03\x04"
XLS_MAGIC = b"\xd0\xcf\x11\xe0"


@dataclass(frozen=True)
class Sheet:
    """The rows of one table: (line or Excel row number, cells)."""

    file: str
    rows: list[tuple[int, list[Cell]]]
    excel: bool = False


def read_sheet(path: Path, sheet: str | None = None) -> Sheet:
    """The rows of a CSV file, or of one sheet of an XLSX workbook (the first by default)."""
    file = str(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise DataError("import.unreadable", file=file, reason=exc.strerror or str(exc)) from None
    if raw.startswith(XLS_MAGIC) or path.suffix.lower() == ".xls":
        raise DataError("import.xls", file=file)
    if raw.startswith(XLSX_MAGIC) or path.suffix.lower() in (".xlsx", ".xlsm"):
        return _read_xlsx_quietly(path, sheet)
    if sheet is not None:
        raise UsageError("import.sheet_not_xlsx")
    text = decode(raw, file)
    rows: list[tuple[int, list[Cell]]] = []
    try:
        for line, cells in read_records(text.lstrip("\ufeff")):
            rows.append((line, list(cells)))
    except csv.Error as exc:
        raise DataError("actuals.csv_syntax", file=file, reason=str(exc)) from None
    return Sheet(file, rows)


def _value(cell: object) -> Cell:
    value = getattr(cell, "value", None)
    if isinstance(value, bool) or value is None:
        return None if value is None else str(value)
    if isinstance(value, int | float):
        number = float(value)
        if "%" in str(getattr(cell, "number_format", "") or ""):
            number *= 100
        number = float(f"{number:.15g}")
        return int(number) if number.is_integer() and abs(number) < 1e15 else number
    if isinstance(value, datetime) and value.hour == value.minute == value.second == 0:
        return value.date()
    return value


def _formula_cells(path: Path, title: str) -> dict[tuple[int, int], str]:
    """Where the sheet has formulas: (row, column) → the formula text. Read separately, as
    the values pass sees a formula's cached result only, or nothing."""
    from openpyxl import load_workbook

    book = load_workbook(path, read_only=True, data_only=False)
    try:
        ws = book[title]
        ws.reset_dimensions()
        return {
            (r, c): value
            for r, cells in enumerate(ws.iter_rows(min_row=1), start=1)
            for c, value in enumerate((cell.value for cell in cells), start=1)
            if isinstance(value, str) and value.startswith("=")
        }
    finally:
        book.close()


_BAD_DATE = re.compile(r"Cell ([A-Z]+[0-9]+) is marked as a date but the serial value (\S+)")


def _read_xlsx_quietly(path: Path, sheet: str | None) -> Sheet:
    """:func:`_read_xlsx` without openpyxl's own warnings on stderr: a date out of Excel's
    range (which openpyxl reads as #VALUE!) becomes our error naming the cell; other
    warnings (an unsupported extension) are about the file's form, not its data."""
    import warnings

    from openpyxl.utils.cell import coordinate_to_tuple

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        result = _read_xlsx(path, sheet)
    problems: dict[str, Problem] = {}  # by cell: the sheet is read twice (values, formulas)
    for warning in caught:
        found = _BAD_DATE.search(str(warning.message))
        if found:
            row, column = coordinate_to_tuple(found.group(1))
            params = {"cell": found.group(1), "value": found.group(2)}
            bad = Problem("import.bad_excel_date", params, str(path), row, column)
            problems.setdefault(found.group(1), bad)
    if problems:
        raise DataError(problems=sorted(problems.values(), key=lambda p: (p.line, p.column)))
    return result


def _read_xlsx(path: Path, sheet: str | None) -> Sheet:
    import zipfile

    from openpyxl import load_workbook

    file = str(path)
    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, OSError, KeyError, ValueError, TypeError) as exc:
        raise DataError("import.bad_xlsx", file=file, reason=type(exc).__name__) from None
    except Exception as exc:  # openpyxl's own InvalidFileException and friends
        raise DataError("import.bad_xlsx", file=file, reason=type(exc).__name__) from None
    try:
        if sheet is None:
            ws = book.worksheets[0]
        elif sheet in book.sheetnames:
            ws = book[sheet]
        else:
            raise UsageError("import.unknown_sheet", value=sheet, known="、".join(book.sheetnames))
        # Some programs write a wrong used range ("A1"); read-only mode would then stop
        # after the first row. Forget it and read every row there is.
        ws.reset_dimensions()
        formulas = _formula_cells(path, ws.title)
        rows: list[tuple[int, list[Cell]]] = []
        try:
            for number, cells in enumerate(ws.iter_rows(min_row=1), start=1):
                values = [_value(c) for c in cells]
                for column, value in enumerate(values, start=1):
                    if value is None and (number, column) in formulas:
                        # a formula never calculated (saved by a script, not by Excel/WPS)
                        formula = formulas[number, column]
                        raise DataError("import.formula_uncached", file=file, line=number,
                                        column=column, formula=formula)  # fmt: skip
                while values and values[-1] is None:
                    values.pop()
                if values:
                    rows.append((number, values))
        except (zipfile.BadZipFile, KeyError, ValueError) as exc:
            raise DataError("import.bad_xlsx", file=file, reason=type(exc).__name__) from None
    finally:
        book.close()
    return Sheet(file, rows, excel=True)
