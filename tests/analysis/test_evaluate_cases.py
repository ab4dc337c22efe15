"""Every target type and edge case of issue 4 (item 3), and the properties of item 5.

Expected values are worked out by hand in the comments. Day counts: 2021-12-31 →
2023-12-31 is 730 days, 2023-12-31 → 2025-12-31 is 731 (2024 is a leap year),
2019-12-31 → 2023-12-31 and 2023-12-31 → 2027-12-31 are 1461 days = 4.0 years exactly.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from ipplan.analysis.evaluate import Evaluation, evaluate_indicator
from ipplan.analysis.figures import band
from ipplan.analysis.series import Dataset, is_visible
from ipplan.core.formula import parse_formula
from ipplan.core.model import Indicator, Observation, Plan, PlanMeta, Target
from ipplan.core.periods import parse_period

DEADLINE = date(2025, 12, 31)
AS_OF = date(2024, 12, 31)
YL = 731 / 365.25


def plan_of(*indicators: Indicator, deadline: date = DEADLINE, baseline: str = "2023") -> Plan:
    return Plan(PlanMeta("p", "方案", "某市", parse_period(baseline), deadline), indicators)


def ind(target: Target | None, kind: str = "stock", id: str = "x", **kw: object) -> Indicator:
    return Indicator(id, id, kind, target=target, **kw)  # type: ignore[arg-type]


def ob(period: str, value: float, id: str = "x", published: date | None = None) -> Observation:
    return Observation(id, parse_period(period), value, published=published)


def run(plan: Plan, obs: list[Observation], as_of: date = AS_OF, id: str = "x") -> Evaluation:
    rows: dict[str, list[Observation]] = {}
    for o in obs:
        rows.setdefault(o.indicator, []).append(o)
    indicator = plan.get(id)
    assert indicator is not None
    return evaluate_indicator(plan, indicator, Dataset(plan, rows, as_of))


# ---------------------------------------------------------------- target types


def test_level_increase_by_hand() -> None:
    ev = run(plan_of(ind(Target("level", 30000.0))), [ob("2021", 16480), ob("2023", 22542)])
    assert ev.attainment == pytest.approx(22542 / 30000)  # 0.7514
    assert ev.gap == 7458
    assert ev.years_left == pytest.approx(YL)
    need = (30000 / 22542) ** (1 / YL) - 1  # ≈ 0.1535
    actual = (22542 / 16480) ** (365.25 / 730) - 1  # ≈ 0.1697
    assert ev.required_growth == pytest.approx(need)
    assert ev.actual_growth == pytest.approx(actual)
    assert ev.growth_ratio == pytest.approx(actual / need)  # ≈ 1.105
    assert ev.status == "on_track"


def test_level_decrease_is_mirrored() -> None:
    target = Target("level", 50.0, "decrease")
    ev = run(plan_of(ind(target)), [ob("2021", 100), ob("2023", 81)])
    assert ev.attainment == pytest.approx(50 / 81)  # T / v
    assert ev.gap == 31  # v − T
    need = (50 / 81) ** (1 / YL) - 1  # ≈ −0.2142: both growths negative
    actual = 0.81 ** (365.25 / 730) - 1  # ≈ −0.0999
    assert ev.growth_ratio == pytest.approx(actual / need)  # ≈ 0.467
    assert ev.status == "off_track"
    assert run(plan_of(ind(target)), [ob("2021", 100), ob("2023", 45)]).status == "achieved"
    assert run(plan_of(ind(target)), [ob("2021", 100), ob("2023", 120)]).status == "moving_away"


def test_cumulative_from_a_start_period() -> None:
    # 2020 is before `from` and not counted: S = 4 + 5 + 6 = 15 over 2021–2023
    target = Target("cumulative", 40.0, from_period=parse_period("2021"))
    obs = [ob("2020", 100), ob("2021", 4), ob("2022", 5), ob("2023", 6)]
    ev = run(plan_of(ind(target, "flow")), obs)
    assert ev.cumulative == 15
    assert ev.attainment == pytest.approx(15 / 40)
    pace = 15 / (1095 / 365.25)  # 2020-12-31 → 2023-12-31 is 1095 days
    need = 25 / YL
    assert ev.actual_per_year == pytest.approx(pace)
    assert ev.required_per_year == pytest.approx(need)
    assert ev.growth_ratio == pytest.approx(pace / need)  # ≈ 0.40
    assert ev.status == "off_track"


def test_growth_target_steady_growth() -> None:
    plan = plan_of(ind(Target("growth", None), "flow"))
    assert run(plan, [ob("2023", 2), ob("2024", 3)]).status == "on_track"
    assert run(plan, [ob("2023", 2), ob("2024", 2)]).status == "off_track"
    assert run(plan, [ob("2023", 2)]).status == "insufficient_data"
    final = run(plan, [ob("2023", 2), ob("2024", 3), ob("2025", 4)], as_of=date(2026, 1, 1))
    assert final.final and final.status == "achieved"


def test_derived_indicator() -> None:
    # d = n / pop * 10000: 2022: 500/2,000,000·10⁴ = 2.5, 2023: 600/2,000,000·10⁴ = 3.0
    # (pop's latest value at or before each period: 2020); target 4 → attainment 0.75
    d = ind(Target("level", 4.0), "derived", "d", formula=parse_formula("n / pop * 10000"))
    plan = plan_of(d, ind(None, id="n"), ind(None, id="pop"))
    obs = [ob("2022", 500, "n"), ob("2023", 600, "n"), ob("2020", 2_000_000, "pop")]
    ev = run(plan, obs, id="d")
    assert ev.latest is not None and ev.latest.value == pytest.approx(3.0)
    assert ev.attainment == pytest.approx(0.75)
    assert ev.actual_growth == pytest.approx(1.2 ** (365.25 / 365) - 1)
    assert {p.method for p in ev.projections} == {"linear", "cagr", "weighted"}


# ---------------------------------------------------------------- frequencies


def test_quarterly_stock() -> None:
    # 100, 110, …, 150 over 2023-Q1 … 2024-Q2; window opens 2023-03-31, latest 2024-06-30
    # (457 days later); 549 days left to 2025-12-31
    obs = [ob(p, 100 + 10 * i) for i, p in enumerate(
        ["2023-Q1", "2023-Q2", "2023-Q3", "2023-Q4", "2024-Q1", "2024-Q2"])]  # fmt: skip
    ev = run(plan_of(ind(Target("level", 300.0))), obs)
    assert ev.years_left == pytest.approx(549 / 365.25)
    assert ev.actual_growth == pytest.approx(1.5 ** (365.25 / 457) - 1)
    assert ev.required_growth == pytest.approx(2 ** (365.25 / 549) - 1)
    assert ev.projection_reason == "backtest"  # 6 points: the last 2 held out
    assert all(len(p.checks) == 2 for p in ev.projections)


def test_monthly_flows_cumulative() -> None:
    # 10 a month in 2024-01 … 2024-06 from 2024: S = 60 after 182 days (2023-12-31 →
    # 2024-06-30); 18 months left, the line projects 10 each: 60 + 180 = 240
    target = Target("cumulative", 200.0, from_period=parse_period("2024"))
    obs = [ob(f"2024-{m:02d}", 10) for m in range(1, 7)]
    ev = run(plan_of(ind(target, "flow")), obs)
    assert ev.cumulative == 60
    assert ev.actual_per_year == pytest.approx(60 / (182 / 365.25))
    assert ev.required_per_year == pytest.approx(140 / (549 / 365.25))
    assert ev.status == "on_track"  # ratio ≈ 1.29
    by = {p.method: p.value for p in ev.projections}
    assert by["linear"] == pytest.approx(240)


def test_mixed_annual_and_monthly_stock() -> None:
    # window: 2022 (2022-12-31) … 2024-06 (2024-06-30): 547 days
    obs = [ob("2022", 100), ob("2023", 120), ob("2024-03", 125), ob("2024-06", 130)]
    ev = run(plan_of(ind(Target("level", 200.0))), obs)
    assert ev.latest is not None and str(ev.latest.period) == "2024-06"
    assert ev.actual_growth == pytest.approx(1.3 ** (365.25 / 547) - 1)
    assert ev.projection_reason == "backtest"  # 4 points, the last held out


# ---------------------------------------------------------------- zeros and tiny counts


def test_zero_start_uses_the_linear_pace() -> None:
    # 0, 2, 4 → T 10: pace (4 − 0) / (730/365.25), need 6 / (731/365.25):
    # ratio = 4·731 / (6·730) = 2924/4380 ≈ 0.668 → behind; no growth rate, no epsilon
    ev = run(plan_of(ind(Target("level", 10.0))), [ob("2021", 0), ob("2022", 2), ob("2023", 4)])
    assert ev.actual_growth is None and ev.required_growth is not None
    assert ev.growth_basis == "linear" and "linear_pace" in ev.notes
    assert ev.growth_ratio == pytest.approx(2924 / 4380)
    assert ev.status == "behind"
    assert "cagr" not in {p.method for p in ev.projections}


def test_tiny_cumulative_counts() -> None:
    # PCT-like: 0, 0, 1 from 2021, T 15: S = 1; pace 1 / 2.998 ≈ 0.33, need 14 / 2.0014 ≈ 7.0
    target = Target("cumulative", 15.0, from_period=parse_period("2021"))
    ev = run(plan_of(ind(target, "flow")), [ob("2021", 0), ob("2022", 0), ob("2023", 1)])
    assert ev.growth_ratio == pytest.approx((1 / (1095 / 365.25)) / (14 / YL))
    assert ev.status == "off_track"
    assert {p.method for p in ev.projections} == {"linear", "weighted"}


def test_latest_zero_level_with_one_point() -> None:
    ev = run(plan_of(ind(Target("level", 10.0))), [ob("2023", 0)])
    assert ev.status == "insufficient_data" and "one_point" in ev.notes
    assert ev.attainment == 0


# ---------------------------------------------------------------- what was known when


def test_as_of_and_published() -> None:
    obs = [
        ob("2022", 100, published=date(2023, 3, 1)),
        ob("2023", 120, published=date(2024, 4, 27)),
    ]
    plan = plan_of(ind(Target("level", 200.0)))
    before = run(plan, obs, as_of=date(2024, 4, 26))
    after = run(plan, obs, as_of=date(2024, 4, 27))
    assert before.latest is not None and str(before.latest.period) == "2022"
    assert after.latest is not None and str(after.latest.period) == "2023"
    assert run(plan, obs, as_of=date(2023, 2, 28)).status == "insufficient_data"


def test_after_the_deadline() -> None:
    plan = plan_of(ind(Target("level", 200.0)))
    later = date(2026, 2, 1)
    done = run(plan, [ob("2024", 150), ob("2025", 210)], as_of=later)
    assert (done.final, done.status) == (True, "achieved")
    missed = run(plan, [ob("2024", 150), ob("2025", 190)], as_of=later)
    assert (missed.final, missed.status) == (True, "missed")
    awaited = run(plan, [ob("2023", 100), ob("2024", 150)], as_of=later)
    assert not awaited.final and "final_awaited" in awaited.notes
    assert awaited.status in ("on_track", "behind", "off_track", "moving_away")
    # the final figure exists but was not yet known on the as-of date: still a forecast
    early = run(plan, [ob("2024", 150), ob("2025", 190)], as_of=date(2025, 12, 31))
    assert early.final and early.status == "missed"
    hidden = run(plan, [ob("2024", 150), ob("2025", 190)], as_of=date(2025, 12, 30))
    assert not hidden.final


# ---------------------------------------------------------------- status bands

# Spans of exactly 4.0 years (1461 days) on both sides make pace / need = Δ / (T − v)
# exact in floating point: 2019-12-31 (value 0) → 2023-12-31 (v) → deadline 2027-12-31.
FOUR = date(2027, 12, 31)


@pytest.mark.parametrize(
    ("v", "target", "status"),
    [
        (95, 195, "on_track"),  # 95 / 100 = 0.95 exactly
        (94.99, 194.99, "behind"),  # 94.99 / 100 < 0.95
        (60, 160, "behind"),  # 0.60 exactly
        (59.99, 159.99, "off_track"),
        (0, 100, "off_track"),  # 0 exactly
    ],
)
def test_band_thresholds_through_the_evaluation(v: float, target: float, status: str) -> None:
    plan = plan_of(ind(Target("level", target)), deadline=FOUR)
    ev = run(plan, [ob("2019", 0), ob("2023", v)], as_of=date(2024, 1, 1))
    assert ev.growth_basis == "linear"
    assert ev.status == status


def test_moving_away_below_zero() -> None:
    plan = plan_of(ind(Target("level", 100.0)), deadline=FOUR)
    ev = run(plan, [ob("2019", 10), ob("2023", 0)], as_of=date(2024, 1, 1))
    assert ev.growth_ratio is not None and ev.growth_ratio < 0
    assert ev.status == "moving_away"


@pytest.mark.parametrize(
    ("ratio", "status"),
    [(0.95, "on_track"), (0.9499999999, "behind"), (0.60, "behind"),
     (0.5999999999, "off_track"), (0.0, "off_track"), (-1e-12, "moving_away"),
     (5.0, "on_track")],
)  # fmt: skip
def test_band(ratio: float, status: str) -> None:
    assert band(ratio) == status


# ---------------------------------------------------------------- properties

YEARS = [str(y) for y in range(2019, 2025)]
values = st.floats(1, 1e6, allow_nan=False, allow_infinity=False)


@settings(max_examples=150, deadline=None)
@given(st.lists(values, min_size=2, max_size=6), st.floats(1.01, 10), st.booleans())
def test_moving_toward_the_target_is_never_moving_away(
    levels: list[float], stretch: float, increase: bool
) -> None:
    # the latest value is nearer the target than the earliest: v0 < v < T (or mirrored)
    first, last = min(levels[0], levels[-1]), max(levels[0], levels[-1])
    if first == last:
        last = first * 1.01
    if not increase:
        first, last = last, first
    series = [first, *levels[1:-1], last]
    target = last * stretch if increase else last / stretch
    direction = "increase" if increase else "decrease"
    plan = plan_of(ind(Target("level", target, direction)))  # type: ignore[arg-type]
    obs = [ob(p, v) for p, v in zip(YEARS, series, strict=False)]
    ev = run(plan, obs, as_of=date(2025, 1, 1))
    assert ev.status != "moving_away"


@settings(max_examples=150, deadline=None)
@given(st.lists(st.floats(0, 1e5), min_size=1, max_size=5), st.floats(1, 2e5))
def test_mirrored_decrease_targets_mirror_the_status(rest: list[float], target: float) -> None:
    # the linear-pace regime (a series starting at 0): negate every value and the target,
    # flip the direction, and the status is the same
    series = [0.0, *rest]
    up = plan_of(ind(Target("level", target)))
    down = plan_of(ind(Target("level", -target, "decrease"), allow_negative=True))
    obs_up = [ob(p, v) for p, v in zip(YEARS, series, strict=False)]
    obs_down = [ob(p, -v) for p, v in zip(YEARS, series, strict=False)]
    a, b = run(up, obs_up, date(2025, 1, 1)), run(down, obs_down, date(2025, 1, 1))
    assert a.status == b.status
    if a.growth_ratio is not None:
        assert b.growth_ratio == pytest.approx(a.growth_ratio)


@settings(max_examples=150, deadline=None)
@given(st.lists(values, min_size=2, max_size=5), values)
def test_reciprocal_mirror_on_growth_rates(series: list[float], target: float) -> None:
    # on growth rates the mirror of v is 1/v: achieved and moving_away mirror exactly,
    # and the ratio becomes ratio · (1 + r) / (1 + a) (a halving is −50 %, a doubling
    # +100 %), so the bands in between can differ: docs/methodology.md says so.
    assume(abs(target / series[-1] - 1) > 1e-6)  # not the target to within rounding
    up = plan_of(ind(Target("level", target)))
    down = plan_of(ind(Target("level", 1 / target, "decrease")))
    a = run(up, [ob(p, v) for p, v in zip(YEARS, series, strict=False)], date(2025, 1, 1))
    b = run(down, [ob(p, 1 / v) for p, v in zip(YEARS, series, strict=False)], date(2025, 1, 1))
    assert (a.status == "achieved") == (b.status == "achieved")
    assert (a.status == "moving_away") == (b.status == "moving_away")
    if a.growth_ratio is not None and a.actual_growth is not None and a.required_growth:
        factor = (1 + a.required_growth) / (1 + a.actual_growth)
        assert b.growth_ratio == pytest.approx(a.growth_ratio * factor, rel=1e-6, abs=1e-9)


periods = st.sampled_from(["2021", "2022", "2023", "2024", "2025", "2023-Q2", "2024-Q1",
                           "2024-Q3", "2024-06", "2025-03"])  # fmt: skip
rows = st.dictionaries(periods, st.tuples(st.floats(0, 1e5), st.none() | st.integers(0, 1500)),
                       min_size=1, max_size=8)  # fmt: skip


@settings(max_examples=150, deadline=None)
@given(rows, st.integers(0, 1700), st.sampled_from(["level", "cumulative", "growth"]))
def test_hiding_later_rows_never_changes_earlier_results(
    data: dict[str, tuple[float, int | None]], day: int, kind: str
) -> None:
    start = date(2021, 1, 1)
    as_of = start + timedelta(days=day)
    obs = [ob(p, v, published=None if pub is None else start + timedelta(days=pub))
           for p, (v, pub) in data.items()]  # fmt: skip
    target = {
        "level": Target("level", 2e5),
        "cumulative": Target("cumulative", 2e5, from_period=parse_period("2021")),
        "growth": Target("growth", None),
    }[kind]
    plan = plan_of(ind(target, "stock" if kind == "level" else "flow"))
    known = [o for o in obs if is_visible(o, as_of)]
    assert run(plan, obs, as_of) == run(plan, known, as_of)
