"""`ipplan regions`: every unit at once, each against its own targets (目标分解)."""

from __future__ import annotations

import sys
from contextlib import nullcontext
from typing import TYPE_CHECKING, Annotated, Any

import typer

from ipplan.cli.options import (
    AsOfOpt,
    Lang,
    LangOpt,
    PlanOpt,
    TableFormat,
    color_enabled,
    emit,
    load_any,
    parse_day,
    width,
)  # fmt: skip

if TYPE_CHECKING:
    from datetime import date

    from ipplan.regions import Ranked


class StoredOutput:
    """The results cache of a large plan (:mod:`ipplan.engine.results`) for one run."""

    def __init__(self, wanted: dict[str, Any]) -> None:
        self.wanted = wanted

    def replay(self) -> bool:
        """Print the stored output (warnings, then the text) if there is a fresh one."""
        from ipplan.engine import results

        found = results.load(self.wanted)
        if found is None:
            return False
        data, warnings = found
        for line in warnings:
            print(line, file=sys.stderr)
        out = getattr(sys.stdout, "buffer", None)
        if out is None or sys.stdout.encoding.lower().replace("-", "") != "utf8":
            emit(data.decode("utf-8"))
            return True
        try:  # the stored bytes as they are: no decoding and encoding again
            sys.stdout.flush()
            out.write(data)
            out.flush()
        except BrokenPipeError:
            raise  # the reader went away (| head): not an error of ours
        except OSError as exc:  # as emit: one line, exit 3
            from ipplan.errors import DataError

            raise DataError("output.write_failed", path="stdout", reason=exc.strerror) from None
        return True

    def save(self, text: str, warnings: list[str]) -> None:
        from ipplan.engine import results

        results.save(self.wanted, text, warnings)


def _warnings_lang() -> str:
    """The language warnings are printed in (set by cli.app.main, read at call time)."""
    from ipplan.cli import options

    return options.MESSAGE_LANG


def stored_output(plan_dir: str | None, day: date, options: list[str]) -> StoredOutput | None:
    """The results cache for this run, when the plan is large (small plans are quicker
    to evaluate than to hash) and its files can be read; else None."""
    from ipplan.engine import results, size
    from ipplan.plan import resolve_plan_dir

    directory, _ = resolve_plan_dir(plan_dir)
    if size.folder_bytes(directory / "actuals") <= size.LARGE_BYTES:
        return None
    wanted = results.key(directory, day.isoformat(), options)
    return StoredOutput(wanted) if wanted is not None else None


def regions(
    plan: PlanOpt = None,
    as_of: AsOfOpt = None,
    indicator: Annotated[
        str | None,
        typer.Option(
            "--indicator",
            "-i",
            metavar="ID",
            help="按一项指标排名 rank the units on one indicator (id or name)",
        ),
    ] = None,
    format: Annotated[
        TableFormat, typer.Option("--format", "-f", help="输出格式 output format")
    ] = TableFormat.table,
    lang: LangOpt = Lang.zh,
) -> None:
    """各地区进展 Every unit at once, each against its own targets; --indicator ranks them."""
    from ipplan.engine import no_cycle_collection
    from ipplan.lookup import require_indicator
    from ipplan.regions import evaluate_regions, region_rows
    from ipplan.units import list_units

    day = parse_day(as_of)
    code = lang.value
    chosen_text = "" if indicator is None else f"={indicator}"  # --indicator "" is no None
    options = ["regions", format.value, code, chosen_text, _warnings_lang()]
    if format is TableFormat.table:
        options += [str(width()), str(color_enabled())]
    stored = stored_output(plan, day, options)  # a large plan's output cached as it was
    if stored is not None and stored.replay():
        return
    printed: list[str] = []
    with no_cycle_collection() if stored is not None else nullcontext():  # a large plan
        the_plan, observations, table = load_any(plan, printed)
        chosen = None
        if indicator is not None:
            chosen = require_indicator(the_plan, indicator, code).id
        units = list_units(the_plan, observations)
        names = [u.name for u in units]
        results = evaluate_regions(the_plan, observations, day, names, table=table)
        text = _render(region_rows(units, results, chosen), format, code, chosen)
    if stored is not None and table is not None:
        stored.save(text, printed)
    emit(text)


def _render(rows: list[Ranked], format: TableFormat, code: str, chosen: str | None) -> str:
    if format is TableFormat.json:
        from ipplan.render.regions_json import render_regions as render_json

        text = render_json(rows, chosen)
    elif format is TableFormat.csv:
        from ipplan.render.regions_csv import render_regions as render_csv

        text = render_csv(rows, code, chosen)
    elif format is TableFormat.markdown:
        from ipplan.render.regions_markdown import render_regions as render_md

        text = render_md(rows, code, chosen)
    else:
        from ipplan.render.regions_table import render_regions as render_table

        text = render_table(rows, code, indicator=chosen, width=width(), color=color_enabled())
    return text
