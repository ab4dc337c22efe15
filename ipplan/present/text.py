"""Text cut or measured for display: the one truncator, the one list shortener and the
one display width (a CJK character takes two columns of a terminal or a fixed grid)."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

ELLIPSIS = "..."  # in messages: plain ASCII, as a terminal of any encoding can show
MORE = "…"  # after a shortened list of names


def clip(value: object, limit: int) -> str:
    """The text of ``value``, at most ``limit`` characters: a longer one keeps its first
    ``limit - 3`` and ends in "...". ``clip("2021-13-45-xyz", 10)`` → "2021-13..."."""
    text = value if isinstance(value, str) else str(value)
    return text if len(text) <= limit else text[: limit - len(ELLIPSIS)] + ELLIPSIS


def first(names: Sequence[str], *, sep: str, most: int = 20) -> str:
    """The names joined by ``sep`` (the language's, from the catalog), at most ``most`` of
    them, then "…" when there were more: ``first(["甲", "乙", "丙"], sep="、", most=2)`` →
    "甲、乙…"."""
    return sep.join(names[:most]) + (MORE if len(names) > most else "")


def width(text: str) -> int:
    """Display columns: a wide or full-width character (CJK, ，) counts two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


# Chinese line breaking (禁则): these never start a line, and these never end one.
NOT_FIRST = "，。、；：？！）」』”’》〉】〕…—,.;:?!)]}%-·"
NOT_LAST = "（「『“‘《〈【〔([{"


def _wide(ch: str) -> bool:
    return unicodedata.east_asian_width(ch) in "WF"


def _may_break(text: str, i: int) -> bool:
    """Whether a line may start at ``text[i]`` (after a space, or beside a wide
    character), never before a closing mark nor after an opening one."""
    before, after = text[i - 1], text[i]
    if after == " " or after in NOT_FIRST or before in NOT_LAST:
        return False
    return before == " " or _wide(before) or _wide(after)


def wrap(text: str, columns: int, hang: int = 0, after: str | None = None) -> list[tuple[int, int]]:
    """Where to cut ``text`` into lines of at most ``columns`` display columns, the lines
    after the first ``hang`` columns narrower (they are indented by the caller): the
    (start, end) of each line, the spaces at a cut dropped. Lines break after a space or
    beside a CJK character, never before 。，、）” nor after （“ (a word too long for a line
    is cut where it must). With ``after`` (a list's separator), a line breaks only after
    it, so that no item is split, unless an item is longer than a line."""
    if after:
        ends = [i + len(after) for i in range(len(text)) if text.startswith(after, i)]
        items = [(a, b) for a, b in zip([0, *ends], [*ends, len(text)], strict=True) if b > a]
        spans = _fill(text, items, columns, hang)
        if all(width(text[a:b]) <= columns - (hang if k else 0) for k, (a, b) in enumerate(spans)):
            return spans
    return _wrap(text, columns, hang)


def _fill(
    text: str, items: list[tuple[int, int]], columns: int, hang: int
) -> list[tuple[int, int]]:
    """Whole items on each line (the spaces at a cut dropped)."""
    spans: list[tuple[int, int]] = []
    for a, b in items:
        if spans:
            start, _ = spans[-1]
            room = columns - (hang if len(spans) > 1 else 0)
            if width(text[start:b].rstrip(" ")) <= room:
                spans[-1] = (start, len(text[start:b].rstrip(" ")) + start)
                continue
        while spans and a < b and text[a] == " ":
            a += 1
        spans.append((a, len(text[a:b].rstrip(" ")) + a))
    return spans or [(0, 0)]


def _wrap(text: str, columns: int, hang: int) -> list[tuple[int, int]]:
    """Greedy: each line as long as it may be, in one pass over its characters."""
    spans: list[tuple[int, int]] = []
    start, n = 0, len(text)
    while True:
        room = max(columns - (hang if spans else 0), 1)
        cut, used, i = None, 0, start
        while i < n:
            used += width(text[i])  # of text[start:i + 1]; spaces at a cut do not count
            if text[i] != " " and used > room:
                break
            i += 1
            if i < n and _may_break(text, i):
                cut = i
        else:  # the rest fits
            spans.append((start, start + len(text[start:].rstrip(" "))))
            return spans
        if cut is None:  # nothing to break at: cut where the room ends (at least one)
            cut = max(i, start + 1)
        spans.append((start, start + len(text[start:cut].rstrip(" "))))
        start = cut
        while start < n and text[start] == " ":
            start += 1
        if start >= n:
            return spans
