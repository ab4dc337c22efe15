"""The region rules of `ipplan check` (formats.md "`ipplan check`: findings").

* ``check.region_undeclared`` (error): a unit given a target that is not in ``regions:``
  (when the list is given): most often a typo (曾都 for 曾都区), which would leave the real
  unit without its target.
* ``check.region_unlisted`` (warning): a row of actuals names a region that is neither
  the plan's nor in ``regions:`` (when the list is given); the first row per file and name.
* ``check.region_targets_sum`` (warning): the targets of the units under a parent do not
  add up to the parent's target. Only for figures that add up: stocks and flows with a
  level or cumulative target, not derived ratios or percentages. Only when every unit
  under the parent has a target. Rounding is allowed: half a unit of the last decimal of
  every figure (333 + 333 + 333 against 1000 passes: off by 1, allowed 4 × 0.5 = 2).
* ``check.region_actuals_sum`` (warning): for a period the parent has a figure for and
  every unit under it has one too, the units' figures do not add up to the parent's
  (exact for whole numbers; otherwise within half a unit of each figure's last decimal,
  as for ``components``).
* ``check.region_units_missing`` (warning): for such a period some units have a figure
  and others none, so the sum cannot be checked.

Both sums need the units of a parent to be known: they run only when targets.yaml has a
``regions:`` list, over the units it declares (a unit missing from actuals is otherwise
indistinguishable from a unit that does not exist, and a misspelt name from a unit).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence

from ipplan.core.errors import Problem
from ipplan.core.i18n import Listing
from ipplan.core.model import Indicator, Observation, Plan
from ipplan.data.units import Unit, closest_units, unit_value
from ipplan.present.fmt import figure, places

Observations = Mapping[str, Sequence[Observation]]
ColumnOf = Callable[[str | None, str], int | None]
NOT_ADDITIVE_UNITS = ("%", "‰", "％")


def check_regions(plan: Plan, observations: Observations, column_of: ColumnOf) -> list[Problem]:
    found = _undeclared(plan)
    if not plan.regions_declared:
        return found
    found += _unlisted_rows(plan, observations, column_of)
    children: dict[str, list[Unit]] = defaultdict(list)
    for region in plan.regions:  # the declared units only: a typo must not count as a unit
        parent = region.parent or plan.meta.region
        children[parent].append(Unit(region.name, parent, region.code))
    for ind in plan.indicators:
        if not additive(ind):
            continue
        found += _targets_sum(plan, ind, children)
        found += _actuals_sum(plan, ind, observations.get(ind.id, ()), children, column_of)
    return found


def additive(ind: Indicator) -> bool:
    """Whether the units' figures of an indicator add up to their parent's."""
    return ind.kind in ("stock", "flow") and ind.unit.strip() not in NOT_ADDITIVE_UNITS


def _undeclared(plan: Plan) -> list[Problem]:
    if not plan.regions_declared:
        return []
    declared = [r.name for r in plan.regions]
    found = []
    for ut in plan.unit_targets:
        if ut.region in declared:
            continue
        close = closest_units(ut.region, declared)
        params = {"name": ut.region, "id": ut.indicator, "close": Listing.of(close)}
        found.append(Problem("check.region_undeclared", params, ut.file, ut.line, ut.column))
    return found


def _unlisted_rows(plan: Plan, observations: Observations, column_of: ColumnOf) -> list[Problem]:
    """The first row of each file naming a region that is neither the plan's nor listed."""
    declared = [r.name for r in plan.regions]
    known = {plan.meta.region, *declared}
    found = []
    seen: set[tuple[str | None, str]] = set()
    for rows in observations.values():
        for o in rows:
            if not o.region or o.region in known or (o.file, o.region) in seen:
                continue
            seen.add((o.file, o.region))
            params = {
                "name": o.region,
                "close": Listing.of(closest_units(o.region, declared)),
            }
            column = column_of(o.file, "region")
            found.append(
                Problem("check.region_unlisted", params, o.file, o.line, column, "warning")
            )
    return found


def _half(value: float) -> float:
    return 0.5 * 10.0 ** -places(value)


def _names(ind: Indicator) -> dict[str, str]:
    """The indicator as messages name it: Chinese name, English name (else the id)."""
    return {"id": ind.id, "name": ind.name, "name_en": ind.name_en or ind.id}


def _targets_sum(plan: Plan, ind: Indicator, children: Mapping[str, list[Unit]]) -> list[Problem]:
    target = ind.target
    if target is None or target.type == "growth" or target.value is None:
        return []
    found = []
    for parent, units in children.items():
        if parent == plan.meta.region:
            whole, line, column = target.value, ind.line, None
            file = str(plan.directory / "targets.yaml") if plan.directory else None
        else:
            own = unit_value(plan, ind.id, parent)
            if own is None:
                continue
            whole, file, line, column = own.value, own.file, own.line, own.column
        parts = [unit_value(plan, ind.id, u.name) for u in units]
        if not parts or any(p is None for p in parts):
            continue
        values = [p.value for p in parts if p is not None]
        total = sum(values)
        allowed = sum(_half(v) for v in [whole, *values])
        diff = total - whole
        if abs(diff) <= allowed + 1e-9 * max(1.0, abs(whole)):
            continue
        listed = " + ".join(f"{u.name} {figure(v)}" for u, v in zip(units, values, strict=True))
        params = {**_names(ind), "parent": parent, "sum": figure(total),
                  "target": figure(whole), "diff": f"{'+' if diff > 0 else ''}{figure(diff)}",
                  "units": listed}  # fmt: skip
        found.append(Problem("check.region_targets_sum", params, file, line, column, "warning"))
    return found


def _actuals_sum(
    plan: Plan, ind: Indicator, rows: Sequence[Observation], children: Mapping[str, list[Unit]],
    column_of: ColumnOf,
) -> list[Problem]:  # fmt: skip
    top = plan.meta.region
    by_key = {((o.region or top), str(o.period)): o for o in rows}
    found = []
    for (region, period), parent_row in sorted(by_key.items()):
        units = children.get(region)
        if not units:
            continue
        got = [by_key.get((u.name, period)) for u in units]
        present = [o for o in got if o is not None]
        if not present:
            continue
        column = column_of(parent_row.file, "value")
        if len(present) < len(units):
            missing = Listing.of(u.name for u, o in zip(units, got, strict=True) if o is None)
            params = {**_names(ind), "parent": region, "period": period,
                      "missing": missing}  # fmt: skip
            found.append(Problem("check.region_units_missing", params, parent_row.file,
                                 parent_row.line, column, "warning"))  # fmt: skip
            continue
        figures = [parent_row.value, *(o.value for o in present)]
        exact = all(float(v).is_integer() for v in figures)
        allowed = 0.0 if exact else sum(_half(v) for v in figures)
        total = sum(o.value for o in present)
        diff = total - parent_row.value
        if abs(diff) <= allowed + 1e-9 * max(1.0, abs(parent_row.value)):
            continue
        params = {**_names(ind), "parent": region, "period": period,
                  "sum": figure(total), "value": figure(parent_row.value),
                  "diff": f"{'+' if diff > 0 else ''}{figure(diff)}"}  # fmt: skip
        found.append(Problem("check.region_actuals_sum", params, parent_row.file,
                             parent_row.line, column, "warning"))  # fmt: skip
    return found
