"""The output of `ipplan check`: a terminal listing and JSON, one pure function each.

JSON (formats.md)::

    {"findings": [{"severity", "code", "file", "line", "column", "message", "hint"}, ...]}

The listing groups the findings by file: under each file name, one head line per finding
(line:column, severity, code) with its message and hint indented under it, wrapped to the
width; then a count.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Literal

from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from ipplan.errors import Problem
from ipplan.i18n import message
from ipplan.present.json import dumps
from ipplan.render.console import string_console, text_of

SEVERITY = {
    "error": {"zh": "错误", "en": "error"},
    "warning": {"zh": "警告", "en": "warning"},
}  # keyed by severity, then by lang ("zh" for anything but "en")
_STYLE = {"error": "bold red", "warning": "yellow"}


def _lang(lang: str) -> Literal["zh", "en"]:
    return "en" if lang == "en" else "zh"


def finding_dict(problem: Problem, lang: str) -> dict[str, Any]:
    text, hint = message(problem.code, _lang(lang), **problem.params)
    return {
        "severity": problem.severity,
        "code": problem.code,
        "file": problem.file,
        "line": problem.line,
        "column": problem.column,
        "message": text,
        "hint": hint,
    }


def render_json(findings: Sequence[Problem], lang: str) -> str:
    return dumps({"findings": [finding_dict(p, lang) for p in findings]})


def summary(findings: Sequence[Problem], lang: str) -> str:
    errors = sum(1 for p in findings if p.severity == "error")
    warnings = len(findings) - errors
    if lang == "en":
        if not findings:
            return "No problems found."
        return f"{errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)}."
    if not findings:
        return "检查完毕，未发现问题。"
    return f"共 {errors} 个错误、{warnings} 个警告。"


def render_table(
    findings: Sequence[Problem], lang: str, *, width: int = 80, color: bool = False
) -> str:
    console = string_console(width, color)
    current: str | None = None
    for problem in findings:
        item = finding_dict(problem, lang)
        file = problem.file or "-"
        if file != current:
            if current is not None:
                console.print()
            console.print(file, style="bold", overflow="fold")  # a str: escaped whole
            current = file
        place = f"{problem.line}:{problem.column}" if problem.column else f"{problem.line or '-'}"
        head = Text(f"{place}  ")
        head.append(SEVERITY[problem.severity][_lang(lang)], style=_STYLE[problem.severity])
        head.append(f"  [{problem.code}]", style="dim")
        console.print(Padding(head, (0, 0, 0, 2)))
        body = Table.grid(padding=0)
        body.add_column(no_wrap=True, width=2)
        body.add_column(overflow="fold")
        body.add_row("", item["message"])
        if item["hint"]:
            body.add_row("→", item["hint"])
        console.print(Padding(body, (0, 0, 0, 2)))
    if findings:
        console.print()
    console.print(Text(summary(findings, lang), style="bold"))
    return text_of(console)
