"""Words of the evaluation (ipplan.analysis.verdicts).

``verdict.*`` holds the national vocabulary of the 十四五 mid-term review and the final
evaluation, and the three lights; a plan's ``statuses: words:`` may replace any of them.
``verdict_text.*`` holds the plan-level count that reviews quote ("20 项中 16 项基本符合或快于预期")."""

WORDS: dict[str, dict[str, str]] = {
    # the words
    "verdict.achieved_early": {"zh": "提前实现", "en": "achieved early"},
    "verdict.ahead": {"zh": "快于预期", "en": "ahead"},
    "verdict.on_course": {"zh": "基本符合预期", "en": "on course"},
    "verdict.lagging": {"zh": "滞后", "en": "lagging"},
    "verdict.achieved": {"zh": "已完成", "en": "achieved"},
    "verdict.missed": {"zh": "未完成", "en": "missed"},
    "verdict.awaited": {"zh": "待终值", "en": "awaited"},
    "verdict.unknown": {"zh": "无法评估", "en": "no verdict"},
    "verdict.green": {"zh": "绿", "en": "green"},
    "verdict.yellow": {"zh": "黄", "en": "yellow"},
    "verdict.red": {"zh": "红", "en": "red"},
    # the plan-level count
    "verdict_text.head_midterm": {"zh": "中期评估", "en": "Mid-term"},
    "verdict_text.head_final": {"zh": "终期评估", "en": "Final"},
    "verdict_text.head_lights": {"zh": "亮灯", "en": "Light"},
    "verdict_text.count_midterm": {
        "zh": "中期评估：{n} 项中 {m} 项基本符合或快于预期",
        "en": "Mid-term evaluation: {m} of {n} on course or ahead",
    },
    "verdict_text.count_final": {
        "zh": "终期评估：{n} 项中 {m} 项已完成",
        "en": "Final evaluation: {m} of {n} achieved",
    },
    "verdict_text.count_lights": {
        "zh": "亮灯：{n} 项中 {m} 项绿灯",
        "en": "Lights: {m} of {n} green",
    },
    "verdict_text.of_which": {"zh": "（其中{parts}）", "en": " ({parts})"},
    "verdict_text.part": {"zh": "{word} {n} 项", "en": "{n} {word}"},
    "verdict_text.light_part": {"zh": "{word}灯 {n} 项", "en": "{n} {word}"},
    "verdict_text.awaited": {
        "zh": "待终值：尚无{period}的数据，以预计值估计。{items}",
        "en": "Awaited: no {period} figure yet; estimated from the projection. {items}",
    },
    "verdict_text.awaited_item": {
        "zh": "{name}{estimate}（预计{word}）",
        "en": "{name} {estimate} (expected: {word})",
    },
    "verdict_text.expected": {"zh": "预计{word}", "en": "likely {word}"},
    "verdict_text.awaited_none": {"zh": "无预计值：{names}", "en": "no projection: {names}"},
}
