"""`ipplan init`, then record and status on the new plan."""

from __future__ import annotations

from pathlib import Path

import pytest

from ipplan.cli.app import main


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as done:
        main(list(args))
    out, err = capsys.readouterr()
    return int(done.value.code or 0), out, err


def test_init_blank_then_record_then_status(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.delenv("IPPLAN_PLAN", raising=False)
    folder = tmp_path / "myplan"
    code, out, _ = run(capsys, "init", str(folder), "--template", "blank")
    assert code == 0 and out.startswith(f"已新建方案目录 {folder}（模板 blank，1 个文件）")
    code, out, _ = run(capsys, "record", "有效注册商标量", "2023", "22542", "--plan", str(folder))
    assert code == 0
    # attainment = 22542 / 30000 = 0.7514 → 75.1%
    assert "完成率：75.1%" in out
    code, out, _ = run(capsys, "status", "--plan", str(folder), "--as-of", "2024-12-31")
    assert code == 0 and "30,000  22,542   75.1%" in out


def test_init_refuses_an_existing_plan(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "init", str(tmp_path / "p"))[0] == 0
    before = (tmp_path / "p" / "targets.yaml").read_bytes()
    code, out, err = run(capsys, "init", str(tmp_path / "p"), "--template", "blank")
    assert (code, out) == (2, "")
    assert "targets.yaml 已存在，未做任何改动" in err
    assert (tmp_path / "p" / "targets.yaml").read_bytes() == before


def test_init_says_what_the_folder_was_made_from_in_both_languages(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # the blank template is one file (targets.yaml); a draft without --actuals-from too
    monkeypatch.setenv("NO_COLOR", "1")
    code, out, _ = run(capsys, "init", str(tmp_path / "a"), "--template", "blank", "--lang", "en")
    assert code == 0 and out.startswith(
        f"made the plan folder {tmp_path / 'a'} (template blank, 1 file)."
    )
    draft = tmp_path / "draft.yaml"
    draft.write_text(
        (tmp_path / "a" / "targets.yaml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    code, out, _ = run(capsys, "init", str(tmp_path / "b"), "--from", str(draft), "--lang", "en")
    assert code == 0
    assert out.startswith(
        f"made the plan folder {tmp_path / 'b'} (from the draft {draft}, 1 file)."
    )
    code, out, _ = run(capsys, "init", str(tmp_path / "c"), "--from", str(draft))
    assert code == 0 and out.startswith(
        f"已新建方案目录 {tmp_path / 'c'}（草案 {draft}，1 个文件）"
    )
