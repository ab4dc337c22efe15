"""`ipplan show ID`: one indicator in depth: history, chart, figures, projections."""

from __future__ import annotations

import sys
from typing import Annotated

from ipplan.cli import options
from ipplan.render.outputs import SHOW, ShowData
from ipplan.render.registry import Format


def _ascii_only() -> bool:
    """True when stdout cannot encode the chart's box-drawing characters."""
    encoding = getattr(sys.stdout, "encoding", None) or "ascii"
    try:
        "●┄┤└─┬".encode(encoding)
    except (UnicodeEncodeError, LookupError):
        return True
    return False


def show(
    indicator: options.IndicatorArg,
    plan: options.PlanOpt = None,
    as_of: options.AsOfOpt = None,
    region: options.RegionOpt = None,
    method: options.MethodOpt = "auto",
    format: Annotated[Format, options.formats(SHOW)] = Format.table,
    lang: options.LangOpt = options.Lang.ZH,
) -> None:
    """单项指标详情 One indicator in depth: history, chart, every figure, projections."""
    from ipplan.analysis.evaluate import PlanEvaluation, evaluate_indicator
    from ipplan.analysis.figures import time_elapsed as elapsed

    day = options.parse_day(as_of)
    options.check_method(method)
    data, ind = options.load_indicator(plan, day, region, indicator, lang)
    ev = evaluate_indicator(data.plan, ind, data, method)
    meta = data.plan.meta
    result = PlanEvaluation(
        data.plan, day, data.region, elapsed(meta.start, meta.deadline, day), (ev,)
    )
    options.emit(
        SHOW.get(format).render(
            ShowData(result, ev, method), options.view(lang, ascii=_ascii_only())
        )
    )
