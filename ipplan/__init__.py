"""ipplan: track the targets of a city's IP plan (知识产权强市建设实施方案).

The core library: load a plan, read its actuals, evaluate every target. It imports
neither typer nor rich, so it can be used from scripts and notebooks::

    import ipplan
    plan = ipplan.load_plan("path/to/plan")          # or None for the bundled example
    result = ipplan.status(plan, as_of=datetime.date(2024, 12, 31))
    for ev in result.evaluations:
        print(ev.indicator.id, ev.status, ev.attainment)
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

__version__ = "0.1.0"

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from ipplan.analysis.evaluate import PlanEvaluation
    from ipplan.core.model import Observation, Plan


def load_plan(plan: str | None = None) -> Plan:
    """Resolve and read a plan folder (formats.md); raises PlanError."""
    from ipplan.data.plan import load_plan as _load

    return _load(plan)


def status(
    plan: Plan, as_of: date | None = None, region: str | None = None, method: str = "auto"
) -> PlanEvaluation:
    """Read the plan's actuals and evaluate every indicator (methods.md); raises DataError.

    (Named after the command: ``ipplan.analysis.evaluate`` is the module that does the work.)
    """
    from ipplan.analysis.evaluate import evaluate_plan
    from ipplan.core.clock import or_today
    from ipplan.data.actuals import load_actuals
    from ipplan.data.journal import read_consistently

    actuals = read_consistently(plan.directory, lambda: load_actuals(plan))  # never mid-write
    return evaluate_plan(plan, actuals, or_today(as_of), region, method)


def evaluate_regions(
    plan: Plan,
    actuals: Mapping[str, Sequence[Observation]],
    as_of: date,
    units: Sequence[str] | None = None,
    method: str = "auto",
) -> tuple[PlanEvaluation, ...]:
    """One PlanEvaluation per unit (default: every unit, the plan's region first), each
    against its own targets; for a unit X it equals ``status(plan, as_of, region=X)``.
    ``actuals``: ``ipplan.data.actuals.load_actuals(plan)``. See :mod:`ipplan.analysis.regions`."""
    from ipplan.analysis.regions import evaluate_regions as _evaluate

    return _evaluate(plan, actuals, as_of, units, method)


__all__ = ["__version__", "evaluate_regions", "load_plan", "status"]
