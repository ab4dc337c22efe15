"""Every figure and status of methods.md, for one indicator and for a whole plan.

Pure functions over a :class:`~ipplan.analysis.series.Dataset`: nothing here reads files.
Direction ``increase`` is the natural reading; for ``decrease`` comparisons are
mirrored (attainment is T / v, gap is v − T, achieved means v ≤ T), and the growth
ratio needs no mirroring because required and actual growth then are both negative.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from enum import StrEnum
from fractions import Fraction
from itertools import accumulate, pairwise

from ipplan.analysis.derivation import EMPTY, Derivation, Note, Step, Window, share, yoy_change
from ipplan.analysis.figures import (
    compound_growth,
    counted_flows,
    elapsed_days,
    exact,
    exact_sum,
    judge,
    reached,
    required_growth,
    time_elapsed,
    window,
)
from ipplan.analysis.project import (
    Method,
    Projection,
    ProjectionReason,
    choose,
    cumulative_projections,
    series_projections,
    spread,
)
from ipplan.analysis.series import Dataset
from ipplan.core.model import Indicator, Observation, Plan, Status
from ipplan.core.periods import years_between
from ipplan.data.units import for_region


class GrowthBasis(StrEnum):
    """What the actual growth of a status is measured on (docs/formats.md, ``growth_basis``)."""

    cagr = "cagr"  # the compound growth between two levels of the window
    yoy = "yoy"  # one level plus its published change
    linear = "linear"  # a per-year pace: zeros, levels <= 0, cumulative targets
    changes = "changes"  # the year-on-year changes (growth targets, monitored indicators)


@dataclass(frozen=True)
class Evaluation:
    """Where one indicator stands (the fields of formats.md, plus a few extensions), and
    the intermediates its figures were computed from (``derivation``)."""

    indicator: Indicator
    status: Status
    final: bool = False
    latest: Observation | None = None
    baseline: Observation | None = None
    cumulative: float | None = None  # S, for cumulative targets
    attainment: float | None = None
    progress: float | None = None
    gap: float | None = None
    years_left: float | None = None
    actual_growth: float | None = None
    required_growth: float | None = None
    growth_ratio: float | None = None
    growth_basis: GrowthBasis | None = None
    actual_per_year: float | None = None
    required_per_year: float | None = None
    projection: Projection | None = None
    projection_low: float | None = None
    projection_high: float | None = None
    projection_reason: ProjectionReason | None = None
    projections: tuple[Projection, ...] = ()
    history: tuple[Observation, ...] = ()
    notes: tuple[Note, ...] = ()  # codes explaining the figures, e.g. Note.linear_pace
    derivation: Derivation = EMPTY  # the intermediates `show` and the report print


@dataclass(frozen=True)
class PlanEvaluation:
    plan: Plan
    as_of: date
    region: str
    time_elapsed: float
    evaluations: tuple[Evaluation, ...] = field(default=())

    @property
    def elapsed_days(self) -> tuple[int, int]:
        """The days time_elapsed divides: (as_of − start, deadline − start)."""
        return elapsed_days(self.plan.meta.start, self.plan.meta.deadline, self.as_of)

    def counts(self, targets_only: bool = True) -> Counter[str]:
        return Counter(
            e.status for e in self.evaluations if e.indicator.target is not None or not targets_only
        )


# --------------------------------------------------------------------------- one indicator


def _projections(
    indicator: Indicator,
    points: Sequence[Observation],
    latest: Observation,
    deadline: date,
    growth: float | None,
) -> list[Projection]:
    """Every method's projection of the series to the deadline, with its backtest."""
    floor = None if indicator.allow_negative else 0.0
    return series_projections(points, latest, deadline, growth, floor)


