"""Projections and backtests (ipplan.analysis.project): every expected value worked out by hand."""

from __future__ import annotations

import math
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ipplan.analysis.project import (
    METHODS,
    Check,
    Projection,
    backtest,
    cagr,
    choose,
    cumulative_projections,
    fit,
    future_periods,
    holdout,
    linear,
    mape,
    next_period,
    ols,
    recency_weights,
    series_projections,
    spread,
    weighted,
    wls,
)
from ipplan.core.model import Observation
from ipplan.core.periods import Period, years_between


def obs(period: str, value: float) -> Observation:
    from ipplan.core.periods import parse_period

    return Observation("x", parse_period(period), value)


# ---------------------------------------------------------------- the arithmetic


def test_ols_through_three_points() -> None:
    # x̄ = −1, ȳ = 4/3; Sxx = 1 + 0 + 1 = 2; Sxy = (−1)(0 − 4/3) + 0 + (1)(3 − 4/3) = 3
    # slope = 3/2, intercept = 4/3 + 3/2 = 17/6
    a, b = ols([-2, -1, 0], [0, 1, 3]) or (0, 0)
    assert b == pytest.approx(1.5)
    assert a == pytest.approx(17 / 6)
    assert linear([-2, -1, 0], [0, 1, 3], 1) == pytest.approx(17 / 6 + 1.5)


def test_recency_weights() -> None:
    # ages 2, 1, 0.5, 0 years → 1/3, 1/2, 1/1.5, 1
    assert recency_weights([-2, -1, -0.5, 0]) == pytest.approx([1 / 3, 1 / 2, 2 / 3, 1])


def test_weighted_least_squares_by_hand() -> None:
    # w = 1/3, 1/2, 1 (Σw = 11/6); x̄ = (−2/3 − 1/2)/(11/6) = −7/11; ȳ = (1/2 + 3)/(11/6) = 21/11
    # Sxx = (1/3)(225/121) + (1/2)(16/121) + 49/121 = 132/121 = 12/11
    # Sxy = (1/3)(−15/11)(−21/11) + (1/2)(−4/11)(−10/11) + (7/11)(12/11) = 209/121 = 19/11
    # slope = 19/12; intercept = 21/11 + (19/12)(7/11) = 35/12; at x = 1: 54/12 = 4.5
    a, b = wls([-2, -1, 0], [0, 1, 3], recency_weights([-2, -1, 0])) or (0, 0)
    assert b == pytest.approx(19 / 12)
    assert a == pytest.approx(35 / 12)
    assert weighted([-2, -1, 0], [0, 1, 3], 1) == pytest.approx(4.5)


def test_fits_need_two_distinct_times() -> None:
    assert ols([0], [1]) is None
    assert ols([0, 0], [1, 2]) is None
    assert fit("linear", [], []) is None
    assert fit("weighted", [0.0], [5.0]) is None


def test_cagr_fit_and_formula() -> None:
    # growth from (−2, 100) to (0, 121): (121/100)^(1/2) − 1 = 0.1; at x = 1: 121 · 1.1 = 133.1
    curve = fit("cagr", [-2, -1, 0], [100, 0, 121])
    assert curve is not None
    assert curve(1) == pytest.approx(133.1)
    # a given growth (published yoy) overrides: 50 · 1.2² = 72
    given_curve = fit("cagr", [0], [50], growth=0.2)
    assert given_curve is not None and given_curve(2) == pytest.approx(72)
    assert cagr(50, 0.2, 2) == pytest.approx(72)
    assert cagr(50, None, 2) is None


@pytest.mark.parametrize(("first", "last"), [(0, 5), (-3, 5), (5, 0)])
def test_cagr_undefined_at_zero_or_negative_levels(first: float, last: float) -> None:
    # never a fake epsilon: no curve at all
    assert fit("cagr", [-1, 0], [first, last]) is None


def test_unknown_method_is_a_bug() -> None:
    with pytest.raises(ValueError):
        fit("magic", [0, 1], [1, 2])


# ---------------------------------------------------------------- backtest


