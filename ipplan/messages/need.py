"""Messages and words of `ipplan need`, `ipplan propose` and `ipplan init --from`."""

from __future__ import annotations

from typing import Any

from ipplan.core.i18n import Lang
from ipplan.core.i18n import word as catalog_word

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


def word(key: str, lang: Lang, **params: Any) -> str:
    """A word or sentence of the catalog's ``need.*`` keys (words_need.py), filled in."""
    return catalog_word("need." + key, lang, **params)
