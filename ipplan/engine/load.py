"""actuals/*.csv into columns (:func:`read_table`): each file from the parsed-actuals cache
(:mod:`ipplan.engine.cache`), else pyarrow's CSV reader when it can be sure of the file
(:mod:`ipplan.engine.fastcsv`, which says how), else the strict row parser
(:func:`ipplan.data.actuals.parse_file`), whose problems, with file, line and column, are
the ones raised. The next file is read in a thread while this one becomes columns.
"""

from __future__ import annotations

import contextlib
import stat
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from ipplan.core.errors import DataError, Problem
from ipplan.core.model import Indicator, Observation, Plan
from ipplan.core.periods import Period
from ipplan.data import actuals
from ipplan.data.safeio import MAX_ACTUALS_BYTES
from ipplan.engine import cache, fork, size
from ipplan.engine.fastcsv import Parsed, fast_rows, parse
from ipplan.engine.rows import FloatArray, IntArray, Labels, Rows, strict_rows

__all__ = [
    "FloatArray", "IntArray", "Labels", "Parsed", "Rows", "Table", "fast_rows", "parse",
    "read_files", "read_table", "strict_rows",
]  # fmt: skip


@dataclass
class Table:
    """Every observation of a plan, by indicator, and the units named (code → name)."""

    regions: list[str]
    rows: dict[str, Rows]
    problems: list[Problem]  # warnings only (errors are raised)

    def stubs(self) -> dict[str, list[Observation]]:
        """One observation per unit named (its first row, under the first indicator that
        has one): enough for the functions that only ask which units have rows
        (:func:`ipplan.data.units.list_units`, :func:`ipplan.data.units.unit_names`)."""
        out: dict[str, list[Observation]] = {}
        seen = np.zeros(len(self.regions), dtype=bool)
        for iid, rows in self.rows.items():
            codes, first = np.unique(rows.region, return_index=True)
            new = ~seen[codes]
            seen[codes] = True
            if new.any():  # row order
                out[iid] = rows.observations(np.sort(first[new]).tolist(), self.regions)
        return out


def _regular_bytes(path: Path) -> bytes | None:
    """The bytes of a plain file (anything else is left to the strict reader's checks)."""
    try:
        st = path.stat()
        if not stat.S_ISREG(st.st_mode) or st.st_size > MAX_ACTUALS_BYTES:
            return None
        raw = path.read_bytes()
    except OSError:
        return None
    return None if len(raw) > MAX_ACTUALS_BYTES else raw  # grown since the stat


def _cached_rows(hit: dict[str, Any], indicator: Indicator, regions: Labels) -> Rows:
    codes = np.array([regions.code(name) for name in hit["regions"]], dtype=np.int32)
    region = codes[hit["region"]] if len(codes) else np.zeros(0, dtype=np.int32)
    periods = [p if p is not None else Period(2000, "Y", 0) for p in hit["periods"]]
    return Rows(
        indicator, periods, hit["period"], region, hit["value"], hit["yoy"],
        hit["flag"], hit["flags"], hit["source"], hit["sources"], hit["note"], hit["notes"],
        hit["published"], hit["publisheds"],
    )  # fmt: skip


@dataclass
class _Prepared:
    """A file's bytes, cache key and cache entry, or pyarrow's reading of it: everything
    :func:`_read_one` needs that can be done in a thread, ahead of time."""

    raw: bytes | None
    wanted: dict[str, Any] | None = None
    hit: dict[str, Any] | None = None
    parsed: Parsed | None = None


def _prepare(path: Path, indicator: Indicator, top: str) -> _Prepared:
    raw = _regular_bytes(path)
    if raw is None:
        return _Prepared(None)
    try:
        wanted = cache.key(path, raw, indicator, top) if cache.folder() else None
    except OSError:
        wanted = None
    hit = cache.load(path, wanted) if wanted is not None else None
    if hit is not None:
        return _Prepared(raw, wanted, hit)
    return _Prepared(raw, wanted, None, parse(raw, str(path)))


def _read_one(
    path: Path,
    indicator: Indicator,
    top: str,
    regions: Labels,
    rows: dict[str, Rows],
    problems: list[Problem],
    ready: _Prepared,
) -> None:
    """One file into ``rows``: from the cache, else pyarrow's reader, else the strict one."""
    raw, wanted = ready.raw, ready.wanted
    if raw is not None:
        if ready.hit is not None:
            rows[indicator.id] = _cached_rows(ready.hit, indicator, regions)
            return
        fast = fast_rows(raw, str(path), indicator, top, regions, ready.parsed)
        if fast is not None:
            rows[indicator.id] = fast
            if wanted is not None:
                cache.save(path, wanted, fast, regions.values)
            return
    observations, found = actuals.parse_file(path, indicator, top)
    problems.extend(found)
    rows[indicator.id] = strict_rows(observations, indicator, top, regions)
    if wanted is not None and not found:
        cache.save(path, wanted, rows[indicator.id], regions.values)


def _read_files(
    files: Sequence[tuple[Path, Indicator]], top: str, regions: Labels,
    rows: dict[str, Rows], problems: list[Problem],
) -> None:  # fmt: skip
    """Each file into ``rows``, in order."""
    from concurrent.futures import ThreadPoolExecutor

    # the next file is read (bytes, hash, cache entry, pyarrow) in a thread while this one
    # is turned into columns; no thread is left when this returns (a fork may follow)
    with ThreadPoolExecutor(max_workers=1) as ahead:
        coming = [ahead.submit(_prepare, path, indicator, top) for path, indicator in files[:1]]
        for i, (path, indicator) in enumerate(files):
            ready = coming.pop().result()
            if i + 1 < len(files):
                coming.append(ahead.submit(_prepare, *files[i + 1], top))
            _read_one(path, indicator, top, regions, rows, problems, ready)


