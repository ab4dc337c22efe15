"""The report document: section order, the figures in its sentences, the verdict."""

from __future__ import annotations

from datetime import date

import pytest
from report_plans import IMG, SCRIPT, evaluate

from ipplan.errors import Problem
from ipplan.report import Report, build_report
from ipplan.report.build import problem_lines
from ipplan.report.document import Chart, Paragraph, Table, walk
from ipplan.report.output import default_filename
from ipplan.report.tables import decimals_for
from ipplan.report.texts import verdict

ORDER = ["overview", "targets", "details", "monitored", "quality", "sources", "method"]


def texts(report: Report, key: str) -> str:
    section = next(s for s in walk(report.sections) if s.key == key)
    return " ".join(b.text for b in section.blocks if isinstance(b, Paragraph))


def test_sections_in_the_order_of_the_issue(bundled_zh: Report) -> None:
    assert [s.key for s in bundled_zh.sections] == ORDER
    headings = [s.heading for s in bundled_zh.sections]
    assert headings[:3] == ["一、总体情况", "二、指标完成情况表", "三、分项说明"]
    assert headings[-2] == "附件1：数据来源"
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
    # baseline 2023 is the latest value: progress (22542 − 22542) / (30000 − 22542) = 0
    assert "目标进展0.0%（序时进度50%）" in text
    # required: (30000 / 22542)^(1 / (731 / 365.25)) − 1 = 1.33085^(0.49966) − 1 = 15.4%
    assert "如期完成需年均增长15.4%" in text
    assert "评估：进度正常。" in text
    assert "尚无数据" in texts(bundled_zh, "target:invention_patents_valid")


def test_final_figure_awaited_after_the_deadline() -> None:
    result = evaluate(None, date(2026, 3, 1))
    zh = build_report(result, "zh")
    assert "待最终数据公布后确认" in texts(zh, "overview")
    assert "已过截止日期，待最终数据" in texts(zh, "target:trademarks_valid")
    en = build_report(result, "en")
    assert "Deadline passed; final figure awaited." in texts(en, "target:trademarks_valid")


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
    lines = [i for b in section.blocks for i in getattr(b, "items", ())]
    assert len(lines) == 2, lines
    # sorted by file: mon.csv, then stray.csv; paths relative to the plan folder
    # mon: a stock from 20 (2023) to 13 (2024) falls by 35 % > 30 %: a warning on line 3
    assert lines[0].startswith("提示：actuals/mon.csv:3:")
    assert lines[1].startswith("错误：actuals/stray.csv: ")  # no such indicator


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
    ("value", "decimals"), [(22542.0, 0), (30847.08, 0), (184.2, 1), (18.28, 2), (3.0, 0)]
)
def test_decimals_follow_fmt_number(value: float, decimals: int) -> None:
    assert decimals_for(value) == decimals


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
