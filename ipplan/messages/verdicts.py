"""Words of the evaluation (ipplan.verdicts) and messages for the ``statuses:`` block.

WORDS holds the national vocabulary of the 十四五 mid-term review and the final
evaluation, and the three lights; a plan's ``statuses: words:`` may replace any of them.
TEXT holds the plan-level count that reviews quote ("20 项中 16 项基本符合或快于预期").

Parameters by code:
    statuses.bad_word        key, limit
    statuses.not_positive    key, value
    statuses.order           low, high, low_value, high_value
    statuses.points          key, value
"""

from __future__ import annotations

WORDS: dict[str, dict[str, str]] = {
    "achieved_early": {"zh": "提前实现", "en": "achieved early"},
    "ahead": {"zh": "快于预期", "en": "ahead"},
    "on_course": {"zh": "基本符合预期", "en": "on course"},
    "lagging": {"zh": "滞后", "en": "lagging"},
    "achieved": {"zh": "已完成", "en": "achieved"},
    "missed": {"zh": "未完成", "en": "missed"},
    "awaited": {"zh": "待终值", "en": "awaited"},
    "unknown": {"zh": "无法评估", "en": "no verdict"},
    "green": {"zh": "绿", "en": "green"},
    "yellow": {"zh": "黄", "en": "yellow"},
    "red": {"zh": "红", "en": "red"},
}

TEXT: dict[str, dict[str, str]] = {
    "head_midterm": {"zh": "中期评估", "en": "Mid-term"},
    "head_final": {"zh": "终期评估", "en": "Final"},
    "head_lights": {"zh": "亮灯", "en": "Light"},
    "count_midterm": {
        "zh": "中期评估：{n} 项中 {m} 项基本符合或快于预期",
        "en": "Mid-term evaluation: {m} of {n} on course or ahead",
    },
    "count_final": {
        "zh": "终期评估：{n} 项中 {m} 项已完成",
        "en": "Final evaluation: {m} of {n} achieved",
    },
    "count_lights": {
        "zh": "亮灯：{n} 项中 {m} 项绿灯",
        "en": "Lights: {m} of {n} green",
    },
    "of_which": {"zh": "（其中{parts}）", "en": " ({parts})"},
    "part": {"zh": "{word} {n} 项", "en": "{n} {word}"},
    "light_part": {"zh": "{word}灯 {n} 项", "en": "{n} {word}"},
    "sep": {"zh": "，", "en": ", "},
    "sentence_sep": {"zh": "；", "en": "; "},
    "inner_sep": {"zh": "、", "en": ", "},
    "awaited": {
        "zh": "待终值：尚无{period}的数据，以预计值估计。{items}",
        "en": "Awaited: no {period} figure yet; estimated from the projection. {items}",
    },
    "awaited_item": {
        "zh": "{name}{estimate}（预计{word}）",
        "en": "{name} {estimate} (expected: {word})",
    },
    "awaited_none": {"zh": "无预计值：{names}", "en": "no projection: {names}"},
    "expected": {"zh": "预计{word}", "en": "likely {word}"},
}

MESSAGES: dict[str, dict[str, tuple[str, str]]] = {
    "statuses.bad_word": {
        "zh": (
            "statuses 中 {key} 的用词应为不超过 {limit} 个字、不含控制字符的文字",
            "写一个简短的词，如 lagging: 进度滞后",
        ),
        "en": (
            "the word for {key} in statuses must be text of at most {limit} characters,"
            " without control characters",
            "write a short word, e.g. lagging: behind schedule",
        ),
    },
    "statuses.not_positive": {
        "zh": ("statuses 的阈值 {key} 为 {value}，应大于 0", "增速比阈值通常为 0.95"),
        "en": (
            "the statuses threshold {key} is {value}; it must be above 0",
            "the usual growth-ratio threshold is 0.95",
        ),
    },
    "statuses.order": {
        "zh": (
            "statuses 中 {high}（{high_value}）小于 {low}（{low_value}）",
            "{high} 应不小于 {low}，请对调或改正",
        ),
        "en": (
            "in statuses, {high} ({high_value}) is below {low} ({low_value})",
            "{high} must be at least {low}: swap or correct them",
        ),
    },
    "statuses.points": {
        "zh": (
            "statuses 的亮灯阈值 {key} 为 {value}，应在 0 到 100 个百分点之间",
            "如 green: 10、yellow: 30（低于序时进度的百分点数）",
        ),
        "en": (
            "the light threshold {key} is {value}; it must be 0 to 100 points",
            "e.g. green: 10, yellow: 30 (points below the time elapsed)",
        ),
    },
}
