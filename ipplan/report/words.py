"""The fixed words of a report: the catalog's ``report.*`` keys
(ipplan/messages/words_report.py)."""

from __future__ import annotations

from ipplan.core.i18n import Lang
from ipplan.core.i18n import word as catalog_word
from ipplan.core.i18n import words as catalog_words

AREA = "report."


def word(key: str, lang: Lang, **params: object) -> str:
    return catalog_word(AREA + key, lang, **params)


def words(lang: Lang) -> dict[str, str]:
    """Every report word without parameters, for renderers (sheet names and the like)."""
    return {
        k.removeprefix(AREA): v[lang]
        for k, v in catalog_words().items()
        if k.startswith(AREA) and "{" not in v["en"]
    }
