"""The words of `ipplan show`: every figure with its formula, in Chinese or English.

Pure functions from an evaluation to lines of text. The formulas are those of
docs/methods.md; docs/methodology.md works them through on the bundled data.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ipplan.derivation import Note
from ipplan.evaluate import Evaluation, PlanEvaluation
from ipplan.figures import BEHIND, ON_TRACK
from ipplan.i18n import Lang, message
from ipplan.model import Observation
from ipplan.present import fmt
from ipplan.present.labels import status_word
from ipplan.project import REGISTRY, Projection

# each method's name, from the registry's catalog key
METHOD_NAME = {
    m: {lang: message(spec.words, lang)[0] for lang in ("zh", "en")} for m, spec in REGISTRY.items()
}


@dataclass(frozen=True)
class Ctx:
    result: PlanEvaluation
    ev: Evaluation
    lang: Lang

    def w(self, zh: str, en: str) -> str:
        return zh if self.lang == "zh" else en

    @property
    def deadline(self) -> date:
        return self.result.plan.meta.deadline

    def by_deadline(self) -> str:
        d = self.deadline
        if (d.month, d.day) == (12, 31):
            return self.w(f"{d.year}年底", f"end-{d.year}")
        return d.isoformat()

    def amount(self, value: float | None) -> str:
        """A value with its unit: 30,847件 / 30,847 items; 35% for percentages."""
        unit = self.ev.indicator.unit
        text = fmt.number(value)
        if value is None:
            return text
        if unit == "%":
            return text + "%"
        if self.lang == "zh":
            return text + unit
        words = fmt.unit_text(unit, self.lang)  # the units table of status, need, reports
        return f"{text} {words}" if words else text

    @property
    def series(self) -> list[Observation]:
        return [o for o in self.ev.history if o.end <= self.deadline]

    @property
    def first(self) -> Observation | None:
        """The earliest observation of the five-year window (actual growth starts here)."""
        window = self.ev.derivation.window  # none for cumulative targets
        return window.first if window is not None else None


def pv(o: Observation) -> str:
    """How a period's value is named in Chinese: 2021年值, 2022-04值."""
    return f"{o.period}年值" if o.period.freq == "Y" else f"{o.period}值"


def years(x: float | None) -> str:
    return fmt.DASH if x is None else f"{x:.2f}"


def span_words(ctx: Ctx, span: float) -> str:
    whole = round(span)
    if abs(span - whole) < 0.05 and 1 <= whole <= 5:
        return ctx.w(
            f"近{'一两三四五'[whole - 1]}年", f"over the last {whole} year{'s' * (whole > 1)}"
        )
    return ctx.w(f"近{span:.1f}年", f"over the last {span:.1f} years")


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
        return [ctx.w("尚无数据，无法计算。", "No data yet: nothing to compute.")]
    if t is None:
        return _monitoring(ctx)
    if t.type == "growth":
        return _growth(ctx)
    lines = _cumulative_figures(ctx) if t.type == "cumulative" else _level_figures(ctx)
    return [*lines, _elapsed(ctx), _status_line(ctx)]


def _elapsed(ctx: Ctx) -> str:
    meta, r = ctx.result.plan.meta, ctx.result
    a, b = r.elapsed_days
    return ctx.w(
        f"序时进度 {fmt.percent(r.time_elapsed)} = (截至 {r.as_of} - 方案起点 {meta.start}) ÷ "
        f"(截止日 {meta.deadline} - 方案起点) = {a}天 ÷ {b}天（限于0–100%）",
        f"time elapsed {fmt.percent(r.time_elapsed)} = (as of {r.as_of} - plan start "
        f"{meta.start}) ÷ (deadline {meta.deadline} - plan start) = {a} ÷ {b} days "
        "(clipped to 0–100%)",
    )


def _years_left(ctx: Ctx) -> str:
    ev = ctx.ev
    assert ev.latest is not None
    days = ev.derivation.days_left
    return ctx.w(
        f"剩余年数 {years(ev.years_left)} = 最新数据期末 {ev.latest.end} 至截止日 "
        f"{ctx.deadline} 的 {days} 天 ÷ 365.25",
        f"years left {years(ev.years_left)} = {days} days from the latest period's end "
        f"{ev.latest.end} to the deadline {ctx.deadline} ÷ 365.25",
    )


