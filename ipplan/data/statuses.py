"""The optional ``statuses:`` block of targets.yaml: a plan's own evaluation thresholds,
words and lights (docs/methods.md, "Evaluation words and lights"; formats.md).

::

    statuses:
      scheme: lights            # words (default) | lights: what the evaluation column shows
      thresholds:               # growth ratio at or above which a word applies
        ahead: 1.05             # 快于预期
        on_course: 0.95         # 基本符合预期 (below it: 滞后)
      lights:                   # points of 序时进度 a target may fall below it and stay
        green: 10               # green (at or above 序时进度 − 10 points)
        yellow: 30              # yellow (at or above 序时进度 − 30 points); red beyond
      words: {lagging: 进度滞后}           # the Chinese word for a verdict or light
      words_en: {lagging: behind schedule}  # the English one

Nothing here imports the rest of ipplan: :mod:`ipplan.core.model` holds a :class:`Statuses`
on the plan, and :mod:`ipplan.data.plan` calls :func:`parse_statuses` with its reader.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from typing import Any, Protocol

from ipplan.core.i18n import Lang


class Scheme(StrEnum):
    """What the evaluation column shows: the national words, or red/yellow/green lights."""

    words = "words"
    lights = "lights"


# The codes a plan may give words for (verdicts of ipplan.analysis.verdicts, and the three lights).
WORD_CODES = (
    "achieved_early", "ahead", "on_course", "lagging", "achieved", "missed", "awaited",
    "unknown", "green", "yellow", "red",
)  # fmt: skip

BLOCK_KEYS = {"scheme", "thresholds", "lights", "words", "words_en"}
THRESHOLD_KEYS = {"ahead", "on_course"}
LIGHT_KEYS = {"green", "yellow"}
MAX_WORD = 20  # characters: a word sits in a table column
MAX_NUMBER = 10**6  # no threshold is larger; bigger numbers are typing errors


@dataclass(frozen=True)
class Statuses:
    """A plan's thresholds and words; the defaults are those of docs/methods.md."""

    scheme: Scheme = Scheme.words
    ahead: Decimal = Decimal("1.05")  # growth ratio at or above: 快于预期
    on_course: Decimal = Decimal("0.95")  # at or above: 基本符合预期; below: 滞后
    green: Decimal = Decimal(10)  # points below 序时进度 still green
    yellow: Decimal = Decimal(30)  # points below 序时进度 still yellow
    words: tuple[tuple[str, str], ...] = ()  # (code, word): pairs keep the plan hashable
    words_en: tuple[tuple[str, str], ...] = ()

    def word(self, code: str, lang: Lang) -> str | None:
        """The plan's own word for a code in a language, or None (use the default)."""
        own = self.words_en if lang == "en" else self.words
        return dict(own).get(code)


DEFAULT = Statuses()

Path = tuple[str | int, ...]


class Reader(Protocol):
    """What :func:`parse_statuses` needs of the plan reader: a way to report problems."""

    def add(self, code: str, path: Path, *, warning: bool = False, **params: Any) -> None: ...

    def unknown_keys(self, data: Mapping[str, Any], allowed: set[str], path: Path) -> None: ...


def _number(reader: Reader, data: Mapping[str, Any], key: str, path: Path) -> Decimal | None:
    value = data.get(key)
    if value is None:
        return None
    if (
        isinstance(value, bool)
        or not isinstance(value, (int, float))
        or not (isinstance(value, int) or math.isfinite(value))
        or abs(value) > MAX_NUMBER
    ):
        reader.add("plan.bad_type", (*path, key), key=key, expected="number")
        return None
    return Decimal(repr(value))


def _mapping(reader: Reader, data: Mapping[str, Any], key: str, path: Path) -> Mapping[str, Any]:
    value = data.get(key)
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        reader.add("plan.bad_type", (*path, key), key=key, expected="mapping")
        return {}
    return value


def _words(reader: Reader, data: Mapping[str, Any], key: str, path: Path) -> dict[str, str]:
    found: dict[str, str] = {}
    raw = _mapping(reader, data, key, path)
    where = (*path, key)
    reader.unknown_keys(raw, set(WORD_CODES), where)
    for code, word in raw.items():
        if str(code) not in WORD_CODES:
            continue
        if (
            not isinstance(word, str)
            or not word.strip()
            or len(word.strip()) > MAX_WORD
            or any(unicodedata.category(c) in ("Cc", "Cf", "Cs", "Zl", "Zp") for c in word)
        ):
            reader.add("statuses.bad_word", (*where, str(code)), key=code, limit=MAX_WORD)
            continue
        found[str(code)] = word.strip()
    return found


def parse_statuses(reader: Reader, data: Any) -> Statuses | None:
    """Read the block, reporting each problem at its line and column; None on errors."""
    path: Path = ("statuses",)
    if not isinstance(data, Mapping):
        reader.add("plan.bad_type", path, key="statuses", expected="mapping")
        return None
    before = _errors(reader)
    reader.unknown_keys(data, BLOCK_KEYS, path)
    scheme = DEFAULT.scheme
    raw_scheme = data.get("scheme")
    if raw_scheme is not None:
        if str(raw_scheme) not in {s.value for s in Scheme}:
            reader.add("plan.bad_choice", (*path, "scheme"), key="scheme", value=raw_scheme,
                       allowed=" | ".join(s.value for s in Scheme))  # fmt: skip
        else:
            scheme = Scheme(str(raw_scheme))
    limits = _mapping(reader, data, "thresholds", path)
    reader.unknown_keys(limits, THRESHOLD_KEYS, (*path, "thresholds"))
    ahead = _number(reader, limits, "ahead", (*path, "thresholds"))
    on_course = _number(reader, limits, "on_course", (*path, "thresholds"))
    ahead = DEFAULT.ahead if ahead is None else ahead
    on_course = DEFAULT.on_course if on_course is None else on_course
    if on_course <= 0:
        reader.add("statuses.not_positive", (*path, "thresholds", "on_course"), key="on_course",
                   value=on_course)  # fmt: skip
    elif ahead < on_course:
        where = "ahead" if "ahead" in limits else "on_course"
        reader.add("statuses.order", (*path, "thresholds", where), low="on_course",
                   high="ahead", low_value=on_course, high_value=ahead)  # fmt: skip
    lights = _mapping(reader, data, "lights", path)
    reader.unknown_keys(lights, LIGHT_KEYS, (*path, "lights"))
    green = _number(reader, lights, "green", (*path, "lights"))
    yellow = _number(reader, lights, "yellow", (*path, "lights"))
    green = DEFAULT.green if green is None else green
    yellow = DEFAULT.yellow if yellow is None else yellow
    for key, value in (("green", green), ("yellow", yellow)):
        if not 0 <= value <= 100:
            reader.add("statuses.points", (*path, "lights", key), key=key, value=value)
    if 0 <= green <= 100 and 0 <= yellow <= 100 and yellow < green:
        where = "yellow" if "yellow" in lights else "green"
        reader.add("statuses.order", (*path, "lights", where),
                   low="green", high="yellow", low_value=green, high_value=yellow)  # fmt: skip
    words = _words(reader, data, "words", path)
    words_en = _words(reader, data, "words_en", path)
    if _errors(reader) > before:
        return None
    return Statuses(
        scheme, ahead, on_course, green, yellow, tuple(words.items()), tuple(words_en.items())
    )


def _errors(reader: Reader) -> int:
    problems = getattr(reader, "problems", [])
    return sum(1 for p in problems if getattr(p, "severity", "error") == "error")
