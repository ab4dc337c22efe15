"""The figures' edge cases of issue 13 (class 10), each on a minimal plan, with its
neighbours. Expected values are worked out by hand in the comments.

Day counts: 2023-12-31 → 2024-12-31 is 366 days (leap year), → 2025-12-31 is 731 days;
2021-12-31 → 2022-12-31 → 2023-12-31 are 365 days each.
"""

from __future__ import annotations

from datetime import date

import pytest

from ipplan.analysis.evaluate import Evaluation, evaluate_indicator
from ipplan.analysis.figures import band, counted_flows
from ipplan.analysis.project import Projection, choose
from ipplan.analysis.series import Dataset
from ipplan.core.model import Indicator, Observation, Plan, PlanMeta, Target
from ipplan.core.periods import parse_period

DEADLINE = date(2025, 12, 31)


def plan_of(ind: Indicator, baseline: str = "2023", deadline: date = DEADLINE) -> Plan:
    return Plan(PlanMeta("p", "方案", "某市", parse_period(baseline), deadline), (ind,))


def ob(period: str, value: float, yoy: float | None = None) -> Observation:
    return Observation("x", parse_period(period), value, yoy=yoy)


def run(plan: Plan, obs: list[Observation], as_of: date) -> Evaluation:
    return evaluate_indicator(plan, plan.indicators[0], Dataset(plan, {"x": obs}, as_of))


def cumulative(value: float, start: str = "2024") -> Indicator:
    return Indicator(
        "x", "x", "flow", target=Target("cumulative", value, from_period=parse_period(start))
    )


# ---------------------------------------------------------------- mixed-frequency years


def test_months_and_a_quarter_in_one_year_are_both_counted() -> None:
    # Q1 as months (1 + 1 + 1) and Q2 as a quarter (3): S = 6 ≥ 5, achieved (it counted
    # 3 and showed off_track before)
    obs = [ob("2024-01", 1), ob("2024-02", 1), ob("2024-03", 1), ob("2024-Q2", 3)]
    ev = run(plan_of(cumulative(5)), obs, date(2024, 12, 31))
    assert ev.cumulative == 6
    assert ev.attainment == 6 / 5
    assert ev.status == "achieved"


def test_a_quarter_and_its_own_months_count_once() -> None:
    # Q1 recorded both ways: the quarter (3) wins over its months (1 + 1 + 1); Q2's
    # months (2 + 2) count: S = 3 + 4 = 7, not 3 + 3 + 4 = 10
    obs = [ob("2024-01", 1), ob("2024-02", 1), ob("2024-03", 1), ob("2024-Q1", 3),
           ob("2024-04", 2), ob("2024-05", 2)]  # fmt: skip
    counted = counted_flows(obs, date(2024, 1, 1), DEADLINE)
    assert [str(o.period) for o in counted] == ["2024-Q1", "2024-04", "2024-05"]
    assert run(plan_of(cumulative(10)), obs, date(2024, 12, 31)).cumulative == 7


def test_an_annual_figure_still_wins_over_its_parts() -> None:
    obs = [ob("2024-01", 1), ob("2024-Q2", 3), ob("2024", 20)]
    assert run(plan_of(cumulative(50)), obs, date(2024, 12, 31)).cumulative == 20


# ---------------------------------------------------------------- baseline and latest


def test_month_and_quarter_ending_the_baseline_day_are_one_value() -> None:
    # 2023-12 (90) and 2023-Q4 (100) both end 2023-12-31: latest takes the quarter (the
    # coarser), and so must the baseline: progress at the baseline itself is 0, not
    # (100 − 90) / (110 − 90) = 0.5
    stock = Indicator("x", "x", "stock", target=Target("level", 110.0))
    ev = run(plan_of(stock), [ob("2023-12", 90), ob("2023-Q4", 100)], date(2023, 12, 31))
    assert ev.latest is not None and ev.baseline is not None
    assert str(ev.latest.period) == str(ev.baseline.period) == "2023-Q4"
    assert ev.progress == 0


