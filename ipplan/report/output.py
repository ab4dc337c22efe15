"""Where a report goes: its default file name, and the write to the output target.

:func:`write_output` looks at what the target is:

- ``-``, ``/dev/stdout`` (or ``/dev/fd/1``, ``/proc/self/fd/1``) and ``/dev/stderr``: the
  process's own standard output (error); nothing is created or replaced.
- a device, FIFO (named pipe) or socket, directly or through a symlink: written in place,
  never replaced by a file (``/dev/null``, ``/dev/tty``, a FIFO a script reads).
- anything else is a regular file, new or old: written atomically by ipplan's one atomic
  writer (:func:`ipplan.data.atomic.write_atomic`). A symlink is followed: the file it points
  to is replaced and the link is kept.

The bytes are complete before the target is touched. A failed atomic write leaves the old
file as it was (``store.busy`` / ``store.write_failed``); a failed write to a stream or
device (``/dev/full``: no space left) is ``output.write_failed``. Both exit 3.
"""

from __future__ import annotations

import os
import re
import stat
import sys
from datetime import date
from pathlib import Path
from typing import TextIO

from ipplan.core.errors import UsageError
from ipplan.data.atomic import output_failed
from ipplan.data.atomic import write_atomic as _atomic
from ipplan.data.signals import deferred, note_written

_UNSAFE = re.compile(r"[^\w.-]+", re.UNICODE)
STDOUT_NAMES = ("-", "/dev/stdout", "/dev/fd/1", "/proc/self/fd/1")
STDERR_NAMES = ("/dev/stderr", "/dev/fd/2", "/proc/self/fd/2")


def default_filename(plan_id: str, as_of: date, extension: str) -> str:
    """``<plan id>-report-<as-of date>.<ext>``, e.g. suizhou-ip-2025-report-2024-12-31.docx."""
    stem = _UNSAFE.sub("_", plan_id).strip("._") or "plan"
    return f"{stem[:80]}-report-{as_of.isoformat()}.{extension}"


def _special(path: Path) -> bool:
    """A device, FIFO or socket (through symlinks): written in place, never replaced."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False
    return not stat.S_ISREG(mode) and not stat.S_ISDIR(mode)


def write_output(target: str | Path, data: bytes) -> None:
    """Write ``data`` to ``target`` as the module docstring says; raises UsageError
    (a folder, a missing folder), FileBusyError or WriteError."""
    name = str(target)
    if name in STDOUT_NAMES:
        _write_fd(sys.stdout, 1, data, "stdout")
        return
    if name in STDERR_NAMES:
        _write_fd(sys.stderr, 2, data, "stderr")
        return
    path = Path(target)
    if path.is_dir():
        raise UsageError("report.output_is_dir", path=name)
    if _special(path):
        _write_special(path, data)
        return
    real = Path(os.path.realpath(path))  # a symlink keeps pointing at the new file
    if not real.parent.is_dir():
        raise UsageError("report.no_folder", path=str(path.parent))
    with deferred():  # Ctrl-C after the rename must not claim that nothing was written
        _atomic(real, data)
        note_written()


def _write_fd(stream: TextIO, fd: int, data: bytes, label: str) -> None:
    """Write to standard output (error) through its byte buffer, after the text before it."""
    _refuse_binary_on_terminal(fd, data, label)
    try:
        stream.flush()
        buffer = getattr(stream, "buffer", None)
        if buffer is None:
            _write_all(fd, data)
        else:
            buffer.write(data)
            buffer.flush()
    except BrokenPipeError:
        raise  # the reader went away (| head): the CLI ends quietly, as for any output
    except OSError as exc:
        raise output_failed(exc, label) from None


def _write_special(path: Path, data: bytes) -> None:
    flags = os.O_WRONLY | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        raise output_failed(exc, str(path), str(path)) from None
    try:
        _refuse_binary_on_terminal(fd, data, str(path))
        _write_all(fd, data)
    except OSError as exc:
        raise output_failed(exc, str(path), str(path)) from None
    finally:
        os.close(fd)


def _refuse_binary_on_terminal(fd: int, data: bytes, label: str) -> None:
    """A Word or Excel file is not for a terminal: its bytes would be taken as control
    sequences. Text that is not UTF-8 is refused there too."""
    if not os.isatty(fd):
        return
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        raise UsageError("output.binary_terminal", path=label) from None


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]
