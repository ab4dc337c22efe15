"""A rich Console that renders into a string, shared by the terminal renderers.

It is the one place where text reaches a terminal through rich: markup is never parsed
(a name ``A[red]B[/red]`` prints as it is written, ``[/bad]`` cannot fail), and every
string and :class:`~rich.text.Text` goes through :func:`~ipplan.present.safe.safe_text`
before it is laid out, so no control character from data is ever sent. (A Text made
from data has already lost BEL, BS, VT, FF and CR, which rich's Text drops: a str keeps
them, as visible escapes.)
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from typing import Any

from rich.console import Console, ConsoleOptions, RenderableType
from rich.segment import Segment
from rich.text import Text

from ipplan.present.safe import safe_text
from ipplan.present.text import wrap


class _SafeConsole(Console):
    def render_str(self, text: str, **kwargs: Any) -> Text:
        return super().render_str(safe_text(text, multiline=True), **kwargs)

    def render(
        self, renderable: RenderableType, options: ConsoleOptions | None = None
    ) -> Iterable[Segment]:
        if isinstance(renderable, Text):
            renderable = safe_rich_text(renderable)
        return super().render(renderable, options)


def safe_rich_text(text: Text) -> Text:
    """``text`` with :func:`safe_text` applied to its characters, its styles kept."""
    plain = text.plain
    if safe_text(plain, multiline=True) == plain:
        return text
    cuts = sorted({i for span in text.spans for i in (span.start, span.end)} - {0, len(plain)})
    out = text.blank_copy()
    for piece in text.divide(cuts):
        start = len(out)
        out.append(safe_text(piece.plain, multiline=True))
        for span in piece.spans:  # each covers the whole piece: the cuts are its edges
            out.stylize(span.style, start, len(out))
    return out


def string_console(width: int, color: bool) -> Console:
    """A console writing to memory: colour only when asked, never markup, emoji or
    highlighting."""
    return _SafeConsole(
        file=io.StringIO(),
        width=width,
        color_system="standard" if color else None,
        force_terminal=color,
        no_color=not color,
        markup=False,
        highlight=False,
        emoji=False,
        legacy_windows=False,
    )


def text_of(console: Console) -> str:
    """What was printed, without trailing blanks on any line."""
    out = console.file.getvalue()  # type: ignore[attr-defined]
    return "\n".join(line.rstrip() for line in out.splitlines()) + "\n"


def print_wrapped(
    console: Console, text: str | Text, hang: int = 0, style: str = "", after: str | None = None
) -> None:
    """Print ``text`` in lines of the console's width, broken as Chinese text is (never
    before 。，、） nor after （: :func:`ipplan.present.text.wrap`; with ``after``, only
    after that separator), the lines after the first of each paragraph indented by
    ``hang`` spaces."""
    if isinstance(text, str):  # escaped before rich's Text, which drops BEL, BS, VT, FF, CR
        text = Text(safe_text(text, multiline=True), style=style)
    whole = safe_rich_text(text)
    for paragraph in whole.split("\n", allow_blank=True):
        for k, (start, end) in enumerate(wrap(paragraph.plain, console.width, hang, after)):
            line = paragraph[start:end]
            console.print(Text(" " * hang) + line if k else line, no_wrap=True,
                          overflow="ignore", crop=False)  # fmt: skip
