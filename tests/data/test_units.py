"""Reading units and their targets (ipplan.data.units, ipplan.data.regioncsv via ipplan.data.plan):
``regions:``, ``target.by_region``, targets_by_region.csv in UTF-8 ± BOM and GBK, and
every way they can be wrong, each with its file, line and column."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from ipplan.core.errors import PlanError
from ipplan.data.actuals import load_actuals
from ipplan.data.plan import load_plan, read_plan
from ipplan.data.units import closest_units, list_units, unit_values, units_named

PLAN = Path(__file__).resolve().parent.parent / "regions_plan"


def copy(tmp_path: Path) -> Path:
    target = tmp_path / "p"
    shutil.copytree(PLAN, target)
    return target


def edit(plan: Path, old: str, new: str) -> None:
    path = plan / "targets.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def codes(plan: Path) -> list[tuple[str, str, int | None, int | None]]:
    _, problems = read_plan(plan)
    return [(p.code, Path(p.file or "").name, p.line, p.column) for p in problems]


def test_regions_and_unit_targets_read() -> None:
    plan = load_plan(str(PLAN))
    assert [(r.name, r.parent, r.code, r.line) for r in plan.regions] == [
        ("A县", None, "000001", 10),  # parent equal to the plan's region: None
        ("B县", None, None, 11),
        ("C区", None, None, 12),
    ]
    assert plan.regions_declared
    got = {(t.indicator, t.region): (t.value, Path(t.file or "").name, t.line, t.column)
           for t in plan.unit_targets}  # fmt: skip
    assert got == {
        ("tm", "A县"): (600, "targets.yaml", 22, 13),
        ("tm", "B县"): (300, "targets.yaml", 23, 13),
        ("grants", "A县"): (150, "targets_by_region.csv", 2, 3),
        ("grants", "B县"): (100, "targets_by_region.csv", 3, 3),
        ("grants", "C区"): (50, "targets_by_region.csv", 4, 3),  # named 授权 in the file
    }


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk"])
def test_csv_encodings_and_chinese_header(tmp_path: Path, encoding: str) -> None:
    plan = copy(tmp_path)
    (plan / "targets_by_region.csv").write_bytes(
        '指标,地区,目标值\n授权,A县,1.5万\ngrants,B县,"2,000"\n'.encode(encoding)
    )
    got = {(t.indicator, t.region): t.value for t in load_plan(str(plan)).unit_targets}
    assert got[("grants", "A县")] == 15000
    assert got[("grants", "B县")] == 2000


def test_no_regions_list_units_from_actuals_and_targets(tmp_path: Path) -> None:
    plan_dir = copy(tmp_path)
    text = (plan_dir / "targets.yaml").read_text(encoding="utf-8")
    start, end = text.index("regions:\n"), text.index("indicators:\n")
    (plan_dir / "targets.yaml").write_text(text[:start] + text[end:], encoding="utf-8")
    (plan_dir / "targets_by_region.csv").write_text(
        "indicator,region,value\ngrants,D镇,10\n", encoding="utf-8"
    )
    plan = load_plan(str(plan_dir))
    assert not plan.regions_declared and plan.regions == ()
    units = list_units(plan, load_actuals(plan))
    # undeclared units: under the plan's region, by name
    assert [u.name for u in units] == ["示例市", *sorted(["A县", "B县", "C区", "D镇"])]
    assert {u.parent for u in units[1:]} == {"示例市"}


def test_hierarchy_depth_first(tmp_path: Path) -> None:
    plan_dir = copy(tmp_path)
    edit(
        plan_dir,
        "  - C区\n",
        "  - C区\n  - {name: A1镇, parent: A县}\n  - {name: A2镇, parent: A县}\n",
    )
    plan = load_plan(str(plan_dir))
    units = list_units(plan, load_actuals(plan))
    assert [(u.name, u.depth) for u in units] == [
        ("示例市", 0), ("A县", 1), ("A1镇", 2), ("A2镇", 2), ("B县", 1), ("C区", 1)
    ]  # fmt: skip


def test_unit_values_kept_from_reading_are_those_made_again() -> None:
    from dataclasses import replace

    plan = load_plan(str(PLAN))
    kept = unit_values(plan)  # kept by read_plan from its check for duplicates
    fresh = replace(plan)  # the same plan made again: nothing kept
    assert "_unit_lookup" not in fresh.__dict__
    assert unit_values(fresh) == kept
    assert {key: ut.value for key, ut in kept.items()} == {
        ("tm", "A县"): 600, ("tm", "B县"): 300,
        ("grants", "A县"): 150, ("grants", "B县"): 100, ("grants", "C区"): 50,
    }  # fmt: skip


def test_units_named_kept_per_set_of_regions(tmp_path: Path) -> None:
    # the tree is made once per plan and set of units (regions json asks for it once per
    # indicator's file): asked again it is the same, and another set gets its own tree
    plan_dir = copy(tmp_path)
    text = (plan_dir / "targets.yaml").read_text(encoding="utf-8")
    start, end = text.index("regions:\n"), text.index("indicators:\n")
    (plan_dir / "targets.yaml").write_text(text[:start] + text[end:], encoding="utf-8")
    plan = load_plan(str(plan_dir))
    first = units_named(plan, ["B县", "E镇", "示例市", "", None])
    assert [u.name for u in first] == ["示例市", "A县", "B县", "C区", "E镇"]  # A, B, C: targets
    assert units_named(plan, ["E镇", "E镇"]) is first
    assert [u.name for u in units_named(plan, ["D镇"])] == ["示例市", "A县", "B县", "C区", "D镇"]
    assert [u.name for u in units_named(plan, [])] == ["示例市", "A县", "B县", "C区"]
    for extra in range(20):  # many sets: each still right (the kept ones are bounded)
        names = [u.name for u in units_named(plan, [f"X{extra:02d}"])]
        assert names == ["示例市", "A县", "B县", "C区", f"X{extra:02d}"]
    assert len(plan.__dict__["_units_named"]) <= 8


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("  - C区\n", "  - C区\n  - {name: B县}\n", ("regions.duplicate", "targets.yaml", 13, 12)),
        ("  - C区\n", "  - 示例市\n", ("regions.is_plan_region", "targets.yaml", 12, 5)),
        ("  - C区\n", "  - {name: C区, parent: 某县}\n",
         ("regions.unknown_parent", "targets.yaml", 12, 24)),
        ("  - {name: B县}\n  - C区\n",
         "  - {name: B县, parent: C区}\n  - {name: C区, parent: B县}\n",
         ("regions.cycle", "targets.yaml", 11, 24)),
        ("        B县: 300\n", "        B县: 三百\n",
         ("regions.bad_value", "targets.yaml", 23, 13)),
        ("        B县: 300\n", "        B县: 300\n        示例市: 1000\n",
         ("regions.plan_region_target", "targets.yaml", 24, 9)),
        ("regions:\n", "regions: 3\nx:\n", ("plan.bad_type", "targets.yaml", 9, 10)),
    ],
)  # fmt: skip
def test_yaml_errors_located(
    tmp_path: Path, old: str, new: str, expected: tuple[str, str, int, int]
) -> None:
    plan = copy(tmp_path)
    edit(plan, old, new)
    found = [c for c in codes(plan) if c[0] != "plan.unknown_key"]
    assert expected in found, found
    with pytest.raises(PlanError):
        load_plan(str(plan))


def test_growth_target_has_no_by_region(tmp_path: Path) -> None:
    plan = copy(tmp_path)
    edit(plan, "      type: level\n      value: 1000\n", "      type: growth\n")
    assert ("regions.growth_by_region", "targets.yaml", 20, 7) in codes(plan)


@pytest.mark.parametrize(
    ("csv_text", "expected"),
    [
        # the same (indicator, unit) in targets.yaml and in the CSV
        ("indicator,region,value\ntm,A县,600\n",
         ("regions.duplicate_target", "targets_by_region.csv", 2, 3)),
        # twice in the CSV
        ("indicator,region,value\ngrants,A县,1\ngrants,A县,2\n",
         ("regions.duplicate_target", "targets_by_region.csv", 3, 3)),
        ("indicator,region,value\ngrant,A县,1\n",
         ("regions.csv_unknown_indicator", "targets_by_region.csv", 2, 1)),
        ("indicator,region,value\ngrants,,1\n",
         ("regions.csv_empty_region", "targets_by_region.csv", 2, 2)),
        ("indicator,region,value\ngrants,示例市,1\n",
         ("regions.plan_region_target", "targets_by_region.csv", 2, 2)),
        ("indicator,region,value\ngrants,A县,abc\n",
         ("number.invalid", "targets_by_region.csv", 2, 3)),
        ("indicator,region\ngrants,A县\n",
         ("regions.csv_missing_column", "targets_by_region.csv", 1, None)),
        ("\n", ("regions.csv_empty", "targets_by_region.csv", None, None)),
    ],
)  # fmt: skip
def test_csv_errors_located(
    tmp_path: Path, csv_text: str, expected: tuple[str, str, int | None, int | None]
) -> None:
    plan = copy(tmp_path)
    (plan / "targets_by_region.csv").write_text(csv_text, encoding="utf-8")
    found = codes(plan)
    assert expected in found, found
    with pytest.raises(PlanError):
        load_plan(str(plan))


def test_csv_target_for_indicator_without_plan_target(tmp_path: Path) -> None:
    plan = copy(tmp_path)
    edit(plan, "  - id: grants\n", "  - id: pop\n    name: 人口\n    kind: stock\n  - id: grants\n")
    (plan / "targets_by_region.csv").write_text("indicator,region,value\npop,A县,5\n", "utf-8")
    assert ("regions.no_plan_target", "targets_by_region.csv", 2, 1) in codes(plan)


def test_duplicate_message_names_the_other_place(tmp_path: Path) -> None:
    from ipplan.core.i18n import format_problem

    plan = copy(tmp_path)
    (plan / "targets_by_region.csv").write_text("indicator,region,value\ntm,A县,600\n", "utf-8")
    _, problems = read_plan(plan)
    line = format_problem(next(p for p in problems if p.code == "regions.duplicate_target"), "en")
    assert line.startswith(f"error: {plan / 'targets_by_region.csv'}:2:3: ")
    assert "targets.yaml:22" in line  # where tm A县 600 is


def test_closest_units() -> None:
    names = ["随州市", "曾都区", "随县", "广水市", "随州高新区", "大洪山风景名胜区"]
    assert closest_units("广水", names)[0] == "广水市"
    assert closest_units("大洪山", names)[0] == "大洪山风景名胜区"
    assert closest_units("高新区", names)[0] == "随州高新区"
    assert closest_units("xyz", names) == []
