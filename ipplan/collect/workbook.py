"""Writing one fill-in workbook with openpyxl (imported here only).

Sheets, in order: the data sheet (first, so that `ipplan import FILE` reads it), the
instructions (填报说明, the sheet Excel/WPS opens on), the hidden ``_ipplan`` sheet. The
data sheet is protected without a password: the earlier periods, names, ids, units and
targets are locked; the requested period's column and the note column are not. Each
empty cell has Excel data validation (a decimal, ≥ 0 unless the indicator allows negative
values) with an input message; its error style is *warning*, so that 2.3万 or 1,234 typed
as text can still be kept (ipplan reads them as `import` does). The workbook structure is
protected too (no password), so that a sheet is not deleted or renamed by accident.
"""

from __future__ import annotations

import io
from typing import Any

from ipplan.collect.layout import FORMAT, HEADER_ROW, HIDDEN, Form, form_checksum
from ipplan.core.i18n import Lang
from ipplan.core.i18n import word as catalog_word
from ipplan.data.store import number_text
from ipplan.messages.collect import word
from ipplan.present.safe import spreadsheet_text, xml_text
from ipplan.present.text import width as text_width

LOCKED_FILL = "EDEDED"
OPEN_FILL = "FFF2CC"
HEAD_FILL = "D9E1F2"
LIMIT = "1000000000000000"  # 1e15, the largest magnitude ipplan reads


def _text(ws: Any, row: int, column: int, value: str) -> Any:
    cell = ws.cell(row=row, column=column, value=spreadsheet_text(xml_text(value)))
    cell.data_type = "s"
    return cell


def _number(ws: Any, row: int, column: int, value: float) -> Any:
    shown = int(value) if float(value).is_integer() and abs(value) < 1e15 else value
    cell = ws.cell(row=row, column=column, value=shown)
    places = len(number_text(value).partition(".")[2])
    cell.number_format = "#,##0" + ("." + "0" * places if places else "")
    return cell


def data_sheet_name(lang: Lang) -> str:
    return word("sheet_data", lang)


def _data_sheet(ws: Any, form: Form, lang: Lang) -> None:
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    plan = form.plan
    title = plan.meta.title_en if lang == "en" and plan.meta.title_en else plan.meta.title
    _text(ws, 1, 1, word("title", lang, title=title, unit=form.unit, period=form.period))
    ws.cell(row=1, column=1).font = Font(bold=True, size=13)
    due = form.due.isoformat() if form.due else "—"
    _text(ws, 2, 1, word("unit_line", lang, unit=form.unit, period=form.period, due=due))
    heads = [word("head_indicator", lang), word("head_id", lang), word("head_unit", lang)]
    heads += [str(p) for p in form.periods]
    target_col = len(heads) + 1
    heads += [word("head_target", lang, deadline=plan.meta.deadline.isoformat()),
              catalog_word("field.note", lang)]  # fmt: skip
    open_col = 3 + len(form.periods)
    note_col = target_col + 1
    head_fill = PatternFill("solid", fgColor=HEAD_FILL)
    for column, head in enumerate(heads, start=1):
        cell = _text(ws, HEADER_ROW, column, head)
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor=OPEN_FILL) if column == open_col else head_fill
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
    locked_fill = PatternFill("solid", fgColor=LOCKED_FILL)
    open_fill = PatternFill("solid", fgColor=OPEN_FILL)
    unlocked = Protection(locked=False)
    by_rule: dict[bool, list[str]] = {False: [], True: []}
    for i, row in enumerate(form.rows):
        r = HEADER_ROW + 1 + i
        ind = row.indicator
        name = ind.display_name(lang)
        _text(ws, r, 1, name)
        _text(ws, r, 2, ind.id)
        _text(ws, r, 3, ind.unit)
        for j, period in enumerate(form.history):
            obs = row.known.get(period)
            cell = _number(ws, r, 4 + j, obs.value) if obs else ws.cell(row=r, column=4 + j)
            cell.fill = locked_fill
        cell = ws.cell(row=r, column=open_col)
        cell.fill = open_fill
        cell.protection = unlocked
        if row.target is not None:
            _number(ws, r, target_col, row.target)
        ws.cell(row=r, column=note_col).protection = unlocked
        by_rule[ind.allow_negative].append(f"{get_column_letter(open_col)}{r}")
    for negative, cells in by_rule.items():
        if not cells:
            continue
        rule = DataValidation(
            type="decimal",
            operator="between" if negative else "greaterThanOrEqual",
            formula1=f"-{LIMIT}" if negative else "0",
            formula2=LIMIT if negative else None,
            allow_blank=True,
            showInputMessage=True,
            showErrorMessage=True,
            errorStyle="warning",
            promptTitle=word("prompt_title", lang)[:32],
            prompt=word("prompt_negative" if negative else "prompt", lang)[:255],
            errorTitle=word("error_title", lang)[:32],
            error=word("error_negative" if negative else "error", lang)[:255],
        )
        for ref in cells:
            rule.add(ref)
        ws.add_data_validation(rule)
    ws.row_dimensions[HEADER_ROW].height = 32
    widths = [34, 30, 7, *([11] * len(form.periods)), 16, 24]
    thin = Side(style="thin", color="A6A6A6")
    for line in ws.iter_rows(min_row=HEADER_ROW, max_row=HEADER_ROW + len(form.rows),
                             max_col=len(heads)):  # fmt: skip
        for cell in line:
            cell.border = Border(left=thin, right=thin, top=thin, bottom=thin)
    for column, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(column)].width = width
    ws.freeze_panes = ws.cell(row=HEADER_ROW + 1, column=4)
    ws.protection.sheet = True  # no password: anyone may unprotect it
    ws.protection.formatColumns = False
    ws.protection.formatRows = False
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"


