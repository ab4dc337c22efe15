"""From a :class:`~ipplan.analysis.evaluate.PlanEvaluation` to a
:class:`~ipplan.report.document.Report`.

The order of the sections is the one the office hands in (issues 5 and 10): title and
metadata, as-of and 序时进度, overall summary and verdict (and the changes since the
previous report), 表1 targets, one section per target with its 图, 表2 monitored
indicators, 存在问题, 下一步工作, the 落款 (issuer and date), then the annexes: sources as
citations, data-quality findings worded for a reader, methodology. The body names no file,
no CSV, no seed and no file:line:column; the spreadsheet keeps those in its own columns.
"""

from __future__ import annotations

import contextlib
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from ipplan import __version__
from ipplan.analysis.derivation import Note
from ipplan.analysis.evaluate import Evaluation, PlanEvaluation
from ipplan.analysis.verdicts import Mode, assess_plan, ended
from ipplan.core.errors import Problem
from ipplan.core.i18n import Lang, format_problem
from ipplan.core.i18n import word as catalog_word
from ipplan.core.model import STATUSES
from ipplan.data.statuses import Scheme
from ipplan.data.units import is_plan_region
from ipplan.present import fmt
from ipplan.present.cells import target_text
from ipplan.present.fmt import unit_text
from ipplan.present.json import status_dict
from ipplan.present.labels import HEAD, label, status_word
from ipplan.present.summary import evaluation_lines, summary_line
from ipplan.report.chartdata import chart_for
from ipplan.report.cite import Citations, load_references
from ipplan.report.document import (
    Block,
    Bullets,
    Cell,
    Column,
    IndicatorSheet,
    Paragraph,
    Report,
    Section,
    Table,
)
from ipplan.report.method import method_paragraphs
from ipplan.report.regions import (
    ByRegion,
    Observations,
    by_region,
    lagging_sentence,
    region_section,
    region_sheet,
)
from ipplan.report.tables import (
    history_table,
    monitored_table,
    sources_table,
    summary_table,
    targets_table,
)
from ipplan.report.texts import (
    LAGGING,
    deadline_words,
    is_stale,
    period_words,
    shown_status,
    verdict,
)
from ipplan.report.texts import target_text as narrative
from ipplan.report.words import word, words

DASH = fmt.DASH


# --------------------------------------------------------------------------- sections


@dataclass
class Numbers:
    """Tables and figures are numbered in document order: 表1, 表2…; 图1, 图2…"""

    lang: Lang
    tables: int = 0
    figures: int = 0

    def table(self, title: str) -> str:
        self.tables += 1
        return word("table_caption", self.lang, n=self.tables, title=title)

    def figure(self, title: str) -> str:
        self.figures += 1
        return word("figure_caption", self.lang, n=self.figures, title=title)


def where(p: Problem, base: Path | None) -> str:
    """file:line:column, the file relative to the plan folder (spreadsheets only)."""
    file = p.file or ""
    if file and base is not None:
        with contextlib.suppress(ValueError, OSError):
            file = str(Path(file).resolve().relative_to(base.resolve()))
    return ":".join(str(x) for x in (file, p.line, p.column) if x not in (None, ""))


def problem_lines(problems: Sequence[Problem], lang: Lang, base: Path | None) -> list[str]:
    """One line per problem, its file shown relative to the plan folder (for the CLI)."""
    lines = []
    for p in problems:
        file = p.file
        if file and base is not None:
            with contextlib.suppress(ValueError, OSError):
                file = str(Path(file).resolve().relative_to(base.resolve()))
        shown = Problem(p.code, p.params, file, p.line, p.column, p.severity)
        severity = catalog_word(f"severity.{p.severity}", lang)
        lines.append(word("severity_line", lang, severity=severity))
        lines[-1] += format_problem(shown, lang, prefix=False)
    return lines


def _indicator_of(p: Problem, result: PlanEvaluation, lang: Lang) -> str:
    """The indicator a finding is about, by name: from its id, or its actuals file."""
    ident = p.params.get("id") or p.params.get("indicator")
    if not ident and p.file:
        ident = Path(p.file).stem
    ind = result.plan.get(str(ident)) if ident else None
    return ind.display_name(lang) if ind is not None else DASH


_PLAN_FILE = re.compile(r"\btargets\.ya?ml\b")
_DATA_FILE = re.compile(r"(?<![\w/])[\w./\\-]*\w\.(?:csv|ya?ml|txt|xlsx?)\b", re.I)


def for_reader(text: str, lang: Lang) -> str:
    """A finding without file names: targets.yaml and data files named in words."""
    text = _PLAN_FILE.sub(word("file.plan", lang), text)
    return _DATA_FILE.sub(word("file.data", lang), text)


