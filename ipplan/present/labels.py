"""Words shown to users, in Chinese and English: status names, column heads, notes."""

from __future__ import annotations

from collections.abc import Mapping

STATUS: Mapping[str, Mapping[str, str]] = {
    "achieved": {"zh": "已完成", "en": "achieved"},
    "on_track": {"zh": "进度正常", "en": "on track"},
    "behind": {"zh": "需加快", "en": "behind"},
    "off_track": {"zh": "严重滞后", "en": "off track"},
    "moving_away": {"zh": "倒退", "en": "moving away"},
    "missed": {"zh": "未完成", "en": "missed"},
    "insufficient_data": {"zh": "缺数据", "en": "no data"},
    "monitoring": {"zh": "监测", "en": "monitored"},
}

# rich styles per status (ignored where colour is off)
STYLE: Mapping[str, str] = {
    "achieved": "bold green",
    "on_track": "green",
    "behind": "yellow",
    "off_track": "red",
    "moving_away": "bold red",
    "missed": "bold red",
    "insufficient_data": "dim",
    "monitoring": "cyan",
}

TARGET_TYPE: Mapping[str, Mapping[str, str]] = {
    "level": {"zh": "达到", "en": "level"},
    "cumulative": {"zh": "累计", "en": "cum."},
    "growth": {"zh": "稳步增长", "en": "growth ↑"},
}

HEAD: Mapping[str, Mapping[str, str]] = {
    "indicator": {"zh": "指标", "en": "Indicator"},
    "target": {"zh": "目标", "en": "Target"},
    "latest": {"zh": "最新值", "en": "Latest"},
    "period": {"zh": "期间", "en": "Period"},
    "attainment": {"zh": "完成率", "en": "Done"},
    "progress": {"zh": "进展/序时", "en": "Progress\n/time"},
    "growth": {"zh": "增速 需/实", "en": "Growth\nneed/act"},
    "projection": {"zh": "{period}预计", "en": "{period}\nproj."},
    "status": {"zh": "状态", "en": "Status"},
    "unit": {"zh": "单位", "en": "Unit"},
    "monitored": {"zh": "监测指标（无目标）", "en": "Monitored indicators (no target)"},
}

NOTES: Mapping[str, Mapping[str, str]] = {
    "no_data": {"zh": "尚无数据", "en": "no data yet"},
    "no_data_in_range": {"zh": "累计期间内尚无数据", "en": "no data in the counted periods"},
    "one_point": {"zh": "仅一个数据点，无法计算趋势", "en": "one data point only: no trend"},
    "linear_pace": {
        "zh": "按线性进度（年均增量）计算",
        "en": "judged on the linear pace (per-year change)",
    },
    "final_awaited": {
        "zh": "已过截止日期，待最终数据",
        "en": "deadline passed; final figure awaited",
    },
}

# why a target lacks data, after its name in the "no data" line
MISSING_WHY: Mapping[str, Mapping[str, str]] = {
    "one_point": {"zh": "（仅一个数据点）", "en": " (one data point)"},
    "no_data_in_range": {"zh": "（累计期间内无数据）", "en": " (none in the counted periods)"},
}

TEXT: Mapping[str, Mapping[str, str]] = {
    "as_of": {"zh": "截至 {date}", "en": "As of {date}"},
    "time_elapsed": {"zh": "序时进度 {pct}", "en": "time elapsed {pct}"},
    "region": {"zh": "地区：{region}", "en": "region: {region}"},
    "summary_targets": {"zh": "{n} 项目标：", "en": "{n} targets: "},
    "summary_none": {"zh": "没有目标", "en": "no targets"},
    "summary_sep": {"zh": "，", "en": ", "},
    "count": {"zh": "{label} {n} 项", "en": "{n} {label}"},
    "count_insufficient_data": {"zh": "缺数据 {n} 项", "en": "{n} lack data"},
    "final": {"zh": "终值", "en": "final"},
    "missing": {"zh": "缺数据：{names}", "en": "no data: {names}"},
}


def status_word(status: str, lang: str) -> str:
    return STATUS[status][lang]


def label(table: Mapping[str, Mapping[str, str]], key: str, lang: str, **params: object) -> str:
    return table[key][lang].format(**params)


def one_line(head: str) -> str:
    """A two-line heading on one line: "Progress\n/time" → "Progress/time",
    "Growth\nneed/act" → "Growth need/act" (never "Growthneed/act")."""
    return "".join(
        part if i == 0 or part.startswith("/") else " " + part
        for i, part in enumerate(head.split("\n"))
    )
