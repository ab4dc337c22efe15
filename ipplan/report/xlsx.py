"""The report as an Excel workbook (openpyxl): the figures, ready to sort, sum and chart.

Sheets: an overview (metadata, counts by status with their total, verdict, data-quality
notes), a summary with one row per indicator, one sheet per indicator with its history,
the sources and the methodology. Numbers are stored as numbers with number formats,
ratios as percentages, dates as dates; every header row is frozen; columns have widths.
Every text cell goes through :func:`~ipplan.render.safe.spreadsheet_text`, so text that
starts with = + - @, tab or CR stays text and never runs as a formula.
"""

from __future__ import annotations

import io
import re
from datetime import date, datetime
from typing import Any

from ipplan.render.fmt import DASH
from ipplan.render.safe import spreadsheet_text, xml_text
from ipplan.report.chart import width as text_width
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


def safe_text(value: str) -> str:
    return spreadsheet_text(xml_text(value))


def sheet_name(wanted: str, taken: set[str]) -> str:
    """A valid, unused sheet name: ≤ 31 characters, none of []:*?/\\', unique ignoring case."""
    base = _BAD_SHEET_CHARS.sub("_", wanted).strip() or "sheet"
    base = base[:31]
    name, n = base, 2
    while name.lower() in taken:
        suffix = f"~{n}"
        name = base[: 31 - len(suffix)] + suffix
        n += 1
    taken.add(name.lower())
    return name


def put(ws: Any, row: int, column: int, cell: Cell) -> Any:
    """Write one cell: numbers as numbers, ratios as percentages, text neutralised."""
    target = ws.cell(row=row, column=column)
    value = cell.value
    if cell.kind in ("number", "percent") and isinstance(value, (int, float)):
        target.value = int(value) if float(value).is_integer() and cell.kind == "number" else value
        places = "." + "0" * cell.decimals if cell.decimals else ""
        target.number_format = f"#,##0{places}" if cell.kind == "number" else f"0{places}%"
    elif cell.kind == "date" and isinstance(value, str):
        target.value = date.fromisoformat(value)
        target.number_format = "yyyy-mm-dd"
    elif cell.text != DASH or value not in (None, DASH):
        target.value = safe_text(cell.text)
        target.data_type = "s"
    return target


def _header(ws: Any, row: int, heads: list[str]) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill

    for i, head in enumerate(heads, 1):
        c = ws.cell(row=row, column=i, value=safe_text(head))
        c.font = Font(bold=True)
        c.fill = PatternFill("solid", fgColor=HEAD_FILL)
        c.alignment = Alignment(wrap_text=True, vertical="center")


def _widths(ws: Any, widths: list[int]) -> None:
    from openpyxl.utils import get_column_letter

    for i, w in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(i)].width = w


def _table(ws: Any, t: Table, first_row: int = 1) -> None:
    from openpyxl.styles import Alignment, PatternFill

    _header(ws, first_row, [c.head for c in t.columns])
    for r, row in enumerate(t.rows, first_row + 1):
        for i, (cell, column) in enumerate(zip(row, t.columns, strict=True), 1):
            written = put(ws, r, i, cell)
            if cell.status in STATUS_FILL:
                written.fill = PatternFill("solid", fgColor=STATUS_FILL[cell.status])
            if column.width >= 40:
                written.alignment = Alignment(wrap_text=True, vertical="top")
    _widths(ws, [max(c.width, text_width(c.head) + 2) for c in t.columns])
    ws.freeze_panes = ws.cell(row=first_row + 1, column=1)


def _overview(ws: Any, report: Report) -> None:
    from openpyxl.styles import Alignment, Font

    w = report.words
    _header(ws, 1, [w["h_item"], report.title])
    ws.freeze_panes = "A2"
    row = 2
    for label, value in report.meta:
        ws.cell(row=row, column=1, value=safe_text(label))
        if label == w["as_of"]:
            put(ws, row, 2, Cell(value, value, "date"))
        elif label == w["time_elapsed"]:
            elapsed = report.status.get("time_elapsed")
            put(ws, row, 2, Cell(value, elapsed, "percent", 0))
        else:
            put(ws, row, 2, Cell(value, value, data=True))
        row += 1
    row += 1
    _header(ws, row, [w["counts_label"], w["h_count"]])
    counts_start = row
    for _status, label, n in report.counts:
        row += 1
        ws.cell(row=row, column=1, value=safe_text(label))
        ws.cell(row=row, column=2, value=n)
    row += 1
    ws.cell(row=row, column=1, value=w["total"]).font = Font(bold=True)
    ws.cell(row=row, column=2, value=sum(n for *_, n in report.counts)).font = Font(bold=True)
    row += 2
    for section in walk(report.sections):
        if section.key not in ("overview", "quality"):
            continue
        ws.cell(row=row, column=1, value=safe_text(section.heading)).font = Font(bold=True)
        for block in section.blocks:
            lines = (
                list(block.items)
                if isinstance(block, Bullets)
                else ([block.text] if isinstance(block, Paragraph) else [])
            )
            for line in lines:
                c = ws.cell(row=row, column=2, value=safe_text(line))
                c.alignment = Alignment(wrap_text=True, vertical="top")
                row += 1
        row += 1
    for line in ws.iter_rows(
        min_row=2, max_row=counts_start + len(report.counts) + 1, min_col=2, max_col=2
    ):
        line[0].alignment = Alignment(horizontal="left")  # numbers beside their labels
    _widths(ws, [22, 100])


def render_xlsx(report: Report) -> bytes:
    """The workbook's bytes."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    wb = Workbook()
    w = report.words
    taken: set[str] = set()
    overview = wb.active
    overview.title = sheet_name(w["s_overview"], taken)
    _overview(overview, report)
    _table(wb.create_sheet(sheet_name(w["s_summary"], taken)), report.summary)
    for sheet in report.sheets:
        ws = wb.create_sheet(sheet_name(sheet.id, taken))
        ws.cell(row=1, column=1, value=safe_text(sheet.title)).font = Font(bold=True)
        _table(ws, sheet.history, first_row=2)
    for section in report.sections:
        if section.key == "sources":
            tables = [b for b in section.blocks if isinstance(b, Table)]
            if tables:
                _table(wb.create_sheet(sheet_name(w["s_sources"], taken)), tables[0])
        if section.key == "method":
            ws = wb.create_sheet(sheet_name(w["s_method"], taken))
            _header(ws, 1, [section.heading])
            ws.freeze_panes = "A2"
            for r, block in enumerate(section.blocks, 2):
                if isinstance(block, Paragraph):
                    c = ws.cell(row=r, column=1, value=safe_text(block.text))
                    c.alignment = Alignment(wrap_text=True, vertical="top")
            _widths(ws, [110])
    props = wb.properties
    props.title = xml_text(report.title)
    props.creator = "ipplan"
    props.created = props.modified = datetime(
        report.as_of.year, report.as_of.month, report.as_of.day
    )
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()
