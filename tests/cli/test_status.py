"""`ipplan status` on the bundled Suizhou plan: figures worked out by hand, the JSON
contract of formats.md, the other formats, exit codes, and what the CLI imports.

Hand computation for trademarks_valid (actuals/trademarks_valid.csv: 2021 16480,
2022 19724, 2023 22542 yoy 14.29; baseline 2023; target 30000; deadline 2025-12-31),
as of 2024-12-31:
- start = 2023-12-31; deadline − start = 366 (2024) + 365 = 731 days;
  as_of − start = 366 days → time_elapsed = 366 / 731 = 0.5006840
- years_left = 2023-12-31 → 2025-12-31 = 731 / 365.25 = 2.0013689
- attainment = 22542 / 30000 = 0.7514; progress = 0 (v = b); gap = 7458
- required_growth = (30000 / 22542)^(365.25 / 731) − 1 = 0.1535116
- actual_growth = CAGR 2021 → 2023 (730 days) = (22542 / 16480)^(365.25 / 730) − 1
  = 0.1696723
- growth_ratio = 0.1696723 / 0.1535116 = 1.1052738 → on_track
- required_per_year = 7458 / 2.0013689 = 3726.4494
- projection cagr = 22542 · (1 + 0.1696723)^2.0013689 = 22542 · (22542/16480)^(731/730)
  = 30847.078; linear OLS through x = −730/365.25, −365/365.25, 0 (mean −365/365.25):
  slope = (22542 − 16480) / (730 / 365.25); mean y = (16480 + 19724 + 22542) / 3 = 19582;
  at x = 731/365.25: 19582 + 6062 · (731 + 365) / 730 = 19582 + 9101.3041 = 28683.304
"""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from ipplan.cli.app import main
from ipplan.data.plan import bundled_plan_dir, load_plan

Y = 365.25
BUNDLED = str(bundled_plan_dir())


@pytest.fixture(autouse=True)
def _plain_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "80")
    monkeypatch.delenv("IPPLAN_PLAN", raising=False)
    monkeypatch.delenv("IPPLAN_LANG", raising=False)
    monkeypatch.delenv("IPPLAN_DEBUG", raising=False)
    monkeypatch.delenv("FORCE_COLOR", raising=False)


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exc:
        main(list(args))
    out, err = capsys.readouterr()
    code = exc.value.code
    return (code if isinstance(code, int) else 1), out, err


def status_json(capsys: pytest.CaptureFixture[str], *extra: str) -> dict:  # type: ignore[type-arg]
    code, out, err = run(
        capsys, "status", "--plan", BUNDLED, "--as-of", "2024-12-31", "--format", "json", *extra
    )
    assert code == 0, err
    return json.loads(out)  # type: ignore[no-any-return]


def by_id(data: dict, iid: str) -> dict:  # type: ignore[type-arg]
    return next(i for i in data["indicators"] if i["id"] == iid)  # type: ignore[no-any-return]


def copy_bundled(tmp_path: Path) -> Path:
    plan = tmp_path / "plan"
    plan.mkdir()
    shutil.copy(Path(BUNDLED) / "targets.yaml", plan / "targets.yaml")
    shutil.copytree(Path(BUNDLED) / "actuals", plan / "actuals")
    return plan


# --------------------------------------------------------------------------- JSON figures