def test_a_monthly_baseline_period_takes_the_same_value_as_latest() -> None:
    # baseline "2023-12" with a quarter ending the same day: the same rule (the coarser)
    stock = Indicator("x", "x", "stock", target=Target("level", 110.0))
    ev = run(plan_of(stock, "2023-12"), [ob("2023-12", 90), ob("2023-Q4", 100)], date(2024, 1, 5))
    assert ev.progress == 0


# ---------------------------------------------------------------- exact boundaries


def test_growth_ratio_exactly_060_is_behind() -> None:
    # cumulative from 2025, baseline 2024, deadline 2026-12-31. S = 0.21 (2025),
    # elapsed 2025-01-01 → 2025-12-31 = 365 days, left 2025-12-31 → 2026-12-31 = 365 days:
    # ratio = (0.21 / 365) / ((0.56 − 0.21) / 365) = 0.21 / 0.35 = 0.6 exactly
    # (0.5999999999999999 in floats before) → behind, not off_track
    ind = cumulative(0.56, "2025")
    ev = run(plan_of(ind, "2024", date(2026, 12, 31)), [ob("2025", 0.21)], date(2025, 12, 31))
    assert ev.growth_ratio == 0.6
    assert ev.status == "behind"
    # just below: 0.2099 / 0.3501 = 0.59954 → off_track
    ev = run(plan_of(ind, "2024", date(2026, 12, 31)), [ob("2025", 0.2099)], date(2025, 12, 31))
    assert ev.status == "off_track"


def test_band_boundaries_on_decimal_ratios() -> None:
    assert band(0.95) == "on_track"
    assert band(0.9499999999999999) == "on_track"  # 0.95 to 12 digits
    assert band(0.9499) == "behind"
    assert band(0.6) == "behind"
    assert band(0.5999999999999999) == "behind"
    assert band(0.5999) == "off_track"
    assert band(0.0) == "off_track"
    assert band(-0.0001) == "moving_away"


def test_flows_summing_exactly_to_the_target_are_achieved() -> None:
    # 0.7 + 0.1 = 0.8 as written (0.7999999999999999 in floats): attainment 1, achieved
    obs = [ob("2024", 0.7), ob("2025", 0.1)]
    ev = run(plan_of(cumulative(0.8)), obs, date(2025, 12, 31))
    assert ev.cumulative == 0.8
    assert ev.attainment == 1.0
    assert ev.gap == 0
    assert ev.status == "achieved"


def test_gap_and_paces_are_exact() -> None:
    # level 0.8, latest 0.7 (2023): gap 0.8 − 0.7 = 0.1 (0.10000000000000009 in floats);
    # required per year 0.1 / (731 / 365.25) = 36.525 / 731
    stock = Indicator("x", "x", "stock", target=Target("level", 0.8))
    ev = run(plan_of(stock), [ob("2022", 0.6), ob("2023", 0.7)], date(2024, 1, 31))
    assert ev.gap == 0.1
    assert ev.required_per_year == 36.525 / 731
    assert ev.actual_per_year == 36.525 / 365  # 0.1 over 365 days


# ---------------------------------------------------------------- projections


def test_backtest_ties_go_to_the_method_order_not_float_noise() -> None:
    def p(method: str, error: float) -> Projection:
        return Projection(method, "2025", 1.0, error)

    # equal to 12 digits: a tie, and linear comes first in METHODS (linear, cagr, weighted)
    chosen, why = choose([p("weighted", 0.05), p("linear", 0.05 + 1e-17), p("cagr", 0.06)])
    assert (chosen and chosen.method, why) == ("linear", "backtest")
    chosen, _ = choose([p("weighted", 0.1 + 0.2), p("cagr", 0.3)])  # 0.30000000000000004
    assert chosen is not None and chosen.method == "cagr"
    chosen, _ = choose([p("linear", 0.0501), p("weighted", 0.05)])  # a real difference
    assert chosen is not None and chosen.method == "weighted"