def _with_projection(ev: Evaluation, found: list[Projection], method: str) -> Evaluation:
    """Attach the projections, the one shown (``method``, or auto's choice) and the range.

    Without a backtest, auto shows the method the status is judged on: linear on a
    linear pace, else cagr.
    """
    prefer = (
        (Method.linear, Method.weighted, Method.cagr)
        if ev.growth_basis == GrowthBasis.linear
        else (Method.cagr, Method.linear, Method.weighted)
    )
    chosen, reason = choose(found, method, prefer)
    low_high = spread(found)
    t = ev.indicator.target
    goal = t.value if t is not None else None
    up = t is None or t.increasing
    shares = tuple(share(p.value, goal, up) for p in found)
    return Evaluation(
        **{
            **ev.__dict__,
            "projection": chosen,
            "projection_reason": reason if chosen else None,
            "projections": tuple(found),
            "projection_low": low_high[0] if low_high else None,
            "projection_high": low_high[1] if low_high else None,
            "derivation": replace(ev.derivation, shares=shares),
        }
    )


def at_end(series: Sequence[Observation], end: date) -> Observation | None:
    """The observation a sorted series gives for the day ``end``: of those ending that day
    (2023-12, 2023-Q4, 2023) the last in period order, the coarsest, as ``latest`` takes."""
    found = [o for o in series if o.period.end == end]
    return found[-1] if found else None


def _quotient(a: Fraction, b: Fraction) -> float | None:
    """a / b computed exactly and rounded once; None when b is 0 or the quotient is too
    large for a float (a target over a value of 1e-308)."""
    if not b:
        return None
    try:
        return float(a / b)
    except OverflowError:
        return None


def per_year(amount: Fraction, days: int) -> float | None:
    """An amount per year over ``days`` (years are days / 365.25), exactly, rounded once;
    None when no time passes."""
    if days <= 0:
        return None
    return float(amount * Fraction(36525, 100) / days)


def evaluate_indicator(
    plan: Plan, indicator: Indicator, data: Dataset, method: str = "auto"
) -> Evaluation:
    """Every figure of methods.md for one indicator, as known on ``data.as_of``."""
    indicator = for_region(plan, indicator, data.region)  # a unit: its own target only
    deadline = plan.meta.deadline
    full = data.series(indicator.id)
    series = [o for o in full if o.period.end <= deadline]  # the plan is judged at its deadline
    target = indicator.target
    history_yoy = tuple(yoy_change(o, full) for o in full)
    if not series:
        status: Status = Status.monitoring if target is None else Status.insufficient_data
        derivation = Derivation(history_yoy=history_yoy)
        return Evaluation(indicator, status, history=tuple(full), notes=(Note.no_data,),
                          derivation=derivation)  # fmt: skip
    latest = series[-1]
    final = data.as_of >= deadline and latest.period.end == deadline
    baseline = at_end(series, plan.meta.baseline.end)
    if target is not None and target.type == "cumulative":
        ev = _cumulative(plan, indicator, series, data.as_of, final)
    elif target is not None and target.type == "growth":
        ev = _growth(plan, indicator, series, latest, baseline, final)
    else:
        ev = _level(plan, indicator, series, latest, baseline, final)
    if method != "auto":
        ev = _with_projection(ev, list(ev.projections), method)
    notes = list(ev.notes)
    if data.as_of >= deadline and not ev.final and target is not None:
        notes.append(Note.final_awaited)
    derivation = replace(ev.derivation, history_yoy=history_yoy)
    return Evaluation(
        **{**ev.__dict__, "history": tuple(full), "notes": tuple(notes), "derivation": derivation}
    )


