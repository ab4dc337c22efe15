"""``ipplan regions --format json`` of a large plan in two processes from its reading on
(issue 9).

The work is shared out an indicator at a time (with every indicator its formula names, and
their actuals files: an item), as each process becomes free: a forked child
(:class:`ipplan.engine.fork.Child`, made once the plan is read) and this process take the
next item from a pipe holding them all, costliest first (:func:`_order`), read its files
and write the JSON object of each of its indicators for every unit it knows, as UTF-8
(:func:`ipplan.render.regions_json.indicator_objects_utf8`). No columns cross between the
processes, only that text; this process puts each unit's entry together
(:func:`ipplan.render.regions_json.assemble_utf8`). Taking items as they come balances the
two (indicators cost more or less: flows more than stocks; a core may be slower) where
halves fixed in advance did not. The text is the one of one process:

- a unit's object for an indicator depends only on the unit's own rows of that indicator
  and of those its formula names, and the plan;
- a unit that an item does not know (no rows in its files) gets its no-data objects here;
- the problems are those of ``read_table``, in the same (file) order, and its errors are
  raised.

A child that fails, dies or is stuck gives None: the caller then reads everything again in
the one-table path, so the output is always the same.
"""

from __future__ import annotations

import os
import pickle
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ipplan.core.errors import DataError, Problem
from ipplan.core.model import Indicator, Plan
from ipplan.data.units import Unit, unit_values, units_named

if TYPE_CHECKING:
    from ipplan.engine.load import Table

Files = Sequence[tuple[Path, Indicator]]
Item = tuple[list[int], list[str]]  # files (places in the plan's list) and indicator ids


def items(plan: Plan, files: Files) -> list[Item]:
    """The work: each indicator with every indicator its formula names (and those that
    name them: a family), and their files; in the plan's order."""
    from ipplan.engine.units import closure

    family: dict[str, int] = {}  # indicator id → its item
    groups: list[set[str]] = []
    for ind in plan.indicators:
        ids = set(closure(plan, ind))
        joined = sorted({family[i] for i in ids if i in family})
        if joined:  # one item for all of them
            keep = joined[0]
            for other in joined[1:]:
                groups[keep] |= groups[other]
                groups[other] = set()
            groups[keep] |= ids
        else:
            keep = len(groups)
            groups.append(ids)
        for i in groups[keep]:
            family[i] = keep
    order = {ind.id: n for n, ind in enumerate(plan.indicators)}
    found = []
    for group in groups:
        if not group:
            continue
        named = sorted((i for i in group if i in order), key=order.__getitem__)
        where = [n for n, (_, ind) in enumerate(files) if ind.id in group]
        found.append((where, named))
    return found


@dataclass
class Done:
    """What one process made of the items it took: their problems (with each file's
    place, for the order of ``read_table``), the regions of their rows, and for each item
    the units it knows and its indicators' objects."""

    problems: list[tuple[int, Problem]] = field(default_factory=list)
    regions: set[str] = field(default_factory=set)
    made: list[tuple[list[str], dict[str, tuple[list[bytes], list[bool]]]]] = field(
        default_factory=list
    )
    errors: bool = False


MOST_ITEMS = 2048  # 2 bytes each: what the smallest pipe holds (4 kB) before anyone reads


def json_pieces(
    plan: Plan, day: date, problems: list[Problem], few: int = 0
) -> tuple[list[bytes] | None, int]:
    """The entries of every unit, and how many units, as UTF-8 pieces (the text of
    :func:`ipplan.render.regions_json.unit_entries` of every unit, in
    :func:`ipplan.data.units.list_units` order), the problems of reading added to
    ``problems``; DataError with every error of the files, in order. None when the work
    cannot be shared (fewer than two items, more than :data:`MOST_ITEMS`, no fork), the
    child failed, or there are no more than ``few`` units (the caller writes few units
    another way): nothing was added then. The plan's read lock
    (:class:`ipplan.data.journal.ReadLock`) is held until the child has answered: every
    item is read as one reading."""
    from ipplan.data.actuals import plan_files
    from ipplan.data.journal import ReadLock
    from ipplan.engine import fork

    directory = plan.directory
    if not fork.allowed() or directory is None:
        return None, 0
    lock = ReadLock(directory)
    claims = -1
    child = None
    try:
        files, found = plan_files(plan)
        work = items(plan, files)
        if not 2 <= len(work) <= MOST_ITEMS:
            return None, 0
        order = _order(files, work)
        claims, write_end = os.pipe()
        try:
            os.write(write_end, b"".join(k.to_bytes(2, "big") for k in order))
        finally:
            os.close(write_end)  # the items end where the pipe does
        unit_values(plan)  # made once, before the fork: not in each process
        pipe = claims
        child = fork.Child(lambda: _part(plan, day, files, work, pipe))
        if not child.pid:  # no child could be made: the one-table path
            return None, 0
        mine = _take(plan, day, files, work, claims)
        data = child.in_time()
        if not lock.release() or data is None:  # a first writer came meanwhile, or no answer
            return None, 0
    finally:
        if child is not None:
            child.stop()  # when it is still there (an error, an interrupt)
        lock.release()
        if claims >= 0:
            os.close(claims)
    theirs: Done = pickle.loads(data)
    del data
    every = sorted([*mine.problems, *theirs.problems], key=lambda pair: pair[0])
    found += [p for _, p in every]
    errors = [p for p in found if p.severity == "error"]
    if errors:
        raise DataError(problems=errors)
    units = units_named(plan, mine.regions | theirs.regions)
    if len(units) <= few:
        return None, 0
    problems += found
    return _entries(plan, day, units, [*mine.made, *theirs.made]), len(units)


