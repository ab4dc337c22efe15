"""The sentences of a report: the overall verdict and one target's short text.

Time decides the wording (issue 10): before the deadline a target is "on course" or
"lagging"; from the deadline on the report is a final evaluation, and a target whose final
figure is not out yet is "projected from the latest figure (YYYY)", never "on course".
"""

from __future__ import annotations

from datetime import date

from ipplan.analysis.evaluate import Evaluation, PlanEvaluation
from ipplan.analysis.verdicts import Assessment, Verdict, ended, final_assessment
from ipplan.analysis.verdicts import word as verdict_word
from ipplan.core.i18n import Lang
from ipplan.core.i18n import word as catalog_word
from ipplan.core.model import Indicator
from ipplan.core.periods import Period, label_for_date
from ipplan.data.statuses import DEFAULT
from ipplan.present import fmt
from ipplan.present.final import shown_status as final_status
from ipplan.present.fmt import unit_text
from ipplan.present.labels import NOTES, label
from ipplan.report.words import word

METHOD_WORDS = ("linear", "cagr", "weighted", "pace")
LAGGING = ("behind", "off_track", "moving_away")
STALE_MONTHS = 15
# the notes a target's text ends with (no_data and final_awaited are said otherwise)
SHOWN_NOTES = ("one_point", "no_data_in_range", "linear_pace")


def unit_of(ind: Indicator, lang: Lang) -> str:
    return unit_text(ind.unit, lang)


def period_words(period: Period, lang: Lang) -> str:
    """2023 → "2023年", 2024-Q1 → "2024年第1季度", 2024-03 → "2024年3月" (en: as written)."""
    kind = {"Y": "year", "Q": "quarter"}.get(period.freq, "month")
    return catalog_word(f"line.period_{kind}", lang, year=period.year, index=period.index)


def sentence(text: str, lang: Lang) -> str:
    """A note as a sentence: capitalised and closed (en), closed with 。 (zh)."""
    stop = catalog_word("punct.stop", lang)
    if lang == Lang.EN:
        text = text[:1].upper() + text[1:]
    return text if text.endswith(stop) else text + stop


def months_later(d: date, months: int) -> date:
    """The same day ``months`` calendar months later (the last day when the month is short)."""
    index = d.year * 12 + d.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    for day in (d.day, 30, 29, 28):
        try:
            return date(year, month, day)
        except ValueError:
            continue
    raise AssertionError("unreachable")


def is_stale(ev: Evaluation, as_of: date) -> bool:
    """The latest figure's period ended more than 15 months before the report date."""
    return ev.latest is not None and as_of > months_later(ev.latest.period.end, STALE_MONTHS)


def assessment(ev: Evaluation, result: PlanEvaluation) -> Assessment:
    """The target's words after the deadline (ipplan.analysis.verdicts, the one source of truth)."""
    return final_assessment(ev, result)


def final_word(code: str, result: PlanEvaluation, lang: Lang) -> str:
    """已完成 / 未完成 / 待终值, or the plan's own words from its ``statuses:`` block."""
    return verdict_word(code, lang, result.plan.statuses or DEFAULT)


def shown_status(ev: Evaluation, result: PlanEvaluation, lang: Lang) -> str:
    """The status as the report words it: after the deadline, the final evaluation's words
    (已完成 / 未完成), or for a figure still awaited what the projection says (预计…)."""
    return final_status(ev, result, lang)


