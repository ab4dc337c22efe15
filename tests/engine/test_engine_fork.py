"""Two processes for `regions --format json` on a large plan (ipplan.engine.fork): the
second half really is computed by a child, any failure of the child falls back to one
process without a word, and the JSON is byte for byte that of one process."""

from __future__ import annotations

import json
import os
import signal
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

from ipplan.engine import fork, load, size
from ipplan.render import regions_json
from tests.engine.bench import national
from tests.engine.test_engine_cli import run

LETTERS = list("abcdefg")


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
    first, second = fork.in_two(LETTERS, pids)
    # 7 items: the larger half (4) here, the other 3 in the child
    assert first == f"{os.getpid()}:abcd"
    child, letters = second.split(":")
    assert letters == "efg" and int(child) != os.getpid()


def test_one_process_when_asked_or_when_there_is_one_core(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    me = os.getpid()
    monkeypatch.setenv("IPPLAN_PROCESSES", "1")
    assert fork.in_two(LETTERS, pids) == [f"{me}:abcd", f"{me}:efg"]
    monkeypatch.delenv("IPPLAN_PROCESSES")
    monkeypatch.setattr(os, "cpu_count", lambda: 1)
    assert fork.in_two(LETTERS, pids) == [f"{me}:abcd", f"{me}:efg"]
    monkeypatch.delattr(os, "fork")
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    assert fork.in_two(["a"], pids) == [f"{me}:a", f"{me}:"]


@pytest.mark.parametrize("how", ["raises", "killed", "exit 0 silent", "no fork"])
def test_a_failing_child_is_replaced_by_the_parent(
    monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str], how: str
) -> None:
    me = os.getpid()

    def work(part: Sequence[str]) -> str:
        if os.getpid() != me:
            if how == "raises":
                raise RuntimeError("boom")
            if how == "killed":
                os.kill(os.getpid(), signal.SIGKILL)
            os._exit(0)  # without writing its answer
        return pids(part)

    if how == "no fork":

        def refuse() -> int:
            raise OSError("EAGAIN")

        monkeypatch.setattr(os, "fork", refuse)
    assert fork.in_two(LETTERS, work) == [f"{me}:abcd", f"{me}:efg"]
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
    """A 12-unit plan through the engine, the compact layout forced from 4 units: the JSON
    of two processes is that of one, byte for byte, and the same object as the row-by-row
    path's indented JSON."""
    national.write_plan(tmp_path, 12)
    args = ["regions", "--plan", str(tmp_path), "--as-of", "2025-07-31", "--format", "json"]
    monkeypatch.setenv("IPPLAN_CACHE_DIR", "off")  # no stored output: computed each time
    monkeypatch.setattr(size, "LARGE_BYTES", 10**12)
    rows = run(capsys, *args)
    monkeypatch.setattr(size, "LARGE_BYTES", 0)
    monkeypatch.setattr(regions_json, "COMPACT_UNITS", 3)
    forked: list[int] = []
    real_fork = os.fork

    def counted() -> int:
        pid = real_fork()
        if pid:
            forked.append(pid)
        return pid

    monkeypatch.setattr(os, "fork", counted)
    two = run(capsys, *args)
    assert len(forked) == 1
    monkeypatch.setenv("IPPLAN_PROCESSES", "1")
    one = run(capsys, *args)
    assert len(forked) == 1
    assert two == one
    assert two != rows and json.loads(two) == json.loads(rows)  # compact vs indented
    assert len(json.loads(two)["regions"]) == 13


def test_the_later_files_read_ahead_by_a_child(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """With the parsed-actuals cache on, a child reads the later files into it while the
    parent reads the first ones, then the parent takes them from the cache: the same JSON
    as one process reading every file, and the same columns."""
    from ipplan.data.plan import load_plan
    from ipplan.engine.load import read_table

    plan_dir = tmp_path / "plan"
    national.write_plan(plan_dir, 12)
    args = ["regions", "--plan", str(plan_dir), "--as-of", "2025-07-31", "--format", "json"]
    monkeypatch.setattr(size, "LARGE_BYTES", 0)
    monkeypatch.setattr(regions_json, "COMPACT_UNITS", 3)
    monkeypatch.setenv("IPPLAN_CACHE_DIR", str(tmp_path / "one"))
    monkeypatch.setenv("IPPLAN_PROCESSES", "1")
    one = run(capsys, *args)
    plan = load_plan(str(plan_dir), [])
    alone = read_table(plan)
    monkeypatch.delenv("IPPLAN_PROCESSES")
    forked: list[int] = []
    real_fork = os.fork

    def counted() -> int:
        pid = real_fork()
        if pid:
            forked.append(pid)
        return pid

    monkeypatch.setattr(os, "fork", counted)
    readers = tmp_path / "readers.txt"  # the process that parsed each file
    real_fast = load.fast_rows

    def fast(raw: bytes, name: str, *rest: Any) -> Any:
        with readers.open("a") as f:
            f.write(f"{os.getpid()} {Path(name).name}\n")
        return real_fast(raw, name, *rest)

    monkeypatch.setattr(load, "fast_rows", fast)
    monkeypatch.setenv("IPPLAN_CACHE_DIR", str(tmp_path / "two"))
    monkeypatch.setattr(regions_json, "COMPACT_UNITS", 10**6)  # only the read ahead forks
    ahead = read_table(plan)
    assert len(forked) == 1
    parsed = dict(reversed(line.split()) for line in readers.read_text().splitlines())
    assert len(parsed) == 20 and set(parsed.values()) == {str(os.getpid()), str(forked[0])}
    assert parsed["stock_00.csv"] == str(os.getpid()) and parsed["stock_12.csv"] == str(forked[0])
    assert ahead.regions == alone.regions and list(ahead.rows) == list(alone.rows)
    for iid, rows in alone.rows.items():
        for name in ("period", "region", "value", "flag", "source", "note", "published"):
            assert getattr(ahead.rows[iid], name).tolist() == getattr(rows, name).tolist()
    monkeypatch.setattr(regions_json, "COMPACT_UNITS", 3)
    monkeypatch.setenv("IPPLAN_CACHE_DIR", str(tmp_path / "three"))
    two = run(capsys, *args)
    assert len(forked) == 3  # the read ahead and the second half of the units
    assert two == one