def test_backtests_score_floored_predictions() -> None:
    # a stock 40, 20, 2, 1 (2020–2023, 365 days apart): the backtest holds out 2023 and
    # fits linear on (−3, 40), (−2, 20), (−1, 2) in steps of 365 days: slope −19, mean
    # (−2, 62/3); at 0: 62/3 − 38 = −17.33, floored to 0 as projections are:
    # error = |0 − 1| / 1 = 1 (it was 18.33 unfloored)
    stock = Indicator("x", "x", "stock", target=Target("level", 50.0))
    obs = [ob("2020", 40), ob("2021", 20), ob("2022", 2), ob("2023", 1)]
    ev = run(plan_of(stock), obs, date(2023, 12, 31))
    linear = next(p for p in ev.projections if p.method == "linear")
    assert [c.predicted for c in linear.checks] == [0.0]
    assert linear.error == 1.0


def test_actual_growth_is_the_one_the_cagr_projection_uses() -> None:
    # a decrease target to 0 is judged on the linear pace, but cagr still projects with
    # the growth 100 (2021) → 50 (2023): 0.5^(365.25 / 730) − 1 ≈ −0.2929; actual_growth
    # reports that growth instead of null. cagr at the deadline: 50 · 0.5^(731 / 730)
    ind = Indicator("x", "x", "stock", target=Target("level", 0.0, "decrease"))
    ev = run(plan_of(ind), [ob("2021", 100), ob("2023", 50)], date(2024, 6, 30))
    assert ev.growth_basis == "linear"
    assert ev.actual_growth == pytest.approx(0.5 ** (365.25 / 730) - 1)
    cagr = next(p for p in ev.projections if p.method == "cagr")
    assert cagr.value == pytest.approx(50 * 0.5 ** (731 / 730))


# ---------------------------------------------------------------- growth targets and yoy


def growth_target() -> Indicator:
    return Indicator("x", "x", "stock", target=Target("growth", None))


def test_growth_target_uses_a_published_yoy() -> None:
    # one level after the baseline, with yoy +5 %: the one change is > 0 → on_track,
    # actual growth 0.05 (it was insufficient_data, growth null)
    ev = run(plan_of(growth_target()), [ob("2024", 120, yoy=5.0)], date(2024, 12, 31))
    assert ev.status == "on_track"
    assert ev.actual_growth == 0.05
    falling = run(plan_of(growth_target()), [ob("2024", 120, yoy=-3.0)], date(2024, 12, 31))
    assert falling.status == "off_track"
    assert run(plan_of(growth_target()), [ob("2024", 120)], date(2024, 12, 31)).status == (
        "insufficient_data"
    )


def test_growth_target_final_with_a_yoy() -> None:
    ev = run(plan_of(growth_target()), [ob("2025", 130, yoy=2.5)], date(2026, 3, 1))
    assert ev.final and ev.status == "achieved"


def test_a_yoy_on_the_baseline_row_is_no_change_since_the_baseline() -> None:
    ev = run(plan_of(growth_target()), [ob("2023", 100, yoy=5.0)], date(2024, 3, 1))
    assert ev.status == "insufficient_data"


def test_band_of_non_finite_ratios() -> None:
    assert band(float("inf")) == "on_track"
    assert band(float("-inf")) == "moving_away"
    assert band(float("nan")) == "moving_away"  # as before: NaN meets no threshold


def test_judge_orders_reached_final_ratio() -> None:
    """methods.md "Status": reached wins, then a final figure short of the target, then
    the band of the ratio (0.60 exactly is behind; below 0 moving away)."""
    from ipplan.analysis.figures import judge
    from ipplan.core.model import Status

    assert judge(True, True, None) is Status.achieved
    assert judge(False, True, 1.2) is Status.missed
    assert judge(False, False, None) is Status.insufficient_data
    assert judge(False, False, 0.6) is Status.behind
    assert judge(False, False, 0.95) is Status.on_track
    assert judge(False, False, -0.1) is Status.moving_away