def _final_verdict(result: PlanEvaluation, lang: Lang, targets: list[Evaluation]) -> str:
    """After the deadline: counts in the final evaluation's words, the awaited explained."""
    n = len(targets)
    sep = catalog_word("punct.enum", lang)
    found = [(e, assessment(e, result)) for e in targets]
    achieved = sum(1 for _, a in found if a.verdict is Verdict.achieved)
    missed = sum(1 for _, a in found if a.verdict is Verdict.missed)
    awaited = [(e, a) for e, a in found if a.verdict is Verdict.awaited]
    if not awaited and achieved + missed == n:
        return word("verdict_final", lang, n=n, achieved=achieved, missed=missed,
                    w_achieved=final_word("achieved", result, lang),
                    w_missed=final_word("missed", result, lang))  # fmt: skip
    parts = [
        word("v_count", lang, k=k, word=final_word(code, result, lang))
        for code, k in (("achieved", achieved), ("missed", missed))
        if k
    ]
    if awaited:
        likely = sum(1 for _, a in awaited if a.expected is Verdict.achieved)
        behind = [
            e.indicator.display_name(lang) for e, a in awaited if a.expected is Verdict.missed
        ]
        detail = []
        if likely:
            detail.append(word("v_expected", lang, k=likely,
                               word=final_word("achieved", result, lang)))  # fmt: skip
        if behind:
            detail.append(word("v_expected_names", lang, k=len(behind), names=sep.join(behind),
                               word=final_word("missed", result, lang)))  # fmt: skip
        key = "v_awaited_detail" if detail else "v_awaited"
        parts.append(word(key, lang, k=len(awaited), word=final_word("awaited", result, lang),
                          detail=catalog_word("punct.comma", lang).join(detail)))  # fmt: skip
    unknown = sum(1 for _, a in found if a.verdict is Verdict.unknown)
    if unknown:
        parts.append(word("v_nodata", lang, k=unknown))
    if len(parts) > 1:
        parts[-1] = word("v_last", lang, part=parts[-1])
    lead = word("verdict_final_lead", lang, n=n, deadline=deadline_words(result, lang))
    return lead + catalog_word("punct.comma", lang).join(parts) + catalog_word("punct.stop", lang)


def verdict(result: PlanEvaluation, lang: Lang) -> str:
    """One sentence that says how the plan is doing overall."""
    targets = [e for e in result.evaluations if e.indicator.target is not None]
    n = len(targets)
    if not n:
        return word("verdict_none", lang)
    if ended(result):
        return _final_verdict(result, lang, targets)
    counts = result.counts()
    sep = catalog_word("punct.enum", lang)
    lagging = [e.indicator.display_name(lang) for e in targets if e.status in LAGGING]
    parts: list[str] = []
    for key, k in (
        ("v_achieved", counts.get("achieved", 0)),
        ("v_on_track", counts.get("on_track", 0)),
        ("v_lagging", len(lagging)),
        ("v_missed", counts.get("missed", 0)),
        ("v_nodata", counts.get("insufficient_data", 0)),
    ):
        if k:
            parts.append(
                word(key, lang, k=k, be="is" if k == 1 else "are", names=sep.join(lagging))
            )
    if len(parts) > 1:
        parts[-1] = word("v_last", lang, part=parts[-1])
    lead = word("verdict_lead", lang, n=n)
    return lead + catalog_word("punct.comma", lang).join(parts) + catalog_word("punct.stop", lang)


def _target_sentence(ev: Evaluation, lang: Lang, deadline: str) -> str:
    ind = ev.indicator
    t = ind.target
    assert t is not None
    unit = unit_of(ind, lang)
    if t.type == "growth":
        return word("t_growth", lang, deadline=deadline)
    value = fmt.number(t.value)
    if t.type == "cumulative":
        start = period_words(t.from_period, lang) if t.from_period else "—"
        return word("t_cumulative", lang, start=start, deadline=deadline, value=value, unit=unit)
    key = "t_level" if t.increasing else "t_level_down"
    return word(key, lang, deadline=deadline, value=value, unit=unit)


def _no_data(ev: Evaluation, result: PlanEvaluation, lang: Lang) -> str:
    """Which figure is missing, in words (never a file name)."""
    ind = ev.indicator
    by_id = {e.indicator.id: e for e in result.evaluations}
    if ind.formula is not None and ind.formula.ids:
        sep = catalog_word("punct.and", lang)
        names = [
            by_id[i].indicator.display_name(lang) if i in by_id else i for i in ind.formula.ids
        ]
        missing = [
            by_id[i].indicator.display_name(lang)
            for i in ind.formula.ids
            if i in by_id and by_id[i].latest is None
        ]
        if missing:
            return word("no_data_derived", lang, parts=sep.join(names), missing=sep.join(missing))
    return word("no_data", lang, what=ind.display_name(lang))


