"""Work on a large plan split over two processes: the second core, as DuckDB's threads use
it (issue 9).

:class:`Child` runs work in a child made with :func:`os.fork` (copy-on-write: nothing is
read or sent again) while this process goes on; what it makes comes back in a memory file
(Linux's memfd) or, where there is none, through the pipe that also says it is done.
:func:`in_two` gives ``[work(first half), work(second half)]`` with the second half in a
child (the evaluation and JSON of ``regions``); :func:`ipplan.engine.load.read_table`
reads the later half of the actuals files in one. Any trouble with the child
(no fork on this system, a failure, a signal, a short answer) is silent: the parent then
computes that half itself, so the result is always the one-process result.
``IPPLAN_PROCESSES=1`` keeps everything in one process.
"""

from __future__ import annotations

import contextlib
import os
import signal
import time
from collections.abc import Callable, Iterable, Sequence
from typing import NoReturn, TypeVar

T = TypeVar("T")
CHILD_WAIT = (60.0, 4.0)  # seconds at least, and times this process's own work since the fork


def allowed() -> bool:
    """Whether a child may be forked: the system has fork, more than one core, and
    ``IPPLAN_PROCESSES`` does not say 1."""
    if os.environ.get("IPPLAN_PROCESSES", "").strip() == "1":
        return False
    return hasattr(os, "fork") and (os.cpu_count() or 1) > 1


class Child:
    """Work done by a forked child while this process goes on: the child computes all of
    it, then leaves its pieces (text as UTF-8, or bytes) in a memory file, or sends them
    through a pipe, which this process reads only once its own work is done
    (:meth:`result`): no thread here takes the GIL
    from the work to receive (a pipe holds 64 kB: a receiving thread made the child wait
    for it hundreds of times). :meth:`result` gives everything sent, or None when no child
    could be made or it failed, was killed, answered short or took longer than ``timeout``
    seconds (it is then killed): the caller then does the work itself. ``work`` must
    depend only on what this process held when it was made."""

    def __init__(self, work: Callable[[], Iterable[str | bytes]]) -> None:
        self.pid = 0
        self.read_end = self.store = -1
        self.began = time.monotonic()
        if not allowed():
            return
        try:
            read_end, write_end = os.pipe()
        except OSError:
            return
        self.store = _memory_file()
        pid = -1
        with contextlib.suppress(OSError):
            pid = os.fork()
        if pid == -1:  # no child could be made
            os.close(read_end)
            os.close(write_end)
            self._close_store()
            return
        if pid == 0:  # the child: compute, send, and leave without running the parent's exits
            _child(read_end, write_end, self.store, work)
        os.close(write_end)
        self.pid, self.read_end = pid, read_end

    def stop(self) -> None:
        """Kill the child (when the work is no longer wanted)."""
        if self.pid:
            with contextlib.suppress(OSError):
                os.kill(self.pid, signal.SIGKILL)
        self._close_store()  # an answer already there is not read
        self.result()

    def in_time(self) -> bytes | None:
        """:meth:`result`, waiting for a child much slower than this process has been
        since it was made (:data:`CHILD_WAIT`) no longer: it is then taken to be stuck."""
        least, times = CHILD_WAIT
        return self.result(max(least, times * (time.monotonic() - self.began)))

    def result(self, timeout: float | None = None) -> bytes | None:
        """Everything the child sent (without the length at the end), or None."""
        if not self.pid:
            return None
        pid, self.pid = self.pid, 0
        try:
            received = _receive(self.read_end, timeout)
        except BaseException:  # Ctrl-C while waiting: the child killed and reaped too
            self._end(pid, kill=True)
            raise
        status = self._end(pid, kill=received is None)  # too slow (stuck?): killed
        try:
            if status is None:
                return None
            if received is None or not (os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0):
                return None
            data = b"".join(received)
            if len(data) == 9 and data[:1] == b"M" and self.store >= 0:  # in the memory file
                return _read_all(self.store, int.from_bytes(data[1:], "big"))
            if len(data) < 8 or int.from_bytes(data[-8:], "big") != len(data) - 8:
                return None
            return data[:-8]
        finally:
            self._close_store()

    def _close_store(self) -> None:
        if self.store >= 0:
            with contextlib.suppress(OSError):
                os.close(self.store)
            self.store = -1

    def _end(self, pid: int, kill: bool) -> int | None:
        """Close the pipe and reap the child (killed first when ``kill``): its wait status,
        None when it cannot be had."""
        if kill:
            with contextlib.suppress(OSError):
                os.kill(pid, signal.SIGKILL)
        with contextlib.suppress(OSError):
            os.close(self.read_end)
        try:
            return os.waitpid(pid, 0)[1]
        except OSError:
            return None
        finally:
            if kill:
                self._close_store()


