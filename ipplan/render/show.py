"""The terminal view of `ipplan show ID`: history, chart, figures, projections."""

from __future__ import annotations

from datetime import date, timedelta
from itertools import zip_longest

from rich import box
from rich.table import Table
from rich.text import Text

from ipplan.analysis.derivation import Note
from ipplan.analysis.evaluate import Evaluation, PlanEvaluation
from ipplan.analysis.project import REGISTRY
from ipplan.core.i18n import Lang, word
from ipplan.present import fmt
from ipplan.present.final import shown_status
from ipplan.present.labels import HEAD, NOTES, STYLE, TARGET_TYPE, TEXT, label
from ipplan.render.chart import Line, chart
from ipplan.render.console import print_wrapped, string_console, text_of
from ipplan.render.show_projections import (
    backtest_line,
    choice_line,
    method_formula,
    range_verdict,
    summary,
)
from ipplan.render.show_text import METHOD_NAME, Ctx, figures, share

CHAR = {m: spec.letter for m, spec in REGISTRY.items()}
HANG = 2  # a wrapped line of the figures and notes goes on indented
SOURCE_HANG = 4  # a source goes on under its period ("  2021: …")


def _history_table(ctx: Ctx) -> Table:
    w = ctx.w
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, padding=(0, 1), collapse_padding=True)
    for head, justify in (
        (label(HEAD, "period", ctx.lang), "left"),
        (label(HEAD, "value", ctx.lang), "right"),
        (w("h_yoy_published"), "right"),
        (w("h_yoy_computed"), "right"),
        (label(HEAD, "flag", ctx.lang), "left"),
        (label(HEAD, "published", ctx.lang), "left"),
    ):
        table.add_column(head, justify=justify, no_wrap=True)  # type: ignore[arg-type]
    for o, computed_yoy in zip_longest(ctx.ev.history, ctx.ev.derivation.history_yoy):
        flag = (o.flag or "") + ("=" if o.computed else "")
        table.add_row(
            str(o.period),
            fmt.number(o.value),
            fmt.DASH if o.yoy is None else f"{fmt.number(o.yoy, 2)}%",
            fmt.percent(computed_yoy),
            flag or "",
            o.published.isoformat() if o.published else "",
        )
    return table


def _sources(ctx: Ctx) -> list[str]:
    sourced = [o for o in ctx.ev.history if o.source]
    lines = [ctx.w("sources")] if sourced else []
    for o in sourced:
        lines.append(f"  {o.period}: {o.source}")
    used = {c for o in ctx.ev.history for c in (o.flag or "")}
    legend = [f"{c} {label('flag', c, ctx.lang)}" for c in "epb" if c in used]
    if any(o.computed for o in ctx.ev.history):
        legend.append(ctx.w("flag_computed"))
    if legend:
        lines.append(ctx.w("flags") + word("punct.semicolon", ctx.lang).join(legend))
    return lines


def _chart_lines(ctx: Ctx, width: int, ascii: bool) -> list[str]:
    ev = ctx.ev
    if ev.latest is None:
        return []
    meta = ctx.result.plan.meta
    t = ev.indicator.target
    series = ctx.series
    if ev.indicator.kind == "flow":
        series = [o for o in series if o.period.freq == ev.latest.period.freq]
    history: list[tuple[date, float]] = [(o.end, o.value) for o in series]
    target = t.value if t is not None and t.type != "growth" else None
    if t is not None and t.type == "cumulative" and t.from_period is not None:
        der = ev.derivation
        history = [(o.end, total) for o, total in zip(der.counted, der.running, strict=True)]
    if len(history) < 2 and not ev.projections:
        return []  # one point and nothing projected: a chart would show nothing
    fitted = ev.projections[0].fitted if ev.projections else ()
    starts = [meta.start, *(d for d, _ in history[-8:][:1])]
    if fitted:
        starts.extend(o.end for o in series if str(o.period) == fitted[0])
    start = min(starts) - timedelta(days=1)
    end = max([meta.deadline, *(d for d, _ in history)])
    chosen = ev.projection.method if ev.projection else None
    ordered = sorted(ev.projections, key=lambda p: p.method == chosen)  # the shown one on top
    lines = [Line(CHAR[p.method], p.path) for p in ordered if p.path]
    drawn = chart(
        [h for h in history if h[0] >= start],
        lines,
        target,
        start,
        end,
        fmt.number,
        width=width,
        ascii=ascii,
    )
    if not drawn:
        return []
    point = "*" if ascii else "●"
    legend = [f"{point} {ctx.w('c_actual')}"]
    if ev.cumulative is not None:
        legend[0] = f"{point} {ctx.w('c_cumulative')}"
    legend += [f"{CHAR[p.method]} {METHOD_NAME[p.method][ctx.lang]}" for p in ev.projections]
    if target is not None:
        legend.append(f"{'-' if ascii else '┄'} {ctx.w('c_target')} {fmt.number(target)}")
    return [*drawn, "  ".join(legend)]