def _latest(ev: Evaluation, result: PlanEvaluation, lang: Lang, unit: str) -> str:
    assert ev.latest is not None
    period = period_words(ev.latest.period, lang)
    if ev.cumulative is not None:
        s = word("latest_sum", lang, value=fmt.number(ev.cumulative), unit=unit, period=period)
    else:
        s = word("latest", lang, value=fmt.number(ev.latest.value), unit=unit, period=period)
        if ev.latest.flag and "e" in ev.latest.flag:
            s += word("estimated", lang)
    if ev.attainment is not None:
        s += word("attainment", lang, pct=fmt.percent(ev.attainment))
    if ev.progress is not None:
        s += word(
            "progress",
            lang,
            pct=fmt.percent(ev.progress),
            elapsed=fmt.percent(result.time_elapsed, 0),
        )
        base = ev.baseline
        if ev.progress == 0 and base is not None and base.period == ev.latest.period:
            s += word("baseline_progress", lang, period=period_words(base.period, lang))
    return s + catalog_word("punct.stop", lang)


def _projection(ev: Evaluation, lang: Lang, unit: str) -> str | None:
    if ev.projection is None:
        return None
    method = ev.projection.method
    name = word(method, lang) if method in METHOD_WORDS else method
    if ev.projection_reason == "backtest":
        name += word("backtest", lang)
    p = word(
        "projection",
        lang,
        method=name,
        period=ev.projection.period,
        value=fmt.number(ev.projection.value),
        unit=unit,
    )
    low, high = ev.projection_low, ev.projection_high
    if low is not None and high is not None and fmt.number(low) != fmt.number(high):
        p += word("projection_range", lang, low=fmt.number(low), high=fmt.number(high))
    return p + catalog_word("punct.stop", lang)


def target_text(ev: Evaluation, lang: Lang, result: PlanEvaluation, deadline: str) -> list[str]:
    """A few sentences: the target, where it stands, the pace, the projection, the status."""
    ind = ev.indicator
    unit = unit_of(ind, lang)
    over = ended(result)
    out = [_target_sentence(ev, lang, deadline)]
    if ev.latest is None:
        out.append(_no_data(ev, result, lang))
    else:
        out.append(_latest(ev, result, lang, unit))
        pace = _pace(ev, lang, unit, over)
        if pace:
            out.append(pace)
        projection = _projection(ev, lang, unit)
        if projection and over and not ev.final:
            out.append(word("final_pending", lang, period=period_words(ev.latest.period, lang)))
        if projection:
            out.append(projection)
        if is_stale(ev, result.as_of):
            out.append(word("stale", lang, period=period_words(ev.latest.period, lang)))
    status = shown_status(ev, result, lang)
    if ev.final:
        out.append(word("verdict_final_mark", lang, status=status))
    elif over and ev.latest is not None and ev.status != "insufficient_data":
        out.append(word("verdict_projected", lang, status=status))
    else:
        out.append(word("verdict", lang, status=status))
    for note in ev.notes:
        if note in SHOWN_NOTES:
            out.append(sentence(label(NOTES, note, lang), lang))
    return out


def _pace(ev: Evaluation, lang: Lang, unit: str, over: bool) -> str | None:
    """The pace needed against the pace seen; after the deadline only the pace seen."""
    if ev.growth_basis == "linear":
        if ev.actual_per_year is None:
            return None
        if over or ev.required_per_year is None:
            return word("pace_linear_after", lang, actual=fmt.number(ev.actual_per_year), unit=unit)
        return word(
            "pace_linear",
            lang,
            need=fmt.number(ev.required_per_year),
            actual=fmt.number(ev.actual_per_year),
            unit=unit,
        )
    if ev.required_growth is not None and ev.actual_growth is not None and not over:
        return word(
            "pace_growth",
            lang,
            need=fmt.percent(ev.required_growth),
            actual=fmt.percent(ev.actual_growth),
        )
    if ev.actual_growth is not None:
        return word(
            "pace_after" if over else "pace_trend", lang, actual=fmt.percent(ev.actual_growth)
        )
    return None


def deadline_words(result: PlanEvaluation, lang: Lang) -> str:
    """The deadline as a report says it: "2025年底", "end-2025" (or the exact date)."""
    d = result.plan.meta.deadline
    label = label_for_date(d)
    if d.month == 12 and d.day == 31:
        return catalog_word("line.year_end", lang, year=label)
    return catalog_word("line.date", lang, year=d.year, month=d.month, day=d.day)
