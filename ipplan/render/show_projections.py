"""The words of `ipplan show` about projections: each method's formula, its backtest,
auto's choice, and the one-sentence summary."""

from __future__ import annotations

from ipplan.i18n import message
from ipplan.present import fmt
from ipplan.present.labels import status_word
from ipplan.project import PACE, REGISTRY, Check, Method, holdout
from ipplan.render.show_text import METHOD_NAME, Ctx, share, span_words


def method_formula(ctx: Ctx, method: str, n_points: int, first: str, last: str) -> str:
    ev, w = ctx.ev, ctx.w
    cum = ev.cumulative is not None
    v = fmt.number(ev.cumulative if cum else (ev.latest.value if ev.latest else None))
    spec = REGISTRY[Method(method)]
    if method == PACE:
        return message(spec.formula, ctx.lang, v=v, pace=fmt.number(ev.actual_per_year))[0]
    what = (
        w(f"{n_points}期流量（{first}—{last}）", f"{n_points} flows ({first}–{last})")
        if cum
        else w(f"{n_points}个数据点（{first}—{last}）", f"{n_points} points ({first}–{last})")
    )
    key = spec.formula_flows if cum and spec.formula_flows else spec.formula
    text = message(key, ctx.lang, what=what, growth=fmt.percent(ev.actual_growth))[0]
    if cum:
        text += w(
            "，外推此后各期流量，加上已累计的 " + v, f", projecting each later flow, added to {v}"
        )
    return f"{METHOD_NAME[Method(method)][ctx.lang]}: {text}"


def backtest_line(ctx: Ctx, p_fitted: tuple[str, ...], checks: tuple[Check, ...]) -> str:
    cs = list(checks)
    k = len(cs)
    train = p_fitted[: len(p_fitted) - k]
    held = "、".join(
        f"{c.period} {fmt.number(c.predicted)}（{ctx.w('实际', 'actual')} {fmt.number(c.actual)}）"
        for c in cs
    )
    if ctx.lang == "en":
        held = ", ".join(
            f"{c.period} {fmt.number(c.predicted)} (actual {fmt.number(c.actual)})" for c in cs
        )
    return ctx.w(
        f"    回测：用{train[0]}—{train[-1]}拟合，预测 {held}",
        f"    backtest: fitted on {train[0]}–{train[-1]}, predicted {held}",
    )


def choice_line(ctx: Ctx, method_asked: str) -> str:
    ev, w = ctx.ev, ctx.w
    p, reason = ev.projection, ev.projection_reason
    if p is None:
        if method_asked != "auto" and ev.projections:
            return w(
                f"所指定的方法 {method_asked} 无法计算（如数值含0时复合增长无定义）",
                f"the method asked for, {method_asked}, cannot be computed here "
                "(e.g. compound growth is undefined at 0)",
            )
        if ev.final:
            return w("截止期已有数据，无需预测", "the deadline's figure is in: no projection")
        if ev.years_left is not None and ev.years_left <= 0:
            return w(
                "最新数据已到截止期，无需预测",
                "the latest figure is at the deadline: no projection",
            )
        return w(
            "数据不足，无法预测（至少需两个数据点）",
            "not enough data to project (two points needed)",
        )
    name = METHOD_NAME[p.method][ctx.lang]
    if reason == "asked":
        return w(f"按 --method 指定，显示{name}", f"showing {name}, as asked with --method")
    if reason == "backtest":
        return w(
            f"自动选择{name}：回测误差最小（{fmt.percent(p.error)}）",
            f"auto picks {name}: the lowest backtest error ({fmt.percent(p.error)})",
        )
    n_points = len(p.fitted)
    why = w(
        f"只有{n_points}个数据点（回测至少需4个）", f"only {n_points} points (a backtest needs 4)"
    )
    if holdout(n_points) and p.error is None:
        why = w("回测无法计算误差", "the backtest gave no error")
    basis = w(
        "与上面实际增速（或线性进度）一致的方法",
        "the method matching the actual growth (or linear pace) above",
    )
    return w(f"自动选择{name}：{why}，故采用{basis}", f"auto picks {name}: {why}, so {basis}")