def _level_figures(ctx: Ctx) -> list[str]:
    ev, w, n = ctx.ev, ctx.w, fmt.number
    t = ev.indicator.target
    assert t is not None and t.value is not None and ev.latest is not None
    T, v, p = t.value, ev.latest.value, ev.latest.period
    up = t.increasing
    lines = [
        w(
            f"完成率 {fmt.percent(ev.attainment)} = 最新值 {n(v)}（{p}）÷ 目标 {n(T)}",
            f"attainment {fmt.percent(ev.attainment)} = latest {n(v)} ({p}) ÷ target {n(T)}",
        )
        if up
        else w(
            f"完成率 {fmt.percent(ev.attainment)} = 目标 {n(T)} ÷ 最新值 {n(v)}（{p}）（下"
            "降型目标，越低越好）",
            f"attainment {fmt.percent(ev.attainment)} = target {n(T)} ÷ latest {n(v)} ({p}) "
            "(a decrease target: lower is better)",
        ),
    ]
    lines.append(_progress(ctx, v, T))
    lines.append(
        w(
            f"差距 {n(ev.gap)} = "
            + (f"目标 {n(T)} - 最新值 {n(v)}" if up else f"最新值 {n(v)} - 目标 {n(T)}")
            + "（已达到则为0）",
            f"gap {n(ev.gap)} = "
            + (f"target {n(T)} - latest {n(v)}" if up else f"latest {n(v)} - target {n(T)}")
            + " (0 once reached)",
        )
    )
    lines.append(_years_left(ctx))
    yl = years(ev.years_left)
    if ev.required_growth is not None:
        lines.append(
            w(
                f"所需年均增速 {fmt.percent(ev.required_growth)} = (目标 {n(T)} ÷ 最新值 "
                f"{n(v)})^(1 "
                f"÷ {yl}) - 1",
                f"required growth {fmt.percent(ev.required_growth)} = (target {n(T)} ÷ "
                f"latest {n(v)})"
                f"^(1 ÷ {yl}) - 1 a year",
            )
        )
    if ev.required_per_year is None:  # the latest figure is at the deadline: nothing left
        return [*lines, *_actual(ctx), *_ratio(ctx)]
    lines.append(
        w(
            f"年均需{'新增' if up else '变化'} {n(ev.required_per_year)} = "
            f"(目标 {n(T)} - 最新值 {n(v)}) ÷ 剩余年数 {yl}",
            f"required per year {n(ev.required_per_year)} = (target {n(T)} - latest "
            f"{n(v)}) ÷ {yl} years",
        )
    )
    lines.extend(_actual(ctx))
    lines.extend(_ratio(ctx))
    return lines


def _progress(ctx: Ctx, v: float, T: float) -> str:
    ev, w, n = ctx.ev, ctx.w, fmt.number
    base = ctx.result.plan.meta.baseline
    if ev.progress is None:
        why = (
            w(f"基期（{base}）无数据", f"the baseline period {base} is not observed")
            if ev.baseline is None
            else w("目标等于基期值", "the target equals the baseline")
        )
        return w(f"目标进展 —：{why}，无法计算", f"progress —: {why}")
    b = ev.baseline.value if ev.baseline else 0.0
    if ev.cumulative is not None and ev.derivation.baseline_sum is not None:
        # the cumulative sum at the baseline (0 when counting starts after it)
        b = ev.derivation.baseline_sum
    return w(
        f"目标进展 {fmt.percent(ev.progress)} = (当前 {n(v)} - 基期 {n(b)}) ÷ (目标 {n(T)} "
        f"- 基期 {n(b)})",
        f"progress {fmt.percent(ev.progress)} = (now {n(v)} - baseline {n(b)}) ÷ "
        f"(target {n(T)} - baseline {n(b)})",
    )


