"""分地区完成情况 (issue 9 part 4, issue 11 part 4): every unit against its own targets.

Only for a plan with units (a ``regions:`` list, or regions in the actuals). One table per
report, grouped by target: for each indicator that has a target for the plan or for at
least one unit, the plan's region first, then its units ranked on that indicator
(:func:`ipplan.analysis.regions.rank_units`). A unit without a target of its own shows 监测 and no
target, never the city's. The lagging units (:func:`ipplan.analysis.regions.lagging`) are named in
one sentence for the overview, and the units that had not reported the last closed year by
the as-of date (:func:`ipplan.collect.status.missing_by_unit`) in another.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace

from ipplan.analysis.evaluate import Evaluation, PlanEvaluation
from ipplan.analysis.regions import Ranked, evaluate_regions, lagging, rank_units, targeted
from ipplan.analysis.verdicts import ended
from ipplan.core.i18n import Lang
from ipplan.core.i18n import word as catalog_word
from ipplan.core.model import Observation
from ipplan.data.units import list_units
from ipplan.present.cells import target_text
from ipplan.present.final import missed
from ipplan.present.fmt import DASH
from ipplan.present.labels import HEAD, label, status_word
from ipplan.report.chartdata import is_ascii
from ipplan.report.document import Bar, Block, Cell, Chart, Column, Paragraph, Section, Table
from ipplan.report.tables import name_unit, num, pct, status_cell, text
from ipplan.report.texts import period_words
from ipplan.report.words import word, words

Observations = Mapping[str, Sequence[Observation]]


@dataclass(frozen=True)
class ByRegion:
    """What the report says of the units: the table rows, laggards and missing returns."""

    ids: tuple[str, ...]  # the targeted indicators, plan order
    groups: tuple[tuple[str, tuple[Ranked, ...]], ...]  # indicator id → ranked rows
    lagging: tuple[tuple[str, tuple[str, ...]], ...]  # unit → names of indicators behind
    missing: tuple[tuple[str, tuple[str, ...]], ...]  # unit → names not reported
    period: str  # the period whose returns are counted, in words
    as_of: str  # the as-of date, in words
    final: bool  # after the deadline: laggards are those (projected to be) 未完成


def by_region(result: PlanEvaluation, observations: Observations, lang: Lang) -> ByRegion | None:
    """The units' figures, or None when the plan has no units."""
    from ipplan.collect.status import last_closed_year, missing_by_unit

    plan = result.plan
    units = list_units(plan, observations)
    if len(units) < 2:
        return None
    results = evaluate_regions(plan, observations, result.as_of, [u.name for u in units])
    plain = [Ranked(u, r, None, None) for u, r in zip(units, results, strict=True)]
    ids = tuple(targeted(plain))
    groups = tuple((i, tuple(rank_units(units, results, i))) for i in ids)
    units_only = [r for r in plain if r.unit.depth > 0]
    over = ended(result)
    found = _missed(units_only, ids) if over else lagging(units_only, ids)
    behind = tuple(
        (row.unit.name, tuple(e.indicator.display_name(lang) for e in evs)) for row, evs in found
    )
    period = last_closed_year(result.as_of)
    gaps = missing_by_unit(plan, observations, result.as_of, period)
    missing = tuple((u, tuple(i.display_name(lang) for i in inds)) for u, inds in gaps)
    day = result.as_of
    as_of = catalog_word("line.date", lang, year=day.year, month=day.month, day=day.day)
    return ByRegion(ids, groups, behind, missing, period_words(period, lang), as_of, over)


def _missed(rows: Sequence[Ranked], ids: Sequence[str]) -> list[tuple[Ranked, list[Evaluation]]]:
    """After the deadline, the units that missed a target or are projected to miss it, in
    the final evaluation's words (ipplan.analysis.verdicts), so that the sentence agrees with the
    table."""
    return missed(rows, ids)


def region_table(data: ByRegion, lang: Lang, caption: str) -> Table:
    """Units × targets: one group of rows per target, the units ranked within it."""
    w = words(lang)
    columns = (
        Column("indicator", w["h_indicator_unit"], "l", 26),
        Column("unit", label(HEAD, "region", lang), "l", 12),
        Column("rank", w["h_rank"], "r", 6),
        Column("target", label(HEAD, "target", lang), "r", 10),
        Column("latest", label(HEAD, "latest", lang), "r", 10),
        Column("attainment", w["h_attainment"], "r", 9),
        Column("status", label(HEAD, "status", lang), "l", 9),
    )
    rows: list[tuple[Cell, ...]] = []
    for _, group in data.groups:
        for n, row in enumerate(group):
            cells = _row(row, lang)
            rows.append(cells if n == 0 else (Cell(""), *cells[1:]))
    return Table("regions", columns, tuple(rows), caption)


def _row(row: Ranked, lang: Lang) -> tuple[Cell, ...]:
    """Indicator, unit, rank, target, latest, attainment, status of one unit."""
    ev = row.evaluation
    assert ev is not None  # rank_units gives every unit its evaluation on the indicator
    first = text(name_unit(ev, lang))
    unit = text(row.unit.name)
    rank = num(row.rank) if row.rank is not None else Cell(DASH)
    if ev.indicator.target is None:  # a unit without its own target: 监测, no target
        latest = ev.latest.value if ev.latest is not None else None
        shown = status_word("monitoring", lang)
        return (first, unit, rank, Cell(DASH), num(latest), Cell(DASH),
                Cell(shown, shown, "text", status="monitoring"))  # fmt: skip
    latest = ev.cumulative if ev.cumulative is not None else (
        ev.latest.value if ev.latest is not None else None
    )  # fmt: skip
    t = ev.indicator.target
    value = t.value if t.type != "growth" else None
    target = Cell(target_text(ev, lang), value, "number" if value is not None else "text")
    return (first, unit, rank, target, num(latest), pct(ev.attainment),
            status_cell(ev, lang, row.result))  # fmt: skip


