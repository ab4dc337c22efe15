"""The output of `ipplan check`: a terminal listing and JSON, one pure function each.

JSON (formats.md)::

    {"findings": [{"severity", "code", "file", "line", "column", "message", "hint"}, ...]}

The listing groups the findings by file: under each file name, one head line per finding
(line:column, severity, code) with its message and hint indented under it, wrapped to the
width; then a count.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from ipplan.core.errors import Problem
from ipplan.core.i18n import Lang, message, word
from ipplan.present.json import dumps
from ipplan.render.console import string_console, text_of

_STYLE = {"error": "bold red", "warning": "yellow"}


def _lang(lang: Lang) -> Lang:
    return Lang.EN if lang == Lang.EN else Lang.ZH  # zh for anything but en


def finding_dict(problem: Problem, lang: Lang) -> dict[str, Any]:
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


def render_json(findings: Sequence[Problem], lang: Lang) -> str:
    return dumps({"findings": [finding_dict(p, lang) for p in findings]})


def summary(findings: Sequence[Problem], lang: Lang) -> str:
    errors = sum(1 for p in findings if p.severity == "error")
    warnings = len(findings) - errors
    if not findings:
        return word("check.none", _lang(lang))
    lang = _lang(lang)
    errors_word = word("check.error_one" if errors == 1 else "check.error_many", lang)
    warnings_word = word("check.warning_one" if warnings == 1 else "check.warning_many", lang)
    return word("check.count", lang, errors=errors, warnings=warnings,
                errors_word=errors_word, warnings_word=warnings_word)  # fmt: skip


def render_table(
    findings: Sequence[Problem], lang: Lang, *, width: int = 80, color: bool = False
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
        head.append(
            word(f"severity.{problem.severity}", _lang(lang)), style=_STYLE[problem.severity]
        )
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
