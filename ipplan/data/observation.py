"""One observation's fields (formats.md "actuals") read into an :class:`Observation`.

The one place the fields are read, whatever brought them: a row of ``actuals/<id>.csv``
(:mod:`ipplan.data.actuals`, and :mod:`ipplan.data.csvtable` before a write), a row or a cell of a
sheet to import (:mod:`ipplan.data.importer`, both layouts; XLSX cells arrive as numbers and
dates), and the arguments of ``ipplan record``. :func:`ipplan.data.store.check_observation`
applies the same value and flag rules to an observation built in code.

Fields are text, stripped here; from a sheet they may also be numbers, dates or (a wide
layout's column) a :class:`Period`. The rules:

- ``period``: in a file as the tool writes it (2024, 2024-Q1, 2024-03); imported or typed
  also as offices write it (2024年3月, 2024年一季度, Excel numbers and dates).
- ``value``: a number as :func:`ipplan.core.numbers.parse_number` reads it, with a trailing %
  for an indicator whose unit is %; below 0 only where the indicator allows it.
- ``region``: the apostrophe that keeps ``=x`` from running as a formula (``'=x``, as
  :func:`ipplan.data.csvtable.stored_text` writes it) is not part of the name.
- ``source``, ``note``: text, empty is none.
- ``flag``: letters of e, p, b in either case, kept in lower case; empty is none.
- ``yoy``: a number in percent, % allowed (14.29% → 14.29).
- ``published``: YYYY-MM-DD (also / or . between), or a date cell (its time dropped).

Every problem of a row is reported, in the order of the columns above, located at the
file, line and column of :class:`Where`.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import Enum

from ipplan.core.errors import NumberError, PeriodError, Problem
from ipplan.core.model import Indicator, Observation
from ipplan.core.numbers import number_text, parse_number
from ipplan.core.periods import Period, parse_period, parse_period_lenient
from ipplan.present.safe import spreadsheet_plain

__all__ = [
    "COLUMNS",
    "Origin",
    "Where",
    "cell_text",
    "flag_problems",
    "parse_date",
    "parse_observation",
    "read_flag",
    "region_name",
    "value_problems",
]

COLUMNS = ("period", "value", "region", "source", "note", "flag", "yoy", "published")
FLAG_RE = re.compile(r"^[epb]+$")
DATE_RE = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$")


class Origin(Enum):
    """Where the fields come from: how a period may be written, and what a bad one is called."""

    FILE = "file"  # a row of actuals/<id>.csv
    IMPORT = "import"  # a row (or a wide layout's cell) of a sheet to import
    ENTRY = "entry"  # typed on the command line: `ipplan record`


# what a period that cannot be read is called; None: the period parser's own words
_BAD_PERIOD: Mapping[Origin, str | None] = {
    Origin.FILE: "actuals.bad_period",
    Origin.IMPORT: "import.bad_period",
    Origin.ENTRY: None,
}
_Report = Callable[[list[Problem], str], None]  # problems found in a field, and its name


@dataclass(frozen=True)
class Where:
    """Where the fields were read: file, line, and each field's 1-based column."""

    file: str | None = None
    line: int | None = None
    columns: Mapping[str, int] = field(default_factory=dict)

    def locate(self, problem: Problem, name: str) -> Problem:
        return problem.located(self.file, self.line, self.columns.get(name))


def cell_text(cell: object) -> str:
    """A field as text, stripped: a date cell as YYYY-MM-DD, a missing one as ""."""
    if cell is None:
        return ""
    if isinstance(cell, date):
        return cell.isoformat()[:10]
    return str(cell).strip()


def region_name(cell: object) -> str:
    """A region as written ("" for the plan's own), without the apostrophe of ``'=x``."""
    return spreadsheet_plain(cell_text(cell))


