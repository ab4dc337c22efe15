"""Fault injection: `ipplan import` of three files, stopped between every pair of file
operations (SIGINT, SIGTERM, SIGKILL), leaves after the next command all three files old
or all three new (issue 13, class 3).

Each import runs in a child process (forked; once a fresh interpreter), told where to stop
with ``IPPLAN_FAULT_STEP=k:SIG``: ipplan.data.atomic.step signals its own process at its k-th
file operation. The operations of the import are counted first, in process, with a step
hook; every k from 1 to that count is then tried.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from ipplan.cli.app import main
from ipplan.data.atomic import FAULT_STEP, add_step_hook
from ipplan.data.journal import JOURNAL
from ipplan.data.plan import bundled_plan_dir

pytestmark = pytest.mark.skipif(os.name == "nt", reason="signals to oneself are POSIX")

ROOT = Path(__file__).resolve().parent.parent.parent
FILES = ("design_grants", "trademarks_valid", "market_entities")
# figures for a test copy of the plan (periods that have ended, none recorded yet);
# market_entities.csv is deleted first, so that the import also creates a file
IMPORT = "indicator,period,value\ndesign_grants,2020,300\ntrademarks_valid,2020,15000\n" \
    "market_entities,2020,5\n"  # fmt: skip


def make_plan(folder: Path) -> Path:
    src = bundled_plan_dir()
    folder.mkdir()
    shutil.copy(src / "targets.yaml", folder / "targets.yaml")
    shutil.copytree(src / "actuals", folder / "actuals")
    (folder / "actuals" / "market_entities.csv").unlink()
    (folder / "figures.csv").write_text(IMPORT, encoding="utf-8")
    return folder


def state(plan: Path) -> tuple[bytes | None, ...]:
    paths = [plan / "actuals" / f"{name}.csv" for name in FILES]
    return tuple(p.read_bytes() if p.exists() else None for p in paths)


def child_env(**extra: str) -> dict[str, str]:
    env = {**os.environ, "NO_COLOR": "1", "PYTHONPATH": str(ROOT), **extra}
    env.pop("IPPLAN_PLAN", None)
    return env


@dataclass(frozen=True)
class Run:
    returncode: int  # negative: killed by that signal, as subprocess reports it
    stderr: str


def run_import(plan: Path, fault: str, folder: Path) -> Run:
    """`ipplan import` in a forked child (a process of its own, without the start-up time
    of a new interpreter), told to stop at a step by IPPLAN_FAULT_STEP."""
    err_path = folder / f"stderr-{fault.replace(':', '-')}.txt"
    pid = os.fork()
    if pid == 0:  # the child: never return into pytest
        code = 70
        try:
            import ipplan.data.atomic

            ipplan.data.atomic._steps = 0  # count from this process's first step
            os.environ[FAULT_STEP] = fault
            os.environ["NO_COLOR"] = "1"
            sys.stdout = open(os.devnull, "w")  # noqa: SIM115
            sys.stderr = open(err_path, "w", encoding="utf-8")  # noqa: SIM115
            main(["import", str(plan / "figures.csv"), "--plan", str(plan)])
        except SystemExit as done:
            code = int(done.code or 0)
        finally:
            sys.stderr.flush()
            os._exit(code)
    _, status = os.waitpid(pid, 0)
    code = -os.WTERMSIG(status) if os.WIFSIGNALED(status) else os.WEXITSTATUS(status)
    return Run(code, err_path.read_text(encoding="utf-8") if err_path.exists() else "")


def next_command(plan: Path, monkeypatch: pytest.MonkeyPatch) -> int:
    """`ipplan check` (it reads the plan, so it rolls an interrupted write forward or back)."""
    monkeypatch.setenv("NO_COLOR", "1")
    with pytest.raises(SystemExit) as done:
        main(["check", "--plan", str(plan)])
    return int(done.value.code or 0)


@dataclass(frozen=True)
class Outcome:
    before: tuple[bytes | None, ...]
    after: tuple[bytes | None, ...]
    steps: int


@pytest.fixture(scope="module")
def outcomes(tmp_path_factory: pytest.TempPathFactory) -> Outcome:
    """The files before and after an import that nothing stops, and its step count."""
    plan = make_plan(tmp_path_factory.mktemp("count") / "plan")
    before = state(plan)
    names: list[str] = []
    remove = add_step_hook(names.append)
    try:
        with pytest.raises(SystemExit) as done:
            main(["import", str(plan / "figures.csv"), "--plan", str(plan)])
    finally:
        remove()
    assert done.value.code in (0, None)
    after = state(plan)
    assert before != after and None not in after and before[2] is None
    steps = len(names)
    # journal mkdir, 3 contents, fsync, commit temp, rename, fsync; 3 × (temp, replace);
    # fsync of actuals/; commit marker removed; journal removed
    assert steps == 1 + 3 + 1 + 3 + 3 * 2 + 1 + 1 + 1, names
    return Outcome(before, after, steps)


COMMIT_STEP = 7  # the rename that creates commit.json (1 mkdir + 3 contents + fsync + temp)
HELD_FROM = 6  # the first step during which SIGINT/SIGTERM are held back (commit temp)


def expected(outcomes: Outcome, k: int, sig: str) -> tuple[bytes | None, ...]:
    """A signal sent at step k lands before that step runs. SIGKILL: the write happened
    when commit.json was renamed into place (step 7). SIGINT/SIGTERM: held back from
    step 6 to the end of the write, which then completes before the process stops."""
    old = k <= COMMIT_STEP if sig == "KILL" else k < HELD_FROM
    return outcomes.before if old else outcomes.after


@pytest.mark.parametrize("sig", ["KILL", "INT"])
def test_stopped_at_every_step_all_old_or_all_new(
    sig: str,
    outcomes: Outcome,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for k in range(1, outcomes.steps + 1):
        plan = make_plan(tmp_path / f"plan{k}")
        proc = run_import(plan, f"{k}:{sig}", tmp_path)
        if sig == "KILL":
            assert proc.returncode == -signal.SIGKILL, (k, proc.stderr)
        else:
            assert proc.returncode == 130, (k, proc.stderr)
            lines = proc.stderr.splitlines()
            assert len(lines) == 1 and lines[0].startswith("error: 已被 SIGINT 中断"), (k, lines)
        assert next_command(plan, monkeypatch) == 0, k
        assert state(plan) == expected(outcomes, k, sig), (k, sig)
        if sig == "INT":  # the line says which
            word = "写入已撤销" if k < HELD_FROM else "写入已全部完成"
            assert word in proc.stderr, (k, proc.stderr)
        assert not (plan / JOURNAL).exists(), k
        assert not list((plan / "actuals").glob(".*.tmp")), k


@pytest.mark.parametrize("k", [2, HELD_FROM - 1, HELD_FROM, COMMIT_STEP + 3])
def test_sigterm_gets_one_line_and_exit_143(
    k: int,
    outcomes: Outcome,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    plan = make_plan(tmp_path / "plan")
    proc = run_import(plan, f"{k}:TERM", tmp_path)
    assert proc.returncode == 128 + signal.SIGTERM == 143
    assert proc.stderr.count("\n") == 1 and "SIGTERM" in proc.stderr
    assert next_command(plan, monkeypatch) == 0
    assert state(plan) == expected(outcomes, k, "TERM")


def test_the_english_line(tmp_path: Path) -> None:
    plan = make_plan(tmp_path / "plan")
    proc = subprocess.run(
        [sys.executable, "-c", "from ipplan.cli.app import main; main()", "import",
         str(plan / "figures.csv"), "--plan", str(plan), "--lang", "en"],
        env=child_env(**{FAULT_STEP: "2:INT"}), capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert proc.returncode == 130
    assert proc.stderr == (
        "error: interrupted by SIGINT; the write was undone; "
        "no file was changed; run it again if needed\n"
    )