def _split(files: Sequence[tuple[Path, Indicator]]) -> int:
    """Where the later files (about half the bytes) begin, for a child to read them; the
    end when it is not worth a second process (small files, one file)."""
    sizes = []
    for path, _ in files:
        try:
            sizes.append(path.stat().st_size)
        except OSError:
            sizes.append(0)
    if len(files) < 2 or sum(sizes) <= 2 * size.LARGE_BYTES:
        return len(files)
    split, done = 0, 0
    while split < len(files) - 1 and 2 * (done + sizes[split]) <= sum(sizes):
        done += sizes[split]
        split += 1
    return split


def _part(files: Sequence[tuple[Path, Indicator]], top: str) -> bytes:
    """In the child: the files read as this process would, pickled for the parent (the
    region names, each file's columns, the problems, in order)."""
    import pickle

    regions = Labels()
    regions.code(top)
    rows: dict[str, Rows] = {}
    problems: list[Problem] = []
    _read_files(files, top, regions, rows, problems)
    packed = {
        iid: (r, {k: _pack(v) for k, v in vars(r).items() if k != "indicator"})
        for iid, r in rows.items()
    }
    for r, arrays in packed.values():
        for k in arrays:
            setattr(r, k, None)  # sent packed (a column of one value as that value)
        r.indicator = None  # type: ignore[assignment]  # the parent's own is put back
    return pickle.dumps((regions.values, packed, problems), protocol=pickle.HIGHEST_PROTOCOL)


def _pack(value: Any) -> Any:
    if isinstance(value, np.ndarray) and value.ndim == 1 and value.strides == (0,) and len(value):
        return ("same", value[:1].copy(), len(value))
    return ("as is", value)


def _unpack(packed: Any) -> Any:
    if packed[0] == "same":
        return np.broadcast_to(packed[1], (packed[2],))
    return packed[1]


def _merge(
    data: bytes, files: Sequence[tuple[Path, Indicator]], regions: Labels,
    rows: dict[str, Rows], problems: list[Problem],
) -> None:  # fmt: skip
    """The child's files after this process's: region codes into this process's labels
    (the same codes, in the same order, as reading them here would give)."""
    import pickle

    names, packed, found = pickle.loads(data)
    codes = np.array([regions.code(name) for name in names], dtype=np.int32)
    indicators = {indicator.id: indicator for _, indicator in files}
    for iid, (r, arrays) in packed.items():
        for k, v in arrays.items():
            setattr(r, k, _unpack(v))
        r.indicator = indicators[iid]
        r.region = codes[r.region]
        rows[iid] = r
    problems.extend(found)


def read_table(plan: Plan) -> Table:
    """Every observation of the plan as columns; DataError listing every error (those of
    :func:`ipplan.data.actuals.load_actuals`, in the same order) when any file is unusable.
    On a large plan a forked child (:class:`ipplan.engine.fork.Child`) reads the later
    half of the files meanwhile; if it fails, this process reads them."""
    files, problems = actuals.plan_files(plan)
    regions = Labels()
    regions.code(plan.meta.region)
    rows: dict[str, Rows] = {}
    top = plan.meta.region
    split = _split(files)
    later = files[split:]
    child = fork.Child(lambda: [_part(later, top)]) if later else None
    try:
        _read_files(files[:split], top, regions, rows, problems)
    except BaseException:
        if child is not None:
            child.stop()
        raise
    # a child much slower than this process is stuck: read its files here
    data = child.in_time() if child else None
    if data is None:
        _read_files(later, top, regions, rows, problems)
    else:
        _merge(data, later, regions, rows, problems)
    errors = [p for p in problems if p.severity == "error"]
    if errors:
        raise DataError(problems=errors)
    return _table(regions, rows, problems)


def read_files(files: Sequence[tuple[Path, Indicator]], top: str) -> Table:
    """The columns of ``files`` alone, read in this process, with their problems, errors
    included (the caller raises them, with those of other files, in order): one share of
    a plan read by two processes (:mod:`ipplan.cli.regions_large`)."""
    regions = Labels()
    regions.code(top)
    rows: dict[str, Rows] = {}
    problems: list[Problem] = []
    _read_files(files, top, regions, rows, problems)
    return _table(regions, rows, problems)


def _table(regions: Labels, rows: dict[str, Rows], problems: list[Problem]) -> Table:
    names = [str(v) for v in regions.values[1:]]
    for r in rows.values():
        r.region -= 1  # code 0 (None) is never used for regions
    _trim_heap()
    return Table(names, rows, problems)


def _trim_heap() -> None:
    """Give the free pages of the C heap back to the system (glibc's ``malloc_trim``).
    pyarrow's threads and the temporaries of each file leave free memory held in the heap
    (about 40 MB at 3,000 units), which the rest of the run, and a forked child, would
    carry. Elsewhere (no glibc) nothing is done."""
    if not sys.platform.startswith("linux"):
        return
    import ctypes

    with contextlib.suppress(OSError, AttributeError):  # another C library (musl)
        ctypes.CDLL("libc.so.6").malloc_trim(0)
