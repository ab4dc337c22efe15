"""Writing a report: atomic to a file, in place to a device, FIFO or standard output;
nothing half-written, one clear error when a write fails."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from ipplan.core.errors import FileBusyError, UsageError, WriteError
from ipplan.report.output import write_output


def test_writes_and_replaces(tmp_path: Path) -> None:
    target = tmp_path / "r.md"
    write_output(target, b"one")
    write_output(target, b"two")
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
        write_output(target, b"new")
    assert info.value.code == "store.busy"  # the one error of the one atomic writer
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["r.docx"]


def test_a_failed_file_write_is_the_same_error_as_a_failed_stream_write(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(WriteError) as info:
        write_output(tmp_path / "r.md", b"x")
    assert info.value.code == "store.write_failed" and info.value.exit_code == 3
    assert list(tmp_path.iterdir()) == []  # the temp file is gone


def test_missing_folder_and_folder_as_file(tmp_path: Path) -> None:
    with pytest.raises(UsageError) as info:
        write_output(tmp_path / "nope" / "r.html", b"x")
    assert info.value.code == "report.no_folder"
    with pytest.raises(UsageError) as info:
        write_output(tmp_path, b"x")
    assert info.value.code == "report.output_is_dir"
    assert list(tmp_path.iterdir()) == []


# ------------------------------------------------------------------ output targets


def test_a_symlink_is_followed_and_kept(tmp_path: Path) -> None:
    real = tmp_path / "real.md"
    real.write_bytes(b"old")
    link = tmp_path / "link.md"
    link.symlink_to(real)
    write_output(link, b"new")
    assert link.is_symlink() and real.read_bytes() == b"new"


@pytest.mark.skipif(not Path("/dev/null").exists(), reason="POSIX devices")
def test_a_device_is_written_in_place_never_replaced(tmp_path: Path) -> None:
    before = os.stat("/dev/null")
    write_output("/dev/null", b"report")
    after = os.stat("/dev/null")
    assert stat.S_ISCHR(after.st_mode) and after.st_ino == before.st_ino
    assert not list(Path("/dev").glob(".null.*.tmp"))


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="Linux /dev/full")
def test_a_failed_write_to_a_device_is_one_error() -> None:
    with pytest.raises(WriteError) as info:  # the writers' one error, a DataError (exit 3)
        write_output("/dev/full", b"x" * 100_000)
    assert info.value.code == "output.write_failed"
    assert str(info.value).count("error:") == 1 and "/dev/full" in str(info.value)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX FIFOs")
def test_a_fifo_is_written_to_its_reader(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()))
    reader.start()
    write_output(fifo, b"line 1\nline 2\n" * 10_000)  # more than a pipe buffer holds
    reader.join(timeout=30)
    assert got == [b"line 1\nline 2\n" * 10_000]
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)  # still a FIFO, not a file
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pipe"]


def test_stdout_names_go_to_standard_output(capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    for name in ("-", "/dev/stdout"):
        write_output(name, "报告\n".encode())
    assert capsysbinary.readouterr().out == "报告\n报告\n".encode()


ROOT = Path(__file__).resolve().parents[2]
REPORT = "from ipplan.cli.app import main; main()"


def _report(target: str, stdout: object, tmp_path: Path) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "NO_COLOR": "1", "PYTHONPATH": str(ROOT)}
    env.pop("IPPLAN_PLAN", None)
    args = ["report", "-f", "markdown", "--as-of", "2024-12-31", "-o", target, "--lang", "en"]
    return subprocess.run(
        [sys.executable, "-c", REPORT, *args],
        stdout=stdout, stderr=subprocess.PIPE, cwd=tmp_path, env=env, timeout=120,
    )  # fmt: skip


@pytest.mark.skipif(not Path("/dev/stdout").exists(), reason="POSIX /dev/stdout")
def test_report_to_dev_stdout_through_a_pipe(tmp_path: Path) -> None:
    proc = _report("/dev/stdout", subprocess.PIPE, tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith(b"# ")  # the Markdown report itself, on the pipe
    assert list(tmp_path.iterdir()) == []
    assert Path("/dev/stdout").is_symlink()


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="Linux /dev/full")
@pytest.mark.parametrize("target", ["-", "/dev/stdout", "/dev/full"])
def test_report_to_a_full_device_says_so_and_fails(target: str, tmp_path: Path) -> None:
    with open("/dev/full", "wb") as full:
        proc = _report(target, full, tmp_path)
    assert proc.returncode == 3
    lines = proc.stderr.decode().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and "failed" in lines[0], lines
    assert "No space left on device" in lines[0]


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="POSIX terminals")
def test_a_terminal_gets_text_but_never_a_binary_file() -> None:
    master, slave = os.openpty()
    try:
        terminal = os.ttyname(slave)
        with pytest.raises(UsageError) as info:
            write_output(terminal, b"PK\x03\x04\xff\x1b[2J")  # a zip: a Word file
        assert info.value.code == "output.binary_terminal"
        write_output(terminal, "报告\n".encode())
        assert "报告".encode() in os.read(master, 100)
    finally:
        os.close(master)
        os.close(slave)