# the work on a file's byte, by its target's type, against a level target's: measured at
# 3,000 units (reading and writing one item, 4 runs: level 240 ms per 7.7 MB file,
# cumulative 280 ms per 7.4 MB, no target 200 ms per 7.4 MB)
WORK_PER_BYTE = {"cumulative": 1.2, None: 0.85}


def _order(files: Files, work: Sequence[Item]) -> list[int]:
    """The items, the costliest first: the last ones taken are small, so that the two
    processes end together."""
    costs = [sum(_cost(*files[n]) for n in where) for where, _ in work]
    return sorted(range(len(work)), key=lambda k: -costs[k])


def _cost(path: Path, indicator: Indicator) -> float:
    """About how long a file takes to read and write (its bytes, weighed by its target)."""
    target = indicator.target
    try:
        size = path.stat().st_size
    except OSError:
        return 0.0
    return size * WORK_PER_BYTE.get(None if target is None else target.type, 1.0)


def _take(plan: Plan, day: date, files: Files, work: list[Item], claims: int) -> Done:
    """Take items from the pipe ``claims`` until there are none: read their files, write
    their indicators' objects for the units each knows (none once an error is found: only
    the problems then)."""
    from ipplan.engine.load import read_files

    done = Done()
    place = {str(path): n for n, (path, _) in enumerate(files)}
    while token := os.read(claims, 2):
        where, ids = work[int.from_bytes(token, "big")]
        table = read_files([files[n] for n in where], plan.meta.region)
        first = where[0] if where else len(files)
        done.problems += [(place.get(p.file or "", first), p) for p in table.problems]
        done.errors = done.errors or not _usable(table)
        if done.errors:
            continue  # only the problems now: nothing will be written
        regions, names = _known(plan, table)
        done.regions.update(regions)
        indicators = [ind for ind in plan.indicators if ind.id in set(ids)]
        done.made.append((names, _objects(plan, day, table, indicators, names)))
    return done


def _usable(table: Table) -> bool:
    return not any(p.severity == "error" for p in table.problems)


def _known(plan: Plan, table: Table) -> tuple[list[str], list[str]]:
    """The regions of the table's rows (what :func:`ipplan.data.units.list_units` looks
    at in ``table.stubs()``, without making the observations) and the units they make."""
    import numpy as np

    seen = np.zeros(len(table.regions), dtype=bool)
    for rows in table.rows.values():
        seen[rows.region] = True
    regions = [name for name, here in zip(table.regions, seen.tolist(), strict=True) if here]
    return regions, [u.name for u in units_named(plan, regions)]


def _objects(
    plan: Plan, day: date, table: Table, indicators: Sequence[Indicator], names: Sequence[str]
) -> dict[str, tuple[list[bytes], list[bool]]]:
    """Each indicator's objects in each unit, as UTF-8."""
    from ipplan.render.regions_json import indicator_objects_utf8

    return indicator_objects_utf8(plan, day, table, indicators, names)


def _part(plan: Plan, day: date, files: Files, work: list[Item], claims: int) -> list[bytes]:
    """In the child: :func:`_take`, pickled for this process."""
    import gc

    gc.disable()  # as engine.no_cycle_collection in this process (the child just exits)
    done = _take(plan, day, files, work, claims)
    return [pickle.dumps(done, protocol=pickle.HIGHEST_PROTOCOL)]