def test_json_trademarks_valid_figures(capsys: pytest.CaptureFixture[str]) -> None:
    data = status_json(capsys)
    assert data["as_of"] == "2024-12-31"
    assert data["region"] == "随州市"
    assert data["time_elapsed"] == pytest.approx(366 / 731, rel=1e-12)  # 0.5006840
    tm = by_id(data, "trademarks_valid")
    assert tm["target"] == {"type": "level", "value": 30000, "direction": "increase"}
    assert tm["latest"]["period"] == "2023"
    assert tm["latest"]["value"] == 22542
    assert tm["latest"]["flag"] is None
    assert tm["baseline"] == {"period": "2023", "value": 22542}
    assert tm["attainment"] == pytest.approx(22542 / 30000, rel=1e-12)  # 0.7514
    assert tm["progress"] == 0  # (22542 − 22542) / (30000 − 22542)
    assert tm["gap"] == 7458  # 30000 − 22542
    assert tm["years_left"] == pytest.approx(731 / Y, rel=1e-12)  # 2.0013689
    assert tm["required_growth"] == pytest.approx(0.15351156, rel=1e-7)
    assert tm["actual_growth"] == pytest.approx(0.16967230, rel=1e-7)
    assert tm["growth_ratio"] == pytest.approx(1.1052738, rel=1e-6)
    assert tm["required_per_year"] == pytest.approx(3726.4494, rel=1e-7)
    assert tm["status"] == "on_track"
    assert tm["final"] is False
    proj = tm["projection"]
    assert proj["period"] == "2025"
    assert proj["method"] == "cagr"
    assert proj["value"] == pytest.approx(22542 * (22542 / 16480) ** (731 / 730), rel=1e-9)
    assert proj["value"] == pytest.approx(30847.078, rel=1e-7)
    # low: the weighted projection (w = 1/(1 + age in years)), below the linear 28683.304.
    # x = -730/365.25, -365/365.25, 0; w = 0.333486, 0.500171, 1 (W = 1.833657)
    # weighted means: x̄ = -0.636075, ȳ = 37903.22 / 1.833657 = 20670.8
    # Sxx = 1.089722, Sxy = 3266.53 -> slope 2997.58
    # at x = 731/365.25: 20670.8 + 2997.58 * (2.001369 + 0.636075) = 28576.8
    assert proj["low"] == pytest.approx(28576.8, abs=0.2)
    assert proj["high"] == pytest.approx(30847.078, rel=1e-7)


def test_json_gi_valid_is_computed_from_its_parts(capsys: pytest.CaptureFixture[str]) -> None:
    # gi_valid = gi_trademarks + gi_products: 2022-04 11 + 5 = 16; 2023-04 published 17;
    # 2023 12 + 5 = 17. v = 17, T = 20: attainment 0.85, gap 3.
    # actual: 2022-04-30 → 2023-12-31 = 365 + 245 = 610 days:
    #   (17 / 16)^(365.25 / 610) − 1 = 0.0369671
    # required: (20 / 17)^(365.25 / 731) − 1 = 0.0845920; ratio 0.4370 < 0.60 → off_track
    gi = by_id(status_json(capsys), "gi_valid")
    assert gi["latest"]["value"] == 17
    assert gi["attainment"] == pytest.approx(0.85, rel=1e-12)
    assert gi["gap"] == 3
    assert gi["actual_growth"] == pytest.approx((17 / 16) ** (Y / 610) - 1, rel=1e-12)
    assert gi["required_growth"] == pytest.approx((20 / 17) ** (Y / 731) - 1, rel=1e-12)
    assert gi["growth_ratio"] == pytest.approx(0.0369671 / 0.0845920, rel=1e-5)
    assert gi["status"] == "off_track"


