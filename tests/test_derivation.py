"""The derivation an evaluation carries: the intermediates `show` and the report print.

Each expected value carries its arithmetic in a comment; spans are days / 365.25 between
period end dates (methods.md, "Time"). The last tests check that the renderers print the
derivation and recompute none of it.
"""

from __future__ import annotations

import ast
import json
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from ipplan.derivation import EMPTY, Note, Window, share, yoy_change
from ipplan.evaluate import Evaluation, PlanEvaluation
from ipplan.figures import time_elapsed
from ipplan.present.json import evaluation_dict
from ipplan.render.show_text import Ctx, figures
from ipplan.report.chartdata import chart_for
from tests.test_evaluate import DEADLINE, cumulative, growth, level, make_plan, obs, run

Y = 365.25


def result_of(ev: Evaluation, as_of: date, deadline: date = DEADLINE) -> PlanEvaluation:
    plan = make_plan(ev.indicator, deadline=deadline)
    return PlanEvaluation(
        plan, as_of, plan.meta.region, time_elapsed(plan.meta.start, deadline, as_of), (ev,)
    )


# --------------------------------------------------------------------------- level


LEVEL = [("2021", 100), ("2022", 200), ("2023", 300)]


def test_a_level_targets_window_days_left_and_history_yoy() -> None:
    ev = run(level(1000), LEVEL, date(2024, 11, 30))
    d = ev.derivation
    assert d.window is not None
    # window: 2023-12-31 back to 2018-12-31 holds all three; first 2021 (2021-12-31)
    assert [str(o.period) for o in d.window.points] == ["2021", "2022", "2023"]
    assert d.window.first is not None and d.window.first.value == 100
    # 2021-12-31 → 2023-12-31 = 365 + 365 = 730 days; 730 / 365.25 = 1.998631...
    assert d.window.years == pytest.approx(730 / Y, rel=1e-12)
    assert d.window.years == pytest.approx(1.9986311, rel=1e-7)
    # 2023-12-31 → 2025-12-31 = 366 (2024) + 365 = 731 days: years_left is 731 / 365.25
    assert d.days_left == 731
    assert ev.years_left == d.days_left / Y
    # computed year on year: 2021 has no 2020; 200 / 100 − 1 = 1.0; 300 / 200 − 1 = 0.5
    assert d.history_yoy == (None, 1.0, 0.5)
    # nothing cumulative, no steps
    assert (d.counted, d.running, d.baseline_sum, d.elapsed_years, d.steps) == (
        (),
        (),
        None,
        None,
        (),
    )


def test_a_level_targets_projection_shares() -> None:
    ev = run(level(1000), LEVEL, date(2024, 11, 30))
    linear = next(p for p in ev.projections if p.method == "linear")
    # equal spacing (365 days): slope 100 per 365 days; to the deadline 731 days:
    # 300 + 100 × 731 / 365 = 300 + 200.27397 = 500.27397; ÷ 1000 = 0.50027397
    assert linear.value == pytest.approx(500.27397, rel=1e-7)
    shares = dict(zip(ev.projections, ev.derivation.shares, strict=True))
    assert shares[linear] == pytest.approx(0.50027397, rel=1e-7)
    assert len(ev.derivation.shares) == len(ev.projections) == 3


def test_a_decrease_targets_share_is_mirrored() -> None:
    # target 600 as the ceiling: 800 projected reaches 600 / 800 = 0.75 of it
    assert share(800, 600, increasing=False) == 0.75
    assert share(500, 1000, increasing=True) == 0.5
    assert share(0, 600, increasing=False) is None  # no share of a zero divisor
    assert share(5, 0, increasing=True) is None
    assert share(5, None, increasing=True) is None  # a growth target has no value


def test_one_point_has_no_first_point_in_its_window() -> None:
    ev = run(level(1000), [("2023", 300)], date(2024, 11, 30))
    assert ev.derivation.window == Window((ev.latest,), 0.0)  # type: ignore[arg-type]
    assert ev.derivation.window is not None and ev.derivation.window.first is None
    assert ev.notes == (Note.one_point,)


# --------------------------------------------------------------------------- growth


