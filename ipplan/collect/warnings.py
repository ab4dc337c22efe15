"""What `ipplan check` would flag in returned figures, beside each figure.

The rules are check's own (:func:`ipplan.analysis.check.check_plan`), run on the recorded figures
with the returned ones in place; a finding is put beside every returned figure it
concerns:

* ``check.stock_drop``, ``check.yoy_mismatch``: the figure of the period flagged, or the
  one before it (``prev_period``), in the same unit;
* ``check.components_sum``: the total, or any of its parts, of the same period and unit;
* ``check.derived_mismatch``: the published figure;
* ``check.region_actuals_sum``: every unit's figure that is part of the parent's sum.

``check.region_units_missing`` is left out: while returns come in, units missing is
the normal state (`ipplan collect status` shows it).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from ipplan.analysis.check import check_plan
from ipplan.core.errors import Problem
from ipplan.core.model import Observation, Plan
from ipplan.data.store import region_key

Observations = Mapping[str, Sequence[Observation]]
Key = tuple[str, str, str]  # indicator, period, region ("" for the plan's own)
RULES = ("check.stock_drop", "check.yoy_mismatch", "check.components_sum",
         "check.derived_mismatch", "check.region_actuals_sum")  # fmt: skip


def obs_key(plan: Plan, obs: Observation) -> Key:
    return (obs.indicator, str(obs.period), region_key(plan, obs.region))


def merged(
    plan: Plan, observations: Observations, figures: Sequence[Observation]
) -> dict[str, list[Observation]]:
    """The recorded figures with ``figures`` in place of those of the same key."""
    new = {obs_key(plan, o) for o in figures}
    result = {
        k: [o for o in rows if obs_key(plan, o) not in new] for k, rows in observations.items()
    }
    for obs in figures:
        result.setdefault(obs.indicator, []).append(obs)
    return result


def _parent(plan: Plan, region: str) -> str:
    for r in plan.regions:
        if r.name == region:
            return r.parent or plan.meta.region
    return plan.meta.region


def find_warnings(
    plan: Plan, observations: Observations, figures: Sequence[Observation], today: date
) -> dict[Key, list[Problem]]:
    """Findings of check's rules that concern ``figures``, by the figure's key."""
    if not figures:
        return {}
    everything = merged(plan, observations, figures)
    at = {(o.file, o.line, str(o.period), o.indicator): o for rows in everything.values()
          for o in rows}  # fmt: skip
    by_place: dict[tuple[str | None, int | None, str], list[Observation]] = {}
    for rows in everything.values():
        for o in rows:
            by_place.setdefault((o.file, o.line, str(o.period)), []).append(o)
    mine = {obs_key(plan, o) for o in figures}
    found: dict[Key, list[Problem]] = {}

    def put(key: Key, problem: Problem) -> None:
        if key in mine and problem not in found.get(key, []):
            found.setdefault(key, []).append(problem)

    for problem in check_plan(plan, everything, today):
        if problem.code not in RULES:
            continue
        period = str(problem.params.get("period", ""))
        ident = str(problem.params.get("id", ""))
        subject = at.get((problem.file, problem.line, period, ident))
        if subject is None:
            candidates = by_place.get((problem.file, problem.line, period), [])
            subject = candidates[0] if len(candidates) == 1 else None
        if subject is None:
            continue
        region = region_key(plan, subject.region)
        put(obs_key(plan, subject), problem)
        if problem.code in ("check.stock_drop", "check.yoy_mismatch"):
            put((subject.indicator, str(problem.params.get("prev_period")), region), problem)
        elif problem.code == "check.components_sum":
            ind = plan.get(subject.indicator)
            for part in ind.components if ind else ():
                put((part, period, region), problem)
        elif problem.code == "check.region_actuals_sum":
            for key in mine:
                unit = key[2] or plan.meta.region
                if key[:2] == (subject.indicator, period) and _parent(plan, unit) == (
                    subject.region or plan.meta.region
                ):
                    put(key, problem)
    return found
