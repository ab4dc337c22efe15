"""The 分地区完成情况 section (issue 9 part 4, issue 11 part 4) and the evaluation words of
ipplan.analysis.verdicts in the report (issue 12). Every expected figure is worked out by hand."""

from __future__ import annotations

import io
import shutil
from datetime import date
from pathlib import Path
from typing import Any

from ipplan.analysis.evaluate import evaluate_plan
from ipplan.data.actuals import load_actuals
from ipplan.data.plan import load_plan
from ipplan.report import Report, build_report, render
from ipplan.report.document import Chart, Paragraph, Table, walk

ROOT = Path(__file__).resolve().parents[2]
REGIONS = ROOT / "tests" / "regions_plan"
COUNTIES = ROOT / "examples" / "counties-example"
HUBEI = ROOT / "ipplan" / "templates" / "hubei"


def report_of(folder: Path, as_of: date, lang: str = "zh", units: bool = True) -> Report:
    plan = load_plan(folder)
    rows = load_actuals(plan)
    result = evaluate_plan(plan, rows, as_of)
    return build_report(result, lang, observations=rows if units else None)


def section(report: Report, key: str):  # type: ignore[no-untyped-def]
    return next(s for s in walk(report.sections) if s.key == key)


def paragraphs(report: Report, key: str) -> list[str]:
    return [b.text for b in section(report, key).blocks if isinstance(b, Paragraph)]


def rows_of(report: Report) -> list[list[str]]:
    table = next(b for b in section(report, "regions").blocks if isinstance(b, Table))
    return [[c.text for c in row] for row in table.rows]


def test_units_against_their_own_targets() -> None:
    zh = report_of(REGIONS, date(2025, 6, 30))
    keys = [s.key for s in zh.sections]
    assert keys.index("monitored") + 1 == keys.index("regions") == keys.index("problems") - 1
    assert section(zh, "regions").heading == "五、分地区完成情况"
    assert section(zh, "problems").heading == "六、存在问题"
    assert section(zh, "next_steps").heading == "七、下一步工作"
    assert rows_of(zh) == [
        # tm (level 1,000; A县 600, B县 300, C区 none). Required growth over the 1 year
        # from 2024 to the deadline: A (600/550)−1 = 9.09%, actual 550/500−1 = 10%,
        # ratio 1.10 → on track, 550/600 = 91.7%; B (300/240)−1 = 25%, actual 20%, ratio
        # 0.8 → behind, 240/300 = 80.0%. Ranked A, B; C区 is monitored, no target.
        ["商标（件）", "示例市", "—", "1,000", "900", "90.0%", "进度正常"],
        ["", "A县", "1", "600", "550", "91.7%", "进度正常"],
        ["", "B县", "2", "300", "240", "80.0%", "需加快"],
        ["", "C区", "—", "—", "110", "—", "监测"],
        # grants (cumulative from 2024; A 150, B 100, C 50), linear: needed a year over
        # the 1 year left vs 2024's flow. C (50−30)/1 = 20 needed, 30 seen, ratio 1.5 →
        # on track, 30/50 = 60%; B 56 needed, 44 seen, 0.786 → behind, 44%; A 90
        # needed, 60 seen, 0.667 → behind, 40%. Ranked C, B, A.
        ["授权（件）", "示例市", "—", "累计300", "134", "44.7%", "需加快"],
        ["", "C区", "1", "累计50", "30", "60.0%", "进度正常"],
        ["", "B县", "2", "累计100", "44", "44.0%", "需加快"],
        ["", "A县", "3", "累计150", "60", "40.0%", "需加快"],
    ]
    lagging = "分地区看，进度滞后的有：A县（授权）；B县（商标、授权）。"
    assert lagging in paragraphs(zh, "overview")  # named in the verdict
    assert lagging in paragraphs(zh, "regions")
    # 2024 is the last whole year by 2025-06-30, and every unit has its 2024 rows
    assert "截至2025年6月30日，各地区均已报送2024年数据。" in paragraphs(zh, "regions")


