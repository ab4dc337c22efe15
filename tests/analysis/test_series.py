"""Dataset: what is known on a date, in one region, and derived indicators (methods.md).

Derived values are worked out by hand: per period of the numerator (the formula's first
id), each other operand's latest value at or before that period, in the same region;
a published value recorded for the derived indicator wins for its period.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from ipplan.analysis.evaluate import evaluate_plan
from ipplan.analysis.series import Dataset, is_visible
from ipplan.core.formula import parse_formula
from ipplan.core.model import Indicator, Observation, Plan, PlanMeta, Target
from ipplan.core.periods import parse_period
from ipplan.data.actuals import load_actuals
from ipplan.data.plan import bundled_plan_dir, load_plan

REGION = "甲市"


def obs(iid: str, period: str, value: float, **fields: Any) -> Observation:
    return Observation(indicator=iid, period=parse_period(period), value=float(value), **fields)


def make_plan(*indicators: Indicator) -> Plan:
    meta = PlanMeta(
        id="t",
        title="测试",
        region=REGION,
        baseline=parse_period("2023"),
        deadline=date(2025, 12, 31),
    )
    return Plan(meta, tuple(indicators))


def values(rows: list[Observation]) -> list[tuple[str, float]]:
    return [(str(o.period), o.value) for o in rows]


PER_10K = (
    Indicator("patents", "有效发明专利", "stock"),
    Indicator("population", "常住人口", "stock"),
    Indicator(
        "per_10k",
        "每万人口发明专利拥有量",
        "derived",
        formula=parse_formula("patents / population * 10000"),
        target=Target("level", 3.0),
    ),
)


# --------------------------------------------------------------------------- visibility


def test_visibility_by_period_end_and_publication_date() -> None:
    june = obs("x", "2024-06", 1)
    assert not is_visible(june, date(2024, 6, 29))  # ends 2024-06-30, after as_of
    assert is_visible(june, date(2024, 6, 30))  # ends on as_of: known
    late = obs("x", "2023", 1, published=date(2024, 4, 26))
    assert not is_visible(late, date(2024, 4, 25))  # published after as_of
    assert is_visible(late, date(2024, 4, 26))  # published on as_of


def test_series_is_sorted_and_hides_what_was_not_known() -> None:
    plan = make_plan(Indicator("x", "x", "stock"))
    rows = [
        obs("x", "2023", 3, published=date(2024, 4, 26)),
        obs("x", "2021", 1),
        obs("x", "2024", 4),
        obs("x", "2022", 2),
    ]
    data = Dataset(plan, {"x": rows}, date(2024, 3, 31))
    # 2024 ends after as_of; 2023 is published after as_of
    assert values(data.series("x")) == [("2021", 1), ("2022", 2)]
    later = Dataset(plan, {"x": rows}, date(2024, 12, 31))
    assert values(later.series("x")) == [("2021", 1), ("2022", 2), ("2023", 3), ("2024", 4)]


def test_region_isolation_and_empty_region_means_the_plan_region() -> None:
    plan = make_plan(Indicator("x", "x", "stock"))
    rows = [
        obs("x", "2022", 1),  # empty region = 甲市
        obs("x", "2023", 2, region=REGION),  # named plan region: the same series
        obs("x", "2023", 20, region="乙县"),
    ]
    own = Dataset(plan, {"x": rows}, date(2024, 12, 31))
    assert own.region == REGION
    assert values(own.series("x")) == [("2022", 1), ("2023", 2)]
    other = Dataset(plan, {"x": rows}, date(2024, 12, 31), "乙县")
    assert values(other.series("x")) == [("2023", 20)]
    assert Dataset(plan, {"x": rows}, date(2024, 12, 31), "丙区").series("x") == []


# --------------------------------------------------------------------------- derived, in memory


def test_derived_uses_the_latest_operand_at_or_before_each_period() -> None:
    plan = make_plan(*PER_10K)
    data = Dataset(
        plan,
        {
            "patents": [
                obs("patents", "2021", 980),
                obs("patents", "2022", 1105),
                obs("patents", "2023", 1234),
            ],
            "population": [obs("population", "2020", 2047923), obs("population", "2022", 2100000)],
        },
        date(2024, 12, 31),
    )
    got = data.series("per_10k")
    assert [str(o.period) for o in got] == ["2021", "2022", "2023"]
    # 2021: population 2020 (latest at or before) → 980 / 2047923 · 10000 = 4.7853362
    assert got[0].value == pytest.approx(980 / 2047923 * 10000, rel=1e-12)
    assert got[0].value == pytest.approx(4.7853362, rel=1e-7)
    # 2022: population 2022 → 1105 / 2100000 · 10000 = 5.2619048
    assert got[1].value == pytest.approx(1105 / 2100000 * 10000, rel=1e-12)
    assert got[1].value == pytest.approx(5.2619048, rel=1e-7)
    # 2023: population 2022 still the latest → 1234 / 2100000 · 10000 = 5.8761905
    assert got[2].value == pytest.approx(5.8761905, rel=1e-7)
    assert all(o.computed for o in got)


def test_derived_operand_only_after_the_period_gives_no_value() -> None:
    plan = make_plan(*PER_10K)
    data = Dataset(
        plan,
        {
            "patents": [
                obs("patents", "2020", 900),
                obs("patents", "2021-06", 950),
                obs("patents", "2022", 1105),
            ],
            "population": [obs("population", "2021", 2000000)],
        },
        date(2024, 12, 31),
    )
    # 2020 and 2021-06 end before the first population (2021-12-31): no value for them.
    # 2022: 1105 / 2000000 · 10000 = 5.525
    assert values(data.series("per_10k")) == [("2022", pytest.approx(5.525, rel=1e-12))]


def test_derived_operand_missing_gives_no_value() -> None:
    plan = make_plan(*PER_10K)
    data = Dataset(plan, {"patents": [obs("patents", "2023", 1234)]}, date(2024, 12, 31))
    assert data.series("per_10k") == []
    result = evaluate_plan(plan, {"patents": [obs("patents", "2023", 1234)]}, date(2024, 12, 31))
    ev = next(e for e in result.evaluations if e.indicator.id == "per_10k")
    assert ev.status == "insufficient_data"


def test_derived_respects_as_of_of_its_operands() -> None:
    plan = make_plan(*PER_10K)
    rows = {
        "patents": [obs("patents", "2022", 1105)],
        "population": [
            obs("population", "2020", 2047923),
            obs("population", "2022", 2100000, published=date(2023, 3, 1)),
        ],
    }
    # on 2023-02-28 the 2022 population is not published: 1105 / 2047923 · 10000 = 5.3957107
    early = Dataset(plan, rows, date(2023, 2, 28)).series("per_10k")
    assert values(early) == [("2022", pytest.approx(5.3957107, rel=1e-7))]
    # on 2023-03-01 it is: 1105 / 2100000 · 10000 = 5.2619048
    late = Dataset(plan, rows, date(2023, 3, 1)).series("per_10k")
    assert values(late) == [("2022", pytest.approx(5.2619048, rel=1e-7))]


def test_derived_value_hidden_while_its_numerator_is_unpublished() -> None:
    plan = make_plan(*PER_10K)
    rows = {
        "patents": [
            obs("patents", "2022", 1105),
            obs("patents", "2023", 1234, published=date(2024, 5, 1)),
        ],
        "population": [obs("population", "2020", 2047923)],
    }
    # on 2024-04-30 the 2023 patents are not published: only 2022 is computed
    # (1105 / 2047923 · 10000 = 5.3957107)
    early = Dataset(plan, rows, date(2024, 4, 30)).series("per_10k")
    assert values(early) == [("2022", pytest.approx(5.3957107, rel=1e-7))]
    late = Dataset(plan, rows, date(2024, 5, 1)).series("per_10k")
    assert [str(o.period) for o in late] == ["2022", "2023"]


def test_published_derived_value_wins_for_its_period_only() -> None:
    plan = make_plan(*PER_10K)
    rows = {
        "patents": [obs("patents", "2022", 1105), obs("patents", "2023", 1234)],
        "population": [obs("population", "2020", 2047923)],
        "per_10k": [obs("per_10k", "2023", 6.1), obs("per_10k", "2019", 4.0)],
    }
    data = Dataset(plan, rows, date(2024, 12, 31))
    got = data.series("per_10k")
    # 2019: published only; 2022: computed 1105 / 2047923 · 10000 = 5.3957107;
    # 2023: published 6.1 wins over the computed 1234 / 2047923 · 10000 = 6.0256172
    assert values(got) == [
        ("2019", 4.0),
        ("2022", pytest.approx(5.3957107, rel=1e-7)),
        ("2023", 6.1),
    ]
    assert [o.computed for o in got] == [False, True, False]
    computed = data.computed("per_10k")
    assert values(computed) == [
        ("2022", pytest.approx(5.3957107, rel=1e-7)),
        ("2023", pytest.approx(6.0256172, rel=1e-7)),
    ]


def test_derived_monthly_numerator_with_annual_operand() -> None:
    plan = make_plan(*PER_10K)
    data = Dataset(
        plan,
        {
            "patents": [obs("patents", "2024-06", 1300)],
            "population": [obs("population", "2023", 2000000), obs("population", "2024", 2500000)],
        },
        date(2025, 6, 30),
    )
    # 2024-06 ends 2024-06-30: population 2024 (2024-12-31) is later, 2023 is used:
    # 1300 / 2000000 · 10000 = 6.5
    assert values(data.series("per_10k")) == [("2024-06", pytest.approx(6.5, rel=1e-12))]


def test_derived_numerator_is_the_first_id_even_after_a_constant() -> None:
    ind = Indicator(
        "per_10k", "每万人口", "derived", formula=parse_formula("10000 * patents / population")
    )
    plan = make_plan(*PER_10K[:2], ind)
    data = Dataset(
        plan,
        {
            "patents": [obs("patents", "2023", 1234)],
            "population": [obs("population", "2020", 2047923), obs("population", "2022", 2e6)],
        },
        date(2024, 12, 31),
    )
    # one value, for the patents period 2023 (not for the population periods):
    # 10000 · 1234 / 2000000 = 6.17
    assert values(data.series("per_10k")) == [("2023", pytest.approx(6.17, rel=1e-12))]


def test_derived_division_by_zero_gives_no_value() -> None:
    plan = make_plan(*PER_10K)
    data = Dataset(
        plan,
        {"patents": [obs("patents", "2023", 5)], "population": [obs("population", "2023", 0)]},
        date(2024, 12, 31),
    )
    assert data.series("per_10k") == []


def test_derived_of_a_derived_indicator() -> None:
    # gi = gi_t + gi_p; gi_per_10k = gi / population * 10000
    plan = make_plan(
        Indicator("gi_t", "地理标志商标", "stock"),
        Indicator("gi_p", "地理标志产品", "stock"),
        Indicator("population", "常住人口", "stock"),
        Indicator("gi", "有效地理标志", "derived", formula=parse_formula("gi_t + gi_p")),
        Indicator(
            "gi_per_10k", "每万人", "derived", formula=parse_formula("gi / population * 10000")
        ),
    )
    data = Dataset(
        plan,
        {
            "gi_t": [obs("gi_t", "2022", 11), obs("gi_t", "2023", 12)],
            "gi_p": [obs("gi_p", "2022", 5)],
            "population": [obs("population", "2020", 2047923)],
        },
        date(2024, 12, 31),
    )
    # gi: 2022 11 + 5 = 16; 2023 12 + 5 (gi_p 2022 still the latest) = 17
    assert values(data.series("gi")) == [("2022", 16), ("2023", 17)]
    # gi_per_10k: 16 / 2047923 · 10000 = 0.0781279; 17 / 2047923 · 10000 = 0.0830109
    got = values(data.series("gi_per_10k"))
    assert got == [
        ("2022", pytest.approx(16 / 2047923 * 10000, rel=1e-12)),
        ("2023", pytest.approx(17 / 2047923 * 10000, rel=1e-12)),
    ]
    assert got[0][1] == pytest.approx(0.0781279, rel=1e-6)
    assert got[1][1] == pytest.approx(0.0830109, rel=1e-6)


def test_derived_operand_in_the_plan_region_written_out() -> None:
    # patents with an empty region and population with region "甲市" are the same region
    plan = make_plan(*PER_10K)
    rows = {
        "patents": [obs("patents", "2023", 1234)],
        "population": [
            obs("population", "2020", 2047923, region=REGION),
            obs("population", "2020", 615432, region="乙县"),
        ],
    }
    got = Dataset(plan, rows, date(2024, 12, 31)).series("per_10k")
    # 1234 / 2047923 · 10000 = 6.0256172 (never 乙县's 615432)
    assert values(got) == [("2023", pytest.approx(6.0256172, rel=1e-7))]


def test_published_derived_value_wins_only_in_its_region() -> None:
    plan = make_plan(*PER_10K)
    rows = {
        "patents": [obs("patents", "2023", 1234), obs("patents", "2023", 352, region="乙县")],
        "population": [
            obs("population", "2020", 2047923),
            obs("population", "2020", 615432, region="乙县"),
        ],
        "per_10k": [obs("per_10k", "2023", 5.8, region="乙县")],
    }
    # 乙县: the published 5.8 wins over 352 / 615432 · 10000 = 5.7195596
    other = Dataset(plan, rows, date(2024, 12, 31), "乙县").series("per_10k")
    assert values(other) == [("2023", 5.8)]
    # 甲市: computed, 1234 / 2047923 · 10000 = 6.0256172 (乙县's published value is not its)
    own = Dataset(plan, rows, date(2024, 12, 31)).series("per_10k")
    assert values(own) == [("2023", pytest.approx(6.0256172, rel=1e-7))]


def test_derived_value_is_estimated_when_an_operand_is() -> None:
    # docs/methods.md (choices): a computed value is flagged e when any operand used is
    plan = make_plan(*PER_10K)
    rows = {
        "patents": [obs("patents", "2022", 1105), obs("patents", "2023", 1234, flag="p")],
        "population": [obs("population", "2020", 2047923, flag="e")],
    }
    got = Dataset(plan, rows, date(2024, 12, 31)).series("per_10k")
    assert [o.flag for o in got] == ["e", "e"]
    clean = {**rows, "population": [obs("population", "2020", 2047923)]}
    got = Dataset(plan, clean, date(2024, 12, 31)).series("per_10k")
    assert [o.flag for o in got] == [None, None]


# --------------------------------------------------------------------------- derived, from files


TARGETS = """\
plan:
  id: test-plan
  title: 测试方案
  region: 甲市
  baseline: "2023"
  deadline: 2025-12-31
