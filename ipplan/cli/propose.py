"""`ipplan propose --horizon YEAR`: targets for the next plan, with their probabilities."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from ipplan.cli import options
from ipplan.render.outputs import PROPOSE, ProposeData
from ipplan.render.registry import Format


class ProposeMethod(StrEnum):
    auto = "auto"
    drift = "drift"
    drift_log = "drift_log"
    trend = "trend"
    trend_log = "trend_log"


def parse_probabilities(text: str) -> tuple[float, ...]:
    """'0.5,0.8' → (0.5, 0.8); each strictly between 0 and 1 (80% is accepted as 0.8)."""
    from ipplan.core.errors import UsageError

    found: list[float] = []
    for part in text.replace("，", ",").split(","):
        item = part.strip()
        try:
            value = float(item[:-1]) / 100 if item.endswith("%") else float(item)
        except ValueError:
            raise UsageError("propose.bad_probability", value=item) from None
        if not 0 < value < 1:
            raise UsageError("propose.bad_probability", value=item)
        if value not in found:
            found.append(value)
    if not found:
        raise UsageError("propose.bad_probability", value=text)
    return tuple(found)


def propose(
    horizon: Annotated[
        int, typer.Option("--horizon", metavar="YEAR", help="目标年份 the year the targets end")
    ],
    plan: options.PlanOpt = None,
    as_of: options.AsOfOpt = None,
    region: options.RegionOpt = None,
    probability: Annotated[
        str,
        typer.Option(
            "--probability",
            metavar="P,P",
            help="把握（概率）probabilities, e.g. 0.5,0.8; the draft (yaml) uses the first",
        ),
    ] = "0.5,0.8",
    method: Annotated[
        ProposeMethod, typer.Option("--method", help="模型 model (auto: by kind and backtest)")
    ] = ProposeMethod.auto,
    format: Annotated[Format, options.formats(PROPOSE)] = Format.table,
    lang: options.LangOpt = options.Lang.ZH,
) -> None:
    """下一期目标建议 Targets for the next plan: the value reached with each probability."""
    from ipplan.analysis.propose import propose_plan
    from ipplan.core.errors import UsageError
    from ipplan.core.periods import MAX_YEAR

    day = options.parse_day(as_of)
    probabilities = parse_probabilities(probability)
    if horizon < day.year:
        raise UsageError("propose.bad_horizon", value=horizon)
    if horizon > MAX_YEAR:  # the last year a period can have (beyond 9999 no date exists)
        raise UsageError("propose.horizon_too_far", value=horizon, max=MAX_YEAR)
    data = options.load_dataset(plan, day, region)
    result = propose_plan(data.plan, data, horizon, probabilities, method.value)
    options.emit(
        PROPOSE.get(format).render(
            ProposeData(data.plan, result, probabilities[0]), options.view(lang)
        )
    )
