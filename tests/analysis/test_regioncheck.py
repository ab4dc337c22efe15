"""The region rules of `ipplan check` (ipplan.analysis.regioncheck) on the 3-unit plan of
tests/regions_plan and variants of it.

The plan as shipped adds up: grants targets 150 + 100 + 50 = 300; tm figures
2023 500 + 200 + 100 = 800 and 2024 550 + 240 + 110 = 900; grants 2024 60 + 44 + 30 = 134.
tm's unit targets (600 + 300, C区 none) are not compared: not every unit has one.
"""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

from ipplan.analysis.check import run_checks
from ipplan.core.errors import Problem
from ipplan.core.i18n import Lang, Listing, format_problem

PLAN = Path(__file__).resolve().parent.parent / "regions_plan"
TODAY = date(2025, 6, 30)


def copy(tmp_path: Path) -> Path:
    target = tmp_path / "p"
    shutil.copytree(PLAN, target)
    return target


def region_findings(plan: Path) -> list[Problem]:
    return [p for p in run_checks(plan, TODAY) if "region" in p.code]


def test_plan_that_adds_up_has_no_findings() -> None:
    assert run_checks(PLAN, TODAY) == []


def test_targets_that_do_not_add_up(tmp_path: Path) -> None:
    plan = copy(tmp_path)
    # 150 + 100 + 80 = 330 against 300: off by +30, more than the rounding 4 × 0.5 = 2
    (plan / "targets_by_region.csv").write_text(
        "indicator,region,value\ngrants,A县,150\ngrants,B县,100\ngrants,C区,80\n", "utf-8"
    )
    [found] = region_findings(plan)
    assert (found.code, found.severity, Path(found.file or "").name) == (
        "check.region_targets_sum", "warning", "targets.yaml"
    )  # fmt: skip
    assert found.line == 24  # the indicator grants
    assert found.params["sum"] == "330" and found.params["target"] == "300"
    assert found.params["diff"] == "+30"
    assert "A县 150 + B县 100 + C区 80" in format_problem(found, "en")


def test_targets_within_rounding_pass(tmp_path: Path) -> None:
    plan = copy(tmp_path)
    # 150 + 100 + 49 = 299 against 300: off by 1 ≤ 4 × 0.5 = 2 (rounded decomposition)
    (plan / "targets_by_region.csv").write_text(
        "indicator,region,value\ngrants,A县,150\ngrants,B县,100\ngrants,C区,49\n", "utf-8"
    )
    assert region_findings(plan) == []
    # 150 + 100 + 47 = 297: off by 3 > 2
    (plan / "targets_by_region.csv").write_text(
        "indicator,region,value\ngrants,A县,150\ngrants,B县,100\ngrants,C区,47\n", "utf-8"
    )
    [found] = region_findings(plan)
    assert found.params["diff"] == "-3"


def test_derived_targets_are_not_summed(tmp_path: Path) -> None:
    plan = copy(tmp_path)
    text = (plan / "targets.yaml").read_text(encoding="utf-8")
    text += (
        '  - id: ratio\n    name: 比率\n    kind: derived\n    formula: "tm / grants"\n'
        "    target:\n      type: level\n      value: 5\n"
        "      by_region: {A县: 9, B县: 9, C区: 9}\n"
    )  # 9 + 9 + 9 = 27 against 5: a ratio, never summed
    (plan / "targets.yaml").write_text(text, encoding="utf-8")
    assert region_findings(plan) == []


def test_actuals_that_do_not_add_up(tmp_path: Path) -> None:
    plan = copy(tmp_path)
    path = plan / "actuals" / "tm.csv"
    path.write_text(path.read_text("utf-8").replace("2024,900,\n", "2024,905,\n"), "utf-8")
    [found] = region_findings(plan)
    # 550 + 240 + 110 = 900 against 905: off by −5 (whole numbers: exact)
    assert found.code == "check.region_actuals_sum"
    assert (Path(found.file or "").name, found.line, found.column) == ("tm.csv", 3, 2)
    assert (found.params["sum"], found.params["value"], found.params["diff"]) == (
        "900", "905", "-5"
    )  # fmt: skip
    assert found.params["period"] == "2024" and found.params["parent"] == "示例市"


def test_actuals_with_decimals_allow_rounding(tmp_path: Path) -> None:
    plan = copy(tmp_path)
    # 55.1 + 24.1 + 11.1 = 90.3 against 90.4: off by 0.1 ≤ 4 × 0.05 = 0.2 → passes;
    # against 90.6: off by 0.3 > 0.2 → reported
    rows = "period,value,region\n2024,{city},\n2024,55.1,A县\n2024,24.1,B县\n2024,11.1,C区\n"
    path = plan / "actuals" / "tm.csv"
    path.write_text(rows.format(city="90.4"), "utf-8")
    assert region_findings(plan) == []
    path.write_text(rows.format(city="90.6"), "utf-8")
    [found] = region_findings(plan)
    assert found.params["diff"] == "-0.3"


