"""`ipplan collect make|in|status`: fill-in workbooks out, returns in, who is missing."""

from __future__ import annotations

from typing import Annotated

import typer

from ipplan.cli.options import Lang, LangOpt, PlanOpt, emit, formats, view
from ipplan.render.outputs import COLLECT_STATUS, CollectStatusData
from ipplan.render.registry import Format

app = typer.Typer(
    help="填报表：生成、收回、催报 Fill-in workbooks: make, collect, who is missing.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
)


PeriodOpt = Annotated[
    str, typer.Option("--period", metavar="PERIOD", help="填报期间 period: 2025, 2025-Q1, 2025-03")
]


def _period(text: str):  # type: ignore[no-untyped-def]
    from ipplan.core.errors import PeriodError, UsageError
    from ipplan.core.periods import parse_period_lenient

    try:
        return parse_period_lenient(text.strip())
    except PeriodError as exc:
        raise UsageError(problems=exc.problems) from None


@app.command("make")
def make(
    period: PeriodOpt,
    plan: PlanOpt = None,
    region: Annotated[
        str | None, typer.Option("--region", "-r", metavar="NAME", help="一个单位 one unit")
    ] = None,
    every: Annotated[bool, typer.Option("--all", help="每个单位各一份 one per unit")] = False,
    indicator: Annotated[
        list[str] | None,
        typer.Option("--indicator", "-i", metavar="ID", help="只要这些指标 only these (repeat)"),
    ] = None,
    output: Annotated[
        str, typer.Option("--output", "-o", metavar="DIR", help="输出目录 output folder")
    ] = ".",
    due: Annotated[
        str | None, typer.Option("--due", metavar="DATE", help="报送截止日期 due date YYYY-MM-DD")
    ] = None,
    history: Annotated[
        int, typer.Option("--history", min=0, max=12, help="预填的往期数 earlier periods shown")
    ] = 3,
    lang: LangOpt = Lang.ZH,
) -> None:
    """生成填报表 Write one fill-in workbook (XLSX) per unit."""
    from datetime import date
    from pathlib import Path

    from ipplan.cli.options import load, parse_day
    from ipplan.collect.make import make_forms, pick_indicators, pick_units, write_forms
    from ipplan.render.collect import render_made

    the_period = _period(period)
    the_plan, observations = load(plan)
    units = pick_units(the_plan, observations, region, every)
    indicators = pick_indicators(the_plan, indicator or [])
    day = parse_day(due) if due else None
    forms = make_forms(the_plan, observations, the_period, units, indicators, due=day,
                       made=date.today(), count=history)  # fmt: skip
    paths = write_forms(forms, Path(output), lang)
    emit(render_made(paths, the_period, lang))


@app.command("in")
def collect_in(
    files: Annotated[list[str], typer.Argument(metavar="FILE...", help="报回的填报表 returns")],
    plan: PlanOpt = None,
    period: Annotated[
        str | None, typer.Option("--period", metavar="PERIOD", help="只收该期 only this period")
    ] = None,
    region: Annotated[
        str | None, typer.Option("--region", "-r", metavar="NAME", help="只收该单位 only this unit")
    ] = None,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="试运行：只显示，不写入 show, write nothing")
    ] = False,
    replace: Annotated[
        bool,
        typer.Option("--replace", help="也导入被改动的已锁定数字 import changed locked figures"),
    ] = False,
    lang: LangOpt = Lang.ZH,
) -> None:
    """收回填报表 Bring returned workbooks into actuals/, all or nothing."""
    from datetime import date
    from pathlib import Path

    from ipplan.collect.returns import collect_returns
    from ipplan.data.actuals import load_actuals
    from ipplan.data.plan import load_writable_plan
    from ipplan.render.collect import render_collected

    the_plan = load_writable_plan(plan)
    observations = load_actuals(the_plan)
    the_period = _period(period) if period else None
    collected = collect_returns(the_plan, [Path(f) for f in files], observations, date.today(),
                                period=the_period, unit=region, replace_locked=replace,
                                dry_run=dry_run, lang=lang)  # fmt: skip
    emit(render_collected(the_plan, collected, lang))
    if collected.refused:
        raise typer.Exit(1)


@app.command("status")
def status(
    period: PeriodOpt,
    plan: PlanOpt = None,
    fmt: Annotated[Format, formats(COLLECT_STATUS)] = Format.table,
    indicator: Annotated[
        list[str] | None,
        typer.Option("--indicator", "-i", metavar="ID", help="只看这些指标 only these (repeat)"),
    ] = None,
    lang: LangOpt = Lang.ZH,
) -> None:
    """填报情况 Which unit returned which figure for a period; units with nothing first."""
    from datetime import date

    from ipplan.cli.options import load
    from ipplan.collect.make import pick_indicators
    from ipplan.collect.status import collect_status

    the_period = _period(period)
    the_plan, observations = load(plan)
    indicators = pick_indicators(the_plan, indicator or [])
    rows = collect_status(the_plan, observations, the_period, date.today(), indicators)
    emit(COLLECT_STATUS.get(fmt).render(CollectStatusData(rows, the_period), view(lang)))