def _level(
    plan: Plan,
    indicator: Indicator,
    series: Sequence[Observation],
    latest: Observation,
    baseline: Observation | None,
    final: bool,
) -> Evaluation:
    target = indicator.target
    v, t = latest.value, latest.period.end
    deadline = plan.meta.deadline
    years_left = years_between(t, deadline)
    points = window(series, latest, indicator.kind == "flow")
    first = points[0]
    span = years_between(first.period.end, t)
    derivation = Derivation(Window(tuple(points), span), (deadline - t).days)
    notes: list[Note] = []
    growth: float | None = None
    basis: GrowthBasis | None = None
    actual_pace: float | None = None
    span_days = (t - first.period.end).days
    if len({o.period.end for o in points}) >= 2:  # two levels known at different times
        growth = compound_growth(first, latest)
        actual_pace = per_year(exact(v) - exact(first.value), span_days) if span > 0 else None
        basis = GrowthBasis.cagr if growth is not None else GrowthBasis.linear
    elif latest.yoy is not None and v > 0:
        growth = latest.yoy / 100
        basis = GrowthBasis.yoy
    else:
        notes.append(Note.one_point)
    found = _projections(indicator, points, latest, deadline, growth)
    if target is None:
        ev = Evaluation(indicator, Status.monitoring, False, latest, baseline,
                        years_left=years_left, actual_growth=growth,
                        growth_basis=GrowthBasis.changes, actual_per_year=actual_pace,
                        notes=tuple(notes), derivation=derivation)  # fmt: skip
        return _with_projection(ev, found, "auto")
    assert target.value is not None
    T = target.value
    up = target.increasing
    xv, xT = exact(v), exact(T)
    attainment = _quotient(xv, xT) if up else _quotient(xT, xv)
    progress = None
    if baseline is not None and baseline.value != T:
        xb = exact(baseline.value)
        progress = _quotient(xv - xb, xT - xb)
    gap = float(max(xT - xv, Fraction(0)) if up else max(xv - xT, Fraction(0)))
    need_growth = required_growth(T, v, years_left)
    need_pace = per_year(xT - xv, (deadline - t).days)
    ratio: float | None = None
    if T <= 0 and basis in (GrowthBasis.cagr, GrowthBasis.yoy):
        basis = GrowthBasis.linear if actual_pace is not None else None
    if basis in (GrowthBasis.cagr, GrowthBasis.yoy) and growth is not None and need_growth:
        ratio = growth / need_growth
    elif basis == GrowthBasis.linear and actual_pace is not None and need_pace:
        # (v − v0)/span ÷ (T − v)/years_left, exactly: the 365.25 of both spans cancels
        days_left = (deadline - t).days
        ratio = _quotient((xv - exact(first.value)) * days_left, (xT - xv) * span_days)
        notes.append(Note.linear_pace)
    status = judge(reached(v, T, up), final, ratio)
    ev = Evaluation(
        indicator, status, final, latest, baseline, attainment=attainment, progress=progress,
        gap=gap, years_left=years_left, actual_growth=growth,
        required_growth=need_growth, growth_ratio=ratio, growth_basis=basis,
        actual_per_year=actual_pace, required_per_year=need_pace, notes=tuple(notes),
        derivation=derivation,
    )  # fmt: skip
    return _with_projection(ev, [] if final else found, "auto")


def _cumulative(
    plan: Plan, indicator: Indicator, series: Sequence[Observation], as_of: date, final: bool
) -> Evaluation:
    target = indicator.target
    assert target is not None and target.value is not None and target.from_period is not None
    deadline = plan.meta.deadline
    start = target.from_period.start
    counted = counted_flows(series, start, deadline)
    if not counted:
        return Evaluation(indicator, Status.insufficient_data, notes=(Note.no_data_in_range,))
    latest = counted[-1]
    final = as_of >= deadline and latest.period.end == deadline
    T = target.value
    partial = list(accumulate(exact(o.value) for o in counted))  # S after each flow
    xS, xT = partial[-1], exact(T)
    S = float(xS)
    base_end = plan.meta.baseline.end
    b: Fraction | None = None
    baseline = None
    if start > base_end:
        b = Fraction(0)
    else:
        baseline = at_end(counted, base_end)
        if baseline is not None:
            b = exact_sum(o.value for o in counted if o.period.end <= base_end)
    years_left = years_between(latest.period.end, deadline)
    # "years since the start of from": from the end of the period before it, as every
    # other span here runs between period end dates.
    elapsed = years_between(start - timedelta(days=1), latest.period.end)
    pace = per_year(xS, (latest.period.end - start).days + 1) if elapsed > 0 else None
    need = per_year(xT - xS, (deadline - latest.period.end).days)
    ratio = None
    if pace is not None and need:
        # S / elapsed ÷ (T − S) / years_left, exactly: the 365.25 of both spans cancels
        elapsed_days = (latest.period.end - start).days + 1
        days_left = (deadline - latest.period.end).days
        ratio = _quotient(xS * days_left, (xT - xS) * elapsed_days)
    status = judge(reached(xS, T, target.increasing), final, ratio)
    progress = _quotient(xS - b, xT - b) if b is not None and b != xT else None
    attainment = _quotient(xS, xT)
    gap = float(max(xT - xS, Fraction(0)) if target.increasing else max(xS - xT, Fraction(0)))
    found: list[Projection] = []
    if not final:
        flows = window(series, latest, flow=True)
        found = cumulative_projections(flows, latest, S, deadline, pace)
    ev = Evaluation(
        indicator, status, final, latest, baseline, cumulative=S, attainment=attainment,
        progress=progress, gap=gap, years_left=years_left, growth_ratio=ratio,
        growth_basis=GrowthBasis.linear, actual_per_year=pace, required_per_year=need,
        notes=(Note.linear_pace,),
        derivation=Derivation(
            days_left=(deadline - latest.period.end).days,
            counted=tuple(counted),
            running=tuple(float(x) for x in partial),
            baseline_sum=None if b is None else float(b),
            elapsed_years=elapsed,
        ),
    )  # fmt: skip
    return _with_projection(ev, found, "auto")


