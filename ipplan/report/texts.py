"""The sentences of a report: the overall verdict and one target's short text."""

from __future__ import annotations

from ipplan.evaluate import Evaluation, PlanEvaluation
from ipplan.model import Indicator
from ipplan.periods import Period, label_for_date
from ipplan.render import fmt
from ipplan.render.labels import NOTES, status_word
from ipplan.report.words import word

METHOD_WORDS = ("linear", "cagr", "weighted", "pace")
LAGGING = ("behind", "off_track", "moving_away")


def unit_of(ind: Indicator, lang: str) -> str:
    return ind.unit if lang == "zh" else (ind.unit or "").strip()


def period_words(period: Period, lang: str) -> str:
    """2023 → "2023年", 2024-Q1 → "2024年第1季度", 2024-03 → "2024年3月" (en: as written)."""
    if lang != "zh":
        return str(period)
    if period.freq == "Y":
        return f"{period.year}年"
    if period.freq == "Q":
        return f"{period.year}年第{period.index}季度"
    return f"{period.year}年{period.index}月"


def sentence(text: str, lang: str) -> str:
    """A note as a sentence: capitalised and closed (en), closed with 。 (zh)."""
    if lang == "zh":
        return text if text.endswith("。") else text + "。"
    text = text[:1].upper() + text[1:]
    return text if text.endswith(".") else text + "."


def verdict(result: PlanEvaluation, lang: str) -> str:
    """One sentence that says how the plan is doing overall."""
    targets = [e for e in result.evaluations if e.indicator.target is not None]
    n = len(targets)
    if not n:
        return word("verdict_none", lang)
    counts = result.counts()
    if all(e.final for e in targets):
        return word(
            "verdict_final",
            lang,
            n=n,
            achieved=counts.get("achieved", 0),
            missed=counts.get("missed", 0),
        )
    sep = "、" if lang == "zh" else ", "
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
    if lang == "en" and len(parts) > 1:
        parts[-1] = "and " + parts[-1]
    return word("verdict_lead", lang, n=n) + word("v_sep", lang).join(parts) + word("v_end", lang)


def _target_sentence(ev: Evaluation, lang: str, deadline: str) -> str:
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


def target_text(ev: Evaluation, lang: str, elapsed: float, deadline: str) -> list[str]:
    """A few sentences: the target, where it stands, the pace, the projection, the status."""
    ind = ev.indicator
    unit = unit_of(ind, lang)
    out = [_target_sentence(ev, lang, deadline)]
    if ev.latest is None:
        out.append(word("no_data", lang, id=ind.id))
    else:
        if ev.cumulative is not None:
            s = word(
                "latest_sum",
                lang,
                value=fmt.number(ev.cumulative),
                unit=unit,
                period=period_words(ev.latest.period, lang),
            )
        else:
            s = word(
                "latest",
                lang,
                value=fmt.number(ev.latest.value),
                unit=unit,
                period=period_words(ev.latest.period, lang),
            )
            if ev.latest.flag and "e" in ev.latest.flag:
                s += word("estimated", lang)
        if ev.attainment is not None:
            s += word("attainment", lang, pct=fmt.percent(ev.attainment))
        if ev.progress is not None:
            s += word(
                "progress", lang, pct=fmt.percent(ev.progress), elapsed=fmt.percent(elapsed, 0)
            )
        out.append(s + ("。" if lang == "zh" else "."))
        pace = _pace(ev, lang, unit)
        if pace:
            out.append(pace)
        if ev.projection is not None:
            method = ev.projection.method
            p = word(
                "projection",
                lang,
                method=word(method, lang) if method in METHOD_WORDS else method,
                period=ev.projection.period,
                value=fmt.number(ev.projection.value),
                unit=unit,
            )
            if ev.projection_reason == "backtest":
                p = p.replace(word(method, lang), word(method, lang) + word("backtest", lang), 1)
            low, high = ev.projection_low, ev.projection_high
            if low is not None and high is not None and fmt.number(low) != fmt.number(high):
                p += word("projection_range", lang, low=fmt.number(low), high=fmt.number(high))
            out.append(p + ("。" if lang == "zh" else "."))
    key = "verdict_final_mark" if ev.final else "verdict"
    out.append(word(key, lang, status=status_word(ev.status, lang)))
    for note in ev.notes:
        if note in NOTES and note != "no_data":
            out.append(sentence(NOTES[note][lang], lang))
    return out


def _pace(ev: Evaluation, lang: str, unit: str) -> str | None:
    if ev.growth_basis == "linear":
        if ev.required_per_year is None or ev.actual_per_year is None:
            return None
        return word(
            "pace_linear",
            lang,
            need=fmt.number(ev.required_per_year),
            actual=fmt.number(ev.actual_per_year),
            unit=unit,
        )
    if ev.required_growth is not None and ev.actual_growth is not None:
        return word(
            "pace_growth",
            lang,
            need=fmt.percent(ev.required_growth),
            actual=fmt.percent(ev.actual_growth),
        )
    if ev.actual_growth is not None:
        return word("pace_trend", lang, actual=fmt.percent(ev.actual_growth))
    return None


def deadline_words(result: PlanEvaluation, lang: str) -> str:
    """The deadline as a report says it: "2025年底", "end-2025" (or the exact date)."""
    d = result.plan.meta.deadline
    label = label_for_date(d)
    if d.month == 12 and d.day == 31:
        return f"{label}年底" if lang == "zh" else f"end-{label}"
    return f"{d.year}年{d.month}月{d.day}日" if lang == "zh" else d.isoformat()
