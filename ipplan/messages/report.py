"""Messages of `ipplan report`."""

MESSAGES: dict[str, dict[str, tuple[str, str]]] = {
    "report.output_is_dir": {
        "zh": ("输出路径是一个文件夹：{path}", "请在 --output 中写上文件名，如 {path}/报告.docx"),
        "en": (
            "the output path is a folder: {path}",
            "give a file name in --output, e.g. {path}/report.docx",
        ),
    },
    "report.no_folder": {
        "zh": ("输出文件夹不存在：{path}", "请先建立该文件夹，或在 --output 中换一个路径"),
        "en": ("the output folder does not exist: {path}", "create it first, or change --output"),
    },
    "report.binary_stdout": {
        "zh": ("{format} 是二进制格式，不能输出到终端", "请用 --output 文件名 保存"),
        "en": (
            "{format} is a binary format and cannot go to the terminal",
            "save it with --output FILE",
        ),
    },
    "report.no_cjk_font": {
        "zh": (
            "未找到含中文字形的字体，Word 报告中的图表标签改用英文",
            "安装中文字体（如 Debian/Ubuntu：apt-get install fonts-noto-cjk）后重新生成",
        ),
        "en": (
            "no installed font has Chinese glyphs; chart labels in the Word report fall back "
            "to English",
            "install a CJK font (e.g. apt-get install fonts-noto-cjk) and run again",
        ),
    },
}

MESSAGES.update(
    {
        "report.sources_unreadable": {
            "zh": ("资料出处文件无法读取（{reason}）", "请检查 sources.yaml 的 YAML 写法"),
            "en": (
                "the references file cannot be read ({reason})",
                "check the YAML of sources.yaml",
            ),
        },
        "report.sources_shape": {
            "zh": ("资料出处文件缺少 references 映射", "sources.yaml 应以 references: 开头"),
            "en": (
                "the references file has no references mapping",
                "start sources.yaml with references:",
            ),
        },
        "report.sources_entry": {
            "zh": ("资料出处“{key}”不是映射", "请写成 title/issuer/date/url 各项"),
            "en": ("the reference “{key}” is not a mapping", "give it title, issuer, date and url"),
        },
        "report.compare_not_before": {
            "zh": (
                "上期日期 {previous} 不早于本期 {as_of}",
                "--compare-as-of 应早于 --as-of，如上一季度末",
            ),
            "en": (
                "the previous date {previous} is not before {as_of}",
                "give --compare-as-of a date before --as-of, e.g. the last quarter's end",
            ),
        },
        "report.empty_issuer": {
            "zh": ("--issuer 为空", "请写上落款单位名称，或不用该选项"),
            "en": ("--issuer is empty", "give the issuing unit's name, or leave the option out"),
        },
        "report.template_docx_only": {
            "zh": ("--template 只用于 Word 报告，不用于 {format}", "请加 --format docx"),
            "en": ("--template is for Word reports, not {format}", "add --format docx"),
        },
        "report.template_missing": {
            "zh": ("找不到模板文件：{path}", "请检查 --template 的路径"),
            "en": ("the template file does not exist: {path}", "check the --template path"),
        },
        "report.template_unreadable": {
            "zh": ("无法读取模板文件 {path}（{reason}）", "请检查文件权限"),
            "en": ("cannot read the template {path} ({reason})", "check the file's permissions"),
        },
        "report.template_bad": {
            "zh": (
                "模板文件不是有效的 Word 文档（.docx）：{path}",
                "请在 Word 或 WPS 中另存为 .docx 格式（.doc、.dotx 不行）",
            ),
            "en": (
                "the template is not a valid Word document (.docx): {path}",
                "save it as .docx from Word or WPS (.doc and .dotx will not do)",
            ),
        },
    }
)
