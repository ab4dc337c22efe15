"""`ipplan need`, `ipplan propose` and `ipplan init --from` from the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from ipplan.cli.app import main


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as done:
        main(list(args))
    out, err = capsys.readouterr()
    return int(done.value.code or 0), out, err


@pytest.fixture(autouse=True)
def _plain(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.delenv("IPPLAN_PLAN", raising=False)
    monkeypatch.delenv("IPPLAN_LANG", raising=False)


def test_need_per_10k_on_the_bundled_plan(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "need", "invention_patents_per_10k", "--as-of", "2024-12-31")
    assert code == 0
    # 3 × 2,047,923 (七普常住人口) / 10,000 = 614.3769 → 615 patents
    assert "折合有效发明专利：3件 × 2,047,923人 ÷ 10,000 = 615件" in out
    assert "常住人口 2020 = 2,047,923" in out


def test_need_json_contract(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "need", "trademarks_valid", "--as-of", "2024-12-31",
                       "--by", "quarter", "--format", "json")  # fmt: skip
    assert code == 0
    data = json.loads(out)
    for key in ("id", "target", "latest", "remaining", "per_month", "path", "absolute"):
        assert key in data
    # 30000 − 22542 = 7458 over the 24 months of 2024–2025: 310.75 a month
    assert (data["target"], data["remaining"], data["per_month"]) == (30000, 7458, 310.75)
    assert data["latest"] == {"period": "2023", "value": 22542}
    # quarter 1 of 8: 22542 + 7458 × 3/24 = 23474.25
    assert data["path"][0]["period"] == "2024-Q1" and data["path"][0]["linear"] == 23474.25
    assert data["path"][-1] == {"period": "2025-Q4", "linear": 30000, "cagr": 30000, "flow": None}
    assert data["absolute"] is None


def test_need_says_where_its_months_are_counted_from(capsys: pytest.CaptureFixture[str]) -> None:
    # as of 2024-12-31, 12 months are left; the path runs over the 24 months from the latest
    # figure (2023) to the deadline: 7,458 ÷ 24 = 310.75 → 310.8 a month (was "剩余 24 个月")
    code, out, _ = run(capsys, "need", "trademarks_valid", "--as-of", "2024-12-31")
    assert code == 0
    assert "尚差 7,458件，自最新数据至截止共 24 个月，平均每月需 310.8件" in out.splitlines()
    code, out, _ = run(capsys, "need", "trademarks_valid", "--as-of", "2024-12-31", "--lang", "en")
    assert out.splitlines()[3:5] == [
        "still 7,458 items to go in the 24 months from the latest figure to the deadline:",
        "  310.8 items a month",
    ]
    assert out.splitlines()[:2] == [
        "Valid registered trademarks (trademarks_valid): reach 30,000 items by",
        "  2025-12-31 · as of 2024-12-31",
    ]


def test_need_after_the_deadline_and_in_english(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "need", "有效注册商标量", "--as-of", "2026-11-30", "--lang", "en")
    assert code == 0
    assert "the deadline 2025-12-31 has passed: no path" in out


def test_need_refuses_a_growth_target(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "need", "trademark_intl_registrations", "--as-of", "2024-12-31")
    assert (code, out) == (2, "")
    assert err.startswith("error: 指标 trademark_intl_registrations 的目标是“稳步增长”")


def test_propose_json_contract_and_yaml_draft(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    hubei = tmp_path / "hubei"
    assert run(capsys, "init", str(hubei), "--template", "hubei")[0] == 0
    code, out, _ = run(capsys, "propose", "--horizon", "2030", "--plan", str(hubei),
                       "--as-of", "2026-11-30", "--format", "json")  # fmt: skip
    assert code == 0
    data = json.loads(out)
    assert (data["horizon"], data["as_of"]) == (2030, "2026-11-30")
    found = {i["id"]: i for i in data["indicators"]}
    ipv = found["invention_patents_valid"]
    assert set(ipv) >= {"id", "latest", "method", "candidates"}
    assert ipv["method"] == "drift_log" and ipv["latest"] == {"period": "2025", "value": 195300}
    low50, low80 = (c["value"] for c in ipv["candidates"])
    assert low50 > low80 > 195300  # a growing stock: the surer value is the lower one
    # one figure only: too short for any interval
    assert found["high_value_invention_patents_per_10k"]["method"] is None
    assert found["high_value_invention_patents_per_10k"]["candidates"][0]["value"] is None

    code, draft, _ = run(capsys, "propose", "--horizon", "2030", "--plan", str(hubei),
                         "--as-of", "2026-11-30", "--format", "yaml",
                         "--probability", "0.8")  # fmt: skip
    assert code == 0
    parsed = yaml.safe_load(draft)
    assert parsed["plan"]["deadline"].isoformat() == "2030-12-31"
    target = next(i for i in parsed["indicators"] if i["id"] == "invention_patents_valid")["target"]
    assert target["value"] == int(low80)  # a count: the 80 % value, rounded down
    assert "80%" in target["source"] and "对数漂移游走" in target["source"]
    path = tmp_path / "draft.yaml"
    path.write_text(draft, encoding="utf-8")
    code, out, _ = run(capsys, "init", str(tmp_path / "next"), "--from", str(path),
                       "--actuals-from", str(hubei))  # fmt: skip
    assert code == 0
    assert (tmp_path / "next" / "actuals" / "invention_patents_valid.csv").read_bytes() == (
        hubei / "actuals" / "invention_patents_valid.csv"
    ).read_bytes()
    code, out, _ = run(capsys, "status", "--plan", str(tmp_path / "next"), "--as-of",
                       "2026-11-30", "--format", "json")  # fmt: skip
    assert code == 0 and json.loads(out)["plan"]["deadline"] == "2030-12-31"


def test_init_from_a_bad_draft_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("plan:\n  id: x\n", encoding="utf-8")
    code, out, err = run(capsys, "init", str(tmp_path / "new"), "--from", str(bad))
    assert (code, out) == (3, "")
    assert f"error: {bad}:" in err
    assert not (tmp_path / "new").exists()


def test_propose_refuses_bad_options(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "propose", "--horizon", "2030", "--probability", "1.5")
    assert code == 2 and "概率“1.5”无效" in err
    code, _, err = run(capsys, "propose", "--horizon", "2020", "--as-of", "2024-12-31")
    assert code == 2 and "2020" in err
    code, _, err = run(capsys, "init", "x", "--from", "d.yaml", "--template", "blank")
    assert code == 2 and "--from 与 --template" in err


@pytest.mark.parametrize("horizon", ["2201", "99999"])
def test_propose_refuses_a_horizon_beyond_the_last_year(
    horizon: str, capsys: pytest.CaptureFixture[str]
) -> None:
    # periods end at year 2200 (ipplan.core.periods.MAX_YEAR); 99999 used to end in exit 70
    # (ValueError: year 99999 is out of range), 2201 in a draft no plan could read
    code, out, err = run(capsys, "propose", "--horizon", horizon, "--as-of", "2024-12-31")
    assert (code, out) == (2, "")
    assert f"目标年份 {horizon} 太远" in err and "最大为 2200" in err
    assert "内部错误" not in err
