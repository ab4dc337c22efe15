"""What is still needed to reach a target by its deadline (``ipplan need``).

Time is counted in calendar months from the end of the latest observation to the
deadline's month: a straight path adds the same amount every month; a constant-growth
path multiplies by the same factor every month. docs/methods.md, "What is still
needed", gives the definitions; every figure here is a pure function of the dataset.

- Level targets: ``remaining`` = T − v; at k of n months the straight path is
  v + (T − v)·k/n and the constant-growth path v·(T/v)^(k/n) (none when v or T ≤ 0).
  A stock steps by month or quarter; a flow steps by its own frequency (a year's total
  is compared with a year's total), its path being the flow needed in each period.
- Cumulative targets: ``remaining`` = T − S, the flow still needed; the straight path
  is the running total needed at each period end, S + (T − S)·k/n, with the flow of
  that period; no constant-growth path (a running total grows by its flows).
- Derived targets of the form numerator / denominator × constant: the numerator needed
  at the deadline, N = T / (c · Π operand^exponent), each other operand at its latest
  value; a count (the numerator's values all whole; without values, a unit such as 件) is
  rounded up (down for a decrease).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from fractions import Fraction

from ipplan.analysis.figures import counted_flows, reached
from ipplan.analysis.series import Dataset
from ipplan.core.errors import UsageError
from ipplan.core.formula import Formula
from ipplan.core.model import Indicator, Observation, Plan
from ipplan.core.periods import Period

COUNT_UNITS = frozenset({"件", "个", "人", "户", "家", "项", "次"})  # units of whole counts


class Step(StrEnum):
    """How finely the path is given."""

    month = "month"
    quarter = "quarter"


class NeedNote(StrEnum):
    """Why a path or an absolute count is missing."""

    passed = "passed"  # the deadline has passed: no path
    achieved = "achieved"  # the target is reached already
    no_data = "no_data"  # nothing observed: no starting point
    no_cagr = "no_cagr"  # a level or the target ≤ 0: no constant-growth path
    cumulative = "cumulative"  # a running total: no constant-growth path
    not_ratio = "not_ratio"  # the formula is not numerator / denominator × constant
    no_operand = "no_operand"  # an operand of the formula has no value yet


@dataclass(frozen=True)
class PathPoint:
    period: str
    linear: float
    cagr: float | None
    flow: float | None = None  # cumulative targets: the flow needed in this period


@dataclass(frozen=True)
class Assumed:
    """An operand value the absolute count rests on."""

    indicator: str
    period: str
    value: float
    exponent: int  # −1 for a denominator


@dataclass(frozen=True)
class Absolute:
    """The numerator a derived target means: T / (coefficient · Π assumed^exponent)."""

    indicator: str
    value: float  # rounded to a whole count when the numerator is a count
    exact: float
    coefficient: float
    assumes: tuple[Assumed, ...]


@dataclass(frozen=True)
class Need:
    indicator: Indicator
    as_of: date
    deadline: date
    target: float
    latest: Observation | None
    cumulative: float | None  # S, for cumulative targets
    remaining: float | None
    months_left: int | None
    per_month: float | None
    path: tuple[PathPoint, ...]
    absolute: Absolute | None
    notes: tuple[NeedNote, ...]


# --------------------------------------------------------------------------- months


def month_index(d: date) -> int:
    return d.year * 12 + d.month - 1


def _label(index: int, freq: str) -> str:
    year, month = divmod(index, 12)
    if freq == "M":
        return str(Period(year, "M", month + 1))
    if freq == "Q":
        return str(Period(year, "Q", month // 3 + 1))
    return str(Period(year, "Y", 0))


def steps(start: date, deadline: date, freq: str) -> list[tuple[str, int]]:
    """(period label, months from ``start``) for each period ending after ``start`` up to
    the one holding the deadline; the last counts the months up to the deadline's month."""
    first, last = month_index(start), month_index(deadline)
    size = {"M": 1, "Q": 3, "Y": 12}[freq]
    found: list[tuple[str, int]] = []
    m = first + 1
    while m <= last:
        end = min(m + (size - 1 - m % size), last)  # the period's last month, cut at the deadline
        found.append((_label(m, freq), end - first))
        m = end + 1
    return found


# --------------------------------------------------------------------------- formulas


@dataclass(frozen=True)
class Monomial:
    """coefficient · Π id^exponent: the shape of a ratio formula."""

    coefficient: Fraction
    exponents: Mapping[str, int]


def monomial(formula: Formula) -> Monomial | None:
    """The formula as coefficient · Π id^exponent, or None when it adds or subtracts an
    indicator (gi_trademarks + gi_products has no single numerator to solve for)."""
    stack: list[Monomial | None] = []
    for op in formula._program:  # the parsed postfix program: read, never evaluated
        if op.kind == "num":
            stack.append(Monomial(Fraction(str(op.number)), {}))
        elif op.kind == "id":
            stack.append(Monomial(Fraction(1), {op.name: 1}))
        elif op.kind == "neg":
            top = stack[-1]
            stack[-1] = None if top is None else Monomial(-top.coefficient, top.exponents)
        else:
            right, left = stack.pop(), stack.pop()
            stack.append(_combine(op.kind, left, right))
    return stack[-1] if stack else None


