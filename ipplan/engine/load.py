"""actuals/*.csv into columns: pandas' C reader first, the strict row parser on any doubt.

The fast path reads a file only when it can be sure to accept exactly what
:func:`ipplan.data.actuals.parse_file` accepts, with the same values: no quotes, no NUL, no
lone carriage return, a header that maps cleanly, every period, flag, yoy and published
date valid (each distinct text is parsed once, by the strict parsers), every value finite,
within 10¹⁵ and not negative unless allowed, no (period, region) twice. Values are parsed
by Python's own correctly rounded conversion (``float_precision="round_trip"``), as
``parse_number`` gets them through Decimal. Anything else, and any error, sends the file to
``parse_file``: its problems, with file, line and column, are the ones raised.
"""

from __future__ import annotations

import io
import stat
import warnings
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from ipplan.core.errors import DataError, NumberError, PeriodError, Problem
from ipplan.core.model import Indicator, Observation, Plan
from ipplan.core.numbers import MAX_MAGNITUDE, parse_number
from ipplan.core.periods import Period, parse_period
from ipplan.data import actuals
from ipplan.data.encoding import decode_text
from ipplan.data.observation import parse_date, read_flag, region_name
from ipplan.engine import cache, size
from ipplan.engine.exact import record
from ipplan.engine.fork import Ahead

IntArray = npt.NDArray[np.int32]  # codes: half the memory of int64 for millions of rows
FloatArray = npt.NDArray[np.float64]
_NUMBER_CHARS = np.zeros(256, dtype=bool)
_NUMBER_CHARS[np.frombuffer(b"0123456789.eE+-", dtype=np.uint8)] = True
MAX_NUMBER_TEXT = 100  # parse_number refuses longer numbers; so must the fast path


def _longest_number_run(raw: bytes) -> int:
    """At least the longest run of characters a number can be written with (digits . e E +
    -): the longest line when no line is longer than MAX_NUMBER_TEXT (the cheap test)."""
    data = np.frombuffer(raw, dtype=np.uint8)
    ends = np.flatnonzero(data == 10)
    lines = np.diff(np.concatenate(([-1], ends, [len(raw)])))
    if int(lines.max()) - 1 <= MAX_NUMBER_TEXT:
        return int(lines.max()) - 1
    other = np.flatnonzero(~_NUMBER_CHARS[data])
    edges = np.concatenate(([-1], other, [len(raw)]))
    return int(np.diff(edges).max()) - 1


@dataclass
class Rows:
    """One indicator's observations as columns; text columns are codes into label lists
    (label 0 is None: an empty cell)."""

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


class _Labels:
    """Interning of the canonical values a text column maps to; code 0 is None."""

    def __init__(self) -> None:
        self.values: list[Any] = [None]
        self.codes: dict[Any, int] = {None: 0}

    def code(self, value: Any) -> int:
        found = self.codes.get(value)
        if found is None:
            found = self.codes[value] = len(self.values)
            self.values.append(value)
        return found


def _recode(column: Any, canonical: Any, labels: _Labels) -> IntArray:
    """Codes of a categorical column after mapping each category with ``canonical``
    (which raises ValueError to refuse it); a missing cell counts as empty text."""
    cats = [labels.code(canonical(str(c).strip())) for c in column.cat.categories]
    raw = column.cat.codes.to_numpy(dtype=np.int64)
    missing = [labels.code(canonical(""))] if (raw < 0).any() else [0]
    codes: IntArray = np.array([*cats, *missing], dtype=np.int32)[raw]  # -1: the empty one
    return codes


def _period(text: str) -> Period:
    try:
        return parse_period(text)
    except PeriodError:
        raise ValueError(text) from None


def _yoy(text: str) -> float | None:
    if not text:
        return None
    try:
        return parse_number(text, percent=True)
    except NumberError:
        raise ValueError(text) from None


def _flag(text: str) -> str | None:
    flag, found = read_flag(text)
    if found:
        raise ValueError(text)
    return flag


def _published(text: str) -> date | None:
    return parse_date(text) if text else None


def _text(text: str) -> str | None:
    return text or None


