"""Signals (Ctrl-C, ``kill``) as an exception, and a write that a signal cannot cut in two.

- :class:`Interrupted` is raised by the handlers :func:`handle_signals` installs (the CLI
  installs them for the length of a command): SIGINT, SIGTERM and, where it exists,
  SIGHUP. Its ``exit_code`` is 128 + the signal number (130 for SIGINT, 143 for SIGTERM,
  129 for SIGHUP); ``written`` says what happened to a write in progress: None (none was
  in progress), False (it was rolled back: no file changed) or True (it had committed and
  was completed before the command stopped).
- :func:`deferred` holds those signals back for a short critical section (the commit and
  replacement of files, which take milliseconds) and delivers them when it ends. SIGKILL
  cannot be held back: the journal (:mod:`ipplan.data.journal`) covers it.

Signal handlers can only be set in the main thread; elsewhere both are no-ops.
"""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Iterator
from types import FrameType
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ipplan.core.errors import Problem

_NAMES = ("SIGINT", "SIGTERM", "SIGHUP")


def _signals() -> list[signal.Signals]:
    return [getattr(signal, name) for name in _NAMES if hasattr(signal, name)]


class Interrupted(BaseException):
    """The command was stopped by a signal (a BaseException, like KeyboardInterrupt, so
    that ``except Exception`` does not swallow it)."""

    def __init__(self, signum: int) -> None:
        self.signum = signum
        self.written: bool | None = None
        super().__init__(signal.Signals(signum).name)

    @property
    def name(self) -> str:
        return signal.Signals(self.signum).name

    @property
    def exit_code(self) -> int:
        return 128 + self.signum


_written = False  # set by note_written, reset by handle_signals


def _raise(signum: int, frame: FrameType | None) -> None:
    raise Interrupted(signum)


def _main_thread() -> bool:
    return threading.current_thread() is threading.main_thread()


@contextlib.contextmanager
def handle_signals() -> Iterator[None]:
    """SIGINT, SIGTERM and SIGHUP raise :class:`Interrupted` inside the block; the previous
    handlers come back after it."""
    global _written
    _written = False
    if not _main_thread():
        yield
        return
    before: dict[signal.Signals, Any] = {}
    try:
        for sig in _signals():
            before[sig] = signal.signal(sig, _raise)
        yield
    finally:
        for sig, handler in before.items():
            signal.signal(sig, handler)


@contextlib.contextmanager
def deferred() -> Iterator[None]:
    """Hold SIGINT, SIGTERM and SIGHUP back for the block; deliver the first one that came
    (to the handler that was in place) when it ends. An :class:`Interrupted` raised then is
    marked ``written = True`` when the block ran to its end; when the block failed, the
    signal still arrives (the user asked to stop), in place of the block's error."""
    if not _main_thread():
        yield
        return
    caught: list[int] = []

    def note(signum: int, frame: FrameType | None) -> None:
        caught.append(signum)

    before: dict[signal.Signals, Any] = {}

    def restore() -> None:
        for sig, handler in before.items():
            signal.signal(sig, handler)

    try:
        for sig in _signals():
            before[sig] = signal.signal(sig, note)
        yield
    except BaseException:
        restore()
        if caught:
            signal.raise_signal(caught[0])
        raise
    restore()
    if caught:
        try:
            signal.raise_signal(caught[0])
        except Interrupted as exc:
            exc.written = True
            raise


def note_written() -> None:
    """A write was committed (by :mod:`ipplan.data.journal`): a later signal must not claim that
    no file changed."""
    global _written
    _written = True


def interrupted_problem(exc: Interrupted) -> Problem:
    """The one line the CLI prints for a signal: what became of a write in progress."""
    from ipplan.core.errors import Problem

    if exc.written is None and _written:
        exc.written = True
    code = {None: "signal.interrupted", False: "signal.interrupted_rolled_back",
            True: "signal.interrupted_written"}[exc.written]  # fmt: skip
    return Problem(code, {"signal": exc.name})
