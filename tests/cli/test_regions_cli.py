"""`ipplan regions` and `--region`: the JSON of formats.md (each unit's entry equals
`status --region UNIT`), the other formats, the layouts at 80 columns, ranking, unknown
units, and the bundled Suizhou units (never judged against the city's target)."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest
from rich.cells import cell_len

from ipplan.cli.app import main
from ipplan.data.plan import bundled_plan_dir, load_plan

ROOT = Path(__file__).resolve().parents[2]
UNITS3 = str(ROOT / "tests" / "regions_plan")
EXAMPLE = str(ROOT / "examples" / "counties-example")
BUNDLED = str(bundled_plan_dir())
SUIZHOU_UNITS = ["曾都区", "随县", "广水市", "随州高新区", "大洪山风景名胜区"]


@pytest.fixture(autouse=True)
def _plain_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "80")
    for name in ("IPPLAN_PLAN", "IPPLAN_LANG", "IPPLAN_DEBUG", "FORCE_COLOR"):
        monkeypatch.delenv(name, raising=False)


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exc:
        main(list(args))
    out, err = capsys.readouterr()
    code = exc.value.code
    return (code if isinstance(code, int) else 1), out, err


def as_json(capsys: pytest.CaptureFixture[str], *args: str) -> dict:  # type: ignore[type-arg]
    code, out, err = run(capsys, *args, "--as-of", "2024-12-31", "--format", "json")
    assert code == 0, err
    return json.loads(out)  # type: ignore[no-any-return]


@pytest.mark.parametrize("plan", [UNITS3, EXAMPLE, BUNDLED])
def test_regions_json_equals_status_json_per_unit(
    capsys: pytest.CaptureFixture[str], plan: str
) -> None:
    data = as_json(capsys, "regions", "--plan", plan)
    assert len(data["regions"]) >= 4
    for entry in data["regions"]:
        status = as_json(capsys, "status", "--plan", plan, "--region", entry["region"])
        assert entry["indicators"] == status["indicators"], entry["region"]
        assert data["time_elapsed"] == status["time_elapsed"]
        assert data["as_of"] == status["as_of"]


def test_regions_json_contract(capsys: pytest.CaptureFixture[str]) -> None:
    data = as_json(capsys, "regions", "--plan", UNITS3)
    assert list(data) == ["plan", "as_of", "time_elapsed", "indicator", "regions"]
    assert data["plan"] == {"id": "units3", "title": "三个单位的测试方案", "region": "示例市",
                            "baseline": "2023", "deadline": "2025-12-31"}  # fmt: skip
    assert [(r["region"], r["parent"], r["code"], r["rank"]) for r in data["regions"]] == [
        ("示例市", None, None, None),
        ("A县", "示例市", "000001", None),
        ("B县", "示例市", None, None),
        ("C区", "示例市", None, None),
    ]
    c_tm = next(i for i in data["regions"][3]["indicators"] if i["id"] == "tm")
    assert (c_tm["target"], c_tm["status"], c_tm["attainment"]) == (None, "monitoring", None)
    a_tm = next(i for i in data["regions"][1]["indicators"] if i["id"] == "tm")
    assert a_tm["target"] == {"type": "level", "value": 600, "direction": "increase"}


def test_regions_json_ranked_on_one_indicator(capsys: pytest.CaptureFixture[str]) -> None:
    data = as_json(capsys, "regions", "--plan", UNITS3, "--indicator", "授权")
    assert data["indicator"] == "grants"
    # C区 1.4959016 > B县 0.7835675 > A县 0.6648452 (tests/analysis/test_regions.py)
    assert [(r["region"], r["rank"]) for r in data["regions"]] == [
        ("示例市", None), ("C区", 1), ("B县", 2), ("A县", 3)
    ]  # fmt: skip
    assert all([i["id"] for i in r["indicators"]] == ["grants"] for r in data["regions"])


def test_unknown_indicator_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "regions", "--plan", UNITS3, "--indicator", "nothing")
    assert code == 2 and out == ""
    assert err.startswith("error: ") and "Traceback" not in err


def test_table_matrix_at_80_columns(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "regions", "--plan", UNITS3, "--as-of", "2024-12-31")
    assert code == 0
    lines = out.splitlines()
    assert max(cell_len(line) for line in lines) <= 80
    row = next(line for line in lines if line.strip().startswith("B县"))
    assert row.split() == ["B县", "需加快", "需加快"]  # tm behind, grants behind
    row = next(line for line in lines if line.strip().startswith("C区"))
    assert row.split() == ["C区", "监测", "进度正常"]  # no own tm target: monitored
    assert "指标：1 商标  2 授权" in out
    assert "  A县：授权 需加快" in out  # lagging units are named


def test_table_per_indicator_when_the_matrix_does_not_fit(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # seven targets in English at 80 columns: status words too wide for a matrix
    code, out, _ = run(capsys, "regions", "--as-of", "2024-12-31", "--lang", "en")
    assert code == 0
    lines = out.splitlines()
    assert max(cell_len(line) for line in lines) <= 80
    plan = load_plan(BUNDLED)
    for ind in plan.indicators:
        if ind.target is not None:  # every target has a block with its whole name
            assert any(line.startswith(f"{i} {ind.name_en}") for i in range(1, 8) for line in lines)
    for unit in SUIZHOU_UNITS:  # every unit, whole, in every block
        assert sum(1 for line in lines if line.strip().startswith(unit)) == 7


def test_table_ranked(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys, "regions", "--plan", EXAMPLE, "--as-of", "2024-12-31", "-i", "trademarks_valid"
    )
    assert code == 0
    ranks = [w[:2] for line in out.splitlines() if (w := line.split()) and w[0] in "123—"]
    assert ranks[:4] == [["—", "示例市"], ["1", "东城区"], ["2", "西山县"], ["3", "南湖县"]]


def test_table_colour_only_when_asked(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _, plain, _ = run(capsys, "regions", "--plan", UNITS3, "--as-of", "2024-12-31")
    assert "\x1b[" not in plain
    monkeypatch.delenv("NO_COLOR")
    monkeypatch.setenv("FORCE_COLOR", "1")
    _, coloured, _ = run(capsys, "regions", "--plan", UNITS3, "--as-of", "2024-12-31")
    assert "\x1b[33m需加快" in coloured  # behind is yellow, as in status


def test_csv_rows_and_neutralised_names(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    plan = tmp_path / "p"
    shutil.copytree(UNITS3, plan)
    path = plan / "actuals" / "tm.csv"
    path.write_text(path.read_text("utf-8") + "2024,5,=HYPERLINK(1)\n", "utf-8")
    code, out, err = run(capsys, "regions", "--plan", str(plan), "--as-of", "2024-12-31",
                         "--format", "csv")  # fmt: skip
    assert code == 0, err
    rows = list(csv.reader(io.StringIO(out)))
    assert rows[0][:6] == ["region", "parent", "code", "rank", "id", "name"]
    assert len(rows) == 1 + 5 * 2  # 5 units (the city, A, B, C, the odd one) × 2 indicators
    assert rows[-1][:2] == ["'=HYPERLINK(1)", "示例市"]
    a_tm = next(r for r in rows if r[0] == "A县" and r[4] == "tm")
    assert a_tm[9] == "600"  # the target column: A县's own


def test_markdown(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "regions", "--plan", UNITS3, "--as-of", "2024-12-31",
                       "--format", "markdown")  # fmt: skip
    assert code == 0
    assert "| 地区 | 商标 | 授权 |" in out
    assert "| B县 | 需加快 80.0% | 需加快 44.0% |" in out  # 240/300; 44/100
    assert "| C区 | 监测 | 进度正常 60.0% |" in out  # 30/50


def test_status_region_unknown_suggests_closest(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "status", "--region", "广水")
    assert code == 2 and out == ""
    assert err.startswith("error: 没有地区“广水”; 是否指 广水市？")
    code, _, err = run(capsys, "status", "--region", "大洪山", "--lang", "en")
    assert code == 2
    assert "did you mean 大洪山风景名胜区?" in err


def test_county_never_judged_against_the_city_target(capsys: pytest.CaptureFixture[str]) -> None:
    """The bug of issue 9: 曾都区 measured against Suizhou's 30,000 valid trademarks."""
    for unit in SUIZHOU_UNITS:
        data = as_json(capsys, "status", "--region", unit)
        assert data["region"] == unit
        assert all(i["target"] is None for i in data["indicators"])
        assert {i["status"] for i in data["indicators"]} == {"monitoring"}


