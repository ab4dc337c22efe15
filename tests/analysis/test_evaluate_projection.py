"""The projection plumbing of evaluate.py: which projections an evaluation carries, which
one it shows and why, for every target type. Expected values are worked out by hand.

Day counts used below: 2019-12-31 → 2023-12-31 is 1461 days = 4.0 years exactly (one leap
day, 2020); 2023-12-31 → 2025-12-31 is 731 days (2024 is a leap year).
"""

from __future__ import annotations

from datetime import date

import pytest

from ipplan.analysis.evaluate import Evaluation, evaluate_indicator, evaluate_plan
from ipplan.analysis.series import Dataset
from ipplan.core.model import Indicator, Observation, Plan, PlanMeta, Target
from ipplan.core.periods import parse_period

DEADLINE = date(2025, 12, 31)
AS_OF = date(2024, 12, 31)
YL = 731 / 365.25  # years left from 2023-12-31


def plan_with(target: Target | None, kind: str = "stock", deadline: date = DEADLINE) -> Plan:
    meta = PlanMeta("p", "方案", "某市", parse_period("2023"), deadline)
    return Plan(meta, (Indicator("x", "指标", kind, unit="件", target=target),))  # type: ignore[arg-type]


def evaluate(
    plan: Plan, rows: list[tuple[str, float]], as_of: date = AS_OF, method: str = "auto"
) -> Evaluation:
    obs = [Observation("x", parse_period(p), v) for p, v in rows]
    ind = plan.indicators[0]
    return evaluate_indicator(plan, ind, Dataset(plan, {"x": obs}, as_of), method)


LEVEL = Target("level", 1000.0)


def test_five_points_backtest_picks_the_best_method() -> None:
    # doubling every year: 10, 20, 40, 80, 160 (2019–2023). The backtest holds out 2023
    # (5 points → k = 1). cagr fitted on 2019–2022: growth (80/10)^(1/t) − 1 over
    # t = 1096/365.25 years ≈ 99.9 % a year, predicts ≈ 160 for 2023: error ≈ 0, while
    # a straight line through 10, 20, 40, 80 undershoots. auto → cagr, "backtest".
    ev = evaluate(plan_with(LEVEL), [("2019", 10), ("2020", 20), ("2021", 40), ("2022", 80),
                                     ("2023", 160)])  # fmt: skip
    by = {p.method: p for p in ev.projections}
    assert set(by) == {"linear", "cagr", "weighted"}
    assert all(len(p.checks) == 1 and p.checks[0].period == "2023" for p in by.values())
    assert by["cagr"].error is not None and by["cagr"].error < 0.01
    assert by["linear"].error is not None and by["linear"].error > 0.2
    assert ev.projection is by["cagr"]
    assert ev.projection_reason == "backtest"
    assert ev.projection_low == min(p.value for p in by.values())
    assert ev.projection_high == max(p.value for p in by.values())


def test_three_points_default_to_cagr() -> None:
    # no backtest with 3 points: the method of the status's growth (cagr) is shown;
    # 100 → 121 over 2021–2023, cagr = 1.21^(365.25/730) − 1; projection 121 · (1+g)^YL
    ev = evaluate(plan_with(LEVEL), [("2021", 100), ("2022", 110), ("2023", 121)])
    g = 1.21 ** (365.25 / 730) - 1
    assert ev.projection is not None and ev.projection.method == "cagr"
    assert ev.projection_reason == "default"
    assert ev.projection.value == pytest.approx(121 * (1 + g) ** YL, rel=1e-12)
    assert all(p.error is None and p.checks == () for p in ev.projections)


def test_linear_pace_defaults_to_linear() -> None:
    # 0, 2, 4: growth undefined at 0 → linear pace → linear shown; no cagr projection
    ev = evaluate(plan_with(Target("level", 10.0)), [("2021", 0), ("2022", 2), ("2023", 4)])
    assert ev.growth_basis == "linear"
    assert [p.method for p in ev.projections] == ["linear", "weighted"]
    assert ev.projection is not None and ev.projection.method == "linear"


@pytest.mark.parametrize("method", ["linear", "cagr", "weighted"])
def test_method_asked(method: str) -> None:
    ev = evaluate(plan_with(LEVEL), [("2021", 100), ("2022", 110), ("2023", 121)], method=method)
    assert ev.projection is not None and ev.projection.method == method
    assert ev.projection_reason == "asked"


def test_method_asked_but_undefined() -> None:
    ev = evaluate(plan_with(Target("level", 10.0)), [("2021", 0), ("2022", 2), ("2023", 4)],
                  method="cagr")  # fmt: skip
    assert ev.projection is None and ev.projection_reason is None
    assert len(ev.projections) == 2  # the others are still listed


