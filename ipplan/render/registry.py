"""Every output format in one registry: the CLI's ``--format`` choices come from here.

A renderer (:class:`Renderer`) has a name (the ``--format`` value), a file extension,
whether its output is binary, and ``render(data, view)``: a pure function from a
command's result and a :class:`View` (language, terminal width, colour …) to the text
(or bytes) of the output.

- :mod:`ipplan.render.outputs` lists the text renderers of each command
  (:class:`Outputs`: ``STATUS``, ``REGIONS``, ``SHOW`` …); ``cli.options.formats`` turns
  one into the ``--format`` option, its choices and its check.
- :data:`REPORTS` lists the report renderers (:class:`ReportRenderer`, bytes), one per
  :class:`ReportFormat`.

Adding a format: a member of :class:`Format` (or :class:`ReportFormat`), its extension in
:func:`extension` (mypy's ``assert_never`` points at every ``match`` to extend), and its
renderer in the command's tuple; the CLI's choices and ``--help`` follow. The renderers'
modules are imported only when one is used, so ``--help`` stays light.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Generic, Protocol, TypeVar, assert_never

if TYPE_CHECKING:
    from ipplan.core.i18n import Lang
    from ipplan.report.document import Report


class Format(StrEnum):
    """The formats of the CLI's outputs (``--format`` of status, regions, show …)."""

    table = "table"
    json = "json"
    csv = "csv"
    markdown = "markdown"
    yaml = "yaml"


class ReportFormat(StrEnum):
    """The formats of ``ipplan report``."""

    docx = "docx"
    xlsx = "xlsx"
    html = "html"
    markdown = "markdown"
    json = "json"


def extension(format: Format | ReportFormat) -> str:
    """The file extension of a format's output (without the dot)."""
    if isinstance(format, ReportFormat):
        return _report_extension(format)
    match format:
        case Format.table:
            return "txt"
        case Format.json:
            return "json"
        case Format.csv:
            return "csv"
        case Format.markdown:
            return "md"
        case Format.yaml:
            return "yaml"
        case _:
            assert_never(format)


def _report_extension(format: ReportFormat) -> str:
    match format:
        case ReportFormat.docx | ReportFormat.xlsx | ReportFormat.html | ReportFormat.json:
            return format.value
        case ReportFormat.markdown:
            return "md"
        case _:
            assert_never(format)


@dataclass(frozen=True)
class View:
    """How an output is to be shown: its language; for a terminal its width, whether it
    takes colour and whether it can draw box characters; for a report the per-chart
    ``progress`` callback and an office's own Word ``template``."""

    lang: Lang
    width: int = 80
    color: bool = False
    ascii: bool = False
    progress: Callable[[str], None] | None = None
    template: bytes | None = None


T_contra = TypeVar("T_contra", contravariant=True)
Out_co = TypeVar("Out_co", covariant=True)
T = TypeVar("T")


class Renderer(Protocol[T_contra, Out_co]):
    """What every renderer is: a name, an extension, binary or not, and a pure render."""

    @property
    def name(self) -> str: ...

    @property
    def extension(self) -> str: ...

    @property
    def binary(self) -> bool: ...

    def render(self, data: T_contra, view: View) -> Out_co: ...


@dataclass(frozen=True)
class Output(Generic[T]):
    """A text renderer of one command in one :class:`Format`."""

    format: Format
    function: Callable[[T, View], str]

    @property
    def name(self) -> str:
        return self.format.value

    @property
    def extension(self) -> str:
        return extension(self.format)

    @property
    def binary(self) -> bool:
        return False

    def render(self, data: T, view: View) -> str:
        return self.function(data, view)


@dataclass(frozen=True)
class Outputs(Generic[T]):
    """The renderers of one command, in the order ``--help`` lists them (the first is
    the default)."""

    command: str
    renderers: tuple[Output[T], ...]

    def choices(self) -> tuple[str, ...]:
        return tuple(r.name for r in self.renderers)

    def get(self, format: Format) -> Output[T]:
        """The renderer of ``format``; a format the command has not is a ValueError (the
        CLI's ``--format`` refuses it first: ``cli.options.format_option``)."""
        for renderer in self.renderers:
            if renderer.format is format:
                return renderer
        raise ValueError(f"{self.command} has no {format.value} output")


# ------------------------------------------------------------------------- reports


@dataclass(frozen=True)
class ReportRenderer:
    """A report renderer: the whole file's bytes, in memory (a failed run writes nothing)."""

    format: ReportFormat
    function: Callable[[Report, View], bytes]

    @property
    def name(self) -> str:
        return self.format.value

    @property
    def extension(self) -> str:
        return extension(self.format)

    @property
    def binary(self) -> bool:
        """A Word or Excel file: never for a terminal."""
        return self.format in (ReportFormat.docx, ReportFormat.xlsx)

    @property
    def draws_charts(self) -> bool:
        """Whether it draws the report's charts (calls ``view.progress`` per chart)."""
        return self.format in (ReportFormat.docx, ReportFormat.html)

    def render(self, data: Report, view: View) -> bytes:
        return self.function(data, view)


def _docx(report: Report, view: View) -> bytes:
    from ipplan.report.docx import render_docx

    return render_docx(report, view.progress, view.template)


def _xlsx(report: Report, view: View) -> bytes:
    from ipplan.report.xlsx import render_xlsx

    return render_xlsx(report)


def _html(report: Report, view: View) -> bytes:
    from ipplan.report.html import render_html

    return render_html(report, view.progress)


def _markdown(report: Report, view: View) -> bytes:
    from ipplan.report.markdown import render_markdown

    return render_markdown(report)


def _json(report: Report, view: View) -> bytes:
    from ipplan.report.json import render_json

    return render_json(report)


def report_renderer(format: ReportFormat) -> ReportRenderer:
    """The renderer of one report format."""
    match format:
        case ReportFormat.docx:
            return ReportRenderer(format, _docx)
        case ReportFormat.xlsx:
            return ReportRenderer(format, _xlsx)
        case ReportFormat.html:
            return ReportRenderer(format, _html)
        case ReportFormat.markdown:
            return ReportRenderer(format, _markdown)
        case ReportFormat.json:
            return ReportRenderer(format, _json)
        case _:
            assert_never(format)


REPORTS: tuple[ReportRenderer, ...] = tuple(report_renderer(f) for f in ReportFormat)
