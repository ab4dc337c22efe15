"""Mid-term and final evaluation words, and the lights (ipplan.analysis.verdicts, methods.md
"Evaluation words and lights"). Expected values are worked out by hand in the comments.

The plans run from baseline 2021 (start 2021-12-31) to 2023-12-31: 730 days. As of
2022-12-31, 序时进度 = 365 / 730 = 0.5 exactly.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ipplan.analysis.evaluate import evaluate_plan
from ipplan.analysis.figures import band
from ipplan.analysis.verdicts import (
    Light,
    Mode,
    PlanAssessment,
    Verdict,
    assess_plan,
    light_for,
    resolve_mode,
    word,
    word_for_ratio,
)
from ipplan.core.model import Indicator, Observation, Plan, PlanMeta, Target
from ipplan.core.periods import parse_period
from ipplan.data.statuses import Scheme, Statuses

DEADLINE = date(2023, 12, 31)
MID = date(2022, 12, 31)


def plan_of(*inds: Indicator, statuses: Statuses | None = None) -> Plan:
    meta = PlanMeta("p", "方案", "某市", parse_period("2021"), DEADLINE)
    return Plan(meta, inds, statuses=statuses)


def level(id: str, value: float) -> Indicator:
    return Indicator(id, id, "stock", target=Target("level", value))


def cumulative(id: str, value: float) -> Indicator:
    return Indicator(
        id, id, "flow", target=Target("cumulative", value, from_period=parse_period("2022"))
    )


def ob(id: str, period: str, value: float) -> Observation:
    return Observation(id, parse_period(period), value)


def assess(
    plan: Plan, obs: list[Observation], as_of: date = MID, mode: Mode | None = None
) -> PlanAssessment:
    rows: dict[str, list[Observation]] = {}
    for o in obs:
        rows.setdefault(o.indicator, []).append(o)
    return assess_plan(evaluate_plan(plan, rows, as_of), mode)


def one(plan: Plan, obs: list[Observation], **kw: object) -> tuple[Verdict, Light | None]:
    pa = assess(plan, obs, **kw)  # type: ignore[arg-type]
    (_, a), *_ = pa.items
    return a.verdict, a.light


# ---------------------------------------------------------------- the words at every threshold


@pytest.mark.parametrize(
    ("ratio", "expected"),
    [
        (1.05, Verdict.ahead),  # exactly at 快于预期
        (1.0499, Verdict.on_course),  # just below
        (0.95, Verdict.on_course),  # exactly at 基本符合预期
        (0.9499, Verdict.lagging),  # just below: 滞后
        (1.0499999999999998, Verdict.ahead),  # 1.05 to 12 digits: float noise does not decide
        (-0.5, Verdict.lagging),
    ],
)
def test_word_for_ratio_thresholds(ratio: float, expected: Verdict) -> None:
    assert word_for_ratio(ratio) is expected


@pytest.mark.parametrize(
    ("s", "t", "expected"),
    [
        # cumulative from 2022; S counted over 365 days, 365 days left:
        # ratio = S / (T − S)
        (21, 41, Verdict.ahead),  # 21 / 20 = 1.05 exactly
        (20.99, 40.99, Verdict.on_course),  # 20.99 / 20 = 1.0495
        (19, 39, Verdict.on_course),  # 19 / 20 = 0.95 exactly
        (18.99, 38.99, Verdict.lagging),  # 18.99 / 20 = 0.9495
    ],
)
def test_words_on_a_plan_at_and_below_each_threshold(s: float, t: float, expected: Verdict) -> None:
    verdict, _ = one(plan_of(cumulative("c", t)), [ob("c", "2022", s)], mode=Mode.midterm)
    assert verdict is expected


def test_achieved_before_the_deadline_is_achieved_early() -> None:
    # 210 ≥ 200 in 2022, a year before the deadline: 提前实现
    obs = [ob("a", "2021", 100), ob("a", "2022", 210)]
    assert one(plan_of(level("a", 200)), obs) == (Verdict.achieved_early, Light.green)


def test_no_figures_no_verdict() -> None:
    assert one(plan_of(level("a", 200)), [ob("a", "2022", 150)])[0] is Verdict.unknown


def test_plan_thresholds_change_the_words() -> None:
    # ratio 19 / 20 = 0.95: on course by default; lagging when the plan asks 1.0
    own = Statuses(on_course=Decimal("1.0"), ahead=Decimal("1.2"))
    verdict, _ = one(plan_of(cumulative("c", 39), statuses=own), [ob("c", "2022", 19)])
    assert verdict is Verdict.lagging
    assert word("lagging", "zh", Statuses(words=(("lagging", "进度滞后"),))) == "进度滞后"
    assert word("lagging", "en", Statuses(words=(("lagging", "进度滞后"),))) == "lagging"
    assert word("on_course", "zh") == "基本符合预期"


# ---------------------------------------------------------------- lights


@pytest.mark.parametrize(
    ("v", "light", "points"),
    [
        # baseline 2021 = 100, target 200: progress = (v − 100) / 100; 序时进度 0.5;
        # shortfall = (0.5 − progress) × 100 points
        (150, Light.green, 0.0),  # on 序时进度
        (140, Light.green, 10.0),  # exactly 10 points below: still green
        (139.9, Light.yellow, 10.1),  # just beyond
        (120, Light.yellow, 30.0),  # exactly 30 points below: still yellow
        (119.9, Light.red, 30.1),  # just beyond: red
        (170, Light.green, -20.0),  # ahead of 序时进度
    ],
)
def test_lights_at_their_point_thresholds(v: float, light: Light, points: float) -> None:
    pa = assess(plan_of(level("a", 200)), [ob("a", "2021", 100), ob("a", "2022", v)])
    (_, a), *_ = pa.items
    assert a.light is light
    assert a.shortfall == pytest.approx(points)


def test_light_thresholds_of_the_plan() -> None:
    # green: 0 makes "green at or above 序时进度" exact; 10 points below is yellow
    own = Statuses(scheme=Scheme.lights, green=Decimal(0), yellow=Decimal(10))
    assert light_for(Decimal(0), own) is Light.green
    assert light_for(Decimal("0.1"), own) is Light.yellow
    assert light_for(Decimal(10), own) is Light.yellow
    assert light_for(Decimal("10.1"), own) is Light.red
    pa = assess(
        plan_of(level("a", 200), statuses=own), [ob("a", "2021", 100), ob("a", "2022", 140)]
    )
    assert pa.scheme is Scheme.lights
    assert pa.items[0][1].light is Light.yellow  # 10 points below


def test_growth_targets_are_lit_from_their_status() -> None:
    growth = Indicator("g", "g", "stock", target=Target("growth", None))
    obs = [ob("g", "2021", 5), ob("g", "2022", 6)]  # one change, > 0: on_track
    assert one(plan_of(growth), obs) == (Verdict.on_course, Light.green)


# ---------------------------------------------------------------- final evaluation


def test_final_with_the_deadline_figure() -> None:
    # 2023 is observed as of 2024-06-30: a verdict. a: 190 / 200 = 0.95, 未完成;
    # b: 210 / 200 = 1.05, 已完成; 2 项中 1 项已完成
    obs = [ob("a", "2021", 100), ob("a", "2022", 150), ob("a", "2023", 190),
           ob("b", "2021", 100), ob("b", "2022", 150), ob("b", "2023", 210)]  # fmt: skip
    pa = assess(plan_of(level("a", 200), level("b", 200)), obs, date(2024, 6, 30))
    assert pa.mode is Mode.final
    (ea, a), (eb, b) = pa.items
    assert (a.verdict, ea.attainment) == (Verdict.missed, 0.95)
    assert (b.verdict, eb.attainment) == (Verdict.achieved, 1.05)
    assert a.awaited is None and a.estimate is None
    assert (pa.total, pa.good) == (2, 1)


def test_final_without_the_deadline_figure() -> None:
    # 2023 not yet published as of 2024-06-30: awaited "2023"; the estimate is the cagr
    # projection (two points, no backtest): 150 · (150 / 100)^(365 / 365) = 225 ≥ 200,
    # expected achieved; the light: progress 0.5 against 序时进度 1 → 50 points, red
    obs = [ob("a", "2021", 100), ob("a", "2022", 150)]
    pa = assess(plan_of(level("a", 200)), obs, date(2024, 6, 30))
    (_ev, a), *_ = pa.items
    assert a.verdict is Verdict.awaited
    assert a.awaited == "2023"
    assert a.estimate == pytest.approx(225)
    assert a.expected is Verdict.achieved
    assert (a.light, a.shortfall) == (Light.red, 50.0)
    assert (pa.total, pa.good) == (1, 0)


def test_final_evaluation_asked_before_the_deadline_awaits_the_figure() -> None:
    obs = [ob("a", "2021", 100), ob("a", "2022", 120)]
    # estimate 120 · 1.2 = 144 < 200: expected missed
    pa = assess(plan_of(level("a", 200)), obs, MID, Mode.final)
    (_, a), *_ = pa.items
    assert (a.verdict, a.expected) == (Verdict.awaited, Verdict.missed)
    assert a.estimate == pytest.approx(144)


def test_mode_by_date() -> None:
    assert resolve_mode(None, date(2023, 12, 30), DEADLINE) is Mode.midterm
    assert resolve_mode(None, DEADLINE, DEADLINE) is Mode.final
    assert resolve_mode(Mode.midterm, date(2024, 1, 1), DEADLINE) is Mode.midterm


def test_plan_level_count_midterm() -> None:
    # a achieved early, c ahead (21/20), d on course (19/20), e lagging (3/5), f unknown:
    # 5 项中 3 项基本符合或快于预期
    plan = plan_of(level("a", 200), cumulative("c", 41), cumulative("d", 39),
                   cumulative("e", 8), level("f", 200))  # fmt: skip
    obs = [ob("a", "2021", 100), ob("a", "2022", 210), ob("c", "2022", 21),
           ob("d", "2022", 19), ob("e", "2022", 3), ob("f", "2022", 150)]  # fmt: skip
    pa = assess(plan, obs)
    assert pa.mode is Mode.midterm
    assert [a.verdict for _, a in pa.items] == [
        Verdict.achieved_early, Verdict.ahead, Verdict.on_course, Verdict.lagging,
        Verdict.unknown,
    ]  # fmt: skip
    assert (pa.total, pa.good) == (5, 3)
    from ipplan.present.summary import evaluation_lines

    assert evaluation_lines(pa, "zh") == [
        "中期评估：5 项中 3 项基本符合或快于预期（其中提前实现 1 项、快于预期 1 项、"
        "基本符合预期 1 项），滞后 1 项，无法评估 1 项"
    ]


def test_final_lines_name_the_figure_awaited_and_the_estimate() -> None:
    # a: 2021 100, 2022 150 → estimate 225 (as above), expected achieved; b: one point,
    # no projection at all
    from ipplan.present.summary import evaluation_lines

    obs = [ob("a", "2021", 100), ob("a", "2022", 150), ob("b", "2022", 150)]
    pa = assess(plan_of(level("a", 200), level("b", 300)), obs, date(2024, 6, 30))
    assert evaluation_lines(pa, "zh") == [
        "终期评估：2 项中 0 项已完成，待终值 2 项",
        "待终值：尚无2023的数据，以预计值估计。a225（预计已完成）；无预计值：b",
    ]
    assert evaluation_lines(pa, "en")[1] == (
        "Awaited: no 2023 figure yet; estimated from the projection. "
        "a 225 (expected: achieved); no projection: b"
    )


@given(st.floats(min_value=-1e6, max_value=1e6, allow_nan=False))
def test_the_words_never_contradict_the_eurostat_band(ratio: float) -> None:
    # by default 基本符合预期 or better is exactly Eurostat's on_track (ratio ≥ 0.95)
    good = word_for_ratio(ratio) in (Verdict.ahead, Verdict.on_course)
    assert good == (band(ratio) == "on_track")
