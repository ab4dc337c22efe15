"""`ipplan regions`: every unit at once, each against its own targets (目标分解)."""

from __future__ import annotations

from typing import Annotated

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
    lang: LangOpt = Lang.ZH,
) -> None:
    """各地区进展 Every unit at once, each against its own targets; --indicator ranks them."""
    from ipplan.lookup import require_indicator
    from ipplan.regions import evaluate_regions, region_rows
    from ipplan.units import list_units

    day = parse_day(as_of)
    the_plan, observations, table = load_any(plan)
    code = lang
    chosen = require_indicator(the_plan, indicator, code).id if indicator is not None else None
    units = list_units(the_plan, observations)
    results = evaluate_regions(the_plan, observations, day, [u.name for u in units], table=table)
    rows = region_rows(units, results, chosen)
    if format is TableFormat.json:
        from ipplan.render.regions_json import render_regions as render_json

        emit(render_json(rows, chosen))
    elif format is TableFormat.csv:
        from ipplan.render.regions_csv import render_regions as render_csv

        emit(render_csv(rows, code, chosen))
    elif format is TableFormat.markdown:
        from ipplan.render.regions_markdown import render_regions as render_md

        emit(render_md(rows, code, chosen))
    else:
        from ipplan.render.regions_table import render_regions as render_table

        emit(render_table(rows, code, indicator=chosen, width=width(), color=color_enabled()))
