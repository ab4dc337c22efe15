"""Every figure and status of methods.md, checked against values worked out by hand.

Each expected value carries its arithmetic in a comment. Spans are days / 365.25
between period end dates (methods.md, "Time"); the day counts are written out.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ipplan.analysis.evaluate import Evaluation, evaluate_indicator, evaluate_plan
from ipplan.analysis.figures import band, time_elapsed
from ipplan.analysis.series import Dataset
from ipplan.core.model import Indicator, Observation, Plan, PlanMeta, Target
from ipplan.core.periods import parse_period

REGION = "甲市"
DEADLINE = date(2025, 12, 31)
Y = 365.25  # days per year, methods.md

Row = tuple[Any, ...]  # (period, value) or (period, value, {observation fields})


def make_plan(*indicators: Indicator, baseline: str = "2023", deadline: date = DEADLINE) -> Plan:
    meta = PlanMeta(
        id="test",
        title="测试方案",
        region=REGION,
        baseline=parse_period(baseline),
        deadline=deadline,
    )
    return Plan(meta, tuple(indicators))


def obs(iid: str, period: str, value: float, **fields: Any) -> Observation:
    return Observation(indicator=iid, period=parse_period(period), value=float(value), **fields)


def rows_of(iid: str, rows: list[Row]) -> list[Observation]:
    return [obs(iid, r[0], r[1], **(r[2] if len(r) > 2 else {})) for r in rows]


def level(value: float, direction: str = "increase") -> Target:
    return Target("level", float(value), direction)  # type: ignore[arg-type]


def cumulative(value: float, start: str, direction: str = "increase") -> Target:
    return Target("cumulative", float(value), direction, parse_period(start))  # type: ignore[arg-type]


def growth(direction: str = "increase") -> Target:
    return Target("growth", None, direction)  # type: ignore[arg-type]


def run(
    target: Target | None,
    rows: list[Row],
    as_of: date,
    *,
    kind: str = "stock",
    baseline: str = "2023",
    deadline: date = DEADLINE,
) -> Evaluation:
    ind = Indicator("x", "指标", kind, target=target)  # type: ignore[arg-type]
    plan = make_plan(ind, baseline=baseline, deadline=deadline)
    data = Dataset(plan, {"x": rows_of("x", rows)}, as_of)
    return evaluate_indicator(plan, ind, data)


# The bundled trademarks series (actuals/trademarks_valid.csv) and its target.
TRADEMARKS: list[Row] = [("2021", 16480), ("2022", 19724), ("2023", 22542, {"yoy": 14.29})]


# --------------------------------------------------------------------------- time


def test_time_elapsed_half_of_a_plan_spanning_a_leap_year() -> None:
    # 2023-12-31 → 2024-12-31 = 366 days (2024 is leap); → 2025-12-31 = 731 days
    # 366 / 731 = 0.500683994...
    got = time_elapsed(date(2023, 12, 31), DEADLINE, date(2024, 12, 31))
    assert got == pytest.approx(366 / 731, rel=1e-12)
    assert got == pytest.approx(0.5006839945, rel=1e-9)


def test_time_elapsed_exact_half_without_leap_year() -> None:
    # 2021-12-31 → 2022-12-31 = 365 days; → 2023-12-31 = 730 days; 365 / 730 = 0.5
    assert time_elapsed(date(2021, 12, 31), date(2023, 12, 31), date(2022, 12, 31)) == 0.5


def test_time_elapsed_on_leap_day() -> None:
    # 2023-12-31 → 2024-02-29 = 31 (Jan) + 29 (Feb) = 60 days; 60 / 731 = 0.0820793...
    got = time_elapsed(date(2023, 12, 31), DEADLINE, date(2024, 2, 29))
    assert got == pytest.approx(60 / 731, rel=1e-12)


@pytest.mark.parametrize(
    ("as_of", "expected"),
    [
        (date(2023, 6, 30), 0.0),  # before the start: (−184 / 731) clipped to 0
        (date(2023, 12, 31), 0.0),  # at the start: 0 / 731
        (DEADLINE, 1.0),  # at the deadline: 731 / 731
        (date(2026, 6, 30), 1.0),  # after: (731 + 181) / 731 clipped to 1
    ],
)
def test_time_elapsed_is_clipped(as_of: date, expected: float) -> None:
    assert time_elapsed(date(2023, 12, 31), DEADLINE, as_of) == expected


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2050, 12, 31)))
def test_time_elapsed_is_the_clipped_day_ratio(as_of: date) -> None:
    # (as_of − 2023-12-31) days / 731 days, clipped to [0, 1]
    expected = min(1.0, max(0.0, (as_of - date(2023, 12, 31)).days / 731))
    got = time_elapsed(date(2023, 12, 31), DEADLINE, as_of)
    assert got == pytest.approx(expected, rel=1e-12, abs=1e-15)


def test_plan_time_elapsed_uses_baseline_end_as_start() -> None:
    # start = end of baseline 2023 = 2023-12-31; as_of 2025-06-30
    # 366 (2024) + 181 (Jan..Jun 2025: 31+28+31+30+31+30) = 547 days; 547 / 731 = 0.748290...
    plan = make_plan(Indicator("x", "指标", "stock", target=level(10)))
    result = evaluate_plan(plan, {"x": []}, date(2025, 6, 30))
    assert result.time_elapsed == pytest.approx(547 / 731, rel=1e-12)
    assert result.time_elapsed == pytest.approx(0.74829001, rel=1e-7)


def test_years_left_counts_from_the_latest_observation_not_as_of() -> None:
    # latest 2023 (2023-12-31) → 2025-12-31 = 731 days = 2.0013689... years,
    # although as_of (2024-11-30) is 396 days later than 2023-12-31
    ev = run(level(30000), TRADEMARKS, date(2024, 11, 30))
    assert ev.years_left == pytest.approx(731 / Y, rel=1e-12)
    assert ev.years_left == pytest.approx(2.0013689254, rel=1e-9)


def test_years_left_from_a_monthly_observation() -> None:
    # latest 2024-03 ends 2024-03-31; → 2024-12-31 = 30+31+30+31+31+30+31+30+31 = 275 days,
    # + 365 (2025) = 640 days; 640 / 365.25 = 1.7522245...
    ev = run(level(100), [("2023", 50), ("2024-03", 60)], date(2024, 5, 15))
    assert ev.latest is not None and str(ev.latest.period) == "2024-03"
    assert ev.years_left == pytest.approx(640 / Y, rel=1e-12)
    assert ev.years_left == pytest.approx(1.75222451, rel=1e-8)


# --------------------------------------------------------------------------- level targets


def test_level_target_all_figures_on_the_trademarks_series() -> None:
    ev = run(level(30000), TRADEMARKS, date(2024, 12, 31))
    assert ev.latest is not None and ev.latest.value == 22542
    assert ev.baseline is not None and ev.baseline.value == 22542
    # attainment = 22542 / 30000 = 0.7514
    assert ev.attainment == pytest.approx(0.7514, rel=1e-12)
    # progress = (22542 − 22542) / (30000 − 22542) = 0
    assert ev.progress == 0
    # gap = 30000 − 22542 = 7458
    assert ev.gap == 7458
    # years_left = 731 / 365.25 = 2.00136893
    assert ev.years_left == pytest.approx(2.0013689254, rel=1e-9)
    # required_growth = (30000 / 22542)^(1 / 2.00136893) − 1
    #   ln(1.3308491) = 0.2858452; / 2.00136893 = 0.1428249; e^… − 1 = 0.1535116
    assert ev.required_growth == pytest.approx((30000 / 22542) ** (Y / 731) - 1, rel=1e-12)
    assert ev.required_growth == pytest.approx(0.15351156, rel=1e-7)
    # required_per_year = 7458 / 2.00136893 = 3726.4494
    assert ev.required_per_year == pytest.approx(7458 * Y / 731, rel=1e-12)
    assert ev.required_per_year == pytest.approx(3726.4494, rel=1e-7)
    # actual_growth: CAGR 2021 → 2023, 730 days = 1.99863107 years (the yoy is not used
    # when two levels are known): (22542 / 16480)^(1 / 1.99863107) − 1
    #   ln(1.3678398) = 0.3132686; / 1.99863107 = 0.1567416; e^… − 1 = 0.1696723
    assert ev.actual_growth == pytest.approx((22542 / 16480) ** (Y / 730) - 1, rel=1e-12)
    assert ev.actual_growth == pytest.approx(0.16967230, rel=1e-7)
    # growth_ratio = 0.1696723 / 0.1535116 = 1.1052738 ≥ 0.95 → on_track
    assert ev.growth_ratio == pytest.approx(1.1052738, rel=1e-7)
    assert ev.status == "on_track"
    assert ev.final is False


def test_progress_with_a_known_baseline() -> None:
    # b = 100 (2023), v = 130 (2024), T = 160: (130 − 100) / (160 − 100) = 0.5
    ev = run(level(160), [("2023", 100), ("2024", 130)], date(2024, 12, 31))
    assert ev.progress == pytest.approx(0.5, rel=1e-12)


def test_progress_is_null_when_the_baseline_is_not_observed() -> None:
    # baseline period 2023 has no row: b unknown → progress null; attainment still 130/160
    ev = run(level(160), [("2022", 100), ("2024", 130)], date(2024, 12, 31))
    assert ev.baseline is None
    assert ev.progress is None
    assert ev.attainment == pytest.approx(130 / 160, rel=1e-12)  # 0.8125


def test_progress_is_null_when_target_equals_baseline() -> None:
    # b = T = 160: (v − b) / (T − b) divides by 0 → null; v = 150 < T so not achieved
    ev = run(level(160), [("2023", 160), ("2024", 150)], date(2024, 12, 31))
    assert ev.progress is None
    assert ev.status != "achieved"


def test_gap_is_zero_once_achieved() -> None:
    # v = 170 ≥ T = 160 → achieved; gap = max(160 − 170, 0) = 0; attainment 170/160 = 1.0625
    ev = run(level(160), [("2023", 100), ("2024", 170)], date(2024, 12, 31))
    assert ev.status == "achieved"
    assert ev.gap == 0
    assert ev.attainment == pytest.approx(1.0625, rel=1e-12)
    # progress (170 − 100) / (160 − 100) = 70 / 60 = 1.1666...
    assert ev.progress == pytest.approx(70 / 60, rel=1e-12)
    assert ev.final is False  # before the deadline: achieved, but not a final verdict


def test_actual_growth_uses_the_earliest_point_of_the_window() -> None:
    # v0 = 100 (2021), v = 121 (2023), 730 days = 1.99863107 years; 2022 is skipped:
    # (121 / 100)^(1 / 1.99863107) − 1 = e^(0.1906204 / 1.99863107) − 1 = 0.1000718
    ev = run(level(400), [("2021", 100), ("2022", 300), ("2023", 121)], date(2024, 6, 30))
    assert ev.actual_growth == pytest.approx(1.21 ** (Y / 730) - 1, rel=1e-12)
    assert ev.actual_growth == pytest.approx(0.1000718, rel=1e-6)


def test_actual_growth_window_is_five_years() -> None:
    # 2015 lies 8 years before 2023: outside the window. v0 = 100 (2019).
    # 2019-12-31 → 2023-12-31 = 365 + 366 (2020) + 365 + 365 = 1461 days = 4.0 years
    # (200 / 100)^(1/4) − 1 = 2^0.25 − 1 = 0.1892071
    ev = run(level(400), [("2015", 1000), ("2019", 100), ("2023", 200)], date(2024, 6, 30))
    assert ev.actual_growth == pytest.approx(2**0.25 - 1, rel=1e-12)
    assert ev.actual_growth == pytest.approx(0.18920712, rel=1e-7)


def test_actual_growth_window_drops_a_point_six_years_back() -> None:
    # latest 2024; 2018 is 6 years back (outside); v0 = 100 (2020)
    # 2020-12-31 → 2024-12-31 = 365 * 3 + 366 (2024) = 1461 days = 4.0 years → 2^0.25 − 1
    ev = run(level(400), [("2018", 50), ("2020", 100), ("2024", 200)], date(2025, 6, 30))
    assert ev.actual_growth == pytest.approx(2**0.25 - 1, rel=1e-12)


def test_actual_growth_window_includes_the_point_exactly_five_years_back() -> None:
    # Eurostat's short-term trend runs from year t − 5 to t (six annual points, a 5-year span):
    # v0 = 100 (2018-12-31), v = 200 (2023-12-31): 365·4 + 366 (2020) = 1826 days
    # (200 / 100)^(365.25 / 1826) − 1 = 2^0.2000274 − 1 = e^(0.6931472 · 0.2000274) − 1 = 0.1487202
    ev = run(level(400), [("2018", 100), ("2023", 200)], date(2024, 6, 30))
    assert ev.actual_growth == pytest.approx(2 ** (Y / 1826) - 1, rel=1e-12)
    assert ev.actual_growth == pytest.approx(0.1487202, rel=1e-6)


def test_actual_growth_spans_days_not_months_across_a_leap_february() -> None:
    # 2024-01 ends 2024-01-31, 2024-03 ends 2024-03-31: 29 (Feb 2024) + 31 = 60 days,
    # = 60 / 365.25 years (not 2/12): (102 / 100)^(365.25 / 60) − 1
    #   = e^(0.0198026 · 6.0875) − 1 = 0.1281154   (2/12 of a year would give 0.1261624)
    ev = run(level(200), [("2024-01", 100), ("2024-03", 102)], date(2024, 4, 30))
    assert ev.actual_growth == pytest.approx(1.02 ** (Y / 60) - 1, rel=1e-12)
    assert ev.actual_growth == pytest.approx(0.1281154, rel=1e-6)


def test_actual_growth_from_a_published_yoy_when_only_one_level_is_known() -> None:
    # one level (2023: 22542) with yoy 14.29 → actual_growth = 14.29 / 100 = 0.1429
    # required_growth = 0.15351156 (as above); ratio = 0.1429 / 0.15351156 = 0.9308745
    # 0.60 ≤ 0.9309 < 0.95 → behind (the formats.md example: 0.930, behind)
    ev = run(level(30000), [("2023", 22542, {"yoy": 14.29})], date(2024, 12, 31))
    assert ev.actual_growth == pytest.approx(0.1429, rel=1e-12)
    assert ev.growth_ratio == pytest.approx(0.1429 / ((30000 / 22542) ** (Y / 731) - 1))
    assert ev.growth_ratio == pytest.approx(0.9308745, rel=1e-6)
    assert ev.status == "behind"


def test_yoy_used_when_the_only_two_rows_end_on_the_same_day() -> None:
    # 2023-12 (monthly report) and 2023 (annual, yoy 14.29) both end 2023-12-31:
    # one level in time → actual_growth = 0.1429, ratio 0.1429 / 0.15351156 = 0.9308745 → behind
    rows: list[Row] = [("2023-12", 22542), ("2023", 22542, {"yoy": 14.29})]
    ev = run(level(30000), rows, date(2024, 12, 31))
    assert ev.actual_growth == pytest.approx(0.1429, rel=1e-12)
    assert ev.growth_ratio == pytest.approx(0.9308745, rel=1e-6)
    assert ev.status == "behind"


def test_one_level_without_yoy_is_insufficient_data() -> None:
    # one point, no yoy: actual_growth null, growth_ratio null → insufficient_data;
    # the level figures are still there: attainment 22542 / 30000 = 0.7514, gap 7458
    ev = run(level(30000), [("2023", 22542)], date(2024, 12, 31))
    assert ev.actual_growth is None
    assert ev.growth_ratio is None
    assert ev.status == "insufficient_data"
    assert ev.attainment == pytest.approx(0.7514, rel=1e-12)
    assert ev.gap == 7458
    assert ev.required_growth == pytest.approx(0.15351156, rel=1e-7)


def test_zero_start_uses_the_linear_pace() -> None:
    # v0 = 0 (2021) ≤ 0: actual_growth null, linear pace instead.
    # actual pace = (4 − 0) / (730 / 365.25) ; required pace = (10 − 4) / (731 / 365.25)
    # ratio = (4 · 731) / (6 · 730) = 2924 / 4380 = 0.6675799 → behind
    ev = run(level(10), [("2021", 0), ("2023", 4)], date(2024, 6, 30))
    assert ev.actual_growth is None
    assert ev.growth_ratio == pytest.approx(2924 / 4380, rel=1e-12)
    assert ev.growth_ratio == pytest.approx(0.66757991, rel=1e-7)
    # required_per_year = (10 − 4) / 2.00136893 = 2.9979483
    assert ev.required_per_year == pytest.approx(6 * Y / 731, rel=1e-12)
    assert ev.status == "behind"
    assert "linear_pace" in ev.notes


def test_required_growth_is_null_when_the_level_is_zero() -> None:
    # v = 0: (T / v) undefined → required_growth null; actual pace (0 − 0) / 2 years = 0,
    # required pace (10 − 0) / 2.0013689 = 4.99658 → ratio 0 → off_track
    ev = run(level(10), [("2021", 0), ("2023", 0)], date(2024, 6, 30))
    assert ev.required_growth is None
    assert ev.actual_growth is None
    assert ev.required_per_year == pytest.approx(10 * Y / 731, rel=1e-12)
    assert ev.growth_ratio == 0
    assert ev.status == "off_track"


# --------------------------------------------------------------------------- status bands


@pytest.mark.parametrize(
    ("ratio", "status"),
    [
        (1.5, "on_track"),
        (0.95, "on_track"),
        (0.9499, "behind"),
        (0.60, "behind"),
        (0.5999, "off_track"),
        (0.0, "off_track"),
        (-0.01, "moving_away"),
    ],
)
def test_band_thresholds(ratio: float, status: str) -> None:
    assert band(ratio) == status


# Linear pace with exact spans: first point 2017 (value v0), latest 2021 (value v),
# deadline 2025-12-31. 2017-12-31 → 2021-12-31 = 365·3 + 366 (2020) = 1461 days = 4.0 years;
# 2021-12-31 → 2025-12-31 = 365·3 + 366 (2024) = 1461 days = 4.0 years.
# ratio = ((v − v0) / 4) / ((T − v) / 4) = (v − v0) / (T − v).
@pytest.mark.parametrize(
    ("v0", "v", "target", "ratio", "status"),
    [
        (0, 38, 78, 0.95, "on_track"),  # 38 / 40 = 0.95
        (0, 37.996, 77.996, 0.9499, "behind"),  # 37.996 / 40 = 0.9499
        (0, 24, 64, 0.60, "behind"),  # 24 / 40 = 0.60
        (0, 23.996, 63.996, 0.5999, "off_track"),  # 23.996 / 40 = 0.5999
        (0, 0, 40, 0.0, "off_track"),  # 0 / 40 = 0
        (0.4, 0, 40, -0.01, "moving_away"),  # −0.4 / 40 = −0.01
    ],
)
def test_status_bands_through_the_linear_pace(
    v0: float, v: float, target: float, ratio: float, status: str
) -> None:
    ev = run(level(target), [("2017", v0), ("2021", v)], date(2022, 6, 30), baseline="2021")
    assert ev.years_left == 4.0
    assert ev.growth_ratio == pytest.approx(ratio, rel=1e-9)
    assert ev.status == status


@given(
    st.floats(min_value=1, max_value=1e6),
    st.floats(min_value=1, max_value=1e6),
    st.floats(min_value=1, max_value=1e6),
)
def test_status_follows_the_band_of_the_cagr_ratio(v0: float, v: float, target: float) -> None:
    # two levels 2021 (v0) and 2023 (v), 730 days apart; deadline 731 days after 2023
    ev = run(level(target), [("2021", v0), ("2023", v)], date(2024, 6, 30))
    if v >= target:
        assert ev.status == "achieved"
        return
    actual = (v / v0) ** (Y / 730) - 1
    required = (target / v) ** (Y / 731) - 1
    assert ev.actual_growth == pytest.approx(actual, rel=1e-9, abs=1e-12)
    assert ev.required_growth == pytest.approx(required, rel=1e-9, abs=1e-12)
    ratio = actual / required
    assert ev.growth_ratio == pytest.approx(ratio, rel=1e-6, abs=1e-9)
    if min(abs(ratio - 0.95), abs(ratio - 0.60), abs(ratio)) < 1e-6:
        return  # too close to a threshold for rounding to decide
    # methods.md, Status: ≥ 0.95 on_track; [0.60, 0.95) behind; [0, 0.60) off_track; < 0 away
    if ratio >= 0.95:
        expected = "on_track"
    elif ratio >= 0.60:
        expected = "behind"
    elif ratio >= 0:
        expected = "off_track"
    else:
        expected = "moving_away"
    assert ev.status == expected


@pytest.mark.parametrize(
    ("factor", "status"),
    [(0.9501, "on_track"), (0.9499, "behind"), (0.6001, "behind"), (0.5999, "off_track")],
)
def test_status_bands_through_growth_rates(factor: float, status: str) -> None:
    # one level 100 (2023), T = 121; required = 1.21^(365.25/731) − 1 = 0.0999316...
    # a published yoy of factor · required (in percent) gives growth_ratio = factor
    required = 1.21 ** (Y / 731) - 1
    ev = run(level(121), [("2023", 100, {"yoy": 100 * factor * required})], date(2024, 6, 30))
    assert ev.growth_ratio == pytest.approx(factor, rel=1e-9)
    assert ev.status == status


def test_falling_level_is_moving_away() -> None:
    # 110 (2022) → 100 (2023): (100/110)^(365.25/365) − 1 = −0.0909… < 0, required > 0
    # ratio < 0 → moving_away
    ev = run(level(200), [("2022", 110), ("2023", 100)], date(2024, 6, 30))
    assert ev.actual_growth == pytest.approx((100 / 110) ** (Y / 365) - 1, rel=1e-12)
    assert ev.growth_ratio is not None and ev.growth_ratio < 0
    assert ev.status == "moving_away"


# --------------------------------------------------------------------------- final verdicts


def test_missed_when_the_deadline_period_is_observed_short_of_target() -> None:
    # as_of 2026-03-31 ≥ D, 2025 observed: 29000 < 30000 → missed, final
    rows: list[Row] = [*TRADEMARKS, ("2024", 26000), ("2025", 29000)]
    ev = run(level(30000), rows, date(2026, 3, 31))
    assert ev.status == "missed"
    assert ev.final is True
    assert ev.attainment == pytest.approx(29000 / 30000, rel=1e-12)  # 0.96667
    assert ev.gap == 1000  # 30000 − 29000


def test_achieved_and_final_on_the_deadline_day() -> None:
    # as_of = D = 2025-12-31 and 2025 observed: 31000 ≥ 30000 → achieved, final
    rows: list[Row] = [*TRADEMARKS, ("2025", 31000)]
    ev = run(level(30000), rows, DEADLINE)
    assert ev.status == "achieved"
    assert ev.final is True
    assert ev.gap == 0


def test_after_the_deadline_without_final_data_stays_a_forecast() -> None:
    # as_of 2026-03-31 but the latest is 2024: no verdict, final false, final awaited.
    # actual: (26000 / 22542)^(365.25 / 366) − 1 = 0.1530664 (2023 → 2024: 366 days)
    # required: (30000 / 26000)^(365.25 / 365) − 1 = 0.1539594 (2024 → 2025: 365 days)
    # ratio 0.9941934 ≥ 0.95 → on_track
    rows: list[Row] = [("2023", 22542), ("2024", 26000)]
    ev = run(level(30000), rows, date(2026, 3, 31))
    assert ev.final is False
    assert "final_awaited" in ev.notes
    assert ev.growth_ratio == pytest.approx(0.9941934, rel=1e-6)
    assert ev.status == "on_track"


def test_not_final_before_the_deadline_even_with_the_deadline_period() -> None:
    # as_of 2025-12-30 < D: the 2025 row ends after as_of and is hidden → latest 2024
    rows: list[Row] = [*TRADEMARKS, ("2024", 26000), ("2025", 29000)]
    ev = run(level(30000), rows, date(2025, 12, 30))
    assert ev.final is False
    assert ev.latest is not None and str(ev.latest.period) == "2024"
    assert "final_awaited" not in ev.notes


def test_insufficient_data_when_a_target_has_no_observation() -> None:
    ev = run(level(30000), [], date(2024, 12, 31))
    assert ev.status == "insufficient_data"
    assert ev.attainment is None and ev.gap is None and ev.latest is None


def test_monitoring_when_there_is_no_target() -> None:
    # still reports the CAGR: (22542 / 16480)^(365.25/730) − 1 = 0.1696723
    ev = run(None, TRADEMARKS, date(2024, 12, 31))
    assert ev.status == "monitoring"
    assert ev.actual_growth == pytest.approx(0.16967230, rel=1e-7)
    assert ev.attainment is None and ev.growth_ratio is None
    empty = run(None, [], date(2024, 12, 31))
    assert empty.status == "monitoring"


# --------------------------------------------------------------------------- decrease


def test_decrease_target_mirrors_every_comparison() -> None:
    # T = 80 (decrease); b = 100 (2023); v = 90 (2024); as_of 2024-12-31
    ev = run(
        level(80, "decrease"), [("2022", 120), ("2023", 100), ("2024", 90)], date(2024, 12, 31)
    )
    # attainment mirrored: T / v = 80 / 90 = 0.8888889
    assert ev.attainment == pytest.approx(80 / 90, rel=1e-12)
    # progress = (90 − 100) / (80 − 100) = 0.5
    assert ev.progress == pytest.approx(0.5, rel=1e-12)
    # gap mirrored: v − T = 10
    assert ev.gap == pytest.approx(10, rel=1e-12)
    # years_left = 2024-12-31 → 2025-12-31 = 365 days = 0.99931554
    assert ev.years_left == pytest.approx(365 / Y, rel=1e-12)
    # required = (80 / 90)^(365.25/365) − 1 = −0.1111828
    assert ev.required_growth == pytest.approx((80 / 90) ** (Y / 365) - 1, rel=1e-12)
    # actual: 2022 → 2024 = 731 days: (90 / 120)^(365.25/731) − 1 = −0.1338894
    assert ev.actual_growth == pytest.approx(0.75 ** (Y / 731) - 1, rel=1e-12)
    # ratio = −0.1338894 / −0.1111828 = 1.2042273 → on_track
    assert ev.growth_ratio == pytest.approx(1.2042273, rel=1e-6)
    assert ev.status == "on_track"
    # "how many more each year" is a reduction of 10 / 0.99931554 = 10.006849 a year
    assert ev.required_per_year is not None
    assert abs(ev.required_per_year) == pytest.approx(10 * Y / 365, rel=1e-12)


def test_decrease_target_achieved_when_at_or_below() -> None:
    # v = 80 ≤ T = 80 → achieved; gap max(80 − 80, 0) = 0
    ev = run(level(80, "decrease"), [("2023", 100), ("2024", 80)], date(2024, 12, 31))
    assert ev.status == "achieved"
    assert ev.gap == 0


def test_decrease_target_moving_away_when_rising() -> None:
    # 100 → 110 while T = 80: actual growth > 0, required < 0 → ratio < 0 → moving_away
    ev = run(level(80, "decrease"), [("2023", 100), ("2024", 110)], date(2024, 12, 31))
    assert ev.growth_ratio is not None and ev.growth_ratio < 0
    assert ev.status == "moving_away"
    assert ev.gap == pytest.approx(30, rel=1e-12)  # 110 − 80


def test_decrease_target_missed_at_the_deadline() -> None:
    # 2025 observed at 85 > 80 after the deadline → missed, final
    ev = run(level(80, "decrease"), [("2023", 100), ("2025", 85)], date(2026, 2, 1))
    assert ev.status == "missed"
    assert ev.final is True
    assert ev.gap == pytest.approx(5, rel=1e-12)  # 85 − 80


def test_decrease_to_zero_uses_the_linear_pace() -> None:
    # "清零"-style target T = 0 (decrease): (T / v) cannot give a growth rate → linear pace.
    # actual pace = (6 − 10) / (365 / 365.25) (2022 → 2023); required = (0 − 6) / (731 / 365.25)
    # ratio = (−4 / 365) / (−6 / 731) = 2924 / 2190 = 1.3351598 → on_track; gap = 6 − 0 = 6
    ev = run(level(0, "decrease"), [("2022", 10), ("2023", 6)], date(2024, 6, 30))
    assert ev.required_growth is None
    assert ev.growth_ratio == pytest.approx(2924 / 2190, rel=1e-12)
    assert ev.status == "on_track"
    assert ev.gap == 6
    assert "linear_pace" in ev.notes


# --------------------------------------------------------------------------- cumulative


def test_cumulative_target_figures() -> None:
    # T = 15 from 2021; 2020 (7) lies before `from` and is not counted.
    # S = 2 + 3 + 4 + 1 = 10 (2021..2024); as_of 2024-12-31
    rows: list[Row] = [("2020", 7), ("2021", 2), ("2022", 3), ("2023", 4), ("2024", 1)]
    ev = run(cumulative(15, "2021"), rows, date(2024, 12, 31), kind="flow")
    assert ev.cumulative == 10
    # attainment = S / T = 10 / 15 = 0.6666667
    assert ev.attainment == pytest.approx(10 / 15, rel=1e-12)
    # gap = T − S = 5
    assert ev.gap == 5
    # years_left = 2024-12-31 → 2025-12-31 = 365 days = 0.99931554
    assert ev.years_left == pytest.approx(365 / Y, rel=1e-12)
    # required pace = (T − S) / years_left = 5 / 0.99931554 = 5.0034247
    assert ev.required_per_year == pytest.approx(5 * Y / 365, rel=1e-12)
    # actual pace = S / years since the start of 2021: 2021-01-01 → 2025-01-01
    # = 1461 days = 4.0 years (four whole years of flows) → 10 / 4 = 2.5
    assert ev.actual_per_year == pytest.approx(2.5, rel=1e-12)
    # growth_ratio = 2.5 / 5.0034247 = 0.4996578 < 0.60 → off_track
    assert ev.growth_ratio == pytest.approx(0.4996578, rel=1e-6)
    assert ev.status == "off_track"
    # level-only figures stay null for cumulative targets
    assert ev.required_growth is None
    assert ev.actual_growth is None
    # progress: b = S at the baseline (2023) = 2 + 3 + 4 = 9 → (10 − 9) / (15 − 9) = 1/6
    assert ev.progress == pytest.approx(1 / 6, rel=1e-12)


def test_cumulative_target_achieved() -> None:
    # S = 5 + 6 + 7 = 18 ≥ 15 → achieved, gap 0, attainment 18 / 15 = 1.2
    rows: list[Row] = [("2021", 5), ("2022", 6), ("2023", 7)]
    ev = run(cumulative(15, "2021"), rows, date(2024, 6, 30), kind="flow")
    assert ev.status == "achieved"
    assert ev.gap == 0
    assert ev.attainment == pytest.approx(1.2, rel=1e-12)


def test_cumulative_target_missed() -> None:
    # S = 1 + 2 + 3 + 2 + 2 = 10 < 15 with 2025 observed, as_of 2026-01-31 → missed, final
    rows: list[Row] = [("2021", 1), ("2022", 2), ("2023", 3), ("2024", 2), ("2025", 2)]
    ev = run(cumulative(15, "2021"), rows, date(2026, 1, 31), kind="flow")
    assert ev.status == "missed"
    assert ev.final is True
    assert ev.cumulative == 10
    assert ev.gap == 5


def test_cumulative_with_zero_counts_is_off_track_not_an_error() -> None:
    # PCT-like: 0, 0, 0 → S = 0; pace 0 / 3 years = 0; ratio 0 → off_track
    rows: list[Row] = [("2021", 0), ("2022", 0), ("2023", 0)]
    ev = run(cumulative(15, "2021"), rows, date(2024, 6, 30), kind="flow")
    assert ev.cumulative == 0
    assert ev.growth_ratio == 0
    assert ev.status == "off_track"
    # required pace = 15 / (731 / 365.25) = 7.4948700
    assert ev.required_per_year == pytest.approx(15 * Y / 731, rel=1e-12)


def test_cumulative_monthly_flows_from_after_the_baseline() -> None:
    # from 2024; months 2024-01 (1) and 2024-02 (2): S = 3; T = 15
    # elapsed since the start of 2024: 2024-01-01 → 2024-03-01 = 31 + 29 = 60 days
    # pace = 3 / (60 / 365.25) = 18.2625; years_left = 2024-02-29 → 2025-12-31 = 671 days
    # required = (15 − 3) / (671 / 365.25) = 6.5320417; ratio = 2.7958... → on_track
    rows: list[Row] = [("2023-12", 9), ("2024-01", 1), ("2024-02", 2)]
    ev = run(cumulative(15, "2024"), rows, date(2024, 3, 31), kind="flow")
    assert ev.cumulative == 3
    assert ev.actual_per_year == pytest.approx(3 * Y / 60, rel=1e-12)
    assert ev.required_per_year == pytest.approx(12 * Y / 671, rel=1e-12)
    assert ev.growth_ratio == pytest.approx((3 / 60) / (12 / 671), rel=1e-12)
    assert ev.status == "on_track"


# --------------------------------------------------------------------------- growth targets


def test_growth_target_every_change_positive_is_on_track() -> None:
    # baseline 2023: 2 → 3 (+1) → on_track
    ev = run(growth(), [("2023", 2), ("2024", 3)], date(2025, 6, 30), kind="flow")
    assert ev.status == "on_track"
    assert ev.final is False


def test_growth_target_ignores_changes_before_the_baseline() -> None:
    # 10 → 2 happens before the baseline (2023); from 2023 on: 2 → 3 (+1) → on_track
    rows: list[Row] = [("2022", 10), ("2023", 2), ("2024", 3)]
    ev = run(growth(), rows, date(2025, 6, 30), kind="flow")
    assert ev.status == "on_track"


@pytest.mark.parametrize(
    ("values", "status"),
    [
        ((5, 4, 6), "behind"),  # −1, +2: latest > 0 but not all → behind
        ((5, 6, 6), "off_track"),  # +1, 0: latest ≤ 0 → off_track
        ((5, 6, 4), "off_track"),  # +1, −2: latest ≤ 0 → off_track
        ((5, 6, 7), "on_track"),  # +1, +1
    ],
)
def test_growth_target_changes(values: tuple[int, int, int], status: str) -> None:
    rows: list[Row] = list(zip(("2022", "2023", "2024"), values, strict=True))
    ev = run(growth(), rows, date(2025, 6, 30), kind="flow", baseline="2022")
    assert ev.status == status


def test_growth_target_with_one_point_is_insufficient_data() -> None:
    # the bundled case: 2023 = 2 only → fewer than two points
    ev = run(growth(), [("2023", 2)], date(2024, 12, 31), kind="flow")
    assert ev.status == "insufficient_data"


@pytest.mark.parametrize(
    ("values", "status"),
    [((2, 3, 4), "achieved"), ((2, 3, 3), "missed"), ((2, 1, 3), "missed")],
)
def test_growth_target_final_verdict(values: tuple[int, int, int], status: str) -> None:
    rows: list[Row] = list(zip(("2023", "2024", "2025"), values, strict=True))
    ev = run(growth(), rows, date(2026, 1, 31), kind="flow")
    assert ev.final is True
    assert ev.status == status


def test_growth_target_after_deadline_without_final_data() -> None:
    ev = run(growth(), [("2023", 2), ("2024", 3)], date(2026, 1, 31), kind="flow")
    assert ev.final is False
    assert ev.status == "on_track"
    assert "final_awaited" in ev.notes


def test_growth_target_decrease_mirrored() -> None:
    # "steady decrease": 5 → 4 (−1) is the good direction → on_track; 5 → 6 → off_track
    assert run(growth("decrease"), [("2023", 5), ("2024", 4)], date(2025, 1, 31)).status == (
        "on_track"
    )
    assert run(growth("decrease"), [("2023", 5), ("2024", 6)], date(2025, 1, 31)).status == (
        "off_track"
    )


# --------------------------------------------------------------------------- as_of


def test_as_of_hides_rows_published_later() -> None:
    # 2023 published 2024-04-26: on 2024-03-31 the latest known is 2022 (19724)
    rows: list[Row] = [
        ("2021", 16480),
        ("2022", 19724),
        ("2023", 22542, {"published": date(2024, 4, 26)}),
    ]
    before = run(level(30000), rows, date(2024, 3, 31))
    assert before.latest is not None and before.latest.value == 19724
    # years_left = 2022-12-31 → 2025-12-31 = 365 + 366 + 365 = 1096 days = 3.0006845
    assert before.years_left == pytest.approx(1096 / Y, rel=1e-12)
    # actual: 2021 → 2022, 365 days: (19724 / 16480)^(365.25/365) − 1 = 0.1969508
    assert before.actual_growth == pytest.approx((19724 / 16480) ** (Y / 365) - 1, rel=1e-12)
    # baseline 2023 not yet known → progress null
    assert before.progress is None
    # on the publication day itself the row is known
    on_day = run(level(30000), rows, date(2024, 4, 26))
    assert on_day.latest is not None and on_day.latest.value == 22542


def test_as_of_hides_periods_ending_later() -> None:
    # 2024-06 ends 2024-06-30: hidden on 2024-06-29, shown on 2024-06-30
    rows: list[Row] = [("2023", 100), ("2024-06", 110)]
    assert run(level(200), rows, date(2024, 6, 29)).latest.value == 100  # type: ignore[union-attr]
    assert run(level(200), rows, date(2024, 6, 30)).latest.value == 110  # type: ignore[union-attr]


# --------------------------------------------------------------------------- a plan


def test_evaluate_plan_orders_targets_first_and_counts_them() -> None:
    mon = Indicator("m", "监测", "stock")
    a = Indicator("a", "甲", "stock", target=level(10))
    b = Indicator("b", "乙", "stock", target=level(10))
    plan = make_plan(mon, a, b)
    observations = {"m": rows_of("m", [("2023", 1)]), "a": rows_of("a", [("2023", 12)]), "b": []}
    result = evaluate_plan(plan, observations, date(2024, 12, 31))
    assert [e.indicator.id for e in result.evaluations] == ["a", "b", "m"]
    # a: 12 ≥ 10 achieved; b: no data; m is not a target
    assert dict(result.counts()) == {"achieved": 1, "insufficient_data": 1}
    assert result.region == REGION


def test_a_derived_figure_exactly_on_target_is_achieved_in_every_region() -> None:
    # 600 patents / 2,000,000 people × 10,000 = 3 per 10,000 people, exactly the target:
    # achieved (and final: the deadline period is observed), gap 0, in the plan's region
    # and in a county given the same target of its own (60 / 200,000 × 10,000 = 3 too).
    from dataclasses import replace

    from ipplan.core.formula import parse_formula
    from ipplan.core.model import UnitTarget

    patents = Indicator("patents", "有效发明专利", "stock")
    people = Indicator("population", "常住人口", "stock")
    per_10k = Indicator(
        "per_10k", "每万人口发明专利拥有量", "derived",
        formula=parse_formula("patents / population * 10000"), target=level(3),
    )  # fmt: skip
    plan = replace(make_plan(patents, people, per_10k),
                   unit_targets=(UnitTarget("per_10k", "乙县", 3.0),))  # fmt: skip
    observations = {
        "patents": [obs("patents", "2025", 600), obs("patents", "2025", 60, region="乙县")],
        "population": [
            obs("population", "2020", 2_000_000),
            obs("population", "2020", 200_000, region="乙县"),
        ],
    }
    for region in (REGION, "乙县"):
        data = Dataset(plan, observations, date(2026, 3, 1), region)
        ev = evaluate_indicator(plan, per_10k, data)
        assert ev.latest is not None and ev.latest.value == 3.0
        assert (ev.status, ev.final, ev.gap, ev.attainment) == ("achieved", True, 0.0, 1.0)
