"""CSV records with their line numbers, and damage located to the line and column.

The standard ``csv`` module reads fast but, when it gives up, says only what (an
unexpected end of data, a character after a closing quote, a field over its size
limit), not where. :func:`read_records` reads with it (strict, so that ``"a"b`` is an
error rather than silently ``ab``) and, on the rare failure, scans the one record that
failed to name the problem and its place: the 1-based line where the field starts and
the field's 1-based column, as every other message gives them.

Codes (:class:`CsvSyntaxError`): ``csv.unclosed_quote`` (a quote never closed: a note cut
off; the rest of the file would be swallowed into one field), ``csv.after_quote`` (text
after a closing quote: ``"a"b``), ``csv.field_too_large`` (a field over
:data:`MAX_FIELD` characters), ``csv.syntax`` (anything else, with the module's reason).
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Iterator
from typing import Any

from ipplan.present.text import clip

__all__ = ["MAX_FIELD", "CsvSyntaxError", "read_raw_records", "read_records"]

MAX_FIELD = csv.field_size_limit()  # 131,072 characters: far more than any note
_NEWLINE = re.compile(r"\r\n|\r|\n")
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+")  # a line and its end (the last: none)
_FIELD_END = re.compile(r"[,\r\n]")


class CsvSyntaxError(Exception):
    """The CSV text is damaged at ``line`` (and ``column``, the field, where known)."""

    def __init__(self, code: str, line: int, column: int | None = None, **params: Any) -> None:
        super().__init__(code)
        self.code = code
        self.line = line
        self.column = column
        self.params = params


def read_records(text: str) -> Iterator[tuple[int, list[str]]]:
    """CSV rows with the 1-based line each starts on (quoted fields may span lines)."""
    return _rows(io.StringIO(text, newline=""), text)


def read_raw_records(text: str) -> Iterator[tuple[int, str, list[str]]]:
    """(first line, exact text, cells) of every record, read as :func:`read_records` reads
    them: the text lets a file be edited without disturbing the records left as they were."""
    consumed: list[str] = []

    def feed() -> Iterator[str]:
        for m in _LINE.finditer(text):
            consumed.append(m.group())
            yield m.group()

    for line, row in _rows(feed(), text):
        yield line, "".join(consumed), row
        consumed.clear()


def _rows(lines: Iterable[str], text: str) -> Iterator[tuple[int, list[str]]]:
    reader = csv.reader(lines, strict=True)
    line = 1
    try:
        for row in reader:
            yield line, row
            line = reader.line_num + 1
    except csv.Error as exc:
        raise locate(text, line, str(exc)) from None


def _line_offset(text: str, line: int) -> int:
    """Where 1-based ``line`` starts (lines end with \\r\\n, \\r or \\n, as csv counts them)."""
    pos = 0
    for _ in range(line - 1):
        m = _NEWLINE.search(text, pos)
        if m is None:
            return len(text)
        pos = m.end()
    return pos


def locate(text: str, line: int, reason: str) -> CsvSyntaxError:
    """The damage in the record starting on ``line``, scanned as the csv module reads it."""
    pos = _line_offset(text, line)
    n = len(text)
    column = 1
    while pos <= n:
        start_line = line
        if pos < n and text[pos] == '"':
            quote_line = line
            pos += 1
            size = 0
            while True:
                close = text.find('"', pos)
                if close < 0:
                    return CsvSyntaxError("csv.unclosed_quote", quote_line, column)
                size += close - pos
                line += len(_NEWLINE.findall(text, pos, close))
                pos = close + 1
                if pos < n and text[pos] == '"':  # "" is a quote inside the field
                    pos += 1
                    size += 1
                    continue
                break
            if size > MAX_FIELD:
                return CsvSyntaxError("csv.field_too_large", start_line, column, limit=MAX_FIELD)
            if pos < n and text[pos] not in ",\r\n":
                end = _FIELD_END.search(text, pos)
                after = text[pos : end.start() if end else n]
                return CsvSyntaxError("csv.after_quote", line, column, text=clip(after, 20))
        else:
            end = _FIELD_END.search(text, pos)
            stop = end.start() if end else n
            if stop - pos > MAX_FIELD:
                return CsvSyntaxError("csv.field_too_large", start_line, column, limit=MAX_FIELD)
            pos = stop
        if pos >= n or text[pos] in "\r\n":
            break  # the record ended without the scan finding what the module found
        pos += 1  # the comma
        column += 1
    return CsvSyntaxError("csv.syntax", line, None, reason=reason)
