"""Words of ipplan collect: the workbook's labels and the words of the command's output."""

WORDS: dict[str, dict[str, str]] = {
    # collect
    "collect.sheet_data": {"zh": "填报表", "en": "Figures"},
    "collect.sheet_howto": {"zh": "填报说明", "en": "Instructions"},
    "collect.title": {
        "zh": "{title}：{unit} {period} 指标填报表",
        "en": "{title}: figures of {unit} for {period}",
    },
    "collect.unit_line": {
        "zh": "填报单位：{unit}　填报期间：{period}　报送截止：{due}",
        "en": "Unit: {unit}  Period: {period}  Due: {due}",
    },
    "collect.head_indicator": {"zh": "指标", "en": "indicator"},
    "collect.head_id": {"zh": "代码", "en": "code"},
    "collect.head_unit": {"zh": "单位", "en": "unit"},
    "collect.head_target": {
        "zh": "本单位目标（截至 {deadline}）",
        "en": "own target (by {deadline})",
    },
    "collect.prompt_title": {"zh": "填写数字", "en": "A number"},
    "collect.prompt": {
        "zh": "按“单位”列的计量单位填写本期数值，不能为负数；可写 2.3万。不知道就留空，并在备注中说明。",
        "en": "The figure in the unit of the unit column, not negative; 2.3万 is fine. Leave it empty if not known and say why in the note.",
    },
    "collect.prompt_negative": {
        "zh": "按“单位”列的计量单位填写本期数值，可以为负数；可写 2.3万。不知道就留空。",
        "en": "The figure in the unit of the unit column (may be negative). Leave it empty if not known.",
    },
    "collect.error_title": {"zh": "请核对", "en": "Please check"},
    "collect.error": {
        "zh": "这里应是一个不小于 0 的数字。确认无误可点“是”保留。",
        "en": "A number not below 0 is expected here. Choose Yes to keep it anyway.",
    },
    "collect.error_negative": {
        "zh": "这里应是一个数字。确认无误可点“是”保留。",
        "en": "A number is expected here. Choose Yes to keep it anyway.",
    },
    "collect.no_due": {"zh": "（未规定）", "en": "(none set)"},
    "collect.no_contact": {"zh": "{issuer}", "en": "{issuer}"},
    "collect.howto_title": {
        "zh": "{unit} {period} 指标填报说明",
        "en": "How to fill in the figures of {unit} for {period}",
    },
    "collect.howto_what": {
        "zh": "1. 在“{sheet}”工作表的黄色列（{period}）填写本单位 {n} 项指标的本期数值；灰色列是以前各期已有的数字，已锁定，请勿改动。",
        "en": "1. On the sheet '{sheet}', fill in the yellow column ({period}) for the {n} indicators of your unit; the grey columns hold earlier figures and are locked.",
    },
    "collect.howto_unit": {
        "zh": "2. 按“单位”列的计量单位填写（如单位为“件”就填件数）；也可写 2.3万、1,234。不知道的留空，并在“备注”列说明原因。",
        "en": "2. Write each figure in the unit of the unit column; 2.3万 or 1,234 are read too. Leave unknown figures empty and say why in the note column.",
    },
    "collect.howto_numbers": {
        "zh": "3. “本单位目标”是方案分解给本单位的目标，供对照。",
        "en": "3. 'own target' is the target the plan gives your unit, for comparison.",
    },
    "collect.howto_locked": {
        "zh": "4. 请不要增删行列、改工作表名称或删除工作表；工作表保护没有密码，只为防止误改。以前各期数字如有更正，请在备注中写明。",
        "en": "4. Do not add or remove rows or columns, rename or delete sheets; the protection has no password and only guards against slips. Corrections of earlier figures go in the note.",
    },
    "collect.howto_due": {
        "zh": "5. 报送截止：{due}。请直接报回本文件（{file}），不要另存为其他格式。",
        "en": "5. Due: {due}. Send back this very file ({file}), not another format.",
    },
    "collect.howto_contact": {"zh": "6. 联系人：{contact}", "en": "6. Contact: {contact}"},
    "collect.made": {
        "zh": "已生成 {n} 份填报表（{period}）：",
        "en": "workbooks written ({period}): {n}",
    },
    "collect.file_head": {
        "zh": "{file}（{unit} {period}）：新增 {added} 条，修改 {changed} 条，未变 {unchanged} 条，拒收 {refused} 条",
        "en": "{file} ({unit} {period}): {added} added, {changed} changed, {unchanged} unchanged, {refused} refused",
    },
    "collect.refused": {"zh": "拒收", "en": "refused"},
    "collect.notice": {"zh": "提示", "en": "notice"},
    "collect.dry_run": {"zh": "试运行，未写入任何文件。", "en": "Dry run: nothing written."},
    "collect.written": {"zh": "已写入 {n} 个数据文件。", "en": "{n} actuals files written."},
    "collect.nothing": {"zh": "没有需要写入的数字。", "en": "Nothing to write."},
    "collect.status_title": {
        "zh": "{period} 填报情况（共 {n} 项指标）",
        "en": "Returns for {period} ({n} indicators)",
    },
    "collect.received": {"zh": "已报", "en": "received"},
    "collect.missing": {"zh": "未报", "en": "missing"},
    "collect.warned": {"zh": "有警告", "en": "warnings"},
    "collect.status_legend": {
        "zh": "✓ 已报　! 已报但有警告　· 未报",
        "en": "✓ received  ! received with warnings  · missing",
    },
    "collect.status_order": {"zh": "各列依次为：", "en": "columns in order: "},
    "collect.status_missing_line": {"zh": "{unit} 未报：", "en": "{unit} missing: "},
    "collect.status_none": {
        "zh": "{unit} 尚未报送（{n} 项全部未报）",
        "en": "{unit}: nothing received ({n} missing)",
    },
}
WORDS.update(
    {
        # how a returned workbook was recognised without its hidden sheet
        "collect.how_sheet": {"zh": "表头", "en": "sheet"},
        "collect.how_file": {"zh": "文件名", "en": "file name"},
        # the end of a fill-in workbook's file name (read back by layout.FILE_RE)
        "collect.file_suffix": {"zh": "填报表", "en": "form"},
    }
)
