"""Two processes for `regions --format json` on a large plan (ipplan.engine.fork): the
second half really is computed by a child, any failure of the child falls back to one
process without a word, and the JSON is byte for byte that of one process."""

from __future__ import annotations

import json
import os
import time
from collections.abc import Sequence
from pathlib import Path

import pytest

from ipplan.engine import fork, size
from ipplan.render import regions_json
from tests.engine.bench import national
from tests.engine.children import HOW, count_forks, failing
from tests.engine.test_engine_cli import run

LETTERS = list("abcdefg")


def text(parts: list[bytes]) -> list[str]:
    return [part.decode() for part in parts]


def pids(part: Sequence[str]) -> str:
    return f"{os.getpid()}:{''.join(part)}"


@pytest.fixture(autouse=True)
def _plain_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.delenv("IPPLAN_PLAN", raising=False)
    monkeypatch.delenv("IPPLAN_LANG", raising=False)
    monkeypatch.delenv("IPPLAN_PROCESSES", raising=False)
    monkeypatch.setattr(os, "cpu_count", lambda: 2)


def test_the_second_half_is_computed_by_a_child() -> None:
    first, second = (part.decode() for part in fork.in_two(LETTERS, pids))
    # 7 items: the larger half (4) here, the other 3 in the child
    assert first == f"{os.getpid()}:abcd"
    child, letters = second.split(":")
    assert letters == "efg" and int(child) != os.getpid()


def test_one_process_when_asked_or_when_there_is_one_core(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    me = os.getpid()
    monkeypatch.setenv("IPPLAN_PROCESSES", "1")
    assert text(fork.in_two(LETTERS, pids)) == [f"{me}:abcd", f"{me}:efg"]
    monkeypatch.delenv("IPPLAN_PROCESSES")
    monkeypatch.setattr(os, "cpu_count", lambda: 1)
    assert text(fork.in_two(LETTERS, pids)) == [f"{me}:abcd", f"{me}:efg"]
    monkeypatch.delattr(os, "fork")
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    assert text(fork.in_two(["a"], pids)) == [f"{me}:a", f"{me}:"]


@pytest.mark.parametrize("how", [*HOW, "no fork"])
def test_a_failing_child_is_replaced_by_the_parent(
    monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str], how: str
) -> None:
    me = os.getpid()
    work = failing(how, pids, monkeypatch)
    if how == "no fork":

        def refuse() -> int:
            raise OSError("EAGAIN")

        monkeypatch.setattr(os, "fork", refuse)
    assert text(fork.in_two(LETTERS, work)) == [f"{me}:abcd", f"{me}:efg"]
    out, err = capfd.readouterr()
    assert out == "" and err == ""  # no traceback, no word


def test_a_failure_of_the_parent_ends_the_child(monkeypatch: pytest.MonkeyPatch) -> None:
    me = os.getpid()

    def work(part: Sequence[str]) -> str:
        if os.getpid() == me:
            raise ValueError("in the parent")
        return "x" * (1 << 20)  # more than a pipe holds: the child waits to write

    with pytest.raises(ValueError, match="in the parent"):
        fork.in_two(LETTERS, work)
    with pytest.raises(ChildProcessError):
        os.waitpid(-1, os.WNOHANG)  # the child was reaped: no zombie left


def test_regions_json_the_same_in_two_processes(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """A 12-unit plan through the engine, the compact layout forced from 4 units, by the
    one-table path (what ``regions`` falls back to when the work cannot be shared by
    indicators, tests/cli/test_regions_large.py): the JSON of two processes is that of
    one, byte for byte, and the same object as the row-by-row path's indented JSON."""
    from ipplan.cli import regions_large

    monkeypatch.setattr(regions_large, "items", lambda plan, files: [])  # nothing to share
    national.write_plan(tmp_path, 12)
    args = ["regions", "--plan", str(tmp_path), "--as-of", "2025-07-31", "--format", "json"]
    monkeypatch.setenv("IPPLAN_CACHE_DIR", "off")  # no stored output: computed each time
    monkeypatch.setattr(size, "LARGE_BYTES", 10**12)
    rows = run(capsys, *args)
    monkeypatch.setattr(size, "LARGE_BYTES", 0)
    monkeypatch.setattr(regions_json, "COMPACT_UNITS", 3)
    forked = count_forks(monkeypatch)
    two = run(capsys, *args)
    assert len(forked) == 2  # one child reads the later files, one writes the later units
    monkeypatch.setenv("IPPLAN_PROCESSES", "1")
    one = run(capsys, *args)
    assert len(forked) == 2
    assert two == one
    assert two != rows and json.loads(two) == json.loads(rows)  # compact vs indented
    assert len(json.loads(two)["regions"]) == 13


def test_an_interrupt_while_waiting_for_the_child_ends_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Ctrl-C (KeyboardInterrupt) reaching this process alone while it waits for the
    child: the child is killed and reaped, not left computing (and holding the plan's read
    lock)."""

    def slow() -> list[str]:
        time.sleep(30)
        return ["late"]

    child = fork.Child(slow)
    assert child.pid

    def interrupted(read_end: int, timeout: float | None) -> list[bytes]:
        raise KeyboardInterrupt

    monkeypatch.setattr(fork, "_receive", interrupted)
    started = time.monotonic()
    with pytest.raises(KeyboardInterrupt):
        child.in_time()
    assert time.monotonic() - started < 5
    with pytest.raises(ChildProcessError):
        os.waitpid(-1, os.WNOHANG)  # no child left behind
    assert child.result() is None and child.pid == 0


@pytest.mark.parametrize("memory_file", [True, False])
def test_the_answer_comes_through_a_memory_file_or_the_pipe(
    monkeypatch: pytest.MonkeyPatch, memory_file: bool
) -> None:
    """The child's answer (more than a pipe holds) is the same whether it is left in a
    memory file (Linux's memfd: the child ends as soon as it has written it) or sent
    through the pipe (where there is none)."""
    if not memory_file:
        monkeypatch.delattr(os, "memfd_create", raising=False)
    elif not hasattr(os, "memfd_create"):
        pytest.skip("no memfd on this system")
    big = ["x" * 300_000, "é" * 200_000, "z"]
    child = fork.Child(lambda: big)
    assert (child.store >= 0) == memory_file
    assert child.result() == "".join(big).encode("utf-8")
    assert child.store == -1  # closed
    with pytest.raises(ChildProcessError):
        os.waitpid(-1, os.WNOHANG)
