"""`ipplan status`: where every target stands."""

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
    TableFormat,
    check_region,
    color_enabled,
    emit,
    load_any,
    parse_day,
    width,
)  # fmt: skip


class EvaluationOpt(StrEnum):
    auto = "auto"
    midterm = "midterm"
    final = "final"


def status(
    plan: PlanOpt = None,
    as_of: AsOfOpt = None,
    region: RegionOpt = None,
    format: Annotated[
        TableFormat, typer.Option("--format", "-f", help="输出格式 output format")
    ] = TableFormat.table,
    method: Annotated[
        str, typer.Option("--method", help="预测方法 projection method: auto|linear|cagr|weighted")
    ] = "auto",
    evaluation: Annotated[
        EvaluationOpt,
        typer.Option(
            "--evaluation",
            "-e",
            help="评估用语 evaluation words: midterm (提前实现/快于预期/基本符合预期/滞后) | "
            "final (已完成/未完成); auto: final once the deadline has passed",
        ),
    ] = EvaluationOpt.auto,
    lang: LangOpt = Lang.ZH,
) -> None:
    """各项目标进展 Where every target stands: attainment, pace, projection, status."""
    from ipplan.errors import UsageError
    from ipplan.evaluate import evaluate_plan
    from ipplan.project import METHODS
    from ipplan.verdicts import Mode, assess_plan

    day = parse_day(as_of)
    if method != "auto" and method not in METHODS:
        raise UsageError("cli.bad_choice", option="--method", value=method,
                         allowed=" | ".join(("auto", *METHODS)))  # fmt: skip
    the_plan, observations, table = load_any(plan)
    check_region(the_plan, observations, region)
    if table is None:
        result = evaluate_plan(the_plan, observations, day, region, method)
    else:  # a large plan: the engine (ipplan.engine), same figures
        from ipplan.engine.units import evaluate_units

        unit = region or the_plan.meta.region
        result = evaluate_units(the_plan, day, [unit], method, table=table)[unit]
    code = lang
    mode = None if evaluation is EvaluationOpt.auto else Mode(evaluation.value)
    # The table shows the evaluation column when asked, once the deadline has passed, or
    # when the plan sets its own statuses; JSON and CSV always carry it.
    shown = mode is not None or day >= the_plan.meta.deadline or the_plan.statuses is not None
    words = assess_plan(result, mode) if shown else None
    if format is TableFormat.json:
        from ipplan.present.json import render_status as render_json

        emit(render_json(result, mode))
    elif format is TableFormat.csv:
        from ipplan.render.csv import render_status as render_csv

        emit(render_csv(result, code, mode))
    elif format is TableFormat.markdown:
        from ipplan.render.markdown import render_status as render_md

        emit(render_md(result, code, words))
    else:
        from ipplan.render.table import render_status as render_table

        emit(render_table(result, code, width=width(), color=color_enabled(), words=words))
