"""Units under the plan's region and each unit's own target (formats.md "Regions", 目标分解).

A *unit* is a region below the plan's: a county under a city, a city under a province.
Units come from the optional ``regions:`` list of targets.yaml (name, parent, code), from
the regions named in actuals, and from the regions given a target. A unit's own target is
``target.by_region`` in targets.yaml or a row of ``targets_by_region.csv``; its type,
direction and ``from`` are those of the indicator's plan target. A unit without a target
of its own has none: it is monitored (``monitoring``), never judged against the plan
region's target.

:func:`unit_target` and :func:`for_region` are the one place where targets are resolved
per unit; every evaluation goes through them (:func:`ipplan.analysis.evaluate.evaluate_indicator`),
so ``ipplan status --region``, ``show --region``, ``report --region`` and ``ipplan
regions`` agree.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any, Protocol

from ipplan.core.errors import NumberError, Problem
from ipplan.core.model import Indicator, Observation, Plan, Region, Target, UnitTarget
from ipplan.core.numbers import MAX_MAGNITUDE, parse_number

REGION_KEYS = {"name", "parent", "code"}


@dataclass(frozen=True)
class Unit:
    """A region evaluated on its own: the plan's region (``parent`` None) or a unit."""

    name: str
    parent: str | None
    code: str | None = None
    depth: int = 0  # 0 for the plan's region, 1 for the units directly under it, …


# --------------------------------------------------------------------------- targets


def unit_value(plan: Plan, indicator_id: str, region: str) -> UnitTarget | None:
    """The unit target given for (indicator, region), or None."""
    return unit_values(plan).get((indicator_id, region))


def unit_values(plan: Plan) -> dict[tuple[str, str], UnitTarget]:
    """Every unit target given, by (indicator id, region): the first one of each (check
    reports the others); made once per plan (:func:`ipplan.data.plan.read_plan` keeps
    the one :func:`duplicates` made)."""
    cached: dict[tuple[str, str], UnitTarget] | None = plan.__dict__.get("_unit_lookup")
    if cached is None:
        cached = {}
        for ut in plan.unit_targets:
            cached.setdefault((ut.indicator, ut.region), ut)
        keep_unit_values(plan, cached)
    return cached


def keep_unit_values(plan: Plan, values: dict[tuple[str, str], UnitTarget]) -> None:
    """Keep :func:`unit_values` of ``plan`` (``values``: what it would make)."""
    object.__setattr__(plan, "_unit_lookup", values)  # a cache on a frozen record


def is_plan_region(plan: Plan, region: str | None) -> bool:
    return region is None or region in ("", plan.meta.region)


def unit_target(plan: Plan, indicator: Indicator, region: str | None) -> Target | None:
    """The target ``region`` is judged against for ``indicator``.

    The plan's region: the indicator's own target. A unit: its own value under the plan
    target's type, direction and ``from``; None when the plan gives the unit no target.
    """
    if is_plan_region(plan, region):
        return indicator.target
    assert region is not None
    if indicator.target is None:
        return None
    given = unit_value(plan, indicator.id, region)
    if given is None:
        return None
    return replace(indicator.target, value=given.value, source=None, note=None)


def for_region(plan: Plan, indicator: Indicator, region: str | None) -> Indicator:
    """The indicator carrying the target of ``region`` (see unit_target); the same object
    for the plan's region. Used by :func:`ipplan.analysis.evaluate.evaluate_indicator`, so that
    every
    evaluation of a unit (status, show, report, regions) has the unit's own target."""
    if is_plan_region(plan, region) or indicator.target is None:
        return indicator
    return replace(indicator, target=unit_target(plan, indicator, region))


# --------------------------------------------------------------------------- units


def list_units(plan: Plan, observations: Mapping[str, Sequence[Observation]]) -> tuple[Unit, ...]:
    """Every unit, the plan's region first, then the tree depth first.

    Children follow the order of ``regions:``; units not declared there (named only in
    actuals or in targets) are put directly under the plan's region, by name, after the
    declared ones. A declared unit whose parent is unknown comes last, under that parent.
    """
    return units_named(plan, (o.region for rows in observations.values() for o in rows))


