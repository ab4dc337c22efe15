"""Writing files so that nothing is ever half written, and one writer at a time.

- :func:`plan_lock` takes the plan's lock file (``actuals/.ipplan.lock``, via ``filelock``,
  which works on Windows too); a lock that cannot be had within ``timeout`` seconds
  becomes :class:`~ipplan.errors.FileBusyError` ``store.locked``.
- :func:`replace_all` writes new contents for one or more files: every new content goes
  to a temp file in the same folder first (flush, fsync), then each temp file replaces
  its target with ``os.replace`` (atomic on POSIX and Windows), then the folder is
  fsynced where the platform allows it. A reader, or a crash at any moment, sees each
  file either whole and old or whole and new. When one replacement fails (Excel or WPS
  holds the file open on Windows: ``PermissionError``), the files already replaced get
  their old contents back and the error says which file to close.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from ipplan.errors import DataError, FileBusyError, IpplanError

LOCK_NAME = ".ipplan.lock"
TEMP_SUFFIX = ".tmp"
DEFAULT_TIMEOUT = 10.0


@dataclass(frozen=True)
class Pending:
    """New bytes for a file; ``old`` is its current content (None: it does not exist yet)."""

    path: Path
    new: bytes
    old: bytes | None


def _reason(exc: OSError) -> str:
    return exc.strerror or str(exc)


def busy_or_failed(exc: OSError, path: Path) -> IpplanError:
    """The error to raise for an OSError met while reading or writing ``path``."""
    if isinstance(exc, PermissionError) and path.exists():
        return FileBusyError("store.busy", file=str(path), path=str(path))
    return DataError("store.write_failed", file=str(path), path=str(path), reason=_reason(exc))


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


def _restore(done: Sequence[Pending]) -> None:
    """Put back the old contents of files already replaced (best effort)."""
    for item in reversed(done):
        with contextlib.suppress(OSError):
            if item.old is None:
                item.path.unlink()
            else:
                os.replace(_write_temp(item.path, item.old), item.path)


def _replace(temp: Path, path: Path) -> None:
    """os.replace; on Windows a few retries, as virus scanners hold new files for a moment."""
    attempts = 5 if os.name == "nt" else 1
    for attempt in range(attempts):
        try:
            os.replace(temp, path)
            return
        except PermissionError:
            if attempt == attempts - 1:
                raise
            time.sleep(0.1)


def replace_all(changes: Sequence[Pending]) -> None:
    """Write every change atomically; on failure put back what was already replaced.

    Temp files are all written (and fsynced) before the first replacement, so a full disk
    or a read-only folder stops the write before any file changed.
    """
    temps: list[tuple[Pending, Path]] = []
    try:
        for item in changes:
            try:
                temps.append((item, _write_temp(item.path, item.new)))
            except OSError as exc:
                raise busy_or_failed(exc, item.path) from None
        done: list[Pending] = []
        for item, temp in temps:
            try:
                _replace(temp, item.path)
            except OSError as exc:
                _restore(done)
                raise busy_or_failed(exc, item.path) from None
            done.append(item)
    finally:
        for _, temp in temps:
            with contextlib.suppress(OSError):
                temp.unlink()
    for folder in {item.path.parent for item in changes}:
        fsync_dir(folder)
