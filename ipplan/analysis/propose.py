"""Targets for the next plan (``ipplan propose``): for each indicator, the value reached
with a given probability by the end of a year, with its uncertainty estimated from the
indicator's own history (docs/methods.md, "Targets for the next plan").

Two models, each fitted on the series' scale ``z``: the logarithm when every value is
positive, else the values themselves. Time ``x`` is in years counted in whole months
between period ends (2020 to 2025 is 5 years exactly, 2024-06 to 2025 is 1.5).

- ``drift`` — a random walk with drift: z grows by μ per year plus independent shocks
  of variance σ² per year. μ̂ = Σ w_i d_i / Σ w_i Δ_i over the m increments d_i spanning
  Δ_i years, w_i = RECENCY^age; σ̂² = Σ (d_i − μ̂ Δ_i)² / Δ_i / (m − 1). At h years past
  the latest point the forecast is z_n + μ̂h with variance σ̂²(h + h²/S) (the shocks to
  come, and the error of μ̂; S the equivalent span) plus a term for a growth rate that
  drifts (:func:`_eta2`), on m − 1 degrees of freedom.
- ``trend`` — a straight line plus independent noise (ordinary least squares, n points):
  the forecast's standard error is s √(1 + 1/n + (x_h − x̄)² / Sxx), s² = SSR/(n − 2),
  on n − 2 degrees of freedom.

The value reached with probability p is the (1 − p) quantile of the forecast (Student's t,
back-transformed), for a decrease the p quantile: the value that will not be exceeded.
At p = 0.5 both are the point forecast, so an exact series gives its exact continuation.
A series of whole numbers (a count) gets whole values: rounded down for an increase, up
for a decrease, so that the value is reached with probability p at least.
Stocks and derived ratios use ``drift``; flows use ``trend``; with SELECT_MIN points or
more, another model (family × logs or levels) replaces the default when its quantile loss
over rolling-origin backtests is below SWITCH_MARGIN × the default's.
Every proposal carries its own backtest: over rolling origins (fit on the first o points,
forecast each later one), how often the actual value reached each proposed quantile.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from ipplan.analysis.series import Dataset
from ipplan.analysis.stats import t_quantile
from ipplan.core.model import Indicator, Observation, Plan
from ipplan.core.periods import years_between

HISTORY_YEARS = 10  # the points a model is fitted on: the last ten years
MIN_POINTS = 4  # below this no honest interval: two degrees of freedom at least
SELECT_MIN = 8  # points before the backtest may choose the model
SWITCH_MARGIN = 0.6  # another model must have a backtest loss below 0.6 × the usual one's
RECENCY = 0.8  # weight per year of age of an increment in the drift
WIDEN_MIN = 3  # backtest forecasts before they may widen the spread
SCORE_PROBABILITIES = (0.1, 0.25, 0.5, 0.75, 0.9)


class Method(StrEnum):
    drift_log = "drift_log"
    drift = "drift"
    trend_log = "trend_log"
    trend = "trend"
    too_short = "too_short"


FAMILIES = ("drift", "trend")


@dataclass(frozen=True)
class Forecast:
    """A fitted model's forecast at the horizon, on the z scale."""

    method: Method
    centre: float
    scale: float
    df: float
    log: bool

    def quantile(self, q: float) -> float:
        z = self.centre + (t_quantile(q, self.df) * self.scale if self.scale > 0 else 0.0)
        if not self.log:
            return z
        try:
            return math.exp(z)
        except OverflowError:
            return math.inf

    def reached(self, p: float, increasing: bool = True) -> float:
        """The value reached (increase) or not exceeded (decrease) with probability p."""
        return self.quantile(1.0 - p if increasing else p)


@dataclass(frozen=True)
class Candidate:
    probability: float
    value: float | None


@dataclass(frozen=True)
class Backtest:
    """Rolling-origin forecasts over the series: how often each proposed value was reached."""

    trials: int
    reached: tuple[tuple[float, int], ...]  # (probability, how many times it was reached)


