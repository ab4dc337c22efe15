"""The national-scale engine: every (unit, indicator) series of a plan at once (issue 9).

- :mod:`ipplan.engine.load` reads actuals/*.csv into columns (pyarrow's CSV reader), with the
  strict row parser of :mod:`ipplan.data.actuals` as the fallback that finds and words every
  problem: a file the fast path is not sure of is read row by row, as before.
- :mod:`ipplan.engine.batch` evaluates all series of one indicator together: series with
  the same periods share their times, windows and weights, and their values form a matrix.
  The figures are those of :mod:`ipplan.analysis.evaluate` to the last bit (the per-series code is
  the reference; tests compare them); what the matrix arithmetic cannot reproduce exactly
  (derived indicators, growth targets, a non-finite intermediate) goes to that code.
- :mod:`ipplan.engine.units` puts both together for a whole plan and every unit.

numpy and pyarrow are imported by those modules only, never by this package itself:
:mod:`ipplan.engine.size` (no data library) tells whether a plan is large enough for them,
so the bundled small plan keeps its start-up.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def no_cycle_collection() -> Iterator[None]:
    """Python's cycle collector paused while hundreds of thousands of records are made
    (3,000 units: it took 40 % of the time, walking them again and again, and found
    nothing: the records hold no cycles). Reference counting still frees memory. On the
    way out the objects alive are frozen (:func:`gc.freeze`): the collector, enabled
    again, does not walk them all at its next run."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.freeze()
            gc.enable()