def quality_table(
    problems: Sequence[Problem], result: PlanEvaluation, lang: Lang, caption: str
) -> Table:
    """The findings of the data check, for a reader: which figure, what, how serious.

    The message is the "what" only (its hint speaks to whoever edits the files); the
    location column (file:line:column) is for spreadsheets only.
    """
    w = words(lang)
    columns = (
        Column("indicator", label(HEAD, "indicator", lang), "l", 24),
        Column("problem", w["h_problem"], "l", 60),
        Column("severity", w["h_severity"], "l", 8),
        Column("location", w["h_location"], "l", 30, sheet_only=True),
    )
    rows = []
    for p in problems:
        what = format_problem(Problem(p.code, p.params), lang, prefix=False)
        what = for_reader(what.split("; ")[0], lang)
        rows.append(
            (
                Cell.of(_indicator_of(p, result, lang), data=True),
                Cell.of(what, data=True),
                Cell.of(catalog_word(f"severity.{p.severity}", lang)),
                Cell.of(where(p, result.plan.directory) or DASH, data=True),
            )
        )
    return Table("quality", columns, tuple(rows), caption)


def _day(iso: str, lang: Lang) -> str:
    y, m, d = iso.split("-")
    return catalog_word("line.date", lang, year=int(y), month=int(m), day=int(d))


def _targets(result: PlanEvaluation) -> list[Evaluation]:
    return [e for e in result.evaluations if e.indicator.target is not None]


def _changes(result: PlanEvaluation, previous: PlanEvaluation, lang: Lang) -> list[str]:
    """One sentence per target whose status changed since the previous report."""
    before = {e.indicator.id: e for e in previous.evaluations}
    prev_date = _day(previous.as_of.isoformat(), lang)
    out = []
    for ev in _targets(result):
        old = before.get(ev.indicator.id)
        if old is None:
            continue
        now, then = shown_status(ev, result, lang), shown_status(old, previous, lang)
        if now != then:
            out.append(
                word(
                    "changed",
                    lang,
                    name=ev.indicator.display_name(lang),
                    prev=then,
                    now=now,
                    prev_date=prev_date,
                )
            )
    return out or [word("unchanged", lang, prev_date=prev_date)]


def _overview(
    result: PlanEvaluation,
    lang: Lang,
    previous: PlanEvaluation | None,
    regional: ByRegion | None = None,
) -> Section:
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
    ]
    if not ended(result):  # after the deadline the verdict gives the counts in final words
        blocks.append(Paragraph(summary_line(result, lang) + catalog_word("punct.stop", lang)))
    blocks.append(Paragraph(verdict(result, lang), "verdict"))
    end = catalog_word("punct.stop", lang)
    pa = assess_plan(result)
    lines = evaluation_lines(pa, lang)
    if pa.mode is Mode.final:  # the verdict gives the final words; lights still count
        lines = lines[:1] if pa.scheme is Scheme.lights else []
    blocks += [Paragraph(line + end) for line in lines]
    behind = lagging_sentence(regional, lang) if regional is not None else None
    if behind:
        blocks.append(Paragraph(behind, "verdict"))
    targets = _targets(result)
    if any(Note.final_awaited in e.notes for e in targets):
        blocks.append(Paragraph(word("final_awaited", lang), "note"))
    if previous is not None:
        sep = "" if lang == "zh" else " "
        blocks.append(Paragraph(sep.join(_changes(result, previous, lang))))
    if targets:
        blocks.append(Paragraph(word("see_table", lang)))
    return Section("overview", word("overview", lang), tuple(blocks))


def _details(result: PlanEvaluation, lang: Lang, numbers: Numbers) -> Section:
    subs = []
    deadline = deadline_words(result, lang)
    for n, ev in enumerate(_targets(result), 1):
        number = _chinese_number(n) if lang == "zh" else str(n)
        blocks: list[Block] = []
        chart = chart_for(ev, result, lang)
        if chart is not None:
            title = chart.labels.get("title", ev.indicator.display_name(lang))
            blocks.append(replace(chart, caption=numbers.figure(title)))
        sentences = narrative(ev, lang, result, deadline)
        blocks.append(Paragraph(("" if lang == "zh" else " ").join(sentences)))
        heading = word("detail", lang, n=number, name=ev.indicator.display_name(lang))
        subs.append(Section(f"target:{ev.indicator.id}", heading, tuple(blocks), level=2))
    return Section("details", word("details", lang), subsections=tuple(subs))


