"""ipplan.data.inittemp: the hidden folders of killed inits are removed by the next init
of the same folder, and only those: never one an init still holds, never anything else."""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

import pytest

from ipplan.cli.app import main
from ipplan.data import inittemp
from ipplan.data.atomic import LOCK_NAME, add_step_hook
from ipplan.data.scaffold import create_plan

pytestmark = pytest.mark.skipif(os.name == "nt", reason="the lock is flock: POSIX")


def stale(parent: Path, name: str) -> Path:
    """What an init killed after its first file leaves: the folder, its unlocked lock file."""
    temp = parent / name
    (temp / "actuals").mkdir(parents=True)
    (temp / "actuals" / LOCK_NAME).touch()
    (temp / "targets.yaml").write_bytes(b"plan:\n")
    return temp


def test_exactly_the_pattern_init_makes() -> None:
    d = Path("/x/新方案")
    assert inittemp.is_temp_of(d, ".新方案.ab_3z9xq.tmp")
    for name in [".新方案.ab_3z9x.tmp", ".新方案.ab_3z9xqq.tmp", ".新方案.AB_3Z9XQ.tmp",
                 ".新方案.ab-3z9xq.tmp", ".新方案.ab_3z9xq.tmp.bak", "新方案.ab_3z9xq.tmp",
                 ".新方案2.ab_3z9xq.tmp", "..新方案.ab_3z9xq.tmp"]:  # fmt: skip
        assert not inittemp.is_temp_of(d, name), name
    long = Path("/x") / ("长" * 70)
    assert inittemp.is_temp_of(long, "." + "长" * 64 + ".abcdefgh.tmp")  # as mkdtemp's prefix


def test_the_next_init_removes_a_stale_one_and_says_so(tmp_path: Path) -> None:
    temp = stale(tmp_path, ".p.abcdefgh.tmp")
    warnings: list = []
    create_plan(tmp_path / "p", "blank", warnings=warnings)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["p"]
    assert [(w.code, w.file, w.severity) for w in warnings] == [
        ("init.stale_removed", str(temp), "warning")
    ]
    assert list((tmp_path / "p" / "actuals").iterdir()) == []  # the lock file not carried in


def test_what_is_not_init_s_own_is_left(tmp_path: Path) -> None:
    other = stale(tmp_path, ".q.abcdefgh.tmp")  # another folder's
    near = stale(tmp_path, ".p.abcdefg.tmp")  # seven characters
    no_lock = tmp_path / ".p.nolock12.tmp"  # an init in its first instant
    (no_lock / "actuals").mkdir(parents=True)
    a_file = tmp_path / ".p.afile123.tmp"
    a_file.write_bytes(b"mine")
    real = stale(tmp_path, "elsewhere")
    link = tmp_path / ".p.alink123.tmp"
    link.symlink_to(real, target_is_directory=True)
    lock_link = tmp_path / ".p.lklink12.tmp"
    (lock_link / "actuals").mkdir(parents=True)
    (lock_link / "actuals" / LOCK_NAME).symlink_to(real / "actuals" / LOCK_NAME)
    warnings: list = []
    create_plan(tmp_path / "p", "blank", warnings=warnings)
    assert warnings == []
    for path in [other, near, no_lock, a_file, link, lock_link, real / "targets.yaml"]:
        assert os.path.lexists(path), path


def test_refused_init_removes_nothing(tmp_path: Path) -> None:
    (tmp_path / "p").mkdir()
    (tmp_path / "p" / "targets.yaml").write_bytes(b"mine")
    temp = stale(tmp_path, ".p.abcdefgh.tmp")
    with pytest.raises(SystemExit) as done:
        main(["init", str(tmp_path / "p")])
    assert done.value.code == 2 and temp.exists()  # exit 2: nothing written


def test_a_live_init_s_folder_is_never_removed(tmp_path: Path) -> None:
    """An init at work (here stopped in its second file, holding its lock) keeps its folder
    while another init of the same folder runs; once it is killed, the folder is stale."""
    target = tmp_path / "p"
    ready_r, ready_w = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: an init that stops half way, its lock held
        try:

            def pause(name: str) -> None:
                if name == "init actuals/gi_valid.csv":
                    os.write(ready_w, b"1")
                    time.sleep(60)

            add_step_hook(pause)
            create_plan(target, "suizhou")
        finally:
            os._exit(0)
    os.close(ready_w)
    try:
        assert os.read(ready_r, 1) == b"1"
        (live,) = [p for p in tmp_path.iterdir() if inittemp.is_temp_of(target, p.name)]
        assert (live / "actuals" / LOCK_NAME).exists()
        assert inittemp.remove_stale(target) == []  # held: left
        warnings: list = []
        create_plan(target, "blank", warnings=warnings)  # a second init of the same folder
        assert warnings == [] and live.is_dir() and (live / "targets.yaml").is_file()
    finally:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
    assert inittemp.remove_stale(target) == [live]  # its init is gone: removed
    assert not live.exists()


def test_a_lock_won_after_its_init_renamed_the_folder_removes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The race: a second init opens the lock file of an init at work, which then removes
    the name, renames its folder into place and lets go; the second init's lock then
    succeeds, but on a file no folder of that name holds: nothing is removed."""
    import fcntl

    temp = tmp_path / ".p.abcdefgh.tmp"
    temp.mkdir()
    holding = inittemp.held(temp)
    unname = holding.__enter__()
    (temp / "targets.yaml").write_bytes(b"plan:\n")

    class Racing:
        LOCK_EX, LOCK_NB = fcntl.LOCK_EX, fcntl.LOCK_NB

        @staticmethod
        def flock(fd: int, op: int) -> None:
            unname()  # the init finishes between the open and the lock
            os.rename(temp, tmp_path / "p")
            holding.__exit__(None, None, None)
            fcntl.flock(fd, op)

    monkeypatch.setattr(inittemp, "fcntl", Racing)
    assert inittemp.remove_stale(tmp_path / "p") == []
    assert (tmp_path / "p" / "targets.yaml").read_bytes() == b"plan:\n"


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("zh", "已删除被强行终止（kill -9、断电）的 ipplan init 留下的隐藏临时目录"),
        ("en", "removed the hidden folder left by an ipplan init that was killed (kill -9, "
               "power cut)"),
    ],
)  # fmt: skip
def test_the_warning_line(
    lang: str, text: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    temp = stale(tmp_path, ".p.abcdefgh.tmp")
    with pytest.raises(SystemExit) as done:
        main(["init", str(tmp_path / "p"), "--lang", lang])
    assert done.value.code in (0, None)
    assert capsys.readouterr().err.startswith(f"warning: {temp}: {text}; ")