@dataclass(frozen=True)
class Proposal:
    indicator: Indicator
    latest: Observation | None
    method: Method
    candidates: tuple[Candidate, ...]
    points: int
    increasing: bool
    backtest: Backtest | None = None
    log: bool = False


@dataclass(frozen=True)
class Proposals:
    horizon: int
    as_of: date
    region: str
    probabilities: tuple[float, ...]
    proposals: tuple[Proposal, ...]


# --------------------------------------------------------------------------- fitting


def _drift(xs: Sequence[float], zs: Sequence[float], at: float) -> tuple[float, float, int] | None:
    m = len(xs) - 1
    span = xs[-1] - xs[0]
    if m < 2 or span <= 0:
        return None
    num = den = den2 = 0.0
    for i in range(1, len(xs)):
        dt = xs[i] - xs[i - 1]
        if dt <= 0:
            return None
        w = RECENCY ** (xs[-1] - (xs[i] + xs[i - 1]) / 2)
        num += w * (zs[i] - zs[i - 1])
        den += w * dt
        den2 += w * w * dt
    mu = num / den
    eff = den * den / den2  # the span an unweighted mean would need for the same precision
    ss = 0.0
    for i in range(1, len(xs)):
        dt = xs[i] - xs[i - 1]
        ss += (zs[i] - zs[i - 1] - mu * dt) ** 2 / dt
    sigma2 = ss / (m - 1)
    h = at - xs[-1]
    var = sigma2 * (max(h, 0.0) + h * h / eff) + _eta2(xs, zs, sigma2) * (
        h * h * eff / 3 + h * (h + 1) * (2 * h + 1) / 6
    )
    return zs[-1] + mu * h, math.sqrt(var), m - 1


def _eta2(xs: Sequence[float], zs: Sequence[float], sigma2: float) -> float:
    """The yearly variance of changes in the growth rate itself (a drifting drift): the
    mean squared change between consecutive per-year rates beyond the 2σ² that
    independent shocks alone give (0 when they explain it)."""
    rates = [(zs[i] - zs[i - 1]) / (xs[i] - xs[i - 1]) for i in range(1, len(xs))]
    if len(rates) < 3:
        return 0.0
    excess = []
    for i in range(1, len(rates)):
        gap = (xs[i + 1] - xs[i - 1]) / 2  # years between the middles of the two spans
        shocks = sigma2 * (1 / (xs[i] - xs[i - 1]) + 1 / (xs[i + 1] - xs[i]))
        excess.append(((rates[i] - rates[i - 1]) ** 2 - shocks) / gap)
    return max(0.0, sum(excess) / len(excess))


def _trend(xs: Sequence[float], zs: Sequence[float], at: float) -> tuple[float, float, int] | None:
    n = len(xs)
    if n < 3:
        return None
    mx, mz = sum(xs) / n, sum(zs) / n
    sxx = sum((x - mx) ** 2 for x in xs)
    if sxx <= 0:
        return None
    slope = sum((x - mx) * (z - mz) for x, z in zip(xs, zs, strict=True)) / sxx
    intercept = mz - slope * mx
    ssr = sum((z - intercept - slope * x) ** 2 for x, z in zip(xs, zs, strict=True))
    s = math.sqrt(ssr / (n - 2))
    return intercept + slope * at, s * math.sqrt(1 + 1 / n + (at - mx) ** 2 / sxx), n - 2


def forecast(
    family: str, xs: Sequence[float], ys: Sequence[float], at: float, log: bool
) -> Forecast | None:
    """Fit ``family`` (drift | trend) on points (x, y) and forecast at ``at``."""
    zs = [math.log(y) for y in ys] if log else list(ys)
    found = _drift(xs, zs, at) if family == "drift" else _trend(xs, zs, at)
    if found is None:
        return None
    centre, scale, df = found
    method = Method(f"{family}_log" if log else family)
    return Forecast(method, centre, scale, df, log)


