"""Writing files so that nothing is ever half written, and one writer at a time.

- :func:`plan_lock` takes the plan's lock file (``actuals/.ipplan.lock``, via ``filelock``,
  which works on Windows too); a lock that cannot be had within ``timeout`` seconds
  becomes :class:`~ipplan.core.errors.FileBusyError` ``store.locked``.
- :func:`write_atomic` is ipplan's one atomic writer: the new content goes to a temp file
  in the same folder (flush, fsync), which replaces the target with ``os.replace``
  (atomic on POSIX and Windows), then the folder is fsynced where the platform allows it.
  A reader, or a crash at any moment, sees the file whole and old or whole and new. Its
  one error is :func:`busy_or_failed`: ``store.busy`` (Excel or WPS holds the file open on
  Windows: close it) or :class:`~ipplan.core.errors.WriteError` ``store.write_failed`` (with
  the system's reason). A stream or device written in place (standard output,
  ``/dev/null``) fails with :func:`output_failed`, ``output.write_failed``.
- :func:`replace_all` writes several new files with it, putting back what was replaced
  when one fails; writes that must survive a crash use the journal (:mod:`ipplan.data.journal`).
- :class:`Fingerprint` says whether a file is still what was read (lost updates).
- :func:`step` marks each file operation, so that tests can interrupt a write between
  any two of them (``IPPLAN_FAULT_STEP``, see :mod:`ipplan.data.journal`).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import signal
import stat
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from ipplan.core.errors import DataError, FileBusyError, IpplanError, WriteError

LOCK_NAME = ".ipplan.lock"
TEMP_SUFFIX = ".tmp"
DEFAULT_TIMEOUT = 10.0
FAULT_STEP = "IPPLAN_FAULT_STEP"  # test hook: "<k>:<INT|TERM|KILL>" signals this process


@dataclass(frozen=True)
class Pending:
    """New bytes for a file; ``old`` is its current content (None: it does not exist yet)."""

    path: Path
    new: bytes
    old: bytes | None


# ------------------------------------------------------------------------- test hook

_hooks: list[Callable[[str], None]] = []
_steps = 0


def add_step_hook(hook: Callable[[str], None]) -> Callable[[], None]:
    """Call ``hook(name)`` at every :func:`step` (tests); returns a function removing it."""
    _hooks.append(hook)
    return lambda: _hooks.remove(hook)


def step(name: str) -> None:
    """One file operation is about to happen. Tests hook in here: in-process through
    :func:`add_step_hook`, or in a child process with ``IPPLAN_FAULT_STEP=k:SIG``, which
    sends SIG (INT, TERM or KILL) to this process at the k-th step (counted from 1)."""
    global _steps
    _steps += 1
    for hook in list(_hooks):
        hook(name)
    fault = os.environ.get(FAULT_STEP)
    if fault:
        at, _, sig = fault.partition(":")
        if at.strip() == str(_steps):
            os.kill(os.getpid(), getattr(signal, f"SIG{sig.strip() or 'KILL'}"))
            time.sleep(0.05)  # let the signal land here, between the two operations


# ------------------------------------------------------------------------- errors


def _reason(exc: OSError) -> str:
    return exc.strerror or str(exc)


def busy_or_failed(exc: OSError, path: Path) -> IpplanError:
    """The error to raise for an OSError met while reading or writing ``path``."""
    if isinstance(exc, PermissionError) and path.exists():
        return FileBusyError("store.busy", file=str(path), path=str(path))
    return WriteError("store.write_failed", file=str(path), path=str(path), reason=_reason(exc))


def output_failed(exc: OSError, label: str, file: str | None = None) -> WriteError:
    """The error for a write to a stream or device (``stdout``, ``/dev/full``) that failed:
    unlike a file, it cannot be put back, so the output may be incomplete."""
    return WriteError("output.write_failed", file=file, path=label, reason=_reason(exc))


# ------------------------------------------------------------------------- fingerprints


@dataclass(frozen=True)
class Fingerprint:
    """What a file holds: its size and the SHA-256 of its bytes.

    The modification time is not part of it: it cannot prove a file unchanged (FAT and
    exFAT drives keep it to 2 s, and a save within the same tick keeps it), and a file
    saved again with the same bytes has lost nothing.
    """

    size: int
    sha256: str

    @classmethod
    def of(cls, data: bytes) -> Fingerprint:
        return cls(len(data), hashlib.sha256(data).hexdigest())


def read_current(path: Path) -> tuple[bytes | None, Fingerprint | None]:
    """A file's bytes and fingerprint now (None, None when it does not exist). Something
    that is not a regular file (a FIFO would hang the read, /dev/zero never end it) is
    refused, ``store.not_a_file``: ipplan replaces only files."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        return None, None
    except OSError as exc:
        raise busy_or_failed(exc, path) from None
    with os.fdopen(fd, "rb") as handle:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise DataError("store.not_a_file", file=str(path), path=str(path))
        try:
            data = handle.read()
        except OSError as exc:
            raise busy_or_failed(exc, path) from None
    return data, Fingerprint.of(data)


