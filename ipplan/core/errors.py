"""One error hierarchy for ipplan.

The core raises these; it never prints. Each error carries one or more
:class:`Problem` records (a stable code, parameters, and where it happened). The
CLI edge turns them into one line per problem in the user's language
(see :mod:`ipplan.core.i18n`) and into the exit codes of formats.md:

    2  usage error: a bad argument or option value
    3  the plan or a data file cannot be used; nothing was written
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class Problem:
    """One thing wrong, with where it is. ``code`` is stable and keys the message catalog."""

    code: str
    params: Mapping[str, Any] = field(default_factory=dict)
    file: str | None = None
    line: int | None = None
    column: int | None = None
    severity: Severity = "error"

    def located(
        self, file: str | None = None, line: int | None = None, column: int | None = None
    ) -> Problem:
        """A copy with the location filled in where it was missing."""
        return Problem(
            self.code,
            self.params,
            self.file if self.file is not None else file,
            self.line if self.line is not None else line,
            self.column if self.column is not None else column,
            self.severity,
        )


class IpplanError(Exception):
    """Base of every error ipplan raises on purpose."""

    exit_code = 3

    def __init__(
        self,
        code: str | None = None,
        *,
        file: str | None = None,
        line: int | None = None,
        column: int | None = None,
        problems: Iterable[Problem] = (),
        **params: Any,
    ) -> None:
        found = list(problems)
        if code is not None:
            found.insert(0, Problem(code, params, file, line, column))
        if not found:
            raise ValueError("an IpplanError needs a code or problems")
        self.problems: list[Problem] = found
        super().__init__(self._english())

    @property
    def code(self) -> str:
        return self.problems[0].code

    def _english(self) -> str:
        from ipplan.core.i18n import Lang, format_problem

        return "; ".join(format_problem(p, Lang.EN) for p in self.problems)


class UsageError(IpplanError):
    """A command-line argument or option value is not acceptable (exit 2)."""

    exit_code = 2


class PlanError(IpplanError):
    """targets.yaml is missing, unreadable or invalid (exit 3)."""


class DataError(IpplanError):
    """An actuals or import file cannot be used (exit 3)."""


class WriteError(DataError):
    """A file or an output stream could not be written (exit 3): ``store.write_failed``
    (the old file is as it was) or ``output.write_failed`` (a stream or device: the output
    may be incomplete). Made by :mod:`ipplan.data.atomic` (``busy_or_failed``,
    ``output_failed``) for every writer."""


class ReadOnlyPlanError(IpplanError):
    """A command that writes was pointed at the bundled, read-only plan (exit 3)."""


class FormulaError(IpplanError):
    """A derived indicator's formula is not valid (exit 3)."""


class NumberError(IpplanError):
    """A value is not a number ipplan understands (exit 3; UsageError where typed on the CLI)."""


class PeriodError(IpplanError):
    """A period is not YYYY, YYYY-Qn or YYYY-MM (exit 3; UsageError where typed on the CLI)."""


class FileBusyError(IpplanError):
    """Another program (Excel, WPS) holds the file open, or the lock could not be taken (exit 3)."""
