"""Progress reports (issue 5): one document model, one renderer per format.

``build_report`` turns a :class:`~ipplan.evaluate.PlanEvaluation` into a
:class:`~ipplan.report.document.Report`; ``render`` turns that into the bytes of a
DOCX, XLSX, HTML, Markdown or JSON file, in memory, so a failed run writes nothing;
``write_atomic`` then puts the bytes in place in one step. Nothing here imports typer
or rich; matplotlib, python-docx and openpyxl are imported only by the renderer that
needs them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal

from ipplan.report.build import build_report
from ipplan.report.document import Report
from ipplan.report.output import default_filename, write_atomic

Format = Literal["docx", "xlsx", "html", "markdown", "json"]
FORMATS: tuple[Format, ...] = ("docx", "xlsx", "html", "markdown", "json")
EXTENSIONS: dict[str, str] = {
    "docx": "docx",
    "xlsx": "xlsx",
    "html": "html",
    "markdown": "md",
    "json": "json",
}


def render(
    report: Report,
    format: str,
    progress: Callable[[str], None] | None = None,
    template: bytes | None = None,
) -> bytes:
    """The report in one format, as the bytes of the file; ``progress`` is called per chart;
    ``template`` is an office's own .docx to fill (DOCX only)."""
    if format == "docx":
        from ipplan.report.docx import render_docx

        return render_docx(report, progress, template)
    if format == "xlsx":
        from ipplan.report.xlsx import render_xlsx

        return render_xlsx(report)
    if format == "html":
        from ipplan.report.html import render_html

        return render_html(report, progress)
    if format == "markdown":
        from ipplan.report.markdown import render_markdown

        return render_markdown(report)
    if format == "json":
        from ipplan.report.json import render_json

        return render_json(report)
    raise ValueError(f"unknown report format {format!r}")


def chart_count(report: Report, format: str) -> int:
    """How many charts ``render`` draws for this format (for a progress bar)."""
    return len(report.charts()) if format in ("docx", "html") else 0


__all__ = [
    "EXTENSIONS",
    "FORMATS",
    "Report",
    "build_report",
    "chart_count",
    "default_filename",
    "render",
    "write_atomic",
]
