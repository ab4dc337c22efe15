"""Column widths from the content, so that no status word, number or percentage wraps.

A table cell may wrap only where a reader expects it: between the words of a name or a
heading. Every other line of a cell (a number, a percentage, a status word, a period, a
projection range) is one unbreakable piece. :func:`fit_columns` gives each column at least
its widest unbreakable piece, then shares out what is left, first so that whole lines fit,
then to the name column. When even the unbreakable pieces do not fit the page, it says so
(``None``) and the renderer turns the page to landscape.

Widths are estimated from the characters (points at a font size), with the advance widths
of the widest common fonts (DejaVu, which LibreOffice falls back to where Arial or Times
New Roman are missing): a CJK character is one em, a digit 0.64 em, a capital 0.72 em.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from ipplan.core.i18n import Lang
from ipplan.report.document import Column

PADDING_PT = 12.0  # left and right cell margins (Word's default 0.19 cm each) and a little air
SAFETY = 1.05  # estimates run short on some fonts: keep 5% in hand


def char_em(ch: str) -> float:
    """The advance width of one character, in em."""
    if unicodedata.east_asian_width(ch) in "WF":
        return 1.0
    if ch.isdigit():
        return 0.64
    if ch in " ":
        return 0.32
    if ch in ".,:;'|!ilI()[]/":
        return 0.36
    if ch in "%@MWmw—–":
        return 0.95
    if ch.isupper():
        return 0.74
    return 0.62


def text_pt(text: str, size: float) -> float:
    """The width of one line of text at ``size`` points, with the safety margin."""
    return sum(char_em(ch) for ch in text) * size * SAFETY


def _words(text: str, lang: Lang) -> list[str]:
    """The pieces a heading or a name may wrap between."""
    pieces: list[str] = []
    for line in text.split("\n"):
        if any(unicodedata.east_asian_width(ch) in "WF" for ch in line):
            # Chinese wraps between characters, but keep runs of Latin/digits whole
            pieces += re.findall(r"[A-Za-z0-9.,%/+\-−]+|.", line)
        else:
            pieces += re.findall(r"\S+?/|\S+", line)
    return pieces or [""]


def head_pieces(column: Column, lang: Lang) -> list[str]:
    """A header wraps only between words (and after "/"), a Chinese header not at all
    except after "/" ("目标进展/序时进度")."""
    if lang == "zh":
        return re.findall(r"[^/]+/?", column.head) or [""]
    return re.findall(r"\S+?/|\S+", column.head) or [""]


def fit_columns(
    columns: Sequence[Column],
    rows: Sequence[Sequence[str]],
    lang: Lang,
    size: float,
    available: float,
    wrap: Sequence[bool],
) -> list[float] | None:
    """Column widths in points that fill ``available``, or None when they cannot fit.

    ``wrap[i]`` says column i holds wrappable text (names); every other cell line is kept
    whole. Headers are set in bold: their widths count a little wider.
    """
    minimum: list[float] = []
    lines: list[float] = []  # every body line whole
    heads: list[float] = []  # and the header on one line
    for i, column in enumerate(columns):
        low = max(text_pt(h, size) * 1.15 for h in head_pieces(column, lang))
        full = 0.0
        for row in rows:
            for line in row[i].split("\n"):
                pieces = _words(line, lang) if wrap[i] else [line]
                low = max(low, max(text_pt(p, size) for p in pieces))
                full = max(full, text_pt(line, size))
        if wrap[i]:
            low = max(low, text_pt("四个汉字" if lang == "zh" else "Indicator", size))
        minimum.append(low + PADDING_PT)
        lines.append(max(low, full) + PADDING_PT)
        heads.append(max(low, full, text_pt(column.head, size) * 1.15) + PADDING_PT)
    if sum(minimum) > available:
        return None
    widths = list(minimum)
    spare = available - sum(widths)
    order = sorted(range(len(columns)), key=lambda i: lines[i] - minimum[i])
    names = [i for i in order if wrap[i]]
    others = [i for i in order if not wrap[i]]
    # first whole lines in the figure columns, then in the names, then whole headers; where
    # the spare width does not cover a group's wants, it is shared in proportion to them
    for wanted, group in ((lines, others), (lines, names), (heads, others + names)):
        wants = {i: max(0.0, wanted[i] - widths[i]) for i in group}
        total = sum(wants.values())
        if total <= 0:
            continue
        share = min(1.0, spare / total)
        for i, want in wants.items():
            widths[i] += want * share
        spare -= total * share
    # what is left, evenly to the names (or to every column)
    targets = names or list(range(len(columns)))
    for i in targets:
        widths[i] += spare / len(targets)
    return widths
