"""DOCX: read back with python-docx; fonts set for Chinese; LibreOffice converts it."""

from __future__ import annotations

import io
from dataclasses import replace

import docx
from docx.oxml.ns import qn
from report_plans import SCRIPT

from ipplan.report import Report, render


def read(data: bytes) -> docx.document.Document:
    return docx.Document(io.BytesIO(data))


def full_text(document: docx.document.Document) -> str:
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        parts += [cell.text for row in table.rows for cell in row.cells]
    return "\n".join(parts)


def fonts(document: docx.document.Document, style: str) -> dict[str, str]:
    rfonts = document.styles[style].element.rPr.rFonts
    return {k.split("}")[1]: v for k, v in rfonts.attrib.items()}


def test_bundled_docx(bundled_zh: Report) -> None:
    document = read(render(bundled_zh, "docx"))
    headings = [
        p.text for p in document.paragraphs if p.style.name.startswith(("Heading", "Title"))
    ]
    # the title in balanced lines: the plan's name split after a function word, the kind
    assert headings[0] == "《关于加快推进知识产权\n强市建设的实施方案》\n目标进展情况报告"
    assert headings[1:4] == ["一、总体情况", "二、指标完成情况表", "三、分项说明"]
    assert "附件1：数据来源" in headings and "附件3：计算方法" in headings
    assert headings.index("附件1：数据来源") < headings.index("附件3：计算方法")
    text = full_text(document)
    assert "文号：随政办发〔2024〕15号" in text and "印发单位：随州市人民政府办公室" in text
    targets = document.tables[0]
    assert targets.rows[0].cells[0].text == "指标（单位）"
    row = next(r for r in targets.rows if r.cells[0].text == "有效注册商标量（件）")
    assert [c.text for c in row.cells[1:5]] == ["30,000", "22,542", "2023", "75.1%"]
    assert len(document.inline_shapes) == 3  # one chart per target with data
    # the header row repeats on every page
    assert targets.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None


def test_chinese_fonts_on_every_style(bundled_zh: Report) -> None:
    document = read(render(bundled_zh, "docx"))
    assert fonts(document, "Normal")["eastAsia"] == "仿宋"
    for style in ("Title", "Heading 1", "Heading 2"):
        found = fonts(document, style)
        assert found["eastAsia"] == "黑体", style
        assert not any(k.endswith("Theme") for k in found), "theme fonts would override"
    table_run = document.tables[0].rows[1].cells[0].paragraphs[0].runs[0]
    assert table_run._element.rPr.rFonts.get(qn("w:eastAsia")) == "宋体"


def test_english_docx(bundled_en: Report) -> None:
    text = full_text(read(render(bundled_en, "docx")))
    assert "1. Overview" in text and "Annex 3: Methodology" in text
    assert "items" in text and "件" not in text.split("Annex 1")[0].replace("随政办发", "")


def test_hostile_docx(hostile_reports: dict[str, Report]) -> None:
    document = read(render(hostile_reports["zh"], "docx"))
    text = full_text(document)
    assert SCRIPT in text  # shown as the text the user typed
    assert '=HYPERLINK("http://x","y")' in text
    assert len(document.inline_shapes) == 3


def test_characters_xml_cannot_hold(hostile_reports: dict[str, Report]) -> None:
    report = replace(hostile_reports["zh"], title="bad\x01title\x0b")
    document = read(render(report, "docx"))
    assert document.paragraphs[0].text == "bad\ufffdtitle\ufffd"