def _combine(kind: str, left: Monomial | None, right: Monomial | None) -> Monomial | None:
    if left is None or right is None:
        return None
    if kind in "+-":
        if left.exponents or right.exponents:
            return None
        c = (
            left.coefficient + right.coefficient
            if kind == "+"
            else left.coefficient - right.coefficient
        )
        return Monomial(c, {})
    sign = 1 if kind == "*" else -1
    if sign < 0 and right.coefficient == 0:
        return None
    exps = dict(left.exponents)
    for name, e in right.exponents.items():
        exps[name] = exps.get(name, 0) + sign * e
    exps = {k: v for k, v in exps.items() if v}
    c = left.coefficient * right.coefficient if sign > 0 else left.coefficient / right.coefficient
    return Monomial(c, exps)


def absolute_count(
    indicator: Indicator, target: float, data: Dataset, up: bool
) -> tuple[Absolute | None, NeedNote | None]:
    """The numerator a derived target means at the deadline, with what it assumes."""
    formula = indicator.formula
    if formula is None or not formula.ids:
        return None, None
    shape = monomial(formula)
    numerator = formula.ids[0]
    if shape is None or shape.exponents.get(numerator) != 1 or shape.coefficient == 0:
        return None, NeedNote.not_ratio
    assumed: list[Assumed] = []
    divisor = shape.coefficient
    for oid, e in shape.exponents.items():
        if oid == numerator:
            continue
        series = data.series(oid)
        if not series or series[-1].value == 0:
            return None, NeedNote.no_operand
        last = series[-1]
        assumed.append(Assumed(oid, str(last.period), last.value, e))
        divisor *= Fraction(repr(last.value)) ** e
    exact = float(Fraction(repr(float(target))) / divisor)
    value = exact
    counts = data.series(numerator)
    unit = getattr(data.plan.get(numerator), "unit", "")
    whole = all(float(o.value).is_integer() for o in counts) if counts else unit in COUNT_UNITS
    if whole:
        value = float(math.ceil(exact - 1e-9) if up else math.floor(exact + 1e-9))
    return Absolute(numerator, value, exact, float(shape.coefficient), tuple(assumed)), None


# --------------------------------------------------------------------------- the need


def need(plan: Plan, indicator: Indicator, data: Dataset, step: Step = Step.month) -> Need:
    """What is still needed for ``indicator``'s target, as known on ``data.as_of``."""
    target = indicator.target
    if target is None:
        raise UsageError("need.no_target", id=indicator.id)
    if target.value is None:
        raise UsageError("need.no_value", id=indicator.id)
    T, up = target.value, target.increasing
    deadline = plan.meta.deadline
    series = [o for o in data.series(indicator.id) if o.period.end <= deadline]
    notes: list[NeedNote] = []
    absolute, why = absolute_count(indicator, T, data, up)
    if why is not None:
        notes.append(why)
    cumulative = target.type == "cumulative"
    latest: Observation | None = None
    S: float | None = None
    start_value = 0.0
    if cumulative:
        assert target.from_period is not None
        counted = counted_flows(series, target.from_period.start, deadline)
        S = sum(o.value for o in counted)
        latest = counted[-1] if counted else None
        start_value = S
    elif series:
        latest = series[-1]
        start_value = latest.value
    if latest is None:  # no starting point (a cumulative target: nothing counted yet)
        remaining = T - start_value if cumulative else None
        notes.append(NeedNote.passed if data.as_of >= deadline else NeedNote.no_data)
        return _need(indicator, data, T, None, S, absolute, remaining, None, (), tuple(notes))
    start = latest.period.end
    remaining = T - start_value
    months = max(0, month_index(deadline) - month_index(start))
    if data.as_of >= deadline:
        return _need(indicator, data, T, latest, S, absolute, remaining, 0, (),
                     (*notes, NeedNote.passed))  # fmt: skip
    if reached(start_value, T, up):
        return _need(indicator, data, T, latest, S, absolute, 0.0, months, (),
                     (*notes, NeedNote.achieved))  # fmt: skip
    freq = "M" if step is Step.month else "Q"
    if indicator.kind == "flow" and not cumulative and latest is not None:
        freq = latest.period.freq  # a flow's level is compared with the same frequency
    path: list[PathPoint] = []
    growth_ok = not cumulative and start_value > 0 and T > 0
    if cumulative:
        notes.append(NeedNote.cumulative)
    elif not growth_ok:
        notes.append(NeedNote.no_cagr)
    before = 0
    for label, k in steps(start, deadline, freq):
        share = k / months if months else 1.0
        linear = start_value + remaining * share
        cagr = start_value * (T / start_value) ** share if growth_ok else None
        flow = remaining * (k - before) / months if cumulative and months else None
        path.append(PathPoint(label, T if k == months else linear,
                              T if (k == months and cagr is not None) else cagr, flow))  # fmt: skip
        before = k
    return _need(indicator, data, T, latest, S, absolute, remaining, months, tuple(path),
                 tuple(notes))  # fmt: skip


def _need(
    indicator: Indicator,
    data: Dataset,
    target: float,
    latest: Observation | None,
    cumulative: float | None,
    absolute: Absolute | None,
    remaining: float | None,
    months: int | None,
    path: tuple[PathPoint, ...],
    notes: tuple[NeedNote, ...],
) -> Need:
    per_month = None
    if remaining is not None and months and NeedNote.passed not in notes:
        per_month = remaining / months
    return Need(indicator, data.as_of, data.plan.meta.deadline, target, latest, cumulative,
                remaining, months, per_month, path, absolute, notes)  # fmt: skip