indicators:
  - id: per_10k
    name: 每万人口发明专利拥有量
    unit: 件
    kind: derived
    formula: "patents / population * 10000"
    target:
      type: level
      value: 6
  - id: patents
    name: 有效发明专利
    kind: stock
  - id: population
    name: 常住人口
    kind: stock
"""

# census year 2020 (earlier than every patent period), three regions plus two
# regions that lack a usable population
POPULATION = """\
period,value,region
2020,2047923,
2020,615432,乙县
2020,287654,丙区
2024,100000,丁县
"""

PATENTS = """\
period,value,region
2022,1105,
2023,1234,
2022,301,乙县
2023,352,乙县
2023,97,丙区
2023,50,丁县
2023,40,戊镇
"""


@pytest.fixture
def census_plan(tmp_path: Path) -> Plan:
    (tmp_path / "targets.yaml").write_text(TARGETS, encoding="utf-8")
    actuals = tmp_path / "actuals"
    actuals.mkdir()
    (actuals / "population.csv").write_text(POPULATION, encoding="utf-8")
    (actuals / "patents.csv").write_text(PATENTS, encoding="utf-8")
    return load_plan(str(tmp_path))


@pytest.mark.parametrize(
    ("region", "expected"),
    [
        # 甲市 (empty region column): 1105 / 2047923 · 10000 = 5.3957107;
        #                            1234 / 2047923 · 10000 = 6.0256172
        (None, [("2022", 5.3957107), ("2023", 6.0256172)]),
        # 乙县: 301 / 615432 · 10000 = 4.8908734; 352 / 615432 · 10000 = 5.7195596
        ("乙县", [("2022", 4.8908734), ("2023", 5.7195596)]),
        # 丙区: 97 / 287654 · 10000 = 3.3721068
        ("丙区", [("2023", 3.3721068)]),
        # 丁县: the population is from 2024, after the 2023 patents → no value
        ("丁县", []),
        # 戊镇: no population at all → no value (never another region's population)
        ("戊镇", []),
    ],
)
def test_per_10k_per_region_from_files(
    census_plan: Plan, region: str | None, expected: list[tuple[str, float]]
) -> None:
    data = Dataset(census_plan, load_actuals(census_plan), date(2024, 12, 31), region)
    got = data.series("per_10k")
    assert [str(o.period) for o in got] == [p for p, _ in expected]
    for o, (_, value) in zip(got, expected, strict=True):
        assert o.value == pytest.approx(value, rel=1e-7)


def test_per_10k_evaluated_per_region(census_plan: Plan) -> None:
    from dataclasses import replace

    from ipplan.core.model import UnitTarget

    observations = load_actuals(census_plan)
    # without a target of its own the county is monitored, never held to the plan's 6
    alone = evaluate_plan(census_plan, observations, date(2024, 12, 31), "乙县")
    ev = next(e for e in alone.evaluations if e.indicator.id == "per_10k")
    assert (ev.indicator.target, ev.status, ev.attainment) == (None, "monitoring", None)
    own = replace(census_plan, unit_targets=(UnitTarget("per_10k", "乙县", 6.0),))
    result = evaluate_plan(own, observations, date(2024, 12, 31), "乙县")
    ev = next(e for e in result.evaluations if e.indicator.id == "per_10k")
    assert result.region == "乙县"
    # v = 352 / 615432 · 10000 = 5.7195596; its own T = 6 → attainment 5.7195596 / 6 = 0.9532599
    assert ev.attainment == pytest.approx(352 / 615432 * 10000 / 6, rel=1e-12)
    assert ev.attainment == pytest.approx(0.9532599, rel=1e-6)
    # baseline 2023 is the same point → progress 0; gap 6 − 5.7195596 = 0.2804404
    assert ev.progress == 0
    assert ev.gap == pytest.approx(0.2804404, rel=1e-6)
    # actual: 2022 → 2023 (365 days): (352 / 301)^(365.25/365) − 1 = 0.1695606
    assert ev.actual_growth == pytest.approx((352 / 301) ** (365.25 / 365) - 1, rel=1e-12)


# --------------------------------------------------------------------------- bundled data


def test_bundled_gi_valid_sums_trademarks_and_products() -> None:
    plan = load_plan(str(bundled_plan_dir()))
    data = Dataset(plan, load_actuals(plan), date(2024, 12, 31))
    got = data.series("gi_valid")
    # per gi_trademarks period: 2022-04: 11 + 5 (gi_products 2022-04) = 16;
    # 2023: 12 + 5 (gi_products 2023) = 17; 2023-04: published combined count 17
    assert values(got) == [("2022-04", 16), ("2023-04", 17), ("2023", 17)]
    assert [o.computed for o in got] == [True, False, True]