def fast_rows(
    raw: bytes, file: str, indicator: Indicator, plan_region: str, regions: _Labels
) -> Rows | None:
    """The file as columns, or None when only the strict parser can be sure of it."""
    if b'"' in raw or b"\x00" in raw or (b"\r" in raw and raw.count(b"\r") != raw.count(b"\r\n")):
        return None
    if _longest_number_run(raw) > MAX_NUMBER_TEXT:
        return None
    try:
        decoded = decode_text(raw, file)
    except DataError:
        return None
    text = decoded.text
    end = text.find("\n")
    header = (text if end < 0 else text[:end]).rstrip("\r").split(",")
    if not "".join(header).strip():
        return None
    columns, found = actuals.map_header(header, file, 1)
    if found:
        return None
    # the text the strict reader sees, whatever its encoding (UTF-8 without BOM: the bytes)
    plain = decoded.encoding == "utf-8" and not raw.startswith(b"\xef\xbb\xbf")
    data = raw if plain else text.encode("utf-8")
    import pandas as pd  # here: a run whose files are all cached never imports it

    used = sorted(columns.values())
    dtype = {i: ("float64" if i == columns["value"] else "category") for i in used}
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # float_precision is deprecated, still honoured
            frame = pd.read_csv(
                io.BytesIO(data), header=0, names=list(range(len(header))), usecols=used,
                dtype=dtype, keep_default_na=False, na_filter=False, engine="c",
                float_precision="round_trip", encoding="utf-8", skip_blank_lines=True,
            )  # fmt: skip
    except (ValueError, pd.errors.ParserError, UnicodeDecodeError, OverflowError, MemoryError):
        return None
    if len(frame) == 0:
        return None
    value = frame[columns["value"]].to_numpy(dtype=np.float64)
    if not np.isfinite(value).all() or (np.abs(value) > MAX_MAGNITUDE).any():
        return None
    if not indicator.allow_negative and (value < 0).any():
        return None
    value = value + 0.0  # -0.0 → 0.0, as parse_number
    n = len(frame)

    def column(name: str, canonical: Any, labels: _Labels) -> IntArray:
        if name not in columns:
            return np.full(n, labels.code(canonical("")), dtype=np.int32)
        return _recode(frame[columns[name]], canonical, labels)

    periods, flags, sources, notes, dates, yoys = (_Labels() for _ in range(6))
    try:
        period = column("period", _period, periods)
        region = column("region", lambda t: region_name(t) or plan_region, regions)
        flag = column("flag", _flag, flags)
        yoy_code = column("yoy", _yoy, yoys)
        published = column("published", _published, dates)
    except ValueError:
        return None
    if (period == 0).any():
        return None
    key = period.astype(np.int64) * (len(regions.values) + 1) + region
    if np.bincount(key).max() > 1:
        return None  # a (period, region) twice: the strict parser words it
    yoy_values = np.array([np.nan if v is None else v for v in yoys.values], dtype=np.float64)
    return Rows(
        indicator, [p if p is not None else Period(2000, "Y", 0) for p in periods.values],
        period, region, value, yoy_values[yoy_code], flag, flags.values,
        column("source", _text, sources), sources.values,
        column("note", _text, notes), notes.values, published, dates.values,
    )  # fmt: skip


def strict_rows(
    observations: Sequence[Observation], indicator: Indicator, plan_region: str, regions: _Labels
) -> Rows:
    """Observations read by the strict parser, as columns."""
    periods, flags, sources, notes, dates = (_Labels() for _ in range(5))

    def codes(values: Iterable[Any], labels: _Labels) -> IntArray:
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


def _files(plan: Plan) -> tuple[list[tuple[Path, Indicator]], list[Problem]]:
    """The actuals files and their indicators, as :func:`ipplan.data.actuals.read_actuals`
    lists them."""
    folder = plan.actuals_dir
    if folder is not None and folder.exists() and not folder.is_dir():
        return [], [Problem("actuals.not_a_folder", {"path": str(folder)}, str(folder))]
    if folder is None or not folder.is_dir():
        return [], []
    found: list[tuple[Path, Indicator]] = []
    problems: list[Problem] = []
    for path in sorted(folder.glob("*.csv")):
        indicator = plan.get(path.stem)
        if indicator is None:
            problems.append(
                Problem("actuals.unknown_file", {"id": path.stem}, str(path), severity="warning")
            )
            continue
        found.append((path, indicator))
    return found, problems


