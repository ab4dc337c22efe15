"""`ipplan record`: add one figure to actuals/<id>.csv, typed the way people type it."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Annotated, TypeVar

import typer

from ipplan.cli.options import Lang, LangOpt, PlanOpt, RegionOpt, emit, today
from ipplan.errors import IpplanError, Problem

T = TypeVar("T")


def _typed(convert: Callable[[str], T], text: str, problems: list[Problem]) -> T | None:
    """``convert(text)``, or None with its problems collected (to report them all at once)."""
    try:
        return convert(text)
    except IpplanError as exc:
        problems.extend(exc.problems)
        return None


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
    lang: LangOpt = Lang.ZH,
) -> None:
    """录入一个数值 Record one figure in actuals/<id>.csv (atomic, locked)."""  # fmt: skip

    from ipplan.actuals import FLAG_RE, parse_date, read_actuals
    from ipplan.errors import DataError, UsageError
    from ipplan.evaluate import evaluate_plan
    from ipplan.i18n import format_problem
    from ipplan.lookup import require_indicator
    from ipplan.model import Observation
    from ipplan.numbers import parse_number
    from ipplan.periods import parse_period_lenient
    from ipplan.plan import load_writable_plan
    from ipplan.render.changes import render_record, status_line
    from ipplan.store import check_observation, upsert
    from ipplan.units import check_declared

    the_plan = load_writable_plan(plan)
    check_declared(the_plan, region)  # regions: listed: a typo must not start a new unit
    ind = require_indicator(the_plan, indicator, lang)
    problems: list[Problem] = []
    the_period = _typed(parse_period_lenient, period, problems)
    the_value = _typed(lambda t: parse_number(t, percent=ind.unit == "%"), value, problems)
    the_yoy = _typed(lambda t: parse_number(t, percent=True), yoy, problems) if yoy else None
    day = None
    if published:
        try:
            day = parse_date(published)
        except ValueError:
            problems.append(Problem("record.bad_date", {"value": published}))
    the_flag = flag.strip().lower() if flag and flag.strip() else None
    if the_flag is not None and not FLAG_RE.match(the_flag):
        problems.append(Problem("actuals.bad_flag", {"value": flag}))
    if problems or the_period is None or the_value is None:
        raise UsageError(problems=problems)
    obs = Observation(ind.id, the_period, the_value, (region or "").strip(), source, note,
                      the_flag, the_yoy, day)  # fmt: skip
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
    emit(render_record(the_plan, result, lang))
    observations, found_now = read_actuals(the_plan)
    if any(p.severity == "error" for p in found_now):
        warning = Problem("record.other_problems", severity="warning")
        print(format_problem(warning, lang), file=sys.stderr)
    evaluation = evaluate_plan(the_plan, observations, day_today, region)
    for ev in evaluation.evaluations:
        if ev.indicator.id == ind.id:
            emit(status_line(ev, lang, evaluation.time_elapsed))
