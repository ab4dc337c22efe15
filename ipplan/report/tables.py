"""The tables of a report, cell by cell: text as people read it, values for spreadsheets."""

from __future__ import annotations

import math

from ipplan.analysis.evaluate import Evaluation, PlanEvaluation
from ipplan.analysis.verdicts import Assessment, Mode, assess_plan, ended
from ipplan.analysis.verdicts import word as verdict_word
from ipplan.core.i18n import Lang
from ipplan.core.i18n import word as catalog_word
from ipplan.core.model import Observation
from ipplan.core.periods import label_for_date
from ipplan.data.statuses import Scheme, Statuses
from ipplan.present import fmt
from ipplan.present.cells import growth_text, target_text
from ipplan.present.fmt import unit_text
from ipplan.present.labels import HEAD, TARGET_TYPE, VERDICT_TEXT, label, status_word
from ipplan.report.cite import Citations
from ipplan.report.document import Cell, Column, Table
from ipplan.report.texts import is_stale, shown_status
from ipplan.report.words import word, words

DASH = fmt.DASH


# --------------------------------------------------------------------------- cells


def num(value: float | None) -> Cell:
    if value is None or not math.isfinite(value):
        return Cell(DASH)
    return Cell(fmt.number(value), value, "number", fmt.decimals_of(value))


def pct(value: float | None, decimals: int = 1) -> Cell:
    if value is None or not math.isfinite(value):
        return Cell(DASH)
    return Cell(fmt.percent(value, decimals), value, "percent", decimals)


def text(value: str | None, *, data: bool = True) -> Cell:
    if value is None or value == "":
        return Cell(DASH)
    return Cell(value, value, "text", data=data)


def status_cell(ev: Evaluation, lang: Lang, result: PlanEvaluation | None = None) -> Cell:
    shown = shown_status(ev, result, lang) if result is not None else status_word(ev.status, lang)
    word_ = shown + ("*" if ev.final else "")
    return Cell(word_, word_, "text", status=ev.status)


LIGHT_COLOUR = {"green": "on_track", "yellow": "behind", "red": "off_track"}


def verdict_cell(a: Assessment | None, lang: Lang, statuses: Statuses) -> Cell:
    """提前实现 / 快于预期 / 基本符合预期 / 滞后 (ipplan.analysis.verdicts), the plan's words if
    any."""
    if a is None:
        return Cell(DASH)
    shown = verdict_word(a.verdict, lang, statuses)
    return Cell(shown, shown, "text")


def light_cell(a: Assessment | None, lang: Lang, statuses: Statuses) -> Cell:
    """红 / 黄 / 绿 against 序时进度, coloured like the statuses they stand for."""
    if a is None or a.light is None:
        return Cell(DASH)
    shown = verdict_word(a.light, lang, statuses)
    return Cell(shown, shown, "text", status=LIGHT_COLOUR[a.light])


def period_cell(ev: Evaluation, result: PlanEvaluation, lang: Lang) -> Cell:
    """The latest period, marked (旧) when it is more than 15 months old."""
    if ev.latest is None:
        return Cell(DASH)
    shown = str(ev.latest.period)
    if is_stale(ev, result.as_of):
        shown += word("stale_mark", lang)
    return Cell(shown, shown, "text")


def col(key: str, head: str, align: str = "l", width: int = 12) -> Column:
    return Column(key, head, "r" if align == "r" else "l", width)


# --------------------------------------------------------------------------- tables


def name_unit(ev: Evaluation, lang: Lang) -> str:
    name, unit = ev.indicator.display_name(lang), unit_text(ev.indicator.unit, lang)
    if not unit:
        return name
    return catalog_word("line.name_unit", lang, name=name, unit=unit)


def progress_cell(ev: Evaluation, elapsed: float) -> Cell:
    """Progress against time elapsed, "0%/50%"; the value is the progress."""
    shown = f"{fmt.percent(ev.progress, 0).rstrip('%')}/{fmt.percent(elapsed, 0)}"
    if ev.progress is None:
        return Cell(shown)
    return Cell(shown, ev.progress, "percent", 0)


