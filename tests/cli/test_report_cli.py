"""`ipplan report`: every format from the command line, file names, failures that write nothing."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from ipplan.cli.app import main
from ipplan.data.plan import bundled_plan_dir

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

    from ipplan.analysis.evaluate import evaluate_plan
    from ipplan.cli import report as command
    from ipplan.data.actuals import load_actuals
    from ipplan.data.plan import load_plan
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


def test_office_form_options(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["report", "-f", "markdown", "--as-of", "2026-11-30", "-o", "-"]
    code, out, err = run(
        [
            *args,
            *("--issuer", "随州市市场监督管理局", "--date", "2026-12-05"),
            *("--compare-as-of", "2024-12-31"),
        ],
        monkeypatch,
        capsys,
        tmp_path,
    )
    assert code == 0, err
    assert "随州市市场监督管理局\n\n2026年12月5日" in out
    assert "| 上期状态 | 完成率比上期 |" in out
    assert "有效地理标志由上期（2024年12月31日）的“严重滞后”变为“预计未完成”。" in out


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--compare-as-of", "2026-11-30"], "不早于本期"),
        (["--issuer", "  "], "--issuer 为空"),
        (["--date", "tomorrow"], "tomorrow"),
        (["-f", "html", "--template", "t.docx"], "只用于 Word 报告"),
        (["--template", "missing.docx"], "找不到模板文件"),
        (["--template", "bad.docx"], "不是有效的 Word 文档"),
    ],
)
def test_office_form_usage_errors(
    extra: list[str],
    message: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    (tmp_path / "bad.docx").write_bytes(b"not a zip")
    (tmp_path / "t.docx").write_bytes(b"not a zip")
    args = ["report", "-f", "docx", "--as-of", "2026-11-30", "-o", "r.docx", *extra]
    code, _, err = run(args, monkeypatch, capsys, tmp_path)
    assert code == 2 and message in err, err
    assert len(err.strip().splitlines()) == 1
    assert not (tmp_path / "r.docx").exists()


def test_template_keeps_the_offices_styles(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import docx
    from docx.shared import Cm, Pt

    template = docx.Document()
    template.styles["Normal"].font.name = "Office Body"
    template.styles["Normal"].font.size = Pt(15)
    template.sections[0].left_margin = Cm(3.1)
    template.sections[0].header.paragraphs[0].text = "随州市知识产权局文件"
    template.add_paragraph("placeholder body text")
    template.save(str(tmp_path / "office.docx"))
    code, _, err = run(
        [
            "report",
            "-f",
            "docx",
            "--as-of",
            "2024-12-31",
            "-o",
            "r.docx",
            "--template",
            "office.docx",
        ],
        monkeypatch,
        capsys,
        tmp_path,
    )
    assert code == 0, err
    made = docx.Document(str(tmp_path / "r.docx"))
    assert made.styles["Normal"].font.name == "Office Body"
    assert made.styles["Normal"].font.size == Pt(15)
    assert abs(made.sections[0].left_margin - Cm(3.1)) < Cm(0.01)  # stored in twips
    assert made.sections[0].header.paragraphs[0].text == "随州市知识产权局文件"
    texts = [p.text for p in made.paragraphs]
    assert "placeholder body text" not in texts
    assert "一、总体情况" in texts
