"""Words of `ipplan show`: every figure with its formula, the history, the projections.

A parameter one language does not say is written ``{name:.0}`` there (an empty field), so
that both languages keep the same placeholders (tests/test_catalog.py).
"""

WORDS: dict[str, dict[str, str]] = {
    # ------------------------------------------------------------------ the head
    "show.title_name": {"zh": "{name}（{id}）", "en": "{name} ({id})"},
    "show.as_of": {"zh": "截至 {date}", "en": "as of {date}"},
    "show.goal_level": {"zh": "达到{amount}{since}", "en": "{amount}{since}"},
    "show.goal_down": {"zh": "降至{amount}{since}", "en": "down to {amount}{since}"},
    "show.goal_cumulative": {"zh": "累计{amount}{since}", "en": "cumulative {amount}{since}"},
    "show.since": {"zh": "（自{period}起）", "en": " (from {period})"},
    "show.target": {"zh": "目标：到{by}{goal}", "en": "Target: {goal} by {by}"},
    "show.source": {"zh": "依据：{source}", "en": "Source: {source}"},
    "show.final_mark": {"zh": "（终值）", "en": " (final)"},
    "show.still_forecast": {
        "zh": "（已过截止日期，截止期数据未出，以下仍是预测）",
        "en": " (deadline passed, its figure not yet in: still a forecast)",
    },
    "show.status": {"zh": "状态：", "en": "Status: "},
    # ------------------------------------------------------------------ history and chart
    "show.history": {"zh": "历史数据", "en": "History"},
    "show.h_yoy_published": {"zh": "同比(公布)", "en": "YoY pub."},
    "show.h_yoy_computed": {"zh": "同比(计算)", "en": "YoY calc."},
    "show.sources": {"zh": "来源：", "en": "Sources:"},
    "show.flags": {"zh": "标记：", "en": "Flags: "},
    "show.flag_computed": {"zh": "= 按公式计算", "en": "= computed from the formula"},
    "show.c_actual": {"zh": "实际值", "en": "actual"},
    "show.c_cumulative": {"zh": "累计值", "en": "cumulative"},
    "show.c_target": {"zh": "目标", "en": "target"},
    # ------------------------------------------------------------------ the figures
    "show.figures": {"zh": "各项数字及算法", "en": "The figures and how they are computed"},
    "show.no_data": {"zh": "尚无数据，无法计算。", "en": "No data yet: nothing to compute."},
    "show.elapsed": {
        "zh": "序时进度 {pct} = (截至 {as_of} - 方案起点 {start}) ÷ (截止日 {deadline} - 方案起点)"
        " = {a}天 ÷ {b}天（限于0–100%）",
        "en": "time elapsed {pct} = (as of {as_of} - plan start {start}) ÷ (deadline {deadline}"
        " - plan start) = {a} ÷ {b} days (clipped to 0–100%)",
    },
    "show.years_left": {
        "zh": "剩余年数 {years} = 最新数据期末 {end} 至截止日 {deadline} 的 {days} 天 ÷ 365.25",
        "en": "years left {years} = {days} days from the latest period's end {end} to the"
        " deadline {deadline} ÷ 365.25",
    },
    "show.attainment": {
        "zh": "完成率 {pct} = 最新值 {value}（{period}）÷ 目标 {target}",
        "en": "attainment {pct} = latest {value} ({period}) ÷ target {target}",
    },
    "show.attainment_down": {
        "zh": "完成率 {pct} = 目标 {target} ÷ 最新值 {value}（{period}）（下降型目标，越低越好）",
        "en": "attainment {pct} = target {target} ÷ latest {value} ({period}) (a decrease"
        " target: lower is better)",
    },
    "show.gap": {
        "zh": "差距 {gap} = 目标 {target} - 最新值 {value}（已达到则为0）",
        "en": "gap {gap} = target {target} - latest {value} (0 once reached)",
    },
    "show.gap_down": {
        "zh": "差距 {gap} = 最新值 {value} - 目标 {target}（已达到则为0）",
        "en": "gap {gap} = latest {value} - target {target} (0 once reached)",
    },
    "show.required_growth": {
        "zh": "所需年均增速 {pct} = (目标 {target} ÷ 最新值 {value})^(1 ÷ {years}) - 1",
        "en": "required growth {pct} = (target {target} ÷ latest {value})^(1 ÷ {years}) - 1 a year",
    },
    "show.required_per_year": {
        "zh": "年均需新增 {need} = (目标 {target} - 最新值 {value}) ÷ 剩余年数 {years}",
        "en": "required per year {need} = (target {target} - latest {value}) ÷ {years} years",
    },
    "show.required_per_year_down": {
        "zh": "年均需变化 {need} = (目标 {target} - 最新值 {value}) ÷ 剩余年数 {years}",
        "en": "required per year {need} = (target {target} - latest {value}) ÷ {years} years",
    },
    "show.no_baseline": {
        "zh": "基期（{base}）无数据",
        "en": "the baseline period {base} is not observed",
    },
    "show.target_is_baseline": {"zh": "目标等于基期值", "en": "the target equals the baseline"},
    "show.progress_none": {"zh": "目标进展 —：{why}，无法计算", "en": "progress —: {why}"},
    "show.progress": {
        "zh": "目标进展 {pct} = (当前 {value} - 基期 {base}) ÷ (目标 {target} - 基期 {base})",
        "en": "progress {pct} = (now {value} - baseline {base}) ÷ (target {target} - baseline"
        " {base})",
    },
    "show.period_value_year": {"zh": "{period}年值", "en": "{period} value"},
    "show.period_value": {"zh": "{period}值", "en": "{period} value"},
    "show.actual_growth_yoy": {
        "zh": "实际增速 {pct} = 公布的同比增速 {yoy}%（仅一个数据点）",
        "en": "actual growth {pct} = the published year-on-year change {yoy}% (one data point"
        " only)",
    },
    "show.actual_growth": {
        "zh": "实际年均增速 {pct} = (最新值 {value} ÷ {first_name} {first_value})^(1 ÷ {span})"
        " - 1（近5年内最早与最新数据，{first}—{period}）",
        "en": "actual growth {pct} = (latest {value} ÷ {first_name} {first_value})^(1 ÷ {span})"
        " - 1 a year (earliest and latest point within 5 years, {first}–{period})",
    },
    "show.actual_per_year": {
        "zh": "实际年均新增 {pace} = (最新值 {value} - {first_name} {first_value}) ÷ {span}年",
        "en": "actual per year {pace} = (latest {value} - {first_name} {first_value}) ÷ {span}"
        " years",
    },
    "show.no_trend": {
        "zh": "实际增速 —：仅一个数据点，无法计算趋势",
        "en": "actual growth —: one data point only, no trend",
    },
    "show.pace_ratio": {
        "zh": "进度比 {ratio} = 实际年均新增 {actual} ÷ 年均需新增 {need}（含0或负值时不用增速，"
        "改用线性进度）",
        "en": "pace ratio {ratio} = actual per year {actual} ÷ required per year {need} (linear"
        " pace: growth rates are undefined at 0)",
    },
    "show.growth_ratio": {
        "zh": "增速比 {ratio} = 实际增速 {actual} ÷ 所需增速 {need}",
        "en": "growth ratio {ratio} = actual growth {actual} ÷ required growth {need}",
    },
    "show.periods": {"zh": "共{n}期", "en": "{n} periods"},
    "show.cumulative": {
        "zh": "累计值 {sum} = {first}—{last} 各期之和：{terms}",
        "en": "cumulative {sum} = sum of {first}–{last}: {terms}",
    },
    "show.attainment_cumulative": {
        "zh": "完成率 {pct} = 累计值 {sum} ÷ 目标 {target}",
        "en": "attainment {pct} = cumulative {sum} ÷ target {target}",
    },
    "show.gap_cumulative": {
        "zh": "差距 {gap} = 目标 {target} - 累计值 {sum}（已达到则为0）",
        "en": "gap {gap} = target {target} - cumulative {sum} (0 once reached)",
    },
    "show.actual_per_year_cumulative": {
        "zh": "实际年均新增 {pace} = 累计值 {sum} ÷ 自{since}起已过 {years} 年",
        "en": "actual per year {pace} = cumulative {sum} ÷ {years} years since the start of"
        " {since}",
    },
    "show.required_per_year_cumulative": {
        "zh": "年均需新增 {need} = (目标 {target} - 累计值 {sum}) ÷ 剩余年数 {years}",
        "en": "required per year {need} = (target {target} - cumulative {sum}) ÷ {years} years",
    },
    "show.pace_ratio_cumulative": {
        "zh": "进度比 {ratio} = 实际年均新增 ÷ 年均需新增（累计目标按线性进度）",
        "en": "pace ratio {ratio} = actual per year ÷ required per year (cumulative targets are"
        " judged on the linear pace)",
    },
    "show.growth_target": {
        "zh": "目标为稳步增长：看基期（{base}）以来各期的变化，每期都增长为进度正常",
        "en": "a steady-growth target: judged on each change since the baseline {base}; every"
        " change up means on track",
    },
    "show.growth_too_few": {
        "zh": "基期以来不足两个数据点，无法判断",
        "en": "fewer than two points since the baseline",
    },
    "show.monitoring": {"zh": "无目标，仅监测。", "en": "No target: monitored only."},
    # why a status: show.why.<status>; a steady-growth target: show.why_growth.<status>
    "show.why.achieved": {"zh": "已达到目标", "en": "the target is reached"},
    "show.why.on_track": {"zh": "比值 {ratio} ≥ {on}", "en": "ratio {ratio} ≥ {on}"},
    "show.why.behind": {
        "zh": "{behind} ≤ 比值 {ratio} < {on}",
        "en": "{behind} ≤ ratio {ratio} < {on}",
    },
    "show.why.off_track": {
        "zh": "0 ≤ 比值 {ratio} < {behind}",
        "en": "0 ≤ ratio {ratio} < {behind}",
    },
    "show.why.moving_away": {
        "zh": "比值 {ratio} < 0：指标在远离目标",
        "en": "ratio {ratio} < 0: moving away from the target",
    },
    "show.why.missed": {
        "zh": "已过截止日期，截止期数据未达到目标",
        "en": "the deadline has passed and its figure misses the target",
    },
    "show.why.insufficient_data": {"zh": "数据不足，无法判断", "en": "not enough data to judge"},
    "show.why.monitoring": {"zh": "无目标", "en": "no target"},
    "show.why_growth.on_track": {
        "zh": "基期以来每期都增长",
        "en": "every change since the baseline is up",
    },
    "show.why_growth.behind": {
        "zh": "最近一期增长，但此前有未增长的时期",
        "en": "the latest change is up, an earlier one was not",
    },
    "show.why_growth.off_track": {"zh": "最近一期未增长", "en": "the latest change is not up"},
    "show.why_growth.achieved": {
        "zh": "截止期已到，各期均增长",
        "en": "final: every change was up",
    },
    "show.why_growth.missed": {
        "zh": "截止期已到，并非各期都增长",
        "en": "final: not every change was up",
    },
    "show.bands": {
        "zh": "（欧盟统计局分档：≥0.95 进度正常，0.60–0.95 需加快，0–0.60 严重滞后，<0 倒退）",
        "en": " (Eurostat bands: ≥ 0.95 on track, 0.60–0.95 behind, 0–0.60 off track, < 0 moving"
        " away)",
    },
    "show.final_verdict": {
        "zh": "；截止期已有数据，此为最终结论",
        "en": "; the deadline's figure is in: a verdict, not a forecast",
    },
    "show.final_awaited": {
        "zh": "；已过截止日期，待截止期数据",
        "en": "; the deadline has passed, its figure is awaited",
    },
    "show.status_line": {"zh": "状态 {status}：{why}{tail}", "en": "status {status}: {why}{tail}"},
    "show.span_1": {"zh": "近一年", "en": "over the last 1 year"},
    "show.span_2": {"zh": "近两年", "en": "over the last 2 years"},
    "show.span_3": {"zh": "近三年", "en": "over the last 3 years"},
    "show.span_4": {"zh": "近四年", "en": "over the last 4 years"},
    "show.span_5": {"zh": "近五年", "en": "over the last 5 years"},
    "show.span": {"zh": "近{years}年", "en": "over the last {years} years"},
    # ------------------------------------------------------------------ the projections
    "show.projections": {"zh": "预计（至{by}）", "en": "Projections (to {by})"},
    "show.h_projection": {"zh": "{period}预计", "en": "{period} proj."},
    "show.h_share": {"zh": "完成目标", "en": "of target"},
    "show.h_error": {"zh": "回测误差", "en": "backtest error"},
    "show.chosen": {"zh": "← 采用", "en": "← shown"},
    "show.range": {
        "zh": "预计区间 {low}–{high}：各方法预计值的最低与最高。数据点少时，单一数值不可全信。",
        "en": "Projection range {low}–{high}: the lowest and highest of the methods. With few"
        " data points, no single number deserves full trust.",
    },
    "show.backtest_rule": {
        "zh": "回测：至少4个数据点时，留出最后1个（6个及以上留出2个），用其余数据拟合并计算平均"
        "绝对百分比误差。",
        "en": "Backtest: with 4 points or more, the last 1 (2 from 6 points) is held out, the"
        " rest fitted, and the mean absolute percentage error reported.",
    },
    "show.flows_fitted": {"zh": "{n}期流量（{first}—{last}）", "en": "{n} flows ({first}–{last})"},
    "show.points_fitted": {
        "zh": "{n}个数据点（{first}—{last}）",
        "en": "{n} points ({first}–{last})",
    },
    "show.flows_added": {
        "zh": "，外推此后各期流量，加上已累计的 {v}",
        "en": ", projecting each later flow, added to {v}",
    },
    "show.held_out": {
        "zh": "{period} {predicted}（实际 {actual}）",
        "en": "{period} {predicted} (actual {actual})",
    },
    "show.backtest": {
        "zh": "    回测：用{first}—{last}拟合，预测 {held}",
        "en": "    backtest: fitted on {first}–{last}, predicted {held}",
    },
    "show.method_impossible": {
        "zh": "所指定的方法 {method} 无法计算（如数值含0时复合增长无定义）",
        "en": "the method asked for, {method}, cannot be computed here (e.g. compound growth is"
        " undefined at 0)",
    },
    "show.no_projection_final": {
        "zh": "截止期已有数据，无需预测",
        "en": "the deadline's figure is in: no projection",
    },
    "show.no_projection_latest": {
        "zh": "最新数据已到截止期，无需预测",
        "en": "the latest figure is at the deadline: no projection",
    },
    "show.no_projection": {
        "zh": "数据不足，无法预测（至少需两个数据点）",
        "en": "not enough data to project (two points needed)",
    },
    "show.asked": {
        "zh": "按 --method 指定，显示{name}",
        "en": "showing {name}, as asked with --method",
    },
    "show.auto_backtest": {
        "zh": "自动选择{name}：回测误差最小（{error}）",
        "en": "auto picks {name}: the lowest backtest error ({error})",
    },
    "show.too_few_to_backtest": {
        "zh": "只有{n}个数据点（回测至少需4个）",
        "en": "only {n} points (a backtest needs 4)",
    },
    "show.backtest_no_error": {"zh": "回测无法计算误差", "en": "the backtest gave no error"},
    "show.basis": {
        "zh": "与上面实际增速（或线性进度）一致的方法",
        "en": "the method matching the actual growth (or linear pace) above",
    },
    "show.auto": {
        "zh": "自动选择{name}：{why}，故采用{basis}",
        "en": "auto picks {name}: {why}, so {basis}",
    },
    # ------------------------------------------------------------------ the summary sentence
    "show.s_final": {
        "zh": "截止期数据已出：{amount}，{status}。",
        "en": "Final figure: {amount}, {status}.",
    },
    "show.s_reach": {"zh": "，完成目标的{pct}", "en": ", {pct} of the target"},
    "show.s_projected": {
        "zh": "，按{name}预计{amount}{period:.0}{reach}",
        "en": "; projected by {name}: {amount} in {period}{reach}",
    },
    "show.s_more_up": {"zh": "增长", "en": "growth"},
    "show.s_more_down": {"zh": "下降", "en": "fall"},
    "show.s_reached": {
        "zh": "{period}已达到目标{target}（{now}），无需再{more}{end}。",
        "en": "The target {target} is reached ({now} in {period}): no further {more} is"
        " needed{end}.",
    },
    "show.s_cumulative": {
        "zh": "到{by}还需累计完成{gap}（年均{need}），{since}以来年均完成{pace}{end}。",
        "en": "By {by}, {gap} more are needed ({need} a year); since {since} the pace is {pace}"
        " a year{end}.",
    },
    "show.s_growth": {
        "zh": "目标为稳步增长，当前{status}{end}。",
        "en": "A steady-growth target, now {status}{end}.",
    },
    "show.s_linear": {
        "zh": "到{by}每年需新增{need}，实际年均新增{pace}{end}。",
        "en": "By {by}, {need} more a year are needed; the actual pace is {pace} a year{end}.",
    },
    "show.s_target": {"zh": "到{by}目标{target}{end}。", "en": "Target {target} by {by}{end}."},
    "show.s_last_year_up": {"zh": "最近一年增长{pct}", "en": "last year it grew {pct}"},
    "show.s_last_year_down": {"zh": "最近一年下降{pct}", "en": "last year it fell {pct}"},
    "show.s_span_up": {"zh": "{span}实际年均增长{pct}", "en": "{span} it grew {pct} a year"},
    "show.s_span_down": {"zh": "{span}实际年均下降{pct}", "en": "{span} it fell {pct} a year"},
    "show.s_need": {
        "zh": "到{by}需年均{rate}{target:.0}，{actual}{end}。",
        "en": "Reaching {target} by {by} needs {rate} a year; {actual}{end}.",
    },
    "show.rate_up": {"zh": "增长{pct}", "en": "growth of {pct}"},
    "show.rate_down": {"zh": "下降{pct}", "en": "a fall of {pct}"},
    "show.r_all": {
        "zh": "各方法预计{span}，都能达到目标。",
        "en": "Every method projects {span}: all reach the target.",
    },
    "show.r_none": {
        "zh": "各方法预计{span}，都达不到目标{target}。",
        "en": "Every method projects {span}: none reaches the target {target}.",
    },
    "show.r_some": {
        "zh": "各方法预计{span}，区间跨过目标{target}：能否完成取决于今后的增速，把握不大。",
        "en": "The methods project {span}, straddling the target {target}: reaching it depends"
        " on the growth to come.",
    },
}
