"""Messages for the ``statuses:`` block (the evaluation's words: words_verdicts.py).

Parameters by code:
    statuses.bad_word        key, limit
    statuses.not_positive    key, value
    statuses.order           low, high, low_value, high_value
    statuses.points          key, value
"""

from __future__ import annotations

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
