"""Messages for reading files safely: what is not a file, limits, damaged CSV, encodings,
odd states of a plan folder (ipplan.data.safeio, ipplan.data.csvread, ipplan.data.encoding, and the
limits of ipplan.data.plan, ipplan.data.sheets, ipplan.data.yamlguard).

Parameters by code:
    file.not_regular        kind (folder | fifo | device | socket | other)
    file.too_large          size, limit (MiB)
    csv.unclosed_quote      (none)
    csv.after_quote         text
    csv.field_too_large     limit (characters)
    csv.syntax              reason
    encoding.uncertain      encoding (as read), other (what it could also be)
    actuals.wrong_case      name, expected, id
    plan.dir_unreadable     path, reason
    plan.id_too_long        value, length, limit
    plan.text_too_long      key, length, limit
    plan.negative_target    value, id
    plan.value_out_of_range key, value, limit
    plan.date_with_time     key, value, date
    plan.too_many_indicators count, limit
    import.too_many_rows    limit
    import.xlsx_too_large   size, limit (MiB)
    import.uncertain_encoding encoding, other
"""

from __future__ import annotations

MESSAGES: dict[str, dict[str, tuple[str, str]]] = {
    # ---------------------------------------------------------------- files
    "file.not_regular": {
        "zh": (
            "这不是普通文件（类型：{kind}），不能读取",
            "请换成一个普通文件：命名管道（fifo）、设备（device）、文件夹不能作为数据文件",
        ),
        "en": (
            "this is not a regular file (it is a {kind}); it is not read",
            "use a regular file: a named pipe (fifo), a device or a folder cannot hold data",
        ),
    },
    "file.too_large": {
        "zh": (
            "文件过大（{size} MiB，上限 {limit} MiB）",
            "请检查是否选错了文件；数据确实很多时请拆分成几个文件",
        ),
        "en": (
            "the file is too large ({size} MiB; the limit is {limit} MiB)",
            "check that it is the right file; split genuinely large data into several files",
        ),
    },
    # ---------------------------------------------------------------- CSV damage
    "csv.unclosed_quote": {
        "zh": (
            "CSV 格式错误：此处开始的引号没有结束（其后整个文件会被读成一个单元格）",
            '在该单元格末尾补上英文双引号 "，或删除开头的引号',
        ),
        "en": (
            "CSV damaged: the quote opened here is never closed (the rest of the file"
            " would become one cell)",
            'close the cell with a " at its end, or remove the opening quote',
        ),
    },
    "csv.after_quote": {
        "zh": (
            "CSV 格式错误：引号结束后还有文字“{text}”",
            '整个单元格都要在引号内，如 "a b"；单元格内的引号写成两个 ""',
        ),
        "en": (
            "CSV damaged: text '{text}' follows the closing quote",
            'put the whole cell inside the quotes, e.g. "a b"; write a quote inside a cell as ""',
        ),
    },
    "csv.field_too_large": {
        "zh": (
            "单元格过长（超过 {limit} 个字符）",
            "请检查该单元格；备注等文字请精简",
        ),
        "en": (
            "the cell is too long (over {limit} characters)",
            "check the cell; shorten notes and other text",
        ),
    },
    "csv.syntax": {
        "zh": ("CSV 格式错误：{reason}", "请检查引号是否成对"),
        "en": ("CSV damaged: {reason}", "check that quotes are paired"),
    },
    # ---------------------------------------------------------------- encodings
    "encoding.uncertain": {
        "zh": (
            "无法确定文件编码：按 {encoding} 读取，但也可能是 {other}"
            "（简体 GB18030 与繁体 Big5 的字节多有重合）；ipplan 不会改写此文件",
            "请在 Excel/WPS 中另存为“CSV UTF-8”",
        ),
        "en": (
            "the text encoding is uncertain: read as {encoding}, but it may be {other}"
            " (simplified GB18030 and traditional Big5 share many byte sequences);"
            " ipplan will not rewrite this file",
            "save it from Excel/WPS as 'CSV UTF-8'",
        ),
    },
    "import.uncertain_encoding": {
        "zh": (
            "无法确定文件编码（可能是 {encoding}，也可能是 {other}），未导入",
            "请在 Excel/WPS 中另存为“CSV UTF-8”后再导入",
        ),
        "en": (
            "the text encoding is uncertain ({encoding} or {other}); nothing was imported",
            "save it from Excel/WPS as 'CSV UTF-8' and import that",
        ),
    },
    # ---------------------------------------------------------------- plan folder
    "actuals.wrong_case": {
        "zh": (
            "文件名“{name}”的大小写与指标代码不符，此文件未被读取",
            "请改名为 {expected}（指标代码全为小写）",
        ),
        "en": (
            "the file name '{name}' differs from the indicator id in case; it is not read",
            "rename it to {expected} (indicator ids are lowercase)",
        ),
    },
    "plan.dir_unreadable": {
        "zh": ("无法读取方案目录 {path}（{reason}）", "请检查该目录的权限（需要可读、可进入）"),
        "en": (
            "cannot read the plan folder {path} ({reason})",
            "check the folder's permissions (it must be readable and searchable)",
        ),
    },
    # ---------------------------------------------------------------- targets.yaml
    "plan.id_too_long": {
        "zh": (
            "指标代码过长（{length} 个字符，上限 {limit} 个）",
            "代码也是数据文件名 actuals/<代码>.csv，请缩短，如 trademarks_valid",
        ),
        "en": (
            "the indicator id is too long ({length} characters; at most {limit})",
            "the id is also the file name actuals/<id>.csv: shorten it, e.g. trademarks_valid",
        ),
    },
    "plan.text_too_long": {
        "zh": ("“{key}”过长（{length} 个字符，上限 {limit} 个）", "请精简这段文字"),
        "en": (
            "'{key}' is too long ({length} characters; at most {limit})",
            "shorten the text",
        ),
    },
    "plan.negative_target": {
        "zh": (
            "指标 {id} 的目标值 {value} 为负数，而该指标不允许负数",
            "请检查目标值；若确可为负，为该指标设 allow_negative: true",
        ),
        "en": (
            "the target value {value} of {id} is negative but {id} does not allow negatives",
            "check the value; if it can be negative, set allow_negative: true",
        ),
    },
    "plan.value_out_of_range": {
        "zh": (
            "“{key}”的数值 {value} 超出范围（绝对值不能超过 {limit}）",
            "请检查单位（万、亿）和位数",
        ),
        "en": (
            "'{key}' is out of range: {value} (its magnitude must not exceed {limit})",
            "check the unit (万, 亿) and the digits",
        ),
    },
    "plan.date_with_time": {
        "zh": (
            "“{key}”的值 {value} 带有时刻，按日期 {date} 处理",
            "只写日期即可，如 {date}",
        ),
        "en": (
            "'{key}' is {value}, with a time of day; it is taken as the date {date}",
            "write the date alone, e.g. {date}",
        ),
    },
    "plan.too_many_indicators": {
        "zh": (
            "指标过多（{count} 个，上限 {limit} 个）",
            "一个方案目录的指标数不能超过上限；请拆分为几个方案",
        ),
        "en": (
            "too many indicators ({count}; at most {limit})",
            "a plan holds at most that many indicators; split it into several plans",
        ),
    },
    # ---------------------------------------------------------------- import limits
    "import.too_many_rows": {
        "zh": (
            "文件行数超过上限（{limit} 行），已停止读取，未导入",
            "请把文件拆分成几个再分别导入，或删除多余的空行和格式",
        ),
        "en": (
            "the file has more than {limit} rows; reading stopped and nothing was imported",
            "split it into several files, or delete the empty formatted rows below the data",
        ),
    },
    "import.xlsx_too_large": {
        "zh": (
            "Excel 文件解压后过大（{size} MiB，上限 {limit} MiB），可能是压缩炸弹，未导入",
            "请另存为 CSV 后导入，或删除多余的工作表和格式",
        ),
        "en": (
            "the Excel file unpacks to {size} MiB (the limit is {limit} MiB): it may be a"
            " zip bomb; nothing was imported",
            "save it as CSV and import that, or remove needless sheets and formatting",
        ),
    },
}
