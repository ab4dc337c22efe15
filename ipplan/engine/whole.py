"""The figures that meet thresholds, for many series at once, where float arithmetic is
exact: whole numbers.

:mod:`ipplan.analysis.evaluate` computes attainment, progress, gap, the paces and the linear growth
ratio on Fractions (the decimals as written) and rounds once. For whole numbers below
10¹⁵ the decimal written is the float itself, a difference of two is exact in a float, and
a product is exact while it stays below 2⁵³; IEEE division then rounds the exact quotient
once, as ``float(Fraction)`` does. So on such columns one float operation gives the very
same bits. :func:`exact_columns` says where that holds; every other column goes to the
per-series arithmetic (``ipplan.engine.batch``). The status bands compare the ratio to 12
digits (:func:`ipplan.analysis.figures.band`); a float comparison gives the same answer except
within a hair of a threshold, where :func:`statuses` asks ``band`` itself.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from ipplan.analysis.figures import BEHIND, ON_TRACK, band
from ipplan.core.model import Status
from ipplan.engine.exact import NAN, Array

BIG = 1e15  # a whole number below this in size is written as its digits (repr)
EXACT = 2.0**53  # every whole number below this in size is a float exactly
YEAR = 1461  # per_year: amount · 365.25 / days = amount · 1461 / (4 · days)


def is_whole(*columns: Array) -> np.ndarray:
    """Where every column holds a whole number below 10¹⁵ in size."""
    ok = np.ones(len(columns[0]), dtype=bool)
    for x in columns:
        ok &= (np.abs(x) < BIG) & (np.floor(x) == x)
    return ok


def small(product: Array) -> np.ndarray:
    """Where a product of whole numbers is exact (below 2⁵³ in size)."""
    return np.abs(product) < EXACT


def quotient(a: Array, b: Array) -> Array:
    """a / b, NaN (None) where b is 0: :func:`ipplan.analysis.evaluate._quotient` on whole numbers
    whose quotient is a finite float (it always is: both are below 2⁵³)."""
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(b != 0, a / np.where(b != 0, b, 1.0), NAN)


def per_year(amount: Array, days: int) -> tuple[Array, np.ndarray]:
    """:func:`ipplan.analysis.evaluate.per_year` of whole amounts, and where it is exact."""
    n = len(amount)
    if days <= 0:
        return np.full(n, NAN), np.ones(n, dtype=bool)
    scaled = amount * YEAR
    return scaled / (4 * days), small(scaled)


def level_figures(
    up: bool,
    v: Array,
    v0: Array,
    T: Array,
    base: Array | None,
    growth: Array,
    need_growth: Array,
    pace: Array,
    basis: list[str | None],
    days: tuple[int, int],
    final: bool,
    ok: np.ndarray,
) -> tuple[list[Any], list[str | None]]:
    """The threshold figures of ``_level`` (attainment, progress, gap, required pace,
    growth ratio, whether on a linear pace, status) and the growth basis, for the columns
    of whole numbers; ``ok`` is narrowed to those where every step is exact, and only
    those get figures (the others: None)."""
    span_days, days_left = days
    attainment = quotient(v, T) if up else quotient(T, v)
    progress = np.full(len(v), NAN)
    if base is not None:
        progress = np.where(base != T, quotient(v - base, T - base), NAN)
    gap = np.maximum(T - v, 0.0) if up else np.maximum(v - T, 0.0)
    need_pace, fine = per_year(T - v, days_left)
    ok &= fine
    rate = np.array([b in ("cagr", "yoy") for b in basis], dtype=bool)
    has_pace = ~np.isnan(pace)
    drop = rate & (T <= 0)  # a target ≤ 0: no growth rate to compare, the linear pace
    rate &= ~drop
    linear = np.array([b == "linear" for b in basis], dtype=bool) | (drop & has_pace)
    basis_w: list[str | None] = [
        ("linear" if p else None) if d else b
        for b, d, p in zip(basis, drop.tolist(), has_pace.tolist(), strict=True)
    ]
    with np.errstate(divide="ignore", invalid="ignore"):
        by_rate = rate & ~np.isnan(growth) & ~np.isnan(need_growth) & (need_growth != 0)
        ratio = np.where(by_rate, growth / np.where(by_rate, need_growth, 1.0), NAN)
        linear &= has_pace & ~np.isnan(need_pace) & (need_pace != 0)
        top, bottom = (v - v0) * days_left, (T - v) * span_days
        ok &= ~linear | (small(top) & small(bottom))
        ratio = np.where(linear, quotient(top, bottom), ratio)
    done = v >= T if up else v <= T
    status = statuses(done, final, ratio)
    figs: list[Any] = [None] * len(v)
    cols = zip(nones(attainment), nones(progress), gap.tolist(), nones(need_pace),
               nones(ratio), linear.tolist(), status, strict=True)  # fmt: skip
    for c, (fig, fine_c) in enumerate(zip(cols, ok.tolist(), strict=True)):
        if fine_c:
            figs[c] = fig
    return figs, basis_w


def total(rows: Array) -> tuple[Array, np.ndarray]:
    """The sum of each column of whole numbers (rows: points × columns), and where it is
    exact (every value whole, the sum of sizes below 2⁵³, so every partial sum is)."""
    if len(rows) == 0:
        return np.zeros(rows.shape[1]), np.ones(rows.shape[1], dtype=bool)
    ok = is_whole(*rows) & small(np.abs(rows).sum(axis=0))
    return rows.sum(axis=0), ok


def cumulative_figures(
    rows: Array,
    base: Array | None,
    T: Array,
    increasing: bool,
    days: tuple[int, int],
    final: bool,
    ok: np.ndarray,
) -> list[Any]:
    """The figures of ``_cumulative`` (S, pace, required pace, growth ratio, status,
    progress, attainment, gap) for the columns of whole numbers where every step is exact
    (the others: None). ``rows``: the counted flows, points × columns; ``base``: the sum
    up to the baseline (None: no baseline); ``days``: elapsed (0: none yet) and left."""
    elapsed_days, days_left = days
    S, fine = total(rows)
    ok = ok & fine & is_whole(T)
    n = len(S)
    if elapsed_days > 0:
        pace, fine = per_year(S, elapsed_days)
        ok &= fine
    else:
        pace = np.full(n, NAN)
    need, fine = per_year(T - S, days_left)
    ok &= fine
    with np.errstate(invalid="ignore"):
        by_pace = ~np.isnan(pace) & ~np.isnan(need) & (need != 0)
    top, bottom = S * days_left, (T - S) * elapsed_days
    ok &= ~by_pace | (small(top) & small(bottom))
    ratio = np.where(by_pace, quotient(top, bottom), NAN)
    status = statuses(S >= T if increasing else S <= T, final, ratio)
    progress = np.full(n, NAN)
    if base is not None:
        progress = np.where(base != T, quotient(S - base, T - base), NAN)
    attainment = quotient(S, T)
    gap = np.maximum(T - S, 0.0) if increasing else np.maximum(S - T, 0.0)
    figs: list[Any] = [None] * n
    cols = zip(S.tolist(), nones(pace), nones(need), nones(ratio), status,
               nones(progress), nones(attainment), gap.tolist(), strict=True)  # fmt: skip
    for c, (fig, fine_c) in enumerate(zip(cols, ok.tolist(), strict=True)):
        if fine_c:
            figs[c] = fig
    return figs


def nones(a: Array) -> list[float | None]:
    """A column as Python floats, NaN (not computed) as None."""
    return [None if x != x else x for x in a.tolist()]


THRESHOLDS = (float(ON_TRACK), float(BEHIND))


def statuses(done: np.ndarray, final: bool, ratio: Array) -> list[Status]:
    """:func:`ipplan.analysis.figures.judge` of every column (ratio NaN: None)."""
    out: list[Status] = []
    near = np.zeros(len(ratio), dtype=bool)
    for t in THRESHOLDS:
        with np.errstate(invalid="ignore"):
            near |= np.abs(ratio - t) <= 1e-9
    with np.errstate(invalid="ignore"):
        on = ratio >= THRESHOLDS[0]
        behind = ratio >= THRESHOLDS[1]
        off = ratio >= 0
    none = np.isnan(ratio)
    columns = (done, ratio, none, on, behind, off, near)
    for d, r, n, a, b, c, x in zip(*(col.tolist() for col in columns), strict=True):
        if d:
            out.append(Status.achieved)
        elif final:
            out.append(Status.missed)
        elif n:
            out.append(Status.insufficient_data)
        elif x:
            out.append(band(r))
        elif a:
            out.append(Status.on_track)
        elif b:
            out.append(Status.behind)
        elif c:
            out.append(Status.off_track)
        else:
            out.append(Status.moving_away)
    return out