def test_a_growth_targets_steps_and_window() -> None:
    rows = [("2021", 40), ("2022", 50), ("2023", 60), ("2024-06", 59), ("2024", 58), ("2025", 63)]
    ev = run(growth(), rows, date(2026, 3, 1), deadline=date(2026, 12, 31))
    d = ev.derivation
    # steps from the baseline 2023 on, annual only (2024-06 is not the latest's frequency):
    # 60 → 58 is −2, 58 → 63 is +5
    assert [(str(s.before.period), str(s.after.period), s.change) for s in d.steps] == [
        ("2023", "2024", -2.0),
        ("2024", "2025", 5.0),
    ]
    assert ev.status == "behind"  # the latest change is up, an earlier one was not
    # a stock's window mixes frequencies: 2025-12-31 back to 2020-12-31 holds all six;
    # 2021-12-31 → 2025-12-31 = 365 + 365 + 366 + 365 = 1461 days = 4 years exactly
    assert d.window is not None and len(d.window.points) == 6
    assert d.window.first is not None and str(d.window.first.period) == "2021"
    assert d.window.years == 4.0
    assert d.days_left == 365  # 2025-12-31 → 2026-12-31
    # year on year: 50/40 − 1 = 0.25, 60/50 − 1 = 0.2, 2024-06 has no 2023-06, 58/60 − 1 =
    # −0.0333..., 63/58 − 1 = 0.0862068...
    yoy = d.history_yoy
    assert yoy[:3] == (None, 0.25, pytest.approx(0.2, rel=1e-12)) and yoy[3] is None
    assert yoy[4] == pytest.approx(-1 / 30, rel=1e-12)
    assert yoy[5] == pytest.approx(5 / 58, rel=1e-12)


def test_yoy_change_needs_an_earlier_value_above_zero() -> None:
    history = [obs("x", "1900", 5), obs("x", "2022", 0), obs("x", "2023", 4)]
    assert yoy_change(history[0], history) is None  # 1899 is no period
    assert yoy_change(history[2], history) is None  # 2022 is 0: no rate
    assert yoy_change(obs("x", "2023-Q2", 9), [obs("x", "2022-Q2", 6)]) == 0.5  # 9/6 − 1


# --------------------------------------------------------------------------- cumulative


CUMULATIVE = [
    ("2022", 7),  # before `from`: not counted
    ("2023", 10),
    ("2024-Q1", 3),
    ("2024-04", 1),  # a month of Q2, which has its own figure: not counted
    ("2024-Q2", 4),
]


def test_a_cumulative_targets_counted_flows_and_sums() -> None:
    ev = run(cumulative(100, "2023"), CUMULATIVE, date(2024, 8, 15), kind="flow")
    d = ev.derivation
    assert [str(o.period) for o in d.counted] == ["2023", "2024-Q1", "2024-Q2"]
    assert d.running == (10.0, 13.0, 17.0)  # 10; 10 + 3; 10 + 3 + 4
    assert ev.cumulative == d.running[-1] == 17.0
    assert d.baseline_sum == 10.0  # counted up to the baseline 2023's end
    assert ev.progress == pytest.approx((17 - 10) / (100 - 10), rel=1e-12)  # 7 / 90
    # from 2022-12-31 (the end of the period before `from`) to 2024-06-30:
    # 365 + (31 + 29 + 31 + 30 + 31 + 30 = 182) = 547 days; 547 / 365.25 = 1.4976044
    assert d.elapsed_years == pytest.approx(547 / Y, rel=1e-12)
    assert d.elapsed_years == pytest.approx(1.4976044, rel=1e-7)
    # 2024-06-30 → 2025-12-31 = (31+31+30+31+30+31 = 184) + 365 = 549 days
    assert d.days_left == 549
    assert d.window is None and d.steps == ()


def test_running_sums_are_the_exact_sums_of_the_flows() -> None:
    # 0.7, 0.7 + 0.1 = 0.8 (not 0.7999999999999999), 0.8 + 0.2 = 1.0 (not 0.9999999999999999)
    rows = [("2024-Q1", 0.7), ("2024-Q2", 0.1), ("2024-Q3", 0.2)]
    ev = run(cumulative(2, "2024"), rows, date(2024, 11, 30), kind="flow")
    assert ev.derivation.running == (0.7, 0.8, 1.0)
    assert ev.derivation.baseline_sum == 0.0  # `from` is after the baseline: b = 0


