"""The data-quality notes of a report: the findings of ``ipplan check``."""

from __future__ import annotations

from ipplan.analysis.check import run_checks
from ipplan.core.errors import Problem
from ipplan.core.model import Plan


def quality_problems(plan: Plan) -> list[Problem]:
    """Every finding of ``ipplan check`` in the plan's folder (future periods judged against
    the real today, not the report's as-of date: figures after as-of are legitimately there)."""
    if plan.directory is None:
        return []
    return run_checks(plan.directory)
