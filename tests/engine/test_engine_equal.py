"""The engine's figures are those of the per-series code (ipplan.analysis.evaluate), to the bit.

The per-series code is the reference: its own tests work the figures out by hand. Here
every (unit, indicator) of random plans (tests/engine/plans.py) and of the bundled Suizhou
plan is evaluated both ways and compared field by field, JSON and projections included.
"""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings

from ipplan.analysis.evaluate import Evaluation, evaluate_plan
from ipplan.core.model import Observation
from ipplan.data.actuals import load_actuals
from ipplan.data.plan import load_plan
from ipplan.engine.load import read_table
from ipplan.engine.units import evaluate_units
from ipplan.present.json import evaluation_dict
from tests.engine.plans import plans, write


def figures(ev: Evaluation) -> dict[str, Any]:
    """Everything an evaluation shows, and every projection with its backtest error."""
    data = evaluation_dict(ev)
    data["projections"] = [(p.method, p.period, p.value, p.error) for p in ev.projections]
    data["projection_reason"] = ev.projection_reason
    data["latest_full"] = seen(ev.latest)
    data["baseline_full"] = seen(ev.baseline)
    return data


def seen(obs: Observation | None) -> tuple[object, ...] | None:
    """What an observation says (the engine keeps no file and line: those are for check)."""
    if obs is None:
        return None
    return (obs.period, obs.value, obs.source, obs.note, obs.flag, obs.yoy, obs.published)


def same_everywhere(folder: str | None, as_of: date, method: str = "auto") -> int:
    """Compare the engine with evaluate_plan for every unit; return the evaluations seen."""
    plan = load_plan(folder)
    observations = load_actuals(plan)
    table = read_table(plan)
    units = [plan.meta.region, *(u for u in table.regions if u != plan.meta.region)]
    got = evaluate_units(plan, as_of, units, method, table=table)
    seen = 0
    for unit in units:
        ref = evaluate_plan(plan, observations, as_of, unit, method)
        mine = got[unit]
        assert (mine.region, mine.time_elapsed) == (ref.region, ref.time_elapsed)
        assert [e.indicator.id for e in mine.evaluations] == [
            e.indicator.id for e in ref.evaluations
        ]
        for a, b in zip(ref.evaluations, mine.evaluations, strict=True):
            assert figures(b) == figures(a), (unit, a.indicator.id)
            seen += 1
    return seen


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plans())
def test_random_plans_give_the_reference_figures(data: dict[str, Any]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        write(Path(tmp), data)
        assert same_everywhere(tmp, data["as_of"], data["method"]) > 0


def test_bundled_plan_gives_the_reference_figures() -> None:
    for day in ("2023-06-30", "2024-12-31", "2025-12-31", "2026-03-31"):
        for method in ("auto", "cagr"):
            assert same_everywhere(None, date.fromisoformat(day), method) > 20


def test_generated_national_plan_gives_the_reference_figures(tmp_path: Path) -> None:
    """The benchmark's own data (bench/national.py) at 12 units, as of four dates."""
    from tests.engine.bench import national

    national.write_plan(tmp_path, 12)
    for day in ("2021-03-31", "2024-12-31", "2025-07-31", "2028-01-31"):
        assert same_everywhere(str(tmp_path), date.fromisoformat(day)) == 13 * 20
