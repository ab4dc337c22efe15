"""A rich Console that renders into a string, shared by the terminal renderers."""

from __future__ import annotations

import io

from rich.console import Console


def string_console(width: int, color: bool) -> Console:
    """A console writing to memory: colour only when asked, never emoji or highlighting."""
    return Console(
        file=io.StringIO(),
        width=width,
        color_system="standard" if color else None,
        force_terminal=color,
        no_color=not color,
        highlight=False,
        emoji=False,
        legacy_windows=False,
    )


def text_of(console: Console) -> str:
    """What was printed, without trailing blanks on any line."""
    out = console.file.getvalue()  # type: ignore[attr-defined]
    return "\n".join(line.rstrip() for line in out.splitlines()) + "\n"
