"""The report as a Word document (python-docx), in the style of an official report.

A4 with the margins of GB/T 9704, the title centred, headings in 黑体, body in 仿宋
(tables in 宋体), page numbers in the footer. Fonts are set on every style with
``w:eastAsia`` (and the theme-font attributes of the template removed), so Word, WPS
and LibreOffice all pick the Chinese font; English reports use Times New Roman/Arial.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import datetime
from typing import Any

from ipplan.render.safe import xml_text
from ipplan.report.chart import render_chart
from ipplan.report.document import Block, Bullets, Chart, Paragraph, Report, Section, Table

Progress = Callable[[str], None]
FONTS: dict[str, dict[str, str]] = {
    "zh": {"body": "仿宋", "heading": "黑体", "table": "宋体", "latin": "Times New Roman"},
    "en": {"body": "Times New Roman", "heading": "Arial", "table": "Arial", "latin": ""},
}
SIZES: dict[str, dict[str, float]] = {
    "zh": {"body": 16, "title": 22, "h1": 16, "h2": 16, "table": 10.5, "small": 12},
    "en": {"body": 12, "title": 18, "h1": 14, "h2": 12, "table": 9.5, "small": 10},
}
TEXT_WIDTH_CM = 15.6  # A4 less the margins below
THEME_ATTRS = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")


def set_font(element: Any, east_asia: str, latin: str | None = None) -> None:
    """Name the fonts of a style or run: w:eastAsia for Chinese, w:ascii/hAnsi for Latin."""
    from docx.oxml.ns import qn

    rpr = element.get_or_add_rPr()
    fonts = rpr.get_or_add_rFonts()
    for attr in THEME_ATTRS:
        fonts.attrib.pop(qn(attr), None)
    latin = latin or east_asia
    fonts.set(qn("w:ascii"), latin)
    fonts.set(qn("w:hAnsi"), latin)
    fonts.set(qn("w:cs"), latin)
    fonts.set(qn("w:eastAsia"), east_asia)


def _styles(doc: Any, lang: str) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn
    from docx.shared import Pt, RGBColor

    f, s = FONTS[lang], SIZES[lang]
    normal = doc.styles["Normal"]
    set_font(normal.element, f["body"], f["latin"])
    normal.font.size = Pt(s["body"])
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.line_spacing = 1.5 if lang == "en" else Pt(28)
    for name, size, key in (
        ("Title", s["title"], "heading"),
        ("Heading 1", s["h1"], "heading"),
        ("Heading 2", s["h2"], "heading"),
    ):
        style = doc.styles[name]
        set_font(style.element, f[key], f["latin"])
        style.font.size = Pt(size)
        style.font.bold = lang == "en"
        style.font.italic = False
        style.font.color.rgb = RGBColor(0, 0, 0)
        style.paragraph_format.space_before = Pt(12 if name != "Title" else 0)
        style.paragraph_format.space_after = Pt(6)
        style.paragraph_format.keep_with_next = True
    title = doc.styles["Title"]
    title.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    borders = title.element.pPr.find(qn("w:pBdr"))
    if borders is not None:  # the template underlines its Title
        title.element.pPr.remove(borders)


def _page(doc: Any) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm

    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.top_margin, section.bottom_margin = Cm(3.7), Cm(3.5)
    section.left_margin, section.right_margin = Cm(2.8), Cm(2.6)
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer.add_run("— ")
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    footer._p.append(field)
    footer.add_run(" —")


def _row_flag(row: Any, flag: str) -> None:
    """w:tblHeader (repeat on every page) or w:cantSplit (keep a row on one page)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    trpr = row._tr.get_or_add_trPr()
    mark = OxmlElement(f"w:{flag}")
    mark.set(qn("w:val"), "true")
    trpr.append(mark)


def _shade(cell: Any, fill: str) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().append(shading)


def _cell_text(
    cell: Any, text: str, lang: str, size: float, *, bold: bool = False, right: bool = False
) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    para = cell.paragraphs[0]
    para.paragraph_format.line_spacing = 1.0
    para.paragraph_format.first_line_indent = Pt(0)
    if right:
        para.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    run = para.add_run(xml_text(text))
    set_font(run._element, FONTS[lang]["table"], FONTS[lang]["latin"])
    run.font.size = Pt(size)
    run.font.bold = bold


