"""`ipplan regions --format json` (formats.md): every unit's status objects at once.

Each entry's ``indicators`` are built by the same function as `ipplan status --format
json`, so that for every unit X they are exactly those of ``status --region X``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from itertools import islice
from typing import TYPE_CHECKING, Any

from ipplan.analysis.regions import Ranked
from ipplan.core.model import Indicator, Plan
from ipplan.data.units import Unit
from ipplan.present.json import dumps, indicator_dicts, json_number
from ipplan.present.safe import json_text

if TYPE_CHECKING:
    from datetime import date

    from ipplan.analysis.evaluate import Evaluation
    from ipplan.analysis.verdicts import Assessment
    from ipplan.engine.load import Table


def _entry(row: Ranked, indicator: str | None) -> dict[str, Any]:
    indicators = indicator_dicts(row.result)
    if indicator is not None:
        indicators = [d for d in indicators if d["id"] == indicator]
    return {
        "region": row.unit.name,
        "parent": row.unit.parent,
        "code": row.unit.code,
        "rank": row.rank,
        "indicators": indicators,
    }


def _head(rows: Sequence[Ranked], indicator: str | None) -> dict[str, Any]:
    first = rows[0].result
    return head(first.plan, first.as_of, first.time_elapsed, indicator)


def head(plan: Plan, as_of: date, time_elapsed: float, indicator: str | None) -> dict[str, Any]:
    """What comes before the units in the JSON of formats.md."""
    meta = plan.meta
    return {
        "plan": {
            "id": meta.id,
            "title": meta.title,
            "region": meta.region,
            "baseline": str(meta.baseline),
            "deadline": meta.deadline.isoformat(),
        },
        "as_of": as_of.isoformat(),
        "time_elapsed": json_number(time_elapsed),
        "indicator": indicator,
    }


def regions_dict(rows: Sequence[Ranked], indicator: str | None = None) -> dict[str, Any]:
    """The object of formats.md; with ``indicator`` only that indicator, units by rank."""
    return {**_head(rows, indicator), "regions": [_entry(row, indicator) for row in rows]}


COMPACT_UNITS = 200  # above this many units, one line per unit (json's C encoder: fast)


def render_regions(rows: Sequence[Ranked], indicator: str | None = None) -> str:
    if len(rows) <= COMPACT_UNITS:
        return dumps(regions_dict(rows, indicator))
    text = entries(rows, indicator).encode("utf-8")  # a unit a line: indenting takes minutes
    return b"".join(compact_chunks(_head(rows, indicator), [text])).decode("utf-8")


def entries(rows: Sequence[Ranked], indicator: str | None = None) -> str:
    """The entries of ``rows`` in the compact layout: each unit on one line, what
    ``json.dumps(_entry(row, indicator))`` gives, written as text
    (:class:`ipplan.present.jsontext.IndicatorText`: no dicts for 3,000 units' hundreds
    of MB), joined by ",\n"; "" for no rows."""
    from ipplan.present.jsontext import IndicatorText, chosen

    writer = IndicatorText()
    evs: list[Evaluation] = []
    words: list[Assessment | None] = []
    counts = []
    for row in rows:
        e, w = chosen(row.result, indicator)
        evs += e
        words += w
        counts.append(len(e))
    objects = iter(writer.evaluations(evs, words))
    t = writer.text
    return ",\n".join(
        f'{{"region": {t(row.unit.name)}, "parent": {t(row.unit.parent)}, '
        f'"code": {t(row.unit.code)}, "rank": {"null" if row.rank is None else int(row.rank)}, '
        f'"indicators": [{", ".join(islice(objects, n))}]}}'
        for row, n in zip(rows, counts, strict=True)
    )


def unit_entries(plan: Plan, as_of: date, units: Sequence[Unit], table: Table) -> str:
    """:func:`entries` of every unit (no ranking), from the engine's columns without an
    Evaluation record for most of them (:meth:`ipplan.engine.units.Engine.parts`,
    :func:`ipplan.present.jsontext.made_texts`): the same text
    (tests/present/test_jsontext.py)."""
    names = [u.name for u in units]
    objects = indicator_objects(plan, as_of, table, plan.indicators, names)
    return assemble(units, [objects[ind.id] for ind in plan.indicators])


Objects = tuple[list[str], list[bool]]  # one indicator's object in each unit; has it a target


def indicator_objects(
    plan: Plan, as_of: date, table: Table, indicators: Sequence[Indicator], names: Sequence[str]
) -> dict[str, Objects]:
    """The JSON object of each of ``indicators`` in each unit (``names``), and whether the
    unit has a target for it (those come first in a unit's list), by indicator id. A unit
    depends only on its own rows of each indicator (and of those its formula names), so
    that the indicators may be written apart (:mod:`ipplan.cli.regions_large`)."""
    found: dict[str, Objects] = _indicator_objects(plan, as_of, table, indicators, names, False)
    return found


def indicator_objects_utf8(
    plan: Plan, as_of: date, table: Table, indicators: Sequence[Indicator], names: Sequence[str]
) -> dict[str, tuple[list[bytes], list[bool]]]:
    """:func:`indicator_objects` as UTF-8 (:func:`ipplan.present.jsontext.made_utf8`)."""
    found: dict[str, tuple[list[bytes], list[bool]]] = _indicator_objects(
        plan, as_of, table, indicators, names, True
    )
    return found


def _indicator_objects(
    plan: Plan, as_of: date, table: Table, indicators: Sequence[Indicator],
    names: Sequence[str], utf8: bool,
) -> dict[str, Any]:  # fmt: skip
    from ipplan.analysis.verdicts import assessor
    from ipplan.engine.batch import Made
    from ipplan.engine.units import engine_for
    from ipplan.present.jsontext import IndicatorText, made_texts, made_utf8

    engine = engine_for(plan, table, as_of)
    words = assessor(plan, as_of, engine.time_elapsed)
    writer = IndicatorText()
    out: dict[str, Any] = {}
    for indicator in indicators:
        seen, parts = engine.parts(indicator, names)
        texts: list[Any] = [b"" if utf8 else ""] * len(names)
        for where, made in parts:
            written: list[Any]
            if isinstance(made, Made):
                written = (made_utf8 if utf8 else made_texts)(made, writer, words)
            else:  # one unit's records (a formula, a growth target): few
                written = writer.evaluations(made, [words(ev) for ev in made])
                if utf8:
                    written = [text.encode("utf-8") for text in written]
            for i, text in zip(where, written, strict=True):
                texts[i] = text
        out[indicator.id] = (texts, [ind.target is not None for ind in seen])
    return out


def assemble(units: Sequence[Unit], objects: Sequence[Objects]) -> str:
    """The entries of ``units`` (joined by ",\n") from each indicator's objects, in the
    plan's order: for each unit, the objects of the indicators with a target first."""
    from ipplan.present.jsontext import IndicatorText

    t = IndicatorText().text
    entries = []
    for i, u in enumerate(units):
        mine = [texts[i] for texts, targets in objects if targets[i]]
        mine += [texts[i] for texts, targets in objects if not targets[i]]
        entries.append(f"{_opening(u, t)}{', '.join(mine)}]}}")
    return ",\n".join(entries)


UTF8Objects = tuple[list[bytes], Sequence[bool]]  # :data:`Objects` as UTF-8


def assemble_utf8(
    units: Sequence[Unit], objects: Sequence[UTF8Objects], chunk: int = 500
) -> list[bytes]:
    """:func:`assemble` as UTF-8, in pieces of ``chunk`` units (joined by ",\n" they are
    its text); each object is let go once its entry is made."""
    from ipplan.present.jsontext import IndicatorText

    t = IndicatorText().text
    pieces: list[bytes] = []
    entries: list[bytes] = []
    for i, u in enumerate(units):
        mine = [texts[i] for texts, targets in objects if targets[i]]
        mine += [texts[i] for texts, targets in objects if not targets[i]]
        entries.append(b"".join((_opening(u, t).encode("utf-8"), b", ".join(mine), b"]}")))
        for texts, _ in objects:
            texts[i] = b""
        if len(entries) == chunk or i == len(units) - 1:
            pieces.append(b",\n".join(entries))
            entries = []
    return pieces


def _opening(u: Unit, t: Callable[[str | None], str]) -> str:
    """A unit's entry up to its first indicator object."""
    return (
        f'{{"region": {t(u.name)}, "parent": {t(u.parent)}, "code": {t(u.code)}, '
        f'"rank": null, "indicators": ['
    )


def compact_chunks(top: dict[str, Any], parts: Sequence[bytes]) -> list[bytes]:
    """The JSON of many units as UTF-8 in pieces: the head ``top`` (:func:`head`), then
    the ``parts`` (entries already UTF-8) in order as one list, a unit a line (no copy of
    the 100 MB of 3,000 units)."""
    import json

    pieces = [json_text(json.dumps(top, ensure_ascii=False)[:-1]).encode(), b', "regions": [\n']
    for part in parts:
        if part:
            pieces += [part, b",\n"]
    if pieces[-1] == b",\n":
        pieces.pop()
    pieces.append(b"\n]}\n")
    return pieces
