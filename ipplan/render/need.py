"""`ipplan need` as text and as JSON (formats.md, "Output of ipplan need")."""

from __future__ import annotations

from typing import Any

from ipplan.analysis.need import Absolute, Need, NeedNote
from ipplan.core.i18n import Lang
from ipplan.core.i18n import word as catalog_word
from ipplan.messages.need import word
from ipplan.present.fmt import number, unit_text
from ipplan.present.json import dumps, json_number


def need_dict(result: Need) -> dict[str, Any]:
    ind = result.indicator
    latest = result.latest
    absolute = result.absolute
    return {
        "id": ind.id,
        "name": ind.name,
        "unit": ind.unit,
        "as_of": result.as_of.isoformat(),
        "deadline": result.deadline.isoformat(),
        "target": json_number(result.target),
        "latest": (
            {"period": str(latest.period), "value": json_number(latest.value)} if latest else None
        ),
        "cumulative": json_number(result.cumulative),
        "remaining": json_number(result.remaining),
        "months_left": result.months_left,
        "per_month": json_number(result.per_month),
        "path": [
            {
                "period": p.period,
                "linear": json_number(p.linear),
                "cagr": json_number(p.cagr),
                "flow": json_number(p.flow),
            }
            for p in result.path
        ],
        "absolute": _absolute_dict(absolute, ind.formula.text if ind.formula else None),
        "notes": [str(n) for n in result.notes],
    }


def _absolute_dict(absolute: Absolute | None, formula: str | None) -> dict[str, Any] | None:
    if absolute is None:
        return None
    return {
        "indicator": absolute.indicator,
        "value": json_number(absolute.value),
        "exact": json_number(absolute.exact),
        "formula": formula,
        "assumes": [
            {"indicator": a.indicator, "period": a.period, "value": json_number(a.value)}
            for a in absolute.assumes
        ],
    }


def render_need_json(result: Need) -> str:
    return dumps(need_dict(result))


def _unit(unit: str, lang: Lang) -> str:
    unit = unit_text(unit, lang)
    if not unit:
        return ""
    return f" {unit}" if lang == "en" or unit[0].isascii() else unit


def _sum_formula(result: Need, units: dict[str, str], lang: Lang) -> str:
    """'3 件 × 2,047,923 人 ÷ 10,000': the target times what the formula divides by."""
    absolute = result.absolute
    assert absolute is not None
    text = f"{number(result.target)}{_unit(result.indicator.unit, lang)}"
    for a in absolute.assumes:
        sign = "×" if a.exponent < 0 else "÷"
        for _ in range(abs(a.exponent)):
            text += f" {sign} {number(a.value)}{_unit(units.get(a.indicator, ''), lang)}"
    c = absolute.coefficient
    if c != 1:
        text += f" ÷ {number(c)}" if abs(c) >= 1 else f" × {number(1 / c)}"
    return text


def render_need_text(
    result: Need, lang: Lang, units: dict[str, str], names: dict[str, str], width: int = 80
) -> str:
    """The need as lines of text wrapped at ``width`` cells (Chinese counts double);
    ``units`` and ``names`` of the plan's indicators (for the absolute count)."""
    from ipplan.render.console import string_console, text_of

    console = string_console(width, False)
    for line in _lines(result, lang, units, names):
        console.print(line, markup=False, highlight=False, overflow="fold")
    return text_of(console)


def _lines(result: Need, lang: Lang, units: dict[str, str], names: dict[str, str]) -> list[str]:
    ind = result.indicator
    target = ind.target
    assert target is not None
    unit = _unit(ind.unit, lang)
    cumulative = target.type == "cumulative"
    if cumulative:
        verb = word("verb_cumulative", lang)
    else:
        verb = word("verb_level_up" if target.increasing else "verb_level_down", lang)
    lines = [
        word("need_head", lang, name=ind.display_name(lang), id=ind.id, verb=verb,
             target=number(result.target), unit=unit, deadline=result.deadline.isoformat())
        + " · " + catalog_word("show.as_of", lang, date=result.as_of.isoformat()),
    ]  # fmt: skip
    latest = result.latest
    if latest is not None:
        key = "counted" if cumulative else "latest"
        value = result.cumulative if cumulative else latest.value
        lines.append(word(key, lang, value=number(value), unit=unit, period=str(latest.period)))
    notes = set(result.notes)
    if NeedNote.passed in notes:
        if result.remaining is not None:
            lines.append(word("passed", lang, deadline=result.deadline.isoformat(),
                              value=number(result.remaining), unit=unit))  # fmt: skip
        else:
            lines.append(word("passed_no_data", lang, deadline=result.deadline.isoformat()))
    elif NeedNote.no_data in notes:
        lines.append(word("no_latest", lang))
    elif NeedNote.achieved in notes:
        lines.append(word("achieved", lang))
    elif result.remaining is not None and result.months_left:
        key = "remaining_flow" if cumulative else "remaining"
        per_month = number(result.per_month)
        lines.append(word(key, lang, value=number(result.remaining), unit=unit,
                          months=result.months_left, per_month=per_month))  # fmt: skip
    if result.path:
        lines.append("")
        lines.extend(_path_table(result, lang, cumulative))
    if NeedNote.no_cagr in notes:
        lines.append(word("no_cagr", lang))
    formula = ind.formula.text if ind.formula else ""
    if result.absolute is not None:
        a = result.absolute
        lines.append("")
        lines.append(word("absolute", lang, name=names.get(a.indicator, a.indicator),
                          formula=_sum_formula(result, units, lang), value=number(a.value),
                          unit=_unit(units.get(a.indicator, ""), lang)))  # fmt: skip
        sep = word("what_sep", lang)
        what = sep.join(
            f"{names.get(x.indicator, x.indicator)} {x.period} = {number(x.value)}"
            for x in a.assumes
        )
        if what:
            lines.append(word("assumes", lang, what=what).strip())
    elif NeedNote.not_ratio in notes:
        lines.append(word("not_ratio", lang, formula=formula))
    elif NeedNote.no_operand in notes:
        lines.append(word("no_operand", lang, formula=formula))
    return lines


def _path_table(result: Need, lang: Lang, cumulative: bool) -> list[str]:
    heads = (
        [catalog_word("head.period", lang), word("col_total", lang), word("col_flow", lang)]
        if cumulative
        else [catalog_word("head.period", lang), word("col_linear", lang), word("col_cagr", lang)]
    )
    rows = [
        [p.period, number(p.linear), number(p.flow)]
        if cumulative
        else [p.period, number(p.linear), number(p.cagr)]
        for p in result.path
    ]
    from rich.cells import cell_len

    widths = [max(cell_len(r[i]) for r in [heads, *rows]) for i in range(3)]

    def line(cells: list[str]) -> str:
        out = cells[0] + " " * (widths[0] - cell_len(cells[0]))
        for i in (1, 2):
            out += "  " + " " * (widths[i] - cell_len(cells[i])) + cells[i]
        return out.rstrip()

    return [line(heads), *(line(r) for r in rows)]
