"""Units evaluated each against its own target (ipplan.analysis.regions, ipplan.data.units):
figures of
the 3-unit plan in tests/regions_plan worked out by hand, ranking, and a property test that
a unit's figures do not depend on the other units.

Hand computation, as of 2024-12-31 (baseline 2023, deadline 2025-12-31):
- the latest period 2024 ends 2024-12-31; years_left = 365 / 365.25 (to 2025-12-31);
  from 2023-12-31 to 2024-12-31 is 366 days (2024 is a leap year).
- tm (stock, level): city 800 → 900, target 1000; A县 500 → 550, own target 600;
  B县 200 → 240, own target 300; C区 100 → 110, no target of its own.
  attainment A = 550 / 600; progress A = (550 − 500) / (600 − 500) = 0.5; gap A = 50.
  actual_growth = (v / v0)^(365.25 / 366) − 1; required = (T / v)^(365.25 / 365) − 1.
  A: actual 0.0997852, required 0.0909741, ratio 1.0968526 → on_track.
  B: attainment 0.8, progress 0.4, actual 0.1995518, required 0.2501911,
  ratio 0.7975974 → behind (0.60 ≤ r < 0.95).
  C: monitoring, target null, attainment null: never against the city's 1000.
- grants (flow, cumulative from 2024): city 134 of 300; A 60 of 150; B 44 of 100;
  C 30 of 50 (targets_by_region.csv). S counted from 2024-01-01: pace = S / (366 / 365.25),
  need = (T − S) / (365 / 365.25), ratio = (S / 366) / ((T − S) / 365).
  A: (60 / 366) / (90 / 365) = 0.6648452 → behind; B: (44 / 366) / (56 / 365) = 0.7835675
  → behind; C: (30 / 366) / (20 / 365) = 1.4959016 → on_track.
  progress: the baseline 2023 ends before from, so b = 0 and progress = S / T.
"""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import ipplan
from ipplan.analysis.evaluate import PlanEvaluation, evaluate_plan
from ipplan.analysis.regions import evaluate_regions, rank_units, region_rows
from ipplan.core.model import Indicator, Observation, Plan, PlanMeta, Region, Target, UnitTarget
from ipplan.core.periods import parse_period
from ipplan.data.actuals import load_actuals
from ipplan.data.plan import load_plan
from ipplan.data.units import list_units, unit_target
from ipplan.present.json import evaluation_dict

HERE = Path(__file__).resolve().parent.parent
PLAN = HERE / "regions_plan"
AS_OF = date(2024, 12, 31)
LEFT = 365 / 365.25  # years from 2024-12-31 to 2025-12-31
SPAN = 366 / 365.25  # years from 2023-12-31 to 2024-12-31


def results() -> dict[str, PlanEvaluation]:
    plan = load_plan(str(PLAN))
    return {r.region: r for r in evaluate_regions(plan, load_actuals(plan), AS_OF)}


def ev(result: PlanEvaluation, iid: str):  # type: ignore[no-untyped-def]
    return next(e for e in result.evaluations if e.indicator.id == iid)


def test_units_in_order_plan_region_first() -> None:
    plan = load_plan(str(PLAN))
    units = list_units(plan, load_actuals(plan))
    assert [(u.name, u.parent, u.code, u.depth) for u in units] == [
        ("示例市", None, None, 0),
        ("A县", "示例市", "000001", 1),
        ("B县", "示例市", None, 1),
        ("C区", "示例市", None, 1),
    ]


def test_level_target_per_unit_by_hand() -> None:
    got = results()
    a, b, c, city = (ev(got[n], "tm") for n in ("A县", "B县", "C区", "示例市"))
    assert a.indicator.target is not None and a.indicator.target.value == 600
    assert a.attainment == pytest.approx(550 / 600, rel=1e-12)
    assert a.progress == pytest.approx(0.5, rel=1e-12)
    assert a.gap == pytest.approx(50)
    a_actual = (550 / 500) ** (1 / SPAN) - 1
    a_need = (600 / 550) ** (1 / LEFT) - 1
    assert a.actual_growth == pytest.approx(a_actual, rel=1e-12)  # 0.0997852
    assert a.required_growth == pytest.approx(a_need, rel=1e-12)  # 0.0909741
    assert a.growth_ratio == pytest.approx(a_actual / a_need, rel=1e-12)  # 1.0968526
    assert a.status == "on_track"
    assert b.attainment == pytest.approx(0.8, rel=1e-12)
    assert b.progress == pytest.approx(0.4, rel=1e-12)
    b_ratio = ((240 / 200) ** (1 / SPAN) - 1) / ((300 / 240) ** (1 / LEFT) - 1)
    assert b.growth_ratio == pytest.approx(b_ratio, rel=1e-12)  # 0.7975974
    assert b.status == "behind"
    # the unit without a target of its own: monitored, never against the city's 1000
    assert c.indicator.target is None
    assert (c.status, c.attainment, c.growth_ratio, c.gap) == ("monitoring", None, None, None)
    assert c.latest is not None and c.latest.value == 110
    assert city.indicator.target is not None and city.indicator.target.value == 1000
    assert city.attainment == pytest.approx(0.9, rel=1e-12)


