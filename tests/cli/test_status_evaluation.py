"""`ipplan status --evaluation`, the `statuses:` block and `ipplan check` on it.

The plan: baseline 2021, deadline 2023-12-31; a (level 200) 2021 100, 2022 150, 2023
190; b (level 200) 2021 100, 2022 150, no 2023 figure yet.
- as of 2024-06-30 (final by date): a final, 190 / 200 = 0.95 → 未完成; b awaits 2023,
  estimate cagr 150 · 1.5 = 225 (365 days each way) → 预计已完成. 2 项中 0 项已完成.
- as of 2022-12-31 (midterm asked): a, b: progress (150 − 100) / 100 = 0.5 = 序时进度
  (365 / 730 days), green; growth: actual 1.5^(365.25/365) − 1 ≈ 0.5004 a year against
  required (200/150)^(365.25/365) − 1 ≈ 0.3336: ratio ≈ 1.500 ≥ 1.05 → 快于预期.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ipplan.cli.app import main

TARGETS = """\
plan:
  id: t
  title: 测试方案
  region: 测试市
  baseline: "2021"
  deadline: 2023-12-31
indicators:
  - id: a
    name: 甲
    target: {type: level, value: 200}
  - id: b
    name: 乙
    target: {type: level, value: 200}
"""
HEAD = "period,value,region,source,note,flag,yoy,published\n"


@pytest.fixture(autouse=True)
def _plain_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "80")
    for name in ("IPPLAN_PLAN", "IPPLAN_LANG", "IPPLAN_DEBUG", "FORCE_COLOR"):
        monkeypatch.delenv(name, raising=False)


def make(tmp_path: Path, extra: str = "") -> Path:
    (tmp_path / "targets.yaml").write_text(TARGETS + extra, encoding="utf-8")
    actuals = tmp_path / "actuals"
    actuals.mkdir()
    (actuals / "a.csv").write_text(HEAD + "2021,100,,,,,,\n2022,150,,,,,,\n2023,190,,,,,,\n")
    (actuals / "b.csv").write_text(HEAD + "2021,100,,,,,,\n2022,150,,,,,,\n")
    return tmp_path


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exc:
        main(list(args))
    out, err = capsys.readouterr()
    code = exc.value.code
    return (code if isinstance(code, int) else 1), out, err


def test_final_by_date_in_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    plan = str(make(tmp_path))
    code, out, _ = run(capsys, "status", "--plan", plan, "--as-of", "2024-06-30", "-f", "json")
    assert code == 0
    data = json.loads(out)
    a, b = data["indicators"]
    assert a["status"] == "missed" and a["final"] is True and a["attainment"] == 0.95
    # a: progress (190 − 100) / 100 = 0.9 against 序时进度 1: 10 points below, still green
    # by default (green down to 10 points below); the verdict is 未完成 all the same
    assert a["evaluation"] == {"verdict": "missed", "light": "green", "shortfall": 10,
                               "awaited": None, "estimate": None, "expected": None}  # fmt: skip
    assert b["evaluation"]["verdict"] == "awaited"
    assert b["evaluation"]["awaited"] == "2023"
    assert b["evaluation"]["estimate"] == pytest.approx(225)
    assert b["evaluation"]["expected"] == "achieved"
    ev = data["evaluation"]
    assert (ev["mode"], ev["scheme"], ev["targets"], ev["favourable"]) == ("final", "words", 2, 0)
    assert ev["counts"]["missed"] == 1 and ev["counts"]["awaited"] == 1


def test_table_final_and_count_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    plan = str(make(tmp_path))
    code, out, _ = run(capsys, "status", "--plan", plan, "--as-of", "2024-06-30")
    assert code == 0
    assert "终期评估" in out and "未完成" in out and "待终值" in out
    assert "终期评估：2 项中 0 项已完成，未完成 1 项，待终值 1 项" in out
    assert "尚无2023的数据" in out and "乙225（预计已完成）" in out
    assert all(len(line) <= 80 for line in out.splitlines())


def test_midterm_asked(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    plan = str(make(tmp_path))
    code, out, _ = run(capsys, "status", "--plan", plan, "--as-of", "2022-12-31", "-e", "midterm",
                       "--lang", "en")  # fmt: skip
    assert code == 0
    assert "Mid-term evaluation: 2 of 2 on course or ahead (2 ahead)" in out
    code, out, _ = run(capsys, "status", "--plan", plan, "--as-of", "2022-12-31")
    assert "中期评估" not in out  # not asked, before the deadline, no statuses: block


def test_lights_scheme(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    plan = str(make(tmp_path, "statuses:\n  scheme: lights\n  words: {green: 绿灯}\n"))
    code, out, _ = run(capsys, "status", "--plan", plan, "--as-of", "2022-12-31")
    assert code == 0
    assert "亮灯" in out and "绿灯" in out
    assert "亮灯：2 项中 2 项绿灯" in out
    code, out, _ = run(capsys, "status", "--plan", plan, "--as-of", "2022-12-31", "-f", "csv")
    header, first, _second = out.splitlines()
    assert header.endswith("evaluation,verdict,verdict_label,light,light_label,shortfall")
    assert first.endswith("midterm,ahead,快于预期,green,绿灯,0.0")


def test_check_reports_the_block(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    extra = "statuses:\n  thresholds: {ahead: 0.9}\n  lights: {yellow: 130}\n"
    plan = str(make(tmp_path, extra))
    code, out, _ = run(capsys, "check", "--plan", plan, "--format", "json", "--lang", "en")
    assert code == 1
    found = {(f["code"], f["line"], f["column"]) for f in json.loads(out)["findings"]}
    # line 15: "  thresholds: {ahead: 0.9}" (the value 0.9 at column 23);
    # line 16: "  lights: {yellow: 130}" (130 at column 20)
    assert ("statuses.order", 15, 23) in found
    assert ("statuses.points", 16, 20) in found
    code, _, err = run(capsys, "status", "--plan", plan)
    assert code == 3
    assert f"{plan}/targets.yaml:15:23:" in err


def test_bad_evaluation_option(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, _ = run(capsys, "status", "--plan", str(make(tmp_path)), "-e", "yearly")
    assert code == 2


def test_show_says_a_reached_target_is_reached(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # a reached 210 ≥ 200 in 2022: no "需年均下降…" (the fall back to the target)
    plan = make(tmp_path)
    (plan / "actuals" / "a.csv").write_text(HEAD + "2021,100,,,,,,\n2022,210,,,,,,\n")
    code, out, _ = run(capsys, "show", "a", "--plan", str(plan), "--as-of", "2022-12-31")
    assert code == 0
    flat = out.replace("\n", "")
    assert "2022已达到目标200（210），无需再增长" in flat
    assert "需年均下降" not in flat
    code, out, _ = run(capsys, "show", "a", "--plan", str(plan), "--as-of", "2022-12-31",
                       "--lang", "en")  # fmt: skip
    assert "no further growth is needed" in " ".join(out.split())


def test_show_json_carries_the_evaluation(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # b as of 2024-06-30: final by date, 2023 awaited, estimate 225 (see the module doc)
    plan = str(make(tmp_path))
    code, out, _ = run(capsys, "show", "b", "--plan", plan, "--as-of", "2024-06-30", "-f", "json")
    assert code == 0
    ev = json.loads(out)["evaluation"]
    assert (ev["verdict"], ev["awaited"], ev["expected"]) == ("awaited", "2023", "achieved")
    assert ev["estimate"] == pytest.approx(225)
