"""Helpers for the tests of forked children (ipplan.engine.fork): count the forks, make a
child fail in one of the ways a child can."""

from __future__ import annotations

import os
import signal
from collections.abc import Callable
from typing import Any

import pytest

from ipplan.engine import fork

HOW = ["raises", "killed", "silent", "stuck"]  # what a failing child does


def count_forks(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The pids of the children forked from now on (``os.fork`` counted)."""
    forked: list[int] = []
    real_fork = os.fork

    def counted() -> int:
        pid = real_fork()
        if pid:
            forked.append(pid)
        return pid

    monkeypatch.setattr(os, "fork", counted)
    return forked


def failing(how: str, real: Callable[..., Any], monkeypatch: pytest.MonkeyPatch) -> Any:
    """``real`` as a child's work that fails (``how``: raises, is killed, ends without its
    answer, or never ends: then it is waited for half a second); in this process, ``real``."""
    me = os.getpid()

    def work(*args: Any) -> Any:
        if os.getpid() != me:
            if how == "raises":
                raise RuntimeError("boom")
            if how == "killed":
                os.kill(os.getpid(), signal.SIGKILL)
            if how == "stuck":
                signal.pause()
            os._exit(0)  # without its answer
        return real(*args)

    if how == "stuck":  # waited for at most this long, then killed
        monkeypatch.setattr(fork, "CHILD_WAIT", (0.5, 0.0))
    return work
