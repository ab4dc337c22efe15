"""Every figure of :mod:`ipplan.analysis.evaluate` for many series of one indicator at once.

A *group* is the series of one indicator (one per unit) that have the same visible periods;
their times, window, baseline and counted flows are then the same, and their values form
one row per period. The functions here follow ``_level`` and ``_cumulative`` of
:mod:`ipplan.analysis.evaluate` step by step, with a column (one value per series) wherever the
per-series code has a number. Growth targets and derived indicators are not handled here:
:mod:`ipplan.engine.units` gives them to the per-series code.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from fractions import Fraction

import numpy as np

from ipplan.analysis.derivation import Note
from ipplan.analysis.evaluate import Evaluation, _quotient, per_year
from ipplan.analysis.figures import counted_flows, exact, exact_sum, judge, reached, window
from ipplan.analysis.project import Projection, future_periods
from ipplan.core.model import Indicator, Observation, Plan
from ipplan.core.periods import Period, label_for_date, years_between
from ipplan.engine import whole
from ipplan.engine.columns import Chosen, Found, choose, cumulative_projections, growth_rate
from ipplan.engine.columns import series_projections as column_projections
from ipplan.engine.exact import NAN, Array, ppow, record
from ipplan.engine.whole import is_whole, nones

MakeObs = Callable[[int], "list[Observation]"]  # point index → that point's observations
MakeCells = Callable[[int], "tuple[list[str | None], list[str | None]]"]  # sources, flags


@dataclass
class Group:
    """Series of one indicator with the same visible periods (sorted), one column each."""

    indicator: Indicator  # its target type, direction and from are every column's
    periods: list[Period]
    ys: list[Array]  # one row per period
    yoy: Array  # the published yoy of the last period's row, NaN: none
    target: Array  # each column's own target value; NaN: no target (monitoring)
    observations: MakeObs  # every column's observation at one point
    cells: MakeCells  # every column's source and flag at one point


def _none(x: float) -> float | None:
    return None if x != x else x


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

    def projection(self, col: int) -> tuple[str, float, str, float, float] | None:
        """The projection shown for one column (method, value, period, low, high), or None:
        what :meth:`fields` gives as ``projection``, ``projection_low`` and ``_high``."""
        i = self.index[col]
        if not 0 <= i < len(self.found) or not self.found[i][1][col]:
            return None
        method, _, value, _ = self.found[i]
        return method, value[col], self.label, self.low[col], self.high[col]

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


FIGURES = ("cumulative", "attainment", "progress", "gap", "required_growth", "growth_ratio",
           "required_per_year")  # fmt: skip


class Made:
    """Every column's figures, before they become Evaluation records (:meth:`records`)
    or, for ``regions --format json``, the text of their JSON objects without any record
    made (:func:`ipplan.present.jsontext.made_texts`)."""

    def __init__(
        self, g: Group, indicators: Sequence[Indicator], latest: int, baseline: int | None,
        years_left: float,
    ) -> None:  # fmt: skip
        self.g, self.indicators, self.latest, self.baseline = g, indicators, latest, baseline
        self.years_left = years_left
        self.status: list[str] = []
        self.final: list[bool] = []
        self.shown: list[_Shown] = []
        self.notes: list[tuple[Note, ...]] = []
        self.growth: list[float | None] = []
        self.pace: list[float | None] = []
        self.basis: list[str | None] = []
        self.figures: dict[str, list[object]] = {name: [] for name in FIGURES}

    def add(
        self, status: str, final: bool, shown: _Shown, notes: tuple[Note, ...],
        growth: float | None, pace: float | None, basis: str | None, *,
        cumulative: object = None, attainment: object = None, progress: object = None,
        gap: object = None, required_growth: object = None, growth_ratio: object = None,
        required_per_year: object = None,
    ) -> None:  # fmt: skip
        """The next column's figures (those not given: None). Named one by one, not as
        ``**figures``: a dict per column was a fifth of the time of :func:`level`."""
        self.status.append(status)
        self.final.append(final)
        self.shown.append(shown)
        self.notes.append(notes)
        self.growth.append(growth)
        self.pace.append(pace)
        self.basis.append(basis)
        f = self.figures
        f["cumulative"].append(cumulative)
        f["attainment"].append(attainment)
        f["progress"].append(progress)
        f["gap"].append(gap)
        f["required_growth"].append(required_growth)
        f["growth_ratio"].append(growth_ratio)
        f["required_per_year"].append(required_per_year)

    def records(self) -> list[Evaluation]:
        """The Evaluation of each column."""
        g, n = self.g, len(self.indicators)
        lasts = g.observations(self.latest)
        bases = g.observations(self.baseline) if self.baseline is not None else [None] * n
        figures = self.figures
        out = []
        for c in range(n):
            fields = {name: figures[name][c] for name in FIGURES}
            fields.update(self.shown[c].fields(c))
            out.append(record(
                Evaluation, indicator=self.indicators[c], status=self.status[c],
                final=self.final[c], latest=lasts[c], baseline=bases[c],
                years_left=self.years_left, actual_growth=self.growth[c],
                growth_basis=self.basis[c], actual_per_year=self.pace[c],
                notes=self.notes[c], **fields,
            ))  # fmt: skip
        return out


def _exact(x: float) -> Fraction:
    """:func:`ipplan.analysis.figures.exact`, quicker for whole numbers under 10¹⁵ in size (whose
    repr is their digits, so Decimal(repr(x)) is int(x))."""
    if x.is_integer() and -1e15 < x < 1e15:
        return Fraction(int(x))
    return exact(x)


def _exact_sum(values: Iterable[float]) -> Fraction:
    """:func:`ipplan.analysis.figures.exact_sum`, quicker when every value is such a whole
    number."""
    found = list(values)
    if all(v.is_integer() and -1e15 < v < 1e15 for v in found):
        return Fraction(sum(int(v) for v in found))
    return exact_sum(found)


def level(plan: Plan, g: Group, indicators: Sequence[Indicator], as_of: date, method: str) -> Made:
    """``_level`` of :mod:`ipplan.analysis.evaluate` for every column (``indicators``: each
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
    basis: list[str | None]
    span_days = (t - series[first].end).days
    v_l, v0_l = v.tolist(), v0.tolist()
    pace_l: list[float | None] = [None] * n
    T = g.target
    up = g.indicator.target is None or g.indicator.target.increasing
    has_t = ~np.isnan(T)
    Ts = np.where(has_t, T, 1.0)
    base = g.ys[base_i] if base_i is not None else None
    # whole numbers: the figures in float arithmetic, exactly (ipplan.engine.whole)
    pace_ok = is_whole(v, v0)
    ok = pace_ok & is_whole(Ts, *([] if base is None else [base]))
    pace_w = np.full(n, NAN)
    span = years_between(series[first].end, t)
    if two_levels:
        growth = growth_rate(0.0, v0, span, v)
        if span > 0:
            pace_w, fine = whole.per_year(v - v0, span_days)
            pace_ok &= fine
            ok &= fine
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

    need_ok = (v > 0) & (Ts > 0) & (years_left > 0)
    with np.errstate(divide="ignore", invalid="ignore"):
        need_growth = (
            ppow(np.where(need_ok, Ts / np.where(need_ok, v, 1.0), NAN), 1 / years_left) - 1
            if years_left > 0
            else np.full(n, NAN)
        )
    growth_l, need_growth_l = nones(growth), nones(need_growth)
    T_l, has_l = Ts.tolist(), has_t.tolist()
    base_l = base.tolist() if base is not None else None
    days_left = (deadline - t).days
    ok &= has_t
    figs, basis_w = whole.level_figures(up, v, v0, Ts, base, growth, need_growth, pace_w,
                                        basis, (span_days, days_left), final, ok)  # fmt: skip
    ok_l = ok.tolist()
    if two_levels and span > 0:
        pace_l = [
            w if fine else per_year(_exact(a) - _exact(b), span_days)
            for w, fine, a, b in zip(nones(pace_w), pace_ok.tolist(), v_l, v0_l, strict=True)
        ]
    # the other figures that meet thresholds, exactly, as _level computes them (per column)
    basis_t = list(basis)
    for c in range(n):
        if not has_l[c]:
            figs[c] = ()
            continue
        if ok_l[c]:
            basis_t[c] = basis_w[c]
            continue
        vc, Tc, bs = v_l[c], T_l[c], basis[c]
        xv, xT = _exact(vc), _exact(Tc)
        attainment = _quotient(xv, xT) if up else _quotient(xT, xv)
        progress = None
        if base_l is not None and base_l[c] != Tc:
            xb = _exact(base_l[c])
            progress = _quotient(xv - xb, xT - xb)
        gap = float(max(xT - xv, Fraction(0)) if up else max(xv - xT, Fraction(0)))
        need_pace = per_year(xT - xv, days_left)
        ratio = None
        linear = False
        if Tc <= 0 and bs in ("cagr", "yoy"):
            bs = "linear" if pace_l[c] is not None else None
        gr, ng = growth_l[c], need_growth_l[c]
        if bs in ("cagr", "yoy") and gr is not None and ng:
            ratio = gr / ng
        elif bs == "linear" and pace_l[c] is not None and need_pace:
            ratio = _quotient((xv - _exact(v0_l[c])) * days_left, (xT - xv) * span_days)
            linear = True
        basis_t[c] = bs
        status = judge(reached(vc, Tc, up), final, ratio)
        figs[c] = (attainment, progress, gap, need_pace, ratio, linear, status)
    no_proj: list[Found] = []
    ch_mon = choose(found, "auto", np.zeros(n, dtype=bool), n)  # monitoring: basis "changes"
    ch_t = choose([] if final else found, "auto", np.array([b == "linear" for b in basis_t]), n)
    if method != "auto":
        ch_mon = choose(found, method, np.zeros(n, dtype=bool), n)
        ch_t = choose([] if final else found, method, np.zeros(n, dtype=bool), n)
    awaited = as_of >= deadline and not final  # evaluate_indicator's final_awaited
    mon = _Shown(found, ch_mon, label, fitted)
    tgt = _Shown(no_proj if final else found, ch_t, label, fitted)
    one_l = one_point.tolist()
    made = Made(g, indicators, k, base_i, years_left)
    for c in range(n):
        ind = indicators[c]
        notes = [Note.one_point] if one_l[c] else []
        if not has_l[c] or ind.target is None:
            made.add("monitoring", False, mon, tuple(notes), growth_l[c], pace_l[c], "changes")
            continue
        attainment, progress, gap, need_pace, ratio, linear, status = figs[c]
        if linear:
            notes.append(Note.linear_pace)
        if awaited:
            notes.append(Note.final_awaited)
        made.add(status, final, tgt, tuple(notes), growth_l[c], pace_l[c], basis_t[c],
                 attainment=attainment, progress=progress, gap=gap, growth_ratio=ratio,
                 required_growth=need_growth_l[c], required_per_year=need_pace)  # fmt: skip
    return made


def _baseline(plan: Plan, series: Sequence[Period]) -> int | None:
    """Index of :func:`ipplan.analysis.evaluate.at_end` at the baseline's end (the last of the
    periods ending that day, in period order)."""
    found = [i for i, p in enumerate(series) if p.end == plan.meta.baseline.end]
    return found[-1] if found else None


def _window(series: Sequence[Period], latest: Period, flow: bool) -> list[int]:
    """Indexes of :func:`ipplan.analysis.figures.window` over periods."""
    obs = [Observation("", p, float(i)) for i, p in enumerate(series)]
    chosen = window(obs, Observation("", latest, 0.0), flow)
    return [int(o.value) for o in chosen]


def cumulative(
    plan: Plan, g: Group, indicators: Sequence[Indicator], as_of: date, method: str
) -> Made | list[Evaluation]:
    """``_cumulative`` of :mod:`ipplan.analysis.evaluate` for every column."""
    target = g.indicator.target
    assert target is not None and target.from_period is not None
    deadline = plan.meta.deadline
    start = target.from_period.start
    series = g.periods
    obs = [Observation("", p, float(i)) for i, p in enumerate(series)]
    counted = [int(o.value) for o in counted_flows(obs, start, deadline)]
    n = len(g.ys[0])
    if not counted:  # evaluate_indicator then adds final_awaited (the evaluation is no final)
        notes0 = (Note.no_data_in_range, Note.final_awaited) if as_of >= deadline else (
            Note.no_data_in_range,)  # fmt: skip
        return [
            record(Evaluation, indicator=ind, status="insufficient_data", notes=notes0)
            for ind in indicators
        ]
    li = counted[-1]
    latest = series[li]
    final = as_of >= deadline and latest.end == deadline
    base_end = plan.meta.baseline.end
    base_i: int | None = None
    before = [i for i in counted if series[i].end <= base_end]
    if start <= base_end:
        ends = [i for i in counted if series[i].end == base_end]
        base_i = ends[-1] if ends else None  # at_end(counted, base_end)
    years_left = years_between(latest.end, deadline)
    elapsed = years_between(start - timedelta(days=1), latest.end)
    elapsed_days = (latest.end - start).days + 1
    days_left = (deadline - latest.end).days
    rows = [g.ys[i].tolist() for i in counted]
    base_rows = [g.ys[i].tolist() for i in before]
    T_l = g.target.tolist()
    matrix = np.array([g.ys[i] for i in counted])
    base_sum: Array | None = np.zeros(n) if start > base_end else None
    ok = np.ones(n, dtype=bool)
    if base_sum is None and base_i is not None:
        base_sum, ok = whole.total(np.array([g.ys[i] for i in before]).reshape(-1, n))
    spans = (elapsed_days if elapsed > 0 else 0, days_left)
    figs = whole.cumulative_figures(matrix, base_sum, g.target, target.increasing, spans,
                                    final, ok)  # fmt: skip
    for c in range(n):
        if figs[c] is not None:
            continue
        xS, xT = _exact_sum(r[c] for r in rows), _exact(T_l[c])
        S = float(xS)
        b: Fraction | None = None
        if start > base_end:
            b = Fraction(0)
        elif base_i is not None:
            b = _exact_sum(r[c] for r in base_rows)
        pace = per_year(xS, elapsed_days) if elapsed > 0 else None
        need = per_year(xT - xS, days_left)
        ratio = None
        if pace is not None and need:
            ratio = _quotient(xS * days_left, (xT - xS) * elapsed_days)
        status = judge(reached(xS, T_l[c], target.increasing), final, ratio)
        progress = _quotient(xS - b, xT - b) if b is not None and b != xT else None
        attainment = _quotient(xS, xT)
        gap = float(max(xT - xS, Fraction(0)) if target.increasing else max(xS - xT, Fraction(0)))
        figs[c] = (S, pace, need, ratio, status, progress, attainment, gap)
    S_col = np.array([f[0] for f in figs], dtype=np.float64)
    pace_col = np.array([NAN if f[1] is None else f[1] for f in figs], dtype=np.float64)
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
        ys = [g.ys[i] for i in flows]
        found = cumulative_projections(xs, ys, S_col, years_left, future, pace_col)
    chosen = _Shown(found, choose(found, method, np.ones(n, dtype=bool), n), label, fitted)
    notes = (Note.linear_pace, Note.final_awaited) if as_of >= deadline and not final else (
        Note.linear_pace,)  # fmt: skip
    made = Made(g, indicators, li, base_i, years_left)
    for c in range(n):
        S, pace, need, ratio, status, progress, attainment, gap = figs[c]
        made.add(status, final, chosen, notes, None, pace, "linear", cumulative=S,
                 attainment=attainment, progress=progress, gap=gap, growth_ratio=ratio,
                 required_per_year=need)  # fmt: skip
    return made
