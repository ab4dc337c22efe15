"""From a :class:`~ipplan.evaluate.PlanEvaluation` to a :class:`~ipplan.report.document.Report`.

The order of the sections is the one the office hands in (issue 5): title and metadata,
as-of and 序时进度, overall summary and verdict, targets table, one section per target,
monitored indicators, data-quality notes, sources, methodology appendix.
"""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from pathlib import Path

from ipplan import __version__
from ipplan.errors import Problem
from ipplan.evaluate import Evaluation, PlanEvaluation
from ipplan.i18n import format_problem
from ipplan.model import STATUSES
from ipplan.render import fmt
from ipplan.render.cells import target_text
from ipplan.render.json import status_dict
from ipplan.render.labels import status_word
from ipplan.render.summary import summary_line
from ipplan.report.chartdata import chart_for
from ipplan.report.document import (
    Block,
    Bullets,
    IndicatorSheet,
    Paragraph,
    Report,
    Section,
)
from ipplan.report.method import METHOD
from ipplan.report.tables import (
    history_table,
    monitored_table,
    sources_table,
    summary_table,
    targets_table,
)
from ipplan.report.texts import deadline_words, verdict
from ipplan.report.texts import target_text as narrative
from ipplan.report.words import word, words

DASH = fmt.DASH


# --------------------------------------------------------------------------- sections


def problem_lines(problems: Sequence[Problem], lang: str, base: Path | None) -> list[str]:
    """One line per problem, its file shown relative to the plan folder."""
    lines = []
    for p in problems:
        file = p.file
        if file and base is not None:
            with contextlib.suppress(ValueError, OSError):
                file = str(Path(file).resolve().relative_to(base.resolve()))
        shown = Problem(p.code, p.params, file, p.line, p.column, p.severity)
        lines.append(
            f"{word(p.severity, lang)}：" if lang == "zh" else f"{word(p.severity, lang)}: "
        )
        lines[-1] += format_problem(shown, lang, prefix=False)  # type: ignore[arg-type]
    return lines


def _overview(result: PlanEvaluation, lang: str) -> Section:
    meta = result.plan.meta
    blocks: list[Block] = [
        Paragraph(
            word(
                "elapsed_line",
                lang,
                as_of=_day(result.as_of.isoformat(), lang),
                start=_day(meta.start.isoformat(), lang),
                deadline=_day(meta.deadline.isoformat(), lang),
                pct=fmt.percent(result.time_elapsed, 0),
            )
        ),
        Paragraph(summary_line(result, lang) + ("。" if lang == "zh" else ".")),
        Paragraph(verdict(result, lang), "verdict"),
    ]
    targets = [e for e in result.evaluations if e.indicator.target is not None]
    if any("final_awaited" in e.notes for e in targets):
        blocks.append(Paragraph(word("final_awaited", lang), "note"))
    return Section("overview", word("overview", lang), tuple(blocks))


def _day(iso: str, lang: str) -> str:
    if lang != "zh":
        return iso
    y, m, d = iso.split("-")
    return f"{int(y)}年{int(m)}月{int(d)}日"


def _details(result: PlanEvaluation, lang: str) -> Section:
    subs = []
    deadline = deadline_words(result, lang)
    targets = [e for e in result.evaluations if e.indicator.target is not None]
    for n, ev in enumerate(targets, 1):
        number = _chinese_number(n) if lang == "zh" else str(n)
        blocks: list[Block] = []
        chart = chart_for(ev, result, lang)
        if chart is not None:
            blocks.append(chart)
        sentences = narrative(ev, lang, result.time_elapsed, deadline)
        blocks.append(Paragraph(("" if lang == "zh" else " ").join(sentences)))
        heading = word("detail", lang, n=number, name=ev.indicator.display_name(lang))
        subs.append(Section(f"target:{ev.indicator.id}", heading, tuple(blocks), level=2))
    return Section("details", word("details", lang), subsections=tuple(subs))


def _chinese_number(n: int) -> str:
    digits = "零一二三四五六七八九"
    if n < 10:
        return digits[n]
    tens, ones = divmod(n, 10)
    head = "" if tens == 1 else digits[tens] if tens < 10 else str(tens)
    return (head + "十" + (digits[ones] if ones else "")) if tens < 10 else str(n)


def build_report(
    result: PlanEvaluation, lang: str = "zh", problems: Sequence[Problem] = ()
) -> Report:
    """The whole report, in ``lang`` ("zh" or "en"); ``problems`` are the data-quality notes."""
    meta = result.plan.meta
    title = meta.title_en if lang == "en" and meta.title_en else meta.title
    front = [
        (word("document", lang), meta.document or DASH),
        (word("issuer", lang), meta.issuer or DASH),
        (word("issued", lang), meta.issued.isoformat() if meta.issued else DASH),
        (word("region", lang), result.region),
        (
            word("period", lang),
            word(
                "period_value",
                lang,
                start=meta.start.isoformat(),
                deadline=meta.deadline.isoformat(),
                baseline=str(meta.baseline),
            ),
        ),
        (word("as_of", lang), result.as_of.isoformat()),
        (word("time_elapsed", lang), fmt.percent(result.time_elapsed, 0)),
    ]
    monitored = monitored_table(result, lang)
    lines = problem_lines(problems, lang, result.plan.directory)
    quality: tuple[Block, ...] = (
        (Paragraph(word("quality_lead", lang)), Bullets(tuple(lines)))
        if lines
        else (Paragraph(word("quality_none", lang)),)
    )
    sources: list[Block] = []
    if meta.source:
        sources.append(Paragraph(word("plan_source", lang, source=meta.source)))
    sources.append(sources_table(result, lang))
    sections = (
        _overview(result, lang),
        Section("targets", word("targets", lang), (targets_table(result, lang),)),
        _details(result, lang),
        Section(
            "monitored",
            word("monitored", lang),
            (monitored,) if monitored.rows else (Paragraph(word("no_monitored", lang)),),
        ),
        Section("quality", word("quality", lang), quality),
        Section("sources", word("sources", lang), tuple(sources)),
        Section("method", word("method", lang), tuple(Paragraph(p) for p in METHOD[lang])),
    )
    counts = result.counts()
    sheets = tuple(
        IndicatorSheet(
            ev.indicator.id,
            ev.indicator.display_name(lang),
            _sheet_title(ev, lang),
            history_table(ev, lang),
        )
        for ev in result.evaluations
    )
    all_words = words(lang)
    all_words["generated"] = word("generated", lang, version=__version__)
    return Report(
        lang=lang,
        plan_id=meta.id,
        title=word("title", lang, title=title),
        as_of=result.as_of,
        meta=tuple(front),
        sections=sections,
        summary=summary_table(result, lang),
        sheets=sheets,
        counts=tuple((s, status_word(s, lang), counts[s]) for s in STATUSES if counts.get(s)),
        status=status_dict(result),
        words=all_words,
    )


def _sheet_title(ev: Evaluation, lang: str) -> str:
    ind = ev.indicator
    bits = [ind.display_name(lang)]
    if ind.unit:
        bits.append(f"（{ind.unit}）" if lang == "zh" else f" ({ind.unit})")
    if ind.target is not None:
        bits.append(f" · {word('h_target', lang)} {target_text(ev, lang)}")
    return "".join(bits)
