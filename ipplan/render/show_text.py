"""The words of `ipplan show`: every figure with its formula, in Chinese or English.

Pure functions from an evaluation to lines of text. The formulas are those of
docs/methods.md; docs/methodology.md works them through on the bundled data.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ipplan.analysis.derivation import Note
from ipplan.analysis.evaluate import Evaluation, PlanEvaluation
from ipplan.analysis.figures import BEHIND, ON_TRACK
from ipplan.analysis.project import REGISTRY, Projection
from ipplan.core.i18n import Lang, word, word_pair
from ipplan.core.model import Observation
from ipplan.present import fmt
from ipplan.present.labels import has_label, status_word

# each method's name, from the registry's catalog key
METHOD_NAME = {m: word_pair(spec.words) for m, spec in REGISTRY.items()}


@dataclass(frozen=True)
class Ctx:
    result: PlanEvaluation
    ev: Evaluation
    lang: Lang

    def w(self, key: str, **params: object) -> str:
        """The catalog's word ``show.<key>`` (ipplan/messages/words_show.py), filled in."""
        return word(f"show.{key}", self.lang, **params)

    @property
    def deadline(self) -> date:
        return self.result.plan.meta.deadline

    def by_deadline(self) -> str:
        d = self.deadline
        if (d.month, d.day) == (12, 31):
            return word("line.year_end", self.lang, year=d.year)
        return d.isoformat()

    def amount(self, value: float | None) -> str:
        """A value with its unit: 30,847件 / 30,847 items; 35% for percentages."""
        unit = self.ev.indicator.unit
        text = fmt.number(value)
        if value is None:
            return text
        if unit == "%":
            return text + "%"
        words = fmt.unit_text(unit, self.lang)  # the units table of status, need, reports
        return word("line.value_unit", self.lang, value=text, unit=words) if words else text

    @property
    def series(self) -> list[Observation]:
        return [o for o in self.ev.history if o.end <= self.deadline]

    @property
    def first(self) -> Observation | None:
        """The earliest observation of the five-year window (actual growth starts here)."""
        window = self.ev.derivation.window  # none for cumulative targets
        return window.first if window is not None else None


def pv(ctx: Ctx, o: Observation) -> str:
    """How a period's value is named: 2021年值, 2022-04值; "2021 value"."""
    return ctx.w("period_value_year" if o.period.freq == "Y" else "period_value", period=o.period)


def years(x: float | None) -> str:
    return fmt.DASH if x is None else f"{x:.2f}"


def span_words(ctx: Ctx, span: float) -> str:
    whole = round(span)
    if abs(span - whole) < 0.05 and 1 <= whole <= 5:
        return ctx.w(f"span_{whole}")
    return ctx.w("span", years=f"{span:.1f}")


def share(ctx: Ctx, p: Projection) -> float | None:
    """How much of the target a projection reaches (mirrored for decrease targets)."""
    ev = ctx.ev
    found = zip(ev.projections, ev.derivation.shares, strict=False)
    return next((s for q, s in found if q is p), None)


# --------------------------------------------------------------------------- figures


def figures(ctx: Ctx) -> list[str]:
    """Every figure of methods.md that applies, each as "name value = formula in words"."""
    ev, t = ctx.ev, ctx.ev.indicator.target
    if ev.latest is None:
        return [ctx.w("no_data")]
    if t is None:
        return _monitoring(ctx)
    if t.type == "growth":
        return _growth(ctx)
    lines = _cumulative_figures(ctx) if t.type == "cumulative" else _level_figures(ctx)
    return [*lines, _elapsed(ctx), _status_line(ctx)]


def _elapsed(ctx: Ctx) -> str:
    meta, r = ctx.result.plan.meta, ctx.result
    a, b = r.elapsed_days
    return ctx.w("elapsed", pct=fmt.percent(r.time_elapsed), as_of=r.as_of, start=meta.start,
                 deadline=meta.deadline, a=a, b=b)  # fmt: skip


def _years_left(ctx: Ctx) -> str:
    ev = ctx.ev
    assert ev.latest is not None
    days = ev.derivation.days_left
    return ctx.w("years_left", years=years(ev.years_left), end=ev.latest.end,
                 deadline=ctx.deadline, days=days)  # fmt: skip


def _level_figures(ctx: Ctx) -> list[str]:
    ev, w, n = ctx.ev, ctx.w, fmt.number
    t = ev.indicator.target
    assert t is not None and t.value is not None and ev.latest is not None
    T, v, p = t.value, ev.latest.value, ev.latest.period
    up = t.increasing
    lines = [
        w("attainment" if up else "attainment_down", pct=fmt.percent(ev.attainment), value=n(v),
          period=p, target=n(T)),
    ]  # fmt: skip
    lines.append(_progress(ctx, v, T))
    lines.append(w("gap" if up else "gap_down", gap=n(ev.gap), target=n(T), value=n(v)))
    lines.append(_years_left(ctx))
    yl = years(ev.years_left)
    if ev.required_growth is not None:
        lines.append(w("required_growth", pct=fmt.percent(ev.required_growth), target=n(T),
                       value=n(v), years=yl))  # fmt: skip
    if ev.required_per_year is None:  # the latest figure is at the deadline: nothing left
        return [*lines, *_actual(ctx), *_ratio(ctx)]
    lines.append(w("required_per_year" if up else "required_per_year_down",
                   need=n(ev.required_per_year), target=n(T), value=n(v), years=yl))  # fmt: skip
    lines.extend(_actual(ctx))
    lines.extend(_ratio(ctx))
    return lines


