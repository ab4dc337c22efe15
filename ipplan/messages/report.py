"""Messages of `ipplan report`."""

MESSAGES: dict[str, dict[str, tuple[str, str]]] = {
    "report.output_is_dir": {
        "zh": ("输出路径是一个文件夹：{path}", "请在 --output 中写上文件名，如 {path}/报告.docx"),
        "en": ("the output path is a folder: {path}", "give a file name in --output"),
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