def test_a_unit_without_a_target_is_never_charted_against_the_city() -> None:
    zh = report_of(REGIONS, date(2025, 6, 30))
    charts = [b for b in section(zh, "regions").blocks if isinstance(b, Chart)]
    assert [c.key for c in charts] == ["units:tm", "units:grants"]
    tm, grants = charts
    # tm: only A县 and B县 have targets: C区 is not drawn (monitored)
    assert [(b.label, round(b.value, 4), b.lagging) for b in tm.bars] == [
        ("A县", 0.9167, False),  # 550/600
        ("B县", 0.8, True),  # 240/300
    ]
    assert [b.label for b in grants.bars] == ["C区", "B县", "A县"]
    assert tm.caption == "图3　商标：各地区完成率"  # after the two targets' charts


def test_who_had_not_reported(tmp_path: Path) -> None:
    folder = tmp_path / "plan"
    shutil.copytree(REGIONS, folder)
    grants = folder / "actuals" / "grants.csv"
    grants.write_text(grants.read_text(encoding="utf-8").replace("2024,30,C区\n", ""), "utf-8")
    zh = report_of(folder, date(2025, 6, 30))
    assert "截至2025年6月30日，1个地区尚未报送2024年数据：C区（授权）。" in paragraphs(
        zh, "regions"
    )
    en = report_of(folder, date(2025, 6, 30), "en")
    assert "By 2025-06-30, 1 unit had not reported 2024 figures: C区 (授权)." in paragraphs(
        en, "regions"
    )


def test_no_section_without_units_or_for_one_unit() -> None:
    hubei = report_of(HUBEI, date(2026, 11, 30))
    assert "regions" not in [s.key for s in hubei.sections] and hubei.regions is None
    plan = load_plan(REGIONS)
    rows = load_actuals(plan)
    one = build_report(evaluate_plan(plan, rows, date(2025, 6, 30), "A县"), observations=rows)
    assert "regions" not in [s.key for s in one.sections]


def test_counties_example_after_the_deadline() -> None:
    zh = report_of(COUNTIES, date(2026, 11, 30))
    rows = rows_of(zh)
    # trademarks_valid: 东城区 9,800/10,000 = 98.0%, 西山县 5,600/6,000 = 93.3%, 南湖县
    # 3,100/4,000 = 77.5%; the deadline has passed and 2025 is not out: 预计…
    assert rows[:4] == [
        ["有效注册商标量（件）", "示例市", "—", "20,000", "18,500", "92.5%", "预计未完成"],
        ["", "东城区", "1", "10,000", "9,800", "98.0%", "预计已完成"],
        ["", "西山县", "2", "6,000", "5,600", "93.3%", "预计已完成"],
        ["", "南湖县", "3", "4,000", "3,100", "77.5%", "预计未完成"],
    ]
    assert ["", "南湖县", "—", "—", "260", "—", "监测"] in rows  # no grants target of its own
    overview = paragraphs(zh, "overview")
    lead = "分地区看，未完成或预计未完成的有："
    assert any(p.startswith(lead) and "南湖县（有效注册商标量）" in p for p in overview)
    text = " ".join(paragraphs(zh, "regions"))
    assert "3个地区尚未报送2025年数据" in text  # nobody has 2025 rows


def test_the_workbook_has_a_sheet_of_units() -> None:
    from openpyxl import load_workbook

    zh = report_of(REGIONS, date(2025, 6, 30))
    wb = load_workbook(io.BytesIO(render(zh, "xlsx")))
    assert "分地区" in wb.sheetnames
    ws = wb["分地区"]
    values = [[c.value for c in row] for row in ws.iter_rows()]
    head = values[0]
    assert head[:2] == ["地区", "上级"] and head[2:6] == [
        "商标 目标",
        "商标 最新值",
        "商标 完成率",
        "商标 状态",
    ]
    c = next(row for row in values if row[0] == "C区")
    assert c[2:6] == [None, 110, None, "监测"]  # monitored: no target (never the city's 1,000)
    a = next(row for row in values if row[0] == "A县")
    assert a[2:4] == [600, 550] and abs(a[4] - 550 / 600) < 1e-12


