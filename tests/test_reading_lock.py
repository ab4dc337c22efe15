"""Readers respect a writer: a plan is never read halfway through a write of several files
(ipplan.data.journal.read_consistently), and reading creates no file in the plan folder."""

from __future__ import annotations

import os
import shutil
import threading
from datetime import date
from pathlib import Path

import pytest

import ipplan
from ipplan.core.errors import FileBusyError
from ipplan.data.atomic import LOCK_NAME, plan_lock
from ipplan.data.journal import read_consistently
from ipplan.data.plan import bundled_plan_dir

pytestmark = pytest.mark.skipif(os.name == "nt", reason="shared locks are POSIX flock")


def make_plan(folder: Path) -> Path:
    src = bundled_plan_dir()
    folder.mkdir()
    shutil.copy(src / "targets.yaml", folder / "targets.yaml")
    shutil.copytree(src / "actuals", folder / "actuals")
    return folder


def latest(result: ipplan.PlanEvaluation, iid: str) -> float | None:
    ev = next(e for e in result.evaluations if e.indicator.id == iid)
    return ev.latest.value if ev.latest else None


def test_a_reader_waits_for_a_write_of_two_files(tmp_path: Path) -> None:
    # The writer replaces design_grants (2023: 360 → 361), then, 0.4 s later,
    # trademarks_valid (2023: 22,542 → 22,543), holding the plan lock throughout. A reader
    # started between the two sees both new figures, never 361 with 22,542.
    plan_dir = make_plan(tmp_path / "p")
    plan = ipplan.load_plan(str(plan_dir))
    actuals = plan_dir / "actuals"
    half = threading.Event()

    def writer() -> None:
        with plan_lock(actuals):
            for name, old, new in (("design_grants", "2023,360,", "2023,361,"),
                                   ("trademarks_valid", "2023,22542,", "2023,22543,")):  # fmt: skip
                path = actuals / f"{name}.csv"
                text = path.read_text(encoding="utf-8-sig")
                assert old in text
                path.write_text(text.replace(old, new), encoding="utf-8-sig")
                half.set()
                threading.Event().wait(0.4)

    thread = threading.Thread(target=writer)
    thread.start()
    half.wait(5)
    result = ipplan.status(plan, as_of=date(2024, 12, 31))
    thread.join()
    assert (latest(result, "design_grants"), latest(result, "trademarks_valid")) == (361, 22543)


def test_a_writer_that_holds_on_is_reported_not_read_through(tmp_path: Path) -> None:
    plan_dir = make_plan(tmp_path / "p")
    with plan_lock(plan_dir / "actuals"), pytest.raises(FileBusyError) as err:
        read_consistently(plan_dir, lambda: None, timeout=0.2)
    assert err.value.problems[0].code == "store.read_locked"


def test_readers_do_not_wait_for_each_other(tmp_path: Path) -> None:
    plan_dir = make_plan(tmp_path / "p")
    with plan_lock(plan_dir / "actuals"):
        pass  # the lock file exists now, as after any write
    inner = read_consistently(plan_dir, lambda: read_consistently(plan_dir, lambda: 1, 0.2), 0.2)
    assert inner == 1


def test_reading_creates_no_file_and_works_read_only(tmp_path: Path) -> None:
    plan_dir = make_plan(tmp_path / "p")
    before = sorted(p.relative_to(plan_dir) for p in plan_dir.rglob("*"))
    for path in [plan_dir, *plan_dir.rglob("*")]:
        path.chmod(0o555 if path.is_dir() else 0o444)
    try:
        plan = ipplan.load_plan(str(plan_dir))
        assert latest(ipplan.status(plan, as_of=date(2024, 12, 31)), "trademarks_valid") == 22542
    finally:
        for path in [plan_dir, *plan_dir.rglob("*")]:
            path.chmod(0o755 if path.is_dir() else 0o644)
    assert sorted(p.relative_to(plan_dir) for p in plan_dir.rglob("*")) == before
    assert not (plan_dir / "actuals" / LOCK_NAME).exists()


def test_a_lock_file_that_cannot_be_opened_is_read_through(tmp_path: Path) -> None:
    plan_dir = make_plan(tmp_path / "p")
    lock = plan_dir / "actuals" / LOCK_NAME
    lock.mkdir()  # opening it read-only works; flock on a folder too: still a plain read
    assert read_consistently(plan_dir, lambda: 7, 0.2) == 7
