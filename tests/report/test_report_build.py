"""The report document: section order, the figures in its sentences, the verdict."""

from __future__ import annotations

from datetime import date

import pytest
from report_plans import IMG, SCRIPT, evaluate

from ipplan.core.errors import Problem
from ipplan.report import Report, build_report
from ipplan.report.build import problem_lines
from ipplan.report.document import Chart, Paragraph, Table, walk
from ipplan.report.output import default_filename
from ipplan.report.tables import num
from ipplan.report.texts import verdict

ORDER = [
    "overview",
    "targets",
    "details",
    "monitored",
    "problems",
    "next_steps",
    "signature",
    "sources",
    "quality",
    "method",
]


def texts(report: Report, key: str) -> str:
    section = next(s for s in walk(report.sections) if s.key == key)
    return " ".join(b.text for b in section.blocks if isinstance(b, Paragraph))


def test_sections_in_the_order_of_the_issue(bundled_zh: Report) -> None:
    assert [s.key for s in bundled_zh.sections] == ORDER
    headings = [s.heading for s in bundled_zh.sections]
    assert headings[:3] == ["一、总体情况", "二、指标完成情况表", "三、分项说明"]
    assert headings[4:6] == ["五、存在问题", "六、下一步工作"]
    assert headings[-3:] == ["附件1：数据来源", "附件2：数据质量说明", "附件3：计算方法"]
    details = bundled_zh.sections[2].subsections
    # one section per target, in plan order: the bundled plan has 7 targets
    assert len(details) == 7
    assert details[0].heading == "（一）有效发明专利"
    assert details[6].heading == "（七）有效地理标志"


def test_title_and_metadata(bundled_zh: Report, bundled_en: Report) -> None:
    assert bundled_zh.title == "《关于加快推进知识产权强市建设的实施方案》目标进展情况报告"
    meta = dict(bundled_zh.meta)
    assert meta["文号"] == "随政办发〔2024〕15号"
    assert meta["印发单位"] == "随州市人民政府办公室"
    assert meta["数据截至"] == "2024-12-31"
    # 序时进度 on 2024-12-31: (2024-12-31 − 2023-12-31) / (2025-12-31 − 2023-12-31)
    # = 366 / 731 days = 0.5007 → "50%"
    assert meta["序时进度"] == "50%"
    assert bundled_en.title.startswith("Progress report: Implementation Plan")
    assert dict(bundled_en.meta)["Document no."] == "随政办发〔2024〕15号"


def test_overview_counts_and_verdict(bundled_zh: Report, bundled_en: Report) -> None:
    text = texts(bundled_zh, "overview")
    assert "序时进度为50%" in text
    # bundled plan on 2024-12-31: trademarks on track, GIs off track, five without data
    assert "7 项目标：进度正常 1 项，严重滞后 1 项，缺数据 5 项。" in text
    assert (
        "总体看，7项目标中1项按当前增速可如期完成，1项进度滞后、需加快推进（有效地理标志），"
        "5项缺少数据、暂无法评估。" in text
    )
    assert dict((s, n) for s, _label, n in bundled_zh.counts) == {
        "on_track": 1,
        "off_track": 1,
        "insufficient_data": 5,
    }
    en = texts(bundled_en, "overview")
    assert "Overall, of 7 targets, 1 is on course at the current pace" in en
    assert "and 5 cannot be assessed for lack of data." in en


def test_target_text_has_the_figures(bundled_zh: Report) -> None:
    text = texts(bundled_zh, "target:trademarks_valid")
    # latest 22542 (2023), target 30000: 22542 / 30000 = 0.7514 → 75.1%
    assert "最新值为22,542件（2023年），完成率75.1%" in text
    # baseline 2023 is the latest value: progress (22542 − 22542) / (30000 − 22542) = 0,
    # and the report says why
    assert "目标进展0.0%（序时进度50%），这是因为最新数据即基期（2023年）数据" in text
    # required: (30000 / 22542)^(1 / (731 / 365.25)) − 1 = 1.33085^(0.49966) − 1 = 15.4%
    assert "如期完成需年均增长15.4%" in text
    assert "评估：进度正常。" in text
    missing = texts(bundled_zh, "target:invention_patents_valid")
    assert "尚无有效发明专利的数据，暂无法评估。" in missing
    assert ".csv" not in missing and "actuals" not in missing


