"""The one-line summary under every status view, e.g. "7 targets: 1 behind, 6 lack data"."""

from __future__ import annotations

from ipplan.evaluate import PlanEvaluation
from ipplan.model import STATUSES
from ipplan.render.labels import TEXT, label, status_word


def summary_line(result: PlanEvaluation, lang: str) -> str:
    counts = result.counts()
    total = sum(counts.values())
    if not total:
        return label(TEXT, "summary_none", lang)
    parts = [
        label(TEXT, f"count_{s}", lang, n=counts[s])
        if f"count_{s}" in TEXT
        else label(TEXT, "count", lang, label=status_word(s, lang), n=counts[s])
        for s in STATUSES
        if counts.get(s)
    ]
    return label(TEXT, "summary_targets", lang, n=total) + label(TEXT, "summary_sep", lang).join(
        parts
    )


def header_line(result: PlanEvaluation, lang: str) -> str:
    """Title, as-of date, time elapsed and region, on one line."""
    from ipplan.render.fmt import percent

    meta = result.plan.meta
    title = meta.title_en if lang == "en" and meta.title_en else meta.title
    bits = [
        title,
        label(TEXT, "as_of", lang, date=result.as_of.isoformat()),
        label(TEXT, "time_elapsed", lang, pct=percent(result.time_elapsed, 0)),
    ]
    if result.region != meta.region or lang == "en":
        bits.append(label(TEXT, "region", lang, region=result.region))
    return " · ".join(bits)
