"""`ipplan report`: every format from the command line, file names, failures that write nothing."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from ipplan.cli.app import main
from ipplan.plan import bundled_plan_dir

FORMATS = {"docx": "docx", "xlsx": "xlsx", "html": "html", "markdown": "md", "json": "json"}


def run(
    args: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], cwd: Path
) -> tuple[int, str, str]:
    monkeypatch.chdir(cwd)
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.delenv("IPPLAN_PLAN", raising=False)
    with pytest.raises(SystemExit) as info:
        main(args)
    out, err = capsys.readouterr()
    return int(info.value.code or 0), out, err


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_default_file_name(
    fmt: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(
        ["report", "--as-of", "2024-12-31", "--format", fmt], monkeypatch, capsys, tmp_path
    )
    name = f"suizhou-ip-2025-report-2024-12-31.{FORMATS[fmt]}"
    assert code == 0, err
    assert [p.name for p in tmp_path.iterdir()] == [name]
    assert err == f"报告已写入：{name}\n" and out == ""
    assert (tmp_path / name).stat().st_size > 1000


def test_output_and_english(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(
        ["report", "-f", "json", "--as-of", "2024-12-31", "--lang", "en", "-o", "out/r.json"],
        monkeypatch,
        capsys,
        tmp_path,
    )
    assert code == 2 and "the output folder does not exist: out" in err
    assert list(tmp_path.iterdir()) == []
    (tmp_path / "out").mkdir()
    code, _, err = run(
        ["report", "-f", "json", "--as-of", "2024-12-31", "--lang", "en", "-o", "out/r.json"],
        monkeypatch,
        capsys,
        tmp_path,
    )
    assert code == 0 and err == "report written: out/r.json\n"
    data = json.loads((tmp_path / "out" / "r.json").read_text(encoding="utf-8"))
    assert data["report"]["title"].startswith("Progress report:")


def test_stdout(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(
        ["report", "-f", "markdown", "--as-of", "2024-12-31", "-o", "-"],
        monkeypatch,
        capsys,
        tmp_path,
    )
    assert code == 0 and err == ""
    assert "## 二、指标完成情况表" in out
    assert list(tmp_path.iterdir()) == []


def test_bad_plan_writes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = tmp_path / "plan"
    shutil.copytree(bundled_plan_dir() / "actuals", plan / "actuals")
    shutil.copy(bundled_plan_dir() / "targets.yaml", plan / "targets.yaml")
    (plan / "actuals" / "trademarks_valid.csv").write_text(
        "period,value\n2023,lots\n", encoding="utf-8"
    )
    work = tmp_path / "work"
    work.mkdir()
    target = work / "r.docx"
    target.write_bytes(b"the old report")
    code, _, err = run(
        ["report", "-f", "docx", "--plan", str(plan), "-o", "r.docx"], monkeypatch, capsys, work
    )
    assert code == 3
    assert err.startswith("error: ") and "trademarks_valid.csv:2:" in err
    assert "Traceback" not in err
    assert target.read_bytes() == b"the old report"
    assert [p.name for p in work.iterdir()] == ["r.docx"]


def test_usage_errors(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, _ = run(["report", "-f", "pdf"], monkeypatch, capsys, tmp_path)
    assert code == 2
    code, _, _ = run(["report"], monkeypatch, capsys, tmp_path)
    assert code == 2
    code, _, err = run(["report", "-f", "html", "-o", str(tmp_path)], monkeypatch, capsys, tmp_path)
    assert code == 2 and "输出路径是一个文件夹" in err
    assert list(tmp_path.iterdir()) == []


def test_progress_bar_only_on_a_terminal(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from datetime import date

    from ipplan.actuals import load_actuals
    from ipplan.cli import report as command
    from ipplan.evaluate import evaluate_plan
    from ipplan.plan import load_plan
    from ipplan.report import build_report

    plan = load_plan(None)
    document = build_report(evaluate_plan(plan, load_actuals(plan), date(2024, 12, 31)), "zh")
    monkeypatch.setattr(command.sys.stderr, "isatty", lambda: False)
    command._render(document, "html", "zh")
    assert capsys.readouterr().err == ""
    monkeypatch.setattr(command.sys.stderr, "isatty", lambda: True)
    data = command._render(document, "html", "zh")
    assert data.count(b"<svg") == 3
    assert "绘制图表" in capsys.readouterr().err


def test_help_and_core_import_no_heavy_library() -> None:
    code = (
        "import sys, ipplan.report, ipplan.report.build\n"
        "heavy = {'typer', 'rich', 'matplotlib', 'docx', 'openpyxl'}\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & heavy))\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert proc.stdout.strip() == "[]"
    proc = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "ipplan", "report", "--help"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "--format" in proc.stdout
    loaded = {line.split("|")[-1].strip().split(".")[0] for line in proc.stderr.splitlines()}
    assert not loaded & {"matplotlib", "docx", "openpyxl", "pandas"}
