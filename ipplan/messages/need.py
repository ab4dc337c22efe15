"""Messages and words of `ipplan need`, `ipplan propose` and `ipplan init --from`."""

MESSAGES: dict[str, dict[str, tuple[str, str]]] = {
    "need.no_target": {
        "zh": (
            "指标 {id} 没有目标，无从计算尚需多少",
            "请选有目标的指标；ipplan status 列出全部目标",
        ),
        "en": (
            "indicator {id} has no target: nothing to compute",
            "choose an indicator with a target; ipplan status lists them",
        ),
    },
    "need.no_value": {
        "zh": (
            "指标 {id} 的目标是“稳步增长”，没有目标值",
            "稳步增长只要求每期高于上期；ipplan status 给出其状态",
        ),
        "en": (
            "indicator {id} has a growth target without a value",
            "steady growth asks only that each period beat the last; see ipplan status",
        ),
    },
    "propose.bad_probability": {
        "zh": (
            "概率“{value}”无效",
            "请写 0 到 1 之间（不含 0 和 1）的小数，用逗号分隔，如 0.5,0.8",
        ),
        "en": (
            "probability '{value}' is not valid",
            "give numbers strictly between 0 and 1, comma-separated, e.g. 0.5,0.8",
        ),
    },
    "propose.bad_horizon": {
        "zh": ("目标年份 {value} 不在最新数据之后", "--horizon 应是今后的年份，如 2030"),
        "en": (
            "horizon year {value} is not after the latest data",
            "--horizon takes a future year, e.g. 2030",
        ),
    },
    "propose.horizon_too_far": {
        "zh": ("目标年份 {value} 太远", "--horizon 最大为 {max}，如 2030"),
        "en": (
            "horizon year {value} is too far ahead",
            "--horizon takes a year up to {max}, e.g. 2030",
        ),
    },
    "init.from_unreadable": {
        "zh": (
            "无法读取草案文件 {path}：{reason}",
            "请检查路径；草案可由 ipplan propose --format yaml 生成",
        ),
        "en": (
            "cannot read the draft {path}: {reason}",
            "check the path; ipplan propose --format yaml writes a draft",
        ),
    },
    "init.from_with_template": {
        "zh": (
            "--from 与 --template 不能同时使用",
            "用 --from 草案文件，或用 --template 模板，二选一",
        ),
        "en": (
            "--from and --template cannot be used together",
            "give either a draft file (--from) or a template",
        ),
    },
}