def in_two(items: Sequence[T], work: Callable[[Sequence[T]], Iterable[str]]) -> list[bytes]:
    """``"".join(work(items[:h]))`` and ``"".join(work(items[h:]))`` as UTF-8, with h the
    larger half; the second part computed in a forked child (:class:`Child`) when
    :func:`allowed`, which sends each piece as it is made (its bytes are used as they
    come: no decoding and encoding again)."""
    half = (len(items) + 1) // 2
    first, second = items[:half], items[half:]
    child = Child(lambda: work(second)) if second else None
    try:
        mine = "".join(work(first)).encode("utf-8")
    except BaseException:
        if child is not None:
            child.stop()
        raise
    theirs = child.in_time() if child is not None else None
    return [mine, "".join(work(second)).encode("utf-8") if theirs is None else theirs]


def _memory_file() -> int:
    """An anonymous file in memory (Linux's memfd) for the child's answer, or -1 where
    there is none: the child writes its pieces there as soon as they are made and ends,
    instead of waiting for this process to read them through the pipe (28 MB took 0.1 s
    of this process's time at 3,000 units: 64 kB at a time)."""
    make = getattr(os, "memfd_create", None)
    if make is None:
        return -1
    try:
        found: int = make("ipplan-child", getattr(os, "MFD_CLOEXEC", 0))
    except OSError:
        return -1
    return found


def _read_all(fd: int, size: int) -> bytes | None:
    """The first ``size`` bytes of the file ``fd``; None when it holds fewer."""
    parts = []
    at = 0
    while at < size:
        part = os.pread(fd, size - at, at)
        if not part:
            return None
        parts.append(part)
        at += len(part)
    return parts[0] if len(parts) == 1 else b"".join(parts)


def _child(
    read_end: int, write_end: int, store: int, work: Callable[[], Iterable[str | bytes]]
) -> NoReturn:
    """Compute in the child, then write every piece (text as UTF-8) to the memory file
    ``store`` and b"M" with their length (8 bytes) to the pipe, or, without one, the
    pieces to the pipe and their length; exit 0 only when all of it was written. Nothing
    is printed: any error only makes the exit status 1."""
    code = 1
    try:
        os.close(read_end)
        pieces = [p if isinstance(p, bytes) else p.encode("utf-8") for p in work()]
        sent = sum(map(len, pieces))
        if store >= 0:
            with os.fdopen(store, "wb") as kept:
                for piece in pieces:
                    kept.write(piece)
            del pieces
            with os.fdopen(write_end, "wb") as out:
                out.write(b"M" + sent.to_bytes(8, "big"))
            os._exit(0)
        with os.fdopen(write_end, "wb") as out:
            for piece in pieces:
                out.write(piece)
            out.write(sent.to_bytes(8, "big"))  # the length last: an answer cut short shows
        code = 0
    except BaseException:  # the parent does this work itself
        pass
    finally:
        os._exit(code)


def _receive(read_end: int, timeout: float | None) -> list[bytes] | None:
    """Read the pipe to its end; None when that takes more than ``timeout`` seconds."""
    import select

    deadline = None if timeout is None else time.monotonic() + timeout
    received: list[bytes] = []
    while True:
        if deadline is not None:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([read_end], [], [], left)[0]:
                return None
        try:
            chunk = os.read(read_end, 1 << 20)
        except OSError:
            return received
        if not chunk:
            return received
        received.append(chunk)
