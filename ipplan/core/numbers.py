"""Reading numbers as people type them (formats.md).

Accepted: ``22542``, ``22,542``, ``1,234,567.5`` (thousands separators with correct
three-digit groups only), full-width digits and punctuation (``２２５４２``, ``－５``,
``２２，５４２``), the Unicode minus ``−``, a leading ``+``, the units 万 (×10⁴) and 亿
(×10⁸) as the last character (``2.25万`` = 22500, scaled exactly in Decimal), scientific
notation as Excel exports it (``1.2E+07``), and, where ``percent=True``, a trailing ``%``
or ``％`` (the value stays in percent: ``"14.29%"`` → 14.29).

Refused with :class:`~ipplan.core.errors.NumberError`: empty text (``number.empty``), NaN and
infinities (``number.not_finite``), magnitudes above 10¹⁵ (``number.too_large``), and
everything else (``number.invalid``): ``2,25``, ``22,5420``, ``0,5``, ``1 234``, ``5元``,
``%`` without ``percent=True``, a unit together with ``%``, a unit after an exponent.
"""

from __future__ import annotations

import math
import numbers
import re
import unicodedata
from decimal import Context, Decimal, InvalidOperation

from ipplan.core.errors import NumberError
from ipplan.present.text import clip

__all__ = ["MAX_MAGNITUDE", "number_text", "parse_number"]

MAX_MAGNITUDE = 1e15
_LIMIT = Decimal(10) ** 15
_MAX_TEXT = 100  # longer text is no number anybody typed
_CONTEXT = Context(prec=40)  # independent of the caller's decimal context

SCALES = {"万": Decimal(10) ** 4, "亿": Decimal(10) ** 8}  # the one 万/亿 table (importer too)

# Full-width digits and punctuation, and the Unicode minus, to their ASCII forms. Not
# NFKC: that would also turn "10²" into "102" and "①" into "1".
_TO_ASCII = str.maketrans(
    {
        **{chr(0xFF10 + i): str(i) for i in range(10)},
        "＋": "+",
        "－": "-",
        "−": "-",
        "，": ",",
        "．": ".",
        "％": "%",
        "Ｅ": "E",
        "ｅ": "e",
    }
)

_NUMBER = re.compile(
    r"(?P<sign>[+-]?)"
    r"(?:(?P<grouped>[1-9][0-9]{0,2}(?:,[0-9]{3})+(?:\.[0-9]+)?)"
    r"|(?P<plain>[0-9]+(?:\.[0-9]*)?|\.[0-9]+))"
    r"(?P<exp>[eE][+-]?[0-9]+)?"
    r"\s*(?P<suffix>[万亿%])?"
)

_NOT_FINITE = {"nan", "snan", "inf", "infinity", "∞"}


def _shown(value: object) -> str:
    return clip(value, 60)


def _checked(result: float, value: object) -> float:
    if math.isnan(result) or math.isinf(result):
        raise NumberError("number.not_finite", value=_shown(value))
    if abs(result) > MAX_MAGNITUDE:
        raise NumberError("number.too_large", value=_shown(value))
    return result + 0.0  # -0.0 -> 0.0


def _is_not_finite_word(text: str) -> bool:
    s = unicodedata.normalize("NFKC", text).strip().lower()
    s = s.lstrip("+-−").rstrip("%").strip()
    return s in _NOT_FINITE


def _parse_text(value: str, percent: bool) -> float:
    if len(value) <= 15 and value.isascii() and value.isdigit():
        return float(int(value))  # plain digits, below 10¹⁵: what the path below gives
    text = value.translate(_TO_ASCII).strip()
    if not text:
        raise NumberError("number.empty")
    if _is_not_finite_word(text):
        raise NumberError("number.not_finite", value=_shown(value))
    m = _NUMBER.fullmatch(text) if len(text) <= _MAX_TEXT else None
    if m is None:
        raise NumberError("number.invalid", value=_shown(value))
    suffix = m["suffix"]
    if (
        (suffix == "%" and not percent)
        or (m["exp"] and m["grouped"])
        or (m["exp"] and suffix in SCALES)
    ):
        raise NumberError("number.invalid", value=_shown(value))
    digits = (m["grouped"] or m["plain"]).replace(",", "") + (m["exp"] or "")
    try:
        amount = Decimal(digits)
    except InvalidOperation:  # an exponent beyond what Decimal holds: 1e-99999999999999999999
        if "-" in (m["exp"] or ""):
            return 0.0
        raise NumberError("number.too_large", value=_shown(value)) from None
    if amount.adjusted() > 30:  # far above the limit; keep the arithmetic small
        raise NumberError("number.too_large", value=_shown(value))
    if suffix in SCALES:
        amount = _CONTEXT.multiply(amount, SCALES[suffix])
    if amount.copy_abs() > _LIMIT:
        raise NumberError("number.too_large", value=_shown(value))
    result = float(amount)
    return _checked(-result if m["sign"] == "-" else result, value)


def parse_number(value: object, *, percent: bool = False) -> float:
    """The number in ``value`` as a float, or :class:`NumberError`.

    ``value`` is a str as typed or read from a file, or an int/float (and the numeric types
    of numpy or pandas cells), which pass through after the finiteness and size checks;
    ``bool`` is refused, ``None`` counts as empty. With ``percent=True`` an optional
    trailing ``%`` is allowed and dropped (the value is still in percent).
    """
    if isinstance(value, str):
        return _parse_text(value, percent)
    if value is None:
        raise NumberError("number.empty")
    if isinstance(value, bool) or not isinstance(value, numbers.Real | Decimal):
        raise NumberError("number.invalid", value=_shown(value))
    if isinstance(value, Decimal) and not value.is_finite():
        raise NumberError("number.not_finite", value=_shown(value))
    try:
        result = float(value)
    except OverflowError:
        raise NumberError("number.too_large", value=_shown(value)) from None
    return _checked(result, value)


def number_text(value: float) -> str:
    """A value as written to a file: 22542.0 → "22542", 0.1 → "0.1", 1e-07 → "0.0000001"."""
    value = float(value)
    if value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return format(Decimal(repr(value)), "f")
