"""Numbers as people read them: thousands separators, sensible decimals, percentages."""

from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Decimal, localcontext

from ipplan.core.i18n import Lang

DASH = "—"


def number(value: float | None, decimals: int | None = None) -> str:
    """22542 → "22,542"; 18.28 → "18.3"; 2.9298 → "2.93"; None → "—"."""
    if value is None or (isinstance(value, float) and not math.isfinite(value)):
        return DASH
    if decimals is None:
        decimals = decimals_of(value)
    text = f"{_half_up(value, decimals):,.{decimals}f}"
    return "0" if _no_minus_zero(text) != text else text


def decimals_of(value: float) -> int:
    """The decimals :func:`number` shows by default: 0 for whole numbers and from 1,000, 1
    from 10, else 2 (the XLSX report's number formats use it too)."""
    magnitude = abs(value)
    if float(value).is_integer() or magnitude >= 1000:
        return 0
    return 1 if magnitude >= 10 else 2


def places(value: float) -> int:
    """Decimal places of a figure as stored: 2.93 → 2, 22542.0 → 0, 1e-05 → 5."""
    value = float(value)
    if value.is_integer():
        return 0
    exponent = Decimal(repr(value)).as_tuple().exponent
    return -exponent if isinstance(exponent, int) and exponent < 0 else 0


def figure(value: float) -> str:
    """A figure for a message (check, collect, the store's refusals): its digits as stored,
    written as every view writes numbers (:func:`number`: 22542 → "22,542", 2.9298 →
    "2.9298", 15600.0 → "15,600")."""
    value = round(float(value), 10)  # float noise of a sum (0.1 + 0.2) is no digit
    return number(value, places(value))


def _half_up(value: float, decimals: int) -> Decimal:
    """The value rounded as people round: 12.65 → 12.7 and 68.85 → 68.9, not the float's
    binary neighbour (12.649999…) rounded down; float noise (10.2 + 2.45) is cut first."""
    exact = Decimal(repr(round(float(value), 9)))
    with localcontext() as ctx:  # a float has at most 309 integer digits: never short of them
        ctx.prec = 330 + decimals
        return exact.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


def percent(value: float | None, decimals: int = 1) -> str:
    """0.7514 → "75.1%"."""
    if value is None or not math.isfinite(value):
        return DASH
    return _no_minus_zero(f"{value * 100:.{decimals}f}") + "%"


def ratio(value: float | None) -> str:
    """0.9301 → "0.93"."""
    if value is None or not math.isfinite(value):
        return DASH
    return _no_minus_zero(f"{value:.2f}")


def _no_minus_zero(text: str) -> str:
    """ "-0", "-0.0" (a tiny negative value, or -0.0, rounded) → "0", "0.0": zero has no sign."""
    return text[1:] if text.startswith("-") and not text.strip("-0.,") else text


# Chinese units in English output: "600 件" reads "600 items". Every view (status, show, need,
# the reports) goes through unit_text; JSON keeps the unit as the plan writes it.
UNITS_EN: dict[str, str] = {
    "件": "items",
    "个": "items",
    "项": "items",
    "家": "firms",
    "户": "entities",
    "人": "people",
    "起": "cases",
    "次": "times",
    "元": "yuan",
    "万元": "10,000 yuan",
    "亿元": "100 million yuan",
    "万人": "10,000 people",
    "万件": "10,000 items",
}


def unit_text(unit: str | None, lang: Lang) -> str:
    """The unit as the output language writes it: 亿元 → "100 million yuan" in English."""
    unit = (unit or "").strip()
    if lang == "zh" or not unit:
        return unit
    return UNITS_EN.get(unit, unit)
