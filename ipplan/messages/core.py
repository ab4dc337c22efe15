"""Messages for the plan file, the actuals files and the common options."""

MESSAGES: dict[str, dict[str, tuple[str, str]]] = {
    # ------------------------------------------------------------------ the plan
    "plan.dir_missing": {
        "zh": ("方案目录不存在：{path}", "请检查 --plan 或环境变量 IPPLAN_PLAN 的路径"),
        "en": (
            "plan folder does not exist: {path}",
            "check the path given by --plan or IPPLAN_PLAN",
        ),
    },
    "plan.empty_path": {
        "zh": (
            "方案目录的路径为空",
            "请写出目录，如 我的方案（不写 --plan 则用当前目录或内置方案）",
        ),
        "en": (
            "the plan folder's path is empty",
            "name a folder, e.g. myplan (without --plan the current folder or the bundled plan is used)",
        ),
    },
    "plan.not_a_dir": {
        "zh": ("{path} 是文件，不是方案目录", "--plan 应指向含 targets.yaml 的目录"),
        "en": (
            "{path} is a file, not a plan folder",
            "--plan takes the folder that holds targets.yaml",
        ),
    },
    "plan.no_targets": {
        "zh": (
            "目录中没有 targets.yaml：{path}",
            "请指向含 targets.yaml 的方案目录，或用 ipplan init DIR 新建",
        ),
        "en": (
            "no targets.yaml in {path}",
            "point to a plan folder holding targets.yaml, or make one with ipplan init DIR",
        ),
    },
    "plan.unreadable": {
        "zh": ("无法读取方案文件（{reason}）", "请检查文件是否存在及读取权限"),
        "en": (
            "cannot read the plan file ({reason})",
            "check that the file exists and can be read",
        ),
    },
    "plan.not_utf8": {
        "zh": ("targets.yaml 不是 UTF-8 编码", "请用记事本或编辑器另存为 UTF-8"),
        "en": ("targets.yaml is not UTF-8", "save it again as UTF-8"),
    },
    "plan.yaml_syntax": {
        "zh": ("YAML 格式错误：{reason}", "请检查缩进、冒号和引号"),
        "en": ("YAML syntax error: {reason}", "check indentation, colons and quotes"),
    },
    "plan.yaml_tag": {
        "zh": (
            "不允许的 YAML 标签：{reason}",
            "只能使用普通的文字、数字、列表和映射，删除以 !! 开头的标签",
        ),
        "en": (
            "YAML tag not allowed: {reason}",
            "use plain text, numbers, lists and mappings; remove tags starting with !!",
        ),
    },
    "plan.not_mapping": {
        "zh": (
            "targets.yaml 的顶层应为 plan: 和 indicators: 两部分",
            "请参照 ipplan init 生成的模板",
        ),
        "en": (
            "targets.yaml must have a plan: and an indicators: section",
            "start from the template ipplan init writes",
        ),
    },
    "plan.missing_key": {
        "zh": ("缺少必填项“{key}”", "请补上 {key}:"),
        "en": ("missing required key '{key}'", "add {key}:"),
    },
    "plan.bad_type": {
        "zh": ("“{key}”的类型不对，应为{expected}", "请按格式说明填写 {key}"),
        "en": ("'{key}' has the wrong type; expected {expected}", "write {key} as formats.md says"),
    },
    "plan.bad_choice": {
        "zh": ("“{key}”的取值“{value}”无效", "可选值：{allowed}"),
        "en": ("'{key}' cannot be '{value}'", "choose one of: {allowed}"),
    },
    "plan.bad_period": {
        "zh": (
            "“{key}”的期间“{value}”无效",
            '期间写作 YYYY、YYYY-Qn 或 YYYY-MM，如 "2023"（加引号）',
        ),
        "en": (
            "'{key}' is not a valid period: '{value}'",
            'write YYYY, YYYY-Qn or YYYY-MM, e.g. "2023" (quoted)',
        ),
    },
    "plan.bad_date": {
        "zh": ("“{key}”的日期“{value}”无效", "日期写作 YYYY-MM-DD，如 2025-12-31"),
        "en": ("'{key}' is not a valid date: '{value}'", "write YYYY-MM-DD, e.g. 2025-12-31"),
    },
    "plan.deadline_before_baseline": {
        "zh": ("截止日期 {deadline} 不晚于基期 {baseline} 的期末", "请检查 baseline 与 deadline"),
        "en": (
            "deadline {deadline} is not after the end of baseline {baseline}",
            "check baseline and deadline",
        ),
    },
    "plan.unknown_key": {
        "zh": ("未知的键“{key}”，将被忽略", "是否拼写有误？可用的键：{allowed}"),
        "en": ("unknown key '{key}' is ignored", "a typo? known keys: {allowed}"),
    },
    "plan.no_indicators": {
        "zh": ("indicators: 为空或不是列表", "请至少列出一个指标，每项以 - id: 开头"),
        "en": (
            "indicators: is empty or not a list",
            "list at least one indicator, each starting with - id:",
        ),
    },
    "plan.bad_id": {
        "zh": (
            "指标代码“{value}”无效",
            "代码只能由小写字母、数字和下划线组成，如 trademarks_valid",
        ),
        "en": (
            "indicator id '{value}' is not valid",
            "use lowercase letters, digits and _ only, e.g. trademarks_valid",
        ),
    },
    "plan.duplicate_id": {
        "zh": ("指标代码“{value}”重复", "每个指标的 id 必须唯一"),
        "en": ("indicator id '{value}' is used twice", "give every indicator its own id"),
    },
    "plan.unknown_ref": {
        "zh": (
            "指标 {id} 引用了不存在的指标“{ref}”",
            "请检查拼写，或先在 indicators: 中定义 {ref}",
        ),
        "en": (
            "indicator {id} refers to unknown indicator '{ref}'",
            "check the spelling, or define {ref} in indicators:",
        ),
    },
    "plan.cycle": {
        "zh": ("指标 {id} 的公式循环引用了自身", "派生指标的公式不能直接或间接引用自己"),
        "en": (
            "the formula of {id} refers back to itself",
            "a derived indicator cannot depend on itself",
        ),
    },
    "plan.growth_value": {
        "zh": ("增长型目标（growth）不使用 value，将被忽略", "删除 value，或把 type 改为 level"),
        "en": (
            "a growth target takes no value; it is ignored",
            "remove value, or make the type level",
        ),
    },
    "plan.cumulative_stock": {
        "zh": ("累计型目标通常用于流量指标（flow），此处为存量指标", "请确认 kind 是否应为 flow"),
        "en": (
            "a cumulative target is meant for a flow, this indicator is a stock",
            "check whether kind should be flow",
        ),
    },
    "plan.formula_not_derived": {
        "zh": (
            "只有派生指标（kind: derived）才使用 formula，将被忽略",
            "把 kind 改为 derived，或删除 formula",
        ),
        "en": (
            "formula is only used by derived indicators; it is ignored",
            "set kind: derived, or remove formula",
        ),
    },
    # ------------------------------------------------------------------ actuals
    "actuals.unreadable": {
        "zh": ("无法读取数据文件（{reason}）", "请检查文件是否存在及读取权限"),
        "en": (
            "cannot read the data file ({reason})",
            "check that the file exists and can be read",
        ),
    },
    "actuals.empty": {
        "zh": ("文件为空或没有表头", "第一行应为表头，如 period,value"),
        "en": (
            "the file is empty or has no header",
            "the first row must be a header such as period,value",
        ),
    },
    "actuals.bad_encoding": {
        "zh": ("文件编码无法识别（既非 UTF-8 也非 GBK）", "请在 Excel/WPS 中另存为“CSV UTF-8”"),
        "en": (
            "unknown text encoding (neither UTF-8 nor GBK)",
            "save it again from Excel/WPS as 'CSV UTF-8'",
        ),
    },
    "actuals.mixed_encoding": {
        "zh": (
            "文件以 UTF-8 标记开头，但含有非 UTF-8 内容（混合编码）",
            "请在 Excel/WPS 中整体另存为“CSV UTF-8”",
        ),
        "en": (
            "the file starts with a UTF-8 BOM but holds non-UTF-8 text (mixed encodings)",
            "save the whole file again as 'CSV UTF-8'",
        ),
    },
    "actuals.missing_column": {
        "zh": ("缺少“{name}”列", "表头须包含 period（期间）和 value（数值）"),
        "en": ("missing column '{name}'", "the header needs period and value columns"),
    },
    "actuals.duplicate_column": {
        "zh": ("表头中“{name}”列重复", "每列只能出现一次，请删除或改名"),
        "en": ("column '{name}' appears twice in the header", "keep one of them"),
    },
    "actuals.bad_period": {
        "zh": ("期间“{value}”无效", "期间写作 2024、2024-Q1 或 2024-03"),
        "en": ("'{value}' is not a period", "write 2024, 2024-Q1 or 2024-03"),
    },
    "actuals.negative": {
        "zh": (
            "数值 {value} 为负数，而指标 {id} 不允许负数",
            "请检查数值；若确可为负，在 targets.yaml 中为该指标设 allow_negative: true",
        ),
        "en": (
            "value {value} is negative but {id} does not allow it",
            "check the value; if it can be negative, set allow_negative: true in targets.yaml",
        ),
    },
    "actuals.bad_flag": {
        "zh": ("标记“{value}”无效", "标记只能是 e（估计）、p（初步）、b（口径变化）或留空"),
        "en": (
            "flag '{value}' is not valid",
            "use e (estimated), p (provisional), b (break in series) or leave it empty",
        ),
    },
    "actuals.bad_date": {
        "zh": ("发布日期“{value}”无效", "日期写作 YYYY-MM-DD，如 2024-04-26"),
        "en": ("'{value}' is not a date", "write YYYY-MM-DD, e.g. 2024-04-26"),
    },
    "actuals.duplicate_row": {
        "zh": (
            "期间 {period}、地区 {region} 重复（第 {first} 行已有）",
            "每个期间和地区只保留一行，删除重复行",
        ),
        "en": (
            "period {period}, region {region} appears twice (first on line {first})",
            "keep one row per period and region",
        ),
    },
    "actuals.not_a_folder": {
        "zh": (
            "actuals 是文件，不是目录：{path}",
            "实际值应放在方案目录下的 actuals/ 文件夹中，每个指标一个 CSV；请改名或删除该文件",
        ),
        "en": (
            "actuals is a file, not a folder: {path}",
            "actual figures live in the plan's actuals/ folder, one CSV per indicator; rename or remove that file",
        ),
    },
    "actuals.unknown_file": {
        "zh": (
            "targets.yaml 中没有指标“{id}”，此文件被忽略",
            "请检查文件名，或在 targets.yaml 中加入该指标",
        ),
        "en": (
            "no indicator '{id}' in targets.yaml; this file is ignored",
            "check the file name, or add the indicator to targets.yaml",
        ),
    },
    # ------------------------------------------------------------------ options
    "cli.bad_today": {
        "zh": ("环境变量 IPPLAN_TODAY“{value}”不是日期", "写作 YYYY-MM-DD，或删除该变量"),
        "en": ("IPPLAN_TODAY '{value}' is not a date", "write YYYY-MM-DD, or unset it"),
    },
    "cli.bad_date": {
        "zh": ("日期“{value}”无效", "日期写作 YYYY-MM-DD，如 2024-12-31"),
        "en": ("'{value}' is not a date", "write YYYY-MM-DD, e.g. 2024-12-31"),
    },
    "cli.unknown_region": {
        "zh": ("没有地区“{value}”", "已有的地区：{known}"),
        "en": ("no region '{value}'", "known regions: {known}"),
    },
    "cli.bad_choice": {
        "zh": ("{option} 的取值“{value}”无效", "可选值：{allowed}"),
        "en": ("{option} cannot be '{value}'", "choose one of: {allowed}"),
    },
    "internal.error": {
        "zh": (
            "内部错误：{kind}: {reason}",
            "这是 ipplan 的缺陷；请设置 IPPLAN_DEBUG=1 重试，并把输出报告给维护者",
        ),
        "en": (
            "internal error: {kind}: {reason}",
            "a bug in ipplan; rerun with IPPLAN_DEBUG=1 and report the output",
        ),
    },
    "cli.output_failed": {
        "zh": (
            "无法写入 {path}（{reason}）",
            "请检查目录是否存在、是否有写权限，或文件是否被 Excel/WPS 占用",
        ),
        "en": (
            "cannot write {path} ({reason})",
            "check the folder exists and is writable, and that no program holds the file open",
        ),
    },
}
