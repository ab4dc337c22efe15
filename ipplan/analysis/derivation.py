"""How an evaluation's figures were derived: the intermediates `show` and the report print.

:func:`ipplan.analysis.evaluate.evaluate_indicator` fills a :class:`Derivation` where it computes
the figures, from the very values it computes them with, so that a renderer explaining a
figure ("actual growth = (v ÷ v0)^(1 ÷ span) − 1") only formats what is here and can never
disagree with the figure. The national engine (:mod:`ipplan.engine`) leaves it empty, as
it leaves the history empty: its results are not explained line by line.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from ipplan.core.errors import PeriodError
from ipplan.core.model import Observation
from ipplan.core.periods import Period


class Note(StrEnum):
    """Codes explaining an evaluation's figures (formats.md, ``notes``). A str-valued
    enum: it compares equal to, and serialises as, its value."""

    no_data = "no_data"  # nothing observed up to the deadline
    no_data_in_range = "no_data_in_range"  # a cumulative target with no flow counted
    one_point = "one_point"  # one level known: no trend
    linear_pace = "linear_pace"  # judged on the linear pace, not on growth rates
    final_awaited = "final_awaited"  # the deadline has passed, its figure is not in


@dataclass(frozen=True)
class Window:
    """The observations of the five-year window ending at the latest one (methods.md,
    "The five-year window"), and the span between its first and last period ends."""

    points: tuple[Observation, ...]
    years: float  # (last end − first end) in days / 365.25

    @property
    def first(self) -> Observation | None:
        """The earliest point, when the window holds two or more (growth starts here)."""
        return self.points[0] if len(self.points) >= 2 else None


@dataclass(frozen=True)
class Step:
    """One consecutive change a growth target (稳步增长) is judged on."""

    before: Observation
    after: Observation
    change: float  # after.value − before.value


@dataclass(frozen=True)
class Derivation:
    """The intermediates of one evaluation; empty fields where they do not apply."""

    window: Window | None = None  # level, growth and monitored indicators
    days_left: int | None = None  # from the latest period's end to the deadline
    counted: tuple[Observation, ...] = ()  # cumulative: the flows counted, in order
    running: tuple[float, ...] = ()  # cumulative: the sum counted up to each of them
    baseline_sum: float | None = None  # cumulative: b, the sum counted up to the baseline
    elapsed_years: float | None = None  # cumulative: years since the start of ``from``
    steps: tuple[Step, ...] = ()  # growth: the changes from the baseline period on
    history_yoy: tuple[float | None, ...] = ()  # per history row: computed year on year
    shares: tuple[float | None, ...] = ()  # per projection: the share of the target reached


EMPTY = Derivation()  # an evaluation's default: nothing derived (the engine's results)


def yoy_change(obs: Observation, history: Sequence[Observation]) -> float | None:
    """Change on the same period a year before, when both are known and the earlier > 0."""
    try:
        before = Period(obs.period.year - 1, obs.period.freq, obs.period.index)
    except PeriodError:
        return None
    prev = next((o for o in history if o.period == before), None)
    if prev is None or prev.value <= 0:
        return None
    return obs.value / prev.value - 1


def share(value: float, target: float | None, increasing: bool) -> float | None:
    """How much of a target a (projected) value reaches, mirrored for decrease targets;
    None without a target value or when the divisor is 0."""
    if target is None:
        return None
    if increasing:
        return value / target if target else None
    return target / value if value else None
