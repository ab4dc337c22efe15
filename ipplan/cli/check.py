"""`ipplan check`: every problem in targets.yaml and actuals/ at once."""

from __future__ import annotations

from typing import Annotated

import typer

from ipplan.cli import options
from ipplan.render.outputs import CHECK
from ipplan.render.registry import Format


def check(
    plan: options.PlanOpt = None,
    format: Annotated[Format, options.formats(CHECK)] = Format.table,
    lang: options.LangOpt = options.Lang.ZH,
) -> None:
    """检查方案与数据 Check targets.yaml and actuals/: every problem at once.

    Exit 1 when an error is found, 0 when there are only warnings or nothing.
    """
    from ipplan.analysis.check import run_checks
    from ipplan.data.plan import resolve_plan_dir

    directory, _ = resolve_plan_dir(plan)  # a folder that is not there: exit 3
    findings = run_checks(directory, options.today())
    options.emit(CHECK.get(format).render(findings, options.view(lang)))
    if any(p.severity == "error" for p in findings):
        raise typer.Exit(1)
