"""ipplan.data.journal and the store's lost-update check: a write stopped after its commit is
rolled forward by the next command, one stopped before is rolled back; a file saved by
someone else between the read and the replacement is never overwritten (issue 13, 3 & 4)."""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from ipplan.core.errors import DataError, FileBusyError
from ipplan.core.model import Observation, Plan
from ipplan.core.periods import parse_period
from ipplan.data.atomic import add_step_hook
from ipplan.data.journal import COMMIT, JOURNAL, Change, commit_files, recover
from ipplan.data.plan import bundled_plan_dir, load_plan
from ipplan.data.store import upsert, upsert_many

HAND_ROW = "2019,999,,hand edit,,,,\n"  # what a person adds in Excel while ipplan writes


@pytest.fixture
def plan(tmp_path: Path) -> Plan:
    src = bundled_plan_dir()
    shutil.copy(src / "targets.yaml", tmp_path / "targets.yaml")
    shutil.copytree(src / "actuals", tmp_path / "actuals")
    return load_plan(tmp_path)


def path_of(plan: Plan, indicator: str) -> Path:
    assert plan.actuals_dir is not None
    return plan.actuals_dir / f"{indicator}.csv"


def obs(indicator: str, period: str, value: float) -> Observation:
    return Observation(indicator, parse_period(period), value)


BATCH = {"design_grants": [obs("design_grants", "2020", 300)],
         "trademarks_valid": [obs("trademarks_valid", "2020", 15000)]}  # fmt: skip


class Died(BaseException):
    """Stands for the process dying at a step (what SIGKILL does, in process)."""


@pytest.fixture
def at_step() -> Iterator[Callable[[str, Callable[[], None]], None]]:
    """at_step(prefix, action): run ``action`` at each file operation named ``prefix…``."""
    removers: list[Callable[[], None]] = []

    def install(prefix: str, action: Callable[[], None]) -> None:
        def hook(name: str) -> None:
            if name.startswith(prefix):
                action()

        removers.append(add_step_hook(hook))

    yield install
    for remove in removers:
        remove()


def die_once() -> Callable[[], None]:
    """The process dies at the first such step (the next command then runs normally)."""
    done: list[bool] = []

    def action() -> None:
        if not done:
            done.append(True)
            raise Died

    return action


# ------------------------------------------------------------------ roll forward / back


def test_a_write_that_died_after_its_commit_is_finished_by_the_next_command(
    plan: Plan, at_step: Callable[[str, Callable[[], None]], None]
) -> None:
    first, second = path_of(plan, "design_grants"), path_of(plan, "trademarks_valid")
    old_second = second.read_bytes()
    at_step("replace trademarks_valid", die_once())  # design_grants was replaced, then death
    with pytest.raises(Died):
        upsert_many(plan, BATCH)
    assert b"2020,300" in first.read_bytes() and second.read_bytes() == old_second
    assert plan.directory is not None
    assert (plan.directory / JOURNAL / COMMIT).exists()
    load_plan(plan.directory)  # any command that reads the plan
    assert b"2020,300" in first.read_bytes() and b"2020,15000" in second.read_bytes()
    assert not (plan.directory / JOURNAL).exists()
    assert not list(first.parent.glob(".*.tmp"))


def test_a_write_that_died_before_its_commit_is_undone_by_the_next_command(
    plan: Plan,
) -> None:
    assert plan.directory is not None
    before = {p.name: p.read_bytes() for p in (plan.directory / "actuals").glob("*.csv")}
    journal = plan.directory / JOURNAL
    journal.mkdir()  # as a writer killed while filling the journal leaves it
    (journal / "0-design_grants.csv").write_bytes(b"period,value\n2020,1\n")
    assert recover(plan.directory) is True
    assert not journal.exists()
    after = {p.name: p.read_bytes() for p in (plan.directory / "actuals").glob("*.csv")}
    assert after == before
    assert recover(plan.directory) is False  # nothing left to do


def test_the_next_write_finishes_the_interrupted_one_first(
    plan: Plan, at_step: Callable[[str, Callable[[], None]], None]
) -> None:
    at_step("replace trademarks_valid", die_once())
    with pytest.raises(Died):
        upsert_many(plan, BATCH)
    upsert(plan, "market_entities", [obs("market_entities", "2020", 5)])
    assert b"2020,15000" in path_of(plan, "trademarks_valid").read_bytes()
    assert b"2020,5" in path_of(plan, "market_entities").read_bytes()


