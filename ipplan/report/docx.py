"""The report as a Word document (python-docx), in the style of an official report.

A4 with the margins of GB/T 9704, the title centred, headings in 黑体, body in 仿宋
(tables in 宋体), page numbers in the footer. Fonts are set on every style with
``w:eastAsia`` (and the theme-font attributes of the template removed), so Word, WPS
and LibreOffice all pick the Chinese font; English reports use Times New Roman/Arial.

Tables get column widths from their content (:mod:`ipplan.report.fit`), so no status word,
number or percentage wraps; a table that cannot fit a portrait page gets a landscape
section of its own. Tables and figures carry numbered captions (表1, 图1). With
``template`` (the office's own .docx), its styles, page setup, header and footer are kept
and only its body is replaced.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import datetime
from typing import Any

from ipplan.present.safe import xml_text
from ipplan.report.chart import render_chart
from ipplan.report.document import Block, Bullets, Chart, Paragraph, Report, Section, Table
from ipplan.report.fit import PADDING_PT, fit_columns, text_pt

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
    normal.paragraph_format.space_after = Pt(6 if lang == "en" else 0)
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


def _widths(table: Any, widths_pt: list[float]) -> None:
    """Fixed column widths (LibreOffice and Word both honour a fixed layout)."""
    from docx.shared import Pt

    table.autofit = False
    widths = [Pt(w) for w in widths_pt]
    for column, w in zip(table.columns, widths, strict=True):
        column.width = w
    for row in table.rows:
        for cell, w in zip(row.cells, widths, strict=True):
            cell.width = w


def _text_width_pt(doc: Any) -> float:
    from docx.shared import Length

    section = doc.sections[-1]
    return float(Length(section.page_width - section.left_margin - section.right_margin).pt)


def _shown(t: Table) -> tuple[list[int], list[Any]]:
    keep = [i for i, c in enumerate(t.columns) if not c.sheet_only]
    return keep, [t.columns[i] for i in keep]


def plan_table(t: Table, lang: str, available: float) -> tuple[float, list[float] | None]:
    """The font size and column widths of a table on a text width of ``available`` points."""
    keep, columns = _shown(t)
    rows = [[row[i].text for i in keep] for row in t.rows]
    wrap = [c.width >= 20 for c in columns]
    size = SIZES[lang]["table"] - (1.5 if len(columns) > 7 else 0)
    return size, fit_columns(columns, rows, lang, size, available, wrap)


def _caption(doc: Any, text: str, lang: str, *, above: bool) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    para = doc.add_paragraph()
    para.alignment = WD_ALIGN_PARAGRAPH.CENTER
    fmt_ = para.paragraph_format
    fmt_.first_line_indent = Pt(0)
    fmt_.line_spacing = 1.0
    fmt_.space_before = Pt(6 if above else 2)
    fmt_.space_after = Pt(3 if above else 10)
    fmt_.keep_with_next = above
    run = para.add_run(xml_text(text))
    set_font(run._element, FONTS[lang]["heading"], FONTS[lang]["latin"] or None)
    run.font.size = Pt(SIZES[lang]["table"] + 1)
    run.font.bold = lang == "en"


def _table(doc: Any, t: Table, lang: str, widths: list[float] | None = None) -> None:
    from docx.enum.table import WD_TABLE_ALIGNMENT

    keep, columns = _shown(t)
    size, fitted = plan_table(t, lang, _text_width_pt(doc))
    widths = widths or fitted
    if widths is None:  # cannot fit even landscape: share the width by the spreadsheet widths
        total = sum(c.width for c in columns)
        widths = [_text_width_pt(doc) * c.width / total for c in columns]
    if t.caption:
        _caption(doc, t.caption, lang, above=True)
    table = doc.add_table(rows=1, cols=len(columns))
    style = _style(doc, "Table Grid")
    if style is not None:
        table.style = style
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    head = table.rows[0]
    _row_flag(head, "tblHeader")
    _row_flag(head, "cantSplit")
    for cell, column, width in zip(head.cells, columns, widths, strict=True):
        _cell_text(cell, head_lines(column.head, lang, size, width), lang, size, bold=True)
        cell.paragraphs[0].paragraph_format.keep_with_next = True
        _shade(cell, "DDE8F3")
    for n, row in enumerate(t.rows):
        added = table.add_row()
        _row_flag(added, "cantSplit")
        if n < 2:  # the caption, the header and two rows stay together (no orphan header)
            for cell in added.cells:
                cell.paragraphs[0].paragraph_format.keep_with_next = True
        for cell, i, column in zip(added.cells, keep, columns, strict=True):
            _cell_text(cell, row[i].text, lang, size, right=column.align == "r")
    _widths(table, widths)
    spacer = doc.add_paragraph()
    spacer.paragraph_format.line_spacing = 1.0
    spacer.paragraph_format.space_after = 0


TITLE_CHARS = 19  # a line of the 22 pt title on the A4 text width, with some air
BREAK_AFTER = "的于权和与及、"


def title_lines(title: str, lang: str) -> str:
    """A long Chinese title in balanced lines: the plan's 《name》 (split near its middle,
    after a function word where one is close), then the kind of report."""
    if lang != "zh" or "》" not in title or len(title) <= TITLE_CHARS:
        return title
    name, _, kind = title.partition("》")
    name += "》"
    if len(name) > TITLE_CHARS:
        middle = len(name) / 2
        cuts = [i + 1 for i, ch in enumerate(name) if ch in BREAK_AFTER]
        near = [c for c in cuts if abs(c - middle) <= 4]
        cut = min(near, key=lambda c: abs(c - middle)) if near else round(middle)
        name = name[:cut] + "\n" + name[cut:]
    return f"{name}\n{kind}" if kind else name


def head_lines(head: str, lang: str, size: float, width: float) -> str:
    """A header too wide for its column breaks after its "/" (Word and LibreOffice would
    otherwise break inside the word that follows)."""
    if text_pt(head, size) * 1.15 + PADDING_PT <= width or "/" not in head:
        return head
    return head.replace("/", "/\n")


def _style(doc: Any, name: str) -> Any:
    """A style of the document (a template may lack it), or None."""
    try:
        return doc.styles[name]
    except KeyError:
        return None


def _paragraph(doc: Any, b: Paragraph, lang: str) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    para = doc.add_paragraph()
    if b.role == "signature":
        para.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        para.paragraph_format.right_indent = Pt(SIZES[lang]["body"] * 2)
        para.paragraph_format.keep_with_next = True
    elif b.role == "reference":
        para.paragraph_format.left_indent = Pt(SIZES[lang]["small"] * 2)
        para.paragraph_format.first_line_indent = Pt(-SIZES[lang]["small"] * 2)
        para.paragraph_format.line_spacing = 1.15
    elif b.role == "meta":
        para.paragraph_format.keep_with_next = True
    elif lang == "zh":
        para.paragraph_format.first_line_indent = Pt(SIZES["zh"]["body"] * 2)
    run = para.add_run(xml_text(b.text))
    run.font.bold = b.role in ("verdict", "meta")
    if b.role in ("reference", "note"):
        run.font.size = Pt(SIZES[lang]["small"])


def _block(doc: Any, b: Block, lang: str, progress: Progress | None) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt

    if isinstance(b, Paragraph):
        _paragraph(doc, b, lang)
    elif isinstance(b, Bullets):
        for n, item in enumerate(b.items, 1):
            para = doc.add_paragraph()
            if lang == "zh":
                para.paragraph_format.first_line_indent = Pt(SIZES["zh"]["body"] * 2)
                para.add_run(xml_text(f"{n}. {item}"))
            else:
                para.paragraph_format.left_indent = Pt(18)
                para.paragraph_format.first_line_indent = Pt(-18)
                para.add_run(xml_text(f"{n}.\t{item}"))
    elif isinstance(b, Table):
        _table(doc, b, lang)
    else:
        assert isinstance(b, Chart)
        png = render_chart(b, "png")
        doc.add_picture(io.BytesIO(png), width=Cm(15.5))
        picture = doc.paragraphs[-1].paragraph_format
        doc.paragraphs[-1].alignment = WD_ALIGN_PARAGRAPH.CENTER
        picture.first_line_indent = Pt(0)
        picture.line_spacing = 1.0  # not the body's exact 28 pt
        picture.keep_with_next = bool(b.caption)
        if b.caption:
            _caption(doc, b.caption, lang, above=False)
        if progress is not None:
            progress(b.key)


def _turn(doc: Any, landscape: bool) -> None:
    """A new section, on a new page, turned to landscape or back to portrait."""
    from docx.enum.section import WD_ORIENT, WD_SECTION

    before = doc.sections[-1]
    section = doc.add_section(WD_SECTION.NEW_PAGE)
    wide, tall = sorted((before.page_width, before.page_height))
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = (tall, wide) if landscape else (wide, tall)
    first = doc.sections[0]
    if landscape:
        section.left_margin, section.right_margin = first.top_margin, first.bottom_margin
        section.top_margin, section.bottom_margin = first.left_margin, first.right_margin
    else:
        section.left_margin, section.right_margin = first.left_margin, first.right_margin
        section.top_margin, section.bottom_margin = first.top_margin, first.bottom_margin


def _too_wide(doc: Any, s: Section, lang: str) -> bool:
    tables = [b for b in s.blocks if isinstance(b, Table)]
    return any(plan_table(t, lang, _text_width_pt(doc))[1] is None for t in tables)


def _heading(doc: Any, text: str, level: int, lang: str, *, new_page: bool = False) -> None:
    style = _style(doc, "Title" if level == 0 else f"Heading {level}")
    if style is not None:
        para = doc.add_heading(xml_text(text), level=level)
    else:  # a template without heading styles: bold body text
        para = doc.add_paragraph()
        run = para.add_run(xml_text(text))
        run.font.bold = True
        para.paragraph_format.keep_with_next = True
    if new_page:
        para.paragraph_format.page_break_before = True


def _leads_into(doc: Any, s: Section, after: Section | None, lang: str) -> bool:
    """Whether ``s`` ends with the lead sentence of the table that opens ``after`` (见表1,
    only a heading between them) and that table turns the page to landscape."""
    if after is None or s.subsections or not s.blocks or not after.blocks:
        return False
    last = s.blocks[-1]
    if not isinstance(last, Paragraph) or last.role != "body":
        return False
    return isinstance(after.blocks[0], Table) and _too_wide(doc, after, lang)


def _sections(
    doc: Any, sections: tuple[Section, ...], lang: str, progress: Progress | None
) -> None:
    """Sections in order. A section break starts the landscape page, so no keep-with-next
    holds a lead sentence to its table across it (Word and LibreOffice alike): the lead
    goes after the break, on the table's page, never on a page of its own before it."""
    lead: Paragraph | None = None
    for n, s in enumerate(sections):
        held = _leads_into(doc, s, sections[n + 1] if n + 1 < len(sections) else None, lang)
        _section(doc, s, lang, progress, lead=lead, hold=held)
        last = s.blocks[-1] if s.blocks else None
        lead = last if held and isinstance(last, Paragraph) else None


