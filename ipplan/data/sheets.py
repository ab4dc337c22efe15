"""Reading a file to import into rows of cells: CSV (UTF-8, BOM, GBK/GB18030) or XLSX.

CSV cells are text. XLSX cells keep their type (numbers, dates, text) as Excel stored
them, read with openpyxl in read-only mode (imported here only, when needed), whatever
used range the file claims, and with the values Excel last computed for formulas. A
number shown as a percentage in Excel (0.1429 formatted 14.29%) is read as the percentage
shown (14.29). A number is rounded to 15 significant digits, as Excel shows it
(2.2999999999999998 → 2.3).

Limits (each refused with a message naming it, before the work grows): the file is
read only if it is a regular file of at most 32 MiB (:mod:`ipplan.data.safeio`); an XLSX
whose parts unzip to more than 128 MiB in all is refused before it is opened (a zip
bomb); reading stops at :data:`MAX_ROWS` rows. A CSV whose encoding is uncertain (Big5
or GB18030: :mod:`ipplan.data.encoding`) is refused: save it as UTF-8.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from ipplan.core.errors import DataError, IpplanError, Problem, UsageError
from ipplan.core.i18n import Listing
from ipplan.data.csvread import CsvSyntaxError, read_records
from ipplan.data.encoding import decode_text
from ipplan.data.safeio import MAX_IMPORT_BYTES, read_limited

Cell = object  # str, int, float, datetime, date or None
XLSX_MAGIC = b"PK\x03\x04"
XLS_MAGIC = b"\xd0\xcf\x11\xe0"
MAX_ROWS = 100_000  # rows of a file to import: a county's sheet has a few dozen, a national
# table of 3,000 units × 20 indicators in the wide layout 60,000
MAX_XLSX_UNPACKED = 128 * 1024 * 1024  # bytes of all the parts of an XLSX, unzipped


@dataclass(frozen=True)
class Sheet:
    """The rows of one table: (line or Excel row number, cells)."""

    file: str
    rows: list[tuple[int, list[Cell]]]
    excel: bool = False


def read_sheet(path: Path, sheet: str | None = None) -> Sheet:
    """The rows of a CSV file, or of one sheet of an XLSX workbook (the first by default)."""
    file = str(path)
    raw = read_limited(path, MAX_IMPORT_BYTES, "import.unreadable")
    if raw.startswith(XLS_MAGIC) or path.suffix.lower() == ".xls":
        raise DataError("import.xls", file=file)
    if raw.startswith(XLSX_MAGIC) or path.suffix.lower() in (".xlsx", ".xlsm"):
        return _read_xlsx_quietly(path, raw, sheet)
    if sheet is not None:
        raise UsageError("import.sheet_not_xlsx")
    decoded = decode_text(raw, file)
    if not decoded.certain:
        raise DataError("import.uncertain_encoding", file=file, encoding=decoded.encoding.upper(),
                        other=(decoded.other or "-").upper())  # fmt: skip
    rows: list[tuple[int, list[Cell]]] = []
    try:
        for line, cells in read_records(decoded.text.lstrip("\ufeff")):
            if len(rows) >= MAX_ROWS:
                raise DataError("import.too_many_rows", file=file, line=line, limit=MAX_ROWS)
            rows.append((line, list(cells)))
    except CsvSyntaxError as exc:
        raise DataError(
            problems=[Problem(exc.code, exc.params, file, exc.line, exc.column)]
        ) from None
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


def _formula_cells(raw: bytes, title: str, file: str) -> dict[tuple[int, int], str]:
    """Where the sheet has formulas: (row, column) → the formula text. Read separately, as
    the values pass sees a formula's cached result only, or nothing."""
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(raw), read_only=True, data_only=False)
    try:
        ws = book[title]
        ws.reset_dimensions()
        found: dict[tuple[int, int], str] = {}
        for r, cells in enumerate(ws.iter_rows(min_row=1), start=1):
            if r > MAX_ROWS:
                raise DataError("import.too_many_rows", file=file, line=r, limit=MAX_ROWS)
            for c, value in enumerate((cell.value for cell in cells), start=1):
                if isinstance(value, str) and value.startswith("="):
                    found[r, c] = value
        return found
    finally:
        book.close()


_BAD_DATE = re.compile(r"Cell ([A-Z]+[0-9]+) is marked as a date but the serial value (\S+)")


def _read_xlsx_quietly(path: Path, raw: bytes, sheet: str | None) -> Sheet:
    """:func:`_read_xlsx` without openpyxl's own warnings on stderr: a date out of Excel's
    range (which openpyxl reads as #VALUE!) becomes our error naming the cell; other
    warnings (an unsupported extension) are about the file's form, not its data."""
    import warnings

    from openpyxl.utils.cell import coordinate_to_tuple

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        result = _read_xlsx(path, raw, sheet)
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


def _unpacked_size(raw: bytes, file: str) -> None:
    """Refuse an XLSX whose parts unzip to more than the limit (a zip bomb). The sizes
    are those the archive declares: Python's zipfile never inflates a part beyond its
    declared size, so they bound what reading it can cost."""
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            size = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise DataError("import.bad_xlsx", file=file, reason=type(exc).__name__) from None
    if size > MAX_XLSX_UNPACKED:
        mib = 1024 * 1024
        raise DataError("import.xlsx_too_large", file=file, size=f"{size / mib:.0f}",
                        limit=f"{MAX_XLSX_UNPACKED / mib:.0f}")  # fmt: skip


def _read_xlsx(path: Path, raw: bytes, sheet: str | None) -> Sheet:
    file = str(path)
    _unpacked_size(raw, file)
    try:
        return _read_book(file, raw, sheet)
    except MemoryError:
        limit = f"{MAX_XLSX_UNPACKED / (1024 * 1024):.0f}"
        raise DataError("import.xlsx_too_large", file=file, size="?", limit=limit) from None
    except IpplanError:
        raise
    except Exception as exc:
        # A damaged part: xml.etree's ParseError (a sheet of blanks), and the TypeError,
        # KeyError, ValueError … openpyxl raises on attributes and values it does not know.
        raise DataError("import.bad_xlsx", file=file, reason=type(exc).__name__) from None


def _read_book(file: str, raw: bytes, sheet: str | None) -> Sheet:
    import zipfile

    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
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
            raise UsageError("import.unknown_sheet", value=sheet, known=Listing.of(book.sheetnames))
        # Some programs write a wrong used range ("A1"); read-only mode would then stop
        # after the first row. Forget it and read every row there is.
        ws.reset_dimensions()
        formulas = _formula_cells(raw, ws.title, file)
        rows: list[tuple[int, list[Cell]]] = []
        try:
            for number, cells in enumerate(ws.iter_rows(min_row=1), start=1):
                if number > MAX_ROWS:
                    raise DataError("import.too_many_rows", file=file, line=number,
                                    limit=MAX_ROWS)  # fmt: skip
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
