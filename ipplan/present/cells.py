"""The cells of a status row, as text: shared by the table, Markdown and CSV renderers."""

from __future__ import annotations

from dataclasses import dataclass

from ipplan.evaluate import Evaluation
from ipplan.present import fmt
from ipplan.present.labels import TARGET_TYPE


@dataclass(frozen=True)
class Row:
    name: str
    unit: str
    target: str
    latest: str
    period: str
    attainment: str
    progress: str
    growth: str
    projection: str  # no status: its word depends on the date (present/final.status_text)


def target_text(ev: Evaluation, lang: str) -> str:
    t = ev.indicator.target
    if t is None:
        return fmt.DASH
    if t.type == "growth":
        return TARGET_TYPE["growth"][lang]
    value = fmt.number(t.value)
    if t.type == "cumulative":
        return f"{TARGET_TYPE['cumulative'][lang]} {value}" if lang == "en" else f"累计{value}"
    if t.direction == "decrease":
        return f"≤{value}"
    return value


def growth_text(ev: Evaluation) -> str:
    """Required against actual: annual growth rates, or per-year amounts on a linear pace.

    Once a target is achieved nothing more is required: only the actual figure is shown."""
    done = ev.status == "achieved"
    if ev.growth_basis == "linear":
        need, actual = ev.required_per_year, ev.actual_per_year
        if need is None and actual is None:
            return fmt.DASH
        return f"{fmt.DASH if done else fmt.number(need)}/{fmt.number(actual)}"
    if ev.required_growth is None and ev.actual_growth is None:
        return fmt.DASH
    need_rate = fmt.DASH if done else _rate(ev.required_growth).rstrip("%")
    return f"{need_rate}/{_rate(ev.actual_growth)}"


def _rate(value: float | None) -> str:
    """A growth rate for a table cell: beyond ±999% the digits say nothing more."""
    if value is not None and abs(value) >= 10:
        return ">999%" if value > 0 else "<-999%"
    return fmt.percent(value)


def row(ev: Evaluation, lang: str, time_elapsed: float) -> Row:
    latest = (
        ev.cumulative if ev.cumulative is not None else (ev.latest.value if ev.latest else None)
    )
    progress = fmt.DASH
    if ev.indicator.target is not None and ev.indicator.target.type != "growth":
        progress = f"{fmt.percent(ev.progress, 0).rstrip('%')}/{fmt.percent(time_elapsed, 0)}"
    return Row(
        name=ev.indicator.display_name(lang),
        unit=fmt.unit_text(ev.indicator.unit, lang),
        target=target_text(ev, lang),
        latest=fmt.number(latest),
        period=str(ev.latest.period) if ev.latest else fmt.DASH,
        attainment=fmt.percent(ev.attainment),
        progress=progress,
        growth=growth_text(ev),
        projection=fmt.number(ev.projection.value) if ev.projection else fmt.DASH,
    )
