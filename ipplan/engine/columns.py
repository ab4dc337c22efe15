"""The projections of :mod:`ipplan.analysis.project` for many series with the same times at once.

``xs`` (times in years relative to the latest point) are shared; ``ys`` is a list of rows,
one array per point, each holding that point's value in every series (column). NaN in a
result column stands for None. Every step repeats the per-series arithmetic in the same
order (see :mod:`ipplan.engine.exact`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from ipplan.analysis.figures import as_decimal
from ipplan.analysis.project import METHODS, PACE, Method, holdout, recency_weights
from ipplan.engine.exact import NAN, Array, compound, pmax, ppow, psum

Curve = Callable[[float], Array]


@dataclass
class Found:
    """One method's projection in every column: present where ``ok``."""

    method: str
    ok: np.ndarray
    value: Array
    error: Array  # NaN: no backtest


def _wls(
    xs: Sequence[float], ys: Sequence[Array], ws: Sequence[float]
) -> tuple[Array, Array] | None:
    """:func:`ipplan.analysis.project.wls` for every column."""
    if len(xs) < 2:
        return None
    total = sum(ws)
    mx = sum(w * x for w, x in zip(ws, xs, strict=True)) / total
    my = psum([w * y for w, y in zip(ws, ys, strict=True)]) / total
    sxx = sum(w * (x - mx) ** 2 for w, x in zip(ws, xs, strict=True))
    if sxx == 0:
        return None
    sxy = psum([(w * (x - mx)) * (y - my) for w, x, y in zip(ws, xs, ys, strict=True)])
    slope = sxy / sxx
    return my - slope * mx, slope


def growth_rate(x0: float, v0: Array, x1: float, v1: Array) -> Array:
    """:func:`ipplan.analysis.figures.growth_rate` for every column (NaN: None)."""
    span = x1 - x0
    if span <= 0:
        return np.full(len(v0), NAN)
    ok = (v0 > 0) & (v1 > 0)
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = np.where(ok, v1 / np.where(ok, v0, 1.0), NAN)
    return ppow(ratio, 1 / span) - 1


def fit(
    method: str, xs: Sequence[float], ys: Sequence[Array], growth: Array | None = None
) -> tuple[np.ndarray, Curve] | None:
    """:func:`ipplan.analysis.project.fit` for every column: where it fits, and the curve."""
    if not xs:
        return None
    n = len(ys[0])
    if method in ("linear", "weighted"):
        ws = recency_weights(xs) if method == "weighted" else [1.0] * len(xs)
        line = _wls(xs, ys, ws)
        if line is None:
            return None
        a, b = line
        return np.ones(n, dtype=bool), lambda x: a + b * x
    own = growth_rate(xs[0], ys[0], xs[-1], ys[-1])
    g = own if growth is None else np.where(np.isnan(growth), own, growth)
    x1, v1 = xs[-1], ys[-1]
    ok = ~np.isnan(g) & (g > -1) & (v1 > 0)
    g = np.where(ok, g, NAN)
    return ok, lambda x: compound(v1, g, x - x1)


def backtest_error(
    method: str, xs: Sequence[float], ys: Sequence[Array], floor: float | None = None
) -> Array:
    """The mean absolute percentage error of :func:`ipplan.analysis.project.backtest`, predictions
    floored as the projections are (NaN: none)."""
    n = len(ys[0])
    k = holdout(len(xs))
    if not k:
        return np.full(n, NAN)
    fitted = fit(method, xs[:-k], ys[:-k])
    if fitted is None:
        return np.full(n, NAN)
    ok, curve = fitted
    total = np.zeros(n)
    count = np.zeros(n)
    for i in range(len(xs) - k, len(xs)):
        actual = ys[i]
        predicted = curve(xs[i])
        if floor is not None:
            predicted = pmax(floor, predicted)
        with np.errstate(divide="ignore", invalid="ignore"):
            error = np.abs(predicted - actual) / np.abs(actual)
        has = ok & (actual != 0)
        total = np.where(has, total + np.where(has, error, 0.0), total)
        count = count + has
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(count > 0, total / np.maximum(count, 1), NAN)