def all_text(report: Report) -> str:
    parts = []
    for s in walk(report.sections):
        for b in s.blocks:
            if isinstance(b, Paragraph):
                parts.append(b.text)
            elif isinstance(b, Table):  # what a reader sees: not the spreadsheet-only columns
                shown = [i for i, c in enumerate(b.columns) if not c.sheet_only]
                parts += [b.columns[i].head for i in shown]
                parts += [r[i].text for r in b.rows for i in shown]
            else:
                parts += list(getattr(b, "items", ()))
    return "\n".join(parts)


def test_final_evaluation_after_the_deadline() -> None:
    result = evaluate(None, date(2026, 11, 30))
    zh = build_report(result, "zh")
    assert zh.final and zh.title.endswith("终期评估报告")
    assert "待最终数据公布后确认" in texts(zh, "overview")
    assert "方案已于2025年底期满" in texts(zh, "overview")
    text = texts(zh, "target:trademarks_valid")
    assert "终期数据尚未公布，按最新数据（2023年）推算" in text
    assert "评估（推算）：预计已完成。" in text  # 预计 + verdicts' 已完成
    # the newest figure ends 2023-12-31; 15 months later is 2025-03-31 < 2026-11-30: stale
    assert "最新数据为2023年数据，距报告截至日已逾15个月" in text
    body = all_text(zh)
    assert "可如期完成" not in body and "如期完成需" not in body
    table = next(b for b in zh.sections[1].blocks if isinstance(b, Table))
    row = next(r for r in table.rows if r[0].text.startswith("有效注册商标量"))
    assert row[3].text == "2023（旧）" and row[-1].text == "预计已完成"
    en = build_report(result, "en")
    assert en.title.startswith("Final evaluation report: ")
    en_text = texts(en, "target:trademarks_valid")
    assert "The final figure is not out yet; projected from the latest figure (2023)" in en_text
    assert "on course" not in all_text(en)


def test_mid_plan_figures_are_not_stale(bundled_zh: Report) -> None:
    # as of 2024-12-31 the 2023 figures are 12 months old: not flagged
    table = next(b for b in bundled_zh.sections[1].blocks if isinstance(b, Table))
    assert all("旧" not in r[3].text for r in table.rows)
    assert "逾15个月" not in texts(bundled_zh, "target:trademarks_valid")


def test_compare_with_the_previous_report() -> None:
    now, before = evaluate(None, date(2026, 11, 30)), evaluate(None, date(2024, 12, 31))
    report = build_report(now, "zh", previous=before)
    overview = texts(report, "overview")
    assert "有效注册商标量由上期（2024年12月31日）的“进度正常”变为“预计已完成”。" in overview
    table = next(b for b in report.sections[1].blocks if isinstance(b, Table))
    assert [c.head for c in table.columns][-2:] == ["上期状态", "完成率比上期"]
    row = next(r for r in table.rows if r[0].text.startswith("有效注册商标量"))
    # the same 2023 figure then and now: attainment 75.1% both times, change +0.0
    assert row[-2].text == "进度正常" and row[-1].text == "+0.0"


def test_signature_and_numbering(bundled_zh: Report) -> None:
    sign = next(s for s in bundled_zh.sections if s.key == "signature")
    assert [b.text for b in sign.blocks][:2] == ["随州市人民政府办公室", "2024年12月31日"]
    tables = [b for s in walk(bundled_zh.sections) for b in s.blocks if isinstance(b, Table)]
    captions = [t.caption for t in tables]
    assert captions[:2] == ["表1　方案目标完成情况", "表2　监测指标"]
    figures = [c.caption for c in bundled_zh.charts()]
    assert figures[0] == "图1　有效注册商标量（件）"
    result = evaluate(None, date(2024, 12, 31))
    other = build_report(result, "zh", issuer="随州市市场监督管理局", day=date(2025, 1, 6))
    sign = next(s for s in other.sections if s.key == "signature")
    assert [b.text for b in sign.blocks][:2] == ["随州市市场监督管理局", "2025年1月6日"]


def test_closing_sections_list_the_problems(bundled_zh: Report) -> None:
    problems = next(s for s in bundled_zh.sections if s.key == "problems")
    items = [i for b in problems.blocks for i in getattr(b, "items", ())]
    # five targets lack data (four have none, one has a single point), GIs lag (off
    # track, attainment 17 / 20 = 85.0%)
    assert sum("尚无数据" in i for i in items) == 4
    assert "商标国际注册量仅有一个数据点，无法判断趋势。" in items
    assert "有效地理标志进度滞后：严重滞后，完成率85.0%。" in items
    steps = next(s for s in bundled_zh.sections if s.key == "next_steps")
    assert "加快推进有效地理标志相关工作，确保达到20件的目标。" in [
        i for b in steps.blocks for i in getattr(b, "items", ())
    ]


