"""A terminal chart: history, target line and projections, in plain characters.

Pure: lines of text in, lines of text out; no colour codes ever, so it reads the same
on a terminal, in a pipe and on paper. ``ascii=True`` draws with ASCII only, for
consoles whose encoding has no box-drawing characters.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

Point = tuple[date, float]

UNICODE = {
    "point": "●",
    "target": "┄",
    "tick": "┤",
    "axis": "│",
    "corner": "└",
    "rule": "─",
    "mark": "┬",
}
ASCII = {
    "point": "*",
    "target": "-",
    "tick": "+",
    "axis": "|",
    "corner": "+",
    "rule": "-",
    "mark": "+",
}


@dataclass(frozen=True)
class Line:
    """A projection's path, drawn with one character (e.g. "L" for linear)."""

    char: str
    path: Sequence[Point]


def _interpolate(path: Sequence[Point], d: date) -> float | None:
    for (d0, v0), (d1, v1) in itertools.pairwise(path):
        if d0 <= d <= d1:
            span = (d1 - d0).days
            return v0 if span == 0 else v0 + (v1 - v0) * (d - d0).days / span
    return None


def chart(
    history: Sequence[Point],
    lines: Sequence[Line],
    target: float | None,
    start: date,
    end: date,
    number: Callable[[float], str],
    *,
    width: int = 80,
    height: int = 10,
    ascii: bool = False,
) -> list[str]:
    """The chart's lines: a y axis labelled with the top, bottom and target values, the
    points of ``history``, each projection ``line`` and the target as a dashed line, and
    an x axis with a tick at the end of every year (labelled with the year)."""
    ch = ASCII if ascii else UNICODE
    values = [v for _, v in history] + [v for line in lines for _, v in line.path]
    if target is not None:
        values.append(target)
    values = [v for v in values if math.isfinite(v)]
    if not values or end <= start:
        return []
    lo, hi = min(values), max(values)
    if hi == lo:
        lo, hi = lo - 1, hi + 1
    labels = {0: number(hi), height - 1: number(lo)}
    label_w = max(len(s) for s in [*labels.values(), number(target) if target is not None else ""])
    plot_w = max(20, min(width, 100) - label_w - 4)  # 2 more for the last year label
    span = (end - start).days

    def col(d: date) -> int:
        return round((d - start).days / span * (plot_w - 1))

    def row(v: float) -> int:
        r = round((hi - v) / (hi - lo) * (height - 1))
        if (
            target is not None
            and v != target
            and r == round((hi - target) / (hi - lo) * (height - 1))
        ):
            # never on the target line unless on target: a value short of it is drawn below
            r = min(r + 1, height - 1) if v < target else max(r - 1, 0)
        return r

    grid = [[" "] * plot_w for _ in range(height)]
    if target is not None:
        r = row(target)
        grid[r] = [ch["target"]] * plot_w
        labels[r] = number(target)
    for line in lines:
        first, last = col(line.path[0][0]), col(line.path[-1][0])
        for c in range(first, last + 1):
            d = date.fromordinal(start.toordinal() + round(c / (plot_w - 1) * span))
            d = min(max(d, line.path[0][0]), line.path[-1][0])
            v = _interpolate(line.path, d)
            if v is not None:
                grid[row(v)][c] = line.char
    for d, v in history:
        if start <= d <= end:
            grid[row(v)][col(d)] = ch["point"]
    out = []
    for r in range(height):
        label = labels.get(r, "")
        axis = ch["tick"] if label else ch["axis"]
        out.append(f"{label:>{label_w}} {axis}{''.join(grid[r])}".rstrip())
    rule = [ch["rule"]] * plot_w
    names = [" "] * (plot_w + 4)
    for year in range(start.year, end.year + 1):
        d = date(year, 12, 31)
        if not start <= d <= end:
            continue
        c = col(d)
        rule[c] = ch["mark"]
        text = str(year)
        left = max(0, min(c - 1, plot_w + 4 - len(text)))
        if all(x == " " for x in names[max(0, left - 1) : left + len(text) + 1]):
            names[left : left + len(text)] = list(text)
    out.append(f"{'':>{label_w}} {ch['corner']}{''.join(rule)}")
    out.append(f"{'':>{label_w}}  {''.join(names)}".rstrip())
    return out
