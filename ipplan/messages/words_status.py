"""Words of the status views (status, regions, record/import, check): status words, target
types, column heads, notes and the summary lines. Keys: ``area.name``."""

WORDS: dict[str, dict[str, str]] = {
    # the statuses of ipplan.core.model.Status
    "status.achieved": {"zh": "已完成", "en": "achieved"},
    "status.on_track": {"zh": "进度正常", "en": "on track"},
    "status.behind": {"zh": "需加快", "en": "behind"},
    "status.off_track": {"zh": "严重滞后", "en": "off track"},
    "status.moving_away": {"zh": "倒退", "en": "moving away"},
    "status.missed": {"zh": "未完成", "en": "missed"},
    "status.insufficient_data": {"zh": "缺数据", "en": "no data"},
    "status.monitoring": {"zh": "监测", "en": "monitored"},
    # the target types
    "target_type.level": {"zh": "达到", "en": "level"},
    "target_type.cumulative": {"zh": "累计", "en": "cum."},
    "target_type.growth": {"zh": "稳步增长", "en": "growth ↑"},
    "target_type.cumulative_value": {"zh": "累计{value}", "en": "cum. {value}"},
    # column heads: of the status table, and of every table with the same column (regions,
    # show, need and propose, the reports); a narrow table's abbreviation has its own key
    "head.indicator": {"zh": "指标", "en": "Indicator"},
    "head.target": {"zh": "目标", "en": "Target"},
    "head.latest": {"zh": "最新值", "en": "Latest"},
    "head.period": {"zh": "期间", "en": "Period"},
    "head.attainment": {"zh": "完成率", "en": "Attain."},
    "head.progress": {"zh": "进展/序时", "en": "Progress\n/time"},
    "head.growth": {"zh": "增速 需/实", "en": "Growth\nneed/act"},
    "head.projection": {"zh": "{period}预计", "en": "{period}\nproj."},
    "head.status": {"zh": "状态", "en": "Status"},
    "head.unit": {"zh": "单位", "en": "Unit"},
    "head.region": {"zh": "地区", "en": "Region"},
    "head.value": {"zh": "数值", "en": "Value"},
    "head.flag": {"zh": "标记", "en": "Flag"},
    "head.published": {"zh": "发布日期", "en": "Published"},
    "head.method": {"zh": "方法", "en": "Method"},
    "head.monitored": {"zh": "监测指标（无目标）", "en": "Monitored indicators (no target)"},
    # notes on a target
    "note.no_data": {"zh": "尚无数据", "en": "no data yet"},
    "note.no_data_in_range": {"zh": "累计期间内尚无数据", "en": "no data in the counted periods"},
    "note.one_point": {"zh": "仅一个数据点，无法计算趋势", "en": "one data point only: no trend"},
    "note.linear_pace": {
        "zh": "按线性进度（年均新增）计算",
        "en": "judged on the linear pace (per-year change)",
    },
    "note.final_awaited": {
        "zh": "已过截止日期，待最终数据",
        "en": "deadline passed; final figure awaited",
    },
    # why a target lacks data, after its name in the "no data" line
    "missing_why.one_point": {"zh": "（仅一个数据点）", "en": " (one data point)"},
    "missing_why.no_data_in_range": {
        "zh": "（累计期间内无数据）",
        "en": " (none in the counted periods)",
    },
    # the lines around the status table
    "line.as_of": {"zh": "截至 {date}", "en": "As of {date}"},
    "line.time_elapsed": {"zh": "序时进度 {pct}", "en": "time elapsed {pct}"},
    "line.region": {"zh": "地区：{region}", "en": "region: {region}"},
    "line.summary_targets": {"zh": "{n} 项目标：", "en": "{n} targets: "},
    "line.summary_none": {"zh": "没有目标", "en": "no targets"},
    "line.count": {"zh": "{label} {n} 项", "en": "{n} {label}"},
    "line.count_insufficient_data": {"zh": "缺数据 {n} 项", "en": "{n} lack data"},
    "line.final": {"zh": "终值", "en": "final"},
    "line.missing": {"zh": "缺数据：{names}", "en": "no data: {names}"},
    # the flags of an observation
    "flag.e": {"zh": "估算", "en": "estimated"},
    "flag.p": {"zh": "初步", "en": "provisional"},
    "flag.b": {"zh": "口径变化", "en": "break in series"},
    # what record and import did
    "changes.added": {"zh": "新增", "en": "added"},
    "changes.changed": {"zh": "修改", "en": "changed"},
    "changes.unchanged": {"zh": "未变", "en": "unchanged"},
    "changes.recorded": {"zh": "已记录", "en": "recorded"},
    "changes.replaced": {"zh": "已替换", "en": "replaced"},
    "changes.same": {"zh": "未改动（已有相同记录）", "en": "unchanged (already recorded)"},
    "changes.dry_run": {
        "zh": "试运行，未写入任何文件：{file}",
        "en": "dry run, nothing written: {file}",
    },
    "changes.imported": {"zh": "已导入：{file}", "en": "imported: {file}"},
    "changes.count": {"zh": "{word} {n} 条", "en": "{n} {word}"},
    "changes.skipped": {
        "zh": "无数值的行 {n} 行已跳过",
        "en": "rows without a figure, skipped: {n}",
    },
    "changes.fields": {"zh": "（{names}有变）", "en": " ({names} changed)"},
    "changes.file": {"zh": "文件 {path}", "en": "file {path}"},
    # the fields of an observation, in "(… changed)"
    "field.source": {"zh": "来源", "en": "source"},
    "field.note": {"zh": "备注", "en": "note"},
    "field.flag": {"zh": "标记", "en": "flag"},
    "field.yoy": {"zh": "同比", "en": "yoy"},
    "field.published": {"zh": "发布日期", "en": "published"},
    # the severity of a finding of ipplan check
    "severity.error": {"zh": "错误", "en": "error"},
    "severity.warning": {"zh": "警告", "en": "warning"},
}
WORDS.update(
    {
        # punctuation that differs by language
        "punct.colon": {"zh": "：", "en": ": "},
        "punct.comma": {"zh": "，", "en": ", "},
        "punct.enum": {"zh": "、", "en": ", "},
        "punct.and": {"zh": "、", "en": " and "},
        "punct.stop": {"zh": "。", "en": "."},
        "punct.semicolon": {"zh": "；", "en": "; "},
        "punct.paren": {"zh": "（{text}）", "en": " ({text})"},
        "line.id_name": {"zh": "{id}（{name}）", "en": "{id} ({name})"},
        # record and import
        "changes.at_file": {"zh": "{body}（{path}）", "en": "{body} ({path})"},
        # ipplan check's summary line
        "check.none": {"zh": "检查完毕，未发现问题。", "en": "No problems found."},
        "check.count": {
            "zh": "共 {errors} {errors_word}、{warnings} {warnings_word}。",
            "en": "{errors} {errors_word}, {warnings} {warnings_word}.",
        },
        "check.error_one": {"zh": "个错误", "en": "error"},
        "check.error_many": {"zh": "个错误", "en": "errors"},
        "check.warning_one": {"zh": "个警告", "en": "warning"},
        "check.warning_many": {"zh": "个警告", "en": "warnings"},
    }
)
WORDS.update(
    {
        # dates and periods in words (en: as written)
        "line.date": {"zh": "{year}年{month}月{day}日", "en": "{year}-{month:02d}-{day:02d}"},
        "line.year_end": {"zh": "{year}年底", "en": "end-{year}"},
        "line.period_year": {"zh": "{year}年", "en": "{year:04d}"},
        "line.period_quarter": {"zh": "{year}年第{index}季度", "en": "{year:04d}-Q{index}"},
        "line.period_month": {"zh": "{year}年{index}月", "en": "{year:04d}-{index:02d}"},
        "line.name_unit": {"zh": "{name}（{unit}）", "en": "{name} ({unit})"},
        "line.value_unit": {"zh": "{value}{unit}", "en": "{value} {unit}"},
        "line.unit_after": {"zh": "（{unit}）", "en": " ({unit})"},
    }
)
