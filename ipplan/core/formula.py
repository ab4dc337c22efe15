"""The formulas of derived indicators, parsed by hand and never evaluated by Python.

Grammar (recursive descent)::

    expr   := term (('+' | '-') term)*
    term   := factor (('*' | '/') factor)*
    factor := ('+' | '-') factor | NUMBER | ID | '(' expr ')'
    ID     := [a-z][a-z0-9_]*
    NUMBER := [0-9]+ ('.' [0-9]+)? ([eE] [+-]? [0-9]+)?

Aliases: ``−`` (U+2212) and ``－`` for ``-``, ``×`` and ``＊`` for ``*``, ``÷`` and ``／`` for
``/``, ``＋`` for ``+``, ``（ ）`` for ``( )``. Whitespace may separate any two tokens.

The parser compiles a formula to a postfix program that :meth:`Formula.evaluate` runs on
a stack, so evaluation never recurses. Parentheses may nest 100 deep; a formula may be
1000 characters long. Errors are :class:`~ipplan.core.errors.FormulaError` with the 1-based
``column`` in the formula text (also given as the ``pos`` parameter, so the message keeps
it when the caller relocates the error to a line of targets.yaml), ``value`` (the
formula) and, where a token is at fault, ``token``.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from functools import lru_cache
from typing import Any, NamedTuple

from ipplan.core.errors import FormulaError
from ipplan.present.text import clip

__all__ = ["MAX_DEPTH", "MAX_LENGTH", "Formula", "parse_formula"]

MAX_LENGTH = 1000
MAX_DEPTH = 100

_ALIASES = {
    "−": "-",
    "－": "-",
    "＋": "+",
    "×": "*",
    "＊": "*",
    "÷": "/",
    "／": "/",
    "（": "(",
    "）": ")",
}
_OPERATORS = frozenset("+-*/")
_LOWER = frozenset("abcdefghijklmnopqrstuvwxyz")
_UPPER = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
_DIGITS = frozenset("0123456789")
_WORD = _LOWER | _UPPER | _DIGITS | {"_"}


class _Token(NamedTuple):
    kind: str  # "num", "id", "op", "(", ")", "end"
    value: str  # normalised: the operator, the id, the number as written
    text: str  # as written
    column: int  # 1-based


class _Op(NamedTuple):
    kind: str  # "num", "id", "neg", "+", "-", "*", "/"
    number: float = 0.0
    name: str = ""


class _Compiled(NamedTuple):
    ids: tuple[str, ...]
    program: tuple[_Op, ...]


def _shown(text: str) -> str:
    return clip(text, 80)


def _error(code: str, text: str, column: int, **params: Any) -> FormulaError:
    return FormulaError(code, column=column, value=_shown(text), pos=column, **params)


# ------------------------------------------------------------------------- tokenizer


def _scan_number(text: str, i: int) -> int:
    """The end of the number starting at ``text[i]`` (a digit)."""
    n = len(text)
    while i < n and text[i] in _DIGITS:
        i += 1
    if i + 1 < n and text[i] == "." and text[i + 1] in _DIGITS:
        i += 1
        while i < n and text[i] in _DIGITS:
            i += 1
    if i < n and text[i] in "eE":
        j = i + 1
        if j < n and text[j] in "+-":
            j += 1
        if j < n and text[j] in _DIGITS:
            i = j
            while i < n and text[i] in _DIGITS:
                i += 1
    return i


def _tokenize(text: str) -> Iterator[_Token]:
    """The tokens of ``text``, lazily: the parser reports the leftmost problem."""
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        column = i + 1
        if c.isspace():
            i += 1
            continue
        symbol = _ALIASES.get(c, c)
        if symbol in _OPERATORS:
            yield _Token("op", symbol, c, column)
            i += 1
        elif symbol in "()":
            yield _Token(symbol, symbol, c, column)
            i += 1
        elif c in _DIGITS:
            j = _scan_number(text, i)
            word = text[i:j]
            if not math.isfinite(float(word)):
                raise _error("formula.number_too_large", text, column, token=word)
            yield _Token("num", word, word, column)
            i = j
        elif c in _WORD:
            j = i
            while j < n and text[j] in _WORD:
                j += 1
            word = text[i:j]
            if c == "_":  # __import__, _x
                raise _error("formula.unexpected", text, column, token=word)
            if any(ch in _UPPER for ch in word):
                raise _error("formula.uppercase", text, column, token=word, lower=word.lower())
            yield _Token("id", word, word, column)
            i = j
        else:
            # A run of other letters (a Chinese indicator name, é) is shown whole.
            j = i + 1
            if c.isalnum():
                while j < n and text[j].isalnum() and text[j] not in _WORD:
                    j += 1
            raise _error("formula.unexpected", text, column, token=text[i:j])
    yield _Token("end", "", "", n + 1)


# ---------------------------------------------------------------------------- parser


class _Parser:
    """Recursive descent over the tokens, emitting a postfix program."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.tokens = _tokenize(text)
        self.token = next(self.tokens)
        self.depth = 0
        self.program: list[_Op] = []
        self.ids: dict[str, None] = {}  # ordered set: first appearance

    def _peek(self) -> _Token:
        return self.token

    def _advance(self) -> None:
        self.token = next(self.tokens)

    def _unexpected(self, token: _Token) -> FormulaError:
        if token.kind == "end":
            return _error("formula.incomplete", self.text, token.column)
        return _error("formula.unexpected", self.text, token.column, token=token.text)

    def parse(self) -> _Compiled:
        self._expr()
        token = self._peek()
        if token.kind == ")":
            raise _error("formula.unbalanced", self.text, token.column, token=token.text)
        if token.kind != "end":
            raise self._unexpected(token)
        return _Compiled(tuple(self.ids), tuple(self.program))

    def _expr(self) -> None:
        self._term()
        while (token := self._peek()).kind == "op" and token.value in "+-":
            self._advance()
            self._term()
            self.program.append(_Op(token.value))

    def _term(self) -> None:
        self._factor()
        while (token := self._peek()).kind == "op" and token.value in "*/":
            self._advance()
            self._factor()
            self.program.append(_Op(token.value))

    def _factor(self) -> None:
        # Signs are read in a loop, not by recursion: "- - - 1" costs no stack.
        negative = False
        while (token := self._peek()).kind == "op" and token.value in "+-":
            negative ^= token.value == "-"
            self._advance()
        if token.kind == "num":
            self.program.append(_Op("num", number=float(token.value)))
            self._advance()
        elif token.kind == "id":
            self.ids.setdefault(token.value)
            self.program.append(_Op("id", name=token.value))
            self._advance()
        elif token.kind == "(":
            self.depth += 1
            if self.depth > MAX_DEPTH:
                raise _error("formula.too_deep", self.text, token.column, limit=MAX_DEPTH)
            self._advance()
            self._expr()
            close = self._peek()
            if close.kind == "end":
                raise _error("formula.unbalanced", self.text, token.column, token=token.text)
            if close.kind != ")":
                raise self._unexpected(close)
            self._advance()
            self.depth -= 1
        else:
            raise self._unexpected(token)
        if negative:  # negation is exact, so "- -x" is x
            self.program.append(_Op("neg"))