def region_sheet(data: ByRegion, lang: Lang) -> Table:
    """For the workbook: one row per unit, four columns per target (target, latest,
    attainment, status), so that a sheet can be sorted and filtered."""
    w = words(lang)
    first = data.groups[0][1] if data.groups else ()
    units = [row.unit for row in first]
    columns = [
        Column("unit", label(HEAD, "region", lang), "l", 14),
        Column("parent", w["h_parent"], "l", 14),
    ]
    per_unit: dict[str, list[Cell]] = {u.name: [text(u.name), text(u.parent)] for u in units}
    for _, group in data.groups:
        ev0 = next(r.evaluation for r in group if r.evaluation is not None)
        name = ev0.indicator.display_name(lang) if ev0 is not None else ""
        columns += [
            Column("target", f"{name} {label(HEAD, 'target', lang)}", "r", 12),
            Column("latest", f"{name} {label(HEAD, 'latest', lang)}", "r", 12),
            Column("attainment", f"{name} {w['h_attainment']}", "r", 10),
            Column("status", f"{name} {label(HEAD, 'status', lang)}", "l", 10),
        ]
        for row in group:
            cells = _row(row, lang)
            per_unit[row.unit.name] += [cells[3], cells[4], cells[5], cells[6]]
    rows = tuple(tuple(per_unit[u.name]) for u in units)
    return Table("regions_sheet", tuple(columns), rows)


def lagging_sentence(data: ByRegion, lang: Lang) -> str | None:
    """ "分地区看，A（x、y）、B（z）进度滞后。" — None when no unit lags."""
    if not data.lagging:
        return None
    inner, outer = catalog_word("punct.enum", lang), catalog_word("punct.semicolon", lang)
    items = [word("r_item", lang, unit=u, names=inner.join(names)) for u, names in data.lagging]
    return word("r_missed" if data.final else "r_lagging", lang, items=outer.join(items))


def missing_sentence(data: ByRegion, lang: Lang) -> str:
    """Which units had not reported the last closed year by the as-of date."""
    if not data.missing:
        return word("r_all_reported", lang, period=data.period, as_of=data.as_of)
    inner, outer = catalog_word("punct.enum", lang), catalog_word("punct.semicolon", lang)
    items = [word("r_item", lang, unit=u, names=inner.join(n)) for u, n in data.missing]
    return word("r_missing", lang, period=data.period, k=len(data.missing), as_of=data.as_of,
                items=outer.join(items))  # fmt: skip


def unit_chart(
    indicator_id: str, group: Sequence[Ranked], lang: Lang, behind: set[tuple[str, str]]
) -> Chart | None:
    """Units side by side on one indicator: the attainment of each unit with a target of
    its own, in rank order, the laggards of the section's sentence (``behind``: unit, name)
    in red. None when fewer than two units have one (nothing to compare)."""
    rows = [
        r
        for r in group
        if r.unit.depth > 0
        and r.evaluation is not None
        and r.evaluation.indicator.target is not None
        and r.evaluation.attainment is not None
    ]
    if len(rows) < 2:
        return None
    ind = rows[0].evaluation.indicator if rows[0].evaluation else None
    assert ind is not None
    bars = tuple(
        Bar(r.unit.name, r.unit.code or f"#{n}", r.evaluation.attainment,
            (r.unit.name, ind.display_name(lang)) in behind)
        for n, r in enumerate(rows, 1)
        if r.evaluation is not None and r.evaluation.attainment is not None
    )  # fmt: skip
    name = ind.display_name(lang)
    labels = {"title": word("c_units", lang, name=name), "target": word("c_target_line", lang)}
    en = ind.name_en if ind.name_en and is_ascii(ind.name_en) else ind.id
    fallback = {
        "title": word("c_units", Lang.EN, name=en),
        "target": word("c_target_line", Lang.EN),
    }
    return Chart(key=f"units:{indicator_id}", points=(), target=None, deadline_x=0.0,
                 deadline_label="", labels=labels, fallback=fallback,
                 alt=word("c_units_alt", lang, name=name), bars=bars)  # fmt: skip


def region_section(
    data: ByRegion, lang: Lang, caption: str, figure: Callable[[str], str]
) -> Section:
    """The section: its lead, the table, one chart per target that units have targets for,
    the laggards and who had not reported. ``figure`` numbers a chart's caption."""
    blocks: list[Block] = [Paragraph(word("r_lead", lang))]
    blocks.append(region_table(data, lang, caption))
    behind = {(unit, name) for unit, names in data.lagging for name in names}  # drawn red
    for indicator_id, group in data.groups:
        chart = unit_chart(indicator_id, group, lang, behind)
        if chart is not None:
            blocks.append(replace(chart, caption=figure(chart.labels["title"])))
    sentence = lagging_sentence(data, lang)
    if sentence:
        blocks.append(Paragraph(sentence))
    blocks.append(Paragraph(missing_sentence(data, lang)))
    return Section("regions", word("regions", lang), tuple(blocks))
