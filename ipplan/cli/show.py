"""`ipplan show ID`: one indicator in depth: history, chart, figures, projections."""

from __future__ import annotations

import sys
from typing import Annotated

from ipplan.cli.options import (
    AsOfOpt,
    IndicatorArg,
    Lang,
    LangOpt,
    MethodOpt,
    PlanOpt,
    RegionOpt,
    check_method,
    dataset,
    emit,
    formats,
    load,
    parse_day,
    view,
)
from ipplan.render.registry import SHOW, Format, ShowData


def _ascii_only() -> bool:
    """True when stdout cannot encode the chart's box-drawing characters."""
    encoding = getattr(sys.stdout, "encoding", None) or "ascii"
    try:
        "●┄┤└─┬".encode(encoding)
    except (UnicodeEncodeError, LookupError):
        return True
    return False


def show(
    indicator: IndicatorArg,
    plan: PlanOpt = None,
    as_of: AsOfOpt = None,
    region: RegionOpt = None,
    method: MethodOpt = "auto",
    format: Annotated[Format, formats(SHOW)] = Format.table,
    lang: LangOpt = Lang.zh,
) -> None:
    """单项指标详情 One indicator in depth: history, chart, every figure, projections."""
    from ipplan.evaluate import PlanEvaluation, evaluate_indicator
    from ipplan.figures import time_elapsed as elapsed
    from ipplan.lookup import require_indicator

    day = parse_day(as_of)
    check_method(method)
    the_plan, observations = load(plan)
    ind = require_indicator(the_plan, indicator, lang.value)
    data = dataset(the_plan, observations, day, region)
    ev = evaluate_indicator(the_plan, ind, data, method)
    meta = the_plan.meta
    result = PlanEvaluation(
        the_plan, day, data.region, elapsed(meta.start, meta.deadline, day), (ev,)
    )
    emit(SHOW.get(format).render(ShowData(result, ev, method), view(lang, ascii=_ascii_only())))
