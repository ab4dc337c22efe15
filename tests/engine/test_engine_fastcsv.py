"""pyarrow's reader (ipplan.engine.load.fast_rows) against the strict row parser
(ipplan.data.actuals.parse_file), cell by cell: the fast path never takes a file the strict
parser finds a problem in, and what it takes it reads to the same values, bit for bit
(floats correctly rounded, as Python's float() of the decimal text)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ipplan.core.model import Indicator, Target
from ipplan.data.actuals import parse_file
from ipplan.engine import load

TOP = "示例市"
HEADER = "period,value,region,source,note,flag,yoy,published"
STOCK = Indicator(id="tm", name="商标", kind="stock", unit="件",
                  target=Target(type="level", value=500.0))  # fmt: skip
SIGNED = Indicator(id="tm", name="商标", kind="stock", unit="件", allow_negative=True,
                   target=Target(type="level", value=500.0))  # fmt: skip
Row = tuple[str, str, str, str | None, str | None, str | None, str, str | None]


def compare(
    tmp_path: Path, data: bytes, indicator: Indicator = STOCK
) -> tuple[list[Row] | None, list[Row] | None]:
    """(what the fast path reads, or None when it leaves the file to the strict parser;
    what the strict parser reads, or None when it finds an error), each row with its
    value and yoy as repr (so that -0.0 and 0.0 differ)."""
    path = tmp_path / "tm.csv"
    path.write_bytes(data)
    observations, problems = parse_file(path, indicator, TOP)
    strict: list[Row] | None = None
    if not any(p.severity == "error" for p in problems):
        strict = sorted(
            (str(o.period), repr(o.value), o.region or TOP, o.source, o.note, o.flag,
             repr(o.yoy), str(o.published) if o.published else None)
            for o in observations
        )  # fmt: skip
    regions = load.Labels()
    regions.code(TOP)
    rows = load.fast_rows(data, str(path), indicator, TOP, regions)
    if rows is None:
        return None, strict
    got = rows.observations(range(len(rows)), [str(r) for r in regions.values])
    fast = sorted(
        (str(o.period), repr(o.value), o.region, o.source, o.note, o.flag,
         repr(o.yoy), str(o.published) if o.published else None)
        for o in got
    )  # fmt: skip
    return fast, strict


def agree(tmp_path: Path, data: bytes, indicator: Indicator = STOCK) -> list[Row] | None:
    """The rows the fast path reads, after checking them against the strict parser."""
    fast, strict = compare(tmp_path, data, indicator)
    if fast is not None:
        assert strict is not None, "the fast path took a file the strict parser refuses"
        assert fast == strict
    return fast


def one_value(text: str) -> bytes:
    return f"{HEADER}\n2023-01,{text},甲县,,,,,\n2023-02,7,甲县,,,,,\n".encode()


# ------------------------------------------------------------------------------ values

TAKEN = [
    "1e5", "1E+05", ".5", "5.", "-0", "+5", " 8 ", "\t8", "1.e5", "+.5", "00012",
    "0.1000000000000000055511151231257827021181583404541015625",
    "2.2250738585072011e-308", "4.9e-324", "999999999999999.4",
    "0.30000000000000004", "123456789012345678901234567890e-20",
]  # fmt: skip


@pytest.mark.parametrize("text", TAKEN)
def test_plain_numbers_are_read_by_the_fast_path_to_the_same_value(
    tmp_path: Path, text: str
) -> None:
    got = agree(tmp_path, one_value(text), SIGNED)
    assert got is not None, "the fast path should take this file"
    want = float(Decimal(text.strip())) + 0.0  # parse_number: Decimal, then float; -0 is 0
    assert repr(want) in {row[1] for row in got}


REFUSED = [
    "inf", "-inf", "nan", "NaN", "Infinity", "1e400", "1e16", "1000000000000000",
    "1000000000000000.0000001", "1e15", "1e", "e5", "0x10", "1_0", "--5", "\xa08", "８",
    "１２", "1.0.0", "5%", "2.25万", "-5", "", " ", "0." + "0" * 99 + "1", "1e-400", "0e31",
]  # fmt: skip


@pytest.mark.parametrize("text", REFUSED)
def test_numbers_only_the_strict_parser_reads_or_refuses_are_left_to_it(
    tmp_path: Path, text: str
) -> None:
    fast, _ = compare(tmp_path, one_value(text))
    assert fast is None


exponents = st.builds(
    lambda e, s, d: e + s + d,
    st.sampled_from("eE"),
    st.sampled_from(["", "+", "-"]),
    st.text("0123456789", max_size=25),
)
decimal_texts = st.builds(
    lambda sign, whole, point, frac, exp, pad: pad + sign + whole + point + frac + exp + pad,
    st.sampled_from(["", "+", "-"]),
    st.text("0123456789", max_size=40),
    st.sampled_from(["", "."]),
    st.text("0123456789", max_size=60),
    st.one_of(st.just(""), exponents),
    st.sampled_from(["", " ", "\t"]),
)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(decimal_texts)
def test_any_decimal_text_reads_as_the_strict_parser_reads_it(text: str) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        agree(Path(folder), one_value(text), SIGNED)


@settings(max_examples=300, deadline=None)
@given(st.floats(min_value=-1e15, max_value=1e15, allow_nan=False, allow_infinity=False),
       st.integers(min_value=1, max_value=17), st.sampled_from(["e", "f", "g", "r"]))  # fmt: skip
def test_floats_written_any_way_read_back_the_same(value: float, digits: int, how: str) -> None:
    import tempfile

    text = repr(value) if how == "r" else format(value, f".{digits}{how}")
    with tempfile.TemporaryDirectory() as folder:
        got = agree(Path(folder), one_value(text), SIGNED)
    if abs(float(text)) < 1e15 and len(text) <= 100 and not (value == 0 and "e" in text):
        assert got is not None  # a plain number within bounds: the fast path takes it


def test_many_rows_over_many_blocks_read_the_same(tmp_path: Path) -> None:
    """A file of several MB (pyarrow reads it in blocks, in threads, each with its own
    dictionaries): every row as the strict parser reads it (no zero: with an exponent
    written anywhere, a zero value sends the file to the strict parser)."""
    import random

    rng = random.Random(9)
    lines = [HEADER]
    for unit in range(700):
        for month in range(1, 13):
            for year in range(2019, 2025):
                value = rng.choice([
                    f"{1 + rng.random() * 10 ** rng.randint(0, 14):.{rng.randint(0, 9)}f}",
                    f"{rng.randint(1, 10**9)}", f"{0.5 + rng.random():.17e}",
                ])  # fmt: skip
                flag = rng.choice(["", "", "e", "P", " b "])
                yoy = rng.choice(["", "", "3.5", "-1.25%", "0"])
                published = rng.choice(["", "2024-03-05", "2024/3/5"])
                source = rng.choice(["统计局", " 统计局 ", "", "知识产权局"])
                lines.append(f"{year}-{month:02d},{value},单位{unit:04d},{source},,{flag},"
                             f"{yoy},{published}")  # fmt: skip
    data = ("\r\n".join(lines) + "\r\n").encode()
    assert len(data) > 2_500_000  # pyarrow's blocks are 1 MB
    got = agree(tmp_path, data)
    assert got is not None and len(got) == 700 * 72


# ------------------------------------------------------------------------------ cells

GOOD = (
    f"{HEADER}\n"
    "2023-01,100,甲县,来源,,,,\n"
    "2023-02,101.5,甲县,来源,备注,e,3.5%,2023-03-15\n"
    "2023-03,1.2E+02,甲县, 来源 ,,P,,\n"
    "2023-01,7,,,,,,\n"
    "2023-02, 8 ,示例市,,,,,\n"
)

ODD_TAKEN = {
    "BOM": b"\xef\xbb\xbf" + GOOD.encode(),
    "CRLF": GOOD.replace("\n", "\r\n").encode(),
    "GBK": GOOD.encode("gb18030"),
    "blank lines": (GOOD + "\n\n").encode(),
    "no last newline": GOOD.rstrip("\n").encode(),
    "Chinese header": "期间,数值,地区\n2023-01,5,甲县\n2023-02,6,甲县\n".encode(),
    "spaces around cells": (GOOD + " 2023-04 , 9 , 甲县 , , , e , 1% , 2023-5-1 \n").encode(),
    "the region =x as ipplan writes it": (GOOD + "2023-01,6,'=x,,,,,\n").encode(),
    "an ideographic space around a region": (GOOD + "2023-01,6,\u3000乙县\u3000,,,,,\n").encode(),
    "an unknown column": b"period,value,x\n2023-01,5,whatever\n",
    "a period in q and flags in capitals": (GOOD + "2023-q2,6,甲县,,,EP,,\n").encode(),
    "the last columns empty in every row": (
        f"{HEADER}\n2023-01,5,甲县,,,,,\n2023-02,6,乙县,,,,,\n"
    ).encode(),
    "the last columns empty but in the last row": (
        f"{HEADER}\n2023-01,5,甲县,,,,,\n2023-02,6,乙县,,,,,\n2023-03,7,乙县,,,E,1%,2023-4-1"
    ).encode(),
    "the last columns empty but in one row, CRLF": (
        f"{HEADER}\r\n2023-01,5,甲县,,,,,\r\n2023-02,6,乙县,,注,,,\r\n2023-03,7,乙县,,,,,\r\n"
    ).encode(),
    "the last columns empty, line ends mixed": (
        f"{HEADER}\n2023-01,5,甲县,,,,,\r\n2023-02,6,乙县,,,,,\n2023-03,7,乙县,,,,,"
    ).encode(),
    "the last columns empty, no last newline": (
        f"{HEADER}\n2023-01,5,甲县,,,,,\n2023-02,6,乙县,,,,,\n2023-03,7,乙县,,,,2,"
    ).encode(),
}


@pytest.mark.parametrize("case", sorted(ODD_TAKEN))
def test_odd_but_valid_files_taken_by_the_fast_path(tmp_path: Path, case: str) -> None:
    assert agree(tmp_path, ODD_TAKEN[case]) is not None


ODD_LEFT = {
    "quoted cells": GOOD.replace("甲县,来源,,", '甲县,"来源, 引号",,').encode(),
    "a longer row": (GOOD + "2023-05,6,甲县,,,,,,extra\n").encode(),
    "a shorter row": (GOOD + "2023-06,6\n").encode(),
    "a line of commas": (GOOD + ",,,,,,,\n").encode(),
    "a line of spaces": (GOOD + "   \n").encode(),
    "a lone carriage return": GOOD.replace("\n", "\r").encode(),
    "a blank line before the header": ("\n" + GOOD).encode(),
    "header only": f"{HEADER}\n".encode(),
    "UTF-16": GOOD.encode("utf-16"),
    "a BOM then GBK": b"\xef\xbb\xbf" + GOOD.encode("gb18030"),
    "a field over the csv module's limit in an unknown column": (
        "period,value,x\n2023-01,5," + "n" * 131_073 + "\n"
    ).encode(),
    "a note over the csv module's limit": (
        GOOD + "2023-04,5,甲县,," + "n" * 131_073 + ",,,\n"
    ).encode(),
    "a NUL": (GOOD + "2023-04,5,甲\x00县,,,,,\n").encode(),
    "bad period": (GOOD + "2023-13,5,甲县,,,,,\n").encode(),
    "bad flag": (GOOD + "2023-04,5,甲县,,,x,,\n").encode(),
    "bad yoy": (GOOD + "2023-04,5,甲县,,,,abc,\n").encode(),
    "infinite yoy": (GOOD + "2023-04,5,甲县,,,,inf,\n").encode(),
    "bad date": (GOOD + "2023-04,5,甲县,,,,,2023-02-30\n").encode(),
    "duplicate": (GOOD + "2023-01,5,甲县,,,,,\n").encode(),
    "the plan region twice": (GOOD + "2023-01,5,示例市,,,,,\n").encode(),
    "a duplicate column": "period,value,数值\n2023-01,5,6\n".encode(),
    "no value column": "period,region\n2023-01,甲县\n".encode(),
    "the last columns empty, but a later period": (
        "region,value,period\n甲县,5,\n乙县,6,2023-01\n"
    ).encode(),
    "no value in the first row's empty tail": f"{HEADER}\n,,,,,,,\n2023-01,5,甲县,,,,,\n".encode(),
}


@pytest.mark.parametrize("case", sorted(ODD_LEFT))
def test_files_with_any_doubt_are_left_to_the_strict_parser(tmp_path: Path, case: str) -> None:
    fast, _ = compare(tmp_path, ODD_LEFT[case])
    assert fast is None


cell_texts = st.text(
    st.sampled_from(list("0123456789-+.eEqQpPbBx%/ 年月甲县'=\t\u3000")), max_size=12
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(["period", "region", "source", "note", "flag", "yoy", "published"]),
       cell_texts)  # fmt: skip
def test_any_text_cell_reads_as_the_strict_parser_reads_it(column: str, text: str) -> None:
    import tempfile

    cells = {"period": "2023-05", "value": "5", "region": "乙县", column: text}
    names = HEADER.split(",")
    row = ",".join(cells.get(name, "") for name in names)
    data = (GOOD + row + "\n").encode()
    with tempfile.TemporaryDirectory() as folder:
        agree(Path(folder), data)


def test_pyarrow_is_imported_only_to_read() -> None:
    import subprocess
    import sys

    code = "import sys, ipplan.engine.load; print('pyarrow' in sys.modules)"
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert proc.stdout.strip() == "False"


def test_a_column_with_one_value_takes_no_memory(tmp_path: Path) -> None:
    """No flag, note, yoy or date in any row (the national files): each of those columns
    is one value seen from every row; the periods and regions are full columns."""
    data = f"{HEADER}\n2023-01,5,甲县,统计局,,,,\n2023-02,6,乙县,统计局,,,,\n".encode()
    assert agree(tmp_path, data) is not None
    regions = load.Labels()
    regions.code(TOP)
    rows = load.fast_rows(data, "tm.csv", STOCK, TOP, regions)
    assert rows is not None
    for name in ("flag", "note", "yoy", "published", "source"):
        assert getattr(rows, name).strides == (0,), name
    assert rows.period.strides == rows.region.strides == (4,)
    assert rows.sources[int(rows.source[1])] == "统计局"
    assert rows.flags[int(rows.flag[0])] is None and len(rows.yoy) == 2
    assert all(y != y for y in rows.yoy.tolist())  # NaN: no yoy


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from([b",", b"\n", b"\r\n", b"\r", b"a", b",,\n"]), max_size=40),
       st.integers(1, 4), st.integers(0, 50))  # fmt: skip
def test_rows_ending_empty_counted_at_the_line_ends(
    pieces: list[bytes], empty: int, end: int
) -> None:
    from ipplan.engine.fastcsv import _ending, _line_ends

    data = b"".join(pieces)
    end = min(end, len(data))
    tail = b"," * empty
    searched = data.count(tail + (b"\r\n" if b"\r" in data else b"\n"), end)  # as it was
    expected = searched + (not data.endswith(b"\n") and data.endswith(tail))
    assert _ending(data, _line_ends(data), end, empty) == expected
