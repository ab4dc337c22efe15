"""ipplan.data.safeio, ipplan.data.csvread and ipplan.data.encoding: the pieces every reader stands
on."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from ipplan.core.errors import DataError
from ipplan.data.csvread import MAX_FIELD, CsvSyntaxError, read_raw_records, read_records
from ipplan.data.encoding import decode_text, refuse_uncertain
from ipplan.data.safeio import read_limited, scan_folder

# ------------------------------------------------------------------------- safeio


def test_read_limited_reads_a_regular_file_up_to_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_bytes(b"x" * 10)
    assert read_limited(path, 10, "actuals.unreadable") == b"x" * 10
    with pytest.raises(DataError) as caught:
        read_limited(path, 9, "actuals.unreadable")
    assert caught.value.code == "file.too_large"


def test_read_limited_names_the_callers_code_for_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(DataError) as caught:
        read_limited(tmp_path / "none.csv", 10, "import.unreadable")
    assert caught.value.code == "import.unreadable"
    assert isinstance(caught.value.__cause__, FileNotFoundError)


def test_read_limited_refuses_what_is_not_a_regular_file(tmp_path: Path) -> None:
    fifo = tmp_path / "fifo.csv"
    os.mkfifo(fifo)
    kinds = {}
    for path in (fifo, tmp_path, Path("/dev/null")):
        with pytest.raises(DataError) as caught:
            read_limited(path, 10, "actuals.unreadable")
        assert caught.value.code == "file.not_regular"
        kinds[path.name] = caught.value.problems[0].params["kind"]
    assert kinds == {"fifo.csv": "fifo", tmp_path.name: "folder", "null": "device"}


def test_a_file_that_says_it_is_empty_is_still_bounded() -> None:
    # /proc files report size 0 and hold more: reading stops past the limit
    path = Path("/proc/self/status")
    if not path.exists():
        pytest.skip("no /proc on this system")
    with pytest.raises(DataError) as caught:
        read_limited(path, 16, "actuals.unreadable")
    assert caught.value.code == "file.too_large"


def test_scan_folder_sorts_and_refuses_what_it_cannot_list(tmp_path: Path) -> None:
    for name in ("b.csv", "a.csv"):
        (tmp_path / name).write_text("", "utf-8")
    assert [p.name for p in scan_folder(tmp_path, "actuals.unreadable")] == ["a.csv", "b.csv"]
    with pytest.raises(DataError) as caught:
        scan_folder(tmp_path / "missing", "actuals.unreadable")
    assert caught.value.code == "actuals.unreadable"


# ------------------------------------------------------------------------- csvread


def damage(text: str) -> tuple[str, int, int | None]:
    with pytest.raises(CsvSyntaxError) as caught:
        list(read_records(text))
    return caught.value.code, caught.value.line, caught.value.column


def test_records_keep_the_line_they_start_on() -> None:
    text = 'a,b\n1,"two\nlines"\n\n3,4\n'
    # the quoted field of line 2 ends on line 3; line 4 is blank; 3,4 is line 5
    assert list(read_records(text)) == [(1, ["a", "b"]), (2, ["1", "two\nlines"]), (4, []),
                                        (5, ["3", "4"])]  # fmt: skip


@pytest.mark.parametrize(
    "text",
    ['a,b\n1,"two\nlines"\n\n3,4\n', 'a,b\r\n1,"x\r\ny"\r\n2,3', "a\rb\r\rc", ""],
)
def test_raw_records_are_the_records_with_their_exact_text(text: str) -> None:
    raw = list(read_raw_records(text))
    assert [(line, cells) for line, _, cells in raw] == list(read_records(text))
    assert "".join(exact for _, exact, _ in raw) == text  # every character, line ends too


@pytest.mark.parametrize("text", ['a,b\n1,"x"y\n', 'a,b\n1,2\n3,"never closed\n4,5\n'])
def test_raw_records_are_as_strict_as_the_records(text: str) -> None:
    # the store's reader took "x"y as xy and wrote into a file status refuses
    with pytest.raises(CsvSyntaxError) as caught:
        list(read_raw_records(text))
    assert (caught.value.code, caught.value.line, caught.value.column) == damage(text)


def test_damage_is_located_to_line_and_column() -> None:
    assert damage('a,b\n1,"x"y\n') == ("csv.after_quote", 2, 2)
    assert damage('a,b,c\n1,2,"never closed\n3,4,5\n') == ("csv.unclosed_quote", 2, 3)
    # an escaped quote ("") inside a quoted field is no closing quote
    assert damage('a,b\n1,"say ""hi"" ok"!\n') == ("csv.after_quote", 2, 2)
    # the stray text is on line 3, where the two-line field of line 2 closes
    assert damage('a,b\n1,"two\nlines"x\n') == ("csv.after_quote", 3, 2)
    # \r line ends count as csv counts them
    assert damage('a,b\r1,2\r3,"x"y\r') == ("csv.after_quote", 3, 2)


def test_a_field_over_the_limit_is_located_quoted_or_not() -> None:
    big = "x" * (MAX_FIELD + 1)
    assert damage(f"a,b,c\n1,2,{big}\n") == ("csv.field_too_large", 2, 3)
    assert damage(f'a,b,c\n1,"{big}",3\n') == ("csv.field_too_large", 2, 2)


def test_an_unclosed_quote_is_named_even_past_the_field_limit() -> None:
    # the csv module stops at the field limit; the cause is the quote never closed
    text = 'a,b\n1,"cut off\n' + "2,3\n" * 40_000
    assert damage(text) == ("csv.unclosed_quote", 2, 2)


# ------------------------------------------------------------------------- encoding

TRADITIONAL = "國家知識產權局統計年報"
SIMPLIFIED = "国家知识产权局统计年报"


@pytest.mark.parametrize(
    ("text", "encoding", "read_as", "certain"),
    [
        (SIMPLIFIED, "utf-8", "utf-8", True),
        (TRADITIONAL, "utf-8", "utf-8", True),
        (SIMPLIFIED, "gbk", "gb18030", True),  # every character a common GB2312 one
        (TRADITIONAL, "gbk", "gb18030", True),  # GBK's own codes for them: Big5 fails
        (TRADITIONAL, "big5", "big5", False),  # decodes either way: read as Big5, uncertain
        ("随州市,随州日报", "gb18030", "gb18030", True),
        ("2023,450", "ascii", "utf-8", True),
    ],
)
def test_decode_text(text: str, encoding: str, read_as: str, certain: bool) -> None:
    decoded = decode_text(f"x,{text}\n".encode(encoding), "f.csv")
    assert (decoded.text, decoded.encoding, decoded.certain) == (f"x,{text}\n", read_as, certain)


def test_utf16_with_a_bom_is_read() -> None:
    decoded = decode_text("period,value\n".encode("utf-16"), "f.csv")
    assert (decoded.text, decoded.encoding, decoded.certain) == ("period,value\n", "utf-16", True)


def test_a_rewrite_of_an_uncertain_file_is_refused() -> None:
    refuse_uncertain(SIMPLIFIED.encode("gbk"), "f.csv")  # certain: no error
    refuse_uncertain(None, "f.csv")  # a new file
    with pytest.raises(DataError) as caught:
        refuse_uncertain(TRADITIONAL.encode("big5"), "f.csv")
    assert caught.value.code == "encoding.uncertain"
    assert caught.value.problems[0].params == {"encoding": "BIG5", "other": "GB18030"}
