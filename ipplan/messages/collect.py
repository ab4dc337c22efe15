"""Messages and words of `ipplan collect` (ipplan.collect, ipplan.render.collect).

MESSAGES (problems), parameters by code:
    collect.units_option, collect.same_file      — / path
    collect.no_units                             region
    collect.unknown_unit                         value, close, known
    collect.derived                              id, name
    collect.exists                               path
    collect.unidentified, collect.not_xlsx       —
    collect.no_hidden (warning)                  unit, period, how
    collect.layout_changed (warning)             —
    collect.other_plan                           found, plan
    collect.not_a_unit                           unit, known
    collect.other_unit, collect.other_period     found, wanted
    collect.mismatch                             key, hidden, sheet
    collect.duplicate_file                       unit, period, first
    collect.owner_file (warning)                 —
    collect.locked_changed                       id, period, old, new
    collect.locked_filled                        id, period, new

:func:`word`: the workbook's labels and the words of the command's output, from the
catalog's ``collect.*`` keys (words_collect.py).
"""

from __future__ import annotations

from typing import Any

from ipplan.core.i18n import Lang
from ipplan.core.i18n import word as catalog_word

MESSAGES: dict[str, dict[str, tuple[str, str]]] = {
    # ------------------------------------------------------------------ collect make
    "collect.units_option": {
        "zh": ("请指定填报单位", "用 --region NAME 指定一个单位，或用 --all 为每个单位各生成一份"),
        "en": ("which units?", "give --region NAME for one unit or --all for every unit"),
    },
    "collect.no_units": {
        "zh": ("方案中没有“{region}”的下级单位", "在 targets.yaml 的 regions: 中列出各县区"),
        "en": (
            "the plan names no units under '{region}'",
            "list them under regions: in targets.yaml",
        ),
    },
    "collect.unknown_unit": {
        "zh": ("没有单位“{value}”（是否指 {close}？）", "已有的单位：{known}"),
        "en": ("no unit '{value}' (did you mean {close}?)", "known units: {known}"),
    },
    "collect.derived": {
        "zh": ("{name}（{id}）由公式计算，无需填报", "去掉该指标；填报构成它的指标即可"),
        "en": (
            "{id} ({name}) is computed from a formula, not collected",
            "ask for its inputs instead",
        ),
    },
    "collect.exists": {
        "zh": ("文件 {path} 已存在，未写入任何文件", "删除或移走它，或用 --output 指定另一个目录"),
        "en": (
            "{path} exists already; nothing was written",
            "move it away or choose another --output folder",
        ),
    },
    "collect.same_file": {
        "zh": (
            "两个单位的文件名相同（{path}）",
            "单位名称中的特殊字符被替换后重名，请分别用 --region 生成",
        ),
        "en": (
            "two units give the same file name in {path}",
            "make them one at a time with --region",
        ),
    },
    # ------------------------------------------------------------------ collect in
    "collect.unidentified": {
        "zh": (
            "认不出这份表属于哪个单位、哪个期间（隐藏表 _ipplan 已删除，表头和文件名也无法识别）",
            "用 ipplan collect make 重新生成该单位的表，把数字抄过去",
        ),
        "en": (
            "cannot tell which unit and period this workbook is for (the hidden sheet _ipplan"
            " is gone, and neither the sheet nor the file name says)",
            "make the unit's workbook again with ipplan collect make and copy the figures into it",
        ),
    },
    "collect.not_xlsx": {
        "zh": (
            "这不是 Excel 工作簿（.xlsx）",
            "collect in 只收 ipplan collect make 生成的填报表；其他表格用 ipplan import 导入",
        ),
        "en": (
            "this is not an Excel workbook (.xlsx)",
            "collect in takes the workbooks of ipplan collect make; import other files with ipplan import",
        ),
    },
    "collect.owner_file": {
        "zh": (
            "这是 Excel/WPS 打开工作簿时留下的临时文件，已跳过",
            "不用理会；若工作簿仍开着，请先保存并关闭",
        ),
        "en": (
            "an owner file Excel/WPS keeps while a workbook is open; skipped",
            "nothing to do; save and close the workbook if it is still open",
        ),
    },
    "collect.no_hidden": {
        "zh": (
            "隐藏表 _ipplan 已被删除；按{how}认定为“{unit}” {period}",
            "请核对单位和期间是否正确",
        ),
        "en": (
            "the hidden sheet _ipplan was removed; taken as '{unit}' {period} from the {how}",
            "check the unit and period",
        ),
    },
    "collect.layout_changed": {
        "zh": ("表格布局与发出时不同（行、列或单位被改动）", "已按表头和指标名称读取；请核对结果"),
        "en": (
            "the layout differs from the one sent (rows, columns or units changed)",
            "read by its header and names; check the result",
        ),
    },
    "collect.bad_hidden": {
        "zh": ("隐藏表 _ipplan 内容不完整或格式未知", "用 ipplan collect make 重新生成该单位的表"),
        "en": (
            "the hidden sheet _ipplan is incomplete or of an unknown format",
            "make the workbook again with ipplan collect make",
        ),
    },
    "collect.other_plan": {
        "zh": (
            "这是方案“{found}”的表，不是本方案“{plan}”的",
            "用 --plan 指定它所属的方案，或去掉该文件",
        ),
        "en": (
            "this workbook belongs to plan '{found}', not '{plan}'",
            "pass its own plan with --plan, or leave the file out",
        ),
    },
    "collect.not_a_unit": {
        "zh": ("“{unit}”不是本方案的单位", "已有的单位：{known}"),
        "en": ("'{unit}' is not a unit of this plan", "known units: {known}"),
    },
    "collect.other_unit": {
        "zh": ("这是“{found}”的表，不是“{wanted}”的", "去掉该文件，或改用 --region {found}"),
        "en": (
            "this workbook is from '{found}', not '{wanted}'",
            "leave it out, or use --region {found}",
        ),
    },
    "collect.other_period": {
        "zh": ("这是 {found} 的表，不是 {wanted} 的", "去掉该文件，或改用 --period {found}"),
        "en": (
            "this workbook is for {found}, not {wanted}",
            "leave it out, or use --period {found}",
        ),
    },
    "collect.mismatch": {
        "zh": (
            "隐藏表写的{key}是“{hidden}”，表头写的是“{sheet}”",
            "该表可能是从别的单位的表复制来的；请核对后改正表头",
        ),
        "en": (
            "the hidden sheet says {key} '{hidden}', the sheet says '{sheet}'",
            "it may be a copy of another unit's workbook; check and fix the sheet",
        ),
    },
    "collect.duplicate_file": {
        "zh": ("“{unit}” {period} 的表交了两份（另一份：{first}）", "只保留一份"),
        "en": ("two workbooks for '{unit}' {period} (the other: {first})", "keep one of them"),
    },
    "collect.locked_changed": {
        "zh": (
            "已锁定的 {id} {period} 被改为 {new}（原为 {old}），未导入",
            "确认新数字正确时加 --replace",
        ),
        "en": (
            "the locked figure {id} {period} was changed to {new} (was {old}); not imported",
            "add --replace if the new figure is right",
        ),
    },
    "collect.locked_filled": {
        "zh": (
            "已锁定的 {id} {period} 原为空，被填入 {new}，未导入",
            "确认该数字正确时加 --replace",
        ),
        "en": (
            "the locked, empty {id} {period} was filled with {new}; not imported",
            "add --replace if the figure is right",
        ),
    },
}


def word(key: str, lang: Lang, **params: Any) -> str:
    """A word or sentence of the catalog's ``collect.*`` keys (words_collect.py), filled in."""
    return catalog_word("collect." + key, lang, **params)
