"""What one target's chart shows, as plain data (drawing is :mod:`ipplan.report.chart`)."""

from __future__ import annotations

from datetime import date

from ipplan.analysis.evaluate import Evaluation, PlanEvaluation
from ipplan.core.i18n import Lang
from ipplan.core.i18n import word as catalog_word
from ipplan.core.periods import label_for_date
from ipplan.present.fmt import unit_text
from ipplan.report.document import Chart, Point
from ipplan.report.words import word


def year_x(d: date) -> float:
    """A date as a fractional year: the end of 2023 sits at 2024.0, mid-2024 near 2024.5."""
    start = date(d.year, 1, 1)
    days = (date(d.year + 1, 1, 1) - start).days
    return d.year + ((d - start).days + 1) / days


def is_ascii(text: str) -> bool:
    return all(32 <= ord(ch) < 127 for ch in text)


def _labels(lang: Lang, cumulative: bool) -> dict[str, str]:
    return {
        "history": word("h_cumulative" if cumulative else "c_history", lang),
        "target": catalog_word("head.target", lang),
        "projection": word("c_projection", lang),
        "range": word("c_range", lang),
        "deadline": word("c_deadline", lang),
    }


def chart_for(ev: Evaluation, result: PlanEvaluation, lang: Lang) -> Chart | None:
    """The chart of one target, or None when there is nothing to draw."""
    ind = ev.indicator
    target = ind.target
    meta = result.plan.meta
    cumulative = target is not None and target.type == "cumulative"
    points: list[Point] = []
    if cumulative and target is not None and target.from_period is not None:
        d = ev.derivation
        for o, total in zip(d.counted, d.running, strict=True):
            points.append(
                Point(
                    year_x(o.period.end),
                    total,
                    str(o.period),
                    bool(o.flag and "e" in o.flag) or o.computed,
                )
            )
    else:
        points = [
            Point(
                year_x(o.period.end),
                o.value,
                str(o.period),
                bool(o.flag and ("e" in o.flag or "p" in o.flag)) or o.computed,
            )
            for o in ev.history
        ]
    if not points:
        return None
    name = ind.display_name(lang)
    unit = unit_text(ind.unit, lang)
    labels = _labels(lang, cumulative)
    labels["title"] = catalog_word("line.name_unit", lang, name=name, unit=unit) if unit else name
    labels["unit"] = unit
    fallback = _labels(Lang.EN, cumulative)
    en_name = ind.name_en if ind.name_en and is_ascii(ind.name_en) else ind.id
    en_unit = unit if is_ascii(unit) else ""
    fallback["title"] = f"{en_name} ({en_unit})" if en_unit else en_name
    fallback["unit"] = en_unit
    show_target = target is not None and target.type != "growth"
    return Chart(
        key=ind.id,
        points=tuple(points),
        target=target.value if show_target and target is not None else None,
        deadline_x=year_x(meta.deadline),
        deadline_label=label_for_date(meta.deadline),
        projection=ev.projection.value if ev.projection else None,
        projection_low=ev.projection_low,
        projection_high=ev.projection_high,
        start_x=year_x(meta.start),
        cumulative=cumulative,
        labels=labels,
        fallback=fallback,
        alt=word("c_alt", lang, name=name),
    )