@pytest.mark.parametrize(("n", "k"), [(0, 0), (3, 0), (4, 1), (5, 1), (6, 2), (60, 2)])
def test_holdout(n: int, k: int) -> None:
    assert holdout(n) == k


def test_backtest_by_hand() -> None:
    xs = [-4.0, -3.0, -2.0, -1.0, 0.0]
    ys = [10.0, 20.0, 30.0, 40.0, 60.0]
    # 5 points: hold out the last. Training is the exact line y = 10(x + 5): predicts 50 at 0.
    assert backtest("linear", xs, ys) == [(4, pytest.approx(50))]
    assert backtest("weighted", xs, ys) == [(4, pytest.approx(50))]
    # cagr: growth (40/10)^(1/3) − 1 over the training span; predicts 40 · 4^(1/3) = 63.496
    (i, predicted), *_ = backtest("cagr", xs, ys) or [(0, 0.0)]
    assert i == 4 and predicted == pytest.approx(40 * 4 ** (1 / 3))
    assert backtest("linear", xs[:3], ys[:3]) is None  # fewer than 4 points: no backtest


def test_mape_skips_zero_actuals() -> None:
    checks = [Check("2022", 8, 10), Check("2023", 3, 0), Check("2024", 12, 10)]
    # |8 − 10|/10 = 0.2, |12 − 10|/10 = 0.2; the 0 is left out: mean 0.2
    assert mape(checks) == pytest.approx(0.2)
    assert mape([Check("2023", 3, 0)]) is None
    assert Check("2023", 3, 0).error is None


# ---------------------------------------------------------------- observations

# Annual end dates 2019-12-31 … 2023-12-31; the deadline 2025-12-31 is 731 days after the
# latest one (2024 is a leap year), so years_left = 731 / 365.25.
YEARS = ["2019", "2020", "2021", "2022", "2023"]
DEADLINE = date(2025, 12, 31)
ORIGIN = date(2019, 12, 31)


def _t(period: str) -> float:
    """Years from 2019-12-31 to the period's end."""
    return years_between(ORIGIN, Period(int(period), "Y", 0).end)


def test_exact_linear_series_is_projected_exactly_by_linear_and_weighted() -> None:
    # v = 1000 + 250 t (t in years since 2019-12-31): at the deadline, t = 2192 / 365.25
    # (2192 days = 366 + 365 + 365 + 365 + 366 + 365), v = 1000 + 250 · 2192 / 365.25.
    points = [obs(p, 1000 + 250 * _t(p)) for p in YEARS]
    found = {p.method: p for p in series_projections(points, points[-1], DEADLINE)}
    expected = 1000 + 250 * 2192 / 365.25
    assert found["linear"].value == pytest.approx(expected, rel=1e-12)
    assert found["weighted"].value == pytest.approx(expected, rel=1e-12)
    assert found["linear"].error == pytest.approx(0, abs=1e-12)
    assert found["cagr"].value != pytest.approx(expected, rel=1e-3)
    assert choose(list(found.values()))[0].method == "linear"  # type: ignore[union-attr]


def test_exact_geometric_series_is_projected_exactly_by_cagr() -> None:
    # v = 1000 · 1.1^t: at the deadline 1000 · 1.1^(2192 / 365.25)
    points = [obs(p, 1000 * 1.1 ** _t(p)) for p in YEARS]
    found = {p.method: p for p in series_projections(points, points[-1], DEADLINE)}
    assert found["cagr"].value == pytest.approx(1000 * 1.1 ** (2192 / 365.25), rel=1e-12)
    assert found["cagr"].error == pytest.approx(0, abs=1e-12)
    assert found["linear"].error and found["linear"].error > 0.001
    chosen, reason = choose(list(found.values()))
    assert (chosen and chosen.method, reason) == ("cagr", "backtest")


