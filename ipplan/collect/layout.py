"""The layout of a fill-in workbook (formats.md "Collecting figures: the workbook").

A workbook asks one unit for one period. Its data sheet (the first sheet) is in the wide
layout `ipplan import` reads: a title row, a line naming the unit and the period, then a
header row ``指标 | 代码 | 单位 | <earlier periods> | <the period> | 本单位目标 | 备注`` and
one row per indicator. The hidden sheet ``_ipplan`` holds, one key and value per row:
``format``, ``plan``, ``unit``, ``period``, ``sheet``, ``checksum``, ``made``.

The checksum is the first 16 hex digits of the SHA-256 of the layout: the data sheet's
name, the period labels and, per row, the indicator id and unit, joined with tabs and
newlines (:func:`checksum`). It says whether a returned file still has the rows and
columns it was sent with.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from ipplan.core.i18n import Lang, word
from ipplan.core.model import Indicator, Observation, Plan
from ipplan.core.periods import Period

FORMAT = "ipplan-collect 1"
HIDDEN = "_ipplan"
HEADER_ROW = 3  # the header row of the data sheet; rows below it are indicators
KEYS = ("format", "plan", "unit", "period", "sheet", "checksum", "made")
_BAD_FILE_CHARS = re.compile(r'[\\/:*?"<>|\x00-\x1f]')
FILE_RE = re.compile(
    r"^(?P<unit>.+)-(?P<period>\d{4}(?:-Q[1-4]|-\d{2})?)-(?:填报表|form)", re.IGNORECASE
)
# The line under the title: 填报单位：随县　填报期间：2025 (zh) or Unit: … Period: … (en)
UNIT_LINE_RE = re.compile(
    r"(?:填报单位|Unit)\s*[:：]\s*(?P<unit>.+?)\s+(?:填报期间|Period)\s*[:：]\s*"
    r"(?P<period>\d{4}(?:-Q[1-4]|-\d{2})?)(?:\s|$)"
)


@dataclass(frozen=True)
class Row:
    """One indicator of a form: the figures already known and the unit's own target."""

    indicator: Indicator
    known: dict[Period, Observation]  # earlier periods with a figure for the unit
    target: float | None = None


@dataclass(frozen=True)
class Form:
    """What one workbook asks: one unit, one period, some indicators."""

    plan: Plan
    unit: str
    period: Period
    history: tuple[Period, ...]  # the earlier periods shown, oldest first
    rows: tuple[Row, ...]
    due: date | None = None
    made: date | None = None

    @property
    def periods(self) -> tuple[Period, ...]:
        return (*self.history, self.period)


def previous(period: Period) -> Period:
    """The period of the same length just before ``period``: 2024 → 2023, 2024-Q1 → 2023-Q4."""
    if period.freq == "Y":
        return Period(period.year - 1, "Y", 0)
    top = 4 if period.freq == "Q" else 12
    if period.index == 1:
        return Period(period.year - 1, period.freq, top)
    return Period(period.year, period.freq, period.index - 1)


def history(period: Period, count: int) -> tuple[Period, ...]:
    """The ``count`` periods before ``period``, oldest first (fewer near year 1900)."""
    found: list[Period] = []
    current = period
    for _ in range(count):
        try:
            current = previous(current)
        except Exception:  # PeriodError before MIN_YEAR
            break
        found.append(current)
    return tuple(reversed(found))


def checksum(sheet: str, periods: Sequence[str], rows: Sequence[tuple[str, str]]) -> str:
    """The layout's checksum: sheet name, period labels, (id, unit) per row."""
    text = "\n".join([sheet, "\t".join(periods), *("\t".join(pair) for pair in rows)])
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def form_checksum(form: Form, sheet: str) -> str:
    return checksum(
        sheet,
        [str(p) for p in form.periods],
        [(row.indicator.id, row.indicator.unit) for row in form.rows],
    )


def file_name(unit: str, period: Period, lang: Lang = Lang.ZH) -> str:
    """``<单位>-<期间>-填报表.xlsx`` (``-form.xlsx`` in English), unsafe characters as _."""
    safe = _BAD_FILE_CHARS.sub("_", unit).strip(" .") or "_"
    return f"{safe}-{period}-{word('collect.file_suffix', lang)}.xlsx"
