"""Periods: a year (``2024``), a quarter (``2024-Q1``) or a month (``2024-03``).

A period is known by its *end date* (its last day): a stock value is the level at that
date, a flow value is the total over the period (methods.md, "Time"). Time differences
are fractional years between dates, ``days / 365.25``.

Two parsers:

- :func:`parse_period` is strict, for CSV files and the command line: exactly ``YYYY``,
  ``YYYY-Qn`` or ``YYYY-MM``.
- :func:`parse_period_lenient` is for spreadsheet headers met by ``ipplan import``: it
  also reads ``2024年3月``, ``2024年一季度``, ``2024Q1``, ``2024/3``, full-width digits,
  Excel numbers and date cells.

Both raise :class:`~ipplan.core.errors.PeriodError` with code ``period.invalid``; the caller
adds the file, line and column.
"""

from __future__ import annotations

import calendar
import numbers
import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from typing import Literal

from ipplan.core.errors import PeriodError
from ipplan.present.text import clip

__all__ = [
    "MAX_YEAR",
    "MIN_YEAR",
    "Freq",
    "Period",
    "closing_period",
    "label_for_date",
    "parse_period",
    "parse_period_lenient",
    "years_between",
]

Freq = Literal["Y", "Q", "M"]

MIN_YEAR = 1900
MAX_YEAR = 2200
DAYS_PER_YEAR = 365.25

# Among periods that end on the same day, finer ones sort first: 2024-12, 2024-Q4, 2024.
# The whole comes after its last part, like a subtotal, and the "latest" observation by
# sort_key is then the annual figure, which is the authoritative one.
_RANK: dict[str, int] = {"M": 0, "Q": 1, "Y": 2}
_MAX_INDEX: dict[str, int] = {"Y": 0, "Q": 4, "M": 12}


@dataclass(frozen=True)
class Period:
    """A year, quarter or month. ``index`` is 0 for a year, 1..4 for a quarter, 1..12 for a month.

    Periods are ordered by :meth:`sort_key` (end date, then finer before coarser), so
    ``sorted(periods)`` and ``max(periods)`` work. Constructing an impossible period
    (quarter 5, year 2500) raises :class:`PeriodError` ``period.invalid``.
    """

    year: int
    freq: Freq
    index: int

    def __post_init__(self) -> None:
        ok = (
            type(self.year) is int
            and type(self.index) is int
            and MIN_YEAR <= self.year <= MAX_YEAR
            and self.freq in _MAX_INDEX
        )
        if ok:
            top = _MAX_INDEX[self.freq]
            ok = self.index == 0 if top == 0 else 1 <= self.index <= top
        if not ok:
            raise PeriodError("period.invalid", value=_describe(self.year, self.freq, self.index))

    def __str__(self) -> str:
        if self.freq == "Y":
            return f"{self.year:04d}"
        if self.freq == "Q":
            return f"{self.year:04d}-Q{self.index}"
        return f"{self.year:04d}-{self.index:02d}"

    @property
    def first_month(self) -> int:
        """The first month (1..12) of the period."""
        if self.freq == "Y":
            return 1
        if self.freq == "Q":
            return 3 * self.index - 2
        return self.index

    @property
    def last_month(self) -> int:
        """The last month (1..12) of the period."""
        if self.freq == "Y":
            return 12
        if self.freq == "Q":
            return 3 * self.index
        return self.index

    @property
    def start(self) -> date:
        """The first day of the period."""
        return date(self.year, self.first_month, 1)

    @cached_property
    def end(self) -> date:
        """The last day: a stock is the level at this date, a flow the total up to it.
        Kept once computed (the engine asks each period of a plan for it hundreds of
        thousands of times at 3,000 units)."""
        month = self.last_month
        return date(self.year, month, calendar.monthrange(self.year, month)[1])

    def sort_key(self) -> tuple[date, int]:
        """Order by end date; among periods ending the same day, month < quarter < year.

        So ``2024-11 < 2024-12 < 2024-Q4 < 2024 < 2025-01``: a whole sorts right after its
        last part, and ``max`` picks the annual figure when a year and its December or Q4
        are both observed. Distinct periods never share a key.
        """
        return (self.end, _RANK[self.freq])

    def contains(self, other: Period) -> bool:
        """True when ``other`` lies within this period (a period contains itself).

        ``2024`` contains ``2024-Q3`` and ``2024-07``; ``2024-Q3`` contains ``2024-07``;
        a month contains no quarter.
        """
        return self.start <= other.start and other.end <= self.end

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Period):
            return NotImplemented
        return self.sort_key() < other.sort_key()

    def __le__(self, other: object) -> bool:
        if not isinstance(other, Period):
            return NotImplemented
        return self.sort_key() <= other.sort_key()

    def __gt__(self, other: object) -> bool:
        if not isinstance(other, Period):
            return NotImplemented
        return self.sort_key() > other.sort_key()

    def __ge__(self, other: object) -> bool:
        if not isinstance(other, Period):
            return NotImplemented
        return self.sort_key() >= other.sort_key()


