"""ipplan.analysis.need: the paths to a target and the count a ratio target means, worked by
hand."""

from __future__ import annotations

from datetime import date
from fractions import Fraction
from pathlib import Path

import pytest

from ipplan.analysis.need import NeedNote, Step, monomial, need, steps
from ipplan.analysis.series import Dataset
from ipplan.core.errors import UsageError
from ipplan.core.formula import parse_formula
from ipplan.data.actuals import load_actuals
from ipplan.data.plan import load_plan

TARGETS = """\
plan:
  id: t
  title: T
  region: 某市
  baseline: "2023"
  deadline: 2025-12-31
indicators:
  - {id: sep, name: 九月存量, unit: 件, kind: stock, target: {type: level, value: 1331}}
  - {id: dec, name: 年末存量, unit: 件, kind: stock, target: {type: level, value: 1464.1}}
  - id: down
    name: 减少
    kind: stock
    target: {type: level, value: 40, direction: decrease}
  - {id: patents, name: 有效发明专利, unit: 件, kind: stock}
  - {id: pop, name: 常住人口, unit: 人, kind: stock}
  - id: per10k
    name: 每万人口发明专利拥有量
    unit: 件
    kind: derived
    formula: "patents / pop * 10000"
    target: {type: level, value: 3}
  - id: per10k_first
    name: 另一写法
    kind: derived
    formula: "10000 * patents / pop"
    target: {type: level, value: 3}
  - id: both
    name: 合计
    kind: derived
    formula: "patents + pop"
    target: {type: level, value: 3}
  - id: pct
    name: PCT
    unit: 件
    kind: flow
    target: {type: cumulative, value: 15, from: "2021"}
  - {id: yearly, name: 年度流量, unit: 件, kind: flow, target: {type: level, value: 1210}}
  - {id: growth, name: 稳步增长, kind: flow, target: {type: growth}}
  - {id: watched, name: 监测, kind: stock}
"""

ACTUALS = {
    "sep": "2025-09,1000\n",
    "dec": "2024,1000\n",
    "down": "2025-10,50\n",
    "pop": "2020,2047923\n",
    "pct": "2021,2\n2022,3\n2023,4\n",
    "yearly": "2023,1000\n",
}


@pytest.fixture
def plan_dir(tmp_path: Path) -> Path:
    (tmp_path / "targets.yaml").write_text(TARGETS, encoding="utf-8")
    (tmp_path / "actuals").mkdir()
    for iid, rows in ACTUALS.items():
        (tmp_path / "actuals" / f"{iid}.csv").write_text("period,value\n" + rows, "utf-8")
    return tmp_path


def run(plan_dir: Path, iid: str, as_of: date, step: Step = Step.month):  # type: ignore[no-untyped-def]
    plan = load_plan(str(plan_dir))
    data = Dataset(plan, load_actuals(plan), as_of)
    ind = plan.get(iid)
    assert ind is not None
    return need(plan, ind, data, step)


def test_monthly_paths_to_a_level_target(plan_dir: Path) -> None:
    result = run(plan_dir, "sep", date(2025, 11, 15))
    # from 2025-09 to 2025-12: n = 3 months; remaining 1331 − 1000 = 331; 331 / 3 = 110.33…
    assert result.remaining == 331
    assert result.months_left == 3
    assert result.per_month == pytest.approx(331 / 3)
    assert [p.period for p in result.path] == ["2025-10", "2025-11", "2025-12"]
    # straight: 1000 + 331·k/3 → 1110.33, 1220.67, 1331
    assert [p.linear for p in result.path] == pytest.approx([1110.3333333, 1220.6666667, 1331])
    # constant growth: 1000·(1331/1000)^(k/3) = 1000·1.1^k → 1100, 1210, 1331
    assert [p.cagr for p in result.path] == pytest.approx([1100, 1210, 1331])


def test_quarterly_paths(plan_dir: Path) -> None:
    result = run(plan_dir, "dec", date(2025, 1, 15), Step.quarter)
    # from 2024-12 to 2025-12: 12 months, quarters at k = 3, 6, 9, 12
    assert [p.period for p in result.path] == ["2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4"]
    # straight: 1000 + 464.1·k/12 → 1116.025, 1232.05, 1348.075, 1464.1
    assert [p.linear for p in result.path] == pytest.approx([1116.025, 1232.05, 1348.075, 1464.1])
    # constant growth: 1464.1 = 1000·1.1⁴, so 1000·1.1^(k/3) → 1100, 1210, 1331, 1464.1
    assert [p.cagr for p in result.path] == pytest.approx([1100, 1210, 1331, 1464.1])
    # 464.1 / 12 = 38.675 a month
    assert result.per_month == pytest.approx(38.675)


def test_a_decrease_target_falls_each_month(plan_dir: Path) -> None:
    result = run(plan_dir, "down", date(2025, 11, 1))
    # 50 → 40 in 2 months: remaining −10, −5 a month; straight 45, 40
    assert (result.remaining, result.per_month) == (-10, -5)
    assert [p.linear for p in result.path] == [45, 40]
    # constant growth: 50·0.8^(1/2) = 44.7213595…, then 40
    assert [p.cagr for p in result.path] == pytest.approx([44.72135955, 40])


