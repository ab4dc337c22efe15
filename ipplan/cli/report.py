"""`ipplan report`: the progress report as a Word, Excel, HTML, Markdown or JSON file."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ipplan.cli import options
from ipplan.core.i18n import Lang, word
from ipplan.render.registry import REPORTS, ReportFormat, report_renderer

if TYPE_CHECKING:
    from ipplan.report import Report


def report(
    format: Annotated[
        ReportFormat,
        options.format_option(
            tuple(r.name for r in REPORTS), ReportFormat, help="报告格式 report format"
        ),
    ],
    output: Annotated[
        str | None,
        typer.Option(
            "--output",
            "-o",
            metavar="PATH",
            help="输出文件（- 为标准输出） output file (- for stdout); "
            "default <plan id>-report-<as-of>.<ext> in the current folder",
        ),
    ] = None,
    plan: options.PlanOpt = None,
    as_of: options.AsOfOpt = None,
    region: options.RegionOpt = None,
    lang: options.LangOpt = options.Lang.ZH,
    issuer: Annotated[
        str | None,
        typer.Option(
            "--issuer",
            metavar="TEXT",
            help="落款单位 issuing unit for the signature; default the plan's issuer",
        ),
    ] = None,
    sign_date: Annotated[
        str | None,
        typer.Option(
            "--date",
            metavar="DATE",
            help="落款日期 date of the signature (YYYY-MM-DD); default today",
        ),
    ] = None,
    compare_as_of: Annotated[
        str | None,
        typer.Option(
            "--compare-as-of",
            metavar="DATE",
            help="与上期（该日）比较 compare with the previous report as of DATE",
        ),
    ] = None,
    template: Annotated[
        str | None,
        typer.Option(
            "--template",
            metavar="FILE.docx",
            help="按本单位 Word 模板生成 fill the office's own Word template (docx only)",
        ),
    ] = None,
) -> None:
    """生成进展情况报告 Write a progress report: Word, Excel, HTML, Markdown or JSON."""
    from ipplan.analysis.evaluate import evaluate_plan
    from ipplan.core.errors import UsageError
    from ipplan.report import build_report, default_filename
    from ipplan.report.output import STDOUT_NAMES, write_output
    from ipplan.report.quality import quality_problems

    renderer = report_renderer(format)
    day = options.parse_day(as_of)
    signed = options.parse_day(sign_date)
    previous_day = options.parse_day(compare_as_of) if compare_as_of is not None else None
    if previous_day is not None and previous_day >= day:
        raise UsageError(
            "report.compare_not_before", previous=previous_day.isoformat(), as_of=day.isoformat()
        )
    if issuer is not None and not issuer.strip():
        raise UsageError("report.empty_issuer")
    template_bytes = _template(template, format)
    to_stdout = output in STDOUT_NAMES  # -, /dev/stdout: standard output itself
    if to_stdout and renderer.binary and sys.stdout.isatty():
        raise UsageError("report.binary_stdout", format=renderer.name)
    the_plan, observations = options.load(plan)
    options.check_region(the_plan, observations, region)
    if not to_stdout:
        path = (
            Path(output)
            if output
            else Path(default_filename(the_plan.meta.id, day, renderer.extension))
        )
        if path.is_dir():
            raise UsageError("report.output_is_dir", path=str(path))
        if not path.parent.is_dir():
            raise UsageError("report.no_folder", path=str(path.parent))
    result = evaluate_plan(the_plan, observations, day, region)
    previous = (
        evaluate_plan(the_plan, observations, previous_day, region)
        if previous_day is not None
        else None
    )
    document = build_report(
        result,
        lang,
        quality_problems(the_plan),
        issuer=issuer.strip() if issuer else None,
        day=signed,
        previous=previous,
        observations=observations,
    )
    _warn_fonts(document, format, lang)
    data = _render(document, format, lang, template_bytes)
    if to_stdout:
        write_output("-", data)
        return
    write_output(path, data)
    print(word("report.written", lang, path=path), file=sys.stderr)


def _template(path: str | None, kind: ReportFormat) -> bytes | None:
    """The bytes of --template, checked to be a Word document python-docx can open."""
    if path is None:
        return None
    from ipplan.core.errors import UsageError

    if kind != ReportFormat.docx:
        raise UsageError("report.template_docx_only", format=kind.value)
    file = Path(path)
    if not file.is_file():
        raise UsageError("report.template_missing", path=path)
    try:
        data = file.read_bytes()
    except OSError as exc:
        raise UsageError("report.template_unreadable", path=path, reason=exc.strerror) from None
    import io

    from docx import Document

    try:
        Document(io.BytesIO(data))
    except Exception:  # python-docx raises zip, XML, key and package errors alike
        raise UsageError("report.template_bad", path=path) from None
    return data


def _render(
    document: Report, kind: ReportFormat, lang: Lang, template: bytes | None = None
) -> bytes:
    """Render, with a progress bar on stderr when it is a terminal and there are charts."""
    from ipplan.report import chart_count, render

    total = chart_count(document, kind)
    if not total or not sys.stderr.isatty():
        return render(document, kind, None, template)
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    console = Console(stderr=True)
    columns = (TextColumn(word("report.drawing", lang)), BarColumn(), MofNCompleteColumn())
    with Progress(*columns, console=console, transient=True) as bar:
        task = bar.add_task(word("report.drawing", lang), total=total)
        return render(document, kind, lambda _key: bar.advance(task), template)


def _warn_fonts(document: Report, kind: ReportFormat, lang: Lang) -> None:
    """PNG charts (DOCX) fall back to English labels without a CJK font: say so."""
    if kind != ReportFormat.docx or not document.charts():
        return
    from ipplan.core.errors import Problem
    from ipplan.core.i18n import format_problem
    from ipplan.report.chart import cjk_font
    from ipplan.report.chartdata import is_ascii

    if cjk_font() is not None:
        return
    if all(is_ascii(v) for c in document.charts() for v in c.labels.values()):
        return
    warning = Problem("report.no_cjk_font", severity="warning")
    print(format_problem(warning, lang), file=sys.stderr)
