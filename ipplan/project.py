"""Projections to the deadline (methods.md): pure functions over (time, value) points.

Time is in fractional years (days / 365.25) relative to the latest observation, so
the latest point sits at x = 0 and the deadline at x = years_left.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

METHODS = ("linear", "cagr")


@dataclass(frozen=True)
class Projection:
    method: str
    period: str  # the period the deadline closes, e.g. "2025"
    value: float
    error: float | None = None  # backtest mean absolute percentage error, as a fraction


def ols(xs: Sequence[float], ys: Sequence[float]) -> tuple[float, float] | None:
    """Intercept and slope of the least-squares line, or None without two distinct x."""
    n = len(xs)
    if n < 2:
        return None
    mx = sum(xs) / n
    my = sum(ys) / n
    sxx = sum((x - mx) ** 2 for x in xs)
    if sxx == 0:
        return None
    slope = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sxx
    return my - slope * mx, slope


def linear(xs: Sequence[float], ys: Sequence[float], at: float) -> float | None:
    fit = ols(xs, ys)
    if fit is None:
        return None
    intercept, slope = fit
    return intercept + slope * at


def cagr(value: float, growth: float | None, years: float) -> float | None:
    """value · (1 + growth)^years."""
    if growth is None or growth <= -1:
        return None
    return float(value * (1 + growth) ** years)


def spread(projections: Sequence[Projection]) -> tuple[float, float] | None:
    """The lowest and highest projected value: the projection range."""
    if not projections:
        return None
    values = [p.value for p in projections]
    return min(values), max(values)


def choose(
    projections: Sequence[Projection], method: str = "auto"
) -> tuple[Projection | None, str]:
    """The projection to show, and why: the method asked for, else the lowest backtest
    error, else cagr (it follows the growth the status is judged on), else linear."""
    by_method = {p.method: p for p in projections}
    if method != "auto":
        return by_method.get(method), "asked"
    tested = [p for p in projections if p.error is not None]
    if tested:
        return min(tested, key=lambda p: p.error or 0.0), "backtest"
    for name in ("cagr", "linear"):
        if name in by_method:
            return by_method[name], "default"
    return (projections[0], "default") if projections else (None, "none")
