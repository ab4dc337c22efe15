"""The report as an Excel workbook (openpyxl): the figures, ready to sort, sum, chart and print.

Sheets: an overview (metadata, counts by status with their total, verdict, problems and
next steps), a summary with one row per indicator, one sheet per indicator with its
history (named after the indicator, its id in a cell), the sources, the data-quality
findings with their file:line:column, and the methodology. Numbers are stored as numbers
with number formats, ratios as percentages, dates as dates; every header row is frozen
and repeats on each printed page; every sheet prints landscape, one page wide.

Formula-like text: every text cell is stored as a string, which no spreadsheet runs, and
text that starts with = + - @, tab or CR also gets Excel's "quote prefix" (the cell stays
text when someone edits it) instead of a visible apostrophe. A formula written as text
("= a + b", the source of a computed figure) is shown as words: "计算：a + b".
"""

from __future__ import annotations

import io
import math
import re
from datetime import date, datetime
from typing import Any

from ipplan.core.i18n import Lang, word
from ipplan.present.fmt import DASH
from ipplan.present.safe import spreadsheet_text, xml_text
from ipplan.present.text import width as text_width
from ipplan.report.document import Bullets, Cell, Paragraph, Report, Table, walk

HEAD_FILL = "DDE8F3"
STATUS_FILL = {
    "achieved": "C6EFCE",
    "on_track": "C6EFCE",
    "behind": "FFEB9C",
    "off_track": "FFC7CE",
    "moving_away": "FFC7CE",
    "missed": "FFC7CE",
    "insufficient_data": "EDEDED",
}
_BAD_SHEET_CHARS = re.compile(r"[\[\]:*?/\\']")
LINE_PT = 15.0  # the height of one line of 11 pt text


def sheet_text(value: str, lang: Lang = Lang.ZH) -> str:
    """Text for a cell: XML-safe, and a formula written as text ("= a + b") in words."""
    text = xml_text(value)
    if text.startswith("=") and not text.startswith("=="):
        return word("report.computed_prefix", lang) + text[1:].strip()
    return text


def sheet_name(wanted: str, taken: set[str]) -> str:
    """A valid, unused sheet name: ≤ 31 characters, none of []:*?/\\', unique ignoring case."""
    base = _BAD_SHEET_CHARS.sub("_", xml_text(wanted)).strip() or "sheet"
    base = base[:31]
    name, n = base, 2
    while name.lower() in taken:
        suffix = f"~{n}"
        name = base[: 31 - len(suffix)] + suffix
        n += 1
    taken.add(name.lower())
    return name


def text_cell(ws: Any, row: int, column: int, value: str, lang: Lang) -> Any:
    """A string cell that never runs: string type, and the quote prefix where needed."""
    target = ws.cell(row=row, column=column)
    target.value = sheet_text(value, lang)
    target.data_type = "s"
    if spreadsheet_text(target.value) != target.value:  # the one rule of present.safe
        target.quotePrefix = True
    return target


def put(ws: Any, row: int, column: int, cell: Cell, lang: Lang = Lang.ZH) -> Any:
    """Write one cell: numbers as numbers, ratios as percentages, text as text."""
    value = cell.value
    if cell.kind in ("number", "percent") and isinstance(value, (int, float)):
        target = ws.cell(row=row, column=column)
        target.value = int(value) if float(value).is_integer() and cell.kind == "number" else value
        places = "." + "0" * cell.decimals if cell.decimals else ""
        target.number_format = f"#,##0{places}" if cell.kind == "number" else f"0{places}%"
        return target
    if cell.kind == "date" and isinstance(value, str):
        target = ws.cell(row=row, column=column)
        target.value = date.fromisoformat(value)
        target.number_format = "yyyy-mm-dd"
        return target
    if cell.text != DASH or value not in (None, DASH):
        return text_cell(ws, row, column, cell.text, lang)
    return ws.cell(row=row, column=column)


def _header(ws: Any, row: int, heads: list[str], lang: Lang) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill

    for i, head in enumerate(heads, 1):
        c = text_cell(ws, row, i, head, lang)
        c.font = Font(bold=True)
        c.fill = PatternFill("solid", fgColor=HEAD_FILL)
        c.alignment = Alignment(wrap_text=True, vertical="center")


def _widths(ws: Any, widths: list[int]) -> None:
    from openpyxl.utils import get_column_letter

    for i, w in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(i)].width = w


def _lines(text: str, width: float) -> int:
    """How many lines ``text`` takes in a column ``width`` characters wide, wrapped."""
    usable = max(width - 1, 1)
    return sum(max(1, math.ceil(text_width(line) / usable)) for line in text.split("\n"))


def fit_rows(ws: Any, first_row: int = 1) -> None:
    """Row heights for wrapped text, so that no wrapped cell runs into the next row."""
    from openpyxl.utils import get_column_letter

    for row in ws.iter_rows(min_row=first_row):
        lines = 1
        for c in row:
            if isinstance(c.value, str) and c.alignment is not None and c.alignment.wrap_text:
                width = ws.column_dimensions[get_column_letter(c.column)].width or 8.43
                lines = max(lines, _lines(c.value, width))
        if lines > 1:
            ws.row_dimensions[row[0].row].height = LINE_PT * lines


