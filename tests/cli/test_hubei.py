"""`ipplan init DIR --template hubei`: Hubei's 2025 targets (鄂知发〔2025〕2号) with the
published figures, judged as of 2026-11-30. Every expected value worked by hand from
ipplan/templates/hubei/actuals/."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ipplan.cli.app import main


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as done:
        main(list(args))
    out, err = capsys.readouterr()
    return int(done.value.code or 0), out, err


@pytest.fixture
def hubei(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    folder = tmp_path / "湖北"
    code, out, _ = run(capsys, "init", str(folder), "--template", "hubei")
    assert code == 0 and "模板 hubei" in out
    return folder


def test_the_template_passes_check(hubei: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", "--plan", str(hubei))
    assert (code, out) == (0, "检查完毕，未发现问题。\n")


def test_final_verdicts_as_of_2026_11_30(hubei: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "status", "--plan", str(hubei), "--as-of", "2026-11-30",
                       "--format", "json")  # fmt: skip
    assert code == 0
    found = {i["id"]: i for i in json.loads(out)["indicators"]}
    # 发明专利有效量: 19.53万 = 195,300 < 230,000 in 2025 → missed; 195300 / 230000 = 0.849130
    # progress from the 2024 baseline 167,777: (195300 − 167777) / (230000 − 167777)
    # = 27523 / 62223 = 0.442329
    ipv = found["invention_patents_valid"]
    assert (ipv["status"], ipv["final"]) == ("missed", True)
    assert ipv["latest"]["value"] == 195300
    assert ipv["attainment"] == pytest.approx(0.849130, abs=1e-6)
    assert ipv["progress"] == pytest.approx(0.442329, abs=1e-6)
    # 万人高价值发明专利拥有量: 13.7 < 15 → missed; 13.7 / 15 = 0.913333
    hv = found["high_value_invention_patents_per_10k"]
    assert (hv["status"], hv["final"], hv["latest"]["value"]) == ("missed", True, 13.7)
    assert hv["attainment"] == pytest.approx(0.913333, abs=1e-6)
    # 有效商标注册量: 126.82万 = 1,268,200 < 1,300,000 → missed; 1268200 / 1300000 = 0.975538
    tm = found["trademarks_valid"]
    assert (tm["status"], tm["final"], tm["latest"]["value"]) == ("missed", True, 1268200)
    assert tm["attainment"] == pytest.approx(0.975538, abs=1e-6)
    # 年度PCT国际专利申请: no 2025 figure published → no verdict, the figure is awaited;
    # latest 2021 = 1691: attainment 1691 / 2000 = 0.8455
    pct = found["pct_applications"]
    assert pct["final"] is False and pct["status"] not in ("achieved", "missed")
    assert pct["latest"] == {"period": "2021", "value": 1691, "source": pct["latest"]["source"],
                             "flag": None}  # fmt: skip
    assert pct["attainment"] == pytest.approx(0.8455)
    assert "final_awaited" in pct["notes"]


def test_before_the_deadline_the_same_plan_forecasts(
    hubei: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, out, _ = run(capsys, "status", "--plan", str(hubei), "--as-of", "2025-06-30",
                    "--format", "json")  # fmt: skip
    found = {i["id"]: i for i in json.loads(out)["indicators"]}
    # only 2024 is known: 167,777 (2025's 195,300 is hidden until 2025-12-31)
    assert found["invention_patents_valid"]["latest"]["value"] == 167777
    assert found["invention_patents_valid"]["final"] is False


def test_the_report_gives_the_verdicts(hubei: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "report", "--plan", str(hubei), "--as-of", "2026-11-30",
                       "--format", "markdown", "--output", "-")  # fmt: skip
    assert code == 0
    assert "| 发明专利有效量（件） | 230,000 | 195,300 | 2025 | 84.9% |" in out
    assert "| 有效商标注册量（件） | 1,300,000 | 1,268,200 | 2025 | 97.6% |" in out
    assert out.count("未完成") >= 3


def test_every_figure_has_its_sentence_and_url() -> None:
    import csv

    folder = Path(__file__).resolve().parents[2] / "ipplan" / "templates" / "hubei" / "actuals"
    rows = 0
    for path in folder.glob("*.csv"):
        for row in csv.DictReader(path.read_text(encoding="utf-8-sig").splitlines()):
            rows += 1
            assert row["source"].startswith("http") and "“" in row["source"], path.name
    assert rows == 26