def _describe(year: object, freq: object, index: object) -> str:
    if freq == "Q":
        return f"{year}-Q{index}"
    if freq == "M":
        return f"{year}-{index:02d}" if isinstance(index, int) else f"{year}-{index}"
    return f"{year}"


def _make(year: int, freq: Freq, index: int, shown: str) -> Period:
    """The period, or ``period.invalid`` naming what the user wrote."""
    try:
        return Period(year, freq, index)
    except PeriodError:
        raise PeriodError("period.invalid", value=shown) from None


def _shown(value: object) -> str:
    return clip(value, 60)


# ---------------------------------------------------------------------------- strict

_STRICT_Y = re.compile(r"([0-9]{4})")
_STRICT_Q = re.compile(r"([0-9]{4})-[Qq]([0-9])")
_STRICT_M = re.compile(r"([0-9]{4})-([0-9]{2})")


def _parse_strict(text: str) -> Period | None:
    """The period of a canonical string (surrounding spaces allowed), else None."""
    s = text.strip()
    if m := _STRICT_Y.fullmatch(s):
        year = int(m[1])
        return Period(year, "Y", 0) if MIN_YEAR <= year <= MAX_YEAR else None
    if m := _STRICT_Q.fullmatch(s):
        year, quarter = int(m[1]), int(m[2])
        ok = MIN_YEAR <= year <= MAX_YEAR and 1 <= quarter <= 4
        return Period(year, "Q", quarter) if ok else None
    if m := _STRICT_M.fullmatch(s):
        year, month = int(m[1]), int(m[2])
        ok = MIN_YEAR <= year <= MAX_YEAR and 1 <= month <= 12
        return Period(year, "M", month) if ok else None
    return None


def parse_period(text: str) -> Period:
    """Read ``YYYY``, ``YYYY-Qn`` (``q`` accepted) or ``YYYY-MM`` (01..12), year 1900..2200.

    Surrounding spaces are ignored; anything else raises ``period.invalid``.
    """
    if isinstance(text, str):
        found = _parse_strict(text)
        if found is not None:
            return found
    raise PeriodError("period.invalid", value=_shown(text))


# --------------------------------------------------------------------------- lenient

_CN_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_MONTH = {**_CN_DIGITS, "十": 10, "十一": 11, "十二": 12}
_END = r"\s*(?:末|底)?"  # 2024年末, 2024年底, 2024年3月末: the same period

_LENIENT: list[tuple[re.Pattern[str], Freq]] = [
    # 2024.0 (an Excel year read as text)
    (re.compile(r"([0-9]{4})\.0+"), "Y"),
    # 2024年, 2024年度, 2024年末
    (re.compile(r"([0-9]{4})\s*年\s*度?" + _END), "Y"),
    # 2024年3月, 2024年03月, 2024年三月, 2024年3月份, 2024年3月末
    (
        re.compile(
            r"([0-9]{4})\s*年\s*([0-9]{1,2}|十[一二]?|[一二三四五六七八九])\s*月\s*份?" + _END
        ),
        "M",
    ),
    # 2024年一季度, 2024年第一季度, 2024年1季度, 2024年第1季度, 2024年一季
    (re.compile(r"([0-9]{4})\s*年\s*(?:第\s*)?([0-9]|[一二三四])\s*季\s*度?" + _END), "Q"),
    # 2024年Q1, 2024Q1, 2024 Q1, 2024-q1, 2024/Q1, 2024.Q1
    (re.compile(r"([0-9]{4})\s*(?:年|[-/.])?\s*[Qq]\s*([0-9])"), "Q"),
    # 2024/3, 2024.03, 2024-3, 2024/03
    (re.compile(r"([0-9]{4})\s*[-/.]\s*([0-9]{1,2})"), "M"),
]

