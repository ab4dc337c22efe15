"""Writing a report: atomic, nothing half-written, clear errors."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from ipplan.errors import FileBusyError, UsageError
from ipplan.report.output import write_atomic


def test_writes_and_replaces(tmp_path: Path) -> None:
    target = tmp_path / "r.md"
    write_atomic(target, b"one")
    write_atomic(target, b"two")
    assert target.read_bytes() == b"two"
    assert [p.name for p in tmp_path.iterdir()] == ["r.md"]  # no temporary file left
    assert os.stat(target).st_mode & 0o444 == 0o444 & ~_umask()


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def test_a_failed_write_keeps_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "r.docx"
    target.write_bytes(b"old")

    def refuse(src: str, dst: str) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(FileBusyError) as info:
        write_atomic(target, b"new")
    assert info.value.code == "store.busy"  # the one error of the one atomic writer
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["r.docx"]


def test_missing_folder_and_folder_as_file(tmp_path: Path) -> None:
    with pytest.raises(UsageError) as info:
        write_atomic(tmp_path / "nope" / "r.html", b"x")
    assert info.value.code == "report.no_folder"
    with pytest.raises(UsageError) as info:
        write_atomic(tmp_path, b"x")
    assert info.value.code == "report.output_is_dir"
    assert list(tmp_path.iterdir()) == []