def targets_table(
    result: PlanEvaluation, lang: Lang, previous: PlanEvaluation | None = None, caption: str = ""
) -> Table:
    w = words(lang)
    deadline = label_for_date(result.plan.meta.deadline)
    over = ended(result)
    columns: tuple[Column, ...] = (
        col("indicator", w["h_indicator_unit"], width=26),
        col("target", label(HEAD, "target", lang), "r", 10),
        col("latest", label(HEAD, "latest", lang), "r", 10),
        col("period", label(HEAD, "period", lang), width=9),
        col("attainment", w["h_attainment"], "r", 9),
        col("progress", w["h_progress_elapsed"], "r", 11),
        col("growth", w["h_growth_actual"] if over else w["h_growth"], "r", 13),
        col("projection", word("h_projection", lang, period=deadline), "r", 16),
        col("status", label(HEAD, "status", lang), width=9),
    )
    pa = assess_plan(result)
    said = {ev.indicator.id: a for ev, a in pa.items}
    midterm = pa.mode is Mode.midterm  # after it, 状态 already says 已完成 / 未完成 / 预计…
    lights = pa.scheme is Scheme.lights
    if midterm:
        columns += (col("evaluation", w["h_evaluation"], width=10),)
    if lights:
        columns += (col("light", label(VERDICT_TEXT, "head_lights", lang), width=5),)
    before = {e.indicator.id: e for e in previous.evaluations} if previous else {}
    if previous is not None:
        columns += (
            col("previous_status", w["h_prev_status"], width=9),
            col("change", w["h_change"], "r", 9),
        )
    rows = []
    for ev in result.evaluations:
        if ev.indicator.target is None:
            continue
        t = ev.indicator.target
        latest = (
            ev.cumulative if ev.cumulative is not None else (ev.latest.value if ev.latest else None)
        )
        proj = num(ev.projection.value if ev.projection else None)
        lo, hi = ev.projection_low, ev.projection_high
        if ev.projection and lo is not None and hi is not None and fmt.number(lo) != fmt.number(hi):
            shown = word(
                "range_cell", lang, value=proj.text, low=fmt.number(lo), high=fmt.number(hi)
            )
            proj = Cell(shown, proj.value, "number", proj.decimals)
        target_value = t.value if t.type != "growth" else None
        tcell = Cell(
            target_text(ev, lang),
            target_value,
            "number" if target_value is not None else "text",
            fmt.decimals_of(target_value) if target_value is not None else 0,
        )
        no_progress = t.type == "growth"
        name = name_unit(ev, lang)
        if ev.indicator.responsible:  # 责任单位 under the name: a tenth column would not fit A4
            colon = catalog_word("punct.colon", lang)
            name += f"\n{w['h_responsible']}{colon}{ev.indicator.responsible}"
        row: tuple[Cell, ...] = (
            text(name),
            tcell,
            num(latest),
            period_cell(ev, result, lang),
            pct(ev.attainment),
            Cell(DASH) if no_progress else progress_cell(ev, result.time_elapsed),
            (pct(ev.actual_growth) if over else Cell(growth_text(ev))),
            proj,
            status_cell(ev, lang, result),
        )
        a = said.get(ev.indicator.id)
        if midterm:
            row += (verdict_cell(a, lang, pa.statuses),)
        if lights:
            row += (light_cell(a, lang, pa.statuses),)
        if previous is not None:
            old = before.get(ev.indicator.id)
            row += (
                status_cell(old, lang, previous) if old else Cell(DASH),
                change_cell(ev, old),
            )
        rows.append(row)
    return Table("targets", columns, tuple(rows), caption)


def change_cell(ev: Evaluation, old: Evaluation | None) -> Cell:
    """Attainment now less attainment then, in percentage points ("+3.2")."""
    if old is None or ev.attainment is None or old.attainment is None:
        return Cell(DASH)
    points = (ev.attainment - old.attainment) * 100
    shown = f"{points:+.1f}".replace("-", "−")
    return Cell(shown, points / 100, "percent", 1)


def monitored_table(result: PlanEvaluation, lang: Lang, caption: str = "") -> Table:
    w = words(lang)
    columns = (
        col("indicator", label(HEAD, "indicator", lang), width=28),
        col("unit", label(HEAD, "unit", lang), width=6),
        col("latest", label(HEAD, "latest", lang), "r"),
        col("period", label(HEAD, "period", lang), width=9),
        col("actual_growth", w["h_actual"], "r", 14),
    )
    rows = tuple(
        (
            text(ev.indicator.display_name(lang)),
            text(unit_text(ev.indicator.unit, lang)),
            num(ev.latest.value if ev.latest else None),
            period_cell(ev, result, lang),
            pct(ev.actual_growth),
        )
        for ev in result.evaluations
        if ev.indicator.target is None
    )
    return Table("monitored", columns, rows, caption)


