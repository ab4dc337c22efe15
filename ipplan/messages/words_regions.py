"""Words of `ipplan regions` (status words: words_status)."""

WORDS: dict[str, dict[str, str]] = {
    # regions
    "regions.rank": {"zh": "名次", "en": "Rank"},
    "regions.units": {"zh": "{n} 个地区（含{top}）", "en": "{n} regions (with {top})"},
    "regions.ranked_on": {
        "zh": "按“{name}”排名：先已完成（按完成率），再按增速比（实/需），同则按完成率",
        "en": "Ranked on {name}: achieved first (by attainment), then by growth ratio (actual/required), ties by attainment",
    },
    "regions.legend": {"zh": "指标：", "en": "Indicators: "},
    "regions.lagging": {"zh": "落后的地区：", "en": "Lagging:"},
    "regions.no_lagging": {"zh": "没有落后的地区。", "en": "No region is lagging."},
    "regions.no_targets": {"zh": "没有目标。", "en": "No targets."},
    "regions.own_target_only": {
        "zh": "各地区只按自己的目标评价；没有分解目标的显示“监测”。",
        "en": "Each region is judged on its own targets only; without one it is monitored.",
    },
}
