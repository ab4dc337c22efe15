"""The text of `ipplan show` (ipplan.render.show) on the bundled Suizhou plan.

trademarks_valid as of 2024-12-31: 16,480 (2021, estimated), 19,724 (2022), 22,542 (2023),
target 30,000 by 2025-12-31. By hand (730 days 2021-12-31 → 2023-12-31, 731 days to the
deadline):
- attainment 22,542 / 30,000 = 75.14 %; gap 7,458
- required growth (30,000 / 22,542)^(365.25/731) - 1: ln 1.33085 = 0.28582, × 0.49966 =
  0.14281, e^… = 1.15351 → 15.4 %
- actual growth (22,542 / 16,480)^(365.25/730) - 1: ln 1.36784 = 0.31323, × 0.50034 =
  0.15672, e^… = 1.16966 → 17.0 %
- cagr projection 22,542 · 1.16966^(731/365.25): 0.15672 × 2.00137 = 0.31366, e^… =
  1.36843 → 30,847, i.e. 103 % of 30,000
- time elapsed 366 / 731 days = 50.1 %
"""

from __future__ import annotations

from datetime import date

import pytest
from rich.cells import cell_len

from ipplan.analysis.evaluate import Evaluation, PlanEvaluation, evaluate_plan
from ipplan.data.actuals import load_actuals
from ipplan.data.plan import bundled_plan_dir, load_plan
from ipplan.render.show import render_show
from ipplan.render.show_json import show_dict


@pytest.fixture(scope="module")
def result() -> PlanEvaluation:
    plan = load_plan(bundled_plan_dir())
    return evaluate_plan(plan, load_actuals(plan), date(2024, 12, 31))


def ev_of(result: PlanEvaluation, id: str) -> Evaluation:
    return next(e for e in result.evaluations if e.indicator.id == id)


def lines(result: PlanEvaluation, id: str, lang: str = "zh", width: int = 200) -> list[str]:
    return render_show(result, ev_of(result, id), lang, width=width).splitlines()


def test_figures_in_chinese(result: PlanEvaluation) -> None:
    out = lines(result, "trademarks_valid")
    assert out[0] == "有效注册商标量（trademarks_valid） · 截至 2024-12-31 · 序时进度 50%"
    assert "状态：进度正常" in out
    assert ("到2025年底需年均增长15.4%，近两年实际年均增长17.0%，按复合增长预计30,847件，"
            "完成目标的103%。") in out  # fmt: skip
    # the range: weighted 28,577 and cagr 30,847 (docs/methodology.md, example 1, by hand)
    assert (
        "各方法预计28,577–30,847，区间跨过目标30,000：能否完成取决于今后的增速，把握不大。" in out
    )
    for line in [
        "完成率 75.1% = 最新值 22,542（2023）÷ 目标 30,000",
        "差距 7,458 = 目标 30,000 - 最新值 22,542（已达到则为0）",
        "剩余年数 2.00 = 最新数据期末 2023-12-31 至截止日 2025-12-31 的 731 天 ÷ 365.25",
        "所需年均增速 15.4% = (目标 30,000 ÷ 最新值 22,542)^(1 ÷ 2.00) - 1",
        "增速比 1.11 = 实际增速 17.0% ÷ 所需增速 15.4%",
        "自动选择复合增长：只有3个数据点（回测至少需4个），故采用与上面实际增速（或线性进度）一致的方法",
    ]:
        assert line in out
    assert any(
        x.startswith("序时进度 50.1% = (截至 2024-12-31 - 方案起点 2023-12-31)") for x in out
    )
    assert any("C 复合增长" in x and "30,847" in x and "← 采用" in x for x in out)


def test_figures_in_english(result: PlanEvaluation) -> None:
    out = lines(result, "trademarks_valid", "en")
    # the unit (件) in the words of the units table that status and need use: "items"
    assert ("Reaching 30,000 items by end-2025 needs growth of 15.4% a year; over the last 2 "
            "years it grew 17.0% a year; projected by compound growth: 30,847 items in 2025, "
            "103% of the target.") in out  # fmt: skip
    assert "Target: 30,000 items by end-2025" in out
    assert (
        out[0]
        == "Valid registered trademarks (trademarks_valid) · as of 2024-12-31 · time elapsed 50%"
    )
    assert "attainment 75.1% = latest 22,542 (2023) ÷ target 30,000" in out


def test_history_sources_and_flags(result: PlanEvaluation) -> None:
    out = lines(result, "trademarks_valid")
    row = next(x for x in out if x.strip().startswith("2022"))
    # published yoy 19.68 %, computed 19,724 / 16,480 - 1 = 19.7 %, flag e
    assert row.split() == ["2022", "19,724", "19.68%", "19.7%", "e"]
    assert "标记：e 估算" in out
    assert any(x.startswith("  2023: seed 000") for x in out)


def test_derived_history_marks_computed_values(result: PlanEvaluation) -> None:
    out = lines(result, "gi_valid")
    assert "标记：= 按公式计算" in out
    assert any(x.startswith("  2023: = gi_trademarks + gi_products") for x in out)


def test_after_the_deadline_without_final_data(result: PlanEvaluation) -> None:
    plan = result.plan
    later = evaluate_plan(plan, load_actuals(plan), date(2026, 3, 1))
    out = lines(later, "trademarks_valid")
    # the final evaluation's word, as status and regions say it (projection 30,847 ≥ 30,000)
    assert "状态：预计已完成（已过截止日期，截止期数据未出，以下仍是预测）" in out


def test_eighty_columns_and_no_colour(result: PlanEvaluation) -> None:
    for id in ("trademarks_valid", "gi_valid", "pct_applications", "patent_grants"):
        for lang in ("zh", "en"):
            text = render_show(result, ev_of(result, id), lang, width=80)
            assert "\x1b" not in text
            assert max(cell_len(x) for x in text.splitlines()) <= 80


def test_json(result: PlanEvaluation) -> None:
    data = show_dict(result, ev_of(result, "trademarks_valid"))
    assert data["status"] == "on_track" and data["as_of"] == "2024-12-31"
    assert [h["period"] for h in data["history"]] == ["2021", "2022", "2023"]
    by = {p["method"]: p for p in data["projections"]}
    assert set(by) == {"linear", "cagr", "weighted"}
    assert by["cagr"]["chosen"] is True and by["cagr"]["error"] is None
    assert round(by["cagr"]["value"]) == 30847
    assert data["projection"]["method"] == "cagr"
    assert data["projection_reason"] == "default"
