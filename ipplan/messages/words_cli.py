"""Words of the CLI itself: what a command says it did."""

WORDS: dict[str, dict[str, str]] = {
    # ipplan init
    "cli.init_done": {
        "zh": "已新建方案目录 {dir}（{source}，{n} {files}）。\n"
        "下一步：编辑 {targets}，然后运行 ipplan check --plan {dir} 和 ipplan status --plan {dir}\n",
        "en": "made the plan folder {dir} ({source}, {n} {files}).\n"
        "Next: edit {targets}, then run ipplan check --plan {dir} and ipplan status --plan {dir}\n",
    },
    "cli.file_one": {"zh": "个文件", "en": "file"},
    "cli.file_many": {"zh": "个文件", "en": "files"},
    # what the folder was made from: a bundled template, or a draft (--from)
    "cli.init_template": {"zh": "模板 {name}", "en": "template {name}"},
    "cli.init_draft": {"zh": "草案 {name}", "en": "from the draft {name}"},
    # a usage error, before any command ran (formats.md's line)
    "cli.usage": {
        "zh": "error: 命令行用法错误：{text}; 请运行 {where} 查看用法",
        "en": "error: usage: {text}; see {where}",
    },
    # the common usage errors of the parser, worded (ipplan.cli.usage)
    "cli.usage_missing_argument": {"zh": "缺少参数 {name}", "en": "missing argument {name}"},
    "cli.usage_missing_option": {
        "zh": "缺少选项 {name}{choices}",
        "en": "missing option {name}{choices}",
    },
    "cli.usage_choices": {"zh": "（可选值：{allowed}）", "en": " (choose one of: {allowed})"},
    "cli.usage_no_option": {"zh": "没有选项 {name}{close}", "en": "no such option {name}{close}"},
    "cli.usage_did_you_mean": {"zh": "（是否指 {names}？）", "en": " (did you mean {names}?)"},
    "cli.usage_needs_value": {
        "zh": "选项 {name} 后面缺少取值",
        "en": "option {name} needs a value",
    },
    "cli.usage_extra": {"zh": "多余的参数：{args}", "en": "unexpected extra arguments: {args}"},
}
