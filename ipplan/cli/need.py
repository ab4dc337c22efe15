"""`ipplan need ID`: what is still needed each month or quarter to reach a target."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from ipplan.cli.options import (
    AsOfOpt,
    Lang,
    LangOpt,
    PlanOpt,
    RegionOpt,
    check_region,
    emit,
    load,
    parse_day,
    width,
)


class NeedFormat(StrEnum):
    table = "table"
    json = "json"


class NeedStep(StrEnum):
    month = "month"
    quarter = "quarter"


def need(
    indicator: Annotated[
        str, typer.Argument(metavar="ID", help="指标 id 或中文名 indicator id or name")
    ],
    plan: PlanOpt = None,
    as_of: AsOfOpt = None,
    region: RegionOpt = None,
    by: Annotated[
        NeedStep, typer.Option("--by", help="路径步长 path step: month | quarter")
    ] = NeedStep.month,
    format: Annotated[
        NeedFormat, typer.Option("--format", "-f", help="输出格式 output format")
    ] = NeedFormat.table,
    lang: LangOpt = Lang.ZH,
) -> None:
    """尚需多少 What is still needed to reach a target: path per month or quarter."""
    from ipplan.lookup import require_indicator
    from ipplan.need import Step
    from ipplan.need import need as compute
    from ipplan.series import Dataset
    from ipplan.units import for_region

    day = parse_day(as_of)
    the_plan, observations = load(plan)
    ind = require_indicator(the_plan, indicator, lang)
    check_region(the_plan, observations, region)
    data = Dataset(the_plan, observations, day, region)
    ind = for_region(the_plan, ind, data.region)  # a unit: its own target only (units.py)
    result = compute(the_plan, ind, data, Step(by.value))
    if format is NeedFormat.json:
        from ipplan.render.need import render_need_json

        emit(render_need_json(result))
    else:
        from ipplan.render.need import render_need_text

        units = {i.id: i.unit for i in the_plan.indicators}
        names = {i.id: i.display_name(lang) for i in the_plan.indicators}
        emit(render_need_text(result, lang, units, names, width()))
