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

WORDS: the workbook's labels and the words of the command's output; :func:`word` fills
them in.
"""

from __future__ import annotations

from typing import Any

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

WORDS: dict[str, dict[str, str]] = {
    # ------------------------------------------------------------------ the workbook
    "sheet_data": {"zh": "填报表", "en": "Figures"},
    "sheet_howto": {"zh": "填报说明", "en": "Instructions"},
    "title": {
        "zh": "{title}：{unit} {period} 指标填报表",
        "en": "{title}: figures of {unit} for {period}",
    },
    "unit_line": {
        "zh": "填报单位：{unit}　填报期间：{period}　报送截止：{due}",
        "en": "Unit: {unit}  Period: {period}  Due: {due}",
    },
    "head_indicator": {"zh": "指标", "en": "indicator"},
    "head_id": {"zh": "代码", "en": "code"},
    "head_unit": {"zh": "单位", "en": "unit"},
    "head_target": {"zh": "本单位目标（截至 {deadline}）", "en": "own target (by {deadline})"},
    "head_note": {"zh": "备注", "en": "note"},
    "prompt_title": {"zh": "填写数字", "en": "A number"},
    "prompt": {
        "zh": "按“单位”列的计量单位填写本期数值，不能为负数；可写 2.3万。不知道就留空，并在备注中说明。",
        "en": "The figure in the unit of the unit column, not negative; 2.3万 is fine. Leave it empty if not known and say why in the note.",
    },
    "prompt_negative": {
        "zh": "按“单位”列的计量单位填写本期数值，可以为负数；可写 2.3万。不知道就留空。",
        "en": "The figure in the unit of the unit column (may be negative). Leave it empty if not known.",
    },
    "error_title": {"zh": "请核对", "en": "Please check"},
    "error": {
        "zh": "这里应是一个不小于 0 的数字。确认无误可点“是”保留。",
        "en": "A number not below 0 is expected here. Choose Yes to keep it anyway.",
    },
    "error_negative": {
        "zh": "这里应是一个数字。确认无误可点“是”保留。",
        "en": "A number is expected here. Choose Yes to keep it anyway.",
    },
    "no_due": {"zh": "（未规定）", "en": "(none set)"},
    "no_contact": {"zh": "{issuer}", "en": "{issuer}"},
    "howto_title": {
        "zh": "{unit} {period} 指标填报说明",
        "en": "How to fill in the figures of {unit} for {period}",
    },
    "howto_what": {
        "zh": "1. 在“{sheet}”工作表的黄色列（{period}）填写本单位 {n} 项指标的本期数值；灰色列是以前各期已有的数字，已锁定，请勿改动。",
        "en": "1. On the sheet '{sheet}', fill in the yellow column ({period}) for the {n} indicators of your unit; the grey columns hold earlier figures and are locked.",
    },
    "howto_unit": {
        "zh": "2. 按“单位”列的计量单位填写（如单位为“件”就填件数）；也可写 2.3万、1,234。不知道的留空，并在“备注”列说明原因。",
        "en": "2. Write each figure in the unit of the unit column; 2.3万 or 1,234 are read too. Leave unknown figures empty and say why in the note column.",
    },
    "howto_numbers": {
        "zh": "3. “本单位目标”是方案分解给本单位的目标，供对照。",
        "en": "3. 'own target' is the target the plan gives your unit, for comparison.",
    },
    "howto_locked": {
        "zh": "4. 请不要增删行列、改工作表名称或删除工作表；工作表保护没有密码，只为防止误改。以前各期数字如有更正，请在备注中写明。",
        "en": "4. Do not add or remove rows or columns, rename or delete sheets; the protection has no password and only guards against slips. Corrections of earlier figures go in the note.",
    },
    "howto_due": {
        "zh": "5. 报送截止：{due}。请直接报回本文件（{file}），不要另存为其他格式。",
        "en": "5. Due: {due}. Send back this very file ({file}), not another format.",
    },
    "howto_contact": {"zh": "6. 联系人：{contact}", "en": "6. Contact: {contact}"},
    # ------------------------------------------------------------------ output
    "made": {"zh": "已生成 {n} 份填报表（{period}）：", "en": "workbooks written ({period}): {n}"},
    "file_head": {
        "zh": "{file}（{unit} {period}）：新增 {added} 条，修改 {changed} 条，未变 {unchanged} 条，拒收 {refused} 条",
        "en": "{file} ({unit} {period}): {added} added, {changed} changed, {unchanged} unchanged, {refused} refused",
    },
    "added": {"zh": "新增", "en": "added"},
    "changed": {"zh": "修改", "en": "changed"},
    "refused": {"zh": "拒收", "en": "refused"},
    "warning": {"zh": "警告", "en": "warning"},
    "notice": {"zh": "提示", "en": "notice"},
    "dry_run": {"zh": "试运行，未写入任何文件。", "en": "Dry run: nothing written."},
    "written": {"zh": "已写入 {n} 个数据文件。", "en": "{n} actuals files written."},
    "nothing": {"zh": "没有需要写入的数字。", "en": "Nothing to write."},
    "status_title": {
        "zh": "{period} 填报情况（共 {n} 项指标）",
        "en": "Returns for {period} ({n} indicators)",
    },
    "status_unit": {"zh": "单位", "en": "unit"},
    "status_count": {"zh": "已报", "en": "received"},
    "received": {"zh": "已报", "en": "received"},
    "missing": {"zh": "未报", "en": "missing"},
    "warned": {"zh": "有警告", "en": "warnings"},
    "status_legend": {
        "zh": "✓ 已报　! 已报但有警告　· 未报",
        "en": "✓ received  ! received with warnings  · missing",
    },
    "status_order": {"zh": "各列依次为：", "en": "columns in order: "},
    "status_missing_line": {"zh": "{unit} 未报：", "en": "{unit} missing: "},
    "status_none": {
        "zh": "{unit} 尚未报送（{n} 项全部未报）",
        "en": "{unit}: nothing received ({n} missing)",
    },
}


def word(key: str, lang: str, **params: Any) -> str:
    """A word or sentence of the catalog above, filled in (Chinese unless ``lang`` is en)."""
    entry = WORDS[key]
    return entry.get(lang, entry["zh"]).format(**params)
