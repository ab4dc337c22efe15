"""Mid-term and final evaluation: the national words and the lights (docs/methods.md,
"Evaluation words and lights").

Beside the Eurostat status, reviews of Chinese plans use a fixed vocabulary: 提前实现 /
快于预期 / 基本符合预期 / 滞后 at mid-term (the 十四五 mid-term review), 已完成 / 未完成
at the end; supervision offices light targets red, yellow and green against 序时进度.
Pure functions over a :class:`~ipplan.analysis.evaluate.PlanEvaluation`; the thresholds and words
come from the plan's ``statuses:`` block (:mod:`ipplan.data.statuses`) or its defaults.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum

from ipplan.analysis.evaluate import Evaluation, PlanEvaluation
from ipplan.analysis.figures import as_decimal, reached
from ipplan.core.i18n import Lang
from ipplan.core.model import Plan
from ipplan.core.periods import label_for_date
from ipplan.data.statuses import DEFAULT, Scheme, Statuses


class Mode(StrEnum):
    midterm = "midterm"
    final = "final"


class Verdict(StrEnum):
    achieved_early = "achieved_early"  # 提前实现: the target is reached before the deadline
    ahead = "ahead"  # 快于预期: growth ratio ≥ thresholds.ahead
    on_course = "on_course"  # 基本符合预期: growth ratio ≥ thresholds.on_course
    lagging = "lagging"  # 滞后: below it
    achieved = "achieved"  # 已完成: the deadline figure meets the target
    missed = "missed"  # 未完成: the deadline figure falls short
    awaited = "awaited"  # 待终值: final evaluation without the deadline figure
    unknown = "unknown"  # 无法评估: the figures cannot be computed


class Light(StrEnum):
    green = "green"
    yellow = "yellow"
    red = "red"


ON_COURSE = (Verdict.achieved_early, Verdict.ahead, Verdict.on_course)  # "基本符合或快于预期"


@dataclass(frozen=True)
class Assessment:
    """One target's words: the verdict, its light, and for a final evaluation without the
    deadline figure, the figure awaited and the projection as an estimate."""

    verdict: Verdict
    light: Light | None = None
    shortfall: float | None = None  # points below 序时进度 (negative: ahead of it)
    awaited: str | None = None  # the period whose figure is awaited, e.g. "2025"
    estimate: float | None = None  # the projection at the deadline, as an estimate
    expected: Verdict | None = None  # achieved | missed, as the estimate says


@dataclass(frozen=True)
class PlanAssessment:
    mode: Mode
    scheme: Scheme
    statuses: Statuses
    items: tuple[tuple[Evaluation, Assessment], ...]

    @property
    def total(self) -> int:
        return len(self.items)

    def counts(self) -> Counter[str]:
        return Counter(a.verdict.value for _, a in self.items)

    def light_counts(self) -> Counter[str]:
        return Counter(a.light.value for _, a in self.items if a.light is not None)

    @property
    def good(self) -> int:
        """m of "n 项中 m 项": on course or ahead (mid-term), achieved (final)."""
        if self.mode is Mode.final:
            return sum(1 for _, a in self.items if a.verdict is Verdict.achieved)
        return sum(1 for _, a in self.items if a.verdict in ON_COURSE)


def resolve_mode(requested: Mode | None, as_of: date, deadline: date) -> Mode:
    """The mode asked for, else by date: final once as_of ≥ the deadline."""
    if requested is not None:
        return requested
    return Mode.final if as_of >= deadline else Mode.midterm


def word_for_ratio(ratio: float, statuses: Statuses = DEFAULT) -> Verdict:
    """快于预期 / 基本符合预期 / 滞后 from a growth ratio, compared to 12 digits."""
    r = as_decimal(ratio)
    if r >= statuses.ahead:
        return Verdict.ahead
    if r >= statuses.on_course:
        return Verdict.on_course
    return Verdict.lagging


def light_for(shortfall: Decimal, statuses: Statuses = DEFAULT) -> Light:
    """Green at or above 序时进度 − green points, yellow down to − yellow points, red beyond."""
    if shortfall <= statuses.green:
        return Light.green
    if shortfall <= statuses.yellow:
        return Light.yellow
    return Light.red


def _midterm(ev: Evaluation, statuses: Statuses) -> Verdict:
    if ev.status == "achieved":
        return Verdict.achieved if ev.final else Verdict.achieved_early
    if ev.status == "missed":
        return Verdict.missed
    target = ev.indicator.target
    if target is not None and target.type == "growth":  # judged on changes: no ratio
        if ev.status == "on_track":
            return Verdict.on_course
        return Verdict.lagging if ev.status in ("behind", "off_track") else Verdict.unknown
    if ev.growth_ratio is None:
        return Verdict.unknown
    return word_for_ratio(ev.growth_ratio, statuses)


def _expected(ev: Evaluation) -> Verdict | None:
    """What the projection says of a target whose deadline figure is not yet known."""
    target = ev.indicator.target
    if target is None:
        return None
    if ev.status == "achieved":
        return Verdict.achieved
    if target.type == "growth":
        return Verdict.achieved if ev.status == "on_track" else None
    if ev.projection is None or target.value is None:
        return None
    met = reached(ev.projection.value, target.value, target.increasing)
    return Verdict.achieved if met else Verdict.missed


def _light(
    ev: Evaluation, elapsed: Decimal, statuses: Statuses
) -> tuple[Light | None, float | None]:
    """The light and the shortfall in points: (序时进度 − 目标进展) × 100."""
    if ev.status == "achieved":
        return Light.green, None
    if ev.progress is None:
        target = ev.indicator.target
        if target is not None and target.type == "growth":  # no progress: from the status
            by_status = {"on_track": Light.green, "behind": Light.yellow,
                         "off_track": Light.red, "missed": Light.red}  # fmt: skip
            return by_status.get(ev.status), None
        return None, None
    points = (elapsed - as_decimal(ev.progress)) * 100
    return light_for(points, statuses), float(points)


def assess(
    ev: Evaluation, time_elapsed: float, mode: Mode, deadline: date,
    statuses: Statuses = DEFAULT,
) -> Assessment:  # fmt: skip
    """The words for one target (an indicator with a target)."""
    return _assess(ev, as_decimal(time_elapsed), mode, deadline, statuses)


def _assess(
    ev: Evaluation, elapsed: Decimal, mode: Mode, deadline: date, statuses: Statuses
) -> Assessment:
    """:func:`assess`, with 序时进度 already to 12 digits (``elapsed``)."""
    light, shortfall = _light(ev, elapsed, statuses)
    if mode is Mode.final and not ev.final:
        estimate = ev.projection.value if ev.projection is not None else None
        return Assessment(Verdict.awaited, light, shortfall, label_for_date(deadline),
                          estimate, _expected(ev))  # fmt: skip
    return Assessment(_midterm(ev, statuses), light, shortfall)


def ended(result: PlanEvaluation) -> bool:
    """From the deadline on, every view is a final evaluation (methods.md, "Final")."""
    return result.as_of >= result.plan.meta.deadline


def final_assessment(ev: Evaluation, result: PlanEvaluation) -> Assessment:
    """A target's final-evaluation words, whatever mode the evaluation column shows."""
    statuses = result.plan.statuses or DEFAULT
    return assess(ev, result.time_elapsed, Mode.final, result.plan.meta.deadline, statuses)


