"""ipplan.data.signals: signals as one exception, held back during a commit (issue 13, class 3)."""

from __future__ import annotations

import os
import signal

import pytest

from ipplan.core.i18n import format_problem
from ipplan.data.signals import (
    Interrupted,
    deferred,
    handle_signals,
    interrupted_problem,
    note_written,
)

pytestmark = pytest.mark.skipif(os.name == "nt", reason="SIGTERM to oneself is POSIX")


def test_handled_signals_raise_interrupted_and_the_old_handlers_come_back() -> None:
    before = signal.getsignal(signal.SIGTERM)
    with pytest.raises(Interrupted) as info, handle_signals():
        signal.raise_signal(signal.SIGTERM)
    assert signal.getsignal(signal.SIGTERM) is before
    assert info.value.exit_code == 143 and info.value.written is None
    with pytest.raises(Interrupted) as info, handle_signals():
        signal.raise_signal(signal.SIGINT)
    assert info.value.exit_code == 130 and info.value.name == "SIGINT"
    with pytest.raises(Interrupted) as info, handle_signals():
        signal.raise_signal(signal.SIGHUP)  # the terminal was closed
    assert info.value.exit_code == 129


def test_a_deferred_signal_arrives_after_the_block_which_ran_to_its_end() -> None:
    ran: list[str] = []
    with pytest.raises(Interrupted) as info, handle_signals(), deferred():
        signal.raise_signal(signal.SIGINT)
        ran.append("after the signal")  # still runs: the signal is held back
    assert ran == ["after the signal"]
    assert info.value.written is True
    line = format_problem(interrupted_problem(info.value), "en")
    assert line == (
        "error: interrupted by SIGINT after the write had been committed; every file was"
        " written; ipplan status shows the result"
    )


def test_a_held_signal_still_arrives_when_the_block_fails() -> None:
    with pytest.raises(Interrupted) as info, handle_signals(), deferred():
        signal.raise_signal(signal.SIGTERM)
        raise ValueError("the write failed, and was undone")
    assert info.value.written is None and info.value.name == "SIGTERM"
    assert isinstance(info.value.__context__, ValueError)


def test_without_a_signal_the_block_error_is_raised() -> None:
    with pytest.raises(ValueError), handle_signals(), deferred():
        raise ValueError("the write failed")


def test_the_line_says_no_file_changed_unless_a_write_committed() -> None:
    with pytest.raises(Interrupted) as info, handle_signals():
        signal.raise_signal(signal.SIGINT)
    assert format_problem(interrupted_problem(info.value), "zh") == (
        "error: 已被 SIGINT 中断，命令未完成; 没有改动任何文件；需要时请重新运行"
    )
    with pytest.raises(Interrupted) as info, handle_signals():
        note_written()  # e.g. `record` wrote, then was stopped while printing the status
        signal.raise_signal(signal.SIGINT)
    assert interrupted_problem(info.value).code == "signal.interrupted_written"