def _progress(ctx: Ctx, v: float, T: float) -> str:
    ev, w, n = ctx.ev, ctx.w, fmt.number
    base = ctx.result.plan.meta.baseline
    if ev.progress is None:
        why = w("no_baseline", base=base) if ev.baseline is None else w("target_is_baseline")
        return w("progress_none", why=why)
    b = ev.baseline.value if ev.baseline else 0.0
    if ev.cumulative is not None and ev.derivation.baseline_sum is not None:
        # the cumulative sum at the baseline (0 when counting starts after it)
        b = ev.derivation.baseline_sum
    return w("progress", pct=fmt.percent(ev.progress), value=n(v), base=n(b), target=n(T))


def _actual(ctx: Ctx) -> list[str]:
    ev, w, n = ctx.ev, ctx.w, fmt.number
    assert ev.latest is not None
    v, p = ev.latest.value, ev.latest.period
    first = ctx.first
    lines: list[str] = []
    if ev.growth_basis == "yoy":
        yoy = fmt.number(ev.latest.yoy, 2)
        lines.append(w("actual_growth_yoy", pct=fmt.percent(ev.actual_growth), yoy=yoy))
    elif first is not None and ev.derivation.window is not None:
        span = years(ev.derivation.window.years)
        if ev.actual_growth is not None:
            lines.append(w("actual_growth", pct=fmt.percent(ev.actual_growth), value=n(v),
                           first_name=pv(ctx, first), first_value=n(first.value), span=span,
                           first=first.period, period=p))  # fmt: skip
        if ev.actual_per_year is not None:
            lines.append(w("actual_per_year", pace=n(ev.actual_per_year), value=n(v),
                           first_name=pv(ctx, first), first_value=n(first.value),
                           span=span))  # fmt: skip
    else:
        lines.append(w("no_trend"))
    return lines


def _ratio(ctx: Ctx) -> list[str]:
    ev, w, n = ctx.ev, ctx.w, fmt.number
    r = fmt.ratio(ev.growth_ratio)
    if ev.growth_ratio is None:
        return []
    if ev.growth_basis == "linear":
        return [w("pace_ratio", ratio=r, actual=n(ev.actual_per_year),
                  need=n(ev.required_per_year))]  # fmt: skip
    return [w("growth_ratio", ratio=r, actual=fmt.percent(ev.actual_growth),
              need=fmt.percent(ev.required_growth))]  # fmt: skip


def _cumulative_figures(ctx: Ctx) -> list[str]:
    ev, w, n = ctx.ev, ctx.w, fmt.number
    t = ev.indicator.target
    assert t is not None and t.value is not None and t.from_period is not None
    assert ev.latest is not None and ev.cumulative is not None
    T, S = t.value, ev.cumulative
    counted = ev.derivation.counted
    terms = (
        " + ".join(n(o.value) for o in counted)
        if len(counted) <= 8
        else w("periods", n=len(counted))
    )
    lines = [
        w("cumulative", sum=n(S), first=counted[0].period, last=counted[-1].period, terms=terms),
        w("attainment_cumulative", pct=fmt.percent(ev.attainment), sum=n(S), target=n(T)),
        _progress(ctx, S, T),
        w("gap_cumulative", gap=n(ev.gap), target=n(T), sum=n(S)),
        _years_left(ctx),
    ]
    elapsed = years(ev.derivation.elapsed_years)
    lines.append(w("actual_per_year_cumulative", pace=n(ev.actual_per_year), sum=n(S),
                   since=t.from_period, years=elapsed))  # fmt: skip
    lines.append(w("required_per_year_cumulative", need=n(ev.required_per_year), target=n(T),
                   sum=n(S), years=years(ev.years_left)))  # fmt: skip
    if ev.growth_ratio is not None:
        lines.append(w("pace_ratio_cumulative", ratio=fmt.ratio(ev.growth_ratio)))
    return lines


def _growth(ctx: Ctx) -> list[str]:
    ev, w, n = ctx.ev, ctx.w, fmt.number
    assert ev.latest is not None
    base = ctx.result.plan.meta.baseline
    steps = ev.derivation.steps
    lines = [w("growth_target", base=base)]
    for step in steps:
        a, b, d = step.before, step.after, step.change
        lines.append(
            f"  {a.period}→{b.period}: {n(a.value)} → {n(b.value)} ({'+' if d > 0 else ''}{n(d)})"
        )
    if not steps:
        lines.append(w("growth_too_few"))
    if ev.actual_growth is not None:
        lines.extend(_actual(ctx))
    lines.append(_status_line(ctx))
    return lines


def _monitoring(ctx: Ctx) -> list[str]:
    return [
        ctx.w("monitoring"),
        *_actual(ctx),
    ]


def _status_line(ctx: Ctx) -> str:
    ev, w = ctx.ev, ctx.w
    s = status_word(ev.status, ctx.lang)
    r = fmt.ratio(ev.growth_ratio)
    why = w(f"why.{ev.status}", ratio=r, on=f"{ON_TRACK:.2f}", behind=f"{BEHIND:.2f}")
    growth = ev.indicator.target is not None and ev.indicator.target.type == "growth"
    if growth and has_label("show.why_growth", ev.status):
        why = w(f"why_growth.{ev.status}")
    tail = w("bands") if ev.growth_ratio is not None else ""
    if ev.final:
        tail += w("final_verdict")
    elif Note.final_awaited in ev.notes:
        tail += w("final_awaited")
    return w("status_line", status=s, why=why, tail=tail)
