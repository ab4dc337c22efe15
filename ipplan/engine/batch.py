"""Every figure of :mod:`ipplan.evaluate` for many series of one indicator at once.

A *group* is the series of one indicator (one per unit) that have the same visible periods;
their times, window, baseline and counted flows are then the same, and their values form
one row per period. The functions here follow ``_level`` and ``_cumulative`` of
:mod:`ipplan.evaluate` step by step, with a column (one value per series) wherever the
per-series code has a number. Growth targets and derived indicators are not handled here:
:mod:`ipplan.engine.units` gives them to the per-series code.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta

import numpy as np

from ipplan.engine.columns import Chosen, Found, choose, cumulative_projections, growth_rate
from ipplan.engine.columns import series_projections as column_projections
from ipplan.engine.exact import NAN, Array, pmax_left, ppow, psum, record
from ipplan.evaluate import Evaluation
from ipplan.figures import BEHIND as BEHIND_RATIO
from ipplan.figures import ON_TRACK, counted_flows, window
from ipplan.model import Indicator, Observation, Plan, Status
from ipplan.periods import Period, label_for_date, years_between
from ipplan.project import Projection, future_periods

MakeObs = Callable[[int], "list[Observation]"]  # point index → that point's observations


@dataclass
class Group:
    """Series of one indicator with the same visible periods (sorted), one column each."""

    indicator: Indicator  # its target type, direction and from are every column's
    periods: list[Period]
    ys: list[Array]  # one row per period
    yoy: Array  # the published yoy of the last period's row, NaN: none
    target: Array  # each column's own target value; NaN: no target (monitoring)
    observations: MakeObs  # every column's observation at one point


def _none(x: float) -> float | None:
    return None if x != x else x


def _band(ratio: Array) -> list[Status]:
    out: list[Status] = []
    for r in ratio.tolist():
        if r >= ON_TRACK:
            out.append("on_track")
        elif r >= BEHIND_RATIO:
            out.append("behind")
        elif r >= 0:
            out.append("off_track")
        else:
            out.append("moving_away")
    return out


class _Shown:
    """The projections of every column as Python values, ready to attach."""

    def __init__(self, found: Sequence[Found], chosen: Chosen, label: str, fitted: tuple[str, ...]):
        self.found = [(f.method, f.ok.tolist(), f.value.tolist(), f.error.tolist()) for f in found]
        self.index = chosen.index.tolist()
        self.reason = chosen.reason
        self.low = chosen.low.tolist()
        self.high = chosen.high.tolist()
        self.label = label
        self.fitted = fitted

    def fields(self, col: int) -> dict[str, object]:
        """The projection fields of one column's Evaluation (without the paths and
        backtest checks that charts use: those come from the per-series code)."""
        all_ = []
        shown = None
        i = self.index[col]
        for j, (method, ok, value, error) in enumerate(self.found):
            if ok[col]:
                e = error[col]
                p = record(Projection, method=method, period=self.label, value=value[col],
                           error=None if e != e else e, fitted=self.fitted)  # fmt: skip
                all_.append(p)
                if j == i:
                    shown = p
        low, high = self.low[col], self.high[col]
        return {
            "projection": shown,
            "projection_reason": self.reason[col] if shown else None,
            "projections": tuple(all_),
            "projection_low": None if low != low else low,
            "projection_high": None if high != high else high,
        }


def _nones(a: Array) -> list[float | None]:
    return [None if x != x else x for x in a.tolist()]


def level(
    plan: Plan, g: Group, indicators: Sequence[Indicator], as_of: date, method: str
) -> list[Evaluation]:
    """``_level`` of :mod:`ipplan.evaluate` for every column (``indicators``: each
    column's indicator, with its own target or none)."""
    deadline = plan.meta.deadline
    series = g.periods
    k = len(series) - 1
    latest = series[-1]
    t = latest.end
    final = as_of >= deadline and t == deadline
    base_i = _baseline(plan, series)
    years_left = years_between(t, deadline)
    flow = g.indicator.kind == "flow"
    points = [i for i in _window(series, latest, flow)]
    first = points[0]
    v = g.ys[k]
    v0 = g.ys[first]
    n = len(v)
    two_levels = len({series[i].end for i in points}) >= 2
    growth = np.full(n, NAN)
    pace = np.full(n, NAN)
    basis: list[str | None]
    if two_levels:
        span = years_between(series[first].end, t)
        growth = growth_rate(0.0, v0, span, v)
        if span > 0:
            pace = (v - v0) / span
        basis = ["cagr" if gr == gr else "linear" for gr in growth.tolist()]
        one_point = np.zeros(n, dtype=bool)
    else:
        has_yoy = ~np.isnan(g.yoy) & (v > 0)
        growth = np.where(has_yoy, g.yoy / 100, NAN)
        basis = ["yoy" if h else None for h in has_yoy.tolist()]
        one_point = ~has_yoy
    xs = [years_between(t, series[i].end) for i in points]
    ys = [g.ys[i] for i in points]
    floor = None if g.indicator.allow_negative else 0.0
    found = column_projections(xs, ys, years_left, growth, floor)
    label = label_for_date(deadline)
    fitted = tuple(str(series[i]) for i in points)

    T = g.target
    up = g.indicator.target is None or g.indicator.target.increasing
    has_t = ~np.isnan(T)
    Ts = np.where(has_t, T, 1.0)
    with np.errstate(divide="ignore", invalid="ignore"):
        attain = (
            np.where(Ts != 0, v / Ts, NAN)
            if up
            else np.where(v != 0, Ts / np.where(v != 0, v, 1), NAN)
        )
        progress = np.full(n, NAN)
        if base_i is not None:
            b = g.ys[base_i]
            progress = np.where(b != Ts, (v - b) / (Ts - b), NAN)
    gap = pmax_left(Ts - v, 0.0) if up else pmax_left(v - Ts, 0.0)
    need_ok = (v > 0) & (Ts > 0) & (years_left > 0)
    with np.errstate(divide="ignore", invalid="ignore"):
        need_growth = (
            ppow(np.where(need_ok, Ts / np.where(need_ok, v, 1.0), NAN), 1 / years_left) - 1
            if years_left > 0
            else np.full(n, NAN)
        )
    need_pace = (Ts - v) / years_left if years_left > 0 else np.full(n, NAN)
    # basis after the target: a target ≤ 0 is judged on the linear pace
    basis_t = list(basis)
    for i, (tv, bs) in enumerate(zip(Ts.tolist(), basis, strict=True)):
        if tv <= 0 and bs in ("cagr", "yoy"):
            basis_t[i] = "linear" if pace[i] == pace[i] else None
    ratio = np.full(n, NAN)
    linear_note = np.zeros(n, dtype=bool)
    for i, bs in enumerate(basis_t):
        if (
            bs in ("cagr", "yoy")
            and growth[i] == growth[i]
            and need_growth[i] == need_growth[i]
            and need_growth[i] != 0
        ):
            ratio[i] = growth[i] / need_growth[i]
        elif (
            bs == "linear"
            and pace[i] == pace[i]
            and need_pace[i] == need_pace[i]
            and need_pace[i] != 0
        ):
            ratio[i] = pace[i] / need_pace[i]
            linear_note[i] = True
    reached = (v >= Ts) if up else (v <= Ts)
    band = _band(ratio)
    no_proj: list[Found] = []
    ch_mon = choose(found, "auto", np.array([b == "linear" for b in basis]), n)
    ch_t = choose([] if final else found, "auto", np.array([b == "linear" for b in basis_t]), n)
    if method != "auto":
        ch_mon = choose(found, method, np.zeros(n, dtype=bool), n)
        ch_t = choose([] if final else found, method, np.zeros(n, dtype=bool), n)
    awaited = as_of >= deadline and not final  # evaluate_indicator's final_awaited
    mon = _Shown(found, ch_mon, label, fitted)
    tgt = _Shown(no_proj if final else found, ch_t, label, fitted)
    lasts = g.observations(k)
    bases = g.observations(base_i) if base_i is not None else [None] * n
    growth_l, pace_l = _nones(growth), _nones(pace)
    attain_l, progress_l, gap_l = _nones(attain), _nones(progress), gap.tolist()
    need_growth_l, need_pace_l, ratio_l = _nones(need_growth), _nones(need_pace), _nones(ratio)
    has_l, reached_l, one_l, lin_l = (
        has_t.tolist(),
        reached.tolist(),
        one_point.tolist(),
        linear_note.tolist(),
    )
    out = []
    for c in range(n):
        ind = indicators[c]
        notes = ["one_point"] if one_l[c] else []
        if not has_l[c] or ind.target is None:
            ev = record(Evaluation, indicator=ind, status="monitoring", final=False,
                            latest=lasts[c], baseline=bases[c], years_left=years_left,
                            actual_growth=growth_l[c], growth_basis=basis[c],
                            actual_per_year=pace_l[c], notes=tuple(notes),
                            **mon.fields(c))  # fmt: skip
            out.append(ev)
            continue
        if lin_l[c]:
            notes.append("linear_pace")
        if awaited:
            notes.append("final_awaited")
        status: Status
        if reached_l[c]:
            status = "achieved"
        elif final:
            status = "missed"
        elif ratio_l[c] is None:
            status = "insufficient_data"
        else:
            status = band[c]
        out.append(record(Evaluation,
            indicator=ind, status=status, final=final, latest=lasts[c], baseline=bases[c],
            attainment=attain_l[c],
            progress=progress_l[c], gap=gap_l[c], years_left=years_left,
            actual_growth=growth_l[c] if basis_t[c] != "linear" else None,
            required_growth=need_growth_l[c], growth_ratio=ratio_l[c],
            growth_basis=basis_t[c], actual_per_year=pace_l[c],
            required_per_year=need_pace_l[c], notes=tuple(notes),
            **tgt.fields(c),
        ))  # fmt: skip
    return out


def _after(ev: Evaluation, ind: Indicator, as_of: date, deadline: date, final: bool) -> Evaluation:
    """What ``evaluate_indicator`` adds: the final_awaited note (history is left out)."""
    if as_of >= deadline and not final and ind.target is not None:
        return replace(ev, notes=(*ev.notes, "final_awaited"))
    return ev


def _baseline(plan: Plan, series: Sequence[Period]) -> int | None:
    for i, p in enumerate(series):
        if p == plan.meta.baseline:
            return i
    for i, p in enumerate(series):
        if p.end == plan.meta.baseline.end:
            return i
    return None


def _window(series: Sequence[Period], latest: Period, flow: bool) -> list[int]:
    """Indexes of :func:`ipplan.figures.window` over periods."""
    obs = [Observation("", p, float(i)) for i, p in enumerate(series)]
    chosen = window(obs, Observation("", latest, 0.0), flow)
    return [int(o.value) for o in chosen]


def cumulative(
    plan: Plan, g: Group, indicators: Sequence[Indicator], as_of: date, method: str
) -> list[Evaluation]:
    """``_cumulative`` of :mod:`ipplan.evaluate` for every column."""
    target = g.indicator.target
    assert target is not None and target.from_period is not None
    deadline = plan.meta.deadline
    start = target.from_period.start
    series = g.periods
    obs = [Observation("", p, float(i)) for i, p in enumerate(series)]
    counted = [int(o.value) for o in counted_flows(obs, start, deadline)]
    n = len(g.ys[0])
    series_final = as_of >= deadline and series[-1].end == deadline  # evaluate_indicator's
    if not counted:
        return [
            _after(
                Evaluation(ind, "insufficient_data", notes=("no_data_in_range",)),
                ind,
                as_of,
                deadline,
                series_final,
            )
            for ind in indicators
        ]
    li = counted[-1]
    latest = series[li]
    final = as_of >= deadline and latest.end == deadline
    T = np.where(np.isnan(g.target), 1.0, g.target)
    S = psum([g.ys[i] for i in counted])
    base_end = plan.meta.baseline.end
    b = np.full(n, NAN)
    base_i: int | None = None
    if start > base_end:
        b = np.zeros(n)
    else:
        base_i = next((i for i in counted if series[i].end == base_end), None)
        if base_i is not None:
            b = psum([g.ys[i] for i in counted if series[i].end <= base_end])
    years_left = years_between(latest.end, deadline)
    elapsed = years_between(start - timedelta(days=1), latest.end)
    pace = S / elapsed if elapsed > 0 else np.full(n, NAN)
    need = (T - S) / years_left if years_left > 0 else np.full(n, NAN)
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = np.where(~np.isnan(pace) & ~np.isnan(need) & (need != 0), pace / need, NAN)
        progress = np.where(~np.isnan(b) & (b != T), (S - b) / (T - b), NAN)
        attain = np.where(T != 0, S / T, NAN)
    gap = pmax_left(T - S, 0.0) if target.increasing else pmax_left(S - T, 0.0)
    reached = (S >= T) if target.increasing else (S <= T)
    band = _band(ratio)
    found: list[Found] = []
    label = label_for_date(deadline)
    flows = _window(series, latest, True)
    fitted = tuple(str(series[i]) for i in flows)
    if not final:
        xs = [years_between(latest.end, series[i].end) for i in flows]
        future = [
            (years_between(latest.end, p.end), share)
            for p, share in future_periods(latest, deadline)
        ]
        found = cumulative_projections(xs, [g.ys[i] for i in flows], S, years_left, future, pace)
    chosen = _Shown(found, choose(found, method, np.ones(n, dtype=bool), n), label, fitted)
    notes = ("linear_pace", "final_awaited") if as_of >= deadline and not series_final else (
        "linear_pace",)  # fmt: skip
    lasts = g.observations(li)
    bases = g.observations(base_i) if base_i is not None else [None] * n
    S_l, attain_l, progress_l, gap_l = S.tolist(), _nones(attain), _nones(progress), gap.tolist()
    ratio_l, pace_l, need_l, reached_l = _nones(ratio), _nones(pace), _nones(need), reached.tolist()
    out = []
    for c in range(n):
        status: Status
        if reached_l[c]:
            status = "achieved"
        elif final:
            status = "missed"
        elif ratio_l[c] is None:
            status = "insufficient_data"
        else:
            status = band[c]
        out.append(record(Evaluation,
            indicator=indicators[c], status=status, final=final, latest=lasts[c],
            baseline=bases[c], cumulative=S_l[c],
            attainment=attain_l[c], progress=progress_l[c], gap=gap_l[c],
            years_left=years_left, growth_ratio=ratio_l[c], growth_basis="linear",
            actual_per_year=pace_l[c], required_per_year=need_l[c], notes=notes,
            **chosen.fields(c),
        ))  # fmt: skip
    return out
