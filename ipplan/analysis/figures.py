"""The small pure functions behind the figures of methods.md (used by ipplan.analysis.evaluate and
by
the renderers that explain the figures): time elapsed, the Eurostat bands, the five-year
window, compound growth, required growth, which flows a cumulative target counts, and
the exact arithmetic used where a figure meets a threshold."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from decimal import Decimal
from fractions import Fraction

from ipplan.core.model import Observation, Status
from ipplan.core.periods import years_between

ON_TRACK = Decimal("0.95")  # Eurostat thresholds on the growth ratio
BEHIND = Decimal("0.60")
WINDOW_YEARS = 5
DIGITS = 12  # significant digits a figure keeps when it meets a threshold


def exact(number: float) -> Fraction:
    """A number as the decimal it was written as (0.1 is 1/10, not 0.1000000000000000055)."""
    return Fraction(Decimal(repr(float(number))))


def exact_sum(values: Iterable[float]) -> Fraction:
    """The sum of figures as written: 0.7 + 0.1 is 0.8, not 0.7999999999999999."""
    return sum((exact(v) for v in values), Fraction(0))


def as_decimal(value: float) -> Decimal:
    """A computed figure to 12 significant digits, for comparing it with a threshold.

    Ratios of rational figures are computed exactly and rounded once; growth rates are
    roots and have no exact value. Either way float noise lies beyond the 15th digit, so
    a ratio that is 0.60 in decimal (0.5999999999999999 in binary) meets 0.60. NaN (no
    number) meets no threshold: it becomes −∞, as a float NaN fails every comparison."""
    if value != value:
        return Decimal("-Infinity")
    return Decimal(f"{value:.{DIGITS}g}")


def elapsed_days(start: date, deadline: date, as_of: date) -> tuple[int, int]:
    """The days of 序时进度: (as_of − start, deadline − start)."""
    return (as_of - start).days, (deadline - start).days


def time_elapsed(start: date, deadline: date, as_of: date) -> float:
    """序时进度: (as_of − start) / (deadline − start), clipped to [0, 1].

    Computed on days (the 365.25 of both spans cancels): 365 of 730 days is 0.5."""
    done, total = elapsed_days(start, deadline, as_of)
    if total <= 0:
        return 1.0
    return float(min(Fraction(1), max(Fraction(0), Fraction(done, total))))


def band(ratio: float) -> Status:
    """The status a growth ratio earns (Eurostat bands), on the ratio to 12 digits."""
    r = as_decimal(ratio)
    if r >= ON_TRACK:
        return Status.on_track
    if r >= BEHIND:
        return Status.behind
    if r >= 0:
        return Status.off_track
    return Status.moving_away


def judge(done: bool, final: bool, ratio: float | None) -> Status:
    """The status of a level or cumulative target (methods.md, "Status"): achieved once
    reached, missed at a final figure short of it, else the band of the growth ratio."""
    if done:
        return Status.achieved
    if final:
        return Status.missed
    if ratio is None:
        return Status.insufficient_data
    return band(ratio)


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


def reached(value: float | Fraction, target: float, increasing: bool) -> bool:
    """Whether a value meets its target, compared as the decimals they were written as."""
    v = value if isinstance(value, Fraction) else exact(value)
    t = exact(target)
    return v >= t if increasing else v <= t


def quarter_of(month: int) -> int:
    return (month - 1) // 3 + 1


def counted_flows(series: Sequence[Observation], first: date, last: date) -> list[Observation]:
    """Flows between two dates, each stretch of time counted once: a year's annual figure
    when there is one; else, quarter by quarter, the quarter's figure when there is one,
    else that quarter's months. A year of months for Q1 and a figure for Q2 counts both."""
    inside = [o for o in series if o.period.start >= first and o.period.end <= last]
    by_year: dict[int, list[Observation]] = {}
    for o in inside:
        by_year.setdefault(o.period.year, []).append(o)
    chosen: list[Observation] = []
    for year in sorted(by_year):
        rows = by_year[year]
        annual = [o for o in rows if o.period.freq == "Y"]
        if annual:
            chosen.extend(annual)
            continue
        for q in range(1, 5):
            quarter = [o for o in rows if o.period.freq == "Q" and o.period.index == q]
            months = [o for o in rows if o.period.freq == "M" and quarter_of(o.period.index) == q]
            chosen.extend(quarter or months)
    return sorted(chosen, key=lambda o: o.period.sort_key())