def _section(
    doc: Any, s: Section, lang: str, progress: Progress | None,
    *, lead: Paragraph | None = None, hold: bool = False,
) -> None:  # fmt: skip
    """One section; ``hold``: its last paragraph is left to the next section's ``lead``."""
    if s.key == "signature":  # never alone on a page: the last lines come along
        for para in doc.paragraphs[-2:]:
            para.paragraph_format.keep_with_next = True
        spacer = doc.add_paragraph()
        spacer.paragraph_format.keep_with_next = True
        for b in s.blocks:
            _block(doc, b, lang, progress)
        return
    wide = _too_wide(doc, s, lang)
    if wide:
        _turn(doc, landscape=True)
    if lead is not None:  # the sentence before the heading, kept with it and the table
        _paragraph(doc, lead, lang)
        doc.paragraphs[-1].paragraph_format.keep_with_next = True
    blocks = s.blocks[:-1] if hold else s.blocks
    # annexes start on a new page (a page-break-before, never an empty page of its own)
    annex = s.key in ("sources",) and not wide
    _heading(doc, s.heading, s.level, lang, new_page=annex)
    for n, b in enumerate(blocks):
        _block(doc, b, lang, progress)
        if isinstance(b, Paragraph) and isinstance(next(iter(blocks[n + 1 :]), None), Table):
            # a lead sentence stays with its table, and so the heading above it: never a
            # heading and its lead at the foot of a page with the table on the next
            doc.paragraphs[-1].paragraph_format.keep_with_next = True
    _sections(doc, s.subsections, lang, progress)
    if wide:
        _turn(doc, landscape=False)


def _clear_body(doc: Any) -> None:
    """Empty a template's body, keeping its last section's properties (page, header)."""
    from docx.oxml.ns import qn

    body = doc.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)


def render_docx(
    report: Report, progress: Progress | None = None, template: bytes | None = None
) -> bytes:
    """The whole report as a .docx file's bytes; ``template`` is the office's own .docx."""
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn
    from docx.shared import Pt

    lang = report.lang
    if template is not None:
        doc = Document(io.BytesIO(template))
        _clear_body(doc)
    else:
        doc = Document()
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
    _heading(doc, title_lines(report.title, lang), 0, lang)
    for label, value in report.meta:
        para = doc.add_paragraph()
        para.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = para.add_run(xml_text(f"{label}：{value}" if lang == "zh" else f"{label}: {value}"))
        run.font.size = Pt(SIZES[lang]["small"])
        para.paragraph_format.first_line_indent = Pt(0)
        para.paragraph_format.line_spacing = 1.2
    _sections(doc, report.sections, lang, progress)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
