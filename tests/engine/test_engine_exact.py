"""Column power (ipplan.engine.exact.ppow, compound) against Python's own ``**`` and the
per-series compound of ipplan.analysis.project, value by value and bit for bit: NaN, zero,
overflow, infinities and negative exponents included."""

from __future__ import annotations

import math

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from ipplan.analysis.project import compound as compound_one
from ipplan.engine.exact import NAN, compound, ppow

floats = st.one_of(
    st.floats(allow_nan=True, allow_infinity=True, width=64),
    st.sampled_from([0.0, -0.0, 1.0, 1e-300, 1e300, 0.5, 2.0, math.nan]),
)
positive = st.one_of(st.floats(min_value=0.0, max_value=1e308), st.just(math.nan))


def bits(values: list[float]) -> list[str]:
    """Each value as its exact bits (NaN all alike: NaN stands for "not computed")."""
    return ["nan" if v != v else float.hex(v) for v in values]


def python_pow(b: float, e: float) -> float:
    if b != b or e != e:
        return NAN
    try:
        return float(b**e)
    except (OverflowError, ZeroDivisionError):
        return NAN


@settings(max_examples=400, deadline=None)
@given(st.lists(positive, min_size=1, max_size=20), floats)
def test_ppow_is_python_power_with_one_exponent(bases: list[float], exponent: float) -> None:
    got = ppow(np.array(bases, dtype=np.float64), exponent).tolist()
    assert bits(got) == bits([python_pow(b, exponent) for b in bases])


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(positive, floats), min_size=1, max_size=20))
def test_ppow_is_python_power_with_an_exponent_each(pairs: list[tuple[float, float]]) -> None:
    bases, exps = zip(*pairs, strict=True)
    got = ppow(np.array(bases), np.array(exps)).tolist()
    assert bits(got) == bits([python_pow(b, e) for b, e in pairs])


def one(v: float, g: float, years: float) -> float:
    if v != v or g != g:
        return NAN
    return compound_one(v, g, years)


growths = st.one_of(st.floats(min_value=-0.999, max_value=1e6), st.just(math.nan),
                    st.sampled_from([0.0, 1e-12, 50.0, 1e5]))  # fmt: skip
years_ = st.one_of(st.floats(min_value=-50, max_value=1e4), st.sampled_from([0.0, 0.5, 700.0]))


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(floats, growths), min_size=1, max_size=20), years_)
def test_compound_is_the_per_series_compound(
    pairs: list[tuple[float, float]], years: float
) -> None:
    values, growth = (np.array(c, dtype=np.float64) for c in zip(*pairs, strict=True))
    got = compound(values, growth, years).tolist()
    assert bits(got) == bits([one(v, g, years) for v, g in pairs])
    each = np.full(len(pairs), years)  # an exponent per column: the same
    assert bits(compound(values, growth, each).tolist()) == bits(got)


def test_overflow_in_one_column_leaves_the_others_exact() -> None:
    # 1e6 ** 100 overflows (Python raises OverflowError): that column is inf in compound,
    # NaN in ppow; the others are Python's own values
    base = np.array([1.5, 1e6, 2.0])
    assert ppow(base, 100.0).tolist()[::2] == [1.5**100, 2.0**100]
    assert math.isnan(ppow(base, 100.0)[1])
    got = compound(np.array([3.0, 2.0, 0.0]), base - 1, 100.0).tolist()
    assert got == [3.0 * 1.5**100, math.inf, 0.0]
    assert ppow(np.array([0.0, 4.0]), -0.5).tolist()[1] == 0.5  # 0 ** -0.5: NaN, 4 ** -0.5


def test_columns_of_different_lengths_are_refused() -> None:
    import pytest

    with pytest.raises(ValueError):
        compound(np.array([3.0]), np.array([1.0]), np.array([1.0, 2.0]))
    with pytest.raises(ValueError):
        compound(np.array([3.0, 4.0]), np.array([1.0]), 2.0)
    with pytest.raises(ValueError):
        ppow(np.array([3.0]), np.array([1.0, 2.0]))