def series_projections(
    xs: Sequence[float],
    ys: Sequence[Array],
    years: float,
    growth: Array | None,
    floor: float | None,
) -> list[Found]:
    """:func:`ipplan.analysis.project.series_projections` for every column."""
    if years <= 0 or not xs:
        return []
    found = []
    for method in METHODS:
        fitted = fit(method, xs, ys, growth if method == "cagr" else None)
        if fitted is None:
            continue
        ok, curve = fitted
        value = curve(years)
        ok = ok & np.isfinite(value)
        if floor is not None:
            value = pmax(floor, value)
        found.append(Found(method, ok, value, backtest_error(method, xs, ys, floor)))
    return found


def cumulative_projections(
    xs: Sequence[float],
    ys: Sequence[Array],
    total: Array,
    years: float,
    future: Sequence[tuple[float, float]],
    pace: Array,
) -> list[Found]:
    """:func:`ipplan.analysis.project.cumulative_projections` for every column; ``future`` holds
    (years from the latest point to the period's end, share) of each period left."""
    if years <= 0:
        return []
    n = len(total)
    found = []
    for method in METHODS:
        fitted = fit(method, xs, ys)
        if fitted is None:
            continue
        ok, curve = fitted
        running = total
        for at, share in future:
            running = running + share * pmax(0.0, curve(at))
        ok = ok & np.isfinite(running)
        found.append(Found(method, ok, running, backtest_error(method, xs, ys, 0.0)))
    none = np.ones(n, dtype=bool)
    for f in found:
        none &= ~f.ok
    pace_ok = none & ~np.isnan(pace)
    if pace_ok.any():
        found.append(Found(PACE, pace_ok, total + pace * years, np.full(n, NAN)))
    return found


@dataclass
class Chosen:
    """The projection shown in every column (index into ``found``, −1: none), its reason
    and the range."""

    index: np.ndarray
    reason: list[str | None]
    low: Array
    high: Array


def choose(found: Sequence[Found], method: str, linear_first: np.ndarray, n: int) -> Chosen:
    """:func:`ipplan.analysis.project.choose` and :func:`ipplan.analysis.project.spread` for every
    column;
    ``linear_first`` marks the columns judged on a linear pace (prefer linear)."""
    index = np.full(n, -1)
    reason: list[str | None] = [None] * n
    if not found:
        return Chosen(index, reason, np.full(n, NAN), np.full(n, NAN))
    oks = np.array([f.ok for f in found])
    values = np.array([f.value for f in found])
    low = np.where(oks.any(axis=0), np.where(oks, values, np.inf).min(axis=0), NAN)
    high = np.where(oks.any(axis=0), np.where(oks, values, -np.inf).max(axis=0), NAN)
    names = [f.method for f in found]
    if method != "auto":
        if method in names:
            i = names.index(method)
            index = np.where(oks[i], i, -1)
        return Chosen(index, ["asked" if i >= 0 else None for i in index.tolist()], low, high)
    errors = np.array([f.error for f in found])
    tested = oks & ~np.isnan(errors)
    any_tested = tested.any(axis=0)
    # the lowest error to 12 significant digits (as_decimal), ties to the earlier method:
    # the lowest float error when the next is clearly above it (12 digits cannot make
    # them equal), else compared as as_decimal does
    masked = np.where(tested, errors, np.inf)
    best = np.argmin(masked, axis=0) if len(found) else np.full(n, -1)
    clear = np.ones(n, dtype=bool)
    if len(found) > 1:
        two = np.sort(masked, axis=0)[:2]
        with np.errstate(invalid="ignore"):
            clear = two[1] > two[0] * (1 + 1e-9)
    order = {m: i for i, m in enumerate(METHODS)}
    err_l, tested_l = errors.tolist(), tested.tolist()
    for c in np.flatnonzero(any_tested & ~clear).tolist():
        candidates = [j for j in range(len(found)) if tested_l[j][c]]
        best[c] = min(
            candidates,
            key=lambda j: (as_decimal(err_l[j][c]), order.get(Method(found[j].method), 99)),
        )

    def first_of(order: Sequence[str]) -> np.ndarray:
        pick = np.full(n, -1)
        for name in reversed(order):
            if name in names:
                i = names.index(name)
                pick = np.where(oks[i], i, pick)
        return pick

    linear = first_of(("linear", "weighted", "cagr", PACE))
    cagr = first_of(("cagr", "linear", "weighted", PACE))
    default = np.where(linear_first, linear, cagr)
    index = np.where(any_tested, best, default)
    reason = [
        ("backtest" if t else ("default" if i >= 0 else None))
        for t, i in zip(any_tested.tolist(), index.tolist(), strict=True)
    ]
    return Chosen(index, reason, low, high)
