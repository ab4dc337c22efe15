"""safe_text, json_text, spreadsheet_text and the safe console: the one place per output
path where text from data is made harmless."""

from __future__ import annotations

import json

import pytest
from rich.text import Text

from ipplan.present import fmt
from ipplan.present.safe import (
    json_text,
    safe_text,
    spreadsheet_plain,
    spreadsheet_text,
    xml_text,
    yaml_text,
)
from ipplan.render.console import safe_rich_text, string_console, text_of


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("\x1b[2J", "\\x1b[2J"),  # clear screen
        ("\x1b]52;c;aGk=\x07", "\\x1b]52;c;aGk=\\x07"),  # OSC 52: set the clipboard
        ("\x1b]8;;http://x\x1b\\a\x1b]8;;\x1b\\", "\\x1b]8;;http://x\\x1b\\a\\x1b]8;;\\x1b\\"),
        ("a\x9bb", "a\\x9bb"),  # C1 CSI
        ("a\x7fb", "a\\x7fb"),  # DEL
        ("a\x00b", "a\\x00b"),
        ("abc\u202edef", "abc\\u202edef"),  # right-to-left override
        ("\u2066x\u2069", "\\u2066x\\u2069"),  # isolates
        ("\u200f\u061c", "\\u200f\\u061c"),  # marks
        ("a\u2028b", "a\\u2028b"),  # line separator
        ("a\ud800b", "a\\ud800b"),  # a lone surrogate
        ("a\tb\nc\rd", "a\\x09b\\x0ac\\x0dd"),  # one line
        ("有效发明专利 A[red]B[/red] ≤ — ½", "有效发明专利 A[red]B[/red] ≤ — ½"),  # text stays
    ],
)
def test_safe_text_shows_controls_as_escapes(raw: str, shown: str) -> None:
    assert safe_text(raw) == shown
    assert safe_text(shown) == shown  # idempotent: escaping twice changes nothing


def test_safe_text_multiline_keeps_line_feeds() -> None:
    assert safe_text("a\nb\tc\x1bd\re", multiline=True) == "a\nb\\x09c\\x1bd\\x0de"


def test_json_text_is_the_same_json_without_raw_controls() -> None:
    data = {"name": "x\x1b\x7f\x85\u202e\ud800\u2028y\n", "n": -1}
    encoded = json_text(json.dumps(data, ensure_ascii=False))
    assert json.loads(encoded) == data
    assert encoded.isascii() or all(ord(c) > 0x9F for c in encoded if not c.isascii())
    assert "\\u202e" in encoded and "\\ud800" in encoded and "\\u0085" in encoded
    encoded.encode("utf-8")  # no surrogate left to fail on


@pytest.mark.parametrize(
    ("raw", "cell"),
    [
        ("=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"),
        ("@SUM(1+1)", "'@SUM(1+1)"),
        ("+1", "'+1"),
        ("-2+3", "'-2+3"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("\n=1", "'\n=1"),
        ("  =1", "'  =1"),  # leading spaces do not hide a formula
        ("\u3000=1", "'\u3000=1"),  # nor an ideographic space
        ("＝1+1", "'＝1+1"),  # full-width forms
        ("＠SUM(1)", "'＠SUM(1)"),
        ("国家知识产权局", "国家知识产权局"),
        ("a=b", "a=b"),
        ("'=already", "'=already"),  # neutralising twice changes nothing
        ("", ""),
    ],
)
def test_spreadsheet_text(raw: str, cell: str) -> None:
    assert spreadsheet_text(raw) == cell
    if not raw.startswith("'"):
        assert spreadsheet_plain(cell) == raw  # read back, the key is what was written


def test_spreadsheet_plain_keeps_an_apostrophe_that_protects_nothing() -> None:
    assert spreadsheet_plain("'quoted'") == "'quoted'"
    assert spreadsheet_plain("'") == "'"


def test_xml_text_replaces_what_xml_cannot_hold() -> None:
    assert xml_text("a\x1bb\ud800c\td") == "a\ufffdb\ufffdc\td"


def test_the_console_never_parses_markup_nor_sends_controls() -> None:
    console = string_console(40, color=False)
    console.print("A[red]B[/red] [/bad] \x1b[2J")  # would raise MarkupError with markup on
    console.print(Text("x\x1b]52;c;aGk=\u202e", style="bold"))
    out = text_of(console)
    assert out == "A[red]B[/red] [/bad] \\x1b[2J\nx\\x1b]52;c;aGk=\\u202e\n"


def test_the_console_keeps_styles_around_escaped_text() -> None:
    text = Text.assemble(("a\x1bb", "bold"), " ", ("c\u202e", "red"))
    safe = safe_rich_text(text)
    assert safe.plain == "a\\x1bb c\\u202e"
    styles = {safe.plain[s.start : s.end]: str(s.style) for s in safe.spans}
    assert styles == {"a\\x1bb": "bold", "c\\u202e": "red"}
    console = string_console(40, color=True)
    console.print(text)
    assert "\x1b[1m" in text_of(console)  # rich's own colour codes still work
    assert "\x1bb" not in text_of(console)


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (-0.0, "0%"),
        (-0.004, "0%"),  # rounds to 0: no sign
        (-0.006, "-1%"),
        (0.0, "0%"),
    ],
)
def test_percent_has_no_minus_zero(value: float, text: str) -> None:
    assert fmt.percent(value, 0) == text


def test_number_and_ratio_have_no_minus_zero() -> None:
    assert fmt.number(-0.0) == "0"
    assert fmt.number(-0.001) == "0"  # 2 decimals: "-0.00" is zero
    assert fmt.number(-0.0004, 3) == "0"
    assert fmt.number(-10.0) == "-10"
    assert fmt.ratio(-0.001) == "0.00"
    assert fmt.ratio(-0.01) == "-0.01"
    assert fmt.percent(-0.0001) == "0.0%"


def test_yaml_text_escapes_bidi_controls_and_keeps_the_data() -> None:
    import yaml

    data = {"a": "有效\u202e发明\u2066", "b": "中文 plain", "c": "\x1b\x85\ud800",
            "d": "x\u2028y\u2029\n"}  # fmt: skip
    text = yaml_text(data, sort_keys=False)
    assert yaml.safe_load(text) == data
    assert text.splitlines() == [
        'a: "\\u6709\\u6548\\u202E\\u53D1\\u660E\\u2066"',  # that string: all escaped
        "b: 中文 plain",  # the others as they were
        'c: "\\e\\N\\uD800"',
        'd: "x\\Ly\\P\\n"',
    ]