def summary_table(result: PlanEvaluation, lang: Lang) -> Table:
    """Every indicator with every figure in its own column: the spreadsheet's summary."""
    w = words(lang)
    deadline = label_for_date(result.plan.meta.deadline)
    columns = (
        col("id", w["h_id"], width=30),
        col("indicator", label(HEAD, "indicator", lang), width=28),
        col("unit", label(HEAD, "unit", lang), width=6),
        col("target_type", w["h_target_type"], width=10),
        col("target", label(HEAD, "target", lang), "r"),
        col("period", label(HEAD, "period", lang), width=9),
        col("latest", label(HEAD, "latest", lang), "r"),
        col("cumulative", w["h_cumulative"], "r"),
        col("attainment", w["h_attainment"], "r"),
        col("progress", w["h_progress"], "r"),
        col("elapsed", w["h_elapsed"], "r"),
        col("required_growth", w["h_need"], "r", 14),
        col("actual_growth", w["h_actual"], "r", 14),
        col("growth_ratio", w["h_ratio"], "r"),
        col("required_per_year", w["h_need_per_year"], "r", 14),
        col("actual_per_year", w["h_actual_per_year"], "r", 14),
        col("projection", word("h_projection", lang, period=deadline), "r", 14),
        col("projection_low", w["h_low"], "r"),
        col("projection_high", w["h_high"], "r"),
        col("status", label(HEAD, "status", lang), width=10),
        col("final", w["h_final"], width=6),
    )
    rows = []
    for ev in result.evaluations:
        ind = ev.indicator
        t = ind.target
        ratio = ev.growth_ratio
        rows.append(
            (
                text(ind.id, data=False),
                text(ind.display_name(lang)),
                text(unit_text(ind.unit, lang)),
                text(label(TARGET_TYPE, t.type, lang) if t else None, data=False),
                num(t.value if t else None),
                text(str(ev.latest.period) if ev.latest else None, data=False),
                num(ev.latest.value if ev.latest else None),
                num(ev.cumulative),
                pct(ev.attainment),
                pct(ev.progress),
                pct(result.time_elapsed if t else None),
                pct(ev.required_growth),
                pct(ev.actual_growth),
                Cell(fmt.ratio(ratio), ratio, "number", 2) if ratio is not None else Cell(DASH),
                num(ev.required_per_year),
                num(ev.actual_per_year),
                num(ev.projection.value if ev.projection else None),
                num(ev.projection_low),
                num(ev.projection_high),
                status_cell(ev, lang, result),
                text(word("yes", lang) if ev.final else None, data=False),
            )
        )
    return Table("summary", columns, tuple(rows))


def history_table(ev: Evaluation, lang: Lang) -> Table:
    w = words(lang)
    columns = (
        col("period", label(HEAD, "period", lang), width=10),
        col("value", label(HEAD, "value", lang), "r", 14),
        col("region", label(HEAD, "region", lang), width=10),
        col("flag", label(HEAD, "flag", lang), width=6),
        col("yoy", w["h_yoy"], "r", 10),
        col("published", label(HEAD, "published", lang), width=12),
        col("computed", w["h_computed"], width=8),
        col("source", w["h_source"], width=60),
        col("note", w["h_note"], width=40),
    )
    rows = tuple(_history_row(o, lang) for o in ev.history)
    return Table(f"history:{ev.indicator.id}", columns, rows)


def _history_row(o: Observation, lang: Lang) -> tuple[Cell, ...]:
    published = (
        Cell(o.published.isoformat(), o.published.isoformat(), "date")
        if o.published
        else Cell(DASH)
    )
    return (
        text(str(o.period), data=False),
        num(o.value),
        text(o.region or None),
        text(o.flag),
        pct(o.yoy / 100 if o.yoy is not None else None, 2),
        published,
        text(word("yes", lang) if o.computed else None, data=False),
        text(o.source),
        text(o.note),
    )


def sources_table(result: PlanEvaluation, lang: Lang, cites: Citations, caption: str = "") -> Table:
    """Per indicator: what the target rests on, and the references its figures come from."""
    w = words(lang)
    columns = (
        col("indicator", label(HEAD, "indicator", lang), width=28),
        col("target_source", w["h_target_source"], width=50),
        col("data_source", w["h_data_source"], width=40),
        Column("note", w["h_note"], "l", 60, sheet_only=True),  # as the data files say it
    )
    names = {e.indicator.id: e.indicator.display_name(lang) for e in result.evaluations}
    rows = []
    for ev in result.evaluations:
        ind = ev.indicator
        target = ind.target.source if ind.target and ind.target.source else None
        numbers: list[int] = []
        for o in ev.history:
            numbers += [n for n in cites.refs(o.source) if n not in numbers]
        bits = ["".join(f"[{n}]" for n in sorted(numbers))] if numbers else []
        if ind.formula is not None and ind.formula.ids:
            sep = catalog_word("punct.and", lang)
            parts = sep.join(names.get(i, i) for i in ind.formula.ids)
            bits.append(word("computed_from", lang, parts=parts))
        data = catalog_word("punct.semicolon", lang).join(bits) or word("no_source", lang)
        rows.append(
            (
                text(ind.display_name(lang)),
                text(cites.rewrite(target) if target else None),
                Cell.of(data),
                text(ind.source),
            )
        )
    return Table("sources", columns, tuple(rows), caption)