def test_sources_are_citations(bundled_zh: Report) -> None:
    body = all_text(bundled_zh)
    assert "seed" not in body.lower() and "种子" not in body and ".csv" not in body
    section = next(s for s in bundled_zh.sections if s.key == "sources")
    refs = [b.text for b in section.blocks if isinstance(b, Paragraph) and b.role == "reference"]
    census = [r for r in refs if "随州市统计局" in r]
    assert len(census) == 1 and "2021-06-08" in census[0]
    assert "http://tjj.suizhou.gov.cn" in census[0]
    table = next(b for b in section.blocks if isinstance(b, Table))
    row = next(r for r in table.rows if r[0].text == "有效地理标志")
    assert "由地理标志商标、地理标志保护产品计算" in row[2].text


def test_charts_only_where_there_is_data(bundled_zh: Report) -> None:
    charts = {c.key: c for c in bundled_zh.charts()}
    assert set(charts) == {"trademarks_valid", "trademark_intl_registrations", "gi_valid"}
    tm = charts["trademarks_valid"]
    assert [p.label for p in tm.points] == ["2021", "2022", "2023"]
    assert tm.target == 30000
    assert tm.projection is not None and tm.projection_low is not None
    assert tm.projection_low <= tm.projection <= (tm.projection_high or 0)
    # a growth target draws no target line
    assert charts["trademark_intl_registrations"].target is None


def test_cumulative_chart_shows_running_totals(hostile_reports: dict[str, Report]) -> None:
    chart = next(c for c in hostile_reports["zh"].charts() if c.key == "evil_long")
    assert isinstance(chart, Chart) and chart.cumulative
    # flows 5, 6, 8, 9 from 2021 → running totals 5, 11, 19, 28
    assert [p.value for p in chart.points] == [5, 11, 19, 28]
    assert chart.target == 50


def test_hostile_report_keeps_data_as_data(hostile_reports: dict[str, Report]) -> None:
    zh = hostile_reports["zh"]
    table = zh.sections[1].blocks[0]
    assert isinstance(table, Table)
    names = [row[0].text for row in table.rows]
    assert names[0] == f"{SCRIPT}（<b>件</b>）"
    assert texts(zh, "target:evil_a").startswith("目标：到2025年底达到100<b>件</b>。")
    # evil_a as of 2025-06-30: latest 80 (2024), target 100: attainment 0.8;
    # progress (80 − 70) / (100 − 70) = 33.3%; 序时进度 547 / 731 days = 74.8% → 75%
    assert "完成率80.0%，目标进展33.3%（序时进度75%）" in texts(zh, "target:evil_a")
    assert IMG in dict(zh.meta)["印发单位"]


def test_quality_notes_are_the_check_findings(hostile_reports: dict[str, Report]) -> None:
    section = next(s for s in hostile_reports["zh"].sections if s.key == "quality")
    table = next(b for b in section.blocks if isinstance(b, Table))
    assert [c.sheet_only for c in table.columns] == [False, False, False, True]
    rows = [[c.text for c in r] for r in table.rows]
    assert len(rows) == 2, rows
    # sorted by file: mon.csv, then stray.csv; paths relative to the plan folder, in the
    # spreadsheet-only column; the words for the reader name no file
    # mon: a stock from 20 (2023) to 13 (2024) falls by 35 % > 30 %: a warning on line 3
    assert rows[0][2:] == ["警告", "actuals/mon.csv:3:2"]
    assert "下降 35.0%" in rows[0][1]
    assert rows[1][2:] == ["错误", "actuals/stray.csv"]  # no such indicator
    assert "方案指标设置" in rows[1][1]
    for row in rows:
        assert ".csv" not in row[1] and "targets.yaml" not in row[1]


def test_bundled_plan_has_no_finding(bundled_zh: Report) -> None:
    assert texts(bundled_zh, "quality") == "未发现数据问题。"


