"""Every unit at once, each against its own targets (目标分解), and their ranking.

:func:`evaluate_regions` is the one entry point: it gives, for each unit, exactly the
:class:`~ipplan.analysis.evaluate.PlanEvaluation` that ``ipplan status --region UNIT`` gives (both
resolve targets through :mod:`ipplan.data.units`). It is deliberately simple so that a faster
engine (``ipplan.engine``) can replace its inside without changing what it returns.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from ipplan.analysis.evaluate import Evaluation, PlanEvaluation, evaluate_plan
from ipplan.core.model import Observation, Plan, Status
from ipplan.data.units import Unit, list_units

if TYPE_CHECKING:
    from ipplan.engine.load import Table

Observations = Mapping[str, Sequence[Observation]]


def evaluate_regions(
    plan: Plan,
    observations: Observations,
    as_of: date,
    units: Sequence[str] | None = None,
    method: str = "auto",
    table: Table | None = None,
) -> tuple[PlanEvaluation, ...]:
    """One PlanEvaluation per unit, in the order of ``units``.

    ``plan``: a loaded plan; ``observations``: indicator id → its rows (as
    :func:`ipplan.data.actuals.load_actuals` returns them); ``as_of``: what was known on that
    date; ``units``: region names, default every unit of :func:`ipplan.data.units.list_units`
    (the plan's region first, then the units grouped under their parents); ``method``:
    the projection shown (``auto``, ``linear``, ``cagr``, ``weighted``).

    For every name X, the result equals ``evaluate_plan(plan, observations, as_of, X,
    method)``. A name with no rows and no target gives an evaluation whose indicators are
    all without data; it is the caller's business to refuse unknown names.
    """
    names = list(units) if units is not None else [u.name for u in list_units(plan, observations)]
    if table is not None:  # the actuals as columns (a large plan): every unit at once
        from ipplan.engine import no_cycle_collection
        from ipplan.engine.units import evaluate_units

        with no_cycle_collection():
            found = evaluate_units(plan, as_of, names, method, table=table)
        return tuple(found[name] for name in names)
    parts = _by_region(plan, observations)
    return tuple(evaluate_plan(plan, parts.get(name, {}), as_of, name, method) for name in names)


def _by_region(plan: Plan, observations: Observations) -> dict[str, dict[str, list[Observation]]]:
    """Rows split by region once (the plan's own under its name), so that each unit's
    evaluation sees only its own rows instead of filtering every row again."""
    top = plan.meta.region
    parts: dict[str, dict[str, list[Observation]]] = {}
    for indicator_id, rows in observations.items():
        for o in rows:
            parts.setdefault(o.region or top, {}).setdefault(indicator_id, []).append(o)
    return parts


# --------------------------------------------------------------------------- ranking


@dataclass(frozen=True)
class Ranked:
    """A unit's place on one indicator (None when it has no target there)."""

    unit: Unit
    result: PlanEvaluation
    evaluation: Evaluation | None
    rank: int | None


def _key(ev: Evaluation | None) -> tuple[int, float, float] | None:
    """Order on one indicator: achieved first (by attainment), then by growth ratio, ties
    by attainment; then units with a target but no ratio (by attainment); None without a
    target. Larger is better in every place, hence the minus signs."""
    if ev is None or ev.indicator.target is None:
        return None
    att = ev.attainment if ev.attainment is not None else float("-inf")
    if ev.status == "achieved":
        return (0, 0.0, -att)
    if ev.growth_ratio is not None:
        return (1, -ev.growth_ratio, -att)
    return (2, 0.0, -att)


def rank_units(
    units: Sequence[Unit], results: Sequence[PlanEvaluation], indicator_id: str
) -> list[Ranked]:
    """The units ordered by rank on one indicator, each level (depth) ranked on its own.

    The plan's region stays first, unranked; then each level in turn (units directly
    under the plan's region, then their units, …). Equal keys share a rank (1, 2, 2, 4);
    units without a target on the indicator come last in their level, unranked, in their
    usual order.
    """
    by_name = {r.region: r for r in results}
    rows = []
    for unit in units:
        result = by_name[unit.name]
        ev = next((e for e in result.evaluations if e.indicator.id == indicator_id), None)
        rows.append((unit, result, ev))
    ordered: list[Ranked] = []
    for depth in sorted({u.depth for u in units}):
        level = [row for row in rows if row[0].depth == depth]
        if depth == 0:
            ordered += [Ranked(u, r, e, None) for u, r, e in level]
            continue
        keyed = [(k, row) for row in level if (k := _key(row[2])) is not None]
        keyed.sort(key=lambda item: item[0])
        previous: tuple[int, float, float] | None = None
        rank = 0
        for i, (key, (u, r, e)) in enumerate(keyed, start=1):
            if key != previous:
                rank, previous = i, key
            ordered.append(Ranked(u, r, e, rank))
        ordered += [Ranked(u, r, e, None) for u, r, e in level if _key(e) is None]
    return ordered


def region_rows(
    units: Sequence[Unit], results: Sequence[PlanEvaluation], indicator_id: str | None = None
) -> list[Ranked]:
    """What `ipplan regions` shows: the units in their order, or ranked on one indicator."""
    if indicator_id is not None:
        return rank_units(units, results, indicator_id)
    by_name = {r.region: r for r in results}
    return [Ranked(u, by_name[u.name], None, None) for u in units]


def targeted(rows: Sequence[Ranked]) -> list[str]:
    """Ids of the indicators that have a target for at least one of the rows, plan order."""
    found: set[str] = set()
    for row in rows:
        found.update(e.indicator.id for e in row.result.evaluations if e.indicator.target)
    plan = rows[0].result.plan if rows else None
    return [i for i in plan.ids if i in found] if plan else []


LAGGING: tuple[Status, ...] = (Status.behind, Status.off_track, Status.moving_away, Status.missed)


def lagging(rows: Sequence[Ranked], ids: Sequence[str]) -> list[tuple[Ranked, list[Evaluation]]]:
    """The units behind on any of the targets ``ids`` (需加快, 严重滞后, 倒退, 未完成), each with
    the evaluations it lags on, in the order of ``rows`` (for the verdict of a report)."""
    found = []
    for row in rows:
        behind = [
            e
            for e in row.result.evaluations
            if e.indicator.id in ids and e.indicator.target is not None and e.status in LAGGING
        ]
        if behind:
            found.append((row, sorted(behind, key=lambda e: list(ids).index(e.indicator.id))))
    return found
