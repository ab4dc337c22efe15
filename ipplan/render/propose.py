"""`ipplan propose` as a table, as JSON, and as a draft targets.yaml for the next plan."""

from __future__ import annotations

import math
from datetime import date
from typing import Any

from ipplan.analysis.propose import Method, Proposal, Proposals
from ipplan.core.i18n import Lang
from ipplan.core.i18n import word as catalog_word
from ipplan.core.model import Indicator, Plan
from ipplan.messages.need import word
from ipplan.present.fmt import number
from ipplan.present.json import dumps, json_number


def _pct(p: float) -> str:
    return f"{p * 100:g}%"


def proposal_dict(found: Proposal) -> dict[str, Any]:
    latest = found.latest
    backtest = found.backtest
    return {
        "id": found.indicator.id,
        "name": found.indicator.name,
        "unit": found.indicator.unit,
        "direction": "increase" if found.increasing else "decrease",
        "latest": (
            {"period": str(latest.period), "value": json_number(latest.value)} if latest else None
        ),
        "method": None if found.method is Method.too_short else str(found.method),
        "points": found.points,
        "too_short": found.method is Method.too_short,
        "candidates": [
            {"probability": c.probability, "value": json_number(c.value)} for c in found.candidates
        ],
        "backtest": (
            {
                "forecasts": backtest.trials,
                "reached": [{"probability": p, "count": k} for p, k in backtest.reached],
            }
            if backtest
            else None
        ),
    }


def render_propose_json(result: Proposals) -> str:
    return dumps(
        {
            "horizon": result.horizon,
            "as_of": result.as_of.isoformat(),
            "region": result.region,
            "indicators": [proposal_dict(found) for found in result.proposals],
        }
    )


def method_word(method: Method, lang: Lang) -> str:
    return word(f"method_{method.value}", lang)


def render_propose_table(
    result: Proposals, lang: Lang, width: int = 80, color: bool = False
) -> str:
    from rich.cells import cell_len
    from rich.table import Table
    from rich.text import Text

    from ipplan.render.console import string_console, text_of

    console = string_console(width, color)
    console.print(
        word("propose_head", lang, horizon=result.horizon, date=result.as_of.isoformat()),
        markup=False,
    )
    table = Table(box=None, pad_edge=False, show_edge=False, header_style="bold" if color else "")
    # At 80 columns every column fits (the backtest column used to be cut off): the latest
    # value's period goes under it and the method may take two lines, so that English names
    # wrap between words, never inside one ("Geographical-indica" / "tion").
    longest = max((cell_len(w) for f in result.proposals
                   for w in f.indicator.display_name(lang).split()), default=0)  # fmt: skip
    name_min = 8 if lang == "zh" else min(max(12, longest), 23)
    table.add_column(catalog_word("head.indicator", lang), overflow="fold", min_width=name_min)
    table.add_column(catalog_word("head.latest", lang), justify="right", no_wrap=True)
    table.add_column(catalog_word("head.method", lang))
    for p in result.probabilities:
        table.add_column(word("col_prob_up", lang, pct=_pct(p)), justify="right", no_wrap=True)
    table.add_column(word("col_backtest", lang), justify="right", no_wrap=True)
    any_down = False
    for found in result.proposals:
        ind = found.indicator
        latest = found.latest
        shown = f"{number(latest.value)}\n({latest.period})" if latest else "—"
        cells = [f"{number(c.value)}{'' if found.increasing else ' ≤'}" for c in found.candidates]
        any_down = any_down or not found.increasing
        bt = found.backtest
        tested = "—"
        if bt is not None and bt.reached:
            hits = "/".join(str(k) for _, k in bt.reached)
            tested = word("tested", lang, hits=hits, trials=bt.trials)
        name = Text(ind.display_name(lang))  # data, never markup
        table.add_row(name, shown, method_word(found.method, lang), *cells, tested)
    console.print(table)
    if any_down:
        console.print(word("decrease_note", lang))
    if any(f.method is Method.too_short for f in result.proposals):
        colon = catalog_word("punct.colon", lang)
        console.print(f"{method_word(Method.too_short, lang)}{colon}{word('too_short', lang)}")
    console.print(word("method_legend", lang))
    console.print(word("legend", lang))
    return text_of(console)


# --------------------------------------------------------------------------- the draft


def _indicator_entry(ind: Indicator) -> dict[str, Any]:
    entry: dict[str, Any] = {"id": ind.id, "name": ind.name}
    if ind.name_en:
        entry["name_en"] = ind.name_en
    entry["unit"] = ind.unit
    entry["kind"] = ind.kind
    if ind.formula is not None:
        entry["formula"] = ind.formula.text
    for key in ("category", "description"):
        if getattr(ind, key):
            entry[key] = getattr(ind, key)
    if ind.components:
        entry["components"] = list(ind.components)
    if ind.allow_negative:
        entry["allow_negative"] = True
    if ind.source:
        entry["source"] = ind.source
    return entry


def _draft_value(value: float, up: bool) -> float | int:
    """A whole value as it is; else two decimals, cut towards the side that keeps the
    probability (down for an increase, up for a decrease)."""
    if float(value).is_integer():
        return int(value)
    cents = math.floor(value * 100 + 1e-9) if up else math.ceil(value * 100 - 1e-9)
    return cents / 100


def draft_plan(plan: Plan, result: Proposals, probability: float, lang: Lang) -> dict[str, Any]:
    """The next plan as data: the old plan's indicators, a level target at ``probability``
    for each indicator with a value, its method and probability in the target's source."""
    meta = plan.meta
    baseline = str(result.as_of.year - 1 if result.as_of < date(result.as_of.year, 12, 31)
                   else result.as_of.year)  # fmt: skip
    draft_meta: dict[str, Any] = {
        "id": f"{meta.id}-next-{result.horizon}",
        "title": word("draft_title", lang, title=meta.title, horizon=result.horizon),
        "region": result.region,
        "baseline": baseline,
        "deadline": date(result.horizon, 12, 31),
        "source": f"ipplan propose --horizon {result.horizon} --as-of {result.as_of.isoformat()}",
    }
    proposals = {found.indicator.id: found for found in result.proposals}
    indicators = []
    for ind in plan.indicators:
        entry = _indicator_entry(ind)
        found = proposals.get(ind.id)
        value = None
        if found is not None and found.method is not Method.too_short:
            value = next((c.value for c in found.candidates if c.probability == probability), None)
        if found is not None and value is not None:
            up = found.increasing
            reach = word("draft_reach_up" if up else "draft_reach_down", lang)
            source = word("draft_source", lang, method=method_word(found.method, lang),
                          date=result.as_of.isoformat(), horizon=result.horizon, reach=reach,
                          pct=_pct(probability))  # fmt: skip
            entry["target"] = {
                "type": "level",
                "value": _draft_value(value, up),
                "direction": "increase" if up else "decrease",
                "source": source,
            }
        indicators.append(entry)
    return {"plan": draft_meta, "indicators": indicators}


def render_draft_yaml(plan: Plan, result: Proposals, probability: float, lang: Lang) -> str:
    from ipplan.present.safe import yaml_text

    data = draft_plan(plan, result, probability, lang)
    header = word("draft_header", lang, date=result.as_of.isoformat(), pct=_pct(probability))
    body = yaml_text(data, sort_keys=False, width=1000)  # no raw bidi control from data
    return header + body