# Words of the need and propose outputs: {key: {lang: text}}.
WORDS: dict[str, dict[str, str]] = {
    "need_head": {
        "zh": "{name}（{id}）：到 {deadline} {verb} {target}{unit}",
        "en": "{name} ({id}): {verb} {target}{unit} by {deadline}",
    },
    "verb_level_up": {"zh": "达到", "en": "reach"},
    "verb_level_down": {"zh": "降至", "en": "fall to"},
    "verb_cumulative": {"zh": "累计达到", "en": "total"},
    "as_of": {"zh": "截至 {date}", "en": "as of {date}"},
    "latest": {"zh": "最新值 {value}{unit}（{period}）", "en": "latest {value}{unit} ({period})"},
    "counted": {
        "zh": "已累计 {value}{unit}（至 {period}）",
        "en": "counted so far {value}{unit} (to {period})",
    },
    "no_latest": {"zh": "尚无数据，无从起算路径", "en": "no data yet: no path can start"},
    "remaining": {
        "zh": "尚差 {value}{unit}，剩余 {months} 个月，平均每月需 {per_month}{unit}",
        "en": "still {value}{unit} to go in {months} months: {per_month}{unit} a month",
    },
    "remaining_flow": {
        "zh": "尚需新增 {value}{unit}，剩余 {months} 个月，平均每月需新增 {per_month}{unit}",
        "en": "{value}{unit} of new flow still needed in {months} months: {per_month}{unit} a month",
    },
    "passed": {
        "zh": "截止日期 {deadline} 已过，不再给出路径；最终差距 {value}{unit}（以最新值计）",
        "en": "the deadline {deadline} has passed: no path; the gap at the latest figure is {value}{unit}",
    },
    "passed_no_data": {
        "zh": "截止日期 {deadline} 已过，不再给出路径",
        "en": "the deadline {deadline} has passed: no path",
    },
    "achieved": {"zh": "目标已实现，无需再增", "en": "the target is reached already"},
    "col_period": {"zh": "期间", "en": "Period"},
    "col_linear": {"zh": "直线路径", "en": "Straight"},
    "col_cagr": {"zh": "匀速增长路径", "en": "Const. growth"},
    "col_total": {"zh": "应累计", "en": "Total due"},
    "col_flow": {"zh": "当期需新增", "en": "Flow needed"},
    "no_cagr": {
        "zh": "数值或目标不为正，无匀速增长路径",
        "en": "a level or the target is not positive: no constant-growth path",
    },
    "absolute": {
        "zh": "折合{name}：{formula} = {value}{unit}",
        "en": "as a count of {name}: {formula} = {value}{unit}",
    },
    "assumes": {"zh": "（假定 {what}）", "en": " (assuming {what})"},
    "not_ratio": {
        "zh": "公式 {formula} 不是“分子 / 分母 × 常数”形式，无法折算为绝对数",
        "en": "the formula {formula} is not numerator / denominator × constant: no absolute count",
    },
    "no_operand": {
        "zh": "公式 {formula} 中有指标尚无数值，无法折算为绝对数",
        "en": "an operand of {formula} has no value yet: no absolute count",
    },
    # propose
    "propose_head": {
        "zh": "下一期目标建议：到 {horizon} 年底 · 截至 {date} 的数据",
        "en": "Targets for the next plan: by the end of {horizon} · data as of {date}",
    },
    "col_indicator": {"zh": "指标", "en": "Indicator"},
    "col_latest": {"zh": "最新值", "en": "Latest"},
    "col_method": {"zh": "方法", "en": "Method"},
    "col_prob_up": {"zh": "{pct}把握达到", "en": "{pct} reach"},
    "col_prob_down": {"zh": "{pct}把握不超过", "en": "{pct} ≤"},
    "col_backtest": {"zh": "回测命中", "en": "Backtest"},
    "too_short": {
        "zh": "少于 4 个数据点，无法给出可信区间",
        "en": "fewer than 4 points, too short for an honest interval",
    },
    "decrease_note": {
        "zh": "减少类指标：给出的是“有该把握不超过”的值",
        "en": "decrease indicators: the value that will not be exceeded",
    },
    "method_drift_log": {"zh": "对数漂移游走", "en": "log drift"},
    "method_drift": {"zh": "漂移游走", "en": "drift"},
    "method_trend_log": {"zh": "对数趋势", "en": "log trend"},
    "method_trend": {"zh": "线性趋势", "en": "trend"},
    "method_too_short": {"zh": "数据不足", "en": "too short"},
    "method_legend": {
        "zh": "方法：漂移游走＝带漂移的随机游走，对数＝按增长率；趋势＝直线趋势加噪声",
        "en": "method: drift = random walk with drift, log = on growth rates; trend = straight line plus noise",
    },
    "legend": {
        "zh": "把握：到期实际值不低于该值的概率（由该指标自身历史估计，学生t分位数）；回测命中：历史上各期滚动预测中实际达到建议值的次数",
        "en": "probability: chance the actual value at the horizon is at least the value (estimated from the indicator's own history, Student-t quantiles); backtest: how often rolling forecasts over its history were reached",
    },
    "draft_source": {
        "zh": "ipplan propose：{method}，按截至 {date} 的数据，到 {horizon} 年底{reach}该值的概率为 {pct}",
        "en": "ipplan propose: {method}, on data as of {date}; the chance to {reach} this value by the end of {horizon} is {pct}",
    },
    "draft_reach_up": {"zh": "达到", "en": "reach"},
    "draft_reach_down": {"zh": "不超过", "en": "stay at or below"},
    "draft_title": {
        "zh": "{title}（{horizon}年目标草案）",
        "en": "{title} (draft targets for {horizon})",
    },
    "draft_header": {
        "zh": "# ipplan propose 生成的下一期方案草案（截至 {date} 的数据，概率 {pct}）。\n# 请逐项审阅目标值与出处，再用 ipplan init 目录 --from 本文件 新建方案。\n",
        "en": "# A draft plan for the next period written by ipplan propose (data as of {date}, probability {pct}).\n# Review every target and its source, then make the plan with ipplan init DIR --from this file.\n",
    },
}


def word(key: str, lang: str, **params: object) -> str:
    entry = WORDS[key]
    return (entry.get(lang) or entry["en"]).format(**params)
