"""The one truncator, list shortener and display width of ipplan.present.text."""

from __future__ import annotations

from ipplan.present.markdown import cell, table
from ipplan.present.text import clip, first, width


def test_clip_keeps_short_text_and_cuts_long_text_to_the_limit() -> None:
    assert clip("2024-Q5", 10) == "2024-Q5"
    assert clip("x" * 10, 10) == "x" * 10  # exactly the limit: whole
    # 11 characters, limit 10: the first 10 - 3 = 7 and "..." make 10
    assert clip("abcdefghijk", 10) == "abcdefg..."
    assert len(clip("y" * 500, 60)) == 60
    assert clip(123456, 4) == "1..."  # not text: its str(), "123456", cut at 4 - 3 = 1


def test_first_lists_at_most_so_many_names() -> None:
    assert first(["曾都区", "广水市"], sep="、") == "曾都区、广水市"
    names = [f"u{i}" for i in range(22)]
    # 22 names, 20 shown: u0 … u19, then "…"
    assert first(names, sep="、") == "、".join(f"u{i}" for i in range(20)) + "…"
    assert first(["a", "b", "c"], sep=", ", most=2) == "a, b…"
    assert first([], sep="、") == ""


def test_width_counts_wide_characters_twice() -> None:
    assert width("abc") == 3
    assert width("随州市") == 6  # 3 wide characters × 2
    assert width("２０２５，ok") == 12  # 5 full-width × 2 + 2
    assert width("—…") == 2  # ambiguous width: one column each, as terminals in the West


def test_markdown_cells_cannot_break_the_table() -> None:
    assert cell("a|b") == "a\\|b"
    assert cell("<b>*x*</b>") == "&lt;b&gt;\\*x\\*&lt;/b&gt;"
    # ESC shown as \x1b, whose backslash Markdown then escapes (it reads "\x1b"), and [
    assert cell("\x1b[31mred") == "\\\\x1b\\[31mred"
    assert table(["名称", "值"], [["a", "1"]], "lr") == ("| 名称 | 值 |\n|:---|---:|\n| a | 1 |\n")
