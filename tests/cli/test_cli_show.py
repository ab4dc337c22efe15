"""`ipplan show` from the command line: exit codes, formats, errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from ipplan.cli.app import main


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    try:
        main(args)
    except SystemExit as exc:
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(autouse=True)
def _plain(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.delenv("IPPLAN_PLAN", raising=False)
    monkeypatch.delenv("IPPLAN_LANG", raising=False)


def test_show_table(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["show", "trademarks_valid", "--as-of", "2024-12-31"], capsys)
    assert code == 0
    assert out.startswith("有效注册商标量（trademarks_valid）")
    assert "\x1b" not in out


def test_show_by_chinese_name(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["show", "有效注册商标量", "--as-of", "2024-12-31", "-f", "json"], capsys)
    assert code == 0 and json.loads(out)["id"] == "trademarks_valid"


def test_show_json_with_method(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["show", "trademarks_valid", "--as-of", "2024-12-31", "--format", "json",
                        "--method", "weighted"], capsys)  # fmt: skip
    assert code == 0
    data = json.loads(out)
    assert data["projection"]["method"] == "weighted"
    assert data["projection_reason"] == "asked"
    assert {"history", "projections", "status", "attainment"} <= set(data)


def test_unknown_id_suggests_the_closest(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(["show", "trademark_valid"], capsys)
    assert code == 2 and out == ""
    assert err.startswith(
        "error: 没有指标“trademark_valid”; 是否指：trademarks_valid（有效注册商标量）"
    )
    code, _, err = run(["show", "商标量", "--lang", "en"], capsys)
    assert code == 2
    assert "did you mean: trademarks_valid (Valid registered trademarks)" in err


def test_show_takes_every_name_record_takes(capsys: pytest.CaptureFixture[str]) -> None:
    # issue 8: record accepted a name with its unit and show refused it; a full-width id
    # was met with a suggestion of gi_valid. One lookup (ipplan.core.lookup) for every command.
    for name in ["有效注册商标量（件）", "ｔｒａｄｅｍａｒｋｓ_valid", "TRADEMARKS_VALID"]:
        code, out, err = run(["show", name, "--as-of", "2024-12-31", "-f", "json"], capsys)
        assert (code, err) == (0, ""), name
        assert json.loads(out)["id"] == "trademarks_valid"


def test_full_width_typo_suggests_the_right_indicator(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(["show", "ｔｒａｄｅｍａｒｋ_valid"], capsys)
    assert code == 2
    assert "是否指：trademarks_valid（有效注册商标量）" in err
    assert "gi_valid" not in err.split("是否指：")[1].split("、")[0]


def test_bad_method_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(["show", "trademarks_valid", "--method", "magic"], capsys)
    assert code == 2 and "auto | linear | cagr | weighted" in err


def test_status_accepts_weighted(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["status", "--as-of", "2024-12-31", "-f", "json", "--method", "weighted"],
                       capsys)  # fmt: skip
    assert code == 0
    tm = next(i for i in json.loads(out)["indicators"] if i["id"] == "trademarks_valid")
    assert tm["projection"]["method"] == "weighted"


def test_piped_output_is_plain(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    env["COLUMNS"] = "80"
    proc = subprocess.run([sys.executable, "-m", "ipplan", "show", "trademarks_valid",
                           "--as-of", "2024-12-31"], capture_output=True, env=env, cwd=tmp_path,
                          check=False)  # fmt: skip
    assert proc.returncode == 0
    text = proc.stdout.decode("utf-8")
    assert "\x1b" not in text and "┄" in text
