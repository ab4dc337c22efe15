"""Every output format in one registry: the CLI's ``--format`` choices come from here.

A renderer has a name (the ``--format`` value), a file extension, whether its output is
binary, and ``render(data, view)``: a pure function from a command's result and a
:class:`View` (language, terminal width, colour …) to the text (or bytes) of the output.

- :data:`STATUS`, :data:`REGIONS`, :data:`SHOW`, :data:`CHECK`, :data:`NEED`,
  :data:`PROPOSE` and :data:`COLLECT_STATUS` list the text renderers of each command
  (:class:`Outputs`); ``cli.options.format_option`` turns one into the ``--format``
  option, its choices and its check.
- :data:`REPORTS` lists the report renderers (:class:`ReportRenderer`, bytes), one per
  :class:`ReportFormat`.

Adding a format: a member of :class:`Format` (or :class:`ReportFormat`), its extension in
:func:`extension` (mypy's ``assert_never`` points at every ``match`` to extend), and its
renderer in the command's tuple here; the CLI's choices and ``--help`` follow. The
renderers' modules are imported only when one is used, so ``--help`` stays light.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Generic, Protocol, TypeVar, assert_never

if TYPE_CHECKING:
    from ipplan.collect.status import UnitReturn
    from ipplan.errors import Problem
    from ipplan.evaluate import Evaluation, PlanEvaluation
    from ipplan.i18n import Lang
    from ipplan.model import Plan
    from ipplan.need import Need
    from ipplan.periods import Period
    from ipplan.propose import Proposals
    from ipplan.regions import Ranked
    from ipplan.report.document import Report
    from ipplan.verdicts import Mode, PlanAssessment


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


# ------------------------------------------------------------------------- status


@dataclass(frozen=True)
class StatusData:
    """What ``ipplan status`` shows: the evaluation, the evaluation mode asked for, and the
    evaluation words when the table shows them (JSON and CSV always carry them)."""

    result: PlanEvaluation
    mode: Mode | None = None
    words: PlanAssessment | None = None


def _status_table(data: StatusData, view: View) -> str:
    from ipplan.render.table import render_status

    return render_status(
        data.result, view.lang, width=view.width, color=view.color, words=data.words
    )


def _status_json(data: StatusData, view: View) -> str:
    from ipplan.present.json import render_status

    return render_status(data.result, data.mode)


def _status_csv(data: StatusData, view: View) -> str:
    from ipplan.render.csv import render_status

    return render_status(data.result, view.lang, data.mode)


def _status_markdown(data: StatusData, view: View) -> str:
    from ipplan.render.markdown import render_status

    return render_status(data.result, view.lang, data.words)


STATUS: Outputs[StatusData] = Outputs(
    "status",
    (
        Output(Format.table, _status_table),
        Output(Format.json, _status_json),
        Output(Format.csv, _status_csv),
        Output(Format.markdown, _status_markdown),
    ),
)


# ------------------------------------------------------------------------- regions


@dataclass(frozen=True)
class RegionsData:
    """Every unit's evaluation, ranked; ``indicator`` when ranked on one indicator."""

    rows: Sequence[Ranked]
    indicator: str | None = None


def _regions_table(data: RegionsData, view: View) -> str:
    from ipplan.render.regions_table import render_regions

    return render_regions(
        data.rows, view.lang, indicator=data.indicator, width=view.width, color=view.color
    )


def _regions_json(data: RegionsData, view: View) -> str:
    from ipplan.render.regions_json import render_regions

    return render_regions(data.rows, data.indicator)


def _regions_csv(data: RegionsData, view: View) -> str:
    from ipplan.render.regions_csv import render_regions

    return render_regions(data.rows, view.lang, data.indicator)


def _regions_markdown(data: RegionsData, view: View) -> str:
    from ipplan.render.regions_markdown import render_regions

    return render_regions(data.rows, view.lang, data.indicator)


REGIONS: Outputs[RegionsData] = Outputs(
    "regions",
    (
        Output(Format.table, _regions_table),
        Output(Format.json, _regions_json),
        Output(Format.csv, _regions_csv),
        Output(Format.markdown, _regions_markdown),
    ),
)


# ------------------------------------------------------------------------- show