def test_a_file_edited_after_the_interruption_is_not_overwritten(
    plan: Plan, at_step: Callable[[str, Callable[[], None]], None]
) -> None:
    second = path_of(plan, "trademarks_valid")
    at_step("replace trademarks_valid", die_once())
    with pytest.raises(Died):
        upsert_many(plan, BATCH)
    with open(second, "a", encoding="utf-8") as handle:
        handle.write(HAND_ROW)
    edited = second.read_bytes()
    assert plan.directory is not None
    with pytest.raises(DataError) as err:
        load_plan(plan.directory)
    assert err.value.code == "store.journal_conflict"
    assert second.read_bytes() == edited
    assert "1-trademarks_valid.csv" in str(err.value)  # where the write's version is
    assert (plan.directory / JOURNAL / COMMIT).exists()  # kept for the user to settle


def _committed_journal(root: Path, entry: dict[str, object], data: bytes) -> Path:
    journal = root / JOURNAL
    journal.mkdir()
    (journal / "0-x.csv").write_bytes(data)
    marker = {"version": 1, "files": [{"data": "0-x.csv", "old": None, **entry}]}
    (journal / COMMIT).write_text(json.dumps(marker), encoding="utf-8")
    return journal


@pytest.mark.parametrize("path", ["../outside.csv", "/tmp/outside.csv", "actuals/../../x.csv"])
def test_a_journal_cannot_write_outside_the_plan_folder(plan: Plan, path: str) -> None:
    assert plan.directory is not None
    data = b"evil"
    import hashlib

    entry = {"path": path, "sha256": hashlib.sha256(data).hexdigest(), "size": 4}
    _committed_journal(plan.directory, entry, data)
    with pytest.raises(DataError) as err:
        load_plan(plan.directory)
    assert err.value.code == "store.journal_damaged"
    assert not (plan.directory.parent / "outside.csv").exists()
    assert not Path("/tmp/outside.csv").exists() or path != "/tmp/outside.csv"


def test_a_damaged_journal_is_refused_and_kept(plan: Plan) -> None:
    assert plan.directory is not None
    entry = {"path": "actuals/design_grants.csv", "sha256": "0" * 64, "size": 4}
    journal = _committed_journal(plan.directory, entry, b"data")  # hash does not match
    before = path_of(plan, "design_grants").read_bytes()
    with pytest.raises(DataError) as err:
        load_plan(plan.directory)
    assert err.value.code == "store.journal_damaged" and "SHA-256" in str(err.value)
    (journal / COMMIT).write_text("{not json", encoding="utf-8")
    with pytest.raises(DataError) as err:
        load_plan(plan.directory)
    assert err.value.code == "store.journal_damaged"
    assert path_of(plan, "design_grants").read_bytes() == before
    assert journal.exists()


