"""``ipplan regions --format json`` of a large plan in two processes from the start (issue 9).

The actuals files are shared out as :func:`ipplan.engine.load.read_table` shares them (the
later files, about half the bytes, to a forked child: :class:`ipplan.engine.fork.Child`),
and so are their indicators: each process reads its own files and writes the JSON object
of each of its indicators for every unit it knows
(:func:`ipplan.render.regions_json.indicator_objects`). No columns cross between the
processes, only that text; this process puts each unit's entry together
(:func:`ipplan.render.regions_json.assemble_utf8`). The text is the one of one process:

- a unit's object for an indicator depends only on the unit's own rows of that indicator
  and of those its formula names, and the plan: a formula family is never split (else
  None: the caller takes the one-table path);
- a unit that one process does not know (its rows are all in the other's files) has no
  rows in that process's indicators: this process writes those objects (no data);
- the problems are those of ``read_table``, in the same order, and its errors are raised.

A child that fails, dies or is stuck gives None too: the caller then reads everything
again in the one-table path, so the output is always the same.
"""

from __future__ import annotations

import pickle
from collections.abc import Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ipplan.core.errors import DataError, Problem
from ipplan.core.model import Indicator, Plan
from ipplan.data.units import Unit, unit_values, units_named

if TYPE_CHECKING:
    from ipplan.engine.load import Table

Files = Sequence[tuple[Path, Indicator]]
SEPARATOR = "\x00"  # between the objects of an indicator: JSON text never holds it raw


def shares(plan: Plan, files: Files) -> tuple[int, list[Indicator], list[Indicator]] | None:
    """Where the child's files begin (:func:`ipplan.engine.load._split`) and the indicators
    of each process: each where its file is, with every indicator its formula names (a
    derived one with no file where they are; in this process when none has a file); None
    when one process would have every file, or a formula family would be split."""
    from ipplan.engine.load import _split
    from ipplan.engine.units import closure

    split = _split(files)
    if split >= len(files):
        return None
    side = {ind.id: int(i >= split) for i, (_, ind) in enumerate(files)}
    mine: list[Indicator] = []
    theirs: list[Indicator] = []
    for ind in plan.indicators:
        sides = {side[i] for i in closure(plan, ind) if i in side}
        if len(sides) > 1:
            return None
        (theirs if sides == {1} else mine).append(ind)
    return split, mine, theirs


def json_pieces(
    plan: Plan, day: date, problems: list[Problem], few: int = 0
) -> tuple[list[bytes] | None, int]:
    """The entries of every unit, and how many units, as UTF-8 pieces (the text of
    :func:`ipplan.render.regions_json.unit_entries` of every unit, in
    :func:`ipplan.data.units.list_units` order), the problems of reading added to
    ``problems``; DataError with every error of the files, in order. None when the work
    cannot be shared (see the module), the child failed, or a process knows no more than
    ``few`` units (checked before writing: the caller writes few units another way):
    nothing was added then."""
    from ipplan.data.actuals import plan_files
    from ipplan.engine import fork
    from ipplan.engine.load import read_files

    if not fork.allowed():
        return None, 0
    files, found = plan_files(plan)
    shared = shares(plan, files)
    if shared is None:
        return None, 0
    split, mine, theirs = shared
    top = plan.meta.region
    unit_values(plan)  # made once, before the fork: not in each process
    child = fork.Child(lambda: _part(plan, day, files[split:], theirs, few))
    try:
        table = read_files(files[:split], top)
        regions, names = _known(plan, table)
        if len(names) <= few and _usable(table):
            child.stop()
            return None, 0
        own = _objects(plan, day, table, mine, names) if _usable(table) else {}
    except BaseException:
        child.stop()
        raise
    data = child.in_time()
    if data is None:
        return None, 0
    their_problems, their_regions, their_names, blobs = _unpack(data)
    del data  # the child's answer, now in pieces
    found += [*table.problems, *their_problems]
    errors = [p for p in found if p.severity == "error"]
    if errors:
        raise DataError(problems=errors)
    if len(their_names) <= few:
        return None, 0
    problems += found
    units = units_named(plan, [*regions, *their_regions])
    shares_ = (mine, names, own), (theirs, their_names, blobs)
    return _entries(plan, day, table, units, *shares_), len(units)


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
    from ipplan.render.regions_json import indicator_objects

    out = {}
    for iid, (texts, targets) in indicator_objects(plan, day, table, indicators, names).items():
        out[iid] = (_utf8(texts), targets)
    return out