def parse_date(raw: str) -> date:
    """A publication date: YYYY-MM-DD, or with / or . between; ValueError otherwise."""
    m = DATE_RE.match(raw.strip())
    if not m:
        raise ValueError(raw)
    return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))


def value_problems(value: float, indicator: Indicator, shown: str) -> list[Problem]:
    """Why a number cannot be the indicator's value (``shown`` as the user wrote it)."""
    if not math.isfinite(value):
        return [Problem("number.not_finite", {"value": value})]
    if value < 0 and not indicator.allow_negative:
        return [Problem("actuals.negative", {"value": shown, "id": indicator.id})]
    return []


def read_flag(cell: object) -> tuple[str | None, list[Problem]]:
    """A flag as stored (lower case; None when empty), and why it is none of e, p, b."""
    shown = cell_text(cell)
    flag = shown.lower() or None
    return flag, flag_problems(flag, shown)


def flag_problems(flag: str | None, shown: str | None = None) -> list[Problem]:
    """Why a flag (in lower case, as stored) is none of e, p, b."""
    if flag is None or FLAG_RE.match(flag):
        return []
    return [Problem("actuals.bad_flag", {"value": flag if shown is None else shown})]


def parse_observation(
    fields: Mapping[str, object], indicator: Indicator, origin: Origin, where: Where = Where()
) -> tuple[Observation | None, list[Problem]]:
    """The observation the raw ``fields`` (by column name, absent ones empty) give, or
    every problem that stops it, located by ``where``."""
    problems: list[Problem] = []

    def report(found: list[Problem], name: str) -> None:
        problems.extend(where.locate(p, name) for p in found)

    period = _period(fields.get("period"), origin, report)
    value = _value(fields.get("value"), indicator, report)
    flag, found = read_flag(fields.get("flag"))
    report(found, "flag")
    yoy = _number(fields.get("yoy"), "yoy", report)
    published = _published(fields.get("published"), report)
    if problems or period is None or value is None:
        return None, problems
    obs = Observation(
        indicator=indicator.id, period=period, value=value,
        region=region_name(fields.get("region")),
        source=cell_text(fields.get("source")) or None, note=cell_text(fields.get("note")) or None,
        flag=flag, yoy=yoy, published=published, file=where.file, line=where.line,
    )  # fmt: skip
    return obs, []


# ------------------------------------------------------------------------- fields


def _period(cell: object, origin: Origin, report: _Report) -> Period | None:
    raw = cell_text(cell)
    if origin is Origin.IMPORT and not raw:
        report([Problem("import.no_period")], "period")
        return None
    try:
        if origin is Origin.FILE:
            return parse_period(raw)
        return parse_period_lenient(raw if isinstance(cell, str) else cell)
    except PeriodError as exc:
        code = _BAD_PERIOD[origin]
        report(exc.problems if code is None else [Problem(code, {"value": raw})], "period")
        return None


def _value(cell: object, indicator: Indicator, report: _Report) -> float | None:
    value = _number(cell, "value", report, percent=indicator.unit == "%", required=True)
    if value is None:
        return None
    shown = cell_text(cell) if isinstance(cell, str) else number_text(value)
    found = value_problems(value, indicator, shown)
    report(found, "value")
    return None if found else value


def _number(
    cell: object, name: str, report: _Report, *, percent: bool = True, required: bool = False
) -> float | None:
    if not required and not cell_text(cell):
        return None
    try:
        return parse_number(
            cell_text(cell) if isinstance(cell, str | None) else cell, percent=percent
        )
    except NumberError as exc:
        report(exc.problems, name)
        return None


def _published(cell: object, report: _Report) -> date | None:
    if isinstance(cell, datetime):  # an XLSX date with a time of day: the day
        return cell.date()
    if isinstance(cell, date):
        return cell
    raw = cell_text(cell)
    if not raw:
        return None
    try:
        return parse_date(raw)
    except ValueError:
        report([Problem("actuals.bad_date", {"value": raw})], "published")
        return None
