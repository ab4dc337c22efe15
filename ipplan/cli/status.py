"""`ipplan status`: where every target stands."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from ipplan.cli import options
from ipplan.render.outputs import STATUS, StatusData
from ipplan.render.registry import Format


class EvaluationOpt(StrEnum):
    auto = "auto"
    midterm = "midterm"
    final = "final"


def status(
    plan: options.PlanOpt = None,
    as_of: options.AsOfOpt = None,
    region: options.RegionOpt = None,
    format: Annotated[Format, options.formats(STATUS)] = Format.table,
    method: options.MethodOpt = "auto",
    evaluation: Annotated[
        EvaluationOpt,
        typer.Option(
            "--evaluation",
            "-e",
            help="评估用语 evaluation words: midterm (提前实现/快于预期/基本符合预期/滞后) | "
            "final (已完成/未完成); auto: final once the deadline has passed",
        ),
    ] = EvaluationOpt.auto,
    lang: options.LangOpt = options.Lang.ZH,
) -> None:
    """各项目标进展 Where every target stands: attainment, pace, projection, status."""
    from ipplan.analysis.evaluate import evaluate_plan
    from ipplan.analysis.verdicts import Mode, assess_plan

    day = options.parse_day(as_of)
    options.check_method(method)
    the_plan, observations, table = options.load_any(plan)
    options.check_region(the_plan, observations, region)
    if table is None:
        result = evaluate_plan(the_plan, observations, day, region, method)
    else:  # a large plan: the engine (ipplan.engine), same figures
        from ipplan.engine.units import evaluate_units

        unit = region or the_plan.meta.region
        result = evaluate_units(the_plan, day, [unit], method, table=table)[unit]
    mode = None if evaluation is EvaluationOpt.auto else Mode(evaluation.value)
    # The table shows the evaluation column when asked, once the deadline has passed, or
    # when the plan sets its own statuses; JSON and CSV always carry it.
    shown = mode is not None or day >= the_plan.meta.deadline or the_plan.statuses is not None
    words = assess_plan(result, mode) if shown else None
    options.emit(STATUS.get(format).render(StatusData(result, mode, words), options.view(lang)))
