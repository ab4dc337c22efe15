"""Work on a large plan split over two processes: the second core, as DuckDB's threads use
it (issue 9).

:func:`in_two` gives ``[work(first half), work(second half)]``; the second half is computed
by a child made with :func:`os.fork` once the data is loaded (copy-on-write: nothing is
read or sent again), and its text comes back through a pipe. Any trouble with the child
(no fork on this system, a failure, a signal, a short answer) is silent: the parent then
computes that half itself, so the result is always the one-process result.
``IPPLAN_PROCESSES=1`` keeps everything in one process.
"""

from __future__ import annotations

import contextlib
import os
import signal
import threading
from collections.abc import Callable, Iterable, Sequence
from typing import NoReturn, TypeVar

T = TypeVar("T")


def allowed() -> bool:
    """Whether a child may be forked: the system has fork, more than one core, and
    ``IPPLAN_PROCESSES`` does not say 1."""
    if os.environ.get("IPPLAN_PROCESSES", "").strip() == "1":
        return False
    return hasattr(os, "fork") and (os.cpu_count() or 1) > 1


def in_two(items: Sequence[T], work: Callable[[Sequence[T]], Iterable[str]]) -> list[str]:
    """``["".join(work(items[:h])), "".join(work(items[h:]))]`` with h the larger half;
    the second part computed in a forked child when :func:`allowed`, which sends each
    piece as it is made (a thread here receives them meanwhile). ``work`` must depend only
    on its items and on what was loaded before (the child sees the parent's memory as it
    was)."""
    half = (len(items) + 1) // 2
    first, second = items[:half], items[half:]
    if not second or not allowed():
        return ["".join(work(first)), "".join(work(second))]
    pid = -1
    try:
        read_end, write_end = os.pipe()
    except OSError:
        return ["".join(work(first)), "".join(work(second))]
    with contextlib.suppress(OSError):
        pid = os.fork()
    if pid == -1:  # no child could be made
        os.close(read_end)
        os.close(write_end)
        return ["".join(work(first)), "".join(work(second))]
    if pid == 0:  # the child: compute, send, and leave without running the parent's exits
        _child(read_end, write_end, lambda: work(second))
    os.close(write_end)
    received: list[bytes] = []
    reader = threading.Thread(target=_receive, args=(read_end, received), daemon=True)
    try:
        reader.start()
        mine = "".join(work(first))
    except BaseException:
        with contextlib.suppress(OSError):
            os.kill(pid, signal.SIGKILL)
        raise
    finally:
        reader.join()  # the pipe's end: the child has finished, failed or been killed
        with contextlib.suppress(OSError):
            os.close(read_end)
        try:
            _, status = os.waitpid(pid, 0)
        except OSError:
            status = -1
    theirs = None
    if status != -1 and os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0:
        data = b"".join(received)
        received.clear()
        if len(data) >= 8 and int.from_bytes(data[-8:], "big") == len(data) - 8:
            with contextlib.suppress(UnicodeDecodeError):
                theirs = data[:-8].decode("utf-8")
    return [mine, "".join(work(second)) if theirs is None else theirs]


def _child(read_end: int, write_end: int, work: Callable[[], Iterable[str]]) -> NoReturn:
    """Compute in the child and write each piece to the pipe as UTF-8, then the number of
    bytes written (8 bytes); exit 0 only when all of it was written. Nothing is printed:
    any error only makes the exit status 1."""
    code = 1
    try:
        os.close(read_end)
        with os.fdopen(write_end, "wb") as out:
            sent = 0
            for piece in work():
                sent += out.write(piece.encode("utf-8"))
            out.write(sent.to_bytes(8, "big"))  # the length last: an answer cut short shows
        code = 0
    except BaseException:  # the parent computes this half itself
        pass
    finally:
        os._exit(code)


def _receive(read_end: int, received: list[bytes]) -> None:
    """Read the pipe to its end into ``received`` (in a thread of the parent)."""
    with contextlib.suppress(OSError), os.fdopen(read_end, "rb", closefd=False) as source:
        while chunk := source.read(1 << 20):
            received.append(chunk)