def units_named(plan: Plan, regions: Iterable[str | None]) -> tuple[Unit, ...]:
    """:func:`list_units` of observations in ``regions`` (only their regions count); the
    tree made once per plan and set of units (``regions --format json`` asks for it for
    each indicator's file: 3,000 units and 52,200 targets each time was a tenth of its
    CPU)."""
    top = plan.meta.region
    declared, from_targets = _named(plan)
    extra = set(from_targets)
    for region in regions:
        if region and region not in declared and region != top:
            extra.add(region)
    made: dict[frozenset[str], tuple[Unit, ...]] = plan.__dict__.setdefault("_units_named", {})
    wanted = frozenset(extra)
    found = made.get(wanted)
    if found is None:
        if len(made) >= 8:  # a few sets in a run; never grows without bound
            made.clear()
        found = made[wanted] = _tree(top, declared, extra)
    return found


def _named(plan: Plan) -> tuple[dict[str, Region], frozenset[str]]:
    """The declared units by name, and the units named only by a unit target; once per
    plan (a cache on the frozen record)."""
    found: tuple[dict[str, Region], frozenset[str]] | None = plan.__dict__.get("_named")
    if found is None:
        top = plan.meta.region
        declared = {r.name: r for r in plan.regions if r.name != top}
        targets = {ut.region for ut in plan.unit_targets}
        found = declared, frozenset(r for r in targets if r != top and r not in declared)
        object.__setattr__(plan, "_named", found)
    return found


def _tree(top: str, declared: dict[str, Region], extra: set[str]) -> tuple[Unit, ...]:
    children: dict[str, list[Unit]] = {}
    for r in declared.values():
        parent = r.parent or top
        children.setdefault(parent, []).append(Unit(r.name, parent, r.code))
    for name in sorted(extra):
        children.setdefault(top, []).append(Unit(name, top))
    result = [Unit(top, None)]
    placed = {top}
    stack = [(child, 1) for child in reversed(children.get(top, []))]
    while stack:
        unit, depth = stack.pop()
        if unit.name in placed:
            continue
        placed.add(unit.name)
        result.append(replace(unit, depth=depth))
        stack.extend((child, depth + 1) for child in reversed(children.get(unit.name, [])))
    for units in children.values():
        result.extend(replace(u, depth=1) for u in units if u.name not in placed)
    return tuple(result)


def check_declared(plan: Plan, region: str | None) -> None:
    """For commands that write (``record``/``import --region``): when targets.yaml lists
    ``regions:``, a region must be the plan's or one of them, else a UsageError naming the
    closest (a typo would otherwise start a new unit). Without the list any name goes."""
    if not plan.regions_declared or region is None or is_plan_region(plan, region.strip()):
        return
    from ipplan.core.errors import UsageError
    from ipplan.core.i18n import Listing

    names = [plan.meta.region, *(r.name for r in plan.regions)]
    if region.strip() in names:
        return
    close = closest_units(region.strip(), names)
    if close:
        raise UsageError("cli.unknown_unit", value=region, close=Listing.of(close),
                         known=Listing.of(names, most=20))  # fmt: skip
    raise UsageError("cli.unknown_region", value=region, known=Listing.of(names, most=20))


def unit_names(plan: Plan, observations: Mapping[str, Sequence[Observation]]) -> list[str]:
    return [u.name for u in list_units(plan, observations)]


def closest_units(name: str, names: Iterable[str], n: int = 3) -> list[str]:
    """The names closest to ``name``: those containing it (广水 → 广水市) first, then the
    ones difflib finds similar."""
    import difflib

    from ipplan.core.lookup import normalise

    key = normalise(name)
    pool = list(dict.fromkeys(names))
    found = [u for u in pool if key and (key in normalise(u) or normalise(u) in key)]
    found += difflib.get_close_matches(name, pool, n=n * 2, cutoff=0.4)
    return list(dict.fromkeys(found))[:n]


# --------------------------------------------------------------------------- reading YAML


class Reader(Protocol):
    """What the targets.yaml reader offers (ipplan.data.plan._Reader)."""

    file: str

    def add(
        self, code: str, path: tuple[str | int, ...], *, warning: bool = False, **params: Any
    ) -> None: ...

    def position(self, path: tuple[str | int, ...]) -> tuple[int | None, int | None]: ...