def test_series_projection_details() -> None:
    points = [obs(p, 10.0 * (i + 1)) for i, p in enumerate(YEARS)]
    found = series_projections(points, points[-1], DEADLINE)
    assert [p.method for p in found] == list(METHODS)
    lin = found[0]
    assert lin.period == "2025"
    assert lin.fitted == tuple(YEARS)
    assert [c.period for c in lin.checks] == ["2023"]  # 5 points: the last held out
    # the path starts on the fitted line at the latest period's end (≈ 50: the day counts of
    # the years differ, so 10, 20, … is not exactly a line in days / 365.25)
    assert lin.path[0] == (date(2023, 12, 31), pytest.approx(50, rel=1e-3))
    assert lin.path[-1] == (DEADLINE, pytest.approx(lin.value))


def test_series_projection_is_floored_at_zero_for_counts() -> None:
    # 30, 20, 10 falling by ~10 a year: the line crosses 0 before the deadline
    points = [obs("2021", 30), obs("2022", 20), obs("2023", 10)]
    lin = series_projections(points, points[-1], DEADLINE)[0]
    assert lin.value == 0
    free = series_projections(points, points[-1], DEADLINE, floor=None)[0]
    assert free.value < 0


def test_no_projection_at_or_after_the_deadline() -> None:
    points = [obs("2024", 1), obs("2025", 2)]
    assert series_projections(points, points[-1], DEADLINE) == []
    assert cumulative_projections(points, points[-1], 3, DEADLINE, 1.0) == []


# ---------------------------------------------------------------- cumulative


def test_future_periods() -> None:
    y = Period(2023, "Y", 0)
    assert future_periods(y, DEADLINE) == [(Period(2024, "Y", 0), 1.0), (Period(2025, "Y", 0), 1.0)]
    q = Period(2024, "Q", 4)
    assert [str(p) for p, _ in future_periods(q, DEADLINE)] == [
        "2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4"]  # fmt: skip
    assert str(next_period(Period(2024, "M", 12))) == "2025-01"
    # a deadline inside a year: 2025-01-01 … 2025-06-15 is 31 + 28 + 31 + 30 + 31 + 15 = 166
    # of 365 days
    assert future_periods(Period(2024, "Y", 0), date(2025, 6, 15)) == [
        (Period(2025, "Y", 0), pytest.approx(166 / 365))
    ]


def test_cumulative_constant_flows() -> None:
    # 5 a year in 2021–2023 (S = 15): every method projects 5 for 2024 and 5 for 2025 → 25
    flows = [obs("2021", 5), obs("2022", 5), obs("2023", 5)]
    found = cumulative_projections(flows, flows[-1], 15, DEADLINE, pace=5)
    assert {p.method: round(p.value, 9) for p in found} == {
        "linear": 25,
        "cagr": 25,
        "weighted": 25,
    }
    assert found[0].path[0] == (date(2023, 12, 31), 15)
    assert found[0].path[1] == (date(2024, 12, 31), pytest.approx(20))


def test_cumulative_growing_flows_with_cagr() -> None:
    # flows 1, 2, 4 (S = 7); growth over 730 days: g = 4^(365.25 / 730) − 1;
    # 2024 ends 366 days after the latest, 2025 731 days:
    # S + 4(1+g)^(366/365.25) + 4(1+g)^(731/365.25)
    flows = [obs("2021", 1), obs("2022", 2), obs("2023", 4)]
    found = {p.method: p for p in cumulative_projections(flows, flows[-1], 7, DEADLINE)}
    g = 4 ** (365.25 / 730) - 1
    expected = 7 + 4 * (1 + g) ** (366 / 365.25) + 4 * (1 + g) ** (731 / 365.25)
    assert found["cagr"].value == pytest.approx(expected, rel=1e-12)


def test_cumulative_one_flow_uses_the_pace() -> None:
    # one flow: no method fits; S = 3, pace 1 a year, 731/365.25 years left
    flows = [obs("2023", 3)]
    (only,) = cumulative_projections(flows, flows[-1], 3, DEADLINE, pace=1.0)
    assert only.method == "pace"
    assert only.value == pytest.approx(3 + 731 / 365.25)
    assert cumulative_projections(flows, flows[-1], 3, DEADLINE) == []