def test_per_10k_target_as_an_absolute_count(plan_dir: Path) -> None:
    for iid in ("per10k", "per10k_first"):
        result = run(plan_dir, iid, date(2024, 12, 31))
        a = result.absolute
        assert a is not None and a.indicator == "patents"
        # 3 × 2,047,923 / 10,000 = 614.3769 → 615 patents (a count: rounded up)
        assert a.exact == pytest.approx(614.3769)
        assert a.value == 615
        assert [(x.indicator, x.period, x.value, x.exponent) for x in a.assumes] == [
            ("pop", "2020", 2047923, -1)
        ]
        assert NeedNote.no_data in result.notes  # no patents recorded: no path


def test_a_sum_formula_is_refused_clearly(plan_dir: Path) -> None:
    result = run(plan_dir, "both", date(2024, 12, 31))
    assert result.absolute is None
    assert NeedNote.not_ratio in result.notes


def test_monomial_shapes() -> None:
    shape = monomial(parse_formula("a / b * 10000"))
    assert shape is not None
    assert (shape.coefficient, dict(shape.exponents)) == (Fraction(10000), {"a": 1, "b": -1})
    shape = monomial(parse_formula("-(a) / (b / 2)"))  # −a · 2 / b
    assert shape is not None and (shape.coefficient, dict(shape.exponents)) == (
        Fraction(-2),
        {"a": 1, "b": -1},
    )
    assert monomial(parse_formula("a + b")) is None
    assert monomial(parse_formula("(a - 1) / b")) is None
    shape = monomial(parse_formula("a * a / b"))  # a² is no numerator to solve for
    assert shape is not None and shape.exponents["a"] == 2


def test_cumulative_target_gives_the_flow_still_needed(plan_dir: Path) -> None:
    result = run(plan_dir, "pct", date(2024, 6, 30), Step.quarter)
    # S = 2 + 3 + 4 = 9; remaining 15 − 9 = 6 over 24 months (2024-01 … 2025-12) = 0.25 a month
    assert (result.cumulative, result.remaining, result.months_left) == (9, 6, 24)
    assert result.per_month == 0.25
    # each quarter needs 0.25 × 3 = 0.75; totals 9.75, 10.5, … 15
    assert [p.flow for p in result.path] == [0.75] * 8
    assert [p.linear for p in result.path][:2] == [9.75, 10.5]
    assert result.path[-1].linear == 15
    assert all(p.cagr is None for p in result.path)
    assert NeedNote.cumulative in result.notes


def test_a_yearly_flow_steps_by_year(plan_dir: Path) -> None:
    result = run(plan_dir, "yearly", date(2024, 3, 1))
    # the 2023 flow 1000 must become 1210 in 2025: 2024 needs 1000 + 210·12/24 = 1105 on the
    # straight path and 1000·1.21^(1/2) = 1100 on the constant-growth one
    assert [(p.period, p.linear) for p in result.path] == [("2024", 1105), ("2025", 1210)]
    assert [p.cagr for p in result.path] == pytest.approx([1100, 1210])
    assert result.per_month == pytest.approx(210 / 24)  # 8.75


def test_after_the_deadline_there_is_no_path(plan_dir: Path) -> None:
    result = run(plan_dir, "sep", date(2026, 1, 1))
    assert result.path == () and result.per_month is None
    assert result.remaining == 331  # 1331 − 1000: the gap at the latest figure
    assert NeedNote.passed in result.notes


def test_an_achieved_target_needs_nothing(plan_dir: Path) -> None:
    (plan_dir / "actuals" / "sep.csv").write_text("period,value\n2025-09,1400\n", "utf-8")
    result = run(plan_dir, "sep", date(2025, 11, 1))
    assert (result.remaining, result.per_month, result.path) == (0, 0, ())
    assert NeedNote.achieved in result.notes


def test_refusals(plan_dir: Path) -> None:
    with pytest.raises(UsageError) as err:
        run(plan_dir, "growth", date(2024, 1, 1))
    assert err.value.code == "need.no_value"
    with pytest.raises(UsageError) as err:
        run(plan_dir, "watched", date(2024, 1, 1))
    assert err.value.code == "need.no_target"


def test_steps_cut_at_the_deadline() -> None:
    # from the end of 2025-08 to a deadline on 2025-11-15, by quarter: Q3 (1 month), Q4 (to Nov)
    assert steps(date(2025, 8, 31), date(2025, 11, 15), "Q") == [("2025-Q3", 1), ("2025-Q4", 3)]
    assert steps(date(2025, 12, 31), date(2025, 12, 31), "M") == []


def test_english_text_writes_english_units() -> None:
    """The bundled plan in English: 件 and 人 read "items" and "people" (present.fmt.unit_text),
    and the count is the one worked out above (3 × 2,047,923 ÷ 10,000 → 615)."""
    from ipplan.render.need import render_need_text

    plan = load_plan(None)
    ind = plan.get("invention_patents_per_10k")
    assert ind is not None
    result = need(plan, ind, Dataset(plan, load_actuals(plan), date(2024, 12, 31)))
    units = {i.id: i.unit for i in plan.indicators}
    names = {i.id: i.display_name("en") for i in plan.indicators}
    text = " ".join(render_need_text(result, "en", units, names, width=200).split())
    assert "3 items × 2,047,923 people ÷ 10,000 = 615 items" in text
    assert "件" not in text
