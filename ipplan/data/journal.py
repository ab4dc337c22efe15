"""Several files changed together, all or none, even when the process is killed.

A write of several files (``ipplan import``, and ``record``) goes through a journal in
the plan folder, as SQLite's journals do (formats.md, "The write journal")::

    .ipplan-journal/
      0-trademarks_valid.csv   the new content of each file (written, fsynced)
      1-design_grants.csv
      commit.json              the commit marker, written last (temp, fsync, rename)

1. Every new content is written to the journal and fsynced; no plan file is touched.
   A crash here leaves the plan as it was: the journal has no commit marker, and the next
   command deletes it (roll back).
2. ``commit.json`` appears in one rename: the write has happened. It lists each file
   (path relative to the plan folder, the journal file, size and SHA-256 of the new
   content, fingerprint of the content it replaces).
3. Each plan file is replaced atomically by its new content
(:func:`ipplan.data.atomic.write_atomic`).
   A crash here leaves the commit marker, and the next command replaces the rest (roll
   forward). Steps 2 and 3 hold SIGINT/SIGTERM back (:func:`ipplan.data.signals.deferred`).
4. ``commit.json`` is deleted, then the rest of the journal.

Before replacing a file, it must still be what was read (or already the new content);
a file changed by someone else since (a hand edit saved in Excel, which takes no lock) is
never overwritten: the write is undone (``store.changed_meanwhile``), or, when rolling
forward after a crash, refused with the journal kept (``store.journal_conflict``).

Everything here runs under the plan's lock (:func:`ipplan.data.atomic.plan_lock`).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import shutil
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from ipplan.core.errors import DataError, FileBusyError, IpplanError, Problem
from ipplan.data.atomic import (
    DEFAULT_TIMEOUT,
    LOCK_NAME,
    Fingerprint,
    busy_or_failed,
    fsync_dir,
    plan_lock,
    read_current,
    remove_stale_temps,
    restore,
    step,
    write_atomic,
)
from ipplan.data.signals import Interrupted, deferred, note_written

JOURNAL = ".ipplan-journal"
COMMIT = "commit.json"
VERSION = 1
_SAFE_NAME = re.compile(r"[^\w.-]+", re.UNICODE)


@dataclass(frozen=True)
class Change:
    """New content for ``path``, which must still hold ``old`` (None: must not exist)."""

    path: Path
    new: bytes
    old: bytes | None


def journal_dir(root: Path) -> Path:
    return root / JOURNAL


# ------------------------------------------------------------------------- committing


def commit_files(root: Path, changes: Sequence[Change]) -> None:
    """Replace every file of ``changes`` (inside the plan folder ``root``), all or none.

    Call under the plan's lock. Raises DataError ``store.changed_meanwhile`` (nothing
    changed) when a file is no longer what was read, and the errors of
    :func:`ipplan.data.atomic.busy_or_failed`. An :class:`~ipplan.data.signals.Interrupted` raised
    from here says in ``written`` whether the write was rolled back or completed.
    """
    if not changes:
        return
    recover_locked(root)  # a write interrupted earlier is settled first
    folder = journal_dir(root)
    entries = _prepare(root, folder, changes)
    try:
        with deferred():
            _write_commit(folder, entries)
            _apply(folder, changes)
            note_written()
            _finish(folder)
    except Interrupted as exc:  # held back by `deferred`, delivered at the end of the block
        if exc.written is None:  # the block failed: the write was undone
            exc.written = False
        raise


def _prepare(root: Path, folder: Path, changes: Sequence[Change]) -> list[dict[str, Any]]:
    """Step 1: the new contents into the journal. Any failure or signal: the journal goes."""
    entries: list[dict[str, Any]] = []
    made = False
    try:
        step("journal mkdir")
        try:
            folder.mkdir()  # fails when a journal is there: never write over another
        except OSError as exc:
            raise busy_or_failed(exc, folder) from None
        made = True
        for i, change in enumerate(changes):
            name = f"{i}-{_SAFE_NAME.sub('_', change.path.name)}"
            step(f"journal {name}")
            _write_synced(folder / name, change.new)
            old = Fingerprint.of(change.old) if change.old is not None else None
            entries.append({
                "path": change.path.relative_to(root).as_posix(),
                "data": name,
                "size": len(change.new),
                "sha256": hashlib.sha256(change.new).hexdigest(),
                "old": None if old is None else {"size": old.size, "sha256": old.sha256},
            })  # fmt: skip
        step("journal fsync")
        fsync_dir(folder)
    except BaseException as exc:
        if made:
            _discard(folder)
        if isinstance(exc, Interrupted):
            exc.written = False
        raise
    return entries


def _write_synced(path: Path, data: bytes) -> None:
    try:
        with open(path, "xb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    except OSError as exc:
        raise busy_or_failed(exc, path) from None


def _write_commit(folder: Path, entries: list[dict[str, Any]]) -> None:
    """Step 2: the commit marker, in one rename."""
    data = json.dumps({"version": VERSION, "files": entries}, ensure_ascii=False, indent=1)
    temp = folder / f"{COMMIT}.tmp"
    try:
        step("journal commit")
        _write_synced(temp, data.encode("utf-8"))
        step("journal commit rename")
        try:
            os.rename(temp, folder / COMMIT)  # the marker never exists before: no replace
        except OSError as exc:
            raise busy_or_failed(exc, folder / COMMIT) from None
        step("journal commit fsync")
        fsync_dir(folder)
    except BaseException:
        _discard(folder)
        raise


def _apply(folder: Path, changes: Sequence[Change]) -> None:
    """Step 3 in the writing process: replace each file; undo everything on a failure."""
    done: list[Change] = []
    for change in changes:
        try:
            current, _ = read_current(change.path)
            if current != change.old:  # someone saved the file since it was read
                raise DataError("store.changed_meanwhile", file=str(change.path),
                                path=str(change.path))  # fmt: skip
            remove_stale_temps(change.path)
            write_atomic(change.path, change.new, sync_dir=False)
        except IpplanError:
            _undo(folder, done)
            raise
        done.append(change)
    for parent in {change.path.parent for change in changes}:
        step("fsync")
        fsync_dir(parent)


def _undo(folder: Path, done: Sequence[Change]) -> None:
    """Put back the files already replaced, then drop the journal (the write did not happen).
    A crash in here leaves the commit marker: the next command rolls forward instead."""
    restore([(change.path, change.old) for change in done])
    for parent in {change.path.parent for change in done}:
        fsync_dir(parent)
    _discard(folder)


def _finish(folder: Path) -> None:
    """Step 4: the commit marker first (then the write is over), then the rest."""
    step("journal done")
    with contextlib.suppress(FileNotFoundError):
        (folder / COMMIT).unlink()
    fsync_dir(folder)
    _discard(folder)


def _discard(folder: Path) -> None:
    step("journal remove")
    with contextlib.suppress(OSError):
        shutil.rmtree(folder)


# ------------------------------------------------------------------------- recovering


def recover(root: Path, actuals: Path | None = None, timeout: float = DEFAULT_TIMEOUT) -> bool:
    """Finish or undo a write that was interrupted in the plan folder ``root``; True when
    there was one. Costs one ``stat`` when there is no journal. Takes the plan's lock
    (``actuals`` folder, default ``root/actuals``) unless there is nothing to do.

    A journal without commit marker is deleted (nothing had changed); one with a commit
    marker is rolled forward. A plan whose journal cannot be rolled forward (a file
    changed since, a damaged journal, no permission) raises DataError: reading it as it
    is would show a half-done write.
    """
    folder = journal_dir(root)
    if not folder.exists():
        return False
    try:
        with plan_lock(actuals or root / "actuals", timeout), deferred():
            return recover_locked(root)
    except IpplanError as exc:
        if not (folder / COMMIT).exists():
            return False  # an uncommitted journal changed nothing: reading may go on
        if exc.code in ("store.journal_conflict", "store.journal_damaged"):
            raise
        pending = Problem("store.journal_pending", {"path": str(folder)}, str(folder))
        raise DataError(problems=[*exc.problems, pending]) from None


def recover_locked(root: Path) -> bool:
    """:func:`recover`, for a caller that holds the plan's lock."""
    folder = journal_dir(root)
    if not folder.exists():
        return False
    if not folder.is_dir():
        raise _damaged(folder, "not a folder")
    marker = folder / COMMIT
    if not marker.exists():
        _discard(folder)
        return True
    entries = _read_commit(marker)
    todo: list[tuple[Path, bytes]] = []
    for entry in entries:  # every file is checked before any is written
        target, data = _checked(root, folder, entry)
        _, now = read_current(target)
        if now == Fingerprint.of(data):
            continue  # replaced before the interruption
        old = entry["old"]
        if now != (None if old is None else Fingerprint(old.get("size"), old.get("sha256"))):
            raise DataError("store.journal_conflict", file=str(target), path=str(target),
                            saved=str(folder / entry["data"]), journal=str(folder))  # fmt: skip
        todo.append((target, data))
    for target, data in todo:
        remove_stale_temps(target)
        write_atomic(target, data, sync_dir=False)
    for parent in {target.parent for target, _ in todo}:
        fsync_dir(parent)
    _finish(folder)
    return True