def test_no_flow_counted_leaves_the_derivation_empty_but_the_history_yoy() -> None:
    ev = run(cumulative(100, "2024"), [("2022", 5), ("2023", 6)], date(2024, 3, 1), kind="flow")
    assert ev.notes == (Note.no_data_in_range,)
    assert ev.derivation == replace(EMPTY, history_yoy=(None, pytest.approx(0.2)))  # 6/5 − 1


# --------------------------------------------------------------------------- notes


def test_notes_are_a_str_enum_and_serialise_as_before() -> None:
    ev = run(cumulative(100, "2023"), CUMULATIVE, date(2026, 1, 15), kind="flow")
    assert ev.notes == (Note.linear_pace, Note.final_awaited)
    assert all(type(n) is Note for n in ev.notes)
    text = json.dumps(evaluation_dict(ev)["notes"])
    assert text == '["linear_pace", "final_awaited"]'


def test_no_data_is_a_note() -> None:
    ev = run(level(10), [], date(2024, 3, 1))
    assert ev.notes == (Note.no_data,) and ev.derivation == EMPTY


# --------------------------------------------------------------------------- renderers


def test_show_prints_the_derivation_it_is_given() -> None:
    """A figure's explanation is the derivation's, not a recomputation: change the
    derivation and the words change with it."""
    ev = run(cumulative(100, "2023"), CUMULATIVE, date(2024, 8, 15), kind="flow")
    d = ev.derivation
    odd = replace(ev, derivation=replace(d, baseline_sum=12.0, elapsed_years=9.0, days_left=42))
    text = "\n".join(figures_of(odd, date(2024, 8, 15)))
    assert "基期 12" in text  # progress = (17 − 12) ÷ (100 − 12), as given
    assert "9.00 年" in text  # years since the start of `from`, as given
    assert "42 天" in text  # days to the deadline, as given


def figures_of(ev: Evaluation, as_of: date) -> list[str]:
    return figures(Ctx(result_of(ev, as_of), ev, "zh"))


def test_the_report_chart_draws_the_running_sums() -> None:
    ev = run(cumulative(100, "2023"), CUMULATIVE, date(2024, 8, 15), kind="flow")
    chart = chart_for(ev, result_of(ev, date(2024, 8, 15)), "zh")
    assert chart is not None
    assert [(p.label, p.value) for p in chart.points] == [
        ("2023", 10.0),
        ("2024-Q1", 13.0),
        ("2024-Q2", 17.0),
    ]


ARITHMETIC = {
    "ipplan.figures": {"window", "counted_flows", "compound_growth", "exact_sum", "time_elapsed"},
    "ipplan.periods": {"years_between"},
    "ipplan.derivation": {"yoy_change", "share"},
}


@pytest.mark.parametrize("package", ["render", "report", "present"])
def test_renderers_recompute_no_figure(package: str) -> None:
    """render/, report/ and present/ import none of the functions that compute figures or their
    intermediates: what they explain comes from the Evaluation and its derivation."""
    root = Path(__file__).parent.parent / "ipplan" / package
    found = []
    for path in sorted(root.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module in ARITHMETIC:
                bad = {a.name for a in node.names} & ARITHMETIC[node.module]
                found += [f"{path.name}: {node.module}.{name}" for name in sorted(bad)]
    assert found == []


def test_notes_are_compared_as_note_members_never_as_strings() -> None:
    # `"final_awaited" in e.notes` compares equal today (Note is a str enum), but a renamed
    # member would silently never match: every comparison names the Note member
    import ipplan

    values = {note.value for note in Note}
    found = []
    for path in sorted(Path(ipplan.__file__).parent.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if not isinstance(node, ast.Compare):
                continue
            for side in [node.left, *node.comparators]:
                items = side.elts if isinstance(side, ast.Tuple | ast.List | ast.Set) else [side]
                if any(isinstance(i, ast.Constant) and i.value in values for i in items):
                    found.append(f"{path.name}:{node.lineno}")
    assert found == []
