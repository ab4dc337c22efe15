"""Text from data, made safe for where it is shown. Every renderer goes through these.

- :func:`safe_text`: for a terminal (and any text output that may reach one): control
  characters are shown as escapes (``\\x1b``, ``\\u202e``), never sent, so a name cannot
  clear the screen, set the clipboard (OSC 52), print a link (OSC 8) or reverse a line.
- :func:`spreadsheet_text`: for a cell of a CSV or XLSX file: a cell that starts with
  = + - @ (or tab, CR, LF, NUL, or their full-width forms) would run as a formula in
  Excel/WPS (CSV/formula injection, OWASP); it gets an apostrophe.
- :func:`xml_text`: keeps what an XML file (XLSX, DOCX) cannot hold out of it.
"""

from __future__ import annotations

import re
from typing import Any

# = + - @, tab, CR, LF, NUL, and the full-width = + - @ that CJK spreadsheets also read
DANGEROUS = ("=", "+", "-", "@", "\t", "\r", "\n", "\0", "\uff1d", "\uff0b", "\uff0d", "\uff20")
# characters XML 1.0 forbids (C0 controls but tab, LF, CR; lone surrogates; U+FFFE/FFFF)
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# what a terminal must never receive raw: C0 (line feed apart, see safe_text), DEL,
# C1, the bidirectional marks, embeddings, overrides and isolates (Trojan Source), the
# line and paragraph separators, and lone surrogates (no encoding can write them)
_UNSAFE = "\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ud800-\udfff"
_UNSAFE_LINE = re.compile(f"[\t\n{_UNSAFE}]")
_UNSAFE_BLOCK = re.compile(f"[\t{_UNSAFE}]")
_UNSAFE_JSON = re.compile(f"[{_UNSAFE}]")  # json.dumps escapes C0 (tab too) itself


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def safe_text(value: str, *, multiline: bool = False) -> str:
    """The text with every control character shown as an escape: ESC → ``\\x1b``,
    U+202E → ``\\u202e``, tab → ``\\x09``. ``multiline`` keeps line feeds (a table cell,
    a document); otherwise they are escaped too, so that the text stays on one line."""
    pattern = _UNSAFE_BLOCK if multiline else _UNSAFE_LINE
    return pattern.sub(_escape, value)


def json_text(encoded: str) -> str:
    """JSON text (from ``json.dumps(..., ensure_ascii=False)``) with the characters that
    :func:`safe_text` escapes written as ``\\uXXXX``: the same JSON, the same data once
    parsed, but nothing a terminal would act on. json.dumps escapes C0 itself; DEL, C1,
    the bidirectional controls and lone surrogates it leaves raw."""
    return _UNSAFE_JSON.sub(lambda m: f"\\u{ord(m.group()):04x}", encoded)


# what YAML (allow_unicode) may write raw: the bidi controls are "printable" to it, and
# the line and paragraph separators are line breaks a block scalar may hold
_YAML_RAW = re.compile("[\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]")


def yaml_text(data: object, **options: Any) -> str:
    """``yaml.safe_dump(data, allow_unicode=True, **options)``, but a string holding a
    character that :func:`safe_text` escapes is written double-quoted with every such
    character as an escape (``"\\u202E"``): the same data once loaded, nothing raw. YAML
    escapes C0, DEL, C1 and surrogates itself; only the bidi controls and U+2028/9 need
    this."""
    import yaml

    class Dumper(yaml.SafeDumper):
        def analyze_scalar(self, scalar: str) -> Any:
            return self._escaped(super().analyze_scalar, scalar)

        def write_double_quoted(self, text: str, split: bool = True) -> None:
            self._escaped(super().write_double_quoted, text, split)

        def _escaped(self, method: Any, text: str, *args: Any) -> Any:
            if not _YAML_RAW.search(text):
                return method(text, *args)
            self.allow_unicode = False  # for this string: every non-ASCII as an escape
            try:
                return method(text, *args)
            finally:
                self.allow_unicode = True

    return str(yaml.dump(data, Dumper=Dumper, allow_unicode=True, **options))


def spreadsheet_text(value: str) -> str:
    """Prefix a dangerous text cell with an apostrophe so it stays text. Leading spaces do
    not hide a formula from every spreadsheet, so they are looked through. Numbers are not
    text: callers write them as numbers (a number cell, or ``number_text``), not through
    this, so that -5 stays the number -5."""
    if value.lstrip(" \u3000").startswith(DANGEROUS):
        return "'" + value
    return value


def spreadsheet_plain(value: str) -> str:
    """The text of a cell written by :func:`spreadsheet_text`: its apostrophe removed."""
    if value.startswith("'") and spreadsheet_text(value[1:]) != value[1:]:
        return value[1:]
    return value


def xml_text(value: str) -> str:
    """The text with every character XML cannot hold replaced by U+FFFD (�)."""
    return _NOT_XML.sub("\ufffd", value)
