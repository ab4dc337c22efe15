"""The methodology appendix: docs/methods.md in a few paragraphs a reader of the report needs."""

from __future__ import annotations

from collections.abc import Mapping

METHOD: Mapping[str, tuple[str, ...]] = {
    "zh": (
        "序时进度 =（报告截至日 − 方案起始日）÷（截止日 − 方案起始日），取值0～100%；"
        "方案起始日为基期末（如基期2023年，则为2023年12月31日）。",
        "完成率 = 最新值 ÷ 目标值；累计目标为自起算期以来各期流量之和 ÷ 目标值。"
        "目标进展 =（最新值 − 基期值）÷（目标值 − 基期值），与序时进度比较即“时间过半、任务过半”。",
        "所需年均增速 =（目标值 ÷ 最新值）^（1 ÷ 剩余年数）− 1；实际年均增速为最近5年内"
        "首末两个观测值的复合增长率，仅有一个观测值时采用公布的同比增速。"
        "剩余年数自最新数据所属期末起算，按天数 ÷ 365.25 计。",
        "增速比 = 实际年均增速 ÷ 所需年均增速（欧盟统计局可持续发展目标监测方法）："
        "≥0.95 为进度正常，0.60～0.95 为需加快，0～0.60 为严重滞后，小于0 为倒退；"
        "已达到目标值为已完成；截止期数据已公布仍未达到为未完成。",
        "累计目标，以及数值为0或极小、复合增长率无意义的指标，改按线性进度比较："
        "实际年均新增 ÷ 年均需新增，不以极小值替代0。",
        "“稳步增长”目标按基期以来逐期变化判断：每期均增长为进度正常（期满为已完成），"
        "最近一期未增长为严重滞后，不足两个数据点为缺数据。",
        "预计值由最近5年的观测值外推至截止日：线性趋势（最小二乘直线）、复合增长率和加权趋势"
        "（近期权重较大的最小二乘直线）。有4个以上观测值时留出最近的观测值回测，选误差最小的方法，"
        "否则用复合增长率；报告同时给出各方法的区间，区间比单一数字更能反映不确定性。",
        "派生指标（如每万人口发明专利拥有量）按公式逐期计算：分子取当期值，"
        "其余各项取当期或此前最近的值。标记为估算（e）的数值据公开资料推算，来源见附件1。",
    ),
    "en": (
        "Time elapsed (序时进度) = (as-of date − plan start) ÷ (deadline − plan start), "
        "between 0 and 100%; the plan starts at the end of its baseline period.",
        "Attainment = latest value ÷ target; for cumulative targets, the sum of the flows "
        "counted since the target's first period ÷ target. Progress = (latest − baseline) ÷ "
        "(target − baseline), to be compared with the time elapsed.",
        "Required growth = (target ÷ latest)^(1 ÷ years left) − 1. Actual growth is the "
        "compound annual growth between the first and last observations of the last five "
        "years, or the published year-on-year change when only one value is known. Years are "
        "counted from the end of the latest period, as days ÷ 365.25.",
        "Growth ratio = actual ÷ required growth (Eurostat's SDG monitoring method): ≥ 0.95 on "
        "track, 0.60–0.95 behind, 0–0.60 off track, below 0 moving away; achieved once the "
        "target is reached; missed when the deadline's figure is in and falls short.",
        "Cumulative targets, and counts at or near zero where compound growth means nothing, "
        "compare the linear pace instead: actual per-year change ÷ required per-year change. "
        "No small number is ever put in place of a zero.",
        "Steady-growth targets are judged on the changes since the baseline: every change up "
        "is on track (achieved once final), the latest change not up is off track, fewer than "
        "two points lack data.",
        "Projections extrapolate the last five years to the deadline by the least-squares "
        "line, compound growth and a recency-weighted line. With four or more observations the "
        "latest are held out as a backtest and the method with the lowest error is shown, else "
        "compound growth; the range of all methods is shown too, since a single number from a "
        "few points would be false precision.",
        "Derived indicators (per 10,000 people...) are computed per period from the "
        "numerator's period and each other operand's latest value at or before it. Values "
        "flagged estimated (e) were worked out from published figures; see Annex 1.",
    ),
}
