"""Reading the files ipplan is given: regular files only, never more than a limit.

Every reader of user files (targets.yaml, actuals/*.csv, files to import) goes through
:func:`read_limited`. It opens the path without blocking (a FIFO named ``x.csv`` would
otherwise wait forever for a writer), checks on the open descriptor that it is a regular
file (not a FIFO, a device such as ``/dev/zero``, a socket or a folder; a symlink is
followed and judged by what it points to), refuses a file larger than the limit, and
reads at most ``limit + 1`` bytes (a file that grows while it is read, or a /proc file
that reports size 0, is still bounded).

It raises :class:`~ipplan.core.errors.DataError`: ``file.not_regular``, ``file.too_large`` or,
for any other failure to open or read (missing, permission denied), the caller's own
``unreadable`` code with the ``reason`` (the OSError is its ``__cause__``).
:func:`scan_folder` lists a folder the same way, so that an unreadable folder is an error
rather than an empty listing.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from ipplan.core.errors import DataError

__all__ = [
    "MAX_ACTUALS_BYTES",
    "MAX_IMPORT_BYTES",
    "MAX_PLAN_BYTES",
    "MAX_XLSX_UNPACKED",
    "file_kind",
    "read_limited",
    "scan_folder",
]

MAX_PLAN_BYTES = 2 * 1024 * 1024  # targets.yaml: the Suizhou plan is ~10 KB
MAX_ACTUALS_BYTES = 64 * 1024 * 1024  # one indicator: 3,000 units × 60 months is ~15 MB
MAX_IMPORT_BYTES = 32 * 1024 * 1024  # a file to import (CSV or XLSX, as stored)
MAX_XLSX_UNPACKED = 256 * 1024 * 1024  # the parts of an XLSX once unzipped, all together

_CHUNK = 1 << 20


def file_kind(mode: int) -> str:
    """What a non-regular file is, as a stable word the message catalogs translate."""
    if stat.S_ISDIR(mode):
        return "folder"
    if stat.S_ISFIFO(mode):
        return "fifo"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "device"
    if stat.S_ISSOCK(mode):
        return "socket"
    return "other"


def _mib(size: int) -> str:
    return f"{size / (1024 * 1024):.0f}"


def read_limited(path: Path, limit: int, unreadable: str) -> bytes:
    """The bytes of the regular file ``path``, at most ``limit`` of them."""
    file = str(path)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    flags |= getattr(os, "O_NOCTTY", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        if exc.errno == errno.ENXIO:  # a socket, or a FIFO some systems refuse to open
            raise DataError("file.not_regular", file=file, kind="other") from None
        raise DataError(unreadable, file=file, reason=exc.strerror or str(exc)) from exc
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise DataError("file.not_regular", file=file, kind=file_kind(info.st_mode))
        if info.st_size > limit:
            raise DataError("file.too_large", file=file, size=_mib(info.st_size),
                            limit=_mib(limit))  # fmt: skip
        chunks: list[bytes] = []
        total = 0
        while True:
            chunk = os.read(fd, min(_CHUNK, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
            if total > limit:
                raise DataError("file.too_large", file=file, size=f">{_mib(limit)}",
                                limit=_mib(limit))  # fmt: skip
        return b"".join(chunks)
    except OSError as exc:
        raise DataError(unreadable, file=file, reason=exc.strerror or str(exc)) from exc
    finally:
        os.close(fd)


def scan_folder(folder: Path, unreadable: str) -> list[Path]:
    """The entries of ``folder``, sorted by name; DataError when it cannot be listed."""
    try:
        with os.scandir(folder) as entries:
            names = sorted(entry.name for entry in entries)
    except OSError as exc:
        raise DataError(unreadable, file=str(folder), reason=exc.strerror or str(exc)) from None
    return [folder / name for name in names]
