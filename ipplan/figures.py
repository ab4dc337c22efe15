"""The small pure functions behind the figures of methods.md (used by ipplan.evaluate and by
the renderers that explain the figures): time elapsed, the Eurostat bands, the five-year
window, compound growth, required growth, and which flows a cumulative target counts."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from ipplan.model import Observation, Status
from ipplan.periods import years_between

ON_TRACK = 0.95  # Eurostat thresholds on the growth ratio
BEHIND = 0.60
WINDOW_YEARS = 5


def time_elapsed(start: date, deadline: date, as_of: date) -> float:
    """序时进度: (as_of − start) / (deadline − start), clipped to [0, 1]."""
    total = years_between(start, deadline)
    if total <= 0:
        return 1.0
    return min(1.0, max(0.0, years_between(start, as_of) / total))


def band(ratio: float) -> Status:
    """The status a growth ratio earns (Eurostat bands)."""
    if ratio >= ON_TRACK:
        return "on_track"
    if ratio >= BEHIND:
        return "behind"
    if ratio >= 0:
        return "off_track"
    return "moving_away"


def window(
    series: Sequence[Observation], latest: Observation, flow: bool = False
) -> list[Observation]:
    """The observations of the last five years ending at the latest one.

    The window opens on the same calendar day five years before (so annual data give
    six points spanning five years). Flows are compared only with flows of the same
    frequency: a month's total is not a year's.
    """
    t = latest.period.end
    try:
        opens = t.replace(year=t.year - WINDOW_YEARS)
    except ValueError:  # 29 February
        opens = t.replace(year=t.year - WINDOW_YEARS, day=28)
    return [
        o
        for o in series
        if opens <= o.period.end <= t and (not flow or o.period.freq == latest.period.freq)
    ]


def growth_rate(x0: float, v0: float, x1: float, v1: float) -> float | None:
    """(v1 / v0)^(1 / (x1 − x0)) − 1, or None when a level is ≤ 0 or the span is empty
    (or the rate overflows: 1e-200 to 1e5 within a month has no meaningful rate)."""
    span = x1 - x0
    if span <= 0 or v0 <= 0 or v1 <= 0:
        return None
    try:
        return float((v1 / v0) ** (1 / span) - 1)
    except OverflowError:
        return None


def compound_growth(first: Observation, last: Observation) -> float | None:
    """The CAGR between two observations, over the years between their period ends."""
    span = years_between(first.period.end, last.period.end)
    return growth_rate(0.0, first.value, span, last.value)


def required_growth(target: float, value: float, years_left: float) -> float | None:
    if value <= 0 or target <= 0 or years_left <= 0:
        return None
    try:
        return float((target / value) ** (1 / years_left) - 1)
    except OverflowError:  # a tiny value and a short time left: no meaningful rate
        return None


def reached(value: float, target: float, increasing: bool) -> bool:
    return value >= target if increasing else value <= target


def counted_flows(series: Sequence[Observation], first: date, last: date) -> list[Observation]:
    """Flows between two dates, each year counted once: its annual figure when there is
    one, else its quarters, else its months."""
    inside = [o for o in series if o.period.start >= first and o.period.end <= last]
    by_year: dict[int, list[Observation]] = {}
    for o in inside:
        by_year.setdefault(o.period.year, []).append(o)
    chosen: list[Observation] = []
    for year in sorted(by_year):
        rows = by_year[year]
        for freq in ("Y", "Q", "M"):
            picked = [o for o in rows if o.period.freq == freq]
            if picked:
                chosen.extend(picked)
                break
    return sorted(chosen, key=lambda o: o.period.sort_key())
