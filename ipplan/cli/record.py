"""`ipplan record`: add one figure to actuals/<id>.csv, typed the way people type it."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from ipplan.cli.options import Lang, LangOpt, PlanOpt, RegionOpt, emit, today
from ipplan.errors import Problem


def record(
    indicator: Annotated[
        str, typer.Argument(metavar="ID", help="指标代码或名称 indicator id or Chinese name")
    ],
    period: Annotated[
        str, typer.Argument(metavar="PERIOD", help="期间 period: 2024, 2024-Q1, 2024-03, 2024年3月")
    ],
    value: Annotated[
        str, typer.Argument(metavar="VALUE", help="数值 value: 22542, 22,542, 2.25万, 4.7亿")
    ],
    plan: PlanOpt = None,
    region: RegionOpt = None,
    source: Annotated[
        str | None,
        typer.Option("--source", metavar="TEXT", help="来源 where the figure was published"),
    ] = None,
    note: Annotated[str | None, typer.Option("--note", metavar="TEXT", help="备注 note")] = None,
    flag: Annotated[
        str | None,
        typer.Option("--flag", metavar="e|p|b", help="标记 e estimated, p provisional, b break"),
    ] = None,
    yoy: Annotated[
        str | None,
        typer.Option("--yoy", metavar="PCT", help="同比 published year-on-year change, 14.29%"),
    ] = None,
    published: Annotated[
        str | None,
        typer.Option("--published", metavar="DATE", help="发布日期 publication date YYYY-MM-DD"),
    ] = None,
    replace: Annotated[
        bool, typer.Option("--replace", help="替换已有记录 replace an existing figure")
    ] = False,
    lang: LangOpt = Lang.zh,
) -> None:
    """录入一个数值 Record one figure in actuals/<id>.csv (atomic, locked)."""  # fmt: skip

    from ipplan.actuals import read_actuals
    from ipplan.errors import DataError, UsageError
    from ipplan.evaluate import evaluate_plan
    from ipplan.i18n import format_problem
    from ipplan.lookup import require_indicator
    from ipplan.observation import Origin, parse_observation
    from ipplan.plan import load_writable_plan
    from ipplan.render.changes import render_record, status_line
    from ipplan.store import check_observation, upsert
    from ipplan.units import check_declared

    the_plan = load_writable_plan(plan)
    check_declared(the_plan, region)  # regions: listed: a typo must not start a new unit
    ind = require_indicator(the_plan, indicator, lang.value)
    fields = {"period": period, "value": value, "region": region, "source": source,
              "note": note, "flag": flag, "yoy": yoy, "published": published}  # fmt: skip
    obs, problems = parse_observation(fields, ind, Origin.ENTRY)
    if obs is None:
        raise UsageError(problems=problems)
    day_today = today()
    found = check_observation(the_plan, obs, day_today)
    if found:
        raise UsageError(problems=found)
    try:
        result = upsert(the_plan, ind.id, [obs], replace, today=day_today)
    except DataError as exc:
        if all(p.code.startswith("store.exists") for p in exc.problems):
            raise UsageError(problems=exc.problems) from None
        raise
    emit(render_record(the_plan, result, lang.value))
    observations, found_now = read_actuals(the_plan)
    if any(p.severity == "error" for p in found_now):
        warning = Problem("record.other_problems", severity="warning")
        print(format_problem(warning, lang.value), file=sys.stderr)
    evaluation = evaluate_plan(the_plan, observations, day_today, region)
    for ev in evaluation.evaluations:
        if ev.indicator.id == ind.id:
            emit(status_line(ev, evaluation, lang.value))