def _closing(result: PlanEvaluation, lang: Lang, shifted: bool = False) -> tuple[Section, Section]:
    """存在问题 and 下一步工作: lagging targets, stale figures, missing data, one line each."""
    problems: list[str] = []
    steps: list[str] = []
    over = ended(result)
    for ev in _targets(result):
        name = ev.indicator.display_name(lang)
        status = shown_status(ev, result, lang)
        if ev.status == "missed":
            problems.append(word("pr_missed", lang, name=name))
            steps.append(word("ns_final_lagging", lang, name=name))
        elif ev.status in LAGGING:
            detail = status
            if ev.attainment is not None:
                detail += word("attainment", lang, pct=fmt.percent(ev.attainment))
            problems.append(word("pr_lagging", lang, name=name, detail=detail))
            key = "ns_final_lagging" if over else "ns_lagging"
            steps.append(word(key, lang, name=name, target=_target_words(ev, lang)))
        if ev.latest is None:
            problems.append(word("pr_nodata", lang, name=name))
            steps.append(word("ns_nodata", lang, name=name))
        elif ev.status == "insufficient_data":
            problems.append(word("pr_one_point", lang, name=name))
            steps.append(word("ns_one_point", lang, name=name))
        if ev.latest is not None and is_stale(ev, result.as_of):
            period = period_words(ev.latest.period, lang)
            problems.append(word("pr_stale", lang, name=name, period=period))
            steps.append(word("ns_stale", lang, name=name))
    first = Section(
        "problems",
        word("problems_r" if shifted else "problems", lang),
        (Bullets(tuple(problems)),) if problems else (Paragraph(word("pr_none", lang)),),
    )
    second = Section(
        "next_steps",
        word("next_steps_r" if shifted else "next_steps", lang),
        (Bullets(tuple(steps)),) if steps else (Paragraph(word("ns_none", lang)),),
    )
    return first, second


def _target_words(ev: Evaluation, lang: Lang) -> str:
    """The target with its unit: "20件", "累计15件", "30,000 items"."""
    shown = target_text(ev, lang)
    unit = unit_text(ev.indicator.unit, lang)
    if ev.indicator.target is None or ev.indicator.target.type == "growth" or not unit:
        return shown
    return catalog_word("line.value_unit", lang, value=shown, unit=unit)


def _chinese_number(n: int) -> str:
    digits = "零一二三四五六七八九"
    if n < 10:
        return digits[n]
    tens, ones = divmod(n, 10)
    head = "" if tens == 1 else digits[tens] if tens < 10 else str(tens)
    return (head + "十" + (digits[ones] if ones else "")) if tens < 10 else str(n)


def _issuer(result: PlanEvaluation, lang: Lang, issuer: str | None) -> str:
    meta = result.plan.meta
    if issuer:
        return issuer
    if lang == "en" and meta.issuer_en:
        return meta.issuer_en
    return meta.issuer or result.region


def _signature(result: PlanEvaluation, lang: Lang, issuer: str, day: date) -> Section:
    blocks = [Paragraph(issuer, "signature"), Paragraph(_day(day.isoformat(), lang), "signature")]
    contact = result.plan.meta.contact
    if contact:
        blocks.append(Paragraph(word("contact", lang, contact=contact), "note"))
    return Section("signature", "", tuple(blocks))


def _sources(result: PlanEvaluation, lang: Lang, numbers: Numbers, cites: Citations) -> Section:
    meta = result.plan.meta
    blocks: list[Block] = []
    bits = [
        b
        for b in (meta.document, meta.issuer, meta.issued and _day(meta.issued.isoformat(), lang))
        if b
    ]
    title = meta.title
    if lang == Lang.EN:  # the plan's English title and issuer, when it has them
        title = meta.title_en or meta.title
        issuer = meta.issuer_en or meta.issuer
        bits = [b for b in (meta.document, issuer, meta.issued and meta.issued.isoformat()) if b]
    sep = catalog_word("punct.comma", lang)
    plan = (
        word("plan_cited", lang, title=title, bits=sep.join(bits))
        if bits
        else word("cite_title", lang, title=title)
    )
    blocks.append(Paragraph(word("plan_source", lang, source=plan)))
    blocks.append(sources_table(result, lang, cites, numbers.table(word("t_sources", lang))))
    listing = cites.listing(lang)
    if listing:
        blocks.append(Paragraph(word("t_references", lang), "meta"))
        blocks += [Paragraph(line, "reference") for line in listing]
    return Section("sources", word("sources", lang), tuple(blocks))


