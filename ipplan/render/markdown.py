"""`--format markdown`: GitHub tables, data escaped so it cannot break the table."""

from __future__ import annotations

from ipplan.evaluate import PlanEvaluation
from ipplan.periods import label_for_date
from ipplan.present.cells import row
from ipplan.present.final import count_lines, status_text
from ipplan.present.labels import HEAD, label, one_line
from ipplan.present.markdown import cell, table
from ipplan.present.summary import (
    evaluation_head,
    header_line,
    summary_line,
    verdict_cell,
)
from ipplan.verdicts import PlanAssessment, ended


def render_status(result: PlanEvaluation, lang: str, words: PlanAssessment | None = None) -> str:
    h = HEAD
    deadline = label_for_date(result.plan.meta.deadline)
    head = [label(h, k, lang) for k in ("indicator", "target", "latest", "period", "attainment",
                                         "progress", "growth")]  # fmt: skip
    head += [label(h, "projection", lang, period=deadline), label(h, "status", lang)]
    if words:
        head.append(evaluation_head(words, lang))
    verdicts = {id(ev): verdict_cell(a, words, lang) for ev, a in words.items} if words else {}
    rows = []
    monitored = []
    for ev in result.evaluations:
        r = row(ev, lang, result.time_elapsed)
        if ev.indicator.target is None:
            monitored.append([r.name, r.latest, r.period, r.unit])
            continue
        rows.append([r.name, r.target, r.latest, r.period, r.attainment, r.progress, r.growth,
                     r.projection, status_text(ev, result, lang)])  # fmt: skip
        if words:
            rows[-1].append(verdicts[id(ev)])
    align = "lrrlrrrrl" + ("l" if words else "")
    head = [one_line(x) for x in head]  # "Growth\nneed/act": one line in a Markdown cell
    parts = [f"# {cell(header_line(result, lang))}\n", table(head, rows, align)]
    if not ended(result):  # as the table: after the deadline the final count replaces it
        parts.append(f"\n**{cell(summary_line(result, lang))}**\n")
    parts += [f"\n{cell(line)}\n" for line in count_lines(result, words, lang)]
    if monitored:
        mhead = [label(h, k, lang) for k in ("indicator", "latest", "period", "unit")]
        parts += [f"\n## {cell(label(h, 'monitored', lang))}\n\n", table(mhead, monitored, "lrll")]
    return "".join(parts)