def _utf8(texts: list[str]) -> list[bytes]:
    joined = SEPARATOR.join(texts)
    if joined.count(SEPARATOR) != max(0, len(texts) - 1):
        raise ValueError("an object holds the separator")  # never: JSON escapes it
    return joined.encode("utf-8").split(SEPARATOR.encode())


def _part(
    plan: Plan, day: date, files: Files, indicators: Sequence[Indicator], few: int
) -> list[bytes]:
    """In the child: its files read, its indicators written for the units it knows (none
    when it knows no more than ``few``); sent as a pickled head (problems, regions, unit
    names, each indicator's targets and length), then each indicator's objects, UTF-8
    joined by :data:`SEPARATOR`."""
    from ipplan.engine.load import read_files

    table = read_files(files, plan.meta.region)
    if not _usable(table):
        return _pack(table.problems, [], [], {})
    regions, names = _known(plan, table)
    if len(names) <= few:
        return _pack(table.problems, regions, names, {})
    return _pack(table.problems, regions, names, _objects(plan, day, table, indicators, names))


def _pack(
    problems: list[Problem], regions: list[str], names: list[str],
    objects: dict[str, tuple[list[bytes], list[bool]]],
) -> list[bytes]:  # fmt: skip
    blobs = [SEPARATOR.encode().join(texts) for texts, _ in objects.values()]
    heads = [(iid, bytes(targets), len(blob))
             for (iid, (_, targets)), blob in zip(objects.items(), blobs, strict=True)]  # fmt: skip
    head = pickle.dumps((problems, regions, names, heads), protocol=pickle.HIGHEST_PROTOCOL)
    return [len(head).to_bytes(8, "big"), head, *blobs]


Theirs = dict[str, tuple[list[bytes], list[bool]]]


def _unpack(data: bytes) -> tuple[list[Problem], list[str], list[str], Theirs]:
    size = int.from_bytes(data[:8], "big")
    problems, regions, names, heads = pickle.loads(data[8 : 8 + size])
    at = 8 + size
    objects: Theirs = {}
    for iid, targets, length in heads:
        objects[iid] = (data[at : at + length].split(SEPARATOR.encode()), list(map(bool, targets)))
        at += length
    return problems, regions, names, objects


Share = tuple[Sequence[Indicator], list[str], dict[str, tuple[list[bytes], list[bool]]]]


def _entries(
    plan: Plan, day: date, table: Table, units: Sequence[Unit], *shares: Share
) -> list[bytes]:
    """Every unit's entry: each share's objects, put in the order of ``units``; the units a
    share does not know written here (they have no rows in its indicators, nor in this
    process's table for the other share's: no data either way)."""
    from ipplan.render.regions_json import assemble_utf8

    wanted = [u.name for u in units]
    by_id: dict[str, tuple[list[bytes], Any]] = {}
    for indicators, names, objects in shares:
        known = set(names)
        extra = [n for n in wanted if n not in known]
        more = _objects(plan, day, table, indicators, extra) if extra else {}
        at = {n: i for i, n in enumerate(names)}
        at_extra = {n: i for i, n in enumerate(extra)}
        for ind in indicators:
            texts, targets = objects.pop(ind.id)  # let go of as it is put in order
            if names == wanted:
                by_id[ind.id] = (texts, targets)
                continue
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
    writing its own indicators from the start (:mod:`ipplan.cli.regions_large`), the
    warnings printed; None when the work cannot be shared or the plan may have few
    units (at most :data:`ipplan.render.regions_json.COMPACT_UNITS`, which are written
    indented; unless it names more units, its actuals are taken to be of few units below
    :data:`MANY_UNITS_BYTES`): then the one-table path."""
    from ipplan.analysis.figures import time_elapsed
    from ipplan.cli import options
    from ipplan.data.journal import read_consistently
    from ipplan.data.units import units_named
    from ipplan.engine import size
    from ipplan.render.regions_json import COMPACT_UNITS, compact_chunks, head

    if plan.actuals_dir is None or not size.is_large(plan):
        return None
    named = len(units_named(plan, ()))  # declared, or with a target of their own
    if named <= COMPACT_UNITS and size.folder_bytes(plan.actuals_dir) < MANY_UNITS_BYTES:
        return None
    found: list[Problem] = []

    def work() -> tuple[list[bytes] | None, int]:
        found.clear()  # afresh when read again
        return json_pieces(plan, day, found, few=COMPACT_UNITS)

    pieces, units = read_consistently(plan.directory, work)
    if pieces is None or units <= COMPACT_UNITS:
        return None
    options.warn([*warnings, *found], printed)
    meta = plan.meta
    top = head(plan, day, time_elapsed(meta.start, meta.deadline, day), None)
    return compact_chunks(top, pieces)
