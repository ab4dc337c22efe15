"""The report document: a pure, format-free model of what a progress report says.

Built once from a :class:`~ipplan.analysis.evaluate.PlanEvaluation` by :mod:`ipplan.report.build`,
then handed to one renderer per format. Everything here is already in the report's
language; renderers only lay it out (and escape it for their format).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

from ipplan.core.i18n import Lang

CellKind = Literal["text", "number", "percent", "date"]
Align = Literal["l", "r"]


@dataclass(frozen=True)
class Cell:
    """One table cell: the text people read, and the value a spreadsheet stores.

    ``kind`` says how to store ``value``: ``number`` (with ``decimals`` places shown),
    ``percent`` (a fraction, 0.75 shown as 75.0%), ``date`` (ISO text) or ``text``.
    ``data`` is true for text that comes from the user's files (names, sources, notes):
    spreadsheet renderers neutralise it.
    """

    text: str
    value: float | str | None = None
    kind: CellKind = "text"
    decimals: int = 0
    data: bool = False
    status: str | None = None  # a status code, for colouring

    @staticmethod
    def of(text: str, *, data: bool = False) -> Cell:
        return Cell(text, text, "text", data=data)


@dataclass(frozen=True)
class Column:
    key: str
    head: str
    align: Align = "l"
    width: int = 12  # spreadsheet column width, in characters
    sheet_only: bool = False  # technical detail (file:line) shown in spreadsheets only


@dataclass(frozen=True)
class Table:
    key: str
    columns: tuple[Column, ...]
    rows: tuple[tuple[Cell, ...], ...]
    caption: str = ""


@dataclass(frozen=True)
class Paragraph:
    text: str
    role: Literal["body", "verdict", "note", "meta", "signature", "reference"] = "body"


@dataclass(frozen=True)
class Bullets:
    items: tuple[str, ...]


@dataclass(frozen=True)
class Point:
    x: float  # fractional year of the period's end (2023-12-31 → 2024.0)
    value: float
    label: str  # the period, e.g. "2023"
    estimated: bool = False  # flag e/p, or computed


@dataclass(frozen=True)
class Bar:
    """One unit in a chart of units side by side: its attainment of its own target."""

    label: str  # the unit's name
    fallback: str  # the same in plain ASCII (its code, or "#n"), for PNGs without CJK font
    value: float  # attainment, a fraction (0.98 → 98%)
    lagging: bool = False  # drawn in red


@dataclass(frozen=True)
class Chart:
    """What one indicator's chart shows: history, the target line, the projection range.

    ``labels`` are in the report's language; ``fallback`` are the same labels in plain
    ASCII (English words, the indicator id), used for PNG charts when no installed font
    has CJK glyphs (see docs/report.md).
    """

    key: str
    points: tuple[Point, ...]
    target: float | None
    deadline_x: float
    deadline_label: str
    projection: float | None = None
    projection_low: float | None = None
    projection_high: float | None = None
    start_x: float | None = None  # the plan's start (baseline end)
    cumulative: bool = False  # points are running totals since the target's `from`
    labels: Mapping[str, str] = field(default_factory=dict)
    fallback: Mapping[str, str] = field(default_factory=dict)
    alt: str = ""
    caption: str = ""  # "图1　…", under the chart
    bars: tuple[Bar, ...] = ()  # a chart of units side by side (then no points)


Block = Paragraph | Bullets | Table | Chart


@dataclass(frozen=True)
class Section:
    key: str  # stable: "overview", "targets", "target:<id>", "monitored", ...
    heading: str
    blocks: tuple[Block, ...] = ()
    level: int = 1
    subsections: tuple[Section, ...] = ()


@dataclass(frozen=True)
class IndicatorSheet:
    """One indicator's history, for a spreadsheet sheet of its own."""

    id: str
    name: str
    title: str  # name, unit, target in one line
    history: Table


@dataclass(frozen=True)
class Report:
    lang: Lang
    plan_id: str
    title: str
    as_of: date
    meta: tuple[tuple[str, str], ...]  # (label, value) lines under the title
    sections: tuple[Section, ...]
    summary: Table  # every indicator, one row each, numbers as numbers (spreadsheets)
    sheets: tuple[IndicatorSheet, ...]
    counts: tuple[tuple[str, str, int], ...]  # (status, label, n) for targets
    status: Mapping[str, Any]  # the status JSON of formats.md
    words: Mapping[str, str]  # a few fixed labels renderers need (sheet names...)
    final: bool = False  # as of the deadline or later: a final evaluation (终期评估)
    regions: Table | None = None  # units × targets, one row per unit (a spreadsheet sheet)
    # (word, n) of the status words the report shows for targets: the labels of ``counts``
    # before the deadline, the final evaluation's words (预计已完成…) from it on
    shown_counts: tuple[tuple[str, int], ...] = ()

    def charts(self) -> list[Chart]:
        return [b for s in walk(self.sections) for b in s.blocks if isinstance(b, Chart)]


def walk(sections: tuple[Section, ...]) -> list[Section]:
    """Every section, depth first, in document order."""
    found: list[Section] = []
    for s in sections:
        found.append(s)
        found.extend(walk(s.subsections))
    return found
