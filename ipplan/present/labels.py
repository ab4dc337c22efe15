"""Status words, column heads and notes from the catalog (ipplan/messages/words_status.py),
and the style of each status."""

from __future__ import annotations

from collections.abc import Mapping

from ipplan.core.i18n import Lang, word, words

# rich styles per status (ignored where colour is off)
STYLE: Mapping[str, str] = {
    "achieved": "bold green",
    "on_track": "green",
    "behind": "yellow",
    "off_track": "red",
    "moving_away": "bold red",
    "missed": "bold red",
    "insufficient_data": "dim",
    "monitoring": "cyan",
}

# Prefixes of the catalog's keys (ipplan/messages/words_status.py), for label():
TARGET_TYPE = "target_type"
HEAD = "head"
NOTES = "note"
MISSING_WHY = "missing_why"
TEXT = "line"
VERDICT_TEXT = "verdict_text"  # the plan-level count (words_verdicts.py)
PUNCT = "punct"  # punctuation that differs by language


def status_word(status: str, lang: Lang) -> str:
    return word(f"status.{status}", lang)


def label(area: str, key: str, lang: Lang, **params: object) -> str:
    """The word ``area.key`` of the catalog: ``label(HEAD, "status", lang)``."""
    return word(f"{area}.{key}", lang, **params)


def has_label(area: str, key: str) -> bool:
    """Whether the catalog has the word ``area.key`` (a note with words, a status count)."""
    return f"{area}.{key}" in words()


def one_line(head: str) -> str:
    """A two-line heading on one line: "Progress\n/time" → "Progress/time",
    "Growth\nneed/act" → "Growth need/act" (never "Growthneed/act")."""
    return "".join(
        part if i == 0 or part.startswith("/") else " " + part
        for i, part in enumerate(head.split("\n"))
    )
