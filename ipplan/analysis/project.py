"""Projections to the deadline and their backtests (methods.md, "Projections").

The arithmetic works on (time, value) points, time in fractional years (days / 365.25)
relative to the latest observation: the latest point sits at x = 0, the deadline at
x = years_left. Three methods (docs/methodology.md gives the worked examples):

- ``linear``: the ordinary least-squares line through the points;
- ``cagr``: the latest value compounded at the growth rate between the first and the
  latest point (or at a published year-on-year rate when there is one point only);
- ``weighted``: least squares with weights growing with recency (ESCAP-style),
  w_i = 1 / (1 + age_i), age_i the years between point i and the latest point.

Backtest: with at least 4 points, hold out the last k (k = 1 with 4 or 5 points,
k = 2 with 6 or more), fit each method on the rest, predict the held-out points and
report the mean absolute percentage error (held-out values of 0 are left out: a
percentage of 0 is undefined). ``auto`` picks the lowest error; without a backtest it
picks the method the status is judged on (cagr, or linear on a linear pace).

:func:`series_projections` and :func:`cumulative_projections` turn observations into
projections; :func:`choose` and :func:`spread` pick the one shown and the range.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from ipplan.analysis.figures import as_decimal, growth_rate
from ipplan.core.model import Observation
from ipplan.core.periods import Period, label_for_date, years_between


class Method(StrEnum):
    """A projection method (a str-valued enum: JSON shows its value)."""

    linear = "linear"
    cagr = "cagr"
    weighted = "weighted"
    pace = "pace"  # cumulative targets only, when no method can be fitted: S + pace × years_left


class ProjectionReason(StrEnum):
    """Why :func:`choose` picked the projection shown."""

    asked = "asked"
    backtest = "backtest"
    default = "default"
    none = "none"


PACE = Method.pace
MIN_BACKTEST = 4  # points needed before a backtest is run
PATH_STEPS = 12  # samples of each projection's path, for charts

Curve = Callable[[float], float]


@dataclass(frozen=True)
class Check:
    """One held-out observation of a backtest: what the method predicted, what came."""

    period: str
    predicted: float
    actual: float

    @property
    def error(self) -> float | None:
        """|predicted − actual| / |actual|; None when the actual value is 0."""
        return abs(self.predicted - self.actual) / abs(self.actual) if self.actual else None


@dataclass(frozen=True)
class Projection:
    method: Method
    period: str  # the period the deadline closes, e.g. "2025"
    value: float
    error: float | None = None  # backtest mean absolute percentage error, as a fraction
    checks: tuple[Check, ...] = ()  # the backtest's held-out observations
    fitted: tuple[str, ...] = ()  # the periods the projection is fitted on
    path: tuple[tuple[date, float], ...] = ()  # from the latest observation to the deadline


# --------------------------------------------------------------------------- fitting


def ols(xs: Sequence[float], ys: Sequence[float]) -> tuple[float, float] | None:
    """Intercept and slope of the least-squares line, or None without two distinct x."""
    return wls(xs, ys, [1.0] * len(xs))


def recency_weights(xs: Sequence[float]) -> list[float]:
    """w_i = 1 / (1 + age_i), age_i = years from point i to the latest point."""
    last = max(xs)
    return [1 / (1 + (last - x)) for x in xs]


def wls(
    xs: Sequence[float], ys: Sequence[float], ws: Sequence[float]
) -> tuple[float, float] | None:
    """Intercept and slope minimising Σ w_i (y_i − a − b x_i)², or None without two
    distinct x. Weighted means x̄ = Σ w x / Σ w, ȳ = Σ w y / Σ w; b = Σ w (x − x̄)(y − ȳ)
    / Σ w (x − x̄)²; a = ȳ − b x̄."""
    if len(xs) < 2:
        return None
    total = sum(ws)
    mx = sum(w * x for w, x in zip(ws, xs, strict=True)) / total
    my = sum(w * y for w, y in zip(ws, ys, strict=True)) / total
    sxx = sum(w * (x - mx) ** 2 for w, x in zip(ws, xs, strict=True))
    if sxx == 0:
        return None
    sxy = sum(w * (x - mx) * (y - my) for w, x, y in zip(ws, xs, ys, strict=True))
    slope = sxy / sxx
    return my - slope * mx, slope


def compound(value: float, growth: float, years: float) -> float:
    """value · (1 + growth)^years, infinite rather than an error when it overflows."""
    try:
        return float(value * (1 + growth) ** years)
    except OverflowError:
        return math.inf


Fit = Callable[[Sequence[float], Sequence[float], float | None], Curve | None]


def _line(line: tuple[float, float] | None) -> Curve | None:
    if line is None:
        return None
    a, b = line
    return lambda x: a + b * x


def _fit_linear(xs: Sequence[float], ys: Sequence[float], growth: float | None) -> Curve | None:
    return _line(ols(xs, ys))


def _fit_weighted(xs: Sequence[float], ys: Sequence[float], growth: float | None) -> Curve | None:
    return _line(wls(xs, ys, recency_weights(xs)))


def _fit_cagr(xs: Sequence[float], ys: Sequence[float], growth: float | None) -> Curve | None:
    g = growth if growth is not None else growth_rate(xs[0], ys[0], xs[-1], ys[-1])
    x1, v1 = xs[-1], ys[-1]
    if g is None or g <= -1 or v1 <= 0:
        return None
    return lambda x: compound(v1, g, x - x1)


@dataclass(frozen=True)
class MethodSpec:
    """Everything about one projection method, in one place: its fit (None for the pace,
    which is not fitted), the letter of its chart line, and the catalog keys of its name
    and of its formula's wording (ipplan/messages/methods.py); ``formula_flows`` words
    the formula on the flows of a cumulative target, when it differs."""

    method: Method
    fit: Fit | None
    letter: str
    words: str
    formula: str
    formula_flows: str | None = None


# The registry: a new method is one enum member, one line here and its two catalog keys.
# The fitted methods are tried in this order; ties of backtest error go to the earlier.
REGISTRY: dict[Method, MethodSpec] = {
    spec.method: spec
    for spec in (
        MethodSpec(Method.linear, _fit_linear, "L", "method.linear", "method.linear.formula"),
        MethodSpec(
            Method.cagr,
            _fit_cagr,
            "C",
            "method.cagr",
            "method.cagr.formula",
            "method.cagr.formula_flows",
        ),
        MethodSpec(
            Method.weighted, _fit_weighted, "W", "method.weighted", "method.weighted.formula"
        ),
        MethodSpec(Method.pace, None, "P", "method.pace", "method.pace.formula"),
    )
}
METHODS: tuple[Method, ...] = tuple(m for m, spec in REGISTRY.items() if spec.fit is not None)


def fit(
    method: str, xs: Sequence[float], ys: Sequence[float], growth: float | None = None
) -> Curve | None:
    """The curve a method fits through sorted points, or None when it cannot.

    For ``cagr``, ``growth`` overrides the growth between the first and last point (the
    status's actual growth, which may be a published yoy when there is one point).
    """
    spec = REGISTRY.get(Method(method)) if method in Method.__members__ else None
    if spec is None or spec.fit is None:
        raise ValueError(f"unknown projection method {method!r}")
    if not xs:
        return None
    return spec.fit(xs, ys, growth)


def linear(xs: Sequence[float], ys: Sequence[float], at: float) -> float | None:
    curve = fit(Method.linear, xs, ys)
    return curve(at) if curve else None


def weighted(xs: Sequence[float], ys: Sequence[float], at: float) -> float | None:
    curve = fit(Method.weighted, xs, ys)
    return curve(at) if curve else None


def cagr(value: float, growth: float | None, years: float) -> float | None:
    """value · (1 + growth)^years."""
    if growth is None or growth <= -1:
        return None
    return compound(value, growth, years)


def holdout(n: int) -> int:
    """How many of n points a backtest holds out: 0 below 4, 1 for 4–5, 2 from 6."""
    if n < MIN_BACKTEST:
        return 0
    return 1 if n < 6 else 2


def backtest(
    method: str, xs: Sequence[float], ys: Sequence[float], floor: float | None = None
) -> list[tuple[int, float]] | None:
    """Fit on all but the last k points; (index, prediction) for each held-out point.

    Predictions are floored as the projections are (``floor``, 0 for counts): the
    backtest scores the values the method would have shown."""
    k = holdout(len(xs))
    if not k:
        return None
    curve = fit(method, xs[:-k], ys[:-k])
    if curve is None:
        return None
    found = [(i, curve(xs[i])) for i in range(len(xs) - k, len(xs))]
    return found if floor is None else [(i, max(floor, p)) for i, p in found]


def mape(checks: Sequence[Check]) -> float | None:
    """The mean of |predicted − actual| / |actual| over checks whose actual is not 0."""
    errors = [c.error for c in checks if c.error is not None]
    return sum(errors) / len(errors) if errors else None


# --------------------------------------------------------------------------- observations


def _points(points: Sequence[Observation], latest: Observation) -> tuple[list[float], list[float]]:
    return [years_between(latest.end, o.end) for o in points], [o.value for o in points]


def _checks(
    method: str,
    points: Sequence[Observation],
    xs: list[float],
    ys: list[float],
    floor: float | None = None,
) -> tuple[Check, ...]:
    found = backtest(method, xs, ys, floor)
    if found is None:
        return ()
    return tuple(Check(str(points[i].period), p, ys[i]) for i, p in found)


def _sample(
    curve: Curve, floor: float | None, start: date, deadline: date
) -> list[tuple[date, float]]:
    days = (deadline - start).days
    out = []
    for step in range(PATH_STEPS + 1):
        d = start + timedelta(days=round(days * step / PATH_STEPS))
        v = curve(years_between(start, d))
        out.append((d, v if floor is None else max(floor, v)))
    return out


def series_projections(
    points: Sequence[Observation],
    latest: Observation,
    deadline: date,
    growth: float | None = None,
    floor: float | None = 0.0,
) -> list[Projection]:
    """Each method's value of the series at the deadline (level and growth targets).

    ``points`` are the window's observations, ending with ``latest``; ``growth`` is the
    status's actual growth (used by cagr); ``floor`` clips projections of counts at 0
    (None when the indicator may be negative).
    """
    years = years_between(latest.end, deadline)
    if years <= 0 or not points:
        return []
    xs, ys = _points(points, latest)
    label = label_for_date(deadline)
    fitted = tuple(str(o.period) for o in points)
    found: list[Projection] = []
    for method in METHODS:
        curve = fit(method, xs, ys, growth if method is Method.cagr else None)
        if curve is None:
            continue
        value = curve(years)
        if not math.isfinite(value):
            continue  # overflows: no meaningful projection
        if floor is not None:
            value = max(floor, value)
        checks = _checks(method, points, xs, ys, floor)
        path = tuple(_sample(curve, floor, latest.end, deadline))
        found.append(Projection(method, label, value, mape(checks), checks, fitted, path))
    return found


def next_period(p: Period) -> Period:
    if p.freq == "Y":
        return Period(p.year + 1, "Y", 0)
    top = 4 if p.freq == "Q" else 12
    if p.index == top:
        return Period(p.year + 1, p.freq, 1)
    return Period(p.year, p.freq, p.index + 1)


def future_periods(latest: Period, deadline: date) -> list[tuple[Period, float]]:
    """The periods after ``latest`` (same frequency) up to the deadline, each with the
    share of it that falls on or before the deadline (1 for whole periods)."""
    found: list[tuple[Period, float]] = []
    p = next_period(latest)
    while p.start <= deadline:
        if p.end <= deadline:
            found.append((p, 1.0))
        else:
            whole = (p.end - p.start).days + 1
            found.append((p, ((deadline - p.start).days + 1) / whole))
        p = next_period(p)
    return found


def cumulative_projections(
    points: Sequence[Observation],
    latest: Observation,
    total: float,
    deadline: date,
    pace: float | None = None,
) -> list[Projection]:
    """S at the deadline: S plus each method's projected flows for the periods left.

    ``points`` are the window's flows (one frequency, ending with ``latest``); each
    future period's flow is the method's value at its end (never below 0), a period
    cut by the deadline counting in proportion. When no method can be fitted (one
    flow), the linear pace: S + pace × years_left, as method ``pace``.
    """
    years = years_between(latest.end, deadline)
    if years <= 0:
        return []
    label = label_for_date(deadline)
    future = future_periods(latest.period, deadline)
    xs, ys = _points(points, latest)
    fitted = tuple(str(o.period) for o in points)
    found: list[Projection] = []
    for method in METHODS:
        curve = fit(method, xs, ys)
        if curve is None:
            continue
        running = total
        path = [(latest.end, total)]
        for period, share in future:
            running += share * max(0.0, curve(years_between(latest.end, period.end)))
            path.append((min(period.end, deadline), running))
        if not math.isfinite(running):
            continue
        checks = _checks(method, points, xs, ys, 0.0)  # flows are projected never below 0
        found.append(Projection(method, label, running, mape(checks), checks, fitted, tuple(path)))
    if not found and pace is not None:
        value = total + pace * years
        found.append(Projection(PACE, label, value, path=((latest.end, total), (deadline, value))))
    return found


# --------------------------------------------------------------------------- choosing


def spread(projections: Sequence[Projection]) -> tuple[float, float] | None:
    """The lowest and highest projected value: the projection range."""
    if not projections:
        return None
    values = [p.value for p in projections]
    return min(values), max(values)


def choose(
    projections: Sequence[Projection],
    method: str = "auto",
    prefer: Sequence[str] = (Method.cagr, Method.linear, Method.weighted),
) -> tuple[Projection | None, ProjectionReason]:
    """The projection to show, and why (a :class:`ProjectionReason`):

    - ``asked``: the method asked for (None when it cannot be computed);
    - ``backtest``: the lowest backtest error, compared to 12 significant digits (errors
      equal to that precision are ties, and go to the earlier of METHODS: float noise
      of 1e-16 never decides);
    - ``default``: no backtest (fewer than 4 points): the first of ``prefer`` that
      exists (cagr, the growth the status is judged on, or linear on a linear pace),
      else the linear pace;
    - ``none``: nothing to show.
    """
    by_method: dict[str, Projection] = {p.method: p for p in projections}
    if method != "auto":
        return by_method.get(method), ProjectionReason.asked
    tested = [p for p in projections if p.error is not None]
    if tested:
        order = {m: i for i, m in enumerate(METHODS)}
        best = min(tested, key=lambda p: (as_decimal(p.error or 0.0), order.get(p.method, 99)))
        return best, ProjectionReason.backtest
    for name in (*prefer, PACE):
        if name in by_method:
            return by_method[name], ProjectionReason.default
    if projections:
        return projections[0], ProjectionReason.default
    return None, ProjectionReason.none
