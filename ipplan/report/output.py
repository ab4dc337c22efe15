"""Where a report goes: its default file name, and an atomic write.

The bytes are complete before the file is touched; they go to a temporary file in the
same folder, which then replaces the target in one step (``os.replace``). A failed or
interrupted run leaves the old file as it was, or no file, never half a file.
"""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
from datetime import date
from pathlib import Path

from ipplan.errors import FileBusyError, UsageError

_UNSAFE = re.compile(r"[^\w.-]+", re.UNICODE)


def default_filename(plan_id: str, as_of: date, extension: str) -> str:
    """``<plan id>-report-<as-of date>.<ext>``, e.g. suizhou-ip-2025-report-2024-12-31.docx."""
    stem = _UNSAFE.sub("_", plan_id).strip("._") or "plan"
    return f"{stem[:80]}-report-{as_of.isoformat()}.{extension}"


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder."""
    folder = path.parent
    if path.is_dir():
        raise UsageError("report.output_is_dir", path=str(path))
    if not folder.is_dir():
        raise UsageError("report.no_folder", path=str(folder))
    tmp: str | None = None
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, path)
        tmp = None
    except OSError as exc:
        raise FileBusyError(
            "report.write_failed", file=str(path), path=str(path), reason=exc.strerror or str(exc)
        ) from None
    finally:
        if tmp is not None:
            _remove(tmp)


def _remove(tmp: str) -> None:
    with contextlib.suppress(OSError):
        os.unlink(tmp)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