def read_regions(reader: Reader, raw: Any, top: str | None) -> tuple[Region, ...]:
    """The ``regions:`` list: items ``{name, parent, code}`` (or a bare name)."""
    path: tuple[str | int, ...] = ("regions",)
    if raw is None:
        return ()
    if not isinstance(raw, list):
        reader.add("plan.bad_type", path, key="regions", expected="list")
        return ()
    found: dict[str, Region] = {}
    for i, item in enumerate(raw):
        where = (*path, i)
        if isinstance(item, (str, int)) and not isinstance(item, bool):
            item = {"name": item}
        if not isinstance(item, Mapping):
            reader.add("plan.bad_type", where, key=f"regions[{i + 1}]", expected="mapping")
            continue
        for key in item:
            if str(key) not in REGION_KEYS:
                reader.add("plan.unknown_key", (*where, str(key), "<key>"), warning=True,
                           key=key, allowed=", ".join(sorted(REGION_KEYS)))  # fmt: skip
        name = _text(item.get("name"))
        if name is None:
            reader.add("plan.missing_key", where, key="name")
            continue
        if name == top:
            reader.add("regions.is_plan_region", (*where, "name"), name=name)
            continue
        if name in found:
            reader.add("regions.duplicate", (*where, "name"), name=name,
                       first=found[name].line or "?")  # fmt: skip
            continue
        line, _ = reader.position(where)
        parent = _text(item.get("parent"))
        found[name] = Region(name, None if parent == top else parent, _text(item.get("code")), line)
    for region in found.values():
        if region.parent is not None and region.parent not in found:
            reader.add("regions.unknown_parent", ("regions", _index(raw, region.name), "parent"),
                       name=region.name, parent=region.parent, top=top or "")  # fmt: skip
        elif _in_cycle(found, region.name):
            reader.add("regions.cycle", ("regions", _index(raw, region.name), "parent"),
                       name=region.name)  # fmt: skip
    return tuple(found.values())


def _index(raw: list[Any], name: str) -> int:
    for i, item in enumerate(raw):
        got = item.get("name") if isinstance(item, Mapping) else item
        if _text(got) == name:
            return i
    return 0


def _in_cycle(found: Mapping[str, Region], name: str) -> bool:
    seen = {name}
    parent = found[name].parent
    while parent is not None and parent in found:
        if parent in seen:
            return True
        seen.add(parent)
        parent = found[parent].parent
    return False


def _text(value: Any) -> str | None:
    if value is None or isinstance(value, (dict, list, bool)):
        return None
    text = str(value).strip()
    return text or None


def read_by_region(
    reader: Reader, raw: Any, path: tuple[str | int, ...], indicator: str, target: Target,
    top: str | None,
) -> list[UnitTarget]:  # fmt: skip
    """``target.by_region``: unit name → the unit's own target value."""
    where = (*path, "by_region")
    if raw is None:
        return []
    if not isinstance(raw, Mapping):
        reader.add("plan.bad_type", where, key="by_region", expected="mapping")
        return []
    if target.type == "growth":
        reader.add("regions.growth_by_region", (*where, "<key>"), id=indicator)
        return []
    found: list[UnitTarget] = []
    for key, value in raw.items():
        name = _text(key)
        at = (*where, str(key))
        if name is None:
            reader.add("plan.bad_type", (*at, "<key>"), key="by_region", expected="text")
            continue
        if name == top:
            reader.add("regions.plan_region_target", (*at, "<key>"), name=name, id=indicator)
            continue
        number = _number(value)
        if number is None:
            reader.add("regions.bad_value", at, name=name, id=indicator, value=value)
            continue
        line, column = reader.position(at)
        found.append(UnitTarget(indicator, name, number, reader.file, line, column))
    return found


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, (int, float)):
        if value != value or not abs(value) <= MAX_MAGNITUDE:
            return None
        return float(value)
    if isinstance(value, str):
        try:
            return parse_number(value)
        except NumberError:
            return None
    return None


def duplicates(
    given: Sequence[UnitTarget],
) -> tuple[dict[tuple[str, str], UnitTarget], list[Problem]]:
    """Keep the first target of each (indicator, unit), by (indicator id, region) as
    :func:`unit_values` has them; the later ones are errors."""
    first: dict[tuple[str, str], UnitTarget] = {}
    problems: list[Problem] = []
    for ut in given:
        key = (ut.indicator, ut.region)
        if key in first:
            was = first[key]
            where = f"{_short(was.file)}:{was.line}" if was.line else _short(was.file)
            problems.append(Problem("regions.duplicate_target",
                                    {"id": ut.indicator, "name": ut.region, "first": where},
                                    ut.file, ut.line, ut.column))  # fmt: skip
        else:
            first[key] = ut
    return first, problems


def _short(file: str | None) -> str:
    from pathlib import Path

    return Path(file).name if file else "?"