def test_problem_lines_relative_to_the_plan(tmp_path) -> None:  # type: ignore[no-untyped-def]
    problem = Problem("actuals.unknown_file", {"id": "x"}, str(tmp_path / "actuals" / "x.csv"))
    (line,) = problem_lines([problem], "en", tmp_path)
    assert line.startswith("error: actuals/x.csv: ")


def test_no_targets_verdict(bundled_result) -> None:  # type: ignore[no-untyped-def]
    from dataclasses import replace

    monitored = tuple(e for e in bundled_result.evaluations if e.indicator.target is None)
    result = replace(bundled_result, evaluations=monitored)
    assert verdict(result, "zh") == "方案未设定量化目标，以下仅列示监测指标。"


@pytest.mark.parametrize(
    ("value", "decimals", "shown"),
    [(22542.0, 0, "22,542"), (30847.08, 0, "30,847"), (184.2, 1, "184.2"),
     (18.28, 1, "18.3"), (3.0, 0, "3"), (2.9298, 2, "2.93")],
)  # fmt: skip
def test_xlsx_decimals_are_those_shown(value: float, decimals: int, shown: str) -> None:
    """The XLSX number format shows what every other view shows: 18.28 as 18.3 (it showed
    18.28: the report had its own rule, 1 decimal only from 100)."""
    cell = num(value)
    assert (cell.decimals, cell.text) == (decimals, shown)


def test_default_filename_is_safe() -> None:
    assert (
        default_filename("suizhou-ip-2025", date(2024, 12, 31), "docx")
        == "suizhou-ip-2025-report-2024-12-31.docx"
    )
    name = default_filename("../evil plan<script>", date(2025, 6, 30), "html")
    assert name == "evil_plan_script-report-2025-06-30.html"
    assert default_filename("...", date(2025, 6, 30), "md") == "plan-report-2025-06-30.md"


def test_final_figures_give_a_verdict(hostile_dir) -> None:  # type: ignore[no-untyped-def]
    with (hostile_dir / "actuals" / "evil_a.csv").open("a", encoding="utf-8") as f:
        f.write("2025,100,,\n")
    report = build_report(evaluate(hostile_dir, date(2026, 3, 1)), "zh")
    # the 2025 value 100 reaches the target 100: achieved, and final (deadline observed)
    assert "评估（终值）：已完成。" in texts(report, "target:evil_a")
    row = next(r for r in report.sections[1].blocks[0].rows if r[0].text.startswith("<script>"))
    assert row[-1].text == "已完成*"


def test_projection_names_its_method(hostile_reports: dict[str, Report]) -> None:
    text = texts(hostile_reports["en"], "target:evil_a")
    # 50, 60, 70, 80 at the ends of 2021-2024: a straight line of +10 a year, which the
    # backtest finds exactly; 2025: 80 + 10 × (365 / 365.25) = 89.99 → "90.0"
    assert "Projected by the linear trend (lowest backtest error): 90.0" in text


def test_responsible_unit_under_the_name(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A target's 责任单位 (indicator key ``responsible``) is a second line of its name in
    表1; a target without one keeps its name alone."""
    import shutil

    from ipplan.data.plan import bundled_plan_dir

    folder = tmp_path / "plan"
    shutil.copytree(bundled_plan_dir(), folder)
    yaml_file = folder / "targets.yaml"
    text = yaml_file.read_text(encoding="utf-8")
    marker = "  - id: trademarks_valid\n"
    assert marker in text
    yaml_file.write_text(
        text.replace(marker, marker + "    responsible: 市市场监管局（知识产权局）\n"),
        encoding="utf-8",
    )
    for lang, line in (("zh", "责任单位：市市场监管局（知识产权局）"),
                       ("en", "Responsible: 市市场监管局（知识产权局）")):  # fmt: skip
        report = build_report(evaluate(folder, date(2024, 12, 31)), lang)
        table = next(b for b in report.sections[1].blocks if isinstance(b, Table))
        names = [r[0].text for r in table.rows]
        assert sum(line in n for n in names) == 1, names
        assert next(n for n in names if line in n).endswith("\n" + line)
        assert sum("\n" in n for n in names) == 1


def test_the_report_knows_the_deadline_has_passed_as_every_view_does() -> None:
    # one rule (verdicts.ended: as_of ≥ the deadline), not a copy in report/texts.py
    from ipplan.analysis import verdicts
    from ipplan.report import build, regions, tables, texts

    assert not hasattr(texts, "ended") or texts.ended is verdicts.ended
    assert build.ended is regions.ended is tables.ended is verdicts.ended