# ------------------------------------------------------------------------- locking


@contextlib.contextmanager
def plan_lock(folder: Path, timeout: float = DEFAULT_TIMEOUT) -> Iterator[None]:
    """Hold the lock of one actuals folder (created if missing) for the ``with`` block."""
    import filelock

    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise busy_or_failed(exc, folder) from None
    lock_path = folder / LOCK_NAME
    lock = filelock.FileLock(str(lock_path), timeout=timeout)
    try:
        lock.acquire()
    except filelock.Timeout:
        raise FileBusyError(
            "store.locked", file=str(lock_path), path=str(lock_path), seconds=timeout
        ) from None
    except OSError as exc:
        raise busy_or_failed(exc, lock_path) from None
    try:
        yield
    finally:
        lock.release()


# ------------------------------------------------------------------------- writing


def remove_stale_temps(path: Path) -> None:
    """Delete temp files a killed writer of ``path`` left behind (call under the lock)."""
    for stale in path.parent.glob(f".{path.name}.*{TEMP_SUFFIX}"):
        with contextlib.suppress(OSError):
            stale.unlink()


def _mode_for(path: Path) -> int:
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _write_temp(path: Path, data: bytes) -> Path:
    step(f"temp {path.name}")
    fd, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=TEMP_SUFFIX)
    temp = Path(name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        with contextlib.suppress(OSError):
            os.chmod(temp, _mode_for(path))
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
    return temp


def fsync_dir(folder: Path) -> None:
    """Make a rename durable: fsync the folder (POSIX only; Windows has no folder handles)."""
    if os.name == "nt":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _replace(temp: Path, path: Path) -> None:
    """os.replace; on Windows a few retries, as virus scanners hold new files for a moment."""
    step(f"replace {path.name}")
    attempts = 5 if os.name == "nt" else 1
    for attempt in range(attempts):
        try:
            os.replace(temp, path)
            return
        except PermissionError:
            if attempt == attempts - 1:
                raise
            time.sleep(0.1)


def write_atomic(path: Path, data: bytes, *, sync_dir: bool = True) -> None:
    """Put ``data`` in ``path`` in one step (temp file, fsync, ``os.replace``, fsync of
    the folder). The file keeps its permissions; a new one gets those of the umask.
    Raises ``store.busy`` / ``store.write_failed``; the target is then as it was."""
    try:
        temp = _write_temp(path, data)
    except OSError as exc:
        raise busy_or_failed(exc, path) from None
    try:
        _replace(temp, path)
    except OSError as exc:
        raise busy_or_failed(exc, path) from None
    finally:
        with contextlib.suppress(OSError):
            temp.unlink()  # gone already when the replacement worked
    if sync_dir:
        fsync_dir(path.parent)


def restore(done: Sequence[tuple[Path, bytes | None]]) -> None:
    """Put back the old contents (``None``: no file) of files already replaced, last first
    (best effort); used by :func:`replace_all` and the journal's undo."""
    for path, old in reversed(done):
        with contextlib.suppress(OSError, IpplanError):
            if old is None:
                path.unlink()
            else:
                write_atomic(path, old, sync_dir=False)


def replace_all(changes: Sequence[Pending]) -> None:
    """Write every change with :func:`write_atomic`; when one fails, put back the files
    already replaced and raise its error. (Not crash-proof across files: the store uses
    the journal, :mod:`ipplan.data.journal`, for that.)"""
    done: list[Pending] = []
    for item in changes:
        try:
            write_atomic(item.path, item.new, sync_dir=False)
        except BaseException:
            restore([(item.path, item.old) for item in done])
            raise
        done.append(item)
    for folder in {item.path.parent for item in changes}:
        fsync_dir(folder)
