"""Which text encoding a file users bring is in, and how sure that is.

Files come as UTF-8 (with or without BOM), UTF-16 with a BOM, or GBK/GB18030 as Chinese
Excel/WPS saves them (formats.md). UTF-8 and a BOM are certain: random GBK bytes almost
never decode as UTF-8. GB18030, however, decodes nearly any byte string, so a Big5 file
(traditional Chinese, as saved in Taiwan or Hong Kong) reads as GB18030 without an error
and comes out as mojibake: 國家知識產權局 becomes 田家知實產權局-like nonsense of rare
characters, kana and Cyrillic.

:func:`decode_text` therefore decodes non-UTF-8 bytes both as GB18030 and as Big5
(cp950) and judges each reading by how plausible its characters are:

- GB18030 is *certain* when Big5 cannot decode the bytes, or when every non-ASCII
  character of the GB18030 reading is a common one: a GB2312 hanzi or punctuation
  (rows A1–A3 and B0–F7; not the kana, Greek, Cyrillic and box-drawing rows that Big5
  mojibake is full of). Texts Excel/WPS saves in GBK are.
- Otherwise the decoding is *uncertain*: the text is read as the more plausible of the
  two (the share of common characters of each), and ``certain`` is False. Readers warn;
  ``import`` and every write refuse such a file and ask for it to be saved as UTF-8.

A file neither reading can decode is refused (``actuals.bad_encoding``).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from ipplan.core.errors import DataError, Problem

__all__ = ["Decoded", "decode_text", "refuse_uncertain", "uncertain_problem"]

BOM = b"\xef\xbb\xbf"
_UTF16 = (b"\xff\xfe", b"\xfe\xff")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


@dataclass(frozen=True)
class Decoded:
    """A file's text, the encoding it was read as, and whether that is certain."""

    text: str
    encoding: str  # "utf-8", "utf-16", "gb18030" or "big5"
    certain: bool = True
    other: str | None = None  # the other encoding the bytes could be in, when uncertain


def _common_gb(ch: str) -> bool:
    try:
        code = ch.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return len(code) == 2 and (0xA1 <= code[0] <= 0xA3 or 0xB0 <= code[0] <= 0xF7)


def _common_big5(ch: str) -> bool:
    try:
        code = ch.encode("cp950")
    except UnicodeEncodeError:
        return False
    if len(code) != 2:
        return False
    lead, trail = code
    symbols = 0xA1 <= lead <= 0xA3
    level1 = 0xA4 <= lead <= 0xC5 or (lead == 0xC6 and trail < 0xA1)
    level2 = 0xC9 <= lead <= 0xF9
    return symbols or level1 or level2


def _score(text: str, common: Callable[[str], bool]) -> float:
    counts = Counter(_NON_ASCII.findall(text))
    total = sum(counts.values())
    if total == 0:
        return 1.0
    good = sum(n for ch, n in counts.items() if common(ch))
    return good / total


def decode_text(raw: bytes, file: str) -> Decoded:
    """The text of ``raw``; DataError when no supported encoding decodes it."""
    if raw.startswith(BOM):
        try:
            return Decoded(raw[3:].decode("utf-8"), "utf-8")
        except UnicodeDecodeError as exc:
            line = raw[: exc.start + 3].count(b"\n") + 1
            raise DataError("actuals.mixed_encoding", file=file, line=line) from None
    if raw.startswith(_UTF16):
        try:
            return Decoded(raw.decode("utf-16"), "utf-16")
        except UnicodeDecodeError:
            raise DataError("actuals.bad_encoding", file=file) from None
    try:
        return Decoded(raw.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    try:
        gb: str | None = raw.decode("gb18030")
    except UnicodeDecodeError as exc:
        gb = None
        gb_error = exc
    try:
        big5: str | None = raw.decode("cp950")
    except UnicodeDecodeError:
        big5 = None
    if gb is None and big5 is None:
        line = raw[: gb_error.start].count(b"\n") + 1
        raise DataError("actuals.bad_encoding", file=file, line=line) from None
    if big5 is None:
        assert gb is not None
        return Decoded(gb, "gb18030")
    if gb is None:
        return Decoded(big5, "big5", certain=False, other="gb18030")
    gb_score = _score(gb, _common_gb)
    if gb_score == 1.0:
        return Decoded(gb, "gb18030")
    if _score(big5, _common_big5) > gb_score:
        return Decoded(big5, "big5", certain=False, other="gb18030")
    return Decoded(gb, "gb18030", certain=False, other="big5")


def uncertain_problem(decoded: Decoded, file: str, *, severity: str = "error") -> Problem:
    """The finding for a file whose encoding is uncertain (``encoding.uncertain``)."""
    return Problem(
        "encoding.uncertain",
        {"encoding": decoded.encoding.upper(), "other": (decoded.other or "-").upper()},
        file,
        severity="warning" if severity == "warning" else "error",
    )


def refuse_uncertain(raw: bytes | None, file: str) -> None:
    """Raise DataError when ``raw`` (a file about to be rewritten) has an uncertain encoding:
    rewriting it would turn a misread text into mojibake for good."""
    if raw is None:
        return
    decoded = decode_text(raw, file)
    if not decoded.certain:
        raise DataError(problems=[uncertain_problem(decoded, file)])
