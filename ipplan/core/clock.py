"""The one source of "today" in the core.

Every function whose answer depends on the date (the refusal of a period that has not
ended in :mod:`ipplan.data.store` and :mod:`ipplan.analysis.check`, the default as-of day of
:func:`ipplan.status`) takes a ``today``/``as_of`` parameter and falls back on
:func:`today` only when it is not given. The core never reads the environment: the CLI
decides the day (``IPPLAN_TODAY``, see :func:`ipplan.cli.options.today`) and passes it
down, so a test pins a date instead of depending on the calendar.
"""

from __future__ import annotations

from datetime import date


def today() -> date:
    """The system's date: what "today" means when no day is given."""
    return date.today()


def or_today(day: date | None) -> date:
    """``day`` when given, else :func:`today`."""
    return day if day is not None else today()