def summary(ctx: Ctx) -> str:
    """One sentence a leader can read: what is needed, what happens, where it leads."""
    ev, w = ctx.ev, ctx.w
    t = ev.indicator.target
    p = ev.projection
    if ev.latest is None or t is None:
        return ""
    if ev.final:
        return w(
            f"截止期数据已出：{ctx.amount(ev.latest.value)}，{status_word(ev.status, 'zh')}。",
            f"Final figure: {ctx.amount(ev.latest.value)}, {status_word(ev.status, 'en')}.",
        )
    end = ""
    if p is not None:
        pct = share(ctx, p)
        name = METHOD_NAME[p.method][ctx.lang]
        reach = (
            w(f"，完成目标的{fmt.percent(pct, 0)}", f", {fmt.percent(pct, 0)} of the target")
            if pct
            else ""
        )
        end = w(
            f"，按{name}预计{ctx.amount(p.value)}{reach}",
            f"; projected by {name}: {ctx.amount(p.value)} in {p.period}{reach}",
        )
    by = ctx.by_deadline()
    first = ctx.first
    if ev.status == "achieved" and t.value is not None:  # reached: nothing more is required
        now = ev.cumulative if ev.cumulative is not None else ev.latest.value
        more = w("增长", "growth") if t.increasing else w("下降", "fall")
        return w(
            f"{ev.latest.period}已达到目标{ctx.amount(t.value)}（{ctx.amount(now)}），"
            f"无需再{more}{end}。",
            f"The target {ctx.amount(t.value)} is reached ({ctx.amount(now)} in "
            f"{ev.latest.period}): no further {more} is needed{end}.",
        )
    if t.type == "cumulative":
        since = t.from_period
        return w(
            f"到{by}还需累计完成{ctx.amount(ev.gap)}（年均{fmt.number(ev.required_per_year)}），"
            f"{since}以来年均完成{fmt.number(ev.actual_per_year)}{end}。",
            f"By {by}, {ctx.amount(ev.gap)} more are needed ({fmt.number(ev.required_per_year)} "
            f"a year); since {since} the pace is {fmt.number(ev.actual_per_year)} a year{end}.",
        )
    if t.type == "growth":
        return w(
            f"目标为稳步增长，当前{status_word(ev.status, 'zh')}{end}。",
            f"A steady-growth target, now {status_word(ev.status, 'en')}{end}.",
        )
    if ev.growth_basis == "linear":
        return w(
            f"到{by}每年需新增{fmt.number(ev.required_per_year)}，"
            f"实际年均新增{fmt.number(ev.actual_per_year)}{end}。",
            f"By {by}, {fmt.number(ev.required_per_year)} more a year are needed; the actual "
            f"pace is {fmt.number(ev.actual_per_year)} a year{end}.",
        )
    if ev.required_growth is None or ev.actual_growth is None:
        return w(
            f"到{by}目标{ctx.amount(t.value)}{end}。", f"Target {ctx.amount(t.value)} by {by}{end}."
        )
    ag, rg = ev.actual_growth, ev.required_growth
    if ev.growth_basis == "yoy" or first is None or ev.derivation.window is None:
        actual = w(
            f"最近一年{rate(ctx, ag)}",
            f"last year it {'grew' if ag >= 0 else 'fell'} {fmt.percent(abs(ag))}",
        )
    else:
        span = span_words(ctx, ev.derivation.window.years)
        actual = w(
            f"{span}实际年均{rate(ctx, ag)}",
            f"{span} it {'grew' if ag >= 0 else 'fell'} {fmt.percent(abs(ag))} a year",
        )
    return w(
        f"到{by}需年均{rate(ctx, rg)}，{actual}{end}。",
        f"Reaching {ctx.amount(t.value)} by {by} needs {rate(ctx, rg)} a year; {actual}{end}.",
    )


def rate(ctx: Ctx, value: float) -> str:
    """增长15.4% / 下降33.4%; growth of 15.4% / a fall of 33.4%."""
    if value >= 0:
        return ctx.w(f"增长{fmt.percent(value)}", f"growth of {fmt.percent(value)}")
    return ctx.w(f"下降{fmt.percent(-value)}", f"a fall of {fmt.percent(-value)}")


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
        return w(
            f"各方法预计{span}，都能达到目标。",
            f"Every method projects {span}: all reach the target.",
        )
    if not reach_high:
        return w(
            f"各方法预计{span}，都达不到目标{fmt.number(t.value)}。",
            f"Every method projects {span}: none reaches the target {fmt.number(t.value)}.",
        )
    return w(
        f"各方法预计{span}，区间跨过目标{fmt.number(t.value)}：能否完成取决于今后的增速，把握不大。",
        f"The methods project {span}, straddling the target {fmt.number(t.value)}: "
        "reaching it depends on the growth to come.",
    )