def test_json_as_of_before_the_plan_start(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(
        capsys, "status", "--plan", BUNDLED, "--as-of", "2023-06-30", "--format", "json"
    )
    assert code == 0, err
    data = json.loads(out)
    # as_of 2023-06-30 is before the start 2023-12-31: (−184 / 731) clipped to 0
    assert data["time_elapsed"] == 0
    tm = by_id(data, "trademarks_valid")
    # 2023 ends after as_of: latest is 2022 (19724); baseline 2023 unknown → progress null
    assert tm["latest"]["period"] == "2022" and tm["latest"]["value"] == 19724
    assert tm["baseline"] is None and tm["progress"] is None
    assert tm["attainment"] == pytest.approx(19724 / 30000, rel=1e-12)  # 0.6574667
    assert tm["gap"] == 10276  # 30000 − 19724
    # years_left = 2022-12-31 → 2025-12-31 = 365 + 366 + 365 = 1096 days = 3.0006845
    assert tm["years_left"] == pytest.approx(1096 / Y, rel=1e-12)
    # actual: (19724 / 16480)^(365.25 / 365) − 1 = 0.1969920
    # required: (30000 / 19724)^(365.25 / 1096) − 1 = 0.1499922; ratio 1.3133478 → on_track
    assert tm["actual_growth"] == pytest.approx((19724 / 16480) ** (Y / 365) - 1, rel=1e-12)
    assert tm["required_growth"] == pytest.approx((30000 / 19724) ** (Y / 1096) - 1, rel=1e-12)
    assert tm["growth_ratio"] == pytest.approx(1.3133478, rel=1e-6)
    assert tm["status"] == "on_track"


@pytest.mark.parametrize(
    ("as_of", "period", "value"), [("2023-04-26", "2021", 34), ("2023-04-27", "2022", 89)]
)
def test_json_as_of_hides_rows_published_later(
    capsys: pytest.CaptureFixture[str], as_of: str, period: str, value: int
) -> None:
    # actuals/invention_patent_grants.csv: 2022 (89) was published 2023-04-27
    code, out, err = run(capsys, "status", "--plan", BUNDLED, "--as-of", as_of, "--format", "json")
    assert code == 0, err
    latest = by_id(json.loads(out), "invention_patent_grants")["latest"]
    assert (latest["period"], latest["value"]) == (period, value)


# --------------------------------------------------------------------------- JSON structure

TOP_KEYS = {"plan", "as_of", "region", "time_elapsed", "indicators"}
PLAN_KEYS = {"id", "title", "region", "baseline", "deadline"}
INDICATOR_KEYS = {
    "id",
    "name",
    "name_en",
    "unit",
    "kind",
    "target",
    "latest",
    "baseline",
    "attainment",
    "progress",
    "gap",
    "actual_growth",
    "required_growth",
    "growth_ratio",
    "required_per_year",
    "projection",
    "status",
    "final",
}
TARGET_KEYS = {"type", "value", "direction"}
LATEST_KEYS = {"period", "value", "source", "flag"}
PROJECTION_KEYS = {"method", "period", "value", "low", "high"}


def test_json_structure_every_key_present(capsys: pytest.CaptureFixture[str]) -> None:
    data = status_json(capsys)
    assert data.keys() >= TOP_KEYS
    assert data["plan"].keys() >= PLAN_KEYS
    assert data["plan"]["baseline"] == "2023"
    assert data["plan"]["deadline"] == "2025-12-31"
    assert len(data["indicators"]) == len(load_plan(BUNDLED).indicators)
    for ind in data["indicators"]:
        assert ind.keys() >= INDICATOR_KEYS, ind["id"]
        if ind["target"] is not None:
            assert ind["target"].keys() >= TARGET_KEYS
        if ind["latest"] is not None:
            assert ind["latest"].keys() >= LATEST_KEYS
        if ind["baseline"] is not None:
            assert {"period", "value"} <= ind["baseline"].keys()
        if ind["projection"] is not None:
            assert ind["projection"].keys() >= PROJECTION_KEYS
        assert isinstance(ind["final"], bool)


def test_json_nulls_are_present_not_omitted(capsys: pytest.CaptureFixture[str]) -> None:
    data = status_json(capsys)
    # a target without data: every figure null but present
    nodata = by_id(data, "invention_patents_valid")
    assert nodata["target"] == {"type": "level", "value": 600, "direction": "increase"}
    for key in (
        "latest",
        "baseline",
        "attainment",
        "progress",
        "gap",
        "actual_growth",
        "required_growth",
        "growth_ratio",
        "required_per_year",
        "projection",
    ):
        assert key in nodata and nodata[key] is None, key
    assert nodata["status"] == "insufficient_data"
    # an indicator without target and without data
    empty = by_id(data, "market_entities")
    assert empty["target"] is None and empty["latest"] is None and empty["projection"] is None
    assert empty["status"] == "monitoring"
    # targets come first (formats.md lists indicators; the table shows targets first)
    statuses = [i["target"] is not None for i in data["indicators"]]
    assert statuses == sorted(statuses, reverse=True)


# --------------------------------------------------------------------------- other formats


def test_table_summary_line(capsys: pytest.CaptureFixture[str]) -> None:
    # 7 targets: trademarks_valid on_track (ratio 1.105), gi_valid off_track (0.437);
    # invention_patents_valid, invention_patents_per_10k, pct_applications (no data),
    # trademarks_per_10k_entities (no market_entities), trademark_intl_registrations
    # (one point) → 5 insufficient_data
    code, out, _ = run(capsys, "status", "--plan", BUNDLED, "--as-of", "2024-12-31")
    assert code == 0
    lines = [line.strip() for line in out.splitlines()]
    assert "7 项目标：进度正常 1 项，严重滞后 1 项，缺数据 5 项" in lines
    assert "序时进度 50%" in lines[0]  # 366 / 731 = 50.07 %
    assert "\x1b[" not in out  # NO_COLOR


def test_table_in_english(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "status", "--plan", BUNDLED, "--as-of", "2024-12-31", "--lang", "en")
    assert code == 0
    lines = [line.strip() for line in out.splitlines()]
    assert "7 targets: 1 on track, 1 off track, 5 lack data" in lines
    assert "As of 2024-12-31" in out
    assert "time elapsed 50%" in out
    assert "trademarks" in out
    assert "缺数据" not in out


def _cells(line: str) -> int:
    """Terminal cells a line takes: wide (CJK) characters count 2."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in line)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_table_fits_80_columns(capsys: pytest.CaptureFixture[str], lang: str) -> None:
    code, out, _ = run(capsys, "status", "--plan", BUNDLED, "--as-of", "2024-12-31", "--lang", lang)
    assert code == 0
    assert max(_cells(line) for line in out.splitlines()) <= 80


def test_after_deadline_without_final_data_the_table_says_so(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # as_of 2026-03-31: time elapsed clipped to 100 %; 2025 not observed → final false,
    # the trademarks figures are those of 2023 (on_track, ratio 1.1052738)
    code, out, _ = run(capsys, "status", "--plan", BUNDLED, "--as-of", "2026-03-31")
    assert code == 0
    assert "序时进度 100%" in out.splitlines()[0]
    # the final evaluation says it: the period awaited, and the projection as an estimate
    assert "待终值：尚无2025的数据，以预计值估计。有效注册商标量30,847（预计已完成）" in out
    code, out, _ = run(
        capsys, "status", "--plan", BUNDLED, "--as-of", "2026-03-31", "--format", "json"
    )
    tm = by_id(json.loads(out), "trademarks_valid")
    assert tm["final"] is False
    assert "final_awaited" in tm["notes"]
    assert tm["status"] == "on_track"
    assert tm["growth_ratio"] == pytest.approx(1.1052738, rel=1e-6)


def test_missed_verdict_with_final_data(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    plan = copy_bundled(tmp_path)
    path = plan / "actuals" / "trademarks_valid.csv"
    with path.open("a", encoding="utf-8") as f:
        f.write("2024,26000,,test,,,,\n2025,29000,,test,,,,\n")
    code, out, err = run(
        capsys, "status", "--plan", str(plan), "--as-of", "2026-03-31", "--format", "json"
    )
    assert code == 0, err
    tm = by_id(json.loads(out), "trademarks_valid")
    # 29000 < 30000 with 2025 observed after the deadline → missed, final
    assert tm["status"] == "missed" and tm["final"] is True
    assert tm["attainment"] == pytest.approx(29000 / 30000, rel=1e-12)  # 0.9666667
    assert tm["gap"] == 1000
    # progress = (29000 − 22542) / (30000 − 22542) = 6458 / 7458 = 0.8659158
    assert tm["progress"] == pytest.approx(6458 / 7458, rel=1e-12)
    code, out, _ = run(capsys, "status", "--plan", str(plan), "--as-of", "2026-03-31")
    assert "未完成*" in out
    assert "* 终值" in out


REGION_TARGETS = """\
plan:
  id: regions
  title: 测试方案
  region: 甲市
  baseline: "2023"
  deadline: 2025-12-31
indicators:
  - id: per_10k
    name: 每万人口发明专利拥有量
    kind: derived
    formula: "patents / population * 10000"
    target:
      type: level
      value: 6
  - id: patents
    name: 有效发明专利
    kind: stock
  - id: population
    name: 常住人口
    kind: stock
"""


@pytest.mark.parametrize(
    ("region", "value"),
    [
        ("甲市", 1234 / 2047923 * 10000),  # 6.0256172
        ("乙县", 352 / 615432 * 10000),  # 5.7195596
        ("丙区", 97 / 287654 * 10000),  # 3.3721068
    ],
)
def test_region_option_computes_derived_per_region(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, region: str, value: float
) -> None:
    (tmp_path / "actuals").mkdir()
    (tmp_path / "targets.yaml").write_text(REGION_TARGETS, encoding="utf-8")
    (tmp_path / "actuals" / "population.csv").write_text(
        "period,value,region\n2020,2047923,\n2020,615432,乙县\n2020,287654,丙区\n",
        encoding="utf-8",
    )
    (tmp_path / "actuals" / "patents.csv").write_text(
        "period,value,region\n2023,1234,\n2023,352,乙县\n2023,97,丙区\n", encoding="utf-8"
    )
    code, out, err = run(
        capsys,
        "status",
        "--plan",
        str(tmp_path),
        "--as-of",
        "2024-12-31",
        "--region",
        region,
        "--format",
        "json",
    )
    assert code == 0, err
    data = json.loads(out)
    assert data["region"] == region
    ev = by_id(data, "per_10k")
    assert ev["latest"]["value"] == pytest.approx(value, rel=1e-12)
    if region == "甲市":
        assert ev["attainment"] == pytest.approx(value / 6, rel=1e-12)
    else:  # a unit without a target of its own is monitored, never held to the city's 6
        assert (ev["target"], ev["attainment"], ev["status"]) == (None, None, "monitoring")


def test_csv_header_and_rows(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys, "status", "--plan", BUNDLED, "--as-of", "2024-12-31", "--format", "csv"
    )
    assert code == 0
    rows = list(csv.reader(io.StringIO(out)))
    header = rows[0]
    assert header[0] == "id"
    assert {"status", "attainment", "growth_ratio", "final"} <= set(header)
    assert len(rows) == 1 + len(load_plan(BUNDLED).indicators)
    tm = dict(zip(header, next(r for r in rows if r[0] == "trademarks_valid"), strict=True))
    assert float(tm["attainment"]) == pytest.approx(0.7514, rel=1e-12)  # 22542 / 30000
    assert float(tm["gap"]) == 7458
    assert float(tm["growth_ratio"]) == pytest.approx(1.1052738, rel=1e-6)
    assert tm["status"] == "on_track"
    assert tm["final"] == "false"
    nodata = dict(zip(header, rows[1], strict=True))
    assert nodata["attainment"] == ""  # null → empty cell


TINY_TARGETS = """\
plan:
  id: tiny
  title: "=cmd|' /C calc'!A0"
  region: 甲市
  baseline: "2023"
  deadline: 2025-12-31
indicators:
  - id: risky
    name: '=HYPERLINK("http://x")|a'
    unit: "@u"
    kind: stock
    target:
      type: level
      value: 10
  - id: plus
    name: "+1 <b>*x*</b>"
    unit: "-"
    kind: stock
"""


@pytest.fixture
def tiny_plan(tmp_path: Path) -> Path:
    plan = tmp_path / "tiny"
    (plan / "actuals").mkdir(parents=True)
    (plan / "targets.yaml").write_text(TINY_TARGETS, encoding="utf-8")
    (plan / "actuals" / "risky.csv").write_text("period,value\n2023,5\n", encoding="utf-8")
    return plan


def test_csv_neutralises_formula_cells(capsys: pytest.CaptureFixture[str], tiny_plan: Path) -> None:
    code, out, _ = run(
        capsys, "status", "--plan", str(tiny_plan), "--as-of", "2024-12-31", "--format", "csv"
    )
    assert code == 0
    rows = list(csv.reader(io.StringIO(out)))
    header = rows[0]
    risky = dict(zip(header, next(r for r in rows if r[0] == "risky"), strict=True))
    assert risky["name"] == '\'=HYPERLINK("http://x")|a'
    assert risky["unit"] == "'@u"
    plus = dict(zip(header, next(r for r in rows if r[0] == "plus"), strict=True))
    assert plus["name"].startswith("'+1")
    assert plus["unit"] == "'-"
    for row in rows[1:]:
        for cell in row:
            assert not cell.startswith(("=", "+", "@", "\t", "\r")), cell
            # a negative number is a number, not a formula; text must not start with "-"
            if cell.startswith("-"):
                float(cell)


def test_markdown_table(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys, "status", "--plan", BUNDLED, "--as-of", "2024-12-31", "--format", "markdown"
    )
    assert code == 0
    # attainment 75.14 % → 75.1%; progress 0 / time 50.07 % → 0/50%;
    # need 15.35 % / actual 16.97 % → 15.4/17.0%; projection 30847.08 → 30,847
    row = (
        "| 有效注册商标量 | 30,000 | 22,542 | 2023 | 75.1% | 0/50% | 15.4/17.0% | 30,847 "
        "| 进度正常 |"
    )
    assert row in out.splitlines()
    assert "**7 项目标：进度正常 1 项，严重滞后 1 项，缺数据 5 项**" in out
    assert out.splitlines()[0].startswith("# ")


def test_markdown_escapes_data(capsys: pytest.CaptureFixture[str], tiny_plan: Path) -> None:
    code, out, _ = run(
        capsys,
        "status",
        "--plan",
        str(tiny_plan),
        "--as-of",
        "2024-12-31",
        "--format",
        "markdown",
        "--lang",
        "en",
    )
    assert code == 0
    assert "<b>" not in out
    assert "&lt;b&gt;" in out
    assert '=HYPERLINK("http://x")\\|a' in out
    # every table row keeps its column count despite the | in the data
    risky = next(line for line in out.splitlines() if "HYPERLINK" in line)
    assert risky.replace("\\|", "").count("|") == 10  # 9 columns


# --------------------------------------------------------------------------- exit codes


def test_exit_0(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "status", "--plan", BUNDLED, "--as-of", "2024-12-31")[0] == 0


def test_exit_2_unknown_option(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "status", "--plan", BUNDLED, "--bogus")
    assert code == 2
    assert "Traceback" not in err
    assert "--bogus" in err


def test_unknown_option_message_follows_the_error_line_format(
    capsys: pytest.CaptureFixture[str],
) -> None:
    _, _, err = run(capsys, "status", "--plan", BUNDLED, "--bogus")
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1
    assert lines[0].startswith("error: ")


@pytest.mark.parametrize("bad", ["2024-13-01", "tomorrow", "2024/12/31x"])
def test_exit_2_bad_as_of(capsys: pytest.CaptureFixture[str], bad: str) -> None:
    code, out, err = run(capsys, "status", "--plan", BUNDLED, "--as-of", bad)
    assert code == 2
    assert out == ""
    assert err.startswith("error: ")
    assert bad in err
    assert "Traceback" not in err


@pytest.mark.parametrize(
    "args", [("bogus-command",), ("status", "--format", "xml"), ("status", "--lang", "fr")]
)
def test_exit_2_bad_command_or_choice(
    capsys: pytest.CaptureFixture[str], args: tuple[str, ...]
) -> None:
    code, out, err = run(capsys, *args)
    assert code == 2
    assert out == ""
    assert "Traceback" not in err


def test_exit_2_unknown_region(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "status", "--plan", BUNDLED, "--region", "不存在县")
    assert code == 2
    assert out == ""
    assert err.startswith("error: ") and "不存在县" in err


def test_unknown_region_lists_the_units_in_the_messages_language(
    capsys: pytest.CaptureFixture[str],
) -> None:
    units = ["随州市", "曾都区", "随县", "广水市", "随州高新区", "大洪山风景名胜区"]
    code, _, err = run(capsys, "status", "--plan", BUNDLED, "--region", "广水")
    assert code == 2
    assert err == f"error: 没有地区“广水”; 是否指 广水市？已有的地区：{'、'.join(units)}\n"
    code, _, err = run(capsys, "status", "--plan", BUNDLED, "--region", "广水", "--lang", "en")
    assert code == 2  # joined with ", " in English (was 、)
    hint = f"did you mean 广水市? known regions: {', '.join(units)}"
    assert err == f"error: no region '广水'; {hint}\n"


def test_exit_3_plan_folder_without_targets(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, err = run(capsys, "status", "--plan", str(tmp_path))
    assert code == 3
    assert out == ""
    assert err.startswith(f"error: {tmp_path}")
    assert "targets.yaml" in err
    assert "Traceback" not in err


def test_exit_3_broken_csv(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    plan = copy_bundled(tmp_path)
    path = plan / "actuals" / "trademarks_valid.csv"
    text = path.read_text(encoding="utf-8-sig")
    lines = text.splitlines(keepends=True)
    assert lines[2].startswith("2022,19724,")  # line 3 of the file
    lines[2] = lines[2].replace("2022,19724,", "2022,abc,", 1)
    path.write_text("\ufeff" + "".join(lines), encoding="utf-8")
    before = path.read_bytes()
    code, out, err = run(capsys, "status", "--plan", str(plan), "--lang", "en")
    assert code == 3
    assert out == ""
    # the value column is the 2nd: line 3, column 2
    assert err.startswith(f"error: {path}:3:2: ")
    assert "abc" in err
    assert "Traceback" not in err
    assert path.read_bytes() == before  # nothing touched


def test_subprocess_error_has_no_traceback(tmp_path: Path) -> None:
    env = {**os.environ, "NO_COLOR": "1"}
    env.pop("IPPLAN_PLAN", None)
    proc = subprocess.run(
        [sys.executable, "-m", "ipplan", "status", "--plan", str(tmp_path)],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert proc.returncode == 3
    assert "Traceback" not in proc.stderr
    assert proc.stderr.startswith("error: ")


# --------------------------------------------------------------------------- imports

CORE = (
    "ipplan, ipplan.analysis.evaluate, ipplan.data.plan, ipplan.data.actuals, "
    "ipplan.analysis.series, ipplan.analysis.project"
)


def _modules_after(code: str) -> set[str]:
    script = code + "\nimport sys, json\nprint(json.dumps(sorted(sys.modules)))\n"
    proc = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "NO_COLOR": "1"},
    )
    assert proc.returncode == 0, proc.stderr
    last = proc.stdout.strip().splitlines()[-1]
    return {name.split(".")[0] for name in json.loads(last)}


def test_core_imports_neither_typer_nor_rich() -> None:
    roots = _modules_after(f"import {CORE}")
    assert "ipplan" in roots
    assert not roots & {"typer", "rich"}


@pytest.mark.parametrize("flag", ["--help", "--version"])
def test_help_and_version_do_not_import_heavy_libraries(flag: str) -> None:
    code = (
        "import sys\nfrom ipplan.cli.app import main\n"
        f"try:\n    main([{flag!r}])\nexcept SystemExit:\n    pass\n"
    )
    roots = _modules_after(code)
    assert "typer" in roots  # the CLI really ran
    assert not roots & {"pandas", "matplotlib", "openpyxl", "docx"}


@pytest.mark.parametrize(
    ("args", "code", "says"),
    [
        (("status", "--as-of", ""), 2, "日期“”无效"),
        (("status", "--plan", ""), 2, "方案目录的路径为空"),
        (("init", ""), 2, "方案目录的路径为空"),
    ],
)
def test_empty_arguments_are_usage_errors(
    capsys: pytest.CaptureFixture[str], args: tuple[str, ...], code: int, says: str
) -> None:
    got, out, err = run(capsys, *args)
    assert (got, out) == (code, "")
    assert err.startswith("error: ") and says in err


def test_a_file_given_as_the_plan_folder(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "plan.txt"
    path.write_text("x", encoding="utf-8")
    got, _, err = run(capsys, "status", "--plan", str(path))
    assert got == 3
    assert (
        err == f"error: {path}: {path} 是文件，不是方案目录; --plan 应指向含 targets.yaml 的目录\n"
    )


def test_actuals_that_is_a_file_is_reported(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    import shutil

    shutil.copy(Path(BUNDLED) / "targets.yaml", tmp_path / "targets.yaml")
    (tmp_path / "actuals").write_text("", encoding="utf-8")
    got, _, err = run(capsys, "check", "--plan", str(tmp_path), "--format", "json")
    assert got == 1
    got, _, err = run(capsys, "status", "--plan", str(tmp_path))
    assert got == 3 and "actuals 是文件，不是目录" in err


def test_ipplan_today_is_the_default_as_of(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # the CLI's clock: IPPLAN_TODAY pins the day that --as-of defaults to
    monkeypatch.setenv("IPPLAN_TODAY", "2024-12-31")
    code, pinned, _ = run(capsys, "status", "-f", "json")
    monkeypatch.delenv("IPPLAN_TODAY")
    code2, explicit, _ = run(capsys, "status", "-f", "json", "--as-of", "2024-12-31")
    assert (code, code2) == (0, 0)
    assert json.loads(pinned)["as_of"] == "2024-12-31"
    assert pinned == explicit
