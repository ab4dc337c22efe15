"""A whole plan for every unit at once: what ``evaluate_plan(plan, observations, as_of,
unit)`` gives for each unit, from the columns of :mod:`ipplan.engine.load`.

Each indicator's visible rows are sorted by unit and period once; units whose series have
the same periods form a group evaluated by :mod:`ipplan.engine.batch`. Derived indicators
and growth targets go to the per-series code of :mod:`ipplan.analysis.evaluate`, one unit at a time.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

import numpy as np

from ipplan.analysis.derivation import Note
from ipplan.analysis.evaluate import Evaluation, PlanEvaluation, evaluate_indicator
from ipplan.analysis.figures import time_elapsed
from ipplan.analysis.series import Dataset
from ipplan.core.model import Indicator, Observation, Plan
from ipplan.core.periods import Period
from ipplan.data.units import unit_values
from ipplan.engine import batch
from ipplan.engine.load import Rows, Table, read_table

TargetFor = Callable[[Indicator, str], Indicator]  # the indicator as one unit sees it
Part = tuple[list[int], "batch.Made | list[Evaluation]"]  # units' places, their figures


class _OwnTargets:
    """The indicator as a unit sees it (:func:`ipplan.data.units.for_region`), one object per
    distinct target rather than one per unit."""

    def __init__(self, plan: Plan) -> None:
        self.plan = plan
        self.cache: dict[tuple[str, float | None], Indicator] = {}

    def __call__(self, indicator: Indicator, unit: str) -> Indicator:
        return self.many(indicator, [unit])[0]

    def many(self, indicator: Indicator, units: Sequence[str]) -> list[Indicator]:
        """What :func:`ipplan.data.units.for_region` gives for each unit (the plan's region:
        the indicator itself; a unit: its own target or none), without
        ``dataclasses.replace`` (slow): the look-ups done together and each new target's
        records made in line (3,000 units have 3,000 values: as many records)."""
        target = indicator.target
        if target is None:
            return [indicator] * len(units)
        given = unit_values(self.plan)
        iid = indicator.id
        values = [None if ut is None else ut.value for ut in (given.get((iid, u)) for u in units)]
        out = []
        cache = self.cache
        plan_region = ("", self.plan.meta.region)  # is_plan_region (None is no unit name)
        made_target, made_indicator = type(target), type(indicator)
        for unit, value in zip(units, values, strict=True):
            if unit in plan_region:
                out.append(indicator)
                continue
            found = cache.get((iid, value))
            if found is None:  # the frozen records made without their __init__
                own = None
                if value is not None:
                    own = object.__new__(made_target)
                    own.__dict__.update(target.__dict__, value=value, source=None, note=None)
                found = object.__new__(made_indicator)
                found.__dict__.update(indicator.__dict__, target=own)
                cache[iid, value] = found
            out.append(found)
        return out


class _ByUnit:
    """One indicator's rows sorted by unit, kept with its columns for every later call
    (``regions`` evaluates 1,000 units at a time: each call takes its units' rows from here
    instead of testing every row of the file; the per-series code takes one unit's)."""

    def __init__(self, rows: Rows) -> None:
        self.order = np.argsort(rows.region, kind="stable")  # each unit's in file order
        counts = np.bincount(rows.region, minlength=int(rows.region.max(initial=-1)) + 1)
        self.ends = np.cumsum(counts)
        self.starts = self.ends - counts
        ranks = sorted(set(rows.periods), key=Period.sort_key)
        rank_of = {p: r for r, p in enumerate(ranks)}
        self.periods = len(ranks)
        self.rank = np.array([rank_of[p] for p in rows.periods], dtype=np.int64)  # by code
        key = rows.region.astype(np.int64) * max(1, len(ranks)) + self.rank[rows.period]
        if len(key) < 2 or bool((key[1:] > key[:-1]).all()):  # written by unit, then time
            self.by_period = np.arange(len(key))
        else:
            self.by_period = np.argsort(key, kind="stable")  # each unit's rows in time

    def of(self, code: int) -> np.ndarray | None:
        """The row numbers of one unit, ascending; None when it has none."""
        if code >= len(self.starts) or self.starts[code] == self.ends[code]:
            return None
        found: np.ndarray = self.order[self.starts[code] : self.ends[code]]
        return found

    def rows_of(self, codes: np.ndarray) -> np.ndarray:
        """The row numbers of the units ``codes``, by unit code, then by period."""
        codes = np.sort(codes[codes < len(self.starts)])
        starts, lengths = self.starts[codes], self.ends[codes] - self.starts[codes]
        if not len(codes) or not lengths.sum():
            return np.zeros(0, dtype=np.int64)
        offsets = np.repeat(starts - np.concatenate(([0], np.cumsum(lengths)[:-1])), lengths)
        found: np.ndarray = self.by_period[np.arange(int(lengths.sum())) + offsets]
        return found


def _by_unit(rows: Rows) -> _ByUnit:
    found: _ByUnit | None = rows.__dict__.get("_by_unit")
    if found is None:
        found = rows.__dict__["_by_unit"] = _ByUnit(rows)  # a cache on the columns
    return found


def closure(plan: Plan, indicator: Indicator) -> list[str]:
    """The indicator's id and those its formula names, and theirs, and so on."""
    ids = [indicator.id]
    todo = list(indicator.formula.ids if indicator.formula else ())
    while todo:
        oid = todo.pop()
        if oid in ids:
            continue
        ids.append(oid)
        other = plan.get(oid)
        if other is not None and other.formula is not None:
            todo.extend(other.formula.ids)
    return ids


class Engine:
    def __init__(
        self, plan: Plan, table: Table, as_of: date, method: str, target_for: TargetFor
    ) -> None:
        self.plan, self.table, self.as_of, self.method = plan, table, as_of, method
        self.target_for = target_for
        self.time_elapsed = time_elapsed(plan.meta.start, plan.meta.deadline, as_of)
        self.code = {name: i for i, name in enumerate(table.regions)}

    def reference(self, indicator: Indicator, unit: str) -> Evaluation:
        """The per-series code, on the unit's rows of every indicator the formula needs."""
        observations: dict[str, list[Observation]] = {}
        code = self.code.get(unit)
        for iid in closure(self.plan, indicator):
            rows = self.table.rows.get(iid)
            if rows is None or code is None:
                continue
            found = _by_unit(rows).of(code)
            if found is not None:
                observations[iid] = rows.observations(found.tolist(), self.table.regions)
        data = Dataset(self.plan, observations, self.as_of, unit)
        return evaluate_indicator(self.plan, indicator, data, self.method)

    def indicator(self, indicator: Indicator, units: Sequence[str]) -> list[Evaluation]:
        """One indicator's evaluation in every unit, in the order of ``units``."""
        out: list[Evaluation | None] = [None] * len(units)
        for where, made in self.parts(indicator, units)[1]:
            evaluations = made.records() if isinstance(made, batch.Made) else made
            for i, ev in zip(where, evaluations, strict=True):
                out[i] = ev
        found = [ev for ev in out if ev is not None]
        assert len(found) == len(units), "every unit has its evaluation"
        return found

    def parts(
        self, indicator: Indicator, units: Sequence[str]
    ) -> tuple[list[Indicator], list[Part]]:
        """One indicator in every unit: the indicator as each unit sees it (its own target
        or none), and the figures in parts: the units' places in ``units`` and their
        columns (:class:`ipplan.engine.batch.Made`) or records."""
        own = self.target_for
        seen = (
            own.many(indicator, units)
            if isinstance(own, _OwnTargets)
            else [own(indicator, u) for u in units]
        )
        parts: list[Part] = []
        fast: list[int] = []
        for i, ind in enumerate(seen):
            derived = ind.formula is not None and bool(ind.formula.ids)
            if derived or (ind.target is not None and ind.target.type == "growth"):
                parts.append(([i], [self.reference(indicator, units[i])]))  # its own target
            else:
                fast.append(i)
        rows = self.table.rows.get(indicator.id)
        if fast:
            for where, made in self._columns(indicator, rows, [units[i] for i in fast],
                                             [seen[i] for i in fast]):  # fmt: skip
                parts.append(([fast[i] for i in where], made))
        return seen, parts

    def _columns(
        self,
        indicator: Indicator,
        rows: Rows | None,
        units: Sequence[str],
        seen: Sequence[Indicator],
    ) -> list[Part]:
        deadline = self.plan.meta.deadline
        codes = np.array([self.code.get(u, -1) for u in units], dtype=np.int64)
        done = np.zeros(len(units), dtype=bool)
        found: list[Part] = []
        if rows is not None and len(rows):
            ends = [p.end for p in rows.periods]
            period_ok = np.array([e <= self.as_of and e <= deadline for e in ends])
            pub_ok = np.array([d is None or d <= self.as_of for d in rows.publisheds])
            index = _by_unit(rows)
            mine = index.rows_of(codes[codes >= 0])  # the rows of these units, in time
            keep = mine[period_ok[rows.period[mine]] & pub_ok[rows.published[mine]]]
            found = self._groups(indicator, rows, index, keep, codes, seen, done)
        empty = np.flatnonzero(~done).tolist()
        if empty:  # no rows: no data
            found.append((empty, [
                Evaluation(seen[i], "monitoring" if seen[i].target is None  # type: ignore[arg-type]
                           else "insufficient_data", notes=(Note.no_data,))
                for i in empty
            ]))  # fmt: skip
        return found

    def _groups(
        self,
        indicator: Indicator,
        rows: Rows,
        index: _ByUnit,
        sel: np.ndarray,
        codes: np.ndarray,
        seen: Sequence[Indicator],
        done: np.ndarray,
    ) -> list[Part]:
        """``sel``: the rows to evaluate, by unit code and then period (as
        :meth:`_ByUnit.rows_of` gives them)."""
        found: list[Part] = []
        if len(sel) == 0:
            return found
        region = rows.region[sel]
        prank = index.rank[rows.period[sel]]
        cut = np.flatnonzero(np.diff(region)) + 1
        starts = np.concatenate(([0], cut))
        counts = np.diff(np.concatenate((starts, [len(sel)])))
        words = max(1, (index.periods + 61) // 62)
        sig = np.zeros((len(starts), words), dtype=np.int64)
        for w in range(words):
            bits = np.where(prank // 62 == w, np.left_shift(1, prank % 62), 0).astype(np.int64)
            sig[:, w] = np.add.reduceat(bits, starts)
        if words == 1:  # up to 62 periods: one number per series (unique on rows is slow)
            _, inverse = np.unique(sig[:, 0], return_inverse=True)
        else:
            _, inverse = np.unique(sig, axis=0, return_inverse=True)
        inverse = inverse.reshape(-1)
        column_of = {int(c): i for i, c in enumerate(codes.tolist()) if c >= 0}
        unit_codes = region[starts]
        for gi in range(int(inverse.max()) + 1):
            members = np.flatnonzero(inverse == gi)
            m = int(counts[members[0]])
            idx = sel[starts[members][:, None] + np.arange(m)[None, :]]  # (units, points)
            cols = [column_of[int(c)] for c in unit_codes[members].tolist()]
            found += self._group(indicator, rows, idx, cols, seen, done)
        return found

    def _group(
        self,
        indicator: Indicator,
        rows: Rows,
        idx: np.ndarray,
        cols: list[int],
        seen: Sequence[Indicator],
        done: np.ndarray,
    ) -> list[Part]:
        periods = [rows.periods[c] for c in rows.period[idx[0]].tolist()]
        values = rows.value[idx].T.copy()
        regions = self.table.regions

        cumulative = [
            j for j, c in enumerate(cols)
            if seen[c].target is not None and seen[c].target.type == "cumulative"  # type: ignore[union-attr]
        ]  # fmt: skip
        in_cumulative = set(cumulative)
        found: list[Part] = []
        level = [j for j in range(len(cols)) if j not in in_cumulative]
        for part, fn in ((level, batch.level), (cumulative, batch.cumulative)):
            if not part:
                continue
            sub = np.array(part)
            inds = [seen[cols[j]] for j in part]
            target = np.array(
                [ind.target.value if ind.target is not None and ind.target.value is not None
                 else np.nan for ind in inds], dtype=np.float64,
            )  # fmt: skip

            def at(point: int, sub: np.ndarray = sub) -> list[Observation]:
                return rows.observations(idx[sub, point].tolist(), regions)

            def cells(
                point: int, sub: np.ndarray = sub
            ) -> tuple[list[str | None], list[str | None]]:
                here = idx[sub, point]
                sources, flags = rows.sources, rows.flags
                return ([sources[c] for c in rows.source[here].tolist()],
                        [flags[c] for c in rows.flag[here].tolist()])  # fmt: skip

            g = batch.Group(
                indicator, periods, [row[sub] for row in values], rows.yoy[idx[sub, -1]],
                target, at, cells,
            )  # fmt: skip
            where = [cols[j] for j in part]
            done[where] = True
            found.append((where, fn(self.plan, g, inds, self.as_of, self.method)))
        return found


def engine_for(plan: Plan, table: Table, as_of: date, method: str = "auto") -> Engine:
    """The engine of :func:`evaluate_units`, for :meth:`Engine.parts` (each unit's own
    targets)."""
    return Engine(plan, table, as_of, method, _OwnTargets(plan))


def evaluate_units(
    plan: Plan,
    as_of: date,
    units: Sequence[str] | None = None,
    method: str = "auto",
    target_for: TargetFor | None = None,
    table: Table | None = None,
) -> dict[str, PlanEvaluation]:
    """``evaluate_plan(plan, observations, as_of, unit, method)`` for every unit (default:
    the plan's region, then every unit named in the actuals), from one reading of the
    actuals. ``target_for(indicator, unit)`` gives the indicator as the unit sees it;
    by default :func:`ipplan.data.units.for_region` (its own target, or none)."""
    table = table if table is not None else read_table(plan)
    if units is None:
        units = [plan.meta.region, *(r for r in table.regions if r != plan.meta.region)]
    engine = Engine(plan, table, as_of, method, target_for or _OwnTargets(plan))
    by_unit: list[list[Evaluation]] = [[] for _ in units]
    for indicator in plan.indicators:
        for i, ev in enumerate(engine.indicator(indicator, units)):
            by_unit[i].append(ev)
    elapsed = engine.time_elapsed
    result = {}
    for unit, evaluations in zip(units, by_unit, strict=True):
        evaluations.sort(key=lambda e: e.indicator.target is None)
        result[unit] = PlanEvaluation(plan, as_of, unit, elapsed, tuple(evaluations))
    return result