def _regular_bytes(path: Path) -> bytes | None:
    """The bytes of a plain file (anything else is left to the strict reader's checks)."""
    try:
        if not stat.S_ISREG(path.stat().st_mode):
            return None
        limit = getattr(actuals, "MAX_ACTUALS_BYTES", None)
        raw = path.read_bytes()
    except OSError:
        return None
    return None if limit is not None and len(raw) > limit else raw


def _cached_rows(hit: dict[str, Any], indicator: Indicator, regions: _Labels) -> Rows:
    codes = np.array([regions.code(name) for name in hit["regions"]], dtype=np.int32)
    region = codes[hit["region"]] if len(codes) else np.zeros(0, dtype=np.int32)
    periods = [p if p is not None else Period(2000, "Y", 0) for p in hit["periods"]]
    return Rows(
        indicator, periods, hit["period"], region, hit["value"], hit["yoy"],
        hit["flag"], hit["flags"], hit["source"], hit["sources"], hit["note"], hit["notes"],
        hit["published"], hit["publisheds"],
    )  # fmt: skip


def _read_one(
    path: Path,
    indicator: Indicator,
    top: str,
    regions: _Labels,
    rows: dict[str, Rows],
    problems: list[Problem],
) -> None:
    """One file into ``rows``: from the cache, else pandas' reader, else the strict one."""
    raw = _regular_bytes(path)
    wanted = None
    if raw is not None:
        try:
            wanted = cache.key(path, raw, indicator, top)
        except OSError:
            wanted = None
        hit = cache.load(path, wanted) if wanted is not None else None
        if hit is not None:
            rows[indicator.id] = _cached_rows(hit, indicator, regions)
            return
        fast = fast_rows(raw, str(path), indicator, top, regions)
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


def _read_ahead(files: list[tuple[Path, Indicator]], top: str) -> tuple[int, Ahead]:
    """The later files (about half the bytes) read by a forked child into the
    parsed-actuals cache while this process reads the others; the index of the first of
    them. Nothing is forked (index past the end) without the cache or for small files."""
    sizes = []
    for path, _ in files:
        try:
            sizes.append(path.stat().st_size)
        except OSError:
            sizes.append(0)
    if cache.folder() is None or sum(sizes) <= 2 * size.LARGE_BYTES or len(files) < 2:
        return len(files), Ahead(None)
    split, done = 0, 0
    while split < len(files) - 1 and 2 * (done + sizes[split]) <= sum(sizes):
        done += sizes[split]
        split += 1

    def work() -> None:
        regions = _Labels()
        regions.code(top)
        for path, indicator in files[split:]:
            _read_one(path, indicator, top, regions, {}, [])

    return split, Ahead(work)


def read_table(plan: Plan) -> Table:
    """Every observation of the plan as columns; DataError listing every error (those of
    :func:`ipplan.data.actuals.load_actuals`, in the same order) when any file is unusable."""
    files, problems = _files(plan)
    regions = _Labels()
    regions.code(plan.meta.region)
    rows: dict[str, Rows] = {}
    top = plan.meta.region
    split, ahead = _read_ahead(files, top)
    try:
        for i, (path, indicator) in enumerate(files):
            if i == split:
                ahead.wait()  # the later files are in the cache now, unless the child failed
            _read_one(path, indicator, top, regions, rows, problems)
    finally:
        ahead.stop()
    errors = [p for p in problems if p.severity == "error"]
    errors = [p for p in problems if p.severity == "error"]
    if errors:
        raise DataError(problems=errors)
    names = [str(v) for v in regions.values[1:]]
    for r in rows.values():
        r.region = r.region - 1  # code 0 (None) is never used for regions
    return Table(names, rows, problems)
