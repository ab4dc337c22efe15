"""`ipplan collect make`: which workbooks to write, and writing them all or none.

:func:`make_forms` decides what each unit is asked (:class:`~ipplan.collect.layout.Form`);
:func:`write_forms` writes one XLSX per form into a folder (:mod:`ipplan.collect.workbook`),
all at once through :func:`ipplan.data.atomic.replace_all`, refusing to overwrite a file.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from pathlib import Path

from ipplan.collect.layout import Form, Row, file_name, history
from ipplan.core.errors import PlanError, Problem, UsageError
from ipplan.core.i18n import Lang, Listing
from ipplan.core.lookup import find_indicator, unknown_indicator
from ipplan.core.model import Indicator, Observation, Plan
from ipplan.core.periods import Period
from ipplan.data.units import closest_units, is_plan_region, unit_names, unit_value

Observations = Mapping[str, Sequence[Observation]]
HISTORY = 3  # earlier periods shown, pre-filled and locked


def collectable(plan: Plan) -> list[Indicator]:
    """The indicators a unit is asked for: every one but the derived (computed) ones."""
    return [ind for ind in plan.indicators if ind.kind != "derived"]


def pick_indicators(plan: Plan, wanted: Sequence[str]) -> list[Indicator]:
    """The indicators named (id or name), in plan order; all collectable ones by default."""
    if not wanted:
        return collectable(plan)
    problems: list[Problem] = []
    found: list[Indicator] = []
    for text in wanted:
        ind = find_indicator(plan, text)
        if ind is None:
            problems.append(unknown_indicator(plan, text))
        elif ind.kind == "derived":
            problems.append(Problem("collect.derived", {"id": ind.id, "name": ind.name}))
        elif ind not in found:
            found.append(ind)
    if problems:
        raise UsageError(problems=problems)
    return [ind for ind in plan.indicators if ind in found]


def pick_units(
    plan: Plan, observations: Observations, region: str | None, every: bool
) -> list[str]:
    """``--region NAME`` or ``--all`` (every unit under the plan's region, in plan order)."""
    if (region is None) == (not every):
        raise UsageError("collect.units_option")
    names = [n for n in unit_names(plan, observations) if not is_plan_region(plan, n)]
    if every:
        if not names:
            raise PlanError("collect.no_units", region=plan.meta.region)
        return names
    assert region is not None
    if region not in names:
        close = Listing.of(closest_units(region, names))
        raise UsageError("collect.unknown_unit", value=region, close=close,
                         known=Listing.of(names))  # fmt: skip
    return [region]


def make_forms(
    plan: Plan,
    observations: Observations,
    period: Period,
    units: Sequence[str],
    indicators: Sequence[Indicator],
    *,
    due: date | None = None,
    made: date | None = None,
    count: int = HISTORY,
) -> list[Form]:
    """One form per unit: the earlier ``count`` periods with the unit's figures, its targets."""
    shown = history(period, count)
    forms = []
    for unit in units:
        rows = []
        for ind in indicators:
            known = {
                o.period: o
                for o in observations.get(ind.id, ())
                if o.region == unit and o.period in shown
            }
            given = unit_value(plan, ind.id, unit) if ind.target is not None else None
            rows.append(Row(ind, known, given.value if given is not None else None))
        forms.append(Form(plan, unit, period, shown, tuple(rows), due, made))
    return forms


def write_forms(forms: Sequence[Form], folder: Path, lang: Lang = Lang.ZH) -> list[Path]:
    """Write every form's workbook into ``folder`` (made if missing): all or none."""
    from ipplan.collect.workbook import workbook_bytes
    from ipplan.data.atomic import Pending, replace_all

    paths = [folder / file_name(f.unit, f.period, lang) for f in forms]
    taken = [p for p in paths if p.exists()]
    if taken:
        raise UsageError(problems=[Problem("collect.exists", {"path": str(p)}) for p in taken])
    if len(set(paths)) < len(paths):
        raise UsageError("collect.same_file", path=str(paths[0].parent))
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UsageError("cli.output_failed", path=str(folder),
                         reason=exc.strerror or str(exc)) from None  # fmt: skip
    pending = [Pending(p, workbook_bytes(f, lang), None) for f, p in zip(forms, paths, strict=True)]
    replace_all(pending)
    return paths