def _projection_table(ctx: Ctx) -> Table:
    w, ev = ctx.w, ctx.ev
    period = ev.projections[0].period
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, padding=(0, 1), collapse_padding=True)
    table.add_column(label(HEAD, "method", ctx.lang), no_wrap=True)
    table.add_column(w("h_projection", period=period), justify="right", no_wrap=True)
    if ev.indicator.target is not None and ev.indicator.target.type != "growth":
        table.add_column(w("h_share"), justify="right", no_wrap=True)
    table.add_column(w("h_error"), justify="right", no_wrap=True)
    table.add_column("", no_wrap=True)
    for p in ev.projections:
        cells = [f"{CHAR[p.method]} {METHOD_NAME[p.method][ctx.lang]}", fmt.number(p.value)]
        if len(table.columns) == 5:
            cells.append(fmt.percent(share(ctx, p)))
        cells.append(fmt.percent(p.error))
        cells.append(w("chosen") if p is ev.projection else "")
        table.add_row(*cells)
    return table


def render_show(
    result: PlanEvaluation,
    ev: Evaluation,
    lang: Lang,
    *,
    method: str = "auto",
    width: int = 80,
    color: bool = False,
    ascii: bool = False,
) -> str:
    ctx = Ctx(result, ev, lang)
    w = ctx.w
    console = string_console(width, color)
    out = console.print

    def para(text: str | Text, hang: int = HANG, style: str = "", after: str | None = None) -> None:
        """Prose, broken as Chinese is; its later lines indented by ``hang``."""
        print_wrapped(console, text, hang, style, after)

    ind = ev.indicator
    bits = [
        w("title_name", name=ind.display_name(lang), id=ind.id),
        w("as_of", date=result.as_of),
        label(TEXT, "time_elapsed", lang, pct=fmt.percent(result.time_elapsed, 0)),
    ]
    if result.region != result.plan.meta.region:  # as status: a unit's region only
        bits.append(label(TEXT, "region", lang, region=result.region))
    para(" · ".join(bits), 0, "bold", " · ")  # a str: every character escaped, BEL too
    t = ind.target
    if t is not None:
        if t.type == "growth":
            goal = label(TARGET_TYPE, "growth", lang)
        else:
            kind = "cumulative" if t.type == "cumulative" else ("level" if t.increasing else "down")
            since = w("since", period=t.from_period) if t.from_period else ""
            goal = w(f"goal_{kind}", amount=ctx.amount(t.value), since=since)
        para(w("target", by=ctx.by_deadline(), goal=goal))
        if t.source:
            para(w("source", source=t.source))
    status = Text(  # after the deadline the final evaluation's word, as status and regions
        shown_status(ev, result, lang) + (w("final_mark") if ev.final else ""),
        style=STYLE[ev.status],
    )
    if Note.final_awaited in ev.notes:
        status += Text(w("still_forecast"))
    para(Text(w("status")) + status)
    for line in (summary(ctx), range_verdict(ctx)):
        if line:
            para(line, 0)
    out()
    out(Text(w("history"), style="bold"))
    if ev.history:
        out(_history_table(ctx))
        for text in _sources(ctx):
            para(text, SOURCE_HANG if text.startswith("  ") else HANG)
    else:
        out(label(NOTES, "no_data", lang))
    drawn = _chart_lines(ctx, width, ascii)
    if drawn:
        out()
        for text in drawn:
            out(Text(text), no_wrap=True, overflow="ignore", crop=False)
    out()
    out(Text(w("figures"), style="bold"))
    for text in figures(ctx):
        para(text)
    out()
    out(Text(w("projections", by=ctx.by_deadline()), style="bold"))
    if ev.projections:
        out(_projection_table(ctx))
        for p in ev.projections:
            first, last = (p.fitted[0], p.fitted[-1]) if p.fitted else ("", "")
            para(method_formula(ctx, p.method, len(p.fitted), first, last))
            if p.checks:
                para(backtest_line(ctx, p.fitted, p.checks))
        if ev.projection_low is not None and len(ev.projections) > 1:
            low, high = fmt.number(ev.projection_low), fmt.number(ev.projection_high)
            para(w("range", low=low, high=high))
        if not any(p.checks for p in ev.projections):
            para(w("backtest_rule"))
    para(choice_line(ctx, method))
    return text_of(console)
