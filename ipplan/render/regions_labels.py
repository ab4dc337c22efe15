"""Words of `ipplan regions`: the catalog's ``regions.*`` keys (status words: present.labels)."""

from __future__ import annotations

from ipplan.core.i18n import Lang
from ipplan.core.i18n import word as catalog_word


def word(key: str, lang: Lang, **params: object) -> str:
    return catalog_word(f"regions.{key}", lang, **params)