def _loss(fc: Forecast, actual: float, size: float) -> float:
    """The mean quantile (pinball) loss of a forecast, relative to the series' size."""
    total = 0.0
    for q in SCORE_PROBABILITIES:
        v = fc.quantile(q)
        total += (q - (actual < v)) * (actual - v)
    return total / len(SCORE_PROBABILITIES) / size


def rolling(
    family: str, xs: Sequence[float], ys: Sequence[float], log: bool
) -> list[tuple[Forecast, float]]:
    """Each forecast of a rolling-origin backtest, with the actual value it met."""
    found = []
    for origin in range(MIN_POINTS, len(xs)):
        for j in range(origin, len(xs)):
            fc = forecast(family, xs[:origin], ys[:origin], xs[j], log)
            if fc is not None:
                found.append((fc, ys[j]))
    return found


def choose_model(
    xs: Sequence[float], ys: Sequence[float], log: bool, default: str
) -> tuple[str, bool]:
    """The (family, log) with the lowest backtest loss among the two families on logs (when
    every value is positive) and on levels; (``default``, ``log``) below SELECT_MIN points."""
    if len(xs) < SELECT_MIN:
        return default, log
    size = sum(abs(y) for y in ys) / len(ys) or 1.0
    scales = (True, False) if log else (False,)
    scores: dict[tuple[str, bool], float] = {}
    for family in FAMILIES:
        for scale in scales:
            tests = rolling(family, xs, ys, scale)
            if tests:
                scores[family, scale] = sum(_loss(fc, a, size) for fc, a in tests) / len(tests)
    if (default, log) not in scores:
        return default, log
    usual = (default, log)

    def weighed(k: tuple[str, bool]) -> tuple[float, bool]:
        return (scores[k] if k == usual else scores[k] / SWITCH_MARGIN, k != usual)

    return min(scores, key=weighed)


# --------------------------------------------------------------------------- observations


def history(indicator: Indicator, series: Sequence[Observation]) -> list[Observation]:
    """The points a proposal rests on: flows of one frequency only (a month is not a year:
    annual figures when there are any, else the latest one's), one point per end date,
    from the last break in series (flag ``b``) on, over the last HISTORY_YEARS years."""
    if not series:
        return []
    freq = series[-1].period.freq
    if indicator.kind == "flow" and any(o.period.freq == "Y" for o in series):
        freq = "Y"  # a horizon year's flow is a year's total: annual figures when there are
    rows = [o for o in series if indicator.kind != "flow" or o.period.freq == freq]
    by_end: dict[date, Observation] = {}
    for o in rows:  # sorted: the coarser period (the annual figure) comes last and wins
        by_end[o.period.end] = o
    points = sorted(by_end.values(), key=lambda o: o.period.sort_key())
    breaks = [i for i, o in enumerate(points) if o.flag and "b" in o.flag]
    if breaks:
        points = points[breaks[-1] :]
    t = points[-1].period.end
    return [o for o in points if years_between(o.period.end, t) <= HISTORY_YEARS + 1e-9]


def propose_series(
    xs: Sequence[float],
    ys: Sequence[float],
    at: float,
    probabilities: Sequence[float],
    increasing: bool = True,
    kind: str = "stock",
    method: str = "auto",
    floor: float | None = 0.0,
) -> tuple[Method, list[Candidate], Backtest | None, bool]:
    """The candidates for points (x, y) at time ``at``: (method, candidates, backtest, log).

    ``method`` is ``auto`` or a family (drift | trend), optionally with ``_log``.
    """
    n = len(xs)
    log = all(y > 0 for y in ys) if method == "auto" else method.endswith("_log")
    if log and not all(y > 0 for y in ys):
        log = False
    default = "trend" if kind == "flow" else "drift"
    family = method.removesuffix("_log") if method != "auto" else None
    if n < MIN_POINTS or at <= xs[-1]:
        return Method.too_short, [Candidate(p, None) for p in probabilities], None, log
    if family is None:
        family, log = choose_model(xs, ys, log, default)
    fc = forecast(family, xs, ys, at, log)
    if fc is None or fc.df < 2:
        return Method.too_short, [Candidate(p, None) for p in probabilities], None, log
    tests = rolling(family, xs, ys, log)
    fc = widen(fc, tests)
    whole = all(float(y).is_integer() for y in ys)
    candidates = []
    for p in probabilities:
        value: float | None = fc.reached(p, increasing)
        if value is not None and floor is not None:
            value = max(floor, value)
        if value is not None and not math.isfinite(value):
            value = None
        if value is not None and whole:  # a count: the whole number reached with p at least
            value = float(math.floor(value + 1e-9) if increasing else math.ceil(value - 1e-9))
        candidates.append(Candidate(p, value))
    return fc.method, candidates, _backtest(tests, probabilities, increasing), log


