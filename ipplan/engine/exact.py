"""Column arithmetic that gives, bit for bit, what the per-series Python code gives.

Each column of a matrix is one series. Elementwise + − × ÷ are IEEE-exact in numpy as in
Python; what differs is summation (``sum`` adds left to right, and from Python 3.12 on
with Neumaier's compensation) and ``**`` (numpy may use its own vectorised power): so
:func:`psum` adds rows in Python's order, and :func:`ppow` calls Python's own ``**``.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Sequence, Sized
from typing import Any, TypeVar

import numpy as np
import numpy.typing as npt

Array = npt.NDArray[np.float64]
NAN = float("nan")

# sum([1e16, 1.0, -1e16]) is 1.0 with Neumaier's compensation (Python 3.12+), else 0.0
_COMPENSATED = sum([1e16, 1.0, -1e16]) == 1.0


def psum(rows: Sequence[Array]) -> Array:
    """``sum(column)`` of every column, as Python's built-in ``sum`` adds floats."""
    if not rows:
        return np.zeros(0)
    total = 0.0 + rows[0]  # sum() starts from the int 0: 0 + -0.0 is 0.0
    if not _COMPENSATED:
        for row in rows[1:]:
            total = total + row
        return total
    comp = np.zeros_like(total)
    for x in rows[1:]:
        t = total + x
        big = np.abs(total) >= np.abs(x)
        comp = comp + np.where(big, (total - t) + x, (x - t) + total)
        total = t
    with np.errstate(invalid="ignore"):
        fix = (comp != 0) & np.isfinite(comp)
    return np.where(fix, total + comp, total)


def ppow(base: Array, exponent: float | Array) -> Array:
    """``base ** exponent`` by Python's float power, NaN where it raises OverflowError or
    where the base is NaN (NaN stands for "not computed" in these columns)."""
    bases = base.tolist()
    exps = _exponents(exponent, len(bases))
    _same_length(bases, exps)
    try:  # the built-in pow over the columns: about half the time of a Python loop
        out = np.fromiter(map(pow, bases, exps), dtype=np.float64, count=len(bases))
    except (OverflowError, ZeroDivisionError, TypeError):
        return _ppow_each(bases, exps)
    with np.errstate(invalid="ignore"):
        out[np.isnan(base) | np.isnan(np.asarray(exponent, dtype=np.float64))] = NAN
    return out


def _ppow_each(bases: list[float], exps: list[float]) -> Array:
    out = []
    for b, e in zip(bases, exps, strict=True):
        if b != b or e != e:
            out.append(NAN)
            continue
        try:
            out.append(b**e)
        except OverflowError:
            out.append(NAN)
        except ZeroDivisionError:
            out.append(NAN)
    return np.array(out, dtype=np.float64)


def compound(value: Array, growth: Array, years: float | Array) -> Array:
    """``value · (1 + growth)^years`` as :func:`ipplan.analysis.project.compound` (inf on
    overflow)."""
    base = 1 + growth
    bases = base.tolist()
    exps = _exponents(years, len(bases))
    _same_length(bases, exps, value)
    try:  # as ppow; × is IEEE's in numpy as in Python
        powered = np.fromiter(map(pow, bases, exps), dtype=np.float64, count=len(bases))
    except (OverflowError, ZeroDivisionError, TypeError):
        return _compound_each(value.tolist(), bases, exps)
    with np.errstate(over="ignore", invalid="ignore"):
        out: Array = value * powered
    out[np.isnan(value) | np.isnan(base)] = NAN
    return out


def _compound_each(values: list[float], bases: list[float], exps: list[float]) -> Array:
    out = []
    for v, b, e in zip(values, bases, exps, strict=True):
        if v != v or b != b:
            out.append(NAN)
            continue
        try:
            out.append(float(v * b**e))
        except OverflowError:
            out.append(math.inf)
    return np.array(out, dtype=np.float64)


def _same_length(*columns: Sized) -> None:
    """ValueError unless every column has as many values (as zip(strict=True) checked)."""
    if len({len(c) for c in columns}) > 1:
        raise ValueError("columns of different lengths")


def _exponents(exponent: float | Array, n: int) -> list[float]:
    """An exponent for each of ``n`` bases, as Python floats."""
    if isinstance(exponent, float | int):
        return [float(exponent)] * n
    found: list[float] = exponent.tolist()
    return found


def pmax(first: float, values: Array) -> Array:
    """``max(first, v)`` for each v: the first unless v is greater (Python keeps the first
    of equals, so max(0.0, -0.0) is 0.0)."""
    return np.where(values > first, values, first)


def pmax_left(values: Array, second: float) -> Array:
    """``max(v, second)`` for each v: v unless second is greater."""
    return np.where(second > values, second, values)


_DEFAULTS: dict[type, dict[str, Any]] = {}
R = TypeVar("R")


def record(cls: type[R], **values: Any) -> R:
    """``cls(**values)`` for a frozen dataclass without ``__post_init__``, built straight
    into its ``__dict__`` (the dataclass ``__init__`` sets each field through
    ``object.__setattr__``: slow for the hundreds of thousands of records made here).
    Unset fields take their defaults; equality and hashing are the dataclass's own."""
    defaults = _DEFAULTS.get(cls)
    if defaults is None:
        assert not hasattr(cls, "__post_init__"), cls
        defaults = {
            f.name: f.default
            for f in dataclasses.fields(cls)  # type: ignore[arg-type]
            if f.default is not dataclasses.MISSING
        }
        _DEFAULTS[cls] = defaults
    new = object.__new__(cls)
    new.__dict__.update(defaults)
    new.__dict__.update(values)
    return new
