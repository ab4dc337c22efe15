"""The hidden sibling folder ``ipplan init`` writes a new plan into, and the ones a
killed init left behind.

A new folder DIR is written into ``.DIR.XXXXXXXX.tmp`` beside it (``DIR`` cut to 64
characters, ``XXXXXXXX`` the eight characters of :func:`tempfile.mkdtemp`), which one
rename puts in place. While it writes, the init holds that folder's plan lock
(``actuals/.ipplan.lock``, the ``flock`` that :func:`ipplan.data.atomic.plan_lock` takes).
The lock file is made under a name of its own, locked, and only then renamed to
``.ipplan.lock``, so it is never seen unlocked while its init lives; it is removed just
before the rename into place (the new plan holds only its files), and the lock is let go
after it.

A later init of DIR (:func:`remove_stale`) removes each sibling of exactly that pattern
whose lock it can take: the init that made it is gone (``kill -9``, a power cut). A sibling
whose lock is held (an init at work), one without a lock file (an init in its first
instant, or in the instant before its rename), or anything that is not a plain folder is
left alone. The lock is ``flock``: POSIX only; where there is none (Windows), the new folder
is written without it and nothing is removed.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import stat
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType

from ipplan.data.atomic import LOCK_NAME

fcntl: ModuleType | None
try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None

SUFFIX = ".tmp"
_RANDOM = "[a-z0-9_]{8}"  # tempfile's names: eight of a-z, 0-9 and _


def prefix(directory: Path) -> str:
    """The start of the hidden sibling's name: ``.DIR.`` (DIR cut to 64 characters)."""
    return f".{directory.name[:64]}."


def is_temp_of(directory: Path, name: str) -> bool:
    """Whether ``name`` is exactly a hidden sibling an init of ``directory`` makes."""
    pattern = re.escape(prefix(directory)) + _RANDOM + re.escape(SUFFIX)
    return re.fullmatch(pattern, name) is not None


@contextlib.contextmanager
def held(temp: Path) -> Iterator[Callable[[], None]]:
    """Make ``temp/actuals`` and hold ``temp``'s lock for the ``with`` block; the function
    given removes the lock file's name (call it just before the rename: the lock stays
    held until the block ends). Raises OSError."""
    actuals = temp / "actuals"
    actuals.mkdir()
    if fcntl is None:  # pragma: no cover - Windows: no lock, and no removal either
        yield lambda: None
        return
    lock = actuals / LOCK_NAME
    making = actuals / f"{LOCK_NAME}.new"
    fd = os.open(making, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)  # a file no other process knows yet: at once
        os.rename(making, lock)
        yield lambda: _unlink(lock)
    finally:
        os.close(fd)  # lets go of the lock


def _unlink(path: Path) -> None:
    with contextlib.suppress(OSError):  # left, it is only the plan's lock file
        path.unlink()


def remove_stale(directory: Path) -> list[Path]:
    """Remove the hidden siblings killed inits of ``directory`` left; return them."""
    if fcntl is None:  # pragma: no cover - Windows
        return []
    parent = directory.parent
    try:
        names = sorted(os.listdir(parent))
    except OSError:
        return []
    removed = []
    for name in names:
        if is_temp_of(directory, name) and _remove_if_stale(parent / name):
            removed.append(parent / name)
    return removed


def _remove_if_stale(temp: Path) -> bool:
    """Remove ``temp`` if its lock file is there and can be locked, then under that lock."""
    assert fcntl is not None
    lock = temp / "actuals" / LOCK_NAME
    try:
        if not stat.S_ISDIR(os.lstat(temp).st_mode):
            return False
        fd = os.open(lock, os.O_RDWR | getattr(os, "O_NOFOLLOW", 0))  # never made here
    except OSError:
        return False
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return False  # held: its init is at work
        try:  # still the lock of that folder (not one its init removed before renaming)
            if not os.path.samestat(os.lstat(lock), os.fstat(fd)):
                return False
            if not stat.S_ISDIR(os.lstat(temp).st_mode):
                return False
        except OSError:
            return False
        shutil.rmtree(temp, ignore_errors=True)
        return not os.path.lexists(temp)
    finally:
        os.close(fd)
