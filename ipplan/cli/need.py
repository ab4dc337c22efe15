"""`ipplan need ID`: what is still needed each month or quarter to reach a target."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from ipplan.cli import options
from ipplan.render.outputs import NEED, NeedData
from ipplan.render.registry import Format


class NeedStep(StrEnum):
    month = "month"
    quarter = "quarter"


def need(
    indicator: options.IndicatorArg,
    plan: options.PlanOpt = None,
    as_of: options.AsOfOpt = None,
    region: options.RegionOpt = None,
    by: Annotated[
        NeedStep, typer.Option("--by", help="路径步长 path step: month | quarter")
    ] = NeedStep.month,
    format: Annotated[Format, options.formats(NEED)] = Format.table,
    lang: options.LangOpt = options.Lang.ZH,
) -> None:
    """尚需多少 What is still needed to reach a target: path per month or quarter."""
    from ipplan.analysis.need import Step
    from ipplan.analysis.need import need as compute
    from ipplan.data.units import for_region

    data, ind = options.load_indicator(plan, options.parse_day(as_of), region, indicator, lang)
    ind = for_region(data.plan, ind, data.region)  # a unit: its own target only (units.py)
    result = compute(data.plan, ind, data, Step(by.value))
    options.emit(NEED.get(format).render(NeedData(data.plan, result), options.view(lang)))