def _damaged(folder: Path, reason: str) -> DataError:
    return DataError("store.journal_damaged", file=str(folder), path=str(folder), reason=reason)


def _read_commit(marker: Path) -> list[dict[str, Any]]:
    try:
        data = json.loads(marker.read_bytes().decode("utf-8"))
        entries = data["files"]
        if data.get("version") != VERSION or not isinstance(entries, list):
            raise ValueError("unknown version")
        for entry in entries:
            if not isinstance(entry, dict) or not {"path", "data", "sha256"} <= entry.keys():
                raise ValueError("bad entry")
            entry.setdefault("old", None)
            if not all(isinstance(entry[k], str) for k in ("path", "data", "sha256")):
                raise ValueError("bad entry")
            if entry["old"] is not None and not isinstance(entry["old"], dict):
                raise ValueError("bad entry")
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise _damaged(marker.parent, str(exc) or type(exc).__name__) from None
    return entries


def _checked(root: Path, folder: Path, entry: dict[str, Any]) -> tuple[Path, bytes]:
    """The target and new content of a journal entry, refused unless the target is a path
    inside the plan folder and the content is what was committed (a journal is data from
    disk: a plan folder may come from anyone)."""
    relative = Path(str(entry["path"]))
    if relative.is_absolute() or relative.drive or ".." in relative.parts or not relative.parts:
        raise _damaged(folder, f"path {relative}")
    target = root / relative  # a symlink there is replaced, never written through
    data_path = folder / Path(str(entry["data"])).name
    try:
        data = data_path.read_bytes()
    except OSError as exc:
        raise _damaged(folder, f"{data_path.name}: {exc.strerror or exc}") from None
    if hashlib.sha256(data).hexdigest() != entry["sha256"]:
        raise _damaged(folder, f"{data_path.name}: SHA-256")
    return target, data