@dataclass(frozen=True)
class ShowData:
    """One indicator's evaluation within its plan, and the projection method asked for."""

    result: PlanEvaluation
    evaluation: Evaluation
    method: str = "auto"


def _show_table(data: ShowData, view: View) -> str:
    from ipplan.render.show import render_show

    return render_show(
        data.result,
        data.evaluation,
        view.lang,
        method=data.method,
        width=view.width,
        color=view.color,
        ascii=view.ascii,
    )


def _show_json(data: ShowData, view: View) -> str:
    from ipplan.render.show_json import render_show

    return render_show(data.result, data.evaluation)


SHOW: Outputs[ShowData] = Outputs(
    "show", (Output(Format.table, _show_table), Output(Format.json, _show_json))
)


# ------------------------------------------------------------------------- check


def _check_table(findings: Sequence[Problem], view: View) -> str:
    from ipplan.render.check import render_table

    return render_table(findings, view.lang, width=view.width, color=view.color)


def _check_json(findings: Sequence[Problem], view: View) -> str:
    from ipplan.render.check import render_json

    return render_json(findings, view.lang)


CHECK: Outputs[Sequence[Problem]] = Outputs(
    "check", (Output(Format.table, _check_table), Output(Format.json, _check_json))
)


# ------------------------------------------------------------------------- need


@dataclass(frozen=True)
class NeedData:
    """What is still needed for one target, and the plan (for names and units)."""

    plan: Plan
    result: Need


def _need_table(data: NeedData, view: View) -> str:
    from ipplan.render.need import render_need_text

    units = {i.id: i.unit for i in data.plan.indicators}
    names = {i.id: i.display_name(view.lang) for i in data.plan.indicators}
    return render_need_text(data.result, view.lang, units, names, view.width)


def _need_json(data: NeedData, view: View) -> str:
    from ipplan.render.need import render_need_json

    return render_need_json(data.result)


NEED: Outputs[NeedData] = Outputs(
    "need", (Output(Format.table, _need_table), Output(Format.json, _need_json))
)


# ------------------------------------------------------------------------- propose


@dataclass(frozen=True)
class ProposeData:
    """Proposed targets; the draft targets.yaml takes the first probability."""

    plan: Plan
    result: Proposals
    probability: float


def _propose_table(data: ProposeData, view: View) -> str:
    from ipplan.render.propose import render_propose_table

    return render_propose_table(data.result, view.lang, width=view.width, color=view.color)


def _propose_json(data: ProposeData, view: View) -> str:
    from ipplan.render.propose import render_propose_json

    return render_propose_json(data.result)


def _propose_yaml(data: ProposeData, view: View) -> str:
    from ipplan.render.propose import render_draft_yaml

    return render_draft_yaml(data.plan, data.result, data.probability, view.lang)


PROPOSE: Outputs[ProposeData] = Outputs(
    "propose",
    (
        Output(Format.table, _propose_table),
        Output(Format.json, _propose_json),
        Output(Format.yaml, _propose_yaml),
    ),
)


# ------------------------------------------------------------------------- collect status


@dataclass(frozen=True)
class CollectStatusData:
    """Which unit returned which figure for one period."""

    rows: Sequence[UnitReturn]
    period: Period


def _collect_table(data: CollectStatusData, view: View) -> str:
    from ipplan.render.collect import render_status_table

    return render_status_table(data.rows, data.period, view.lang)


def _collect_json(data: CollectStatusData, view: View) -> str:
    from ipplan.render.collect import render_status_json

    return render_status_json(data.rows, data.period, view.lang)


COLLECT_STATUS: Outputs[CollectStatusData] = Outputs(
    "collect status", (Output(Format.table, _collect_table), Output(Format.json, _collect_json))
)

# Every command's outputs, for the CLI's tests.
COMMANDS: tuple[Outputs[StatusData] | Outputs[RegionsData] | Outputs[ShowData]
                | Outputs[Sequence[Problem]] | Outputs[NeedData] | Outputs[ProposeData]
                | Outputs[CollectStatusData], ...] = (
    STATUS, REGIONS, SHOW, CHECK, NEED, PROPOSE, COLLECT_STATUS,
)  # fmt: skip


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
