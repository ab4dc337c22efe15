"""Neutralising text for spreadsheets: a cell that starts with = + - @ (or tab, CR)
would run as a formula in Excel/WPS (CSV/formula injection, OWASP). And keeping text
that an XML file (XLSX, DOCX) cannot hold out of it."""

from __future__ import annotations

import re

DANGEROUS = ("=", "+", "-", "@", "\t", "\r")
# characters XML 1.0 forbids (C0 controls but tab, LF, CR; lone surrogates; U+FFFE/FFFF)
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def spreadsheet_text(value: str) -> str:
    """Prefix a dangerous cell with an apostrophe so it stays text."""
    if value.startswith(DANGEROUS):
        return "'" + value
    return value


def xml_text(value: str) -> str:
    """The text with every character XML cannot hold replaced by U+FFFD (�)."""
    return _NOT_XML.sub("\ufffd", value)