def test_units_missing_for_a_period(tmp_path: Path) -> None:
    plan = copy(tmp_path)
    path = plan / "actuals" / "tm.csv"
    path.write_text(path.read_text("utf-8").replace("2024,110,C区\n", ""), "utf-8")
    [found] = region_findings(plan)
    assert found.code == "check.region_units_missing"
    assert found.params["missing"] == Listing(("C区",)) and found.params["period"] == "2024"
    assert found.line == 3  # the city's 2024 row


def test_units_missing_are_listed_in_the_messages_language(tmp_path: Path) -> None:
    plan = copy(tmp_path)
    path = plan / "actuals" / "tm.csv"
    text = path.read_text("utf-8").replace("2024,240,B县\n", "").replace("2024,110,C区\n", "")
    path.write_text(text, "utf-8")
    [found] = region_findings(plan)
    assert found.params["missing"] == Listing(("B县", "C区"))
    assert "B县、C区" in format_problem(found, Lang.ZH)
    english = format_problem(found, Lang.EN)
    assert "B县, C区" in english and "、" not in english  # was "B县、C区" in English too


def test_no_sum_checks_without_regions_list(tmp_path: Path) -> None:
    plan = copy(tmp_path)
    text = (plan / "targets.yaml").read_text(encoding="utf-8")
    start, end = text.index("regions:\n"), text.index("indicators:\n")
    (plan / "targets.yaml").write_text(text[:start] + text[end:], encoding="utf-8")
    path = plan / "actuals" / "tm.csv"
    path.write_text(path.read_text("utf-8").replace("2024,900,\n", "2024,905,\n"), "utf-8")
    assert region_findings(plan) == []


def test_unit_target_not_in_regions(tmp_path: Path) -> None:
    plan = copy(tmp_path)
    (plan / "targets_by_region.csv").write_text(
        "indicator,region,value\ngrants,A县,150\ngrants,B县,100\ngrants,C,50\n", "utf-8"
    )
    found = [p for p in region_findings(plan) if p.code == "check.region_undeclared"]
    assert len(found) == 1
    assert (found[0].severity, found[0].line, found[0].column) == ("error", 4, 3)
    assert found[0].params["close"] == Listing(("C区",))
    assert "C区" in format_problem(found[0], "zh")


def test_duplicate_target_is_a_check_finding(tmp_path: Path) -> None:
    plan = copy(tmp_path)
    (plan / "targets_by_region.csv").write_text(
        "indicator,region,value\ngrants,A县,150\ngrants,B县,100\ngrants,C区,50\ntm,B县,300\n",
        "utf-8",
    )
    codes = [(p.code, p.severity, p.line) for p in run_checks(plan, TODAY)]
    assert ("regions.duplicate_target", "error", 5) in codes


def test_row_naming_an_unlisted_region(tmp_path: Path) -> None:
    plan = copy(tmp_path)
    path = plan / "actuals" / "tm.csv"
    path.write_text(path.read_text("utf-8") + "2023,1,B\n2024,2,B\n", "utf-8")
    found = [p for p in region_findings(plan) if p.code == "check.region_unlisted"]
    assert len(found) == 1  # once per file and name
    assert (found[0].severity, found[0].line, found[0].column) == ("warning", 10, 3)
    assert found[0].params["close"] == Listing(("B县",))


def test_region_findings_name_the_indicator_in_english_with_lang_en() -> None:
    # examples/counties-example: invention-patent targets 600 + 250 + 100 = 950 against the
    # city's 1,000 (off by -50); trademarks 2022: the units add up to 15,500 against the
    # city's 15,600 (off by -100); invention patents 2024: the city has a figure, 南湖县 none.
    # Figures are written as every view writes them (thousands separators).
    example = PLAN.parent.parent / "examples" / "counties-example"
    texts = [format_problem(p, "en") for p in run_checks(example, TODAY)]
    joined = "\n".join(texts)
    assert (
        "Valid invention patents (invention_patents_valid): the units' targets add up to 950,"
        " not 示例市's 1,000 (off by -50; 东城区 600 + 西山县 250 + 南湖县 100)" in joined
    )
    assert (
        "Valid registered trademarks 2022: the units add up to 15,500, not 示例市's 15,600"
        in joined
    )
    assert (
        "Valid invention patents 2024: 示例市 has a figure but these units have none: 南湖县"
        in joined
    )
    assert "有效" not in joined  # no Chinese indicator name in the English messages