def _compile(text: object) -> _Compiled:
    if text is None:
        raise FormulaError("formula.empty", column=1, value="", pos=1)
    if not isinstance(text, str):  # formula: 123 in YAML, say
        raise _error("formula.unexpected", str(text), 1, token=_shown(str(text)))
    return _compile_text(text)


@lru_cache(maxsize=512)
def _compile_text(text: str) -> _Compiled:
    if len(text) > MAX_LENGTH:
        raise _error("formula.too_long", text, MAX_LENGTH + 1, length=len(text), limit=MAX_LENGTH)
    if not text.strip():
        raise _error("formula.empty", text, 1)
    return _Parser(text).parse()


# --------------------------------------------------------------------------- formula


@dataclass(frozen=True)
class Formula:
    """A parsed formula. ``ids`` lists the indicator ids in order of first appearance;
    ``ids[0]`` is the numerator, whose periods drive the derived series. A constant
    formula has no ids.

    Build it with :func:`parse_formula`; ``Formula(text, ids)`` parses ``text`` too and
    refuses ids that do not match it.
    """

    text: str
    ids: tuple[str, ...]
    _program: tuple[_Op, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        compiled = _compile(self.text)
        if tuple(self.ids) != compiled.ids:
            raise ValueError(f"ids {self.ids!r} do not match formula {self.text!r}")
        object.__setattr__(self, "_program", compiled.program)

    def __str__(self) -> str:
        return self.text

    def evaluate(self, values: Mapping[str, float]) -> float | None:
        """The value for ``values`` (id -> number).

        Computed exactly, in fractions of the numbers as written (their shortest decimal
        form), and rounded to a float once at the end: 600 / 2000000 * 10000 is 3, not
        2.9999999999999996, so a figure exactly on target is judged as reached.
        None when an id is missing (or maps to None), on division by zero, and when the
        result is too large for a float. Never raises KeyError or ZeroDivisionError.
        """
        stack: list[Fraction] = []
        for op in self._program:
            kind = op.kind
            if kind == "num":
                stack.append(_exact(op.number))
            elif kind == "id":
                found = values.get(op.name)
                if found is None or not math.isfinite(found):
                    return None
                stack.append(_exact(found))
            elif kind == "neg":
                stack[-1] = -stack[-1]
            else:
                right = stack.pop()
                left = stack[-1]
                if kind == "+":
                    stack[-1] = left + right
                elif kind == "-":
                    stack[-1] = left - right
                elif kind == "*":
                    stack[-1] = left * right
                elif right == 0:
                    return None
                else:
                    stack[-1] = left / right
        try:
            return float(stack[-1]) + 0.0
        except OverflowError:
            return None


def _exact(number: float) -> Fraction:
    """A number as the decimal it was written as (2.25 is 9/4, 0.1 is 1/10)."""
    return Fraction(Decimal(repr(float(number))))


def parse_formula(text: str) -> Formula:
    """Parse ``text`` or raise :class:`FormulaError` (codes ``formula.*``, with ``column``)."""
    return Formula(text, _compile(text).ids)
