"""`ipplan show ID`: one indicator in depth: history, chart, figures, projections."""

from __future__ import annotations

import sys
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
    color_enabled,
    emit,
    load,
    parse_day,
    width,
)


class ShowFormat(StrEnum):
    table = "table"
    json = "json"


def _ascii_only() -> bool:
    """True when stdout cannot encode the chart's box-drawing characters."""
    encoding = getattr(sys.stdout, "encoding", None) or "ascii"
    try:
        "●┄┤└─┬".encode(encoding)
    except (UnicodeEncodeError, LookupError):
        return True
    return False


def show(
    indicator: Annotated[
        str, typer.Argument(metavar="ID", help="指标 id 或中文名 indicator id or name")
    ],
    plan: PlanOpt = None,
    as_of: AsOfOpt = None,
    region: RegionOpt = None,
    method: Annotated[
        str, typer.Option("--method", help="预测方法 projection method: auto|linear|cagr|weighted")
    ] = "auto",
    format: Annotated[
        ShowFormat, typer.Option("--format", "-f", help="输出格式 output format")
    ] = ShowFormat.table,
    lang: LangOpt = Lang.ZH,
) -> None:
    """单项指标详情 One indicator in depth: history, chart, every figure, projections."""
    from ipplan.errors import UsageError
    from ipplan.evaluate import PlanEvaluation, evaluate_indicator
    from ipplan.figures import time_elapsed as elapsed
    from ipplan.lookup import require_indicator
    from ipplan.project import METHODS
    from ipplan.series import Dataset

    day = parse_day(as_of)
    if method != "auto" and method not in METHODS:
        raise UsageError(
            "cli.bad_choice",
            option="--method",
            value=method,
            allowed=" | ".join(("auto", *METHODS)),
        )
    the_plan, observations = load(plan)
    ind = require_indicator(the_plan, indicator, lang)
    check_region(the_plan, observations, region)
    data = Dataset(the_plan, observations, day, region)
    ev = evaluate_indicator(the_plan, ind, data, method)
    meta = the_plan.meta
    result = PlanEvaluation(
        the_plan, day, data.region, elapsed(meta.start, meta.deadline, day), (ev,)
    )
    if format is ShowFormat.json:
        from ipplan.render.show_json import render_show as render_json

        emit(render_json(result, ev))
    else:
        from ipplan.render.show import render_show as render_table

        emit(
            render_table(
                result,
                ev,
                lang,
                method=method,
                width=width(),
                color=color_enabled(),
                ascii=_ascii_only(),
            )
        )