def print_setup(ws: Any, title_rows: str | None) -> None:
    """A4 landscape, one page wide, the header rows repeated on every page."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.5
    ws.page_margins.top = ws.page_margins.bottom = 0.6
    if title_rows:
        ws.print_title_rows = title_rows
    ws.oddFooter.center.text = "&P / &N"


def _table(ws: Any, t: Table, lang: Lang, first_row: int = 1) -> None:
    from openpyxl.styles import Alignment, PatternFill

    _header(ws, first_row, [c.head for c in t.columns], lang)
    widths = [max(c.width, min(text_width(c.head) + 2, 24)) for c in t.columns]
    _widths(ws, widths)
    for r, row in enumerate(t.rows, first_row + 1):
        for i, (cell, column) in enumerate(zip(row, t.columns, strict=True), 1):
            written = put(ws, r, i, cell, lang)
            if cell.status in STATUS_FILL:
                written.fill = PatternFill("solid", fgColor=STATUS_FILL[cell.status])
            wrap = column.width >= 20 or "\n" in cell.text
            if wrap:
                written.alignment = Alignment(wrap_text=True, vertical="top")
            else:
                written.alignment = Alignment(vertical="top")
    ws.freeze_panes = ws.cell(row=first_row + 1, column=1)
    fit_rows(ws, first_row)
    print_setup(ws, f"{first_row}:{first_row}")


def _overview(ws: Any, report: Report) -> None:
    from openpyxl.styles import Alignment, Font

    w, lang = report.words, report.lang
    _header(ws, 1, [w["h_item"], report.title], lang)
    ws.freeze_panes = "A2"
    row = 2
    for label, value in report.meta:
        text_cell(ws, row, 1, label, lang)
        if label == w["as_of"]:
            put(ws, row, 2, Cell(value, value, "date"), lang)
        elif label == w["time_elapsed"]:
            elapsed = report.status.get("time_elapsed")
            put(ws, row, 2, Cell(value, elapsed, "percent", 0), lang)
        else:
            put(ws, row, 2, Cell(value, value, data=True), lang)
        row += 1
    row += 1
    _header(ws, row, [w["counts_label"], w["h_count"]], lang)
    counts_start = row
    for label, n in report.shown_counts:
        row += 1
        text_cell(ws, row, 1, label, lang)
        ws.cell(row=row, column=2, value=n)
    row += 1
    text_cell(ws, row, 1, w["total"], lang).font = Font(bold=True)
    ws.cell(row=row, column=2, value=sum(n for _, n in report.shown_counts)).font = Font(bold=True)
    row += 2
    for section in walk(report.sections):
        if section.key not in ("overview", "problems", "next_steps"):
            continue
        text_cell(ws, row, 1, section.heading, lang).font = Font(bold=True)
        for block in section.blocks:
            lines = (
                [f"{n}. {item}" for n, item in enumerate(block.items, 1)]
                if isinstance(block, Bullets)
                else ([block.text] if isinstance(block, Paragraph) else [])
            )
            for line in lines:
                c = text_cell(ws, row, 2, line, lang)
                c.alignment = Alignment(wrap_text=True, vertical="top")
                row += 1
        row += 1
    for line in ws.iter_rows(
        min_row=2, max_row=counts_start + len(report.shown_counts) + 1, min_col=2, max_col=2
    ):
        line[0].alignment = Alignment(horizontal="left")  # numbers beside their labels
    _widths(ws, [22, 100])
    fit_rows(ws, 1)  # the title in the header row wraps too
    print_setup(ws, "1:1")


def _indicator_sheet(wb: Any, sheet: Any, lang: Lang, w: Any, taken: set[str]) -> None:
    """One indicator's history: its name as the sheet name, its id in a cell."""
    from openpyxl.styles import Font

    ws = wb.create_sheet(sheet_name(sheet.name, taken))
    text_cell(ws, 1, 1, sheet.title, lang).font = Font(bold=True)
    text_cell(ws, 2, 1, w["h_sheet_id"], lang)
    text_cell(ws, 2, 2, sheet.id, lang)
    _table(ws, sheet.history, lang, first_row=3)


def render_xlsx(report: Report) -> bytes:
    """The workbook's bytes."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment

    wb = Workbook()
    w, lang = report.words, report.lang
    taken: set[str] = set()
    overview = wb.active
    overview.title = sheet_name(w["s_overview"], taken)
    _overview(overview, report)
    _table(wb.create_sheet(sheet_name(w["s_summary"], taken)), report.summary, lang)
    if report.regions is not None:
        _table(wb.create_sheet(sheet_name(w["s_regions"], taken)), report.regions, lang)
    for sheet in report.sheets:
        _indicator_sheet(wb, sheet, lang, w, taken)
    for section in report.sections:
        tables = [b for b in section.blocks if isinstance(b, Table)]
        if section.key == "sources" and tables:
            _table(wb.create_sheet(sheet_name(w["s_sources"], taken)), tables[0], lang)
        if section.key == "quality" and tables:
            _table(wb.create_sheet(sheet_name(w["t_quality"], taken)), tables[0], lang)
        if section.key == "method":
            ws = wb.create_sheet(sheet_name(w["s_method"], taken))
            _header(ws, 1, [section.heading], lang)
            ws.freeze_panes = "A2"
            for r, block in enumerate(section.blocks, 2):
                if isinstance(block, Paragraph):
                    c = text_cell(ws, r, 1, block.text, lang)
                    c.alignment = Alignment(wrap_text=True, vertical="top")
            _widths(ws, [110])
            fit_rows(ws, 2)
            print_setup(ws, "1:1")
    props = wb.properties
    props.title = xml_text(report.title)
    props.creator = "ipplan"
    props.created = props.modified = datetime(
        report.as_of.year, report.as_of.month, report.as_of.day
    )
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()
