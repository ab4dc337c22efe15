"""An actuals file read by pyarrow's CSV reader, when it can be sure of it (:func:`fast_rows`).

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
are the ones raised. tests/engine/test_engine_fastcsv.py checks this cell by cell.

The last columns that every row leaves empty (note, flag, yoy, published in most files)
are not converted: they read as absent, all cells empty, as the strict parser reads them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

import numpy as np

from ipplan.core.errors import DataError, NumberError, PeriodError
from ipplan.core.model import Indicator
from ipplan.core.numbers import MAX_MAGNITUDE, parse_number
from ipplan.core.periods import Period, parse_period
from ipplan.data import actuals
from ipplan.data.csvread import MAX_FIELD
from ipplan.data.encoding import BOM, decode_text
from ipplan.data.observation import parse_date, read_flag, region_name
from ipplan.engine.rows import IntArray, Labels, Rows

__all__ = ["Parsed", "fast_rows", "parse"]

_NUMBER_CHARS = np.zeros(256, dtype=bool)
_NUMBER_CHARS[np.frombuffer(b"0123456789.eE+-", dtype=np.uint8)] = True
MAX_NUMBER_TEXT = 100  # parse_number refuses longer numbers; so must the fast path


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
    if data is None:
        return Parsed()
    ends = _line_ends(data)
    if _too_long(data, ends):
        return Parsed()
    end = data.find(b"\n")
    header = (data if end < 0 else data[:end]).decode("utf-8").rstrip("\r").split(",")
    if not "".join(header).strip():
        return Parsed()
    columns, found = actuals.map_header(header, file, 1)
    if found:
        return Parsed()
    width = len(header)
    empty = _empty_tail(data, end, width)  # the last fields, if every row leaves them empty
    if empty and columns["value"] >= width - empty:
        empty = 0  # no value in the first row: the strict parser's error, read it all
    read = {name: i for name, i in columns.items() if i < width - empty}
    table = _arrow_table(data, width, read)
    if table is not None and empty and _ending(data, ends, end, empty) != table.num_rows:
        read = columns  # a later row has something there: read those columns too
        table = _arrow_table(data, width, read)
    if table is None or table.num_rows == 0:
        return Parsed()
    return Parsed(table, read, data)


def _empty_tail(data: bytes, end: int, width: int) -> int:
    """How many of the last fields the first data row leaves empty (each a column the
    reader need not convert, ~0.15 s of CPU per 3.6 M rows, if no row has anything there:
    then it reads as a column absent, all its cells empty, as the strict parser reads it)."""
    if end < 0:
        return 0
    stop = data.find(b"\n", end + 1)
    line = data[end + 1 : stop if stop >= 0 else len(data)].rstrip(b"\r")
    return min(len(line) - len(line.rstrip(b",")), width - 1)


def _ending(data: bytes, ends: np.ndarray, end: int, empty: int) -> int:
    """How many rows after the header end with ``empty`` commas (every row has exactly the
    header's fields, pyarrow checked: those rows leave their last ``empty`` fields empty):
    ``data.count(tail + line end, end)``, read at the line ends already found (``ends``:
    where each \\n is) instead of searching 7 MB again. The line end is \\r\\n when the file
    has a \\r (then every \\r is in one), else \\n."""
    cr = b"\r" in data
    width = empty + (2 if cr else 1)  # the bytes of "tail and line end"
    at = ends[ends >= end + width - 1]  # the \n of each line whose ending starts after end
    if len(at):
        text = np.frombuffer(data, dtype=np.uint8)
        ok = np.ones(len(at), dtype=bool)
        if cr:
            ok &= text[at - 1] == ord("\r")
        for back in range(1 + cr, width):
            ok &= text[at - back] == ord(",")
        found = int(ok.sum())
    else:
        found = 0
    return found + (not data.endswith(b"\n") and data.endswith(b"," * empty))


def fast_rows(
    raw: bytes, file: str, indicator: Indicator, plan_region: str, regions: Labels,
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

    def column(name: str, canonical: Callable[[str], Any], labels: Labels) -> IntArray:
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

    periods, flags, sources, notes, dates, yoys = (Labels() for _ in range(6))
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


def _line_ends(data: bytes) -> np.ndarray:
    """Where each \\n of ``data`` is."""
    return np.flatnonzero(np.frombuffer(data, dtype=np.uint8) == 10)


def _too_long(data: bytes, ends: np.ndarray) -> bool:
    """Whether a line is longer than a field may be (the csv module's limit: the strict
    parser refuses the field) or a run of the characters a number is written with (digits
    . e E + -) is longer than parse_number reads: then the strict parser decides
    (``ends``: :func:`_line_ends`)."""
    if not data:
        return False
    longest = int(np.diff(np.concatenate(([-1], ends, [len(data)]))).max()) - 1
    if longest > MAX_FIELD:
        return True
    if longest <= MAX_NUMBER_TEXT:
        return False
    other = np.flatnonzero(~_NUMBER_CHARS[np.frombuffer(data, dtype=np.uint8)])
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
