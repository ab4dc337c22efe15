"""`ipplan need ID`: what is still needed each month or quarter to reach a target."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from ipplan.cli.options import (
    AsOfOpt,
    IndicatorArg,
    Lang,
    LangOpt,
    PlanOpt,
    RegionOpt,
    dataset,
    emit,
    formats,
    load,
    parse_day,
    view,
)
from ipplan.render.registry import NEED, Format, NeedData


class NeedStep(StrEnum):
    month = "month"
    quarter = "quarter"


def need(
    indicator: IndicatorArg,
    plan: PlanOpt = None,
    as_of: AsOfOpt = None,
    region: RegionOpt = None,
    by: Annotated[
        NeedStep, typer.Option("--by", help="路径步长 path step: month | quarter")
    ] = NeedStep.month,
    format: Annotated[Format, formats(NEED)] = Format.table,
    lang: LangOpt = Lang.zh,
) -> None:
    """尚需多少 What is still needed to reach a target: path per month or quarter."""
    from ipplan.lookup import require_indicator
    from ipplan.need import Step
    from ipplan.need import need as compute
    from ipplan.units import for_region

    day = parse_day(as_of)
    the_plan, observations = load(plan)
    ind = require_indicator(the_plan, indicator, lang.value)
    data = dataset(the_plan, observations, day, region)
    ind = for_region(the_plan, ind, data.region)  # a unit: its own target only (units.py)
    result = compute(the_plan, ind, data, Step(by.value))
    emit(NEED.get(format).render(NeedData(the_plan, result), view(lang)))