def _widths(table: Any, weights: list[int]) -> None:
    """Column widths in proportion to the weights, filling the text width (15.6 cm)."""
    from docx.shared import Cm

    table.autofit = False
    total = sum(weights)
    widths = [Cm(TEXT_WIDTH_CM * w / total) for w in weights]
    for column, w in zip(table.columns, widths, strict=True):
        column.width = w
    for row in table.rows:
        for cell, w in zip(row.cells, widths, strict=True):
            cell.width = w


def _table(doc: Any, t: Table, lang: str) -> None:
    from docx.enum.table import WD_TABLE_ALIGNMENT

    size = SIZES[lang]["table"] - (1.5 if len(t.columns) > 7 else 0)
    table = doc.add_table(rows=1, cols=len(t.columns))
    table.style = doc.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    head = table.rows[0]
    _row_flag(head, "tblHeader")
    for cell, column in zip(head.cells, t.columns, strict=True):
        _cell_text(cell, column.head, lang, size, bold=True)
        _shade(cell, "DDE8F3")
    for row in t.rows:
        added = table.add_row()
        _row_flag(added, "cantSplit")
        cells = added.cells
        for cell, value, column in zip(cells, row, t.columns, strict=True):
            _cell_text(cell, value.text, lang, size, right=column.align == "r")
    _widths(table, [c.width for c in t.columns])
    doc.add_paragraph()


def _paragraph(doc: Any, text: str, lang: str, *, bold: bool = False) -> None:
    from docx.shared import Pt

    para = doc.add_paragraph()
    if lang == "zh":
        para.paragraph_format.first_line_indent = Pt(SIZES["zh"]["body"] * 2)
    run = para.add_run(xml_text(text))
    run.font.bold = bold


def _block(doc: Any, b: Block, lang: str, progress: Progress | None) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt

    if isinstance(b, Paragraph):
        _paragraph(doc, b.text, lang, bold=b.role == "verdict")
    elif isinstance(b, Bullets):
        for item in b.items:
            para = doc.add_paragraph(style="List Bullet")
            run = para.add_run(xml_text(item))
            run.font.size = Pt(SIZES[lang]["small"])
    elif isinstance(b, Table):
        _table(doc, b, lang)
    else:
        assert isinstance(b, Chart)
        png = render_chart(b, "png")
        doc.add_picture(io.BytesIO(png), width=Cm(15.5))
        doc.paragraphs[-1].alignment = WD_ALIGN_PARAGRAPH.CENTER
        doc.paragraphs[-1].paragraph_format.first_line_indent = Pt(0)
        doc.paragraphs[-1].paragraph_format.line_spacing = 1.0  # not the body's exact 28 pt
        if progress is not None:
            progress(b.key)


def _section(doc: Any, s: Section, lang: str, progress: Progress | None) -> None:
    if s.key in ("sources",):
        doc.add_page_break()
    doc.add_heading(xml_text(s.heading), level=s.level)
    for b in s.blocks:
        _block(doc, b, lang, progress)
    for sub in s.subsections:
        _section(doc, sub, lang, progress)


def render_docx(report: Report, progress: Progress | None = None) -> bytes:
    """The whole report as a .docx file's bytes."""
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn
    from docx.shared import Pt

    doc = Document()
    lang = report.lang
    _styles(doc, lang)
    _page(doc)
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    if defaults is not None and lang == "zh":  # spell-checking and fonts as Chinese
        rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
        lang_el = rpr.find(qn("w:lang"))
        if lang_el is not None:
            lang_el.set(qn("w:eastAsia"), "zh-CN")
    props = doc.core_properties
    props.title = xml_text(report.title)
    props.author = "ipplan"
    props.last_modified_by = "ipplan"
    props.comments = xml_text(report.words["generated"])
    props.created = props.modified = datetime(
        report.as_of.year, report.as_of.month, report.as_of.day
    )
    doc.add_heading(xml_text(report.title), level=0)
    for label, value in report.meta:
        para = doc.add_paragraph()
        para.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = para.add_run(xml_text(f"{label}：{value}" if lang == "zh" else f"{label}: {value}"))
        run.font.size = Pt(SIZES[lang]["small"])
    for s in report.sections:
        _section(doc, s, lang, progress)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