def test_midterm_words_and_count_before_the_deadline() -> None:
    zh = report_of(REGIONS, date(2025, 6, 30))
    targets = next(b for b in section(zh, "targets").blocks if isinstance(b, Table))
    assert [c.head for c in targets.columns][-1] == "评估"
    # tm: growth ratio 12.5% / 11.1% ≈ 1.12 ≥ 1.05 → 快于预期; grants: 133.7/166.1 ≈ 0.80
    # < 0.95 → 滞后 (docs/methods.md, "Evaluation words and lights")
    assert [r[-1].text for r in targets.rows] == ["快于预期", "滞后"]
    assert "中期评估：2 项中 1 项基本符合或快于预期（其中快于预期 1 项），滞后 1 项。" in (
        paragraphs(zh, "overview")
    )


def test_final_words_from_verdicts_for_hubei() -> None:
    zh = report_of(HUBEI, date(2026, 11, 30))
    assert zh.final and zh.title.endswith("终期评估报告")
    targets = next(b for b in section(zh, "targets").blocks if isinstance(b, Table))
    assert "评估" not in [c.head for c in targets.columns]  # 状态 says it after the deadline
    # 195,300 < 230,000; 13.7 < 15; 1,268,200 < 1,300,000: 未完成 (final figures). PCT: no
    # 2025 figure; projected 1,896 < 2,000: 预计未完成
    assert [r[-1].text for r in targets.rows] == ["未完成*", "未完成*", "未完成*", "预计未完成"]
    verdict = next(p for p in paragraphs(zh, "overview") if p.startswith("方案已于"))
    assert verdict == (
        "方案已于2025年底期满。4项目标中3项未完成，1项待终值（终期数据尚未公布，"
        "按最新数据推算1项预计未完成：年度PCT国际专利申请量）。"
    )


def test_a_plans_own_words_and_lights(tmp_path: Path) -> None:
    folder = tmp_path / "plan"
    shutil.copytree(REGIONS, folder)
    targets = folder / "targets.yaml"
    targets.write_text(
        targets.read_text(encoding="utf-8")
        + "statuses:\n  scheme: lights\n  words: {lagging: 进度滞后, red: 红色}\n",
        "utf-8",
    )
    zh = report_of(folder, date(2025, 6, 30))
    table = next(b for b in section(zh, "targets").blocks if isinstance(b, Table))
    assert [c.head for c in table.columns][-2:] == ["评估", "亮灯"]
    # 序时进度 75%. tm: progress (900−800)/(1000−800) = 50%, 25 points below: > 10,
    # ≤ 30 → 黄. grants: progress 134/300 = 44.7%, 30.3 points below → red (own word)
    assert [[c.text for c in r[-2:]] for r in table.rows] == [
        ["快于预期", "黄"],
        ["进度滞后", "红色"],
    ]
    assert "亮灯：2 项中 0 项绿灯，黄灯 1 项，红色灯 1 项。" in paragraphs(zh, "overview")


def test_markdown_names_each_unit_once_per_chart() -> None:
    text = render(report_of(REGIONS, date(2025, 6, 30), "en"), "markdown").decode("utf-8")
    # the caption gives the title; the line gives each unit's attainment: 550/600, 240/300
    assert "*Figure 3. 商标: attainment by unit: A县 91.7%; B县 80.0%*" in text