def test_an_uncommitted_journal_that_cannot_be_locked_does_not_stop_reading(
    plan: Plan, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert plan.directory is not None
    (plan.directory / JOURNAL).mkdir()
    import ipplan.data.journal

    def refused(*args: object, **kw: object) -> None:
        raise FileBusyError("store.locked", path="x", seconds=0)

    monkeypatch.setattr(ipplan.data.journal, "plan_lock", refused)
    assert recover(plan.directory) is False  # nothing had changed: reading may go on
    (plan.directory / JOURNAL / COMMIT).write_text("{}", encoding="utf-8")
    with pytest.raises(DataError) as err:  # a committed one must be finished first
        recover(plan.directory)
    assert [p.code for p in err.value.problems] == ["store.locked", "store.journal_pending"]


# ------------------------------------------------------------------ lost updates


def test_a_hand_edit_between_read_and_replace_is_kept_and_the_write_reapplied(
    plan: Plan, at_step: Callable[[str, Callable[[], None]], None]
) -> None:
    second = path_of(plan, "trademarks_valid")
    edits: list[int] = []

    def save_in_excel() -> None:
        if not edits:  # once: the person saves while ipplan is writing
            with open(second, "a", encoding="utf-8") as handle:
                handle.write(HAND_ROW)
            edits.append(1)

    at_step("journal mkdir", save_in_excel)
    results = upsert_many(plan, BATCH)
    assert all(r.written for r in results)
    text = second.read_text(encoding="utf-8-sig")
    assert "2019,999,,hand edit" in text and "2020,15000" in text  # both: nothing lost
    assert b"2020,300" in path_of(plan, "design_grants").read_bytes()


def test_a_hand_edit_that_conflicts_is_refused_on_the_second_read(
    plan: Plan, at_step: Callable[[str, Callable[[], None]], None]
) -> None:
    second = path_of(plan, "trademarks_valid")
    first_before = path_of(plan, "design_grants").read_bytes()

    def save_2020() -> None:
        if b"2020,14000" not in second.read_bytes():
            with open(second, "a", encoding="utf-8") as handle:
                handle.write("2020,14000,,hand edit,,,,\n")

    at_step("journal mkdir", save_2020)
    with pytest.raises(DataError) as err:
        upsert_many(plan, BATCH)
    assert err.value.code == "store.exists"  # the hand figure for 2020 now differs
    assert b"2020,14000" in second.read_bytes()
    assert path_of(plan, "design_grants").read_bytes() == first_before


def test_a_file_that_keeps_changing_is_refused_and_never_overwritten(
    plan: Plan, at_step: Callable[[str, Callable[[], None]], None]
) -> None:
    first, second = path_of(plan, "design_grants"), path_of(plan, "trademarks_valid")
    first_before = first.read_bytes()
    count = [0]

    def save_again() -> None:  # the check of trademarks_valid comes after design_grants
        # was replaced: that replacement must be undone
        count[0] += 1
        with open(second, "a", encoding="utf-8") as handle:
            handle.write(f"{2000 + count[0]},{count[0]},,hand edit,,,,\n")

    at_step("journal mkdir", save_again)
    names: list[str] = []
    remove = add_step_hook(names.append)
    with pytest.raises(DataError) as err:
        upsert_many(plan, BATCH)
    remove()
    assert err.value.code == "store.changed_meanwhile"
    assert names.count("replace design_grants.csv") == 6  # 3 × (replaced, then put back)
    assert count[0] == 3  # read and merged again twice, then refused
    assert first.read_bytes() == first_before  # put back: all or nothing
    assert b"2003,3,,hand edit" in second.read_bytes()  # the last hand edit is there
    assert plan.directory is not None and not (plan.directory / JOURNAL).exists()


def test_a_file_saved_again_with_the_same_bytes_is_no_conflict(
    plan: Plan, at_step: Callable[[str, Callable[[], None]], None]
) -> None:
    second = path_of(plan, "trademarks_valid")
    at_step("journal mkdir", lambda: os.utime(second, ns=(1, 1)))  # new mtime, same bytes
    results = upsert_many(plan, BATCH)
    assert all(r.written for r in results)


def test_commit_files_refuses_a_file_that_is_not_what_was_read(plan: Plan) -> None:
    assert plan.directory is not None
    first, second = path_of(plan, "design_grants"), path_of(plan, "trademarks_valid")
    old = first.read_bytes(), second.read_bytes()
    changes = [Change(first, b"new 1", old[0]), Change(second, b"new 2", b"what was read")]
    with pytest.raises(DataError) as err:
        commit_files(plan.directory, changes)
    assert err.value.code == "store.changed_meanwhile"
    assert (first.read_bytes(), second.read_bytes()) == old


@pytest.mark.skipif(os.name == "nt", reason="signals to oneself are POSIX")
def test_ctrl_c_during_a_write_that_fails_reports_it_undone(
    plan: Plan, at_step: Callable[[str, Callable[[], None]], None]
) -> None:
    import signal

    from ipplan.data.signals import Interrupted, handle_signals

    assert plan.directory is not None
    first, second = path_of(plan, "design_grants"), path_of(plan, "trademarks_valid")
    old = first.read_bytes(), second.read_bytes()
    at_step("journal commit rename", lambda: signal.raise_signal(signal.SIGINT))  # held back
    changes = [Change(first, b"new 1", old[0]), Change(second, b"new 2", b"what was read")]
    with pytest.raises(Interrupted) as info, handle_signals():
        commit_files(plan.directory, changes)
    assert info.value.written is False  # "the write was undone"
    assert (first.read_bytes(), second.read_bytes()) == old


def test_a_full_disk_while_filling_the_journal_changes_nothing(
    plan: Plan, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno

    assert plan.directory is not None
    before = {p.name: p.read_bytes() for p in (plan.directory / "actuals").glob("*.csv")}

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(DataError) as err:
        upsert_many(plan, BATCH)
    assert err.value.code == "store.write_failed" and "No space left" in str(err.value)
    after = {p.name: p.read_bytes() for p in (plan.directory / "actuals").glob("*.csv")}
    assert after == before
    assert not (plan.directory / JOURNAL).exists()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX FIFOs")
def test_a_journal_target_that_became_a_fifo_is_refused_not_read(plan: Plan) -> None:
    import hashlib

    assert plan.directory is not None
    fifo = plan.directory / "actuals" / "market_entities.csv"
    fifo.unlink()
    os.mkfifo(fifo)  # reading it would wait for a writer forever
    entry = {"path": "actuals/market_entities.csv", "sha256": hashlib.sha256(b"x").hexdigest()}
    _committed_journal(plan.directory, entry, b"x")
    with pytest.raises(DataError) as err:
        recover(plan.directory)
    assert err.value.code == "store.not_a_file"
    assert [p.code for p in err.value.problems][-1] == "store.journal_pending"