def _entries(
    plan: Plan, day: date, units: Sequence[Unit],
    made: list[tuple[list[str], dict[str, tuple[list[bytes], list[bool]]]]],
) -> list[bytes]:  # fmt: skip
    """Every unit's entry from each item's objects, put in the order of ``units``; the
    units an item does not know (no rows in its files) written here: no data (an empty
    table has no rows either)."""
    from ipplan.engine.load import Table
    from ipplan.render.regions_json import assemble_utf8

    nothing = Table([], {}, [])
    wanted = [u.name for u in units]
    by_id: dict[str, tuple[list[bytes], Any]] = {}
    while made:
        names, objects = made.pop()  # let go of as it is put in order
        indicators = [ind for ind in plan.indicators if ind.id in objects]
        if names == wanted:
            by_id.update(objects)
            continue
        known = set(names)
        extra = [n for n in wanted if n not in known]
        more = _objects(plan, day, nothing, indicators, extra) if extra else {}
        at = {n: i for i, n in enumerate(names)}
        at_extra = {n: i for i, n in enumerate(extra)}
        for ind in indicators:
            texts, targets = objects.pop(ind.id)
            extra_texts, extra_targets = more.get(ind.id, ([], []))
            by_id[ind.id] = (
                [texts[at[n]] if n in at else extra_texts[at_extra[n]] for n in wanted],
                [targets[at[n]] if n in at else extra_targets[at_extra[n]] for n in wanted],
            )
    return assemble_utf8(units, [by_id[ind.id] for ind in plan.indicators])


CHUNK_UNITS = 1000  # units evaluated and written together (fewer: more work per unit; more: memory)


def json_in_two(plan: Plan, day: date, units: Sequence[Unit], table: Table) -> list[bytes]:
    """``regions --format json`` of a large plan: each half of the units evaluated and
    written by its own process (:func:`ipplan.engine.fork.in_two`), the text the same as
    in one process (the compact layout; a unit's figures never depend on the others),
    written from the engine's columns (:func:`ipplan.render.regions_json.unit_entries`);
    as UTF-8 in pieces."""
    from ipplan.analysis.figures import time_elapsed
    from ipplan.analysis.regions import evaluate_regions, region_rows
    from ipplan.engine.fork import in_two
    from ipplan.render.regions_json import (
        COMPACT_UNITS,
        compact_chunks,
        head,
        render_regions,
        unit_entries,
    )

    def work(part: Sequence[Unit]) -> Iterator[str]:
        for start in range(0, len(part), CHUNK_UNITS):  # a chunk's columns at a time
            if start:
                yield ",\n"
            yield unit_entries(plan, day, part[start : start + CHUNK_UNITS], table)

    if len(units) <= COMPACT_UNITS:
        names = [u.name for u in units]
        rows = region_rows(units, evaluate_regions(plan, {}, day, names, table=table))
        return [render_regions(rows).encode("utf-8")]
    meta = plan.meta
    top = head(plan, day, time_elapsed(meta.start, meta.deadline, day), None)
    return compact_chunks(top, in_two(units, work))


MANY_UNITS_BYTES = 16 << 20  # actuals taken to be of many units (200 units: ~10 MB)


def large_json(
    plan: Plan, day: date, warnings: list[Problem], printed: list[str]
) -> list[bytes] | None:
    """``regions --format json`` of a plan with many units, each process reading and
    writing its own indicators (:mod:`ipplan.cli.regions_large`), the warnings printed;
    None when the work
    cannot be shared or the plan may have few units (at most
    :data:`ipplan.render.regions_json.COMPACT_UNITS`, which are written indented; unless
    it names more units, its actuals are taken to be of few units below
    :data:`MANY_UNITS_BYTES`): then the one-table path."""
    from ipplan.analysis.figures import time_elapsed
    from ipplan.cli import options
    from ipplan.data.units import units_named
    from ipplan.engine import size
    from ipplan.render.regions_json import COMPACT_UNITS, compact_chunks, head

    named = len(units_named(plan, ()))  # declared, or with a target of their own
    if (
        plan.actuals_dir is None
        or not size.is_large(plan)
        or (named <= COMPACT_UNITS and size.folder_bytes(plan.actuals_dir) < MANY_UNITS_BYTES)
    ):
        return None
    found: list[Problem] = []
    pieces, units = json_pieces(plan, day, found, few=COMPACT_UNITS)
    if pieces is None or units <= COMPACT_UNITS:
        return None
    options.warn([*warnings, *found], printed)
    meta = plan.meta
    top = head(plan, day, time_elapsed(meta.start, meta.deadline, day), None)
    return compact_chunks(top, pieces)
