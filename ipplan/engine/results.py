"""A cache of whole outputs of ``ipplan regions`` on large plans: a second run with the
same inputs prints what the first printed without reading or evaluating anything.

Where: the folder of the parsed-actuals cache (:func:`ipplan.engine.cache.folder`), never
the plan folder; ``IPPLAN_CACHE_DIR=off`` turns both off. One entry per (plan folder,
command, options), replaced by the next run with other inputs. An entry is used only when
its key equals the present one in full: the ipplan version and the size and mtime of
every module of the package (a changed program never reuses an old output), every option
that shapes the output (the day, --format, --lang, --indicator, the width and colour of a
table, the language of warnings), and each plan file that the output depends on
(targets.yaml, targets_by_region.csv and actuals/*.csv: size, mtime and SHA-256 hash of its
bytes; the names, sizes and mtimes of everything else in actuals/). No data library is
imported here: a hit costs a hash of the files and a copy of the text.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ipplan import __version__

FORMAT = 1
PLAN_FILES = ("targets.yaml", "targets_by_region.csv")
_PACKAGE = Path(__file__).resolve().parents[1]


def folder() -> Path | None:
    """The cache folder (of this cache and of :mod:`ipplan.engine.cache`), or None when
    the caches are off."""
    chosen = os.environ.get("IPPLAN_CACHE_DIR")
    if chosen is not None:
        return None if chosen.strip().lower() in ("", "off", "0", "no") else Path(chosen)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "ipplan"


def _code() -> str:
    """The program's fingerprint: each module's path, size and mtime."""
    digest = hashlib.blake2b(digest_size=16)
    for path in sorted(_PACKAGE.rglob("*.py")):
        st = path.stat()
        digest.update(f"{path.relative_to(_PACKAGE)}\0{st.st_size}\0{st.st_mtime_ns}\n".encode())
    return digest.hexdigest()


_DIGESTS: dict[tuple[Any, ...], str] = {}  # a file as stat saw it → its SHA-256, this run


def _stat_key(st: os.stat_result) -> tuple[Any, ...]:
    return (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns)


def known_digest(st: os.stat_result) -> str | None:
    """The SHA-256 this process took of a file for the key, if it is as it was then
    (same inode, size, mtime and ctime: any write changes the ctime), so that the
    parsed-actuals cache does not hash the same bytes again."""
    return _DIGESTS.get(_stat_key(st))


def _file(path: Path) -> list[Any] | None:
    """Size, mtime and hash of a regular file; None when it is absent."""
    try:
        with path.open("rb") as f:
            st = os.fstat(f.fileno())
            digest = hashlib.file_digest(f, "sha256").hexdigest()
            if os.fstat(f.fileno()) == st:  # not written while it was hashed
                _DIGESTS[_stat_key(st)] = digest
    except FileNotFoundError:
        return None
    return [st.st_size, st.st_mtime_ns, digest]


def _hashed(paths: list[Path]) -> list[list[Any] | None]:
    """:func:`_file` of each path, in two threads when there are several (hashlib lets go
    of the GIL while it hashes: 147 MB take 0.27 s in one thread on this kind of machine)."""
    if len(paths) < 4:
        return [_file(p) for p in paths]
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(2) as pool:
        return list(pool.map(_file, paths))


def key(directory: Path, day: str, options: Sequence[str]) -> dict[str, Any] | None:
    """The key of one run's output (``day``: what it is known as of; ``options``: the
    command and everything else that shapes its text), or None when the files cannot all
    be read (then nothing is cached)."""
    try:
        paths = {name: directory / name for name in PLAN_FILES}
        actuals = directory / "actuals"
        listing: list[Any] = []
        if actuals.is_dir():
            with os.scandir(actuals) as entries:
                for entry in sorted(entries, key=lambda e: e.name):
                    st = entry.stat()
                    if entry.name.endswith(".csv") and entry.is_file():
                        paths[f"actuals/{entry.name}"] = Path(entry.path)
                    listing.append([entry.name, st.st_mode, st.st_size, st.st_mtime_ns])
        files = dict(zip(paths, _hashed(list(paths.values())), strict=True))
        return {
            "format": FORMAT,
            "version": __version__,
            "code": _code(),
            "plan": str(directory.resolve()),
            "day": day,
            "options": list(options),
            "files": files,
            "actuals": listing,
        }
    except (OSError, ValueError):
        return None


def snapshot(directory: Path) -> list[Any] | None:
    """What the file system says of each plan file and of every entry in actuals/
    (device, inode, size, mtime and ctime in ns): any write changes it, ctime included (no
    program can set that one back). Taken before :func:`key` and again after the run, it
    tells whether a file changed while the output was computed without hashing every
    file again; None when something cannot be read."""
    out: list[Any] = []
    try:
        paths = [directory / name for name in PLAN_FILES]
        actuals = directory / "actuals"
        if actuals.is_dir():
            paths += sorted(actuals.iterdir())
        for path in paths:
            try:
                st = path.stat()
            except FileNotFoundError:
                out.append([path.name, None])
                continue
            out.append([path.name, st.st_dev, st.st_ino, st.st_mode, st.st_size,
                        st.st_mtime_ns, st.st_ctime_ns])  # fmt: skip
    except OSError:
        return None
    return out


def _entry(where: Path, wanted: dict[str, Any]) -> Path:
    name = json.dumps([wanted["plan"], wanted["options"]], ensure_ascii=False)  # not the day
    return where / (hashlib.sha256(name.encode()).hexdigest()[:32] + ".out")


def load(wanted: dict[str, Any]) -> tuple[bytes, list[str]] | None:
    """The output (stdout text as UTF-8, warning lines) stored under ``wanted``, or None."""
    where = folder()
    if where is None:
        return None
    try:
        with _entry(where, wanted).open("rb") as f:
            head = json.loads(f.readline().decode("utf-8"))
            if head.get("key") != wanted:
                return None
            text = f.read()
    except (OSError, ValueError, UnicodeDecodeError, AttributeError):
        return None
    if len(text) != head.get("length"):
        return None  # a truncated entry
    warnings = head.get("warnings")
    if not isinstance(warnings, list) or not all(isinstance(w, str) for w in warnings):
        return None
    return text, warnings


def save(wanted: dict[str, Any], data: Sequence[bytes], warnings: Sequence[str]) -> None:
    """Store one run's output (stdout's text as UTF-8, in pieces) under ``wanted``; silent
    on failure."""
    where = folder()
    if where is None:
        return
    head = {"key": wanted, "length": sum(map(len, data)), "warnings": list(warnings)}
    opening = json.dumps(head, ensure_ascii=False).encode("utf-8") + b"\n"
    write_entry(_entry(where, wanted), opening, *data)


STALE_SECONDS = 3600.0  # a temporary entry this old was left by a process killed writing it


def _remove_stale(where: Path) -> None:
    """Remove the temporary entries that a process killed while writing left behind (a
    child of ``regions`` is killed when its work is no longer wanted)."""
    import time

    limit = time.time() - STALE_SECONDS
    with contextlib.suppress(OSError):
        for left in where.glob(".entry-*.tmp"):
            with contextlib.suppress(OSError):
                if left.stat().st_mtime < limit:
                    left.unlink()


def write_entry(entry: Path, *chunks: bytes) -> None:
    """Write one cache entry (this cache's or the parsed-actuals cache's) atomically: a
    temporary file beside it, then a rename. Silent on failure: a cache is best effort."""
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=entry.parent, prefix=".entry-", suffix=".tmp")
    except OSError:
        return
    try:
        with os.fdopen(fd, "wb") as out:
            for chunk in chunks:
                out.write(chunk)
        os.replace(tmp, entry)
        _remove_stale(entry.parent)
    except BaseException as exc:  # no temporary file left, Ctrl-C included
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if not isinstance(exc, OSError):
            raise