# ------------------------------------------------------------------------- reading

T = TypeVar("T")


def read_consistently(root: Path | None, read: Callable[[], T],
                      timeout: float = DEFAULT_TIMEOUT) -> T:  # fmt: skip
    """``read()`` the files of the plan folder ``root``, never halfway through a write.

    A writer holds the plan's lock (``actuals/.ipplan.lock``) for the whole of a write of
    several files; a reader takes the same lock shared, so that it waits for the writer
    (``store.read_locked`` after ``timeout`` seconds) and readers never wait for each
    other. Reading creates nothing: without a lock file (no write ever took it) or where
    the lock cannot be had (a read-only file, Windows) the files are read as they are,
    and read again under the lock when a writer made the lock file meanwhile.
    """
    if root is None:
        return read()
    lock = root / "actuals" / LOCK_NAME
    had = lock.exists()
    with _shared(lock, timeout):
        value = read()
    if not had and lock.exists():  # a first writer came while reading: once more, locked
        with _shared(lock, timeout):
            value = read()
    return value


class ReadLock:
    """The plan's lock taken shared, as :func:`read_consistently` takes it, but held until
    :meth:`release` (across a fork: a child made meanwhile holds it too, until it ends)."""

    def __init__(self, root: Path, timeout: float = DEFAULT_TIMEOUT) -> None:
        self.path = root / "actuals" / LOCK_NAME
        self.had = self.path.exists()
        self._held: contextlib.AbstractContextManager[None] | None = _shared(self.path, timeout)
        self._held.__enter__()

    def release(self) -> bool:
        """Let go of the lock (once); whether what was read under it can be trusted: not
        when a first writer made the lock file meanwhile (read again, locked)."""
        if self._held is not None:
            held, self._held = self._held, None
            held.__exit__(None, None, None)
        return self.had or not self.path.exists()


@contextlib.contextmanager
def _shared(lock: Path, timeout: float) -> Iterator[None]:
    """A shared flock on the lock file for the block, when one can be had (POSIX)."""
    try:
        import fcntl
    except ImportError:  # Windows: msvcrt has no shared lock; read as it is
        yield
        return
    try:
        fd = os.open(lock, os.O_RDONLY)  # never O_CREAT: a reader leaves no file
    except OSError:
        yield
        return
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise FileBusyError("store.read_locked", file=str(lock), path=str(lock),
                                        seconds=timeout) from None  # fmt: skip
                time.sleep(0.05)
            except OSError:  # no flock on this file system: read as it is
                break
        yield
    finally:
        os.close(fd)  # releases the lock
