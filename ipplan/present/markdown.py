"""Markdown (GitHub) tables with text from data escaped, for the CLI's and the reports'
Markdown: nothing in a cell can break the table, format text or run as HTML."""

from __future__ import annotations

from ipplan.present.safe import safe_text


def cell(text: str) -> str:
    """Escape what Markdown or HTML would read as structure, and control characters."""
    text = safe_text(text)
    for a, b in (
        ("\\", "\\\\"),
        ("|", "\\|"),
        ("<", "&lt;"),
        (">", "&gt;"),
        ("\n", " "),
        ("\r", " "),
    ):
        text = text.replace(a, b)
    for ch in "*_`[]":
        text = text.replace(ch, "\\" + ch)
    return text


def table(head: list[str], rows: list[list[str]], align: str) -> str:
    """A GitHub table; ``align`` has one letter per column, l or r."""
    lines = ["| " + " | ".join(cell(h) for h in head) + " |"]
    lines.append("|" + "|".join(":---" if a == "l" else "---:" for a in align) + "|")
    lines.extend("| " + " | ".join(cell(c) for c in r) + " |" for r in rows)
    return "\n".join(lines) + "\n"