@pytest.mark.parametrize(
    ("unit", "s", "t", "status"),
    [
        ("A县", 60, 150, "behind"),  # (60/366)/(90/365) = 0.6648452
        ("B县", 44, 100, "behind"),  # (44/366)/(56/365) = 0.7835675
        ("C区", 30, 50, "on_track"),  # (30/366)/(20/365) = 1.4959016
        ("示例市", 134, 300, "behind"),  # (134/366)/(166/365) = 0.8050218
    ],
)
def test_cumulative_target_from_csv_by_hand(unit: str, s: int, t: int, status: str) -> None:
    e = ev(results()[unit], "grants")
    assert e.indicator.target is not None
    assert (e.indicator.target.type, e.indicator.target.value) == ("cumulative", t)
    assert e.cumulative == pytest.approx(s)
    assert e.attainment == pytest.approx(s / t, rel=1e-12)
    assert e.progress == pytest.approx(s / t, rel=1e-12)  # b = 0: from starts after 2023
    assert e.growth_ratio == pytest.approx((s / 366) / ((t - s) / 365), rel=1e-12)
    assert e.status == status


def test_unit_target_keeps_type_direction_and_from() -> None:
    plan = load_plan(str(PLAN))
    grants = plan.get("grants")
    assert grants is not None and grants.target is not None
    own = unit_target(plan, grants, "B县")
    assert own is not None
    assert (own.type, own.value, own.direction) == ("cumulative", 100, "increase")
    assert own.from_period == grants.target.from_period
    assert unit_target(plan, grants, "示例市") is grants.target
    assert unit_target(plan, grants, None) is grants.target
    tm = plan.get("tm")
    assert tm is not None and unit_target(plan, tm, "C区") is None


def test_status_region_equals_regions_entry() -> None:
    plan = load_plan(str(PLAN))
    actuals = load_actuals(plan)
    for result in evaluate_regions(plan, actuals, AS_OF):
        alone = evaluate_plan(plan, actuals, AS_OF, result.region)
        assert [evaluation_dict(e) for e in result.evaluations] == [
            evaluation_dict(e) for e in alone.evaluations
        ]


def test_api_evaluate_regions() -> None:
    plan = ipplan.load_plan(str(PLAN))
    got = ipplan.evaluate_regions(plan, load_actuals(plan), AS_OF, units=["B县"])
    assert [r.region for r in got] == ["B县"]
    assert ev(got[0], "tm").status == "behind"


def test_ranking_on_one_indicator() -> None:
    plan = load_plan(str(PLAN))
    actuals = load_actuals(plan)
    units = list_units(plan, actuals)
    got = evaluate_regions(plan, actuals, AS_OF)
    # tm: A 1.0968526 > B 0.7975974; C has no target: last, unranked
    ranked = rank_units(units, got, "tm")
    assert [(r.unit.name, r.rank) for r in ranked] == [
        ("示例市", None), ("A县", 1), ("B县", 2), ("C区", None)
    ]  # fmt: skip
    # grants: C 1.4959016 > B 0.7835675 > A 0.6648452
    ranked = region_rows(units, got, "grants")
    assert [(r.unit.name, r.rank) for r in ranked] == [
        ("示例市", None), ("C区", 1), ("B县", 2), ("A县", 3)
    ]  # fmt: skip


