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
