"""actuals/*.csv into columns: pyarrow's CSV reader first, the strict row parser on any doubt.

The fast path reads a file only when it can be sure to accept exactly what
:func:`ipplan.data.actuals.parse_file` accepts, with the same values: UTF-8 (checked by
pyarrow; other encodings decoded as the strict parser decodes them, and only when that is
certain), no quotes, no NUL, no lone carriage return, no line longer than the csv module's
field limit, a header that maps cleanly, every row as wide as the header, every period,
flag, yoy and published date valid (text columns come dictionary-encoded: each distinct
text is parsed once, by the strict parsers), every value finite, below 10¹⁵ and not
negative unless allowed, no (period, region) twice. Values are parsed by pyarrow
(fast_float: correctly rounded, as Python's float() and so ``parse_number`` through
Decimal); a number pyarrow reads that ``parse_number`` would not (longer than it reads,
not finite, a zero written with an exponent: ``0e31``) sends the file away. Anything else,
and any error, sends the file to ``parse_file``: its problems, with file, line and column,
are the ones raised. tests/engine/test_engine_load_fast.py checks this cell by cell.
"""

from __future__ import annotations

import contextlib
import stat
import sys
from collections.abc import Callable, Iterable, Sequence
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
from ipplan.data.csvread import MAX_FIELD
from ipplan.data.encoding import BOM, decode_text
from ipplan.data.observation import parse_date, read_flag, region_name
from ipplan.engine import cache
from ipplan.engine.exact import record

IntArray = npt.NDArray[np.int32]  # codes: half the memory of int64 for millions of rows
FloatArray = npt.NDArray[np.float64]
_NUMBER_CHARS = np.zeros(256, dtype=bool)
_NUMBER_CHARS[np.frombuffer(b"0123456789.eE+-", dtype=np.uint8)] = True
MAX_NUMBER_TEXT = 100  # parse_number refuses longer numbers; so must the fast path


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


@dataclass
class Table:
    """Every observation of a plan, by indicator, and the units named (code → name)."""

    regions: list[str]
    rows: dict[str, Rows]
    problems: list[Problem]  # warnings only (errors are raised)

    def stubs(self) -> dict[str, list[Observation]]:
        """One observation per (indicator, unit) named: enough for the functions that
        only ask which units have rows (:func:`ipplan.data.units.list_units`)."""
        out: dict[str, list[Observation]] = {}
        for iid, rows in self.rows.items():
            _, first = np.unique(rows.region, return_index=True)
            out[iid] = rows.observations(np.sort(first).tolist(), self.regions)  # row order
        return out


class _Labels:
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


def _numbers(chunks: Any, dtype: type) -> Any:
    """The values of pyarrow arrays without missing cells (int32 or float64) as one numpy
    array, straight from their buffers (``to_numpy`` would import pandas)."""
    size = np.dtype(dtype).itemsize
    parts: list[Any] = [
        np.frombuffer(c.buffers()[1], dtype=dtype, count=len(c), offset=c.offset * size)
        for c in chunks
    ]
    return np.concatenate(parts) if parts else np.zeros(0, dtype=dtype)


def _same(code: int, n: int) -> IntArray:
    """``n`` times ``code``, in no memory: a read-only view of one value."""
    return np.broadcast_to(np.int32(code), (n,))


def _recode(column: Any, code: Callable[[str], int], constant: bool = True) -> IntArray:
    """Codes of a dictionary-encoded text column (a pyarrow ChunkedArray, no cell missing):
    ``code`` of each distinct text (which raises ValueError to refuse it). A column of
    one text only is :func:`_same` (unless not ``constant``)."""
    encoded = column.unify_dictionaries()
    if encoded.num_chunks == 0:
        return np.zeros(0, dtype=np.int32)
    texts = encoded.chunk(0).dictionary.to_pylist()
    lookup = np.array([code(t) for t in texts], dtype=np.int32)
    if len(texts) == 1 and constant:
        return _same(int(lookup[0]), len(column))
    codes: IntArray = lookup[_numbers([c.indices for c in encoded.chunks], np.int32)]
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


@dataclass
class Parsed:
    """What pyarrow read of a file (``table`` None: the file is left to the strict parser),
    the columns its header maps, and its text as UTF-8. Made without touching any shared
    state: :func:`read_table` parses the next file in a thread meanwhile."""

    table: Any = None
    columns: dict[str, int] | None = None
    data: bytes = b""