def widen(fc: Forecast, tests: Sequence[tuple[Forecast, float]]) -> Forecast:
    """The forecast with its spread widened when the series' own backtest missed by more
    than the model said: the median over the rolling forecasts of |error| / (scale ·
    t₀.₇₅), the ratio of what happened to what the model expected (never narrowed).
    Needs WIDEN_MIN forecasts; a model that fits exactly (scale 0) is left as it is."""
    ratios = []
    for past, actual in tests:
        if past.scale <= 0:
            continue
        z = math.log(actual) if past.log else actual
        ratios.append(abs(z - past.centre) / (past.scale * t_quantile(0.75, past.df)))
    if len(ratios) < WIDEN_MIN or fc.scale <= 0:
        return fc
    ratios.sort()
    k = len(ratios)
    middle = ratios[k // 2] if k % 2 else (ratios[k // 2 - 1] + ratios[k // 2]) / 2
    if middle <= 1:
        return fc
    return Forecast(fc.method, fc.centre, fc.scale * middle, fc.df, fc.log)


def _backtest(
    tests: Sequence[tuple[Forecast, float]],
    probabilities: Sequence[float],
    increasing: bool,
) -> Backtest | None:
    if not tests:
        return None
    counts = []
    for p in probabilities:
        hits = 0
        for fc, actual in tests:
            value = fc.reached(p, increasing)
            hits += (actual >= value) if increasing else (actual <= value)
        counts.append((p, hits))
    return Backtest(len(tests), tuple(counts))


def _months(d: date) -> int:
    return d.year * 12 + d.month - 1


def propose_indicator(
    indicator: Indicator,
    series: Sequence[Observation],
    horizon_end: date,
    probabilities: Sequence[float],
    method: str = "auto",
) -> Proposal:
    """The candidates of one indicator for the end of the horizon."""
    target = indicator.target
    increasing = target is None or target.increasing
    points = history(indicator, series)
    latest = series[-1] if series else None
    if not points:
        empty = tuple(Candidate(p, None) for p in probabilities)
        return Proposal(indicator, latest, Method.too_short, empty, 0, increasing)
    t0 = _months(points[0].period.end)
    xs = [(_months(o.period.end) - t0) / 12 for o in points]
    ys = [o.value for o in points]
    at = (_months(horizon_end) - t0) / 12
    floor = None if indicator.allow_negative else 0.0
    used, cands, backtest, log = propose_series(
        xs, ys, at, probabilities, increasing, indicator.kind, method, floor
    )
    return Proposal(indicator, points[-1], used, tuple(cands), len(points), increasing,
                    backtest, log)  # fmt: skip


def propose_plan(
    plan: Plan,
    data: Dataset,
    horizon: int,
    probabilities: Sequence[float],
    method: str = "auto",
) -> Proposals:
    """A proposal for every indicator with data, in plan order."""
    end = date(horizon, 12, 31)
    found = []
    for ind in plan.indicators:
        series = data.series(ind.id)
        if series:
            found.append(propose_indicator(ind, series, end, probabilities, method))
    return Proposals(horizon, data.as_of, data.region, tuple(probabilities), tuple(found))