def test_status_method_goes_through_the_same_engine() -> None:
    plan = plan_with(LEVEL)
    obs = {"x": [Observation("x", parse_period(p), v) for p, v in
                 [("2021", 100), ("2022", 110), ("2023", 121)]]}  # fmt: skip
    result = evaluate_plan(plan, obs, AS_OF, None, "weighted")
    (ev,) = result.evaluations
    assert ev.projection is not None and ev.projection.method == "weighted"


def test_cumulative_projects_s_plus_flows() -> None:
    # 3 a year in 2021–2023 from 2021, T = 15: S = 9; every method projects flows of 3 for
    # 2024 and 2025: 9 + 3 + 3 = 15. Pace 9 / (1095/365.25) against need 6 / YL.
    target = Target("cumulative", 15.0, from_period=parse_period("2021"))
    ev = evaluate(plan_with(target, "flow"), [("2021", 3), ("2022", 3), ("2023", 3)])
    assert ev.cumulative == 9
    assert {p.method: round(p.value, 9) for p in ev.projections} == {
        "linear": 15, "cagr": 15, "weighted": 15}  # fmt: skip
    assert ev.projection is not None and ev.projection.method == "linear"  # judged on pace
    assert ev.growth_ratio == pytest.approx((9 / (1095 / 365.25)) / (6 / YL))
    assert ev.status == "on_track"  # ratio ≈ 1.0014


def test_cumulative_with_one_flow_uses_the_pace() -> None:
    # only 2023 = 3 counted from 2021: S = 3, pace = 3 / (1095/365.25); projection
    # S + pace · YL
    target = Target("cumulative", 15.0, from_period=parse_period("2021"))
    ev = evaluate(plan_with(target, "flow"), [("2023", 3)])
    (only,) = ev.projections
    assert only.method == "pace"
    assert only.value == pytest.approx(3 + 3 / (1095 / 365.25) * YL)


def test_growth_target_projects_the_series() -> None:
    # changes from the baseline 2023 on: 2 → 3, up: on track
    rows = [("2022", 1), ("2023", 2), ("2024", 3)]
    ev = evaluate(plan_with(Target("growth", None), "flow"), rows)
    assert ev.status == "on_track"
    assert {p.method for p in ev.projections} == {"linear", "cagr", "weighted"}


def test_no_projection_once_final() -> None:
    ev = evaluate(plan_with(LEVEL), [("2024", 900), ("2025", 950)], as_of=date(2026, 3, 1))
    assert ev.final and ev.status == "missed"
    assert ev.projections == () and ev.projection is None


def test_after_the_deadline_without_final_data_projects_to_the_deadline() -> None:
    ev = evaluate(plan_with(LEVEL), [("2023", 500), ("2024", 900)], as_of=date(2026, 3, 1))
    assert not ev.final and "final_awaited" in ev.notes
    assert ev.projection is not None and ev.projection.period == "2025"


def test_methodology_worked_example_2() -> None:
    # docs/methodology.md, example 2: flows 2, 3, 3, 4 (2021–2024), target 15 from 2021,
    # as of 2025-03-01. Backtest holds out 2024 and fits 2, 3, 3:
    # linear predicts 8/3 + (1/(2·0.999316))·2.001369 = 3.668 → |3.668 − 4|/4 = 0.0830;
    # cagr (3/2)^(1/1.998631) − 1 = 0.22492 → 3 · 1.22492^1.002053 = 3.676 → 0.0809;
    # weighted predicts 3.501 → 0.1247. auto → cagr: 12 + 4 · 1.25962^0.999316 = 17.04.
    target = Target("cumulative", 15.0, from_period=parse_period("2021"))
    rows = [("2021", 2), ("2022", 3), ("2023", 3), ("2024", 4)]
    ev = evaluate(plan_with(target, "flow"), rows, as_of=date(2025, 3, 1))
    by = {p.method: p for p in ev.projections}
    assert ev.cumulative == 12 and ev.progress == pytest.approx(4 / 7)
    assert ev.actual_per_year == pytest.approx(3.0)  # 12 / (1461 / 365.25 = 4.0)
    assert by["linear"].error == pytest.approx(0.0830, abs=5e-5)
    assert by["cagr"].error == pytest.approx(0.0809, abs=5e-5)
    assert by["weighted"].error == pytest.approx(0.1247, abs=5e-5)
    assert ev.projection is by["cagr"] and ev.projection_reason == "backtest"
    assert by["cagr"].value == pytest.approx(12 + 4 * 2 ** (365.25 / 1096 * 365 / 365.25))
    assert round(by["cagr"].value, 2) == 17.04
    assert round(by["linear"].value, 2) == 16.50
