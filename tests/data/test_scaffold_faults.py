"""`ipplan init` stopped between any two file operations (SIGKILL, SIGINT) leaves no plan
folder, or a whole one: the files are written into a hidden sibling, which one rename
puts in place (issue 13, class 3, for init)."""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from ipplan.cli.app import main
from ipplan.data.atomic import FAULT_STEP, add_step_hook
from ipplan.data.plan import bundled_plan_dir

pytestmark = pytest.mark.skipif(os.name == "nt", reason="signals to oneself are POSIX")


def run_init(target: Path, fault: str, folder: Path) -> tuple[int, str]:
    """`ipplan init TARGET` in a forked child, stopped at a step by IPPLAN_FAULT_STEP."""
    err_path = folder / f"stderr-{fault.replace(':', '-')}.txt"
    pid = os.fork()
    if pid == 0:  # the child: never return into pytest
        code = 70
        try:
            import ipplan.data.atomic

            ipplan.data.atomic._steps = 0
            os.environ[FAULT_STEP] = fault
            os.environ["NO_COLOR"] = "1"
            sys.stdout = open(os.devnull, "w")  # noqa: SIM115
            sys.stderr = open(err_path, "w", encoding="utf-8")  # noqa: SIM115
            main(["init", str(target)])
        except SystemExit as done:
            code = int(done.code or 0)
        finally:
            sys.stderr.flush()
            os._exit(code)
    _, status = os.waitpid(pid, 0)
    code = -os.WTERMSIG(status) if os.WIFSIGNALED(status) else os.WEXITSTATUS(status)
    return code, err_path.read_text(encoding="utf-8") if err_path.exists() else ""


def whole(target: Path) -> bool:
    src = bundled_plan_dir()
    expected = {"targets.yaml": (src / "targets.yaml").read_bytes()}
    expected |= {f"actuals/{p.name}": p.read_bytes() for p in (src / "actuals").glob("*.csv")}
    found = {p.relative_to(target).as_posix(): p.read_bytes()
             for p in target.rglob("*") if p.is_file()}  # fmt: skip
    return found == expected


def test_init_steps(tmp_path: Path) -> None:
    names: list[str] = []
    remove = add_step_hook(names.append)
    try:
        with pytest.raises(SystemExit) as done:
            main(["init", str(tmp_path / "p")])
    finally:
        remove()
    assert done.value.code in (0, None)
    # one step per file (targets.yaml and the 24 actuals), then the rename
    n = 1 + len(list((bundled_plan_dir() / "actuals").glob("*.csv")))
    assert names[-1] == "init rename" and len(names) == n + 1, names
    assert whole(tmp_path / "p")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["p"]  # no temp folder left


@pytest.mark.parametrize("sig", ["KILL", "INT"])
def test_stopped_at_every_step_no_folder_or_a_whole_one(
    sig: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    steps = 1 + len(list((bundled_plan_dir() / "actuals").glob("*.csv"))) + 1
    for k in [*range(1, 4), steps - 1, steps]:  # the first files, the last, the rename
        parent = tmp_path / f"k{k}"
        parent.mkdir()
        target = parent / "新方案"
        code, err = run_init(target, f"{k}:{sig}", tmp_path)
        if sig == "INT" and k == steps:  # held back during the rename: it completes
            assert code == 130 and "写入已全部完成" in err, err
            assert whole(target) and [p.name for p in parent.iterdir()] == ["新方案"]
            continue
        if sig == "KILL":
            assert code == -signal.SIGKILL, (k, err)
        else:
            assert code == 130 and err.startswith("error: 已被 SIGINT 中断"), (k, err)
            assert [p.name for p in parent.iterdir()] == [], k  # the temp folder removed too
        # a signal lands before its step: the rename (the last step) has not happened
        assert not target.exists(), (k, sig)
        left = [p.name for p in parent.iterdir()]
        # the next init is not hindered by what a kill -9 left, and removes it
        with pytest.raises(SystemExit) as done:
            main(["init", str(target)])
        assert done.value.code in (0, None) and whole(target), k
        assert [p.name for p in parent.iterdir()] == ["新方案"], k
        warned = capsys.readouterr().err
        assert [line.split(": ")[1] for line in warned.splitlines()] == [
            str(parent / name) for name in left
        ], (k, warned)


def test_a_failure_half_way_leaves_no_folder(tmp_path: Path) -> None:
    # the 3rd file cannot be written: no folder, nothing left beside it
    from ipplan.core.errors import DataError
    from ipplan.data.scaffold import create_plan

    def fail(name: str) -> None:
        if name.startswith("init ") and fail.count == 2:  # type: ignore[attr-defined]
            raise OSError(28, "No space left on device")
        fail.count += 1  # type: ignore[attr-defined]

    fail.count = 0  # type: ignore[attr-defined]
    remove = add_step_hook(fail)
    try:
        with pytest.raises(DataError) as err:
            create_plan(tmp_path / "p", "suizhou")
    finally:
        remove()
    assert err.value.problems[0].code == "init.failed"
    assert list(tmp_path.iterdir()) == []


def test_an_existing_empty_folder_is_filled_under_the_lock(tmp_path: Path) -> None:
    from ipplan.data.atomic import LOCK_NAME
    from ipplan.data.scaffold import create_plan

    target = tmp_path / "p"
    target.mkdir()
    names: list[str] = []
    remove = add_step_hook(names.append)
    try:
        create_plan(target, "blank")
    finally:
        remove()
    assert names == ["temp targets.yaml", "replace targets.yaml"]
    assert (target / "actuals" / LOCK_NAME).exists()  # the plan lock was taken
    assert (target / "targets.yaml").is_file()


def test_an_init_second_to_an_existing_folder_leaves_the_first_ones_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two inits of the same existing folder: the second saw no actuals/ before the lock,
    but the first wrote its plan meanwhile; the second is refused (init.exists) and removes
    nothing (it used to remove the first one's actuals/)."""
    from contextlib import contextmanager

    from ipplan.core.errors import UsageError
    from ipplan.data import scaffold

    target = tmp_path / "p"
    target.mkdir()
    real = scaffold.plan_lock

    @contextmanager
    def first_one_wins(folder: Path, *args: object) -> Iterator[None]:
        folder.mkdir(exist_ok=True)  # the first init, done while this one waited
        (folder / "x.csv").write_text("period,value\n2024,1\n", "utf-8")
        (target / "targets.yaml").write_text("plan: {}\n", "utf-8")
        with real(folder):
            yield

    monkeypatch.setattr(scaffold, "plan_lock", first_one_wins)
    with pytest.raises(UsageError) as err:
        scaffold.create_plan(target, "blank")
    assert err.value.code == "init.exists"
    assert (target / "actuals" / "x.csv").read_text("utf-8") == "period,value\n2024,1\n"
    assert (target / "targets.yaml").read_text("utf-8") == "plan: {}\n"
