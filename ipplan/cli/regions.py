"""`ipplan regions`: every unit at once, each against its own targets (目标分解)."""

from __future__ import annotations

from typing import Annotated

import typer

from ipplan.cli import options
from ipplan.render.outputs import REGIONS, RegionsData
from ipplan.render.registry import Format


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
    from ipplan.lookup import require_indicator
    from ipplan.regions import evaluate_regions, region_rows
    from ipplan.units import list_units

    day = options.parse_day(as_of)
    the_plan, observations, table = options.load_any(plan)
    code = lang
    chosen = require_indicator(the_plan, indicator, code).id if indicator is not None else None
    units = list_units(the_plan, observations)
    results = evaluate_regions(the_plan, observations, day, [u.name for u in units], table=table)
    rows = region_rows(units, results, chosen)
    options.emit(REGIONS.get(format).render(RegionsData(rows, chosen), options.view(lang)))
