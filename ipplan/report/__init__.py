"""Progress reports (issue 5): one document model, one renderer per format.

``build_report`` turns a :class:`~ipplan.analysis.evaluate.PlanEvaluation` into a
:class:`~ipplan.report.document.Report`; ``render`` turns that into the bytes of a
DOCX, XLSX, HTML, Markdown or JSON file, in memory, so a failed run writes nothing;
``write_output`` then puts the bytes in place (a file: atomically, by
:func:`ipplan.data.atomic.write_atomic`). The formats and their renderers are in the one
registry of outputs (:mod:`ipplan.render.registry`, ``REPORTS``). Nothing here imports
typer or rich; matplotlib, python-docx and openpyxl are imported only by the renderer
that needs them.
"""

from __future__ import annotations

from collections.abc import Callable

from ipplan.render.registry import ReportFormat, View, report_renderer
from ipplan.report.build import build_report
from ipplan.report.document import Report
from ipplan.report.output import default_filename, write_output


def render(
    report: Report,
    format: ReportFormat | str,
    progress: Callable[[str], None] | None = None,
    template: bytes | None = None,
) -> bytes:
    """The report in one format, as the bytes of the file; ``progress`` is called per chart;
    ``template`` is an office's own .docx to fill (DOCX only)."""
    # the words themselves are in the Report
    view = View(report.lang, progress=progress, template=template)
    return report_renderer(ReportFormat(format)).render(report, view)


def chart_count(report: Report, format: ReportFormat | str) -> int:
    """How many charts ``render`` draws for this format (for a progress bar)."""
    return len(report.charts()) if report_renderer(ReportFormat(format)).draws_charts else 0


__all__ = [
    "Report",
    "ReportFormat",
    "build_report",
    "chart_count",
    "default_filename",
    "render",
    "write_output",
]
