"""`ipplan report` on a hostile plan: every format comes out, under a safe file name."""

from __future__ import annotations

from pathlib import Path

import pytest
from report_plans import make_hostile

from ipplan.cli.app import main

FORMATS = {"docx": "docx", "xlsx": "xlsx", "html": "html", "markdown": "md", "json": "json"}


def run(
    args: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], cwd: Path
) -> tuple[int, str, str]:
    monkeypatch.chdir(cwd)
    monkeypatch.setenv("NO_COLOR", "1")
    with pytest.raises(SystemExit) as info:
        main(args)
    out, err = capsys.readouterr()
    return int(info.value.code or 0), out, err


def test_hostile_plan_every_format(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = make_hostile(tmp_path / "hostile")
    for fmt, ext in FORMATS.items():
        code, _, err = run(
            ["report", "-f", fmt, "--plan", str(plan), "--as-of", "2025-06-30"],
            monkeypatch,
            capsys,
            tmp_path,
        )
        assert code == 0, err
        assert (tmp_path / f"evil_plan_script-report-2025-06-30.{ext}").is_file()