def test_init_suizhou_lists_the_five_units(tmp_path: Path) -> None:
    from ipplan.data.scaffold import create_plan

    create_plan(tmp_path / "new")
    plan = load_plan(str(tmp_path / "new"))
    assert [(r.name, r.parent) for r in plan.regions] == [(u, None) for u in SUIZHOU_UNITS]
    assert [r.code for r in plan.regions[:3]] == ["421303", "421321", "421381"]
    assert plan.unit_targets == ()  # the plan decomposes no target


def test_show_region_uses_the_unit_target(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "show", "tm", "--plan", UNITS3, "--region", "A县",
                         "--as-of", "2024-12-31", "--format", "json")  # fmt: skip
    assert code == 0, err
    data = json.loads(out)
    assert data["target"]["value"] == 600
    assert data["attainment"] == pytest.approx(550 / 600, rel=1e-12)
    code, out, err = run(capsys, "show", "tm", "--plan", UNITS3, "--region", "C区",
                         "--as-of", "2024-12-31", "--format", "json")  # fmt: skip
    assert code == 0, err
    data = json.loads(out)
    assert (data["target"], data["status"]) == (None, "monitoring")


def test_hostile_unit_name_shown_not_run(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    plan = tmp_path / "p"
    shutil.copytree(UNITS3, plan)
    path = plan / "actuals" / "tm.csv"
    path.write_text(path.read_text("utf-8") + "2024,5,[red]x\x1b[31m\n", "utf-8")
    code, out, _ = run(capsys, "regions", "--plan", str(plan), "--as-of", "2024-12-31")
    assert code == 0
    assert "\x1b" not in out
    assert "[red]x\\x1b[31m" in out  # rich markup and the escape, written out


def test_a_bidi_override_in_a_unit_name_is_shown_not_run(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # the table's own escaper used to stop at C0 and C1: U+202E reversed the rest of the line
    plan = tmp_path / "p"
    shutil.copytree(UNITS3, plan)
    path = plan / "actuals" / "tm.csv"
    path.write_text(path.read_text("utf-8") + "2024,5,y\u202ez\n", "utf-8")
    code, out, _ = run(capsys, "regions", "--plan", str(plan), "--as-of", "2024-12-31")
    assert code == 0
    assert "\u202e" not in out
    assert "y\\u202ez" in out


def test_status_of_a_unit_without_targets_has_no_empty_table(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run(capsys, "status", "--region", "曾都区", "--as-of", "2024-12-31")
    assert code == 0
    assert "完成率" not in out  # the heads of the targets table
    assert "没有目标" in out and "有效注册商标量" in out  # monitored


def test_record_and_import_refuse_an_unlisted_region(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    plan = tmp_path / "p"
    shutil.copytree(UNITS3, plan)
    before = (plan / "actuals" / "tm.csv").read_bytes()
    code, _, err = run(capsys, "record", "tm", "2022", "450", "--region", "A", "--plan", str(plan))
    assert code == 2
    assert "是否指 A县？" in err
    (tmp_path / "tm.csv").write_text("period,value\n2022,450\n", "utf-8")
    code, _, err = run(capsys, "import", str(tmp_path / "tm.csv"), "--region", "A",
                       "--plan", str(plan))  # fmt: skip
    assert code == 2 and "是否指 A县？" in err
    assert (plan / "actuals" / "tm.csv").read_bytes() == before  # nothing written
    code, _, err = run(
        capsys, "record", "tm", "2022", "450", "--region", "A县", "--plan", str(plan)
    )
    assert code == 0, err


def test_need_region_uses_the_unit_target(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "need", "tm", "--plan", UNITS3, "--region", "A县",
                         "--as-of", "2024-12-31")  # fmt: skip
    assert code == 0, err
    assert "达到 600件" in out and "尚差 50件" in out  # 600 − 550, never 1000 − 550
    code, out, err = run(capsys, "need", "tm", "--plan", UNITS3, "--region", "C区",
                         "--as-of", "2024-12-31")  # fmt: skip
    assert code == 2 and out == ""  # C区 has no target of its own


def test_indicator_named_as_everywhere_else(capsys: pytest.CaptureFixture[str]) -> None:
    # issue 8: one lookup; a full-width id and a name with its unit work here as in record
    base = run(capsys, "regions", "--plan", UNITS3, "--indicator", "grants", "-f", "json")
    for name in ["ｇｒａｎｔｓ", "GRANTS"]:
        assert run(capsys, "regions", "--plan", UNITS3, "--indicator", name, "-f", "json") == base
