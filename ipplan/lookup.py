"""Finding an indicator by what people type: its id, its Chinese name, or its English name.

Names are compared after NFKC (full-width letters and brackets), without spaces and
case, and a trailing unit in brackets is tolerated (``有效注册商标量（件）``). An unknown
name gets the closest ids and names as a suggestion (difflib, which works on Chinese
characters as well as on ids).
"""

from __future__ import annotations

import difflib
import re
import unicodedata

from ipplan.errors import Problem
from ipplan.model import Indicator, Plan

_TRAILING_UNIT = re.compile(r"\s*\([^()]*\)$")


def normalise(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text)).lower()


def _names(ind: Indicator) -> list[str]:
    names = [ind.id, normalise(ind.name)]
    if ind.name_en:
        names.append(normalise(ind.name_en))
    return names


def find_indicator(plan: Plan, text: str) -> Indicator | None:
    """The indicator ``text`` names, or None."""
    key = normalise(text)
    if not key:
        return None
    for candidate in (key, _TRAILING_UNIT.sub("", key)):
        for ind in plan.indicators:
            if candidate in _names(ind):
                return ind
    return None


def suggest(plan: Plan, text: str, n: int = 3) -> list[Indicator]:
    """The indicators whose id or name is closest to ``text``."""
    key = _TRAILING_UNIT.sub("", normalise(text))
    if not key:
        return []
    by_name: dict[str, Indicator] = {}
    for ind in plan.indicators:
        for name in _names(ind):
            by_name.setdefault(name, ind)
    found: list[Indicator] = []
    contains = [ind for name, ind in by_name.items() if len(key) >= 2 and key in name]
    close = difflib.get_close_matches(key, list(by_name), n=n * 2, cutoff=0.5)
    for ind in [*contains, *(by_name[name] for name in close)]:
        if ind not in found:
            found.append(ind)
    return found[:n]


def unknown_indicator(
    plan: Plan,
    text: str,
    file: str | None = None,
    line: int | None = None,
    column: int | None = None,
) -> Problem:
    """The problem to report for an unknown indicator, with the closest ids as a hint."""
    close = suggest(plan, text)
    if not close:
        return Problem("store.unknown_indicator", {"value": text}, file, line, column)
    suggestion = "、".join(f"{ind.id}（{ind.name}）" for ind in close)
    params = {"value": text, "suggestion": suggestion}
    return Problem("store.unknown_indicator_close", params, file, line, column)
