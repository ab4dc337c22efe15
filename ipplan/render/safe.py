"""Neutralising text for spreadsheets: a cell that starts with = + - @ (or tab, CR)
would run as a formula in Excel/WPS (CSV/formula injection, OWASP)."""

from __future__ import annotations

DANGEROUS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_text(value: str) -> str:
    """Prefix a dangerous cell with an apostrophe so it stays text."""
    if value.startswith(DANGEROUS):
        return "'" + value
    return value
