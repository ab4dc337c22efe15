"""Finding an indicator by what people type: its id, its Chinese name, or its English name.

This is the one lookup every command uses (show, record, import, need, regions
--indicator, the by-region targets file). Names are compared after NFKC (full-width
letters and brackets: ``ｔｒａｄｅｍａｒｋｓ_valid``), without spaces and case, and a
trailing unit in brackets is tolerated (``有效注册商标量（件）``). An unknown name gets
the closest ids and names as a suggestion (difflib, which works on Chinese characters as
well as on ids).
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable

from ipplan.core.errors import Problem, UsageError
from ipplan.core.i18n import Lang, Listing, word
from ipplan.core.model import Indicator, Plan

_TRAILING_UNIT = re.compile(r"\s*\([^()]*\)$")


def normalise(text: str) -> str:
    """``text`` as names are compared: NFKC, no white space, lower case."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text)).lower()


def _names(ind: Indicator) -> list[str]:
    names = [normalise(ind.id), normalise(ind.name)]
    if ind.name_en:
        names.append(normalise(ind.name_en))
    return names


def _indicators(where: Plan | Iterable[Indicator]) -> tuple[Indicator, ...]:
    return where.indicators if isinstance(where, Plan) else tuple(where)


def find_indicator(where: Plan | Iterable[Indicator], text: str) -> Indicator | None:
    """The indicator ``text`` names (in a plan or among ``indicators``), or None."""
    key = normalise(text)
    if not key:
        return None
    indicators = _indicators(where)
    for candidate in (key, _TRAILING_UNIT.sub("", key)):
        for ind in indicators:
            if candidate in _names(ind):
                return ind
    return None


def suggest(where: Plan | Iterable[Indicator], text: str, n: int = 3) -> list[Indicator]:
    """The indicators whose id or name is closest to ``text``: those whose name contains
    it first, then by similarity."""
    key = _TRAILING_UNIT.sub("", normalise(text))
    if not key:
        return []
    by_name: dict[str, Indicator] = {}
    for ind in _indicators(where):
        for name in _names(ind):
            by_name.setdefault(name, ind)
    found: list[Indicator] = []
    contains = [ind for name, ind in by_name.items() if len(key) >= 2 and key in name]
    close = difflib.get_close_matches(key, list(by_name), n=n * 2, cutoff=0.5)
    for ind in [*contains, *(by_name[name] for name in close)]:
        if ind not in found:
            found.append(ind)
    return found[:n]


def suggestions(close: Iterable[Indicator], empty: str = "—") -> Listing:
    """The close indicators for a message, in its language when it is shown:
    ``id（名称）、id（名称）`` in Chinese, ``id (name), id (name)`` in English."""
    return Listing.of(
        (
            {
                lang: word("line.id_name", lang, id=ind.id, name=ind.display_name(lang))
                for lang in Lang
            }
            for ind in close
        ),
        empty=empty,
    )


def unknown_indicator(
    where: Plan | Iterable[Indicator],
    text: str,
    file: str | None = None,
    line: int | None = None,
    column: int | None = None,
) -> Problem:
    """The problem to report for an unknown indicator, with the closest ids as a hint."""
    close = suggest(where, text)
    if not close:
        return Problem("store.unknown_indicator", {"value": text}, file, line, column)
    params = {"value": text, "suggestion": suggestions(close)}
    return Problem("store.unknown_indicator_close", params, file, line, column)


def require_indicator(plan: Plan, text: str, lang: Lang = Lang.ZH) -> Indicator:
    """The indicator ``text`` names, or a UsageError naming the closest ones (exit 2):
    what every command that takes an indicator on its command line calls. The closest are
    worded when the error is shown, in its language: ``lang`` is no longer used (callers
    still pass it; to be dropped with them)."""
    ind = find_indicator(plan, text)
    if ind is None:
        raise UsageError(problems=[unknown_indicator(plan, text)])
    return ind
