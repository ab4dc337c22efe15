"""The data-quality notes of a report.

Until ``ipplan.check.run_checks`` lands on main, these are the problems that reading
the plan and its actuals already finds (warnings: unknown files, unknown keys...; a plan
with errors never gets this far). Switch this one function to ``run_checks`` then.
"""

from __future__ import annotations

from ipplan.actuals import read_actuals
from ipplan.errors import Problem
from ipplan.model import Plan
from ipplan.plan import read_plan


def quality_problems(plan: Plan) -> list[Problem]:
    """Every problem found in the plan's targets.yaml and actuals/ files."""
    problems: list[Problem] = []
    if plan.directory is not None:
        problems.extend(read_plan(plan.directory, bundled=plan.bundled)[1])
    problems.extend(read_actuals(plan)[1])
    return problems
