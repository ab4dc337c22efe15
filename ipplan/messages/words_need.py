"""Words of the need and propose outputs."""

WORDS: dict[str, dict[str, str]] = {
    # need and propose
    "need.need_head": {
        "zh": "{name}（{id}）：到 {deadline} {verb} {target}{unit}",
        "en": "{name} ({id}): {verb} {target}{unit} by {deadline}",
    },
    "need.verb_level_up": {"zh": "达到", "en": "reach"},
    "need.verb_level_down": {"zh": "降至", "en": "fall to"},
    "need.verb_cumulative": {"zh": "累计达到", "en": "total"},
    "need.latest": {
        "zh": "最新值 {value}{unit}（{period}）",
        "en": "latest {value}{unit} ({period})",
    },
    "need.counted": {
        "zh": "已累计 {value}{unit}（至 {period}）",
        "en": "counted so far {value}{unit} (to {period})",
    },
    "need.no_latest": {"zh": "尚无数据，无从起算路径", "en": "no data yet: no path can start"},
    "need.remaining": {
        "zh": "尚差 {value}{unit}，剩余 {months} 个月，平均每月需 {per_month}{unit}",
        "en": "still {value}{unit} to go in {months} months: {per_month}{unit} a month",
    },
    "need.remaining_flow": {
        "zh": "尚需新增 {value}{unit}，剩余 {months} 个月，平均每月需新增 {per_month}{unit}",
        "en": "{value}{unit} of new flow still needed in {months} months: {per_month}{unit} a month",
    },
    "need.passed": {
        "zh": "截止日期 {deadline} 已过，不再给出路径；最终差距 {value}{unit}（以最新值计）",
        "en": "the deadline {deadline} has passed: no path; the gap at the latest figure is {value}{unit}",
    },
    "need.passed_no_data": {
        "zh": "截止日期 {deadline} 已过，不再给出路径",
        "en": "the deadline {deadline} has passed: no path",
    },
    "need.achieved": {"zh": "目标已实现，无需再增", "en": "the target is reached already"},
    "need.col_linear": {"zh": "直线路径", "en": "Straight"},
    "need.col_cagr": {"zh": "匀速增长路径", "en": "Const. growth"},
    "need.col_total": {"zh": "应累计", "en": "Total due"},
    "need.col_flow": {"zh": "当期需新增", "en": "Flow needed"},
    "need.no_cagr": {
        "zh": "数值或目标不为正，无匀速增长路径",
        "en": "a level or the target is not positive: no constant-growth path",
    },
    "need.absolute": {
        "zh": "折合{name}：{formula} = {value}{unit}",
        "en": "as a count of {name}: {formula} = {value}{unit}",
    },
    "need.assumes": {"zh": "（假定 {what}）", "en": " (assuming {what})"},
    "need.not_ratio": {
        "zh": "公式 {formula} 不是“分子 / 分母 × 常数”形式，无法折算为绝对数",
        "en": "the formula {formula} is not numerator / denominator × constant: no absolute count",
    },
    "need.no_operand": {
        "zh": "公式 {formula} 中有指标尚无数值，无法折算为绝对数",
        "en": "an operand of {formula} has no value yet: no absolute count",
    },
    "need.propose_head": {
        "zh": "下一期目标建议：到 {horizon} 年底 · 截至 {date} 的数据",
        "en": "Targets for the next plan: by the end of {horizon} · data as of {date}",
    },
    "need.col_prob_up": {"zh": "{pct}把握达到", "en": "{pct} reach"},
    "need.col_backtest": {"zh": "回测命中", "en": "Backtest"},
    "need.too_short": {
        "zh": "少于 4 个数据点，无法给出可信区间",
        "en": "fewer than 4 points, too short for an honest interval",
    },
    "need.decrease_note": {
        "zh": "减少类指标：给出的是“有该把握不超过”的值",
        "en": "decrease indicators: the value that will not be exceeded",
    },
    "need.method_drift_log": {"zh": "对数漂移游走", "en": "log drift"},
    "need.method_drift": {"zh": "漂移游走", "en": "drift"},
    "need.method_trend_log": {"zh": "对数趋势", "en": "log trend"},
    "need.method_trend": {"zh": "线性趋势", "en": "trend"},
    "need.method_too_short": {"zh": "数据不足", "en": "too short"},
    "need.method_legend": {
        "zh": "方法：漂移游走＝带漂移的随机游走，对数＝按增长率；趋势＝直线趋势加噪声",
        "en": "method: drift = random walk with drift, log = on growth rates; trend = straight line plus noise",
    },
    "need.legend": {
        "zh": "把握：到期实际值不低于该值的概率（由该指标自身历史估计，学生t分位数）；回测命中：历史上各期滚动预测中实际达到建议值的次数",
        "en": "probability: chance the actual value at the horizon is at least the value (estimated from the indicator's own history, Student-t quantiles); backtest: how often rolling forecasts over its history were reached",
    },
    "need.draft_source": {
        "zh": "ipplan propose：{method}，按截至 {date} 的数据，到 {horizon} 年底{reach}该值的概率为 {pct}",
        "en": "ipplan propose: {method}, on data as of {date}; the chance to {reach} this value by the end of {horizon} is {pct}",
    },
    "need.draft_reach_up": {"zh": "达到", "en": "reach"},
    "need.draft_reach_down": {"zh": "不超过", "en": "stay at or below"},
    "need.draft_title": {
        "zh": "{title}（{horizon}年目标草案）",
        "en": "{title} (draft targets for {horizon})",
    },
    "need.draft_header": {
        "zh": "# ipplan propose 生成的下一期方案草案（截至 {date} 的数据，概率 {pct}）。\n# 请逐项审阅目标值与出处，再用 ipplan init 目录 --from 本文件 新建方案。\n",
        "en": "# A draft plan for the next period written by ipplan propose (data as of {date}, probability {pct}).\n# Review every target and its source, then make the plan with ipplan init DIR --from this file.\n",
    },
}
WORDS.update({"need.what_sep": {"zh": "，", "en": "; "}})  # between the figures summed
WORDS.update({"need.tested": {"zh": "{hits}（共{trials}）", "en": "{hits} of {trials}"}})
