"""`ipplan regions`: every unit at once, each against its own targets (目标分解)."""

from __future__ import annotations

import sys
from contextlib import nullcontext
from typing import TYPE_CHECKING, Annotated, Any

import typer

from ipplan.cli import options
from ipplan.render.outputs import REGIONS, RegionsData
from ipplan.render.registry import Format

if TYPE_CHECKING:
    from collections.abc import Sequence
    from datetime import date
    from pathlib import Path

    from ipplan.core.errors import Problem


class StoredOutput:
    """The results cache of a large plan (:mod:`ipplan.engine.results`) for one run. Its
    key (a hash of every plan file: 147 MB at 3,000 units) is taken in a thread while
    this one reads the plan; :meth:`replay` waits for it (and no thread is left when the
    actuals are read: a fork may follow)."""

    def __init__(self, directory: Path, before: list[Any], day: str, parts: list[str]):
        import threading

        from ipplan.engine import results

        self.directory, self.before = directory, before
        self.wanted: dict[str, Any] | None = None

        def take() -> None:
            self.wanted = results.key(directory, day, parts)

        self.hashing = threading.Thread(target=take, name="ipplan-key", daemon=True)
        self.hashing.start()

    def replay(self) -> bool:
        """Print the stored output (warnings, then the text) if there is a fresh one."""
        from ipplan.engine import results

        self.hashing.join()
        if self.wanted is None:  # a file could not be read: nothing is cached
            return False
        found = results.load(self.wanted)
        if found is None:
            return False
        data, warnings = found
        for line in warnings:
            print(line, file=sys.stderr)
        options.emit([data])
        return True

    def save(self, data: Sequence[bytes], warnings: list[str]) -> None:
        """Store the output, unless a file changed while it was computed (its key, taken
        before reading, might then not be that of what was read): the files' snapshot
        taken before the key (:func:`ipplan.engine.results.snapshot`) must be the same."""
        from ipplan.engine import results

        self.hashing.join()
        if self.wanted is not None and results.snapshot(self.directory) == self.before:
            results.save(self.wanted, data, warnings)


def stored_output(plan_dir: str | None, day: date, parts: list[str]) -> StoredOutput | None:
    """The results cache for this run, when the plan is large (small plans are quicker
    to evaluate than to hash) and its files can be listed; else None."""
    from ipplan.data.plan import resolve_plan_dir
    from ipplan.engine import results, size

    directory, _ = resolve_plan_dir(plan_dir)
    if size.folder_bytes(directory / "actuals") <= size.LARGE_BYTES:
        return None
    before = results.snapshot(directory)
    return StoredOutput(directory, before, day.isoformat(), parts) if before is not None else None


def regions(
    plan: options.PlanOpt = None,
    as_of: options.AsOfOpt = None,
    indicator: Annotated[
        str | None,
        typer.Option(
            "--indicator",
            "-i",
            metavar="ID",
            help="按一项指标排名 rank the units on one indicator (id or name)",
        ),
    ] = None,
    format: Annotated[Format, options.formats(REGIONS)] = Format.table,
    lang: options.LangOpt = options.Lang.ZH,
) -> None:
    """各地区进展 Every unit at once, each against its own targets; --indicator ranks them."""
    day = options.parse_day(as_of)
    view = options.view(lang)
    chosen_text = "" if indicator is None else f"={indicator}"  # --indicator "" is no None
    parts = ["regions", format.value, lang, chosen_text, options.MESSAGE_LANG]
    if format is Format.table:
        parts += [str(view.width), str(view.color), str(view.ascii)]
    stored = stored_output(plan, day, parts)  # a large plan's output cached as it was
    printed: list[str] = []
    found = _compute(plan, day, indicator, format, lang, stored, printed)
    if found is None:  # the stored output was printed
        return
    if stored is not None:
        data = found if isinstance(found, list) else [found.encode("utf-8")]  # encoded once
        stored.save(data, printed)
        options.emit(data)
        return
    options.emit(found)


def _compute(
    plan: str | None, day: date, indicator: str | None, format: Format, lang: options.Lang,
    stored: StoredOutput | None, printed: list[str],
) -> str | list[bytes] | None:  # fmt: skip
    """The text of ``regions`` (or its UTF-8 pieces); None when the stored output was
    printed instead."""
    from ipplan.analysis.regions import evaluate_regions, region_rows
    from ipplan.cli.regions_large import json_in_two, large_json
    from ipplan.core.lookup import require_indicator
    from ipplan.data.plan import load_plan
    from ipplan.data.units import list_units
    from ipplan.engine import no_cycle_collection

    with no_cycle_collection() if stored is not None else nullcontext():  # a large plan
        warnings: list[Problem] = []
        loaded = load_plan(plan, warnings)  # while the files are hashed
        if stored is not None and stored.replay():
            return None
        if format is Format.json and indicator is None:
            chunks = large_json(loaded, day, warnings, printed)  # None: not worth it
            if chunks is not None:
                return chunks
        the_plan, observations, table = options.load_any(plan, printed, (loaded, warnings))
        chosen = None
        if indicator is not None:
            chosen = require_indicator(the_plan, indicator, lang).id
        units = list_units(the_plan, observations)
        if table is not None and format is Format.json and chosen is None:
            return json_in_two(the_plan, day, units, table)  # many units: two processes
        names = [u.name for u in units]
        results = evaluate_regions(the_plan, observations, day, names, table=table)
        rows = region_rows(units, results, chosen)
        return REGIONS.get(format).render(RegionsData(rows, chosen), options.view(lang))