def _growth(
    plan: Plan,
    indicator: Indicator,
    series: Sequence[Observation],
    latest: Observation,
    baseline: Observation | None,
    final: bool,
) -> Evaluation:
    """稳步增长: judged on the consecutive changes from the baseline period on."""
    target = indicator.target
    assert target is not None
    up = target.increasing
    base_end = plan.meta.baseline.end
    points = [o for o in series if o.period.end >= base_end and o.period.freq == latest.period.freq]
    steps = tuple(Step(a, b, b.value - a.value) for a, b in pairwise(points))
    changes = [s.change for s in steps]
    if not changes and latest.yoy is not None and latest.period.end > base_end:
        changes = [latest.yoy]  # one level after the baseline, and its published change
    good = [(c > 0) if up else (c < 0) for c in changes]
    pts = window(series, latest, indicator.kind == "flow")
    growth = None
    if len({o.period.end for o in pts}) >= 2:
        growth = compound_growth(pts[0], latest)
    elif latest.yoy is not None and latest.value > 0:
        growth = latest.yoy / 100  # one level known, and its published change
    status: Status
    if not changes:
        status = Status.insufficient_data
    elif final:
        status = Status.achieved if all(good) else Status.missed
    elif not good[-1]:
        status = Status.off_track
    elif all(good):
        status = Status.on_track
    else:
        status = Status.behind
    years_left = years_between(latest.period.end, plan.meta.deadline)
    found = [] if final else _projections(indicator, pts, latest, plan.meta.deadline, growth)
    derivation = Derivation(
        Window(tuple(pts), years_between(pts[0].period.end, latest.period.end)),
        (plan.meta.deadline - latest.period.end).days,
        steps=steps,
    )
    ev = Evaluation(indicator, status, final, latest, baseline, years_left=years_left,
                    actual_growth=growth, growth_basis=GrowthBasis.changes,
                    notes=() if changes else (Note.one_point,),
                    derivation=derivation)  # fmt: skip
    return _with_projection(ev, found, "auto")


# --------------------------------------------------------------------------- a plan


def evaluate_plan(
    plan: Plan,
    observations: Mapping[str, Sequence[Observation]],
    as_of: date,
    region: str | None = None,
    method: str = "auto",
) -> PlanEvaluation:
    """Evaluate every indicator; targets first, then monitored ones, in plan order."""
    data = Dataset(plan, observations, as_of, region)
    evaluations = [evaluate_indicator(plan, ind, data, method) for ind in plan.indicators]
    evaluations.sort(key=lambda e: e.indicator.target is None)
    return PlanEvaluation(
        plan,
        as_of,
        data.region,
        time_elapsed(plan.meta.start, plan.meta.deadline, as_of),
        tuple(evaluations),
    )