def _instructions(ws: Any, form: Form, lang: Lang, sheet: str, file: str) -> None:
    from openpyxl.styles import Alignment, Font

    plan = form.plan
    due = form.due.isoformat() if form.due else word("no_due", lang)
    contact = plan.meta.contact or word("no_contact", lang, issuer=plan.meta.issuer or "—")
    lines = [
        word("howto_title", lang, unit=form.unit, period=form.period),
        word("howto_what", lang, sheet=sheet, period=form.period, n=len(form.rows)),
        word("howto_unit", lang),
        word("howto_numbers", lang),
        word("howto_locked", lang),
        word("howto_due", lang, due=due, file=file),
        word("howto_contact", lang, contact=contact),
    ]
    for r, line in enumerate(lines, start=1):
        cell = _text(ws, r, 1, line)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        wide = text_width(line)  # CJK is two columns
        ws.row_dimensions[r].height = 17 * (1 + wide // 66)
    ws.cell(row=1, column=1).font = Font(bold=True, size=13)
    ws.row_dimensions[1].height = 22
    ws.column_dimensions["A"].width = 75
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True


def _hidden(ws: Any, form: Form, sheet: str) -> None:
    values = {
        "format": FORMAT,
        "plan": form.plan.meta.id,
        "unit": form.unit,
        "period": str(form.period),
        "sheet": sheet,
        "checksum": form_checksum(form, sheet),
        "made": form.made.isoformat() if form.made else "",
    }
    for r, (key, value) in enumerate(values.items(), start=1):
        _text(ws, r, 1, key)
        _text(ws, r, 2, value)
    ws.sheet_state = "hidden"
    ws.protection.sheet = True


def workbook_bytes(form: Form, lang: Lang = Lang.ZH) -> bytes:
    """The XLSX file of one form."""
    from openpyxl import Workbook
    from openpyxl.workbook.protection import WorkbookProtection

    from ipplan.collect.layout import file_name

    book = Workbook()
    data = book.active
    sheet = data_sheet_name(lang)
    data.title = sheet
    _data_sheet(data, form, lang)
    howto = book.create_sheet(word("sheet_howto", lang))
    _instructions(howto, form, lang, sheet, file_name(form.unit, form.period, lang))
    _hidden(book.create_sheet(HIDDEN), form, sheet)
    book.active = 1
    data.sheet_view.tabSelected = False
    book.security = WorkbookProtection(lockStructure=True)
    book.properties.creator = "ipplan"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
