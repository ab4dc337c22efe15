"""Messages in the user's language (zh by default, en on request).

Problems carry a stable code and parameters; the text lives in small catalogs,
one per area, in :mod:`ipplan.messages`. Each entry maps a language to a pair
``(what is wrong, how to fix it)``; both are ``str.format`` templates over the
problem's parameters. The line format is the one of formats.md:

    error: <file>:<line>:<column>: <what is wrong>; <how to fix it>
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from functools import cache
from typing import TYPE_CHECKING, Any, Literal

from ipplan.present.safe import safe_text

if TYPE_CHECKING:
    from ipplan.errors import Problem

Lang = Literal["zh", "en"]

# One module per area; each defines MESSAGES: {code: {"zh": (msg, hint), "en": (msg, hint)}}.
_AREAS = (
    "ipplan.messages.core",
    "ipplan.messages.parsing",
    "ipplan.messages.check",
    "ipplan.messages.store",
    "ipplan.messages.report",
    "ipplan.messages.reading",
    "ipplan.messages.verdicts",
    "ipplan.messages.regions",
    "ipplan.messages.need",
    "ipplan.messages.methods",
    "ipplan.messages.safety",
    "ipplan.messages.collect",
)

Entry = Mapping[str, tuple[str, str]]


@cache
def catalog() -> dict[str, Entry]:
    merged: dict[str, Entry] = {}
    for name in _AREAS:
        module = importlib.import_module(name)
        for code, entry in module.MESSAGES.items():
            if code in merged:
                raise RuntimeError(f"message code {code!r} defined twice ({name})")
            merged[code] = entry
    return merged


# Type names that problems carry as parameters, in Chinese.
TERMS_ZH = {
    "text": "文字",
    "mapping": "映射（键: 值）",
    "list": "列表",
    "number": "数字",
    "list of ids": "指标代码列表",
    "true | false": "true 或 false",
    "number, |x| ≤ 1e15": "绝对值不超过 1e15 的数字",
}


class _Safe(dict[str, Any]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def _printable(value: Any) -> Any:
    """Text from files reaches a terminal: control characters (ANSI escapes, bidi overrides,
    line breaks) are shown as escapes, not run, and a message stays on one line."""
    if isinstance(value, (int, float)) or value is None:
        return value
    return safe_text(str(value))  # text, and anything shown through str(): an exception


def _fill(template: str, params: Mapping[str, Any]) -> str:
    return template.format_map(_Safe({k: _printable(v) for k, v in params.items()}))


def message(code: str, lang: Lang, **params: Any) -> tuple[str, str]:
    """The (what is wrong, how to fix it) pair of a code, filled in."""
    entry = catalog().get(code)
    if entry is None:
        detail = ", ".join(f"{k}={v!r}" for k, v in params.items())
        return (f"{code} ({detail})" if detail else code, "")
    text, hint = entry.get(lang) or entry["en"]
    if lang == "zh" and params.get("expected") in TERMS_ZH:
        params = {**params, "expected": TERMS_ZH[params["expected"]]}
    return _fill(text, params), _fill(hint, params)


def where(problem: Problem) -> str:
    parts = [safe_text(problem.file)] if problem.file else []
    if problem.file and problem.line is not None:
        parts.append(str(problem.line))
        if problem.column is not None:
            parts.append(str(problem.column))
    return ":".join(parts)


def format_problem(problem: Problem, lang: Lang = "zh", *, prefix: bool = True) -> str:
    """One line: ``error: file:line:col: what; hint``."""
    text, hint = message(problem.code, lang, **problem.params)
    body = f"{text}; {hint}" if hint else text
    loc = where(problem)
    if loc:
        body = f"{loc}: {body}"
    return f"{problem.severity}: {body}" if prefix else body
