"""The series of one indicator as known on a date, in one region.

Hides what was not known ``as_of`` (periods ending later, rows published later),
keeps one region, and computes derived indicators (methods.md): per period of the
formula's first id (the numerator), each other operand's latest value at or before
that period; a published value recorded for the derived indicator wins for its period.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from ipplan.core.model import Observation, Plan


def is_visible(obs: Observation, as_of: date) -> bool:
    if obs.period.end > as_of:
        return False
    return obs.published is None or obs.published <= as_of


def _latest_at_or_before(series: Sequence[Observation], end: date) -> Observation | None:
    found = None
    for obs in series:  # sorted
        if obs.period.end <= end:
            found = obs
        else:
            break
    return found


class Dataset:
    """A plan's observations as known on ``as_of`` in ``region``."""

    def __init__(
        self,
        plan: Plan,
        observations: Mapping[str, Sequence[Observation]],
        as_of: date,
        region: str | None = None,
    ) -> None:
        self.plan = plan
        self.as_of = as_of
        self.region = region or plan.meta.region
        self._raw = observations
        self._cache: dict[str, list[Observation]] = {}

    def _own(self, indicator_id: str) -> list[Observation]:
        plan_region = self.plan.meta.region
        rows = [
            o
            for o in self._raw.get(indicator_id, ())
            if (o.region or plan_region) == self.region and is_visible(o, self.as_of)
        ]
        rows.sort(key=lambda o: o.period.sort_key())
        return rows

    def series(self, indicator_id: str) -> list[Observation]:
        """Sorted observations of one indicator (computed ones included for derived)."""
        if indicator_id in self._cache:
            return self._cache[indicator_id]
        # Operands first, in the order of a depth-first walk done with a list, not by
        # recursion: a chain of thousands of derived indicators costs no stack.
        order = self._dependencies(indicator_id)
        for oid in order:
            self._cache[oid] = []  # guards against cycles (the plan loader rejects them)
        for oid in order:
            indicator = self.plan.get(oid)
            own = self._own(oid)
            if indicator is None or indicator.formula is None or not indicator.formula.ids:
                self._cache[oid] = own
            else:
                self._cache[oid] = self._derived(oid, own)
        return self._cache[indicator_id]

    def _dependencies(self, indicator_id: str) -> list[str]:
        """``indicator_id`` and the operands it needs that are not computed yet, every
        operand before the indicators that use it."""
        order: list[str] = []
        seen = {indicator_id}
        work: list[tuple[str, bool]] = [(indicator_id, False)]
        while work:
            oid, expanded = work.pop()
            if expanded:
                order.append(oid)
                continue
            work.append((oid, True))
            indicator = self.plan.get(oid)
            for dep in indicator.formula.ids if indicator and indicator.formula else ():
                if dep not in seen and dep not in self._cache:
                    seen.add(dep)
                    work.append((dep, False))
        return order

    def _derived(self, indicator_id: str, published: list[Observation]) -> list[Observation]:
        merged = {str(o.period): o for o in self.computed(indicator_id)}
        merged.update((str(o.period), o) for o in published)
        return sorted(merged.values(), key=lambda o: o.period.sort_key())

    def computed(self, indicator_id: str) -> list[Observation]:
        """The values a derived indicator's formula gives, ignoring published ones."""
        indicator = self.plan.get(indicator_id)
        if indicator is None or indicator.formula is None or not indicator.formula.ids:
            return []
        formula = indicator.formula
        numerator, *others = formula.ids
        operands = {oid: self.series(oid) for oid in others}
        result: list[Observation] = []
        for num in self.series(numerator):
            values = {numerator: num.value}
            used = [num]
            for oid in others:
                found = _latest_at_or_before(operands[oid], num.period.end)
                if found is None:
                    break
                values[oid] = found.value
                used.append(found)
            else:
                value = formula.evaluate(values)
                if value is None:
                    continue
                flag = "e" if any(o.flag and "e" in o.flag for o in used) else None
                inputs = ", ".join(f"{o.indicator} {o.period}" for o in used)
                result.append(
                    Observation(
                        indicator=indicator_id,
                        period=num.period,
                        value=value,
                        region=num.region,
                        source=f"= {formula.text} ({inputs})",
                        flag=flag,
                        computed=True,
                    )
                )
        return result
