"""The methodology appendix: docs/methods.md in a few paragraphs a reader of the report
needs; the text is the catalog's ``report.method_text.<n>`` (messages/words_report.py)."""

from __future__ import annotations

from ipplan.core.i18n import Lang, word, words

PREFIX = "report.method_text."


def method_paragraphs(lang: Lang) -> tuple[str, ...]:
    """The appendix's paragraphs, in order."""
    count = sum(1 for key in words() if key.startswith(PREFIX))
    return tuple(word(f"{PREFIX}{n}", lang) for n in range(1, count + 1))