def test_cumulative_projected_flows_never_negative() -> None:
    # flows falling 20, 10, 0 → the line gives −10, −20: counted as 0, S stays 30
    flows = [obs("2021", 20), obs("2022", 10), obs("2023", 0)]
    found = {p.method: p for p in cumulative_projections(flows, flows[-1], 30, DEADLINE)}
    assert found["linear"].value == pytest.approx(30)
    assert "cagr" not in found  # a flow of 0: growth undefined


# ---------------------------------------------------------------- choosing


def P(method: str, value: float, error: float | None = None) -> Projection:
    return Projection(method, "2025", value, error)


def test_choose() -> None:
    found = [P("linear", 10, 0.05), P("cagr", 12, 0.02), P("weighted", 11, 0.03)]
    assert choose(found) == (found[1], "backtest")
    assert choose(found, "weighted") == (found[2], "asked")
    assert choose(found[:1], "cagr") == (None, "asked")
    untested = [P("linear", 10), P("cagr", 12)]
    assert choose(untested) == (untested[1], "default")
    assert choose(untested, prefer=("linear", "weighted", "cagr")) == (untested[0], "default")
    assert choose([P("pace", 4)]) == (P("pace", 4), "default")
    assert choose([]) == (None, "none")
    tie = [P("weighted", 11, 0.0), P("linear", 10, 0.0)]
    assert choose(tie)[0] == tie[1]  # ties go to the earlier of METHODS


def test_spread() -> None:
    assert spread([P("linear", 10), P("cagr", 12), P("weighted", 11)]) == (10, 12)
    assert spread([]) is None


@given(
    st.lists(st.floats(1, 1e6), min_size=2, max_size=8),
    st.floats(-0.5, 2.0),
    st.floats(0.1, 5.0),
)
def test_linear_methods_agree_on_lines(values: list[float], slope: float, at: float) -> None:
    # any weights reproduce an exact line
    xs = [float(-i) for i in range(len(values))][::-1]
    ys = [values[0] + slope * x for x in xs]
    for method in ("linear", "weighted"):
        curve = fit(method, xs, ys)
        assert curve is not None
        assert math.isclose(curve(at), values[0] + slope * at, rel_tol=1e-9, abs_tol=1e-6)


def test_the_registry_holds_every_method_once() -> None:
    from ipplan.analysis.project import METHODS, PACE, REGISTRY, Method, fit

    assert set(REGISTRY) == set(Method)
    assert [*METHODS] == ["linear", "cagr", "weighted"]  # the backtest tie order
    assert " | ".join(("auto", *METHODS)) == "auto | linear | cagr | weighted"
    assert [s.letter for s in REGISTRY.values()] == ["L", "C", "W", "P"]
    assert REGISTRY[PACE].fit is None
    # fit dispatches through the registry: points (0, 10), (1, 12), (2, 15)
    # linear: x̄ = 1, ȳ = 37/3, b = ((-1)(10-37/3) + (1)(15-37/3)) / 2 = 5/2, a = 37/3 - 5/2
    # at x = 3: 37/3 - 5/2 + 15/2 = 37/3 + 5 = 52/3
    curve = fit("linear", [0.0, 1.0, 2.0], [10.0, 12.0, 15.0])
    assert curve is not None and abs(curve(3.0) - 52 / 3) < 1e-12
    # cagr from 10 to 15 over 2 years: (1.5)^(1/2); at x = 3: 15 · 1.5^(1/2)
    curve = fit("cagr", [0.0, 1.0, 2.0], [10.0, 12.0, 15.0])
    assert curve is not None and abs(curve(3.0) - 15 * 1.5**0.5) < 1e-9
    for bad in ("pace", "magic"):
        with pytest.raises(ValueError, match="unknown projection method"):
            fit(bad, [0.0, 1.0], [1.0, 2.0])


def test_choose_says_why_with_a_reason_enum() -> None:
    from ipplan.analysis.project import ProjectionReason, choose

    assert choose([], "auto") == (None, ProjectionReason.none)
    assert choose([], "linear") == (None, "asked")
