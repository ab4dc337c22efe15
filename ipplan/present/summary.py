"""The one-line summary under every status view, e.g. "7 targets: 1 behind, 6 lack data"."""

from __future__ import annotations

from ipplan.analysis.evaluate import PlanEvaluation
from ipplan.analysis.verdicts import ON_COURSE, Assessment, Mode, PlanAssessment, Verdict, word
from ipplan.core.i18n import Lang
from ipplan.core.model import STATUSES
from ipplan.data.statuses import Scheme
from ipplan.present.fmt import DASH, number
from ipplan.present.labels import PUNCT, TEXT, has_label, label, status_word
from ipplan.present.labels import VERDICT_TEXT as VTEXT


def summary_line(result: PlanEvaluation, lang: Lang) -> str:
    counts = result.counts()
    total = sum(counts.values())
    if not total:
        return label(TEXT, "summary_none", lang)
    parts = [
        label(TEXT, f"count_{s}", lang, n=counts[s])
        if has_label(TEXT, f"count_{s}")
        else label(TEXT, "count", lang, label=status_word(s, lang), n=counts[s])
        for s in STATUSES
        if counts.get(s)
    ]
    return label(TEXT, "summary_targets", lang, n=total) + label(PUNCT, "comma", lang).join(parts)


def header_line(result: PlanEvaluation, lang: Lang) -> str:
    """Title, as-of date, time elapsed, and the region when it is a unit's (--region): the
    plan's own region goes without saying, in either language."""
    from ipplan.present.fmt import percent

    meta = result.plan.meta
    title = meta.title_en if lang == "en" and meta.title_en else meta.title
    bits = [
        title,
        label(TEXT, "as_of", lang, date=result.as_of.isoformat()),
        label(TEXT, "time_elapsed", lang, pct=percent(result.time_elapsed, 0)),
    ]
    if result.region != meta.region:
        bits.append(label(TEXT, "region", lang, region=result.region))
    return " · ".join(bits)


def verdict_cell(a: Assessment, pa: PlanAssessment, lang: Lang) -> str:
    """The evaluation column: the verdict word, or the light under ``scheme: lights`` (a
    final evaluation always gives its verdict, and the light beside it)."""
    s = pa.statuses
    light = word(a.light.value, lang, s) if a.light is not None else DASH
    if pa.scheme is Scheme.lights and pa.mode is Mode.midterm:
        return light
    verdict = word(a.verdict.value, lang, s)
    return f"{verdict}·{light}" if pa.scheme is Scheme.lights else verdict


def evaluation_head(pa: PlanAssessment, lang: Lang) -> str:
    if pa.scheme is Scheme.lights and pa.mode is Mode.midterm:
        return label(VTEXT, "head_lights", lang)
    return label(VTEXT, f"head_{pa.mode.value}", lang)


def evaluation_lines(pa: PlanAssessment, lang: Lang) -> list[str]:
    """The plan-level count reviews quote ("n 项中 m 项…"), and what is awaited."""
    if not pa.total:
        return []
    s = pa.statuses
    counts = pa.counts()
    sep, inner = label(PUNCT, "comma", lang), label(PUNCT, "enum", lang)

    def part(code: str) -> str:
        return label(VTEXT, "part", lang, word=word(code, lang, s), n=counts[code])

    lines = []
    if pa.scheme is Scheme.lights:
        lights = pa.light_counts()
        head = label(VTEXT, "count_lights", lang, n=pa.total, m=lights.get("green", 0))
        rest = [label(VTEXT, "light_part", lang, word=word(k, lang, s), n=lights[k])
                for k in ("yellow", "red") if lights.get(k)]  # fmt: skip
        lines.append(sep.join([head, *rest]))
    if pa.mode is Mode.midterm:
        head = label(VTEXT, "count_midterm", lang, n=pa.total, m=pa.good)
        good = [part(v.value) for v in ON_COURSE if counts.get(v.value)]
        if good:
            head += label(VTEXT, "of_which", lang, parts=inner.join(good))
        rest = [part(v.value) for v in Verdict if v not in ON_COURSE and counts.get(v.value)]
    else:
        head = label(VTEXT, "count_final", lang, n=pa.total, m=pa.good)
        rest = [part(v.value) for v in Verdict if v is not Verdict.achieved and counts.get(v.value)]
    if pa.scheme is Scheme.words or pa.mode is Mode.final:
        lines.append(sep.join([head, *rest]))
    awaited = [(ev, a) for ev, a in pa.items if a.verdict is Verdict.awaited]
    if awaited:
        items: list[str] = []
        unknown: list[str] = []
        for ev, a in awaited:
            name = ev.indicator.display_name(lang)
            if a.estimate is None or a.expected is None:
                unknown.append(name)
            else:
                expected = word(a.expected, lang, s)
                items.append(label(VTEXT, "awaited_item", lang, name=name,
                                   estimate=number(a.estimate), word=expected))  # fmt: skip
        parts = [inner.join(items)] if items else []
        if unknown:
            parts.append(label(VTEXT, "awaited_none", lang, names=inner.join(unknown)))
        text = label(PUNCT, "semicolon", lang).join(parts)
        period = next(a.awaited for _, a in awaited)
        lines.append(label(VTEXT, "awaited", lang, period=period, items=text))
    return lines