def assessor(
    plan: Plan, as_of: date, time_elapsed: float, mode: Mode | None = None
) -> Callable[[Evaluation], Assessment | None]:
    """The words of an evaluation of ``plan`` as of ``as_of`` (None: no target), as
    :func:`assess_plan` gives them."""
    deadline = plan.meta.deadline
    statuses = plan.statuses or DEFAULT
    chosen = resolve_mode(mode, as_of, deadline)
    elapsed = as_decimal(time_elapsed)  # once, not for each of 60,000 series

    def words(ev: Evaluation) -> Assessment | None:
        if ev.indicator.target is None:
            return None
        return _assess(ev, elapsed, chosen, deadline, statuses)

    return words


def assess_plan(result: PlanEvaluation, mode: Mode | None = None) -> PlanAssessment:
    """Every target's words, in the order of the status table."""
    meta = result.plan.meta
    statuses = result.plan.statuses or DEFAULT
    chosen = resolve_mode(mode, result.as_of, meta.deadline)
    words = assessor(result.plan, result.as_of, result.time_elapsed, chosen)
    items = tuple(
        (ev, a) for ev, a in ((ev, words(ev)) for ev in result.evaluations) if a is not None
    )
    return PlanAssessment(chosen, statuses.scheme, statuses, items)


def word(code: str, lang: Lang, statuses: Statuses = DEFAULT) -> str:
    """The word for a verdict or light code: the plan's own, else the default."""
    from ipplan.core.i18n import word as catalog_word

    own = statuses.word(code, lang)
    return own if own is not None else catalog_word(f"verdict.{code}", Lang(lang))
