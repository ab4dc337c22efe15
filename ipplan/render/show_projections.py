"""The words of `ipplan show` about projections: each method's formula, its backtest,
auto's choice, and the one-sentence summary."""

from __future__ import annotations

from ipplan.analysis.project import PACE, REGISTRY, Check, Method, holdout
from ipplan.core.i18n import word
from ipplan.present import fmt
from ipplan.present.labels import status_word
from ipplan.render.show_text import METHOD_NAME, Ctx, share, span_words


def method_formula(ctx: Ctx, method: str, n_points: int, first: str, last: str) -> str:
    ev, w = ctx.ev, ctx.w
    cum = ev.cumulative is not None
    v = fmt.number(ev.cumulative if cum else (ev.latest.value if ev.latest else None))
    spec = REGISTRY[Method(method)]
    if method == PACE:
        return word(spec.formula, ctx.lang, v=v, pace=fmt.number(ev.actual_per_year))
    what = w("flows_fitted" if cum else "points_fitted", n=n_points, first=first, last=last)
    key = spec.formula_flows if cum and spec.formula_flows else spec.formula
    text = word(key, ctx.lang, what=what, growth=fmt.percent(ev.actual_growth))
    if cum:
        text += w("flows_added", v=v)
    return f"{METHOD_NAME[Method(method)][ctx.lang]}: {text}"


def backtest_line(ctx: Ctx, p_fitted: tuple[str, ...], checks: tuple[Check, ...]) -> str:
    cs = list(checks)
    k = len(cs)
    train = p_fitted[: len(p_fitted) - k]
    held = word("punct.enum", ctx.lang).join(
        ctx.w("held_out", period=c.period, predicted=fmt.number(c.predicted),
              actual=fmt.number(c.actual))
        for c in cs
    )  # fmt: skip
    return ctx.w("backtest", first=train[0], last=train[-1], held=held)


def choice_line(ctx: Ctx, method_asked: str) -> str:
    ev, w = ctx.ev, ctx.w
    p, reason = ev.projection, ev.projection_reason
    if p is None:
        if method_asked != "auto" and ev.projections:
            return w("method_impossible", method=method_asked)
        if ev.final:
            return w("no_projection_final")
        if ev.years_left is not None and ev.years_left <= 0:
            return w("no_projection_latest")
        return w("no_projection")
    name = METHOD_NAME[p.method][ctx.lang]
    if reason == "asked":
        return w("asked", name=name)
    if reason == "backtest":
        return w("auto_backtest", name=name, error=fmt.percent(p.error))
    n_points = len(p.fitted)
    why = w("too_few_to_backtest", n=n_points)
    if holdout(n_points) and p.error is None:
        why = w("backtest_no_error")
    return w("auto", name=name, why=why, basis=w("basis"))


def summary(ctx: Ctx) -> str:
    """One sentence a leader can read: what is needed, what happens, where it leads."""
    ev, w = ctx.ev, ctx.w
    t = ev.indicator.target
    p = ev.projection
    if ev.latest is None or t is None:
        return ""
    if ev.final:
        return w(
            "s_final", amount=ctx.amount(ev.latest.value), status=status_word(ev.status, ctx.lang)
        )
    end = ""
    if p is not None:
        pct = share(ctx, p)
        name = METHOD_NAME[p.method][ctx.lang]
        reach = w("s_reach", pct=fmt.percent(pct, 0)) if pct else ""
        end = w("s_projected", name=name, amount=ctx.amount(p.value), period=str(p.period),
                reach=reach)  # fmt: skip
    by = ctx.by_deadline()
    first = ctx.first
    if ev.status == "achieved" and t.value is not None:  # reached: nothing more is required
        now = ev.cumulative if ev.cumulative is not None else ev.latest.value
        more = w("s_more_up") if t.increasing else w("s_more_down")
        return w("s_reached", period=ev.latest.period, target=ctx.amount(t.value),
                 now=ctx.amount(now), more=more, end=end)  # fmt: skip
    if t.type == "cumulative":
        since = t.from_period
        return w("s_cumulative", by=by, gap=ctx.amount(ev.gap),
                 need=fmt.number(ev.required_per_year), since=since,
                 pace=fmt.number(ev.actual_per_year), end=end)  # fmt: skip
    if t.type == "growth":
        return w("s_growth", status=status_word(ev.status, ctx.lang), end=end)
    if ev.growth_basis == "linear":
        return w("s_linear", by=by, need=fmt.number(ev.required_per_year),
                 pace=fmt.number(ev.actual_per_year), end=end)  # fmt: skip
    if ev.required_growth is None or ev.actual_growth is None:
        return w("s_target", by=by, target=ctx.amount(t.value), end=end)
    ag, rg = ev.actual_growth, ev.required_growth
    if ev.growth_basis == "yoy" or first is None or ev.derivation.window is None:
        actual = w("s_last_year_up" if ag >= 0 else "s_last_year_down", pct=fmt.percent(abs(ag)))
    else:
        span = span_words(ctx, ev.derivation.window.years)
        actual = w("s_span_up" if ag >= 0 else "s_span_down", span=span, pct=fmt.percent(abs(ag)))
    return w("s_need", by=by, rate=rate(ctx, rg), target=ctx.amount(t.value), actual=actual,
             end=end)  # fmt: skip


def rate(ctx: Ctx, value: float) -> str:
    """增长15.4% / 下降33.4%; growth of 15.4% / a fall of 33.4%."""
    if value >= 0:
        return ctx.w("rate_up", pct=fmt.percent(value))
    return ctx.w("rate_down", pct=fmt.percent(-value))


def range_verdict(ctx: Ctx) -> str:
    """Whether every method, none, or only some reach the target: the uncertainty in words."""
    ev, w = ctx.ev, ctx.w
    t = ev.indicator.target
    low, high = ev.projection_low, ev.projection_high
    if t is None or t.value is None or t.type == "growth" or low is None or high is None:
        return ""
    if len(ev.projections) < 2:
        return ""
    span = f"{fmt.number(low)}–{fmt.number(high)}"
    reach_low = low >= t.value if t.increasing else high <= t.value
    reach_high = high >= t.value if t.increasing else low <= t.value
    if reach_low:
        return w("r_all", span=span)
    if not reach_high:
        return w("r_none", span=span, target=fmt.number(t.value))
    return w("r_some", span=span, target=fmt.number(t.value))
