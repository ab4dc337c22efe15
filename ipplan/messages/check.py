"""Messages for `ipplan check` (ipplan.analysis.check) and the YAML screen (ipplan.data.yamlguard).

Parameters by code:
    yaml.too_deep, yaml.too_large        limit (too_large: + chars)
    yaml.bad_date, yaml.number_too_large value
    yaml.duplicate_key                   key
    check.future_period                  period, end, today
    check.future_published               value, today
    check.stock_drop                     + period, value, prev_period, prev_value, drop
    check.yoy_mismatch                   + period, yoy, implied, prev_period, prev_value, value
    check.components_sum                 + period, total, sum, parts
    check.derived_mismatch               + period, published, computed, formula
The four plausibility rules (+) also give id, name and name_en (the id when the plan
gives no English name). Numbers arrive already formatted as text.
"""

from __future__ import annotations

MESSAGES: dict[str, dict[str, tuple[str, str]]] = {
    # ------------------------------------------------------------------ YAML screen
    "yaml.too_deep": {
        "zh": (
            "YAML 嵌套超过 {limit} 层",
            "targets.yaml 只有几层缩进，请检查是否多了成串的 [ 或 {{，或缩进错乱",
        ),
        "en": (
            "the YAML nests more than {limit} levels deep",
            "targets.yaml is only a few levels deep; look for runs of [ or {{ or broken"
            " indentation",
        ),
    },
    "yaml.too_large": {
        "zh": (
            "锚点 & 与别名 * 展开后超过 {limit} 个节点或 {chars} 个字符",
            "请不要使用 & 和 * 引用，把内容直接写出来",
        ),
        "en": (
            "anchors & and aliases * expand to more than {limit} nodes or {chars} characters",
            "do not use & and * references; write the content out",
        ),
    },
    "yaml.bad_date": {
        "zh": ("日期“{value}”不存在", "日期写作 YYYY-MM-DD，如 2025-12-31；不是日期的文字请加引号"),
        "en": (
            "'{value}' is not a real date",
            "write YYYY-MM-DD, e.g. 2025-12-31; quote text that is not a date",
        ),
    },
    "yaml.number_too_large": {
        "zh": ("数字“{value}”过大", "请检查是否多写了数字；不是数字的内容请加引号"),
        "en": (
            "the number '{value}' is too large",
            "check the digits; quote text that is not a number",
        ),
    },
    "yaml.duplicate_key": {
        "zh": (
            "同一处重复出现键“{key}”，后一个会覆盖前一个",
            "每个键只写一次，删除或合并重复的一行",
        ),
        "en": (
            "the key '{key}' appears twice here; the second would silently replace the first",
            "write each key once; delete or merge the repeated line",
        ),
    },
    # ------------------------------------------------------------------ actuals rules
    "check.future_period": {
        "zh": (
            "期间 {period} 在 {end} 才结束，晚于今天（{today}）",
            "实际值只能记录已经结束的期间，请检查年份或月份是否写错",
        ),
        "en": (
            "period {period} ends on {end}, after today ({today})",
            "actuals record periods that have ended; check the year or month",
        ),
    },
    "check.future_published": {
        "zh": (
            "发布日期 {value} 晚于今天（{today}）",
            "请检查发布日期，写作 YYYY-MM-DD",
        ),
        "en": (
            "the published date {value} is after today ({today})",
            "check the date; write YYYY-MM-DD",
        ),
    },
    "check.stock_drop": {
        "zh": (
            "{name}从 {prev_period} 的 {prev_value} 降到 {period} 的 {value}，下降 {drop}%",
            "存量指标下降超过30%，多半是录入错误，请核对原始资料；"
            "若确因统计口径变化，请在该行 flag 一栏填 b",
        ),
        "en": (
            "{name_en}: down from {prev_value} in {prev_period} to {value} in {period} (−{drop}%)",
            "a stock rarely falls by more than 30%: check the figure against its source;"
            " if the definition changed, put b in the flag column of this row",
        ),
    },
    "check.yoy_mismatch": {
        "zh": (
            "{name} {period} 的同比 {yoy}% 与数值不符：{prev_period} 为 {prev_value}，"
            "{period} 为 {value}，应约为 {implied}%",
            "同比与两年数值相差超过 0.5 个百分点，请核对同比或上年数值",
        ),
        "en": (
            "the yoy {yoy}% of {name_en} {period} contradicts the levels: {prev_value} in"
            " {prev_period} and {value} in {period} give {implied}%",
            "they differ by more than 0.5 percentage points; check the yoy or last year's value",
        ),
    },
    "check.components_sum": {
        "zh": (
            "{name} {period} 的合计 {total} 不等于各分项之和 {sum}（{parts}）",
            "请核对合计与各分项数值",
        ),
        "en": (
            "the total {total} of {name_en} {period} is not the sum of its parts, {sum} ({parts})",
            "check the total and each part against their sources",
        ),
    },
    "check.derived_mismatch": {
        "zh": (
            "{name} {period} 的公布值 {published} 与按公式 {formula} 计算的 {computed} 不符",
            "差异超过公布值的四舍五入误差；请核对公布值，或公式所用的各项数值",
        ),
        "en": (
            "the published {published} of {name_en} {period} differs from {computed}, computed"
            " as {formula}",
            "the difference exceeds the rounding of the published value; check it, or the"
            " figures the formula uses",
        ),
    },
}
