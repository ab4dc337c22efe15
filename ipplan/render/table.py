"""The terminal table of `ipplan status` (rich), rendered to a string."""

from __future__ import annotations

from rich import box
from rich.cells import cell_len
from rich.table import Table
from rich.text import Text

from ipplan.analysis.evaluate import PlanEvaluation
from ipplan.analysis.verdicts import PlanAssessment, ended
from ipplan.core.i18n import Lang
from ipplan.core.i18n import word as catalog_word
from ipplan.core.model import STATUSES
from ipplan.core.periods import label_for_date
from ipplan.present import fmt
from ipplan.present.cells import row
from ipplan.present.final import count_lines, status_text
from ipplan.present.labels import (
    HEAD,
    MISSING_WHY,
    STYLE,
    TEXT,
    has_label,
    label,
    one_line,
    status_word,
)
from ipplan.present.summary import (
    evaluation_head,
    header_line,
    summary_line,
    verdict_cell,
)
from ipplan.render.console import print_wrapped, string_console, text_of

HANG = 2  # a wrapped line under the table goes on indented


def _width(text: str) -> int:
    return max(cell_len(line) for line in text.splitlines()) if text else 0


def render_status(
    result: PlanEvaluation,
    lang: Lang,
    *,
    width: int = 80,
    color: bool = False,
    words: PlanAssessment | None = None,
) -> str:
    """Targets first, monitored indicators after, a summary line under them; with
    ``words``, an evaluation column (national words or lights) and the plan-level count."""
    console = string_console(width, color)
    console.print(header_line(result, lang), style="bold")  # a str: escaped whole
    h = HEAD
    deadline = label_for_date(result.plan.meta.deadline)
    missing: list[str] = []
    targets = [e for e in result.evaluations if e.indicator.target is not None]
    monitored = [e for e in result.evaluations if e.indicator.target is None]
    rows: list[list[str]] = []
    for ev in targets:
        r = row(ev, lang, result.time_elapsed)
        latest = f"{r.latest}\n({r.period})" if ev.latest else r.latest
        rows.append([r.name, r.target, latest, r.attainment, r.progress, r.growth, r.projection])
        if ev.status == "insufficient_data":
            why = next((n for n in ev.notes if has_label(MISSING_WHY, n)), None)
            missing.append(r.name + (label(MISSING_WHY, why, lang) if why else ""))
    # The name and status columns never shrink below their longest word. The figures keep
    # their width when the table still fits the terminal; the names take what is left.
    status_width = max(cell_len(status_word(s, lang)) for s in STATUSES) + 1  # "*" marks final
    shown = [status_text(ev, result, lang) for ev in targets]  # final words after the deadline
    status_width = max([status_width, *map(cell_len, shown)])
    verdicts = [verdict_cell(a, words, lang) for _, a in words.items] if words else []
    word_head = evaluation_head(words, lang) if words else ""
    word_width = max([cell_len(v) for v in verdicts] + [cell_len(word_head)]) if words else 0
    # the evaluation word sits under the status, in the same column ("beside" it at 80 cells)
    status_width = max(status_width, word_width)
    heads = [label(h, k, lang) for k in ("target", "latest", "attainment", "progress", "growth")]
    heads.append(label(h, "projection", lang, period=deadline))
    figures = [
        max([_width(r[i]) for r in rows] + [max(cell_len(w) for w in heads[i - 1].split())])
        for i in range(1, 7)
    ]
    name_min = 8 if lang == "zh" else 13
    needed = name_min + sum(figures) + status_width
    # two spaces between columns when the names still get 14 cells (7 Chinese characters)
    gap = 2 if needed - name_min + 14 + 2 * 7 <= width else 1
    if needed + gap * 7 > width:  # too narrow for a table: one short block per target
        console.print()
        for i, (ev, cells) in enumerate(zip(targets, rows, strict=True)):
            word = shown[i]
            colon = catalog_word("punct.colon", lang)
            extra = f"  {word_head}{colon}{verdicts[i]}" if words else ""
            console.print(Text.assemble((cells[0], "bold"), "  ", (word, STYLE[ev.status]), extra))
            facts = [f"{one_line(head)} {cell.replace(chr(10), ' ')}"
                     for head, cell in zip(heads, cells[1:], strict=True)]  # fmt: skip
            print_wrapped(console, "  " + " · ".join(facts), HANG, after=" · ")
        table = None
    else:
        # SIMPLE_HEAD draws a space between columns; padding adds gap - 1 more
        table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False,
                      padding=(0, 0, 0, gap - 1))  # fmt: skip
        table.add_column(label(h, "indicator", lang), overflow="fold", min_width=name_min)
        for head, need in zip(heads, figures, strict=True):
            table.add_column(head, justify="right", overflow="fold", min_width=need)
        status_head = label(h, "status", lang) + (f"\n{word_head}" if words else "")
        table.add_column(status_head, no_wrap=True, min_width=status_width)
        for i, (ev, cells) in enumerate(zip(targets, rows, strict=True)):
            word = shown[i]
            below = f"\n{verdicts[i]}" if words else ""
            table.add_row(*cells, Text.assemble((word, STYLE[ev.status]), below))
    if table is not None and rows:  # a unit without targets of its own: no empty table
        console.print()
        console.print(table)
    console.print()
    if not ended(result):  # after the deadline the final count replaces it (count_lines)
        console.print(Text(summary_line(result, lang), style="bold"))
    for line in count_lines(result, words, lang):
        print_wrapped(console, line, HANG)
    if missing:
        sep = catalog_word("punct.enum", lang)
        print_wrapped(console, label(TEXT, "missing", lang, names=sep.join(missing)), HANG)
    if any(e.final for e in targets):
        console.print(f"* {label(TEXT, 'final', lang)}")
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
