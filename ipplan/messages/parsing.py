"""Messages for periods, numbers and formulas (ipplan.core.periods, ipplan.core.numbers, ipplan.core.formula).

Each entry: {"zh": (what is wrong, how to fix it), "en": (...)}, templates over the
error's keyword parameters.

Parameters by code:
    period.invalid             value
    number.empty               (none)
    number.invalid             value
    number.not_finite          value
    number.too_large           value
    formula.*                  value (the formula), pos (1-based character position)
    formula.unexpected         + token
    formula.uppercase          + token, lower
    formula.unbalanced         + token ("(" never closed, or ")" never opened)
    formula.number_too_large   + token
    formula.too_deep           + limit
    formula.too_long           + length, limit (pos is limit + 1)
"""

from __future__ import annotations

MESSAGES: dict[str, dict[str, tuple[str, str]]] = {
    # ------------------------------------------------------------------ periods
    "period.invalid": {
        "zh": (
            "无法识别的期间“{value}”",
            "请写成 2024（年）、2024-Q1（季度）或 2024-03（月），年份在 1900 至 2200 之间",
        ),
        "en": (
            "not a period: '{value}'",
            "write 2024 (a year), 2024-Q1 (a quarter) or 2024-03 (a month),"
            " with a year from 1900 to 2200",
        ),
    },
    # ------------------------------------------------------------------ numbers
    "number.empty": {
        "zh": ("数值为空", "请填写数字，如 22542"),
        "en": ("the value is empty", "write a number such as 22542"),
    },
    "number.invalid": {
        "zh": (
            "无法识别的数值“{value}”",
            "请填写数字，如 22542、22,542、2.25万、4.7亿；千分位逗号须每三位一个；"
            "只有同比一栏可以带 %",
        ),
        "en": (
            "not a number: '{value}'",
            "write a number such as 22542, 22,542, 2.25万 or 4.7亿; thousands separators"
            " go every three digits; only the yoy column may carry a %",
        ),
    },
    "number.not_finite": {
        "zh": (
            "“{value}”不是有效数值",
            "请填写具体数字；数据暂缺时请留空这一行或删除这一行",
        ),
        "en": (
            "'{value}' is not a finite number",
            "write an actual number; leave the row out while the figure is missing",
        ),
    },
    "number.too_large": {
        "zh": (
            "数值“{value}”过大",
            "绝对值不能超过 1000 万亿（10^15），请检查单位（万、亿）或是否多写了数字",
        ),
        "en": (
            "the number '{value}' is too large",
            "its magnitude must not exceed 10^15; check the unit (万, 亿) and the digits",
        ),
    },
    # ----------------------------------------------------------------- formulas
    "formula.empty": {
        "zh": (
            "公式为空",
            "派生指标须填写公式，如 invention_patents_valid / population * 10000",
        ),
        "en": (
            "the formula is empty",
            "a derived indicator needs a formula such as"
            " invention_patents_valid / population * 10000",
        ),
    },
    "formula.unexpected": {
        "zh": (
            "公式“{value}”第 {pos} 个字符处的“{token}”无法识别",
            "公式中只能使用指标编号（小写字母开头，由小写字母、数字和下划线组成）、数字、"
            "+ - * / 和括号，不能使用函数、乘方或中文名称",
        ),
        "en": (
            "unexpected '{token}' at character {pos} of the formula '{value}'",
            "a formula may only use indicator ids (a lowercase letter, then lowercase"
            " letters, digits and _), numbers, + - * / and parentheses; no functions,"
            " powers or names",
        ),
    },
    "formula.uppercase": {
        "zh": (
            "公式“{value}”第 {pos} 个字符处的指标编号“{token}”含有大写字母",
            "指标编号只用小写字母，请改为“{lower}”",
        ),
        "en": (
            "the indicator id '{token}' at character {pos} of the formula '{value}'"
            " has capital letters",
            "indicator ids are lowercase: write '{lower}'",
        ),
    },
    "formula.unbalanced": {
        "zh": (
            "公式“{value}”的括号不配对（第 {pos} 个字符处的“{token}”）",
            "请检查每个“(”都有对应的“)”",
        ),
        "en": (
            "unbalanced parentheses in the formula '{value}' ('{token}' at character {pos})",
            "close every '(' with a ')' and open every ')' with a '('",
        ),
    },
    "formula.incomplete": {
        "zh": (
            "公式“{value}”不完整",
            "公式末尾缺少数字或指标编号，请补全运算符后面的部分",
        ),
        "en": (
            "the formula '{value}' ends too early",
            "a number or an indicator id is missing at the end; complete the last operation",
        ),
    },
    "formula.number_too_large": {
        "zh": (
            "公式“{value}”第 {pos} 个字符处的数字“{token}”过大",
            "请检查这个数字是否写错",
        ),
        "en": (
            "the number '{token}' at character {pos} of the formula '{value}' is too large",
            "check the number",
        ),
    },
    "formula.too_deep": {
        "zh": (
            "公式“{value}”的括号嵌套过深（第 {pos} 个字符处超过 {limit} 层）",
            "请去掉多余的括号",
        ),
        "en": (
            "the parentheses of the formula '{value}' nest more than {limit} deep"
            " (at character {pos})",
            "remove the needless parentheses",
        ),
    },
    "formula.too_long": {
        "zh": (
            "公式过长（{length} 个字符，上限 {limit} 个）",
            "请简化公式，或把其中一部分定义为单独的派生指标",
        ),
        "en": (
            "the formula is too long ({length} characters; at most {limit})",
            "simplify it, or define a part of it as a derived indicator of its own",
        ),
    },
}