def _actual(ctx: Ctx) -> list[str]:
    ev, w, n = ctx.ev, ctx.w, fmt.number
    assert ev.latest is not None
    v, p = ev.latest.value, ev.latest.period
    first = ctx.first
    lines: list[str] = []
    if ev.growth_basis == "yoy":
        yoy = fmt.number(ev.latest.yoy, 2)
        lines.append(
            w(
                f"实际增速 {fmt.percent(ev.actual_growth)} = 公布的同比增速 {yoy}%（仅一个数据点）",
                f"actual growth {fmt.percent(ev.actual_growth)} = the published "
                "year-on-year change "
                f"{yoy}% (one data point only)",
            )
        )
    elif first is not None and ev.derivation.window is not None:
        span = years(ev.derivation.window.years)
        if ev.actual_growth is not None:
            lines.append(
                w(
                    f"实际年均增速 {fmt.percent(ev.actual_growth)} = (最新值 {n(v)} ÷ {pv(first)} "
                    f"{n(first.value)})^(1 ÷ {span}) - 1（近5年内最早与最新数据，"
                    f"{first.period}—{p}）",
                    f"actual growth {fmt.percent(ev.actual_growth)} = (latest {n(v)} ÷ "
                    f"{first.period} "
                    f"value {n(first.value)})^(1 ÷ {span}) - 1 a year (earliest and latest point "
                    f"within 5 years, {first.period}–{p})",
                )
            )
        if ev.actual_per_year is not None:
            lines.append(
                w(
                    f"实际年均增量 {n(ev.actual_per_year)} = (最新值 {n(v)} - {pv(first)} "
                    f"{n(first.value)}) ÷ {span}年",
                    f"actual per year {n(ev.actual_per_year)} = (latest {n(v)} - "
                    f"{first.period} value "
                    f"{n(first.value)}) ÷ {span} years",
                )
            )
    else:
        lines.append(
            w(
                "实际增速 —：仅一个数据点，无法计算趋势",
                "actual growth —: one data point only, no trend",
            )
        )
    return lines


def _ratio(ctx: Ctx) -> list[str]:
    ev, w, n = ctx.ev, ctx.w, fmt.number
    r = fmt.ratio(ev.growth_ratio)
    if ev.growth_ratio is None:
        return []
    if ev.growth_basis == "linear":
        return [
            w(
                f"进度比 {r} = 实际年均增量 {n(ev.actual_per_year)} ÷ 年均需新增 "
                f"{n(ev.required_per_year)}（含0或负值时不用增速，改用线性进度）",
                f"pace ratio {r} = actual per year {n(ev.actual_per_year)} ÷ required per year "
                f"{n(ev.required_per_year)} (linear pace: growth rates are undefined at 0)",
            )
        ]
    return [
        w(
            f"增速比 {r} = 实际增速 {fmt.percent(ev.actual_growth)} ÷ 所需增速 "
            f"{fmt.percent(ev.required_growth)}",
            f"growth ratio {r} = actual growth {fmt.percent(ev.actual_growth)} ÷ required growth "
            f"{fmt.percent(ev.required_growth)}",
        )
    ]


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
        else w(f"共{len(counted)}期", f"{len(counted)} periods")
    )
    lines = [
        w(
            f"累计值 {n(S)} = {counted[0].period}—{counted[-1].period} 各期之和：{terms}",
            f"cumulative {n(S)} = sum of {counted[0].period}–{counted[-1].period}: {terms}",
        ),
        w(
            f"完成率 {fmt.percent(ev.attainment)} = 累计值 {n(S)} ÷ 目标 {n(T)}",
            f"attainment {fmt.percent(ev.attainment)} = cumulative {n(S)} ÷ target {n(T)}",
        ),
        _progress(ctx, S, T),
        w(
            f"差距 {n(ev.gap)} = 目标 {n(T)} - 累计值 {n(S)}（已达到则为0）",
            f"gap {n(ev.gap)} = target {n(T)} - cumulative {n(S)} (0 once reached)",
        ),
        _years_left(ctx),
    ]
    elapsed = years(ev.derivation.elapsed_years)
    lines.append(
        w(
            f"实际年均完成 {n(ev.actual_per_year)} = 累计值 {n(S)} ÷ 自{t.from_period}起已"
            f"过 {elapsed} 年",
            f"actual per year {n(ev.actual_per_year)} = cumulative {n(S)} ÷ {elapsed} years since "
            f"the start of {t.from_period}",
        )
    )
    lines.append(
        w(
            f"年均需完成 {n(ev.required_per_year)} = (目标 {n(T)} - 累计值 {n(S)}) ÷ 剩余年数 "
            f"{years(ev.years_left)}",
            f"required per year {n(ev.required_per_year)} = (target {n(T)} - cumulative {n(S)}) ÷ "
            f"{years(ev.years_left)} years",
        )
    )
    if ev.growth_ratio is not None:
        lines.append(
            w(
                f"进度比 {fmt.ratio(ev.growth_ratio)} = 实际年均完成 ÷ 年均需完成（累计目标"
                "按线性进度）",
                f"pace ratio {fmt.ratio(ev.growth_ratio)} = actual per year ÷ required per year "
                "(cumulative targets are judged on the linear pace)",
            )
        )
    return lines


