"""Words of the projection methods: each method's name and its formula's wording, named
by the keys of :data:`ipplan.analysis.project.REGISTRY` ."""

WORDS: dict[str, dict[str, str]] = {
    "method.linear": {"zh": "线性趋势", "en": "linear trend"},
    "method.cagr": {"zh": "复合增长", "en": "compound growth"},
    "method.weighted": {"zh": "加权趋势", "en": "weighted trend"},
    "method.pace": {"zh": "线性进度", "en": "linear pace"},
    # {what}: the points or flows fitted; {growth}: the actual growth; {v}: the latest
    # value or the cumulative sum; {pace}: the actual per year
    "method.linear.formula": {
        "zh": "过{what}的最小二乘直线",
        "en": "least-squares line through {what}",
    },
    "method.weighted.formula": {
        "zh": "过{what}的加权最小二乘直线，权重 = 1 ÷ (1 + 距最新数据的年数)",
        "en": "weighted least-squares line through {what}, weight = 1 ÷ (1 + years "
        "before the latest point)",
    },
    "method.cagr.formula": {
        "zh": "最新值按实际年均增速 {growth} 复利增长",
        "en": "the latest value compounded at the actual growth {growth} a year",
    },
    "method.cagr.formula_flows": {
        "zh": "最新一期流量按{what}的年均增速复利增长",
        "en": "the latest flow compounded at the growth of {what}",
    },
    "method.pace.formula": {
        "zh": "线性进度：累计值 {v} + 实际年均新增 {pace} × 剩余年数",
        "en": "linear pace: cumulative {v} + actual per year {pace} × years left",
    },
}
