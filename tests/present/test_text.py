"""The one truncator, list shortener and display width of ipplan.present.text."""

from __future__ import annotations

from ipplan.present.markdown import cell, table
from ipplan.present.text import clip, first, width, wrap


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


def lines(text: str, columns: int, hang: int = 0, after: str | None = None) -> list[str]:
    return [text[a:b] for a, b in wrap(text, columns, hang, after)]


def test_wrap_never_starts_a_line_with_a_closing_mark() -> None:
    # 10 columns: 把握不大 (8) then 。 would fit alone on the next line: 大 goes with it
    assert lines("把握不大。", 8) == ["把握不", "大。"]
    assert lines("把握不大。", 10) == ["把握不大。"]
    # nor ends one with an opening mark: （ goes down with what it opens
    assert lines("甲乙丙（丁）", 8) == ["甲乙丙", "（丁）"]
    assert lines("", 8) == [""]


def test_wrap_breaks_after_spaces_and_indents_the_rest() -> None:
    # first line 12 columns, the next ones 12 - 4 = 8: the caller indents them
    assert lines("alpha beta gamma delta", 12, hang=4) == ["alpha beta", "gamma", "delta"]
    assert lines("abcdefghij", 4) == ["abcd", "efgh", "ij"]  # one word: cut where it must


def test_wrap_after_a_separator_keeps_items_whole() -> None:
    text = "甲：一 二，三 四，五 六"  # items 甲：一 二， (12) 三 四， (7) 五 六 (5)
    assert lines(text, 14, hang=2, after="，") == ["甲：一 二，", "三 四，五 六"]
    # an item longer than a line: broken as any text
    assert lines("甲乙丙丁戊己，庚", 6, after="，") == ["甲乙丙", "丁戊", "己，庚"]
