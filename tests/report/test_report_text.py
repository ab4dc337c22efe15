"""Markdown and JSON reports."""

from __future__ import annotations

import json

from report_plans import IMG, SCRIPT

from ipplan.report import Report, render


def test_markdown_bundled(bundled_zh: Report) -> None:
    text = render(bundled_zh, "markdown").decode("utf-8")
    lines = text.splitlines()
    assert lines[0] == "# 《关于加快推进知识产权强市建设的实施方案》目标进展情况报告"
    assert "- 文号：随政办发〔2024〕15号" in lines
    headings = [line for line in lines if line.startswith("## ")]
    assert headings[:3] == ["## 一、总体情况", "## 二、指标完成情况表", "## 三、分项说明"]
    assert "### （四）有效注册商标量" in lines
    assert any(
        line.startswith("| 有效注册商标量（件） | 30,000 | 22,542 | 2023 | 75.1% |")
        for line in lines
    )
    # the chart, as one line of figures
    assert (
        "*图1　有效注册商标量（件）：实际值：2021 16,480；2022 19,724；2023 22,542 · "
        "目标 30,000 · 预计 2025 30,847" in text
    )


def test_markdown_hostile(hostile_reports: dict[str, Report]) -> None:
    text = render(hostile_reports["zh"], "markdown").decode("utf-8")
    assert "<script>" not in text and "<img" not in text and "<b>" not in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    for line in text.splitlines():
        if line.startswith("|"):  # every table row has as many cells as its header
            assert line.replace("\\|", "").count("|") in (11, 6, 4), (
                line
            )  # 表1 has 10 columns before the deadline


def test_json_has_status_and_sections(bundled_zh: Report) -> None:
    data = json.loads(render(bundled_zh, "json"))
    assert set(data) >= {"plan", "as_of", "region", "time_elapsed", "indicators", "report"}
    assert data["as_of"] == "2024-12-31"
    tm = next(i for i in data["indicators"] if i["id"] == "trademarks_valid")
    assert tm["status"] == "on_track" and tm["latest"]["value"] == 22542
    report = data["report"]
    assert [s["key"] for s in report["sections"]] == [
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
    assert report["counts"] == {"on_track": 1, "off_track": 1, "insufficient_data": 5}
    details = report["sections"][2]["sections"]
    chart = next(b for b in details[3]["blocks"] if b["type"] == "chart")
    assert [p["value"] for p in chart["points"]] == [16480, 19724, 22542]
    assert chart["target"] == 30000
    table = report["sections"][1]["blocks"][0]
    assert table["rows"][3]["attainment"]["value"] == 22542 / 30000


def test_json_hostile_round_trips(hostile_reports: dict[str, Report]) -> None:
    data = json.loads(render(hostile_reports["en"], "json"))
    assert data["plan"]["issuer"] == IMG
    assert data["indicators"][0]["name"] == SCRIPT
    assert data["report"]["meta"][0]["value"] == '=HYPERLINK("http://x","y")'


def test_progress_is_called_once_per_chart(bundled_zh: Report) -> None:
    for fmt in ("html", "docx"):
        calls: list[str] = []
        render(bundled_zh, fmt, calls.append)
        assert calls == ["trademarks_valid", "trademark_intl_registrations", "gi_valid"]
