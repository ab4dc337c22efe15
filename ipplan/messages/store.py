"""Messages for writing files: ipplan.data.store, ipplan.data.atomic, ipplan.data.journal, ipplan.data.signals,
ipplan.report.output, ipplan.data.importer, ipplan.data.scaffold.

Each entry: {"zh": (what is wrong, how to fix it), "en": (...)}.
"""

from __future__ import annotations

_CLOSE = "请在 Excel/WPS（或 Word）中关闭该文件后重试"
_CLOSE_EN = "close the file in Excel/WPS (or Word) and try again"

MESSAGES: dict[str, dict[str, tuple[str, str]]] = {
    # ------------------------------------------------------------------ writing
    "store.read_only": {
        "zh": (
            "内置的随州方案是只读的，不能写入（{path}）",
            "先用 ipplan init DIR 新建一个可编辑的方案目录，再加 --plan DIR",
        ),
        "en": (
            "the bundled Suizhou plan is read-only ({path})",
            "make a plan folder to edit with ipplan init DIR, then pass --plan DIR",
        ),
    },
    "store.busy": {
        "zh": ("文件 {path} 正被其他程序占用或不可写，未写入任何内容", _CLOSE),
        "en": (
            "{path} is held open by another program or cannot be written; nothing was written",
            _CLOSE_EN,
        ),
    },
    "store.read_locked": {
        "zh": (
            "等待 {seconds} 秒后另一个 ipplan 仍在写入（锁文件 {path}），未读取",
            "稍后重试；若没有其他 ipplan 在运行，请删除该锁文件",
        ),
        "en": (
            "another ipplan was still writing after {seconds} s (lock {path}); nothing was read",
            "try again shortly; if no other ipplan is running, delete the lock file",
        ),
    },
    "store.locked": {
        "zh": (
            "等待 {seconds} 秒后仍未取得锁文件 {path}：另一个 ipplan 正在写入，未写入任何内容",
            "稍后重试；若没有其他 ipplan 在运行，请删除该锁文件",
        ),
        "en": (
            "could not take the lock {path} within {seconds} s: another ipplan is writing;"
            " nothing was written",
            "try again shortly; if no other ipplan is running, delete the lock file",
        ),
    },
    "store.write_failed": {
        "zh": ("无法写入 {path}（{reason}），未写入任何内容", "请检查磁盘空间和目录写权限"),
        "en": (
            "cannot write {path} ({reason}); nothing was written",
            "check the free disk space and that the folder is writable",
        ),
    },
    "store.changed_meanwhile": {
        "zh": (
            "{path} 在读取后被其他程序改动过（如在 Excel/WPS 中保存），未写入任何内容",
            "请确认该文件中的改动，关闭编辑它的程序后重试",
        ),
        "en": (
            "{path} was changed by another program after it was read (saved in Excel/WPS?);"
            " nothing was written",
            "check the changes in that file, close the program editing it, and try again",
        ),
    },
    "store.not_a_file": {
        "zh": (
            "{path} 不是普通文件（而是目录、设备或命名管道），未写入任何内容",
            "把它换成普通的 CSV 文件，或移走它",
        ),
        "en": (
            "{path} is not a regular file (a folder, device or named pipe); nothing was written",
            "replace it by a plain CSV file, or move it away",
        ),
    },
    "store.journal_conflict": {
        "zh": (
            "上次中断的写入无法完成：{path} 在中断后又被改动过；为不覆盖改动，方案暂不可用",
            "对照 {saved}（未完成写入的新内容）检查该文件，然后删除文件夹 {journal}",
        ),
        "en": (
            "an interrupted write cannot be finished: {path} was changed after the"
            " interruption; the plan cannot be used until this is settled",
            "compare it with {saved} (the new content of the interrupted write), then delete"
            " the folder {journal}",
        ),
    },
    "store.journal_pending": {
        "zh": (
            "上次中断的写入（{path}）尚未完成，现在也无法完成；为免读到写了一半的数据，方案暂不可用",
            "解决上面的问题（或用对方案目录有写权限的账户）后，运行任一 ipplan 命令即可自动完成",
        ),
        "en": (
            "an interrupted write ({path}) is not finished and cannot be finished now; the"
            " plan cannot be used until it is, or it would show a half-done write",
            "settle the problem above (or use an account that may write the plan folder), then"
            " run any ipplan command: it finishes the write",
        ),
    },
    "store.journal_damaged": {
        "zh": (
            "上次中断的写入日志已损坏（{reason}），方案暂不可用",
            "用 ipplan check 检查数据文件，然后删除文件夹 {path}",
        ),
        "en": (
            "the journal of an interrupted write is damaged ({reason}); the plan cannot be"
            " used until this is settled",
            "check the data files with ipplan check, then delete the folder {path}",
        ),
    },
    "output.write_failed": {
        "zh": ("写入 {path} 失败（{reason}），输出可能不完整", "请检查磁盘空间和输出目标"),
        "en": (
            "writing to {path} failed ({reason}); the output may be incomplete",
            "check the free disk space and the output target",
        ),
    },
    "output.binary_terminal": {
        "zh": ("{path} 是终端，不能写入二进制文件（Word、Excel）", "请用 --output 文件名 保存"),
        "en": (
            "{path} is a terminal; a binary file (Word, Excel) cannot go there",
            "save it with --output FILE",
        ),
    },
    # ------------------------------------------------------------------ signals
    "signal.interrupted": {
        "zh": ("已被 {signal} 中断，命令未完成", "没有改动任何文件；需要时请重新运行"),
        "en": (
            "interrupted by {signal}; the command did not finish",
            "no file was changed; run it again if needed",
        ),
    },
    "signal.interrupted_rolled_back": {
        "zh": ("已被 {signal} 中断，写入已撤销", "没有改动任何文件；需要时请重新运行"),
        "en": (
            "interrupted by {signal}; the write was undone",
            "no file was changed; run it again if needed",
        ),
    },
    "signal.interrupted_written": {
        "zh": ("已被 {signal} 中断，但写入已全部完成", "可运行 ipplan status 查看结果"),
        "en": (
            "interrupted by {signal} after the write had been committed; every file was written",
            "ipplan status shows the result",
        ),
    },
    "store.fix_first": {
        "zh": (
            "数据文件 {path} 有上述问题，未写入任何内容",
            "请先修正该文件（可运行 ipplan check），再重试",
        ),
        "en": (
            "the data file {path} has the problems above; nothing was written",
            "fix it first (ipplan check lists every problem), then try again",
        ),
    },
    "store.unknown_indicator": {
        "zh": ("没有指标“{value}”", "指标代码和名称见 targets.yaml"),
        "en": ("no indicator '{value}'", "the ids and names are listed in targets.yaml"),
    },
    "store.unknown_indicator_close": {
        "zh": ("没有指标“{value}”", "是否指：{suggestion}？"),
        "en": ("no indicator '{value}'", "did you mean: {suggestion}?"),
    },
    "store.derived": {
        "zh": (
            "{id}（{name}）是派生指标，由公式 {formula} 计算，不能直接录入",
            "只有录入官方公布的数值时才可以，并须注明来源（--source 或“来源”列）",
        ),
        "en": (
            "{id} ({name}) is derived, computed as {formula}; it is not recorded by hand",
            "only a published value may be recorded, with its source (--source or a source column)",
        ),
    },
    "store.duplicate": {
        "zh": (
            "{id} 的期间 {period}、地区 {region} 出现两次（第 {first} 行已有）",
            "每个指标、期间和地区只保留一行",
        ),
        "en": (
            "{id} has period {period}, region {region} twice (first on line {first})",
            "keep one row per indicator, period and region",
        ),
    },
    "store.exists": {
        "zh": (
            "{id} 的 {period}（{region}）已有记录 {old}（{where}），新值为 {new}",
            "确认要替换时加 --replace 重试",
        ),
        "en": (
            "{id} already has {old} for {period} ({region}) at {where}; the new figure is {new}",
            "add --replace to replace it",
        ),
    },
    "store.exists_fields": {
        "zh": (
            "{id} 的 {period}（{region}）已有记录 {old}（{where}），数值相同但 {fields} 不同",
            "确认要更新时加 --replace 重试",
        ),
        "en": (
            "{id} already has {old} for {period} ({region}) at {where}; same value, but"
            " {fields} differ",
            "add --replace to update it",
        ),
    },
    # ------------------------------------------------------------------ import
    "import.unreadable": {
        "zh": ("无法读取导入文件（{reason}）", "请检查文件路径，并在 Excel/WPS 中关闭该文件"),
        "en": (
            "cannot read the file to import ({reason})",
            "check the path, and close the file in Excel/WPS",
        ),
    },
    "import.xls": {
        "zh": ("不支持旧版 Excel 97-2003 格式（.xls）", "请在 Excel/WPS 中另存为 .xlsx 或 CSV"),
        "en": ("old Excel 97-2003 files (.xls) are not supported", "save it as .xlsx or CSV"),
    },
    "import.formula_uncached": {
        "zh": (
            "单元格是公式 {formula}，但文件中没有它的计算结果",
            "请在 Excel/WPS 中打开该文件并保存（会计算公式）后再导入，或把公式改为数值",
        ),
        "en": (
            "the cell holds the formula {formula} but no calculated value",
            "open and save the file in Excel/WPS (which calculates it), or replace the formula by its value",
        ),
    },
    "import.bad_xlsx": {
        "zh": (
            "无法打开 Excel 文件（{reason}）",
            "文件可能已损坏或加了密码；请另存为 .xlsx 或 CSV",
        ),
        "en": (
            "cannot open the Excel file ({reason})",
            "it may be damaged or password-protected; save it again as .xlsx or CSV",
        ),
    },
    "import.unknown_sheet": {
        "zh": ("工作簿中没有工作表“{value}”", "已有的工作表：{known}"),
        "en": ("no sheet '{value}' in the workbook", "its sheets: {known}"),
    },
    "import.sheet_not_xlsx": {
        "zh": ("--sheet 只适用于 Excel（.xlsx）文件", "导入 CSV 时去掉 --sheet"),
        "en": ("--sheet applies to Excel (.xlsx) files only", "leave --sheet out for a CSV"),
    },
    "import.empty": {
        "zh": ("文件中没有数据", "第一行应为表头，如 指标,期间,数值；或每行一个指标、每列一个期间"),
        "en": (
            "the file holds no data",
            "start with a header such as indicator,period,value, or one row per indicator"
            " and one column per period",
        ),
    },
    "import.no_header": {
        "zh": (
            "找不到表头：前 {rows} 行中没有“指标”列，也没有“期间”和“数值”列",
            "长表：表头写 指标,期间,数值（或 indicator,period,value）；"
            "宽表：第一列写“指标”，其余各列以期间为表头，如 2024年、2024年一季度",
        ),
        "en": (
            "no header found: none of the first {rows} rows has an indicator column, or a"
            " period and a value column",
            "long layout: a header indicator,period,value; wide layout: an indicator column,"
            " then one column per period such as 2024, 2024-Q1",
        ),
    },
    "import.no_value_column": {
        "zh": (
            "表头有“指标”列，但既没有“期间”和“数值”列，也没有以期间为表头的列",
            "长表须有 期间 和 数值 两列；宽表各列表头须为期间，如 2024年、2024年3月",
        ),
        "en": (
            "the header has an indicator column but neither period and value columns nor"
            " period headers",
            "a long table needs period and value columns; a wide one period headers such as"
            " 2024 or 2024-03",
        ),
    },
    "import.duplicate_period_column": {
        "zh": ("列表头“{value}”与第 {first} 列是同一期间 {period}", "每个期间只保留一列"),
        "en": (
            "the column '{value}' is the same period {period} as column {first}",
            "keep one column per period",
        ),
    },
    "import.ignored_column": {
        "zh": ("列“{value}”不是期间，已忽略", "若这是数据列，请把表头改为期间，如 2024年"),
        "en": (
            "column '{value}' is not a period and is ignored",
            "if it holds figures, make its header a period such as 2024",
        ),
    },
    "import.no_indicator_column": {
        "zh": (
            "表头没有“指标”列，文件名“{value}”也不是指标代码",
            "加一列“指标”，或把文件命名为 <指标代码>.csv",
        ),
        "en": (
            "the header has no indicator column, and the file name '{value}' is no indicator id",
            "add an indicator column, or name the file <indicator id>.csv",
        ),
    },
    "record.other_problems": {
        "zh": (
            "已写入，但其他数据文件有问题，下面的状态可能不完整",
            "运行 ipplan check 查看并修正",
        ),
        "en": (
            "written, but other data files have problems; the status below may be incomplete",
            "run ipplan check to see and fix them",
        ),
    },
    "import.unit_mismatch": {
        "zh": (
            "单位“{unit}”无法换算为指标 {id} 的单位“{expected}”",
            "请把数值换算为“{expected}”并改写单位，或删除单位列",
        ),
        "en": (
            "the unit '{unit}' cannot be converted to the unit '{expected}' of {id}",
            "convert the figures to '{expected}' and fix the unit, or remove the unit column",
        ),
    },
    "import.unit_differs": {
        "zh": (
            "单位“{unit}”与指标 {id} 的单位“{expected}”不同，数值按原样导入",
            "请确认两者是同一单位",
        ),
        "en": (
            "the unit '{unit}' differs from the unit '{expected}' of {id};"
            " figures taken as they are",
            "check that both mean the same unit",
        ),
    },
    "import.no_indicator": {
        "zh": ("这一行有数据，但没有写指标", "请在“指标”列填写指标代码或名称"),
        "en": ("this row has figures but no indicator", "write the indicator's id or name"),
    },
    "import.no_period": {
        "zh": ("这一行有数值，但没有写期间", "请填写期间，如 2024、2024-Q1、2024年3月"),
        "en": ("this row has a value but no period", "write a period such as 2024 or 2024-Q1"),
    },
    "import.bad_period": {
        "zh": (
            "期间“{value}”无效",
            "请写成 2024、2024-Q1、2024-03、2024年、2024年一季度或2024年3月",
        ),
        "en": (
            "'{value}' is not a period",
            "write 2024, 2024-Q1, 2024-03, 2024年, 2024年一季度 or 2024年3月",
        ),
    },
    "import.nothing": {
        "zh": ("文件中没有可导入的数值", "请检查数值是否都在期间列（宽表）或“数值”列（长表）中"),
        "en": (
            "the file holds no figure to import",
            "check that the figures are under period headers (wide) or in a value column (long)",
        ),
    },
    # ------------------------------------------------------------------ init
    "init.exists": {
        "zh": ("{path} 已存在，未做任何改动", "请换一个目录，或先移走该文件"),
        "en": ("{path} already exists; nothing was changed", "choose another folder"),
    },
    "init.stale_removed": {
        "zh": (
            "已删除被强行终止（kill -9、断电）的 ipplan init 留下的隐藏临时目录",
            "不用理会；其中只有那次未完成的新方案文件",
        ),
        "en": (
            "removed the hidden folder left by an ipplan init that was killed (kill -9, power cut)",
            "nothing to do; it held only the files of that unfinished new plan",
        ),
    },
    "init.not_dir": {
        "zh": ("{path} 不是目录", "请给出一个新目录的路径"),
        "en": ("{path} is not a folder", "give the path of a new folder"),
    },
    "init.failed": {
        "zh": ("无法创建 {path}（{reason}），未留下任何文件", "请检查目录写权限和磁盘空间"),
        "en": (
            "cannot create {path} ({reason}); nothing was left behind",
            "check that the folder is writable and the disk has space",
        ),
    },
}
