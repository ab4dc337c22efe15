"""The terminal table of `ipplan status` (rich), rendered to a string."""

from __future__ import annotations

from rich import box
from rich.table import Table
from rich.text import Text

from ipplan.evaluate import PlanEvaluation
from ipplan.periods import label_for_date
from ipplan.render import fmt
from ipplan.render.cells import row
from ipplan.render.console import string_console, text_of
from ipplan.render.labels import HEAD, NOTES, STYLE, TEXT, label
from ipplan.render.summary import header_line, summary_line


def render_status(
    result: PlanEvaluation, lang: str, *, width: int = 80, color: bool = False
) -> str:
    """Targets first, monitored indicators after, a summary line under them."""
    console = string_console(width, color)
    console.print(Text(header_line(result, lang), style="bold"))
    h = HEAD
    deadline = label_for_date(result.plan.meta.deadline)
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, padding=(0, 1), collapse_padding=True)
    table.add_column(
        label(h, "indicator", lang), overflow="fold", min_width=8 if lang == "zh" else 12
    )
    table.add_column(label(h, "target", lang), justify="right", no_wrap=True)
    table.add_column(label(h, "latest", lang), justify="right", no_wrap=True)
    table.add_column(label(h, "attainment", lang), justify="right", no_wrap=True)
    table.add_column(label(h, "progress", lang), justify="right", no_wrap=True)
    table.add_column(label(h, "growth", lang), justify="right", no_wrap=True)
    table.add_column(label(h, "projection", lang, period=deadline), justify="right", no_wrap=True)
    table.add_column(label(h, "status", lang), no_wrap=True)
    missing: list[str] = []
    targets = [e for e in result.evaluations if e.indicator.target is not None]
    monitored = [e for e in result.evaluations if e.indicator.target is None]
    for ev in targets:
        r = row(ev, lang, result.time_elapsed)
        latest = f"{r.latest}\n({r.period})" if ev.latest else r.latest
        table.add_row(r.name, r.target, latest, r.attainment, r.progress, r.growth, r.projection,
                      Text(r.status, style=STYLE[ev.status]))  # fmt: skip
        if ev.latest is None:
            missing.append(r.name)
    console.print(table)
    console.print(Text(summary_line(result, lang), style="bold"))
    if missing:
        sep = "、" if lang == "zh" else ", "
        console.print(label(TEXT, "missing", lang, names=sep.join(missing)))
    if any(e.final for e in targets):
        console.print(f"* {label(TEXT, 'final', lang)}")
    if any("final_awaited" in e.notes for e in targets):
        console.print(label(NOTES, "final_awaited", lang))
    if monitored:
        mon = Table(box=box.SIMPLE_HEAD, pad_edge=False, padding=(0, 1),
                    title=label(h, "monitored", lang), title_justify="left")  # fmt: skip
        mon.add_column(label(h, "indicator", lang), overflow="fold")
        mon.add_column(label(h, "latest", lang), justify="right", no_wrap=True)
        mon.add_column(label(h, "period", lang), no_wrap=True)
        mon.add_column(label(h, "unit", lang), no_wrap=True)
        mon.add_column(
            label(h, "growth", lang).split()[0].split("\n")[0], justify="right", no_wrap=True
        )
        for ev in monitored:
            r = row(ev, lang, result.time_elapsed)
            mon.add_row(r.name, r.latest, r.period, r.unit, fmt.percent(ev.actual_growth))
        console.print(mon)
    return text_of(console)