def parse(raw: bytes, file: str) -> Parsed:
    """The file read by pyarrow, when the fast path can be sure of it (the checks that need
    no indicator); else an empty :class:`Parsed`."""
    if b'"' in raw or b"\x00" in raw or (b"\r" in raw and raw.count(b"\r") != raw.count(b"\r\n")):
        return Parsed()
    data = _utf8_text(raw, file)  # the text the strict parser reads, as UTF-8
    if data is None or _too_long(data):
        return Parsed()
    end = data.find(b"\n")
    header = (data if end < 0 else data[:end]).decode("utf-8").rstrip("\r").split(",")
    if not "".join(header).strip():
        return Parsed()
    columns, found = actuals.map_header(header, file, 1)
    if found:
        return Parsed()
    table = _arrow_table(data, len(header), columns)
    if table is None or table.num_rows == 0:
        return Parsed()
    return Parsed(table, columns, data)


def fast_rows(
    raw: bytes, file: str, indicator: Indicator, plan_region: str, regions: _Labels,
    parsed: Parsed | None = None,
) -> Rows | None:  # fmt: skip
    """The file as columns, or None when only the strict parser can be sure of it
    (``parsed``: :func:`parse` of ``raw``, when it was done already)."""
    parsed = parse(raw, file) if parsed is None else parsed
    table, columns, data = parsed.table, parsed.columns, parsed.data
    if table is None or columns is None:
        return None
    if any(table.column(i).null_count for i in range(table.num_columns)):
        return None  # never, as read (an empty cell is "", or no number): the strict parser
    value = _numbers(table.column(str(columns["value"])).chunks, np.float64)
    # 10^15 itself: a text just above it may round to it (the strict parser refuses those)
    if not np.isfinite(value).all() or (np.abs(value) >= MAX_MAGNITUDE).any():
        return None
    if not indicator.allow_negative and (value < 0).any():
        return None
    if (value == 0).any() and _has_exponent(data, data.find(b"\n")):
        return None  # parse_number refuses 0e31 (too large an exponent), pyarrow reads 0
    value = value + 0.0  # -0.0 → 0.0, as parse_number
    n = len(value)

    def column(name: str, canonical: Callable[[str], Any], labels: _Labels) -> IntArray:
        def code(text: str) -> int:
            return labels.code(canonical(text.strip()))

        if name not in columns:
            return _same(code(""), n)
        return _recode(table.column(str(columns[name])), code)

    def region_code(text: str) -> int:
        found = regions.read.get((plan_region, text))
        if found is None:
            found = regions.code(region_name(text) or plan_region)
            regions.read[plan_region, text] = found
        return found

    periods, flags, sources, notes, dates, yoys = (_Labels() for _ in range(6))
    try:
        period = column("period", _period, periods)
        region = (  # a full array: read_table renumbers it in place
            _recode(table.column(str(columns["region"])), region_code, constant=False)
            if "region" in columns
            else np.full(n, region_code(""), dtype=np.int32)
        )
        flag = column("flag", _flag, flags)
        yoy_code = column("yoy", _yoy, yoys)
        published = column("published", _published, dates)
        source = column("source", _text, sources)
        note = column("note", _text, notes)
    except ValueError:
        return None
    if (period == 0).any():
        return None
    key = period.astype(np.int64) * (len(regions.values) + 1) + region
    if np.bincount(key).max() > 1:
        return None  # a (period, region) twice: the strict parser words it
    yoy_values = np.array([np.nan if v is None else v for v in yoys.values], dtype=np.float64)
    if yoy_code.strides[0] == 0:  # one yoy (usually none) in every row: one value too
        yoy = np.broadcast_to(yoy_values[yoy_code[0]], (n,))
    else:
        yoy = yoy_values[yoy_code]
    return Rows(
        indicator, [p if p is not None else Period(2000, "Y", 0) for p in periods.values],
        period, region, value, yoy, flag, flags.values,
        source, sources.values, note, notes.values, published, dates.values,
    )  # fmt: skip