# A date written out: 2024-03-31, 2024/3/31, 2024.3.31, 2024年3月31日, optionally with a
# time as in str(datetime). Like a date cell, it stands for its month.
_DATE_TEXT = re.compile(
    r"([0-9]{4})\s*(?:([-/.])\s*([0-9]{1,2})\s*\2\s*([0-9]{1,2})"
    r"|年\s*([0-9]{1,2})\s*月\s*([0-9]{1,2})\s*[日号])"
    r"(?:[ T][0-9]{1,2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]+)?)?)?"
)


def _small_number(token: str) -> int:
    if token.isascii() and token.isdigit():
        return int(token)
    return _CN_MONTH.get(token, 0)


def _parse_text_lenient(raw: str) -> Period | None:
    found = _parse_strict(raw)
    if found is not None:
        return found
    s = unicodedata.normalize("NFKC", raw).strip()
    found = _parse_strict(s)
    if found is not None:
        return found
    for pattern, freq in _LENIENT:
        m = pattern.fullmatch(s)
        if m is None:
            continue
        year = int(m[1])
        index = 0 if freq == "Y" else _small_number(m[2])
        return _make(year, freq, index, _shown(raw))
    m = _DATE_TEXT.fullmatch(s)
    if m is not None:
        year = int(m[1])
        month, day = (int(m[3]), int(m[4])) if m[2] else (int(m[5]), int(m[6]))
        try:
            d = date(year, month, day)
        except ValueError:
            return None
        return _make(d.year, "M", d.month, _shown(raw))
    return None


def parse_period_lenient(value: object) -> Period:
    """Read a period as it appears in a spreadsheet header.

    Accepts everything :func:`parse_period` accepts, plus ``2024年``, ``2024年度``,
    ``2024年3月``/``2024年03月``/``2024年三月``, ``2024年一季度``/``第一季度``/``1季度``/``Q1``,
    ``2024Q1``, ``2024 Q1``, ``2024/3``, ``2024.03``, ``2024-3``, a trailing 末/底
    (``2024年末``), full-width characters (``２０２４年``), Excel numbers ``2024`` and
    ``2024.0`` (a float with a fraction such as ``2024.03`` is refused: Excel would have
    turned ``2024.10`` into ``2024.1``), and ``date``/``datetime`` values or date text
    (``2024-03-31``), which stand for their month. A :class:`Period` is returned as is.
    Anything else raises ``period.invalid``.
    """
    if isinstance(value, Period):
        return value
    if isinstance(value, date):  # datetime (and pandas.Timestamp) included
        return _make(value.year, "M", value.month, _shown(value))
    if isinstance(value, str):
        found = _parse_text_lenient(value)
        if found is not None:
            return found
    elif isinstance(value, numbers.Real) and not isinstance(value, bool):
        try:
            as_float = float(value)
        except (OverflowError, ValueError):
            as_float = float("nan")
        if as_float.is_integer() and MIN_YEAR <= as_float <= MAX_YEAR:
            return Period(int(as_float), "Y", 0)
    raise PeriodError("period.invalid", value=_shown(value))


# ----------------------------------------------------------------------------- dates


def years_between(a: date, b: date) -> float:
    """Fractional years from ``a`` to ``b``: ``(b - a).days / 365.25``; negative if b < a."""
    return (b - a).days / DAYS_PER_YEAR


def closing_period(d: date) -> Period:
    """The period a deadline on ``d`` closes.

    Dec 31 closes its year, the last day of March, June or September its quarter, the last
    day of another month that month; a day that is no month end falls in its month.
    """
    last_day = calendar.monthrange(d.year, d.month)[1]
    if d.day == last_day and d.month == 12:
        return _make(d.year, "Y", 0, d.isoformat())
    if d.day == last_day and d.month % 3 == 0:
        return _make(d.year, "Q", d.month // 3, d.isoformat())
    return _make(d.year, "M", d.month, d.isoformat())


def label_for_date(d: date) -> str:
    """The label of :func:`closing_period`: ``"2025"``, ``"2025-Q2"``, ``"2025-05"``."""
    return str(closing_period(d))
