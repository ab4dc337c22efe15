"""`ipplan regions`: every unit at once, each against its own targets (目标分解)."""

from __future__ import annotations

from typing import Annotated

import typer

from ipplan.cli.options import (
    AsOfOpt,
    Lang,
    LangOpt,
    PlanOpt,
    emit,
    formats,
    load_any,
    parse_day,
    view,
)  # fmt: skip
from ipplan.render.registry import REGIONS, Format, RegionsData


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
    format: Annotated[Format, formats(REGIONS)] = Format.table,
    lang: LangOpt = Lang.zh,
) -> None:
    """各地区进展 Every unit at once, each against its own targets; --indicator ranks them."""
    from ipplan.lookup import require_indicator
    from ipplan.regions import evaluate_regions, region_rows
    from ipplan.units import list_units

    day = parse_day(as_of)
    the_plan, observations, table = load_any(plan)
    code = lang.value
    chosen = require_indicator(the_plan, indicator, code).id if indicator is not None else None
    units = list_units(the_plan, observations)
    results = evaluate_regions(the_plan, observations, day, [u.name for u in units], table=table)
    rows = region_rows(units, results, chosen)
    emit(REGIONS.get(format).render(RegionsData(rows, chosen), view(lang)))