def test_ranking_achieved_first_and_ties_share_a_rank(tmp_path: Path) -> None:
    plan_dir = tmp_path / "p"
    shutil.copytree(PLAN, plan_dir)
    # A县 reaches 600 (achieved: ranked first whatever its ratio); B县 and C区 get the same
    # target and series, hence the same key: they share rank 2, and nothing is 3rd
    (plan_dir / "actuals" / "tm.csv").write_text(
        "period,value,region\n2023,800,\n2024,900,\n2023,500,A县\n2024,600,A县\n"
        "2023,200,B县\n2024,240,B县\n2023,200,C区\n2024,240,C区\n",
        encoding="utf-8",
    )
    text = (plan_dir / "targets.yaml").read_text(encoding="utf-8")
    (plan_dir / "targets.yaml").write_text(
        text.replace("        B县: 300\n", "        B县: 300\n        C区: 300\n"), encoding="utf-8"
    )
    plan = load_plan(str(plan_dir))
    actuals = load_actuals(plan)
    ranked = rank_units(list_units(plan, actuals), evaluate_regions(plan, actuals, AS_OF), "tm")
    assert [(r.unit.name, r.rank) for r in ranked][1:] == [("A县", 1), ("B县", 2), ("C区", 2)]
    assert ranked[1].evaluation is not None and ranked[1].evaluation.status == "achieved"


# --------------------------------------------------------------------------- property

META = PlanMeta(
    id="p", title="t", region="省", baseline=parse_period("2021"), deadline=date(2025, 12, 31)
)
YEARS = ("2019", "2020", "2021", "2022", "2023", "2024")
series_st = st.lists(
    st.one_of(st.none(), st.floats(min_value=1, max_value=1e6, allow_nan=False)),
    min_size=len(YEARS),
    max_size=len(YEARS),
)


def _rows(indicator: str, region: str, values: list[float | None]) -> list[Observation]:
    return [
        Observation(indicator, parse_period(y), v, region)
        for y, v in zip(YEARS, values, strict=True)
        if v is not None
    ]


@settings(max_examples=30, deadline=None)
@given(
    mine=series_st,
    target=st.one_of(st.none(), st.floats(min_value=1, max_value=2e6, allow_nan=False)),
    others=st.lists(series_st, min_size=99, max_size=99),
    kind=st.sampled_from(["stock", "flow"]),
    as_of=st.sampled_from([date(2022, 6, 30), date(2024, 12, 31), date(2026, 3, 1)]),
)
def test_unit_alone_or_among_100(
    mine: list[float | None],
    target: float | None,
    others: list[list[float | None]],
    kind: str,
    as_of: date,
) -> None:
    """A unit's figures are the same evaluated alone or among 100 units."""
    tt = "cumulative" if kind == "flow" else "level"
    ind = Indicator(
        id="x", name="x", kind=kind,  # type: ignore[arg-type]
        target=Target(tt, 1e6, from_period=parse_period("2021") if tt == "cumulative" else None),  # type: ignore[arg-type]
    )  # fmt: skip
    units = [f"U{i:03d}" for i in range(100)]
    given_targets = [UnitTarget("x", "U042", target)] if target is not None else []
    # the other units get targets too, and rows of their own
    given_targets += [UnitTarget("x", u, 1000.0 + i) for i, u in enumerate(units) if u != "U042"]
    declared = tuple(Region(u, "省") for u in units)
    plan = Plan(META, (ind,), regions=declared, regions_declared=True,
                unit_targets=tuple(given_targets))  # fmt: skip
    rows = _rows("x", "U042", mine)
    alone = evaluate_plan(plan, {"x": rows}, as_of, "U042")
    crowd = [r for i, u in enumerate(units) if u != "U042" for r in _rows("x", u, others[i % 99])]
    among = evaluate_regions(plan, {"x": crowd + rows}, as_of)
    found = next(r for r in among if r.region == "U042")
    assert len(among) == 101  # the plan's region and the 100 units
    assert [evaluation_dict(e) for e in found.evaluations] == [
        evaluation_dict(e) for e in alone.evaluations
    ]
    got = found.evaluations[0].indicator.target
    assert (got.value if got else None) == target  # its own target, never the 1e6 of 省


def test_lagging_units_for_the_verdict() -> None:
    from ipplan.analysis.regions import lagging

    plan = load_plan(str(PLAN))
    actuals = load_actuals(plan)
    rows = region_rows(list_units(plan, actuals), evaluate_regions(plan, actuals, AS_OF))
    # tm: B县 behind (0.7975974); grants: the city 0.8050218, A县 0.6648452 and B县 0.7835675
    # behind; C区 on track on grants and monitored on tm
    got = [
        (row.unit.name, [e.indicator.id for e in evs])
        for row, evs in lagging(rows, ["tm", "grants"])
    ]
    assert got == [("示例市", ["grants"]), ("A县", ["grants"]), ("B县", ["tm", "grants"])]
