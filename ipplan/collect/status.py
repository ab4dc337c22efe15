"""Who has returned what: `ipplan collect status` and the gaps a report names.

:func:`collect_status` gives, for one period, each unit × indicator as received, received
with warnings (what `check` would flag: :mod:`ipplan.collect.warnings`) or missing, the
units that have nothing first. :func:`missing_by_unit` gives, for a report, each unit's
indicators without a figure for a period as known on a date.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from ipplan.analysis.series import is_visible
from ipplan.collect.make import collectable
from ipplan.collect.warnings import find_warnings, obs_key
from ipplan.core.errors import Problem
from ipplan.core.model import Indicator, Observation, Plan
from ipplan.core.periods import Period
from ipplan.data.units import is_plan_region, unit_names

Observations = Mapping[str, Sequence[Observation]]


class Return(StrEnum):
    """The state of one unit's figure for one indicator and period."""

    received = "received"
    warned = "warned"  # received, with something `check` would flag
    missing = "missing"


@dataclass(frozen=True)
class UnitReturn:
    """One unit's row: the state and warnings of each indicator, in plan order."""

    unit: str
    states: tuple[tuple[Indicator, Return], ...]
    warnings: tuple[Problem, ...] = ()

    def count(self, *states: Return) -> int:
        return sum(1 for _, s in self.states if s in states)

    @property
    def received(self) -> int:
        return self.count(Return.received, Return.warned)

    @property
    def missing(self) -> tuple[Indicator, ...]:
        return tuple(ind for ind, s in self.states if s is Return.missing)


def _units(plan: Plan, observations: Observations) -> list[str]:
    return [n for n in unit_names(plan, observations) if not is_plan_region(plan, n)]


def collect_status(
    plan: Plan,
    observations: Observations,
    period: Period,
    today: date,
    indicators: Sequence[Indicator] | None = None,
    units: Sequence[str] | None = None,
) -> list[UnitReturn]:
    """Every unit's returns for ``period``: units with nothing received first, then the
    others in the plan's order."""
    wanted = list(indicators) if indicators is not None else collectable(plan)
    names = list(units) if units is not None else _units(plan, observations)
    have = {
        obs_key(plan, o): o
        for ind in wanted
        for o in observations.get(ind.id, ())
        if o.period == period and o.region in names
    }
    warnings = find_warnings(plan, observations, list(have.values()), today)
    rows = []
    for unit in names:
        states = []
        found: list[Problem] = []
        for ind in wanted:
            key = (ind.id, str(period), unit)
            if key not in have:
                states.append((ind, Return.missing))
            elif warnings.get(key):
                states.append((ind, Return.warned))
                found += [p for p in warnings[key] if p not in found]
            else:
                states.append((ind, Return.received))
        rows.append(UnitReturn(unit, tuple(states), tuple(found)))
    return sorted(rows, key=lambda r: r.received > 0)  # stable: plan order within each


def last_closed_year(as_of: date) -> Period:
    """The last whole year that has ended on ``as_of``: 2025 on 2025-12-31, 2024 on 2025-06-30."""
    return Period(as_of.year if (as_of.month, as_of.day) == (12, 31) else as_of.year - 1, "Y", 0)


def missing_by_unit(
    plan: Plan,
    observations: Observations,
    as_of: date,
    period: Period | None = None,
    indicators: Sequence[Indicator] | None = None,
) -> list[tuple[str, tuple[Indicator, ...]]]:
    """For a report: each unit that had not reported every indicator for ``period`` by
    ``as_of`` (figures published later, or periods ending later, are not known then), with
    the indicators it lacks, in the plan's order. ``period`` defaults to the last whole
    year ended by ``as_of`` (:func:`last_closed_year`); a period still running on
    ``as_of`` is not due, and gives an empty list. Units that reported everything are left
    out."""
    period = period or last_closed_year(as_of)
    if period.end > as_of:
        return []
    wanted = list(indicators) if indicators is not None else collectable(plan)
    known = {
        obs_key(plan, o)
        for ind in wanted
        for o in observations.get(ind.id, ())
        if o.period == period and is_visible(o, as_of)
    }
    gaps = []
    for unit in _units(plan, observations):
        lacking = tuple(ind for ind in wanted if (ind.id, str(period), unit) not in known)
        if lacking:
            gaps.append((unit, lacking))
    return gaps
