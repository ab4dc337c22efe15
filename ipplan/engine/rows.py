"""One indicator's observations as columns (:class:`Rows`): text columns as codes into
label lists (:class:`Labels`), made by the fast reader (:mod:`ipplan.engine.fastcsv`), the
strict parser (:func:`strict_rows`) or the parsed-actuals cache."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

import numpy as np
import numpy.typing as npt

from ipplan.core.model import Indicator, Observation
from ipplan.core.periods import Period
from ipplan.engine.exact import record

__all__ = ["FloatArray", "IntArray", "Labels", "Rows", "strict_rows"]

IntArray = npt.NDArray[np.int32]  # codes: half the memory of int64 for millions of rows
FloatArray = npt.NDArray[np.float64]


@dataclass
class Rows:
    """One indicator's observations as columns; text columns are codes into label lists
    (label 0 is None: an empty cell). Arrays are read-only: a column with one value in
    every row (a flag, note or yoy nobody filled in) may be a view of that one value."""

    indicator: Indicator
    periods: list[Period]
    period: IntArray
    region: IntArray  # codes into Table.regions
    value: FloatArray
    yoy: FloatArray  # NaN: none
    flag: IntArray
    flags: list[str | None]
    source: IntArray
    sources: list[str | None]
    note: IntArray
    notes: list[str | None]
    published: IntArray
    publisheds: list[date | None]

    def __len__(self) -> int:
        return len(self.value)

    def observations(self, index: Iterable[int], regions: Sequence[str]) -> list[Observation]:
        """The rows at ``index`` as observations (for the per-series reference code)."""
        at = np.asarray(list(index), dtype=np.int64)
        periods, regs = self.periods, regions
        sources, notes, flags, dates = self.sources, self.notes, self.flags, self.publisheds
        iid = self.indicator.id
        out = []
        for p, v, r, s, n, f, y, d in zip(
            self.period[at].tolist(),
            self.value[at].tolist(),
            self.region[at].tolist(),
            self.source[at].tolist(),
            self.note[at].tolist(),
            self.flag[at].tolist(),
            self.yoy[at].tolist(),
            self.published[at].tolist(),
            strict=True,
        ):
            out.append(
                record(
                    Observation,
                    indicator=iid,
                    period=periods[p],
                    value=v,
                    region=regs[r],
                    source=sources[s],
                    note=notes[n],
                    flag=flags[f],
                    yoy=None if y != y else y,
                    published=dates[d],
                )
            )
        return out


class Labels:
    """Interning of the canonical values a text column maps to; code 0 is None. ``read``:
    the code of each text as read, for the regions (the same texts in every file)."""

    def __init__(self) -> None:
        self.values: list[Any] = [None]
        self.codes: dict[Any, int] = {None: 0}
        self.read: dict[tuple[str, str], int] = {}

    def code(self, value: Any) -> int:
        found = self.codes.get(value)
        if found is None:
            found = self.codes[value] = len(self.values)
            self.values.append(value)
        return found


def strict_rows(
    observations: Sequence[Observation], indicator: Indicator, plan_region: str, regions: Labels
) -> Rows:
    """Observations read by the strict parser, as columns."""
    periods, flags, sources, notes, dates = (Labels() for _ in range(5))

    def codes(values: Iterable[Any], labels: Labels) -> IntArray:
        return np.array([labels.code(v) for v in values], dtype=np.int32)

    obs = observations
    period = codes((o.period for o in obs), periods)
    return Rows(
        indicator,
        [p if p is not None else Period(2000, "Y", 0) for p in periods.values],
        period,
        codes(((o.region or plan_region) for o in obs), regions),
        np.array([o.value for o in obs], dtype=np.float64),
        np.array([np.nan if o.yoy is None else o.yoy for o in obs], dtype=np.float64),
        codes((o.flag for o in obs), flags), flags.values,
        codes((o.source for o in obs), sources), sources.values,
        codes((o.note for o in obs), notes), notes.values,
        codes((o.published for o in obs), dates), dates.values,
    )  # fmt: skip
