"""Messages for hostile input that is read rather than refused elsewhere (issue 13): a
spreadsheet's own complaints turned into ours.

Each entry: {"zh": (what is wrong, how to fix it), "en": (...)}.
"""

from __future__ import annotations

MESSAGES: dict[str, dict[str, tuple[str, str]]] = {
    "import.bad_excel_date": {
        "zh": (
            "单元格 {cell} 设为日期格式，但其数值 {value} 超出 Excel 日期范围（1900–9999年）",
            "请在 Excel/WPS 中改为正确的日期，或把该单元格改为常规格式",
        ),
        "en": (
            "cell {cell} is formatted as a date, but its value {value} is outside Excel's "
            "dates (years 1900–9999)",
            "enter a real date in Excel/WPS, or format the cell as General",
        ),
    },
}