def _growth(ctx: Ctx) -> list[str]:
    ev, w, n = ctx.ev, ctx.w, fmt.number
    assert ev.latest is not None
    base = ctx.result.plan.meta.baseline
    steps = ev.derivation.steps
    lines = [
        w(
            f"目标为稳步增长：看基期（{base}）以来各期的变化，每期都增长为进度正常",
            f"a steady-growth target: judged on each change since the baseline {base}; "
            "every change up means on track",
        )
    ]
    for step in steps:
        a, b, d = step.before, step.after, step.change
        lines.append(
            f"  {a.period}→{b.period}: {n(a.value)} → {n(b.value)} ({'+' if d > 0 else ''}{n(d)})"
        )
    if not steps:
        lines.append(
            w("基期以来不足两个数据点，无法判断", "fewer than two points since the baseline")
        )
    if ev.actual_growth is not None:
        lines.extend(_actual(ctx))
    lines.append(_status_line(ctx))
    return lines


def _monitoring(ctx: Ctx) -> list[str]:
    return [
        ctx.w("无目标，仅监测。", "No target: monitored only."),
        *_actual(ctx),
    ]


def _status_line(ctx: Ctx) -> str:
    ev, w = ctx.ev, ctx.w
    s = status_word(ev.status, ctx.lang)
    r = fmt.ratio(ev.growth_ratio)
    why = {
        "achieved": w("已达到目标", "the target is reached"),
        "on_track": w(f"比值 {r} ≥ {ON_TRACK:.2f}", f"ratio {r} ≥ {ON_TRACK:.2f}"),
        "behind": w(
            f"{BEHIND:.2f} ≤ 比值 {r} < {ON_TRACK:.2f}",
            f"{BEHIND:.2f} ≤ ratio {r} < {ON_TRACK:.2f}",
        ),
        "off_track": w(f"0 ≤ 比值 {r} < {BEHIND:.2f}", f"0 ≤ ratio {r} < {BEHIND:.2f}"),
        "moving_away": w(
            f"比值 {r} < 0：指标在远离目标", f"ratio {r} < 0: moving away from the target"
        ),
        "missed": w(
            "已过截止日期，截止期数据未达到目标",
            "the deadline has passed and its figure misses the target",
        ),
        "insufficient_data": w("数据不足，无法判断", "not enough data to judge"),
        "monitoring": w("无目标", "no target"),
    }[ev.status]
    if ev.indicator.target is not None and ev.indicator.target.type == "growth":
        why = {
            "on_track": w("基期以来每期都增长", "every change since the baseline is up"),
            "behind": w(
                "最近一期增长，但此前有未增长的时期",
                "the latest change is up, an earlier one was not",
            ),
            "off_track": w("最近一期未增长", "the latest change is not up"),
            "achieved": w("截止期已到，各期均增长", "final: every change was up"),
            "missed": w("截止期已到，并非各期都增长", "final: not every change was up"),
        }.get(ev.status, why)
    bands = w(
        "（欧盟统计局分档：≥0.95 进度正常，0.60–0.95 需加快，0–0.60 严重滞后，<0 倒退）",
        " (Eurostat bands: ≥ 0.95 on track, 0.60–0.95 behind, 0–0.60 off track, < 0 moving away)",
    )
    tail = bands if ev.growth_ratio is not None else ""
    if ev.final:
        tail += w(
            "；截止期已有数据，此为最终结论",
            "; the deadline's figure is in: a verdict, not a forecast",
        )
    elif Note.final_awaited in ev.notes:
        tail += w(
            "；已过截止日期，待截止期数据", "; the deadline has passed, its figure is awaited"
        )
    return w(f"状态 {s}：{why}{tail}", f"status {s}: {why}{tail}")
