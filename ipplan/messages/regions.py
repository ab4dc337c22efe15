"""Messages for units and their targets (ipplan.data.units, ipplan.data.regioncsv), the region
checks of `ipplan check` and the words of `ipplan regions`.

Parameters by code:
    regions.is_plan_region, regions.duplicate      name (+ first: the line of the first)
    regions.unknown_parent                         name, parent, top
    regions.cycle                                  name
    regions.growth_by_region, regions.no_plan_target   id
    regions.bad_value                              name, id, value
    regions.plan_region_target                     name, id
    regions.duplicate_target                       id, name, first (file:line)
    regions.csv_*                                  name | value, known
    check.region_undeclared                        name, id, close
    check.region_unlisted                          name, close
    check.region_targets_sum                       id, name, name_en, parent, sum, target, diff, units
    check.region_actuals_sum                       id, name, name_en, parent, period, sum, value, diff
    check.region_units_missing                     id, name, name_en, parent, period, missing
    cli.unknown_unit                               value, close, known
"""

from __future__ import annotations

MESSAGES: dict[str, dict[str, tuple[str, str]]] = {
    # ------------------------------------------------------------------ regions: list
    "regions.is_plan_region": {
        "zh": ("regions 中的“{name}”就是本方案的地区", "regions 只列下级单位，删去这一项"),
        "en": ("'{name}' in regions is the plan's own region", "list only the units under it"),
    },
    "regions.duplicate": {
        "zh": ("地区“{name}”在 regions 中出现两次（第一次在第 {first} 行）", "删去重复的一项"),
        "en": (
            "region '{name}' is listed twice in regions (first on line {first})",
            "remove one of them",
        ),
    },
    "regions.unknown_parent": {
        "zh": (
            "地区“{name}”的上级“{parent}”既不是本方案地区，也不在 regions 中",
            "上级写“{top}”或 regions 中的另一个地区",
        ),
        "en": (
            "the parent '{parent}' of '{name}' is neither the plan's region nor in regions",
            "write '{top}' or another region of the list",
        ),
    },
    "regions.cycle": {
        "zh": ("地区“{name}”的上级关系形成循环", "检查 parent，使每个地区最终归到本方案地区"),
        "en": (
            "the parents of '{name}' go round in a circle",
            "fix parent so that every region leads up to the plan's region",
        ),
    },
    # ------------------------------------------------------------------ unit targets
    "regions.growth_by_region": {
        "zh": (
            "指标 {id} 的目标是“稳步增长”（growth），没有可分解的目标值",
            "删去 by_region；各地区的该指标只监测",
        ),
        "en": (
            "{id} has a growth target: there is no value to decompose",
            "remove by_region; the units are monitored on it",
        ),
    },
    "regions.no_plan_target": {
        "zh": (
            "指标 {id} 没有方案目标，无法为地区分解目标",
            "先在 targets.yaml 中为它写 target（type、direction），再分解到地区",
        ),
        "en": (
            "{id} has no target in the plan, so no unit target can be given for it",
            "give it a target in targets.yaml (type, direction) first",
        ),
    },
    "regions.bad_value": {
        "zh": ("地区“{name}”的 {id} 目标值“{value}”不是数字", "写一个数字，如 15000"),
        "en": (
            "the {id} target of '{name}' ('{value}') is not a number",
            "write a number, e.g. 15000",
        ),
    },
    "regions.plan_region_target": {
        "zh": (
            "by_region 中的“{name}”是本方案的地区（指标 {id}）",
            "本方案地区的目标写在 target.value",
        ),
        "en": (
            "'{name}' is the plan's own region ({id})",
            "the plan region's target is target.value",
        ),
    },
    "regions.duplicate_target": {
        "zh": (
            "地区“{name}”的 {id} 目标给了两次（另一处在 {first}）",
            "只在 targets.yaml 的 by_region 或 targets_by_region.csv 中写一次",
        ),
        "en": (
            "the {id} target of '{name}' is given twice (also at {first})",
            "give it once: in by_region of targets.yaml or in targets_by_region.csv",
        ),
    },
    "regions.csv_empty": {
        "zh": ("targets_by_region.csv 是空文件", "第一行写表头 指标,地区,目标值，或删去此文件"),
        "en": (
            "targets_by_region.csv is empty",
            "write the header indicator,region,value, or delete the file",
        ),
    },
    "regions.csv_missing_column": {
        "zh": ("缺少列：{name}", "表头写 指标,地区,目标值（或 indicator,region,value）"),
        "en": (
            "missing column: {name}",
            "the header is indicator,region,value (or 指标,地区,目标值)",
        ),
    },
    "regions.csv_unknown_indicator": {
        "zh": ("没有指标“{value}”", "写指标代码或名称；相近的有：{known}"),
        "en": ("no indicator '{value}'", "write an id or name; close ones: {known}"),
    },
    "regions.csv_empty_region": {
        "zh": ("地区为空", "写下级单位的名称，如 曾都区"),
        "en": ("the region is empty", "write the unit's name"),
    },
    # ------------------------------------------------------------------ check
    "check.region_undeclared": {
        "zh": (
            "{id} 的目标给了地区“{name}”，但它不在 regions 中",
            "改正名称（相近的：{close}），或把它加入 regions",
        ),
        "en": (
            "{id} has a target for '{name}', which is not in regions",
            "fix the name (close ones: {close}) or add it to regions",
        ),
    },
    "check.region_unlisted": {
        "zh": (
            "地区“{name}”不在 targets.yaml 的 regions 中",
            "改正名称（相近的：{close}），或把它加入 regions",
        ),
        "en": (
            "region '{name}' is not in regions in targets.yaml",
            "fix the name (close ones: {close}) or add it to regions",
        ),
    },
    "check.region_targets_sum": {
        "zh": (
            "{name}（{id}）下级地区目标之和 {sum} 与“{parent}”的目标 {target} 相差 {diff}"
            "（{units}）",
            "目标分解应加总为上级目标：核对各地区目标，或在 note 中说明为何不等",
        ),
        "en": (
            "{name_en} ({id}): the units' targets add up to {sum}, not {parent}'s {target}"
            " (off by {diff}; {units})",
            "a decomposition should add up to the parent's target: check the units' figures",
        ),
    },
    "check.region_actuals_sum": {
        "zh": (
            "{name} {period}：各下级地区之和 {sum} 与“{parent}”的 {value} 相差 {diff}",
            "核对各地区与全市的数值及来源（可能口径或发布时间不同），在 note 中说明",
        ),
        "en": (
            "{name_en} {period}: the units add up to {sum}, not {parent}'s {value} (off by {diff})",
            "check the figures and their sources (definitions or release dates may differ)",
        ),
    },
    "check.region_units_missing": {
        "zh": (
            "{name} {period}：“{parent}”有数值，但下级地区缺数：{missing}",
            "补录这些地区的数值后才能核对加总",
        ),
        "en": (
            "{name_en} {period}: {parent} has a figure but these units have none: {missing}",
            "record their figures so that the sum can be checked",
        ),
    },
    # ------------------------------------------------------------------ command line
    "cli.unknown_unit": {
        "zh": ("没有地区“{value}”", "是否指 {close}？已有的地区：{known}"),
        "en": ("no region '{value}'", "did you mean {close}? known regions: {known}"),
    },
}