def test_the_docx_heading_and_lead_stay_with_the_units_table() -> None:
    # 五、分地区完成情况, its lead sentence, the caption 表3 and the table's first rows are
    # chained by keep-with-next: the heading never ends a page with its table on the next
    from docx import Document

    doc = Document(io.BytesIO(render(report_of(COUNTIES, date(2026, 11, 30)), "docx")))
    paras = doc.paragraphs
    at = next(i for i, p in enumerate(paras) if p.text.endswith("分地区完成情况"))
    heading, lead, caption = paras[at], paras[at + 1], paras[at + 2]
    assert heading.style.paragraph_format.keep_with_next
    assert lead.text.startswith("各地区") and lead.paragraph_format.keep_with_next
    assert caption.text.startswith("表") and caption.paragraph_format.keep_with_next
    table = next(t for t in doc.tables if t.rows[0].cells[1].text == "地区")
    for row in table.rows[:3]:  # the header and two rows
        assert all(c.paragraphs[0].paragraph_format.keep_with_next for c in row.cells)


def test_the_docx_lead_sentence_is_on_the_page_of_its_landscape_table() -> None:
    # "各项目标完成情况见表1。" ends 一、总体情况; 表1 is too wide for a portrait page and
    # gets a landscape section. No keep-with-next holds across the section break (a new
    # page), so the sentence was left alone on a portrait page: it now opens the landscape
    # section, kept with the heading 二、指标完成情况表 and the table.
    from docx import Document
    from docx.oxml.ns import qn

    for lang, lead in (("zh", "各项目标完成情况见表1。"), ("en", "Table 1 shows every target.")):
        doc = Document(io.BytesIO(render(report_of(COUNTIES, date(2026, 11, 30), lang), "docx")))
        body = list(doc.element.body.iterchildren())

        def breaks(el: Any) -> bool:
            return el.tag == qn("w:p") and el.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") is not None

        def text(el: Any) -> str:
            return "".join(t.text or "" for t in el.iter(qn("w:t")))

        at = next(i for i, el in enumerate(body) if text(el) == lead)
        table = next(i for i, el in enumerate(body) if el.tag == qn("w:tbl"))
        assert not any(breaks(el) for el in body[at:table]), "a section break between them"
        assert breaks(body[at - 1])  # the portrait section ends just before the lead
        closing = next(el for el in body[table:] if breaks(el))  # the landscape section's end
        size = closing.find(f"{qn('w:pPr')}/{qn('w:sectPr')}/{qn('w:pgSz')}")
        assert int(size.get(qn("w:w"))) > int(size.get(qn("w:h")))  # landscape
        assert body[at].find(f"{qn('w:pPr')}/{qn('w:keepNext')}") is not None


def test_a_value_label_never_touches_the_100_percent_line() -> None:
    # 98.0 % and 93.0 % end just short of the line: their labels go past it; 50.0 % and
    # 120.0 % keep theirs at the bar's end
    from matplotlib.figure import Figure

    from ipplan.report.barchart import bars_height, draw_bars
    from ipplan.report.document import Bar

    bars = tuple(Bar(n, n, v, False) for n, v in (("a", 0.98), ("b", 0.5), ("c", 1.2),
                                                  ("d", 0.93), ("e", 1.0)))  # fmt: skip
    labels = {"title": "t", "target": "target 100%"}
    chart = Chart(key="units:t", points=(), target=None, deadline_x=0.0, deadline_label="",
                  labels=labels, fallback=labels, alt="", bars=bars)  # fmt: skip
    fig = Figure(figsize=(6.4, bars_height(chart)), dpi=150, layout="constrained")
    draw_bars(fig, chart, labels, True)
    fig.draw_without_rendering()
    ax = fig.axes[0]
    line = ax.transData.transform((100.0, 0.0))[0]
    pt = fig.dpi / 72
    where = {}
    for note in ax.texts:
        box = note.get_window_extent()
        assert not box.x0 - pt < line < box.x1 + pt, note.get_text()  # 1 pt clear at least
        where[note.get_text()] = note.xy[0]
    assert where == {"98.0%": 100.0, "50.0%": 50.0, "120.0%": 120.0, "93.0%": 100.0,
                     "100.0%": 100.0}  # fmt: skip