def _utf8_text(raw: bytes, file: str) -> bytes | None:
    """The file's text as UTF-8 bytes (``raw`` itself, less a BOM, when it is UTF-8: the
    usual case, checked by pyarrow's validation, a quarter of the time of decoding it);
    None when the strict parser could not be sure of the encoding."""
    body = raw[len(BOM) :] if raw.startswith(BOM) else raw
    import pyarrow as pa  # here: the small plan and --help never import it

    offsets = pa.py_buffer(np.array([0, len(body)], dtype=np.int64))
    try:
        pa.Array.from_buffers(pa.large_string(), 1, [None, offsets, pa.py_buffer(body)]).validate(
            full=True
        )
        return body
    except pa.ArrowInvalid:
        if body is not raw:
            return None  # a BOM, then bytes that are no UTF-8: the strict parser's error
    try:
        decoded = decode_text(raw, file)  # GBK/GB18030 as Excel saves it, or UTF-16
    except DataError:
        return None
    return decoded.text.encode("utf-8") if decoded.certain else None  # uncertain: it warns


def _too_long(data: bytes) -> bool:
    """Whether a line is longer than a field may be (the csv module's limit: the strict
    parser refuses the field) or a run of the characters a number is written with (digits
    . e E + -) is longer than parse_number reads: then the strict parser decides."""
    if not data:
        return False
    bytes_ = np.frombuffer(data, dtype=np.uint8)
    ends = np.flatnonzero(bytes_ == 10)
    longest = int(np.diff(np.concatenate(([-1], ends, [len(data)]))).max()) - 1
    if longest > MAX_FIELD:
        return True
    if longest <= MAX_NUMBER_TEXT:
        return False
    other = np.flatnonzero(~_NUMBER_CHARS[bytes_])
    runs = np.diff(np.concatenate(([-1], other, [len(data)])))
    return int(runs.max()) - 1 > MAX_NUMBER_TEXT


_DIGIT = np.zeros(256, dtype=bool)
_DIGIT[np.frombuffer(b"0123456789", dtype=np.uint8)] = True


def _has_exponent(data: bytes, start: int) -> bool:
    """Whether a number written with an exponent (1e5, 2.E-3) is anywhere after ``start``."""
    if data.find(b"e", start) < 0 and data.find(b"E", start) < 0:
        return False  # the usual case, found at C speed
    text = np.frombuffer(data, dtype=np.uint8)
    at = np.flatnonzero((text | 0x20) == ord("e"))
    at = at[(at > max(start, 0)) & (at < len(text) - 1)]
    before = _DIGIT[text[at - 1]] | (text[at - 1] == ord("."))
    after = _DIGIT[text[at + 1]]
    signed = np.isin(text[at + 1], np.frombuffer(b"+-", dtype=np.uint8)) & (at < len(text) - 2)
    after[signed] = _DIGIT[text[at[signed] + 2]]
    return bool((before & after).any())


def _arrow_table(data: bytes, width: int, columns: dict[str, int]) -> Any:
    """The file read by pyarrow's CSV reader (in threads): the value column as float64
    (correctly rounded, as Python's float()), the other columns used as dictionary-encoded
    text (an empty cell is ""; each distinct text once); columns named by their index.
    None when pyarrow refuses the file (a row of another width, a value that is no plain
    number)."""
    import pyarrow as pa  # here: the small plan and --help never import it
    import pyarrow.csv as pcsv

    names = [str(i) for i in range(width)]
    text = pa.dictionary(pa.int32(), pa.string())
    types = {str(i): (pa.float64() if name == "value" else text) for name, i in columns.items()}
    try:
        return pcsv.read_csv(
            pa.py_buffer(data),
            memory_pool=pa.system_memory_pool(),
            read_options=pcsv.ReadOptions(column_names=names, skip_rows=1),
            parse_options=pcsv.ParseOptions(quote_char=False, newlines_in_values=False),
            convert_options=pcsv.ConvertOptions(
                include_columns=list(types), column_types=types, null_values=[],
                strings_can_be_null=False, quoted_strings_can_be_null=False,
            ),
        )  # fmt: skip
    except (pa.ArrowException, ValueError, MemoryError):
        return None


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
    regions: _Labels,
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


def read_table(plan: Plan) -> Table:
    """Every observation of the plan as columns; DataError listing every error (those of
    :func:`ipplan.data.actuals.load_actuals`, in the same order) when any file is unusable."""
    files, problems = _files(plan)
    regions = _Labels()
    regions.code(plan.meta.region)
    rows: dict[str, Rows] = {}
    top = plan.meta.region
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
    errors = [p for p in problems if p.severity == "error"]
    if errors:
        raise DataError(problems=errors)
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
