"""`ipplan import`: bring the figures of a CSV or XLSX file into actuals/, all or nothing."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from ipplan.cli.options import Lang, LangOpt, PlanOpt, emit, today


def import_file(
    file: Annotated[str, typer.Argument(metavar="FILE", help="CSV 或 XLSX 文件 file to import")],
    plan: PlanOpt = None,
    sheet: Annotated[
        str | None,
        typer.Option("--sheet", metavar="NAME", help="工作表 sheet (XLSX); default the first"),
    ] = None,
    region: Annotated[
        str | None,
        typer.Option("--region", "-r", metavar="NAME", help="地区 region of rows that name none"),
    ] = None,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="试运行：只显示将新增/修改的内容 show, write nothing")
    ] = False,
    replace: Annotated[
        bool, typer.Option("--replace", help="替换已有记录 replace existing figures")
    ] = False,
    lang: LangOpt = Lang.ZH,
) -> None:
    """导入数据 Import a CSV/XLSX file (long or wide layout) into actuals/, all or nothing."""
    from pathlib import Path

    from ipplan.core.errors import DataError
    from ipplan.core.i18n import format_problem
    from ipplan.data.importer import read_import
    from ipplan.data.plan import load_writable_plan
    from ipplan.data.store import conflicts, upsert_many
    from ipplan.data.units import check_declared
    from ipplan.render.changes import render_import

    the_plan = load_writable_plan(plan)
    check_declared(the_plan, region)  # regions: listed: a typo must not start a new unit
    data = read_import(the_plan, Path(file), sheet, region)
    for problem in data.problems:
        if problem.severity == "warning":
            print(format_problem(problem, lang), file=sys.stderr)
    if data.errors:
        raise DataError(problems=data.errors)
    results = upsert_many(the_plan, data.observations, replace, dry_run=dry_run, today=today())
    emit(render_import(the_plan, data.file, results, lang, dry_run=dry_run,
                       skipped=data.skipped))  # fmt: skip
    if dry_run and not replace:
        found = conflicts(results, the_plan)
        if found:
            raise DataError(problems=found)
