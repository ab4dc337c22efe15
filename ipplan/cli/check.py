"""`ipplan check`: every problem in targets.yaml and actuals/ at once."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from ipplan.cli.options import Lang, LangOpt, PlanOpt, color_enabled, emit, today, width


class CheckFormat(StrEnum):
    table = "table"
    json = "json"


def check(
    plan: PlanOpt = None,
    format: Annotated[
        CheckFormat, typer.Option("--format", "-f", help="输出格式 output format")
    ] = CheckFormat.table,
    lang: LangOpt = Lang.ZH,
) -> None:
    """检查方案与数据 Check targets.yaml and actuals/: every problem at once.

    Exit 1 when an error is found, 0 when there are only warnings or nothing.
    """
    from ipplan.check import run_checks
    from ipplan.plan import resolve_plan_dir

    directory, _ = resolve_plan_dir(plan)  # a folder that is not there: exit 3
    findings = run_checks(directory, today())
    if format is CheckFormat.json:
        from ipplan.render.check import render_json

        emit(render_json(findings, lang))
    else:
        from ipplan.render.check import render_table

        emit(render_table(findings, lang, width=width(), color=color_enabled()))
    if any(p.severity == "error" for p in findings):
        raise typer.Exit(1)