def build_report(
    result: PlanEvaluation,
    lang: Lang = Lang.ZH,
    problems: Sequence[Problem] = (),
    *,
    issuer: str | None = None,
    day: date | None = None,
    previous: PlanEvaluation | None = None,
    observations: Observations | None = None,
) -> Report:
    """The whole report, in ``lang`` ("zh" or "en").

    ``problems`` are the data-quality findings; ``issuer`` and ``day`` the 落款 (default:
    the plan's issuer and the as-of date); ``previous`` the evaluation of the previous
    report, for the 比上期 columns and sentences; ``observations`` every row of the
    plan (all units), for the 分地区完成情况 section of a plan with units (not given, or a
    report of one unit: no such section).
    """
    meta = result.plan.meta
    final = ended(result)
    title = meta.title_en if lang == "en" and meta.title_en else meta.title
    known, cite_problems = load_references(result.plan.directory)
    problems = [*problems, *cite_problems]
    cites = Citations(known)
    meta_issuer = meta.issuer_en if lang == "en" and meta.issuer_en else meta.issuer
    front = [
        (word("document", lang), meta.document or DASH),
        (word("issuer", lang), meta_issuer or DASH),
        (word("issued", lang), meta.issued.isoformat() if meta.issued else DASH),
        (label(HEAD, "region", lang), result.region),
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
    numbers = Numbers(lang)
    targets_block: list[Block] = [
        targets_table(result, lang, previous, numbers.table(word("t_targets", lang)))
    ]
    if any(is_stale(e, result.as_of) for e in _targets(result)):
        targets_block.append(Paragraph(word("stale_note", lang), "note"))
    details = _details(result, lang, numbers)
    monitored = monitored_table(result, lang, numbers.table(word("t_monitored", lang)))
    regional = (
        by_region(result, observations, lang)
        if observations is not None and is_plan_region(result.plan, result.region)
        else None
    )
    regions: tuple[Section, ...] = ()
    if regional is not None and regional.groups:
        caption = numbers.table(word("t_regions", lang))
        section = region_section(regional, lang, caption, numbers.figure)
        regions = (section,)
    closing = _closing(result, lang, bool(regions))
    sources = _sources(result, lang, numbers, cites)
    quality: tuple[Block, ...] = (
        (
            Paragraph(word("q_lead", lang)),
            quality_table(problems, result, lang, numbers.table(word("t_quality", lang))),
        )
        if problems
        else (Paragraph(word("quality_none", lang)),)
    )
    sections = (
        _overview(result, lang, previous, regional),
        Section("targets", word("targets", lang), tuple(targets_block)),
        details,
        Section(
            "monitored",
            word("monitored", lang),
            _with_note(monitored, result, lang)
            if monitored.rows
            else (Paragraph(word("no_monitored", lang)),),
        ),
        *regions,
        *closing,
        _signature(result, lang, _issuer(result, lang, issuer), day or result.as_of),
        sources,
        Section("quality", word("quality_annex", lang), quality),
        Section(
            "method", word("method", lang), tuple(Paragraph(p) for p in method_paragraphs(lang))
        ),
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
    key = "title_final" if final else "title"
    return Report(
        lang=lang,
        plan_id=meta.id,
        title=word(key, lang, title=title),
        as_of=result.as_of,
        meta=tuple(front),
        sections=sections,
        summary=summary_table(result, lang),
        sheets=sheets,
        counts=tuple((s, status_word(s, lang), counts[s]) for s in STATUSES if counts.get(s)),
        shown_counts=_shown_counts(result, lang),
        status=status_dict(result),
        words=all_words,
        final=final,
        regions=region_sheet(regional, lang) if regions and regional is not None else None,
    )


def _with_note(table: Table, result: PlanEvaluation, lang: Lang) -> tuple[Block, ...]:
    others = [e for e in result.evaluations if e.indicator.target is None]
    if any(is_stale(e, result.as_of) for e in others):
        return (table, Paragraph(word("stale_note", lang), "note"))
    return (table,)


def _shown_counts(result: PlanEvaluation, lang: Lang) -> tuple[tuple[str, int], ...]:
    """How many targets show each status word, in the order of the statuses before the
    deadline and in the targets' order from it on (the words of :func:`shown_status`)."""
    if not ended(result):
        counts = result.counts()
        return tuple((status_word(s, lang), counts[s]) for s in STATUSES if counts.get(s))
    shown = Counter(
        shown_status(ev, result, lang)
        for ev in result.evaluations
        if ev.indicator.target is not None
    )
    return tuple(shown.items())


def _sheet_title(ev: Evaluation, lang: Lang) -> str:
    ind = ev.indicator
    bits = [ind.display_name(lang)]
    unit = unit_text(ind.unit, lang)
    if unit:
        bits.append(catalog_word("line.unit_after", lang, unit=unit))
    if ind.target is not None:
        bits.append(f" · {label(HEAD, 'target', lang)} {target_text(ev, lang)}")
    return "".join(bits)
