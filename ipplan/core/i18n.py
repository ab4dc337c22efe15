"""Words and messages in the user's language (zh by default, en on request).

One catalog, in small modules per area in :mod:`ipplan.messages`:

- **messages** (``MESSAGES`` of the areas in ``_AREAS``): problems carry a stable code and
  parameters; each entry maps a language to a pair ``(what is wrong, how to fix it)``; both
  are ``str.format`` templates over the problem's parameters. The line format is the one
  of formats.md::

      error: <file>:<line>:<column>: <what is wrong>; <how to fix it>

- **words** (``WORDS`` of the ``messages/words_*.py`` areas in ``_WORD_AREAS``): labels,
  status words, column heads and sentence templates, looked up with :func:`word` by a
  dotted key (``status.on_track``, ``report.title``). One term per concept in each
  language: docs/glossary.md lists them for translators.

``Lang`` is the language, passed from the CLI all the way down to :func:`word`. A problem
is raised before its language is known: names it lists are a :class:`Listing`, joined in
the language of the message (、 in Chinese, ", " in English).
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from typing import TYPE_CHECKING, Any

from ipplan.present.safe import safe_text
from ipplan.present.text import first

if TYPE_CHECKING:
    from ipplan.core.errors import Problem


class Lang(StrEnum):
    """The output language; its value is the catalog's language key."""

    ZH = "zh"
    EN = "en"


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
    "ipplan.messages.safety",
    "ipplan.messages.collect",
)

# One module per area of words; each defines WORDS: {key: {"zh": template, "en": template}}.
_WORD_AREAS = (
    "ipplan.messages.words_status",
    "ipplan.messages.words_show",
    "ipplan.messages.words_report",
    "ipplan.messages.words_regions",
    "ipplan.messages.words_verdicts",
    "ipplan.messages.words_cli",
    "ipplan.messages.words_need",
    "ipplan.messages.words_collect",
    "ipplan.messages.methods",
)

Entry = Mapping[str, tuple[str, str]]
WordEntry = Mapping[str, str]


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


@cache
def words() -> dict[str, WordEntry]:
    """Every word and sentence template, by key (a key defined twice is a bug)."""
    merged: dict[str, WordEntry] = {}
    for name in _WORD_AREAS:
        module = importlib.import_module(name)
        for key, entry in module.WORDS.items():
            if key in merged or key in catalog():
                raise RuntimeError(f"word key {key!r} defined twice ({name})")
            merged[key] = entry
    return merged


def word(key: str, lang: Lang, **params: object) -> str:
    """The word or sentence of ``key`` in ``lang``, its ``{placeholders}`` filled in."""
    template = words()[key][lang]
    return template.format(**params) if params else template


def word_pair(key: str) -> dict[Lang, str]:
    """A word in both languages (for a table that is built once, at import)."""
    return {lang: word(key, lang) for lang in Lang}


@dataclass(frozen=True)
class Listing:
    """Names a problem lists (units, sheets, close matches), joined when the message is
    shown: ``甲、乙`` in Chinese, ``甲, 乙`` in English; at most ``most`` of them, then "…";
    ``empty`` when there is none. A name may differ by language (``{"zh": …, "en": …}``)."""

    names: tuple[str | Mapping[str, str], ...]
    most: int | None = None
    empty: str = "—"

    @classmethod
    def of(
        cls, names: Iterable[str | Mapping[str, str]], most: int | None = None, empty: str = "—"
    ) -> Listing:
        return cls(tuple(names), most, empty)

    def text(self, lang: Lang) -> str:
        if not self.names:
            return self.empty
        shown = [n if isinstance(n, str) else n[lang] for n in self.names]
        return first(shown, sep=word("punct.enum", lang), most=self.most or len(shown))


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
    params = {k: v.text(lang) if isinstance(v, Listing) else v for k, v in params.items()}
    if lang == Lang.ZH and params.get("expected") in TERMS_ZH:
        params = {**params, "expected": TERMS_ZH[params["expected"]]}
    return _fill(text, params), _fill(hint, params)


def where(problem: Problem) -> str:
    parts = [safe_text(problem.file)] if problem.file else []
    if problem.file and problem.line is not None:
        parts.append(str(problem.line))
        if problem.column is not None:
            parts.append(str(problem.column))
    return ":".join(parts)


def format_problem(problem: Problem, lang: Lang = Lang.ZH, *, prefix: bool = True) -> str:
    """One line: ``error: file:line:col: what; hint``."""
    text, hint = message(problem.code, lang, **problem.params)
    body = f"{text}; {hint}" if hint else text
    loc = where(problem)
    if loc:
        body = f"{loc}: {body}"
    return f"{problem.severity}: {body}" if prefix else body
