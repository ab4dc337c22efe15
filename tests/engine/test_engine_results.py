"""The cache of whole `regions` outputs (ipplan.engine.results): replayed when every input
is unchanged, never when one is stale, kept outside the plan folder."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from ipplan.analysis import regions as core_regions
from ipplan.cli.app import main
from ipplan.engine import results, size
from tests.engine.bench import national

ARGS = ["regions", "--as-of", "2025-07-31", "--format", "json"]


@pytest.fixture
def own_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    where = tmp_path / "cache"
    monkeypatch.setenv("IPPLAN_CACHE_DIR", str(where))
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("IPPLAN_DEBUG", "1")  # an exception raised by a test goes through
    monkeypatch.setattr(size, "LARGE_BYTES", 0)  # a small plan taken as large
    return where


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[str, str]:
    with pytest.raises(SystemExit) as exc:
        main(list(args))
    out, err = capsys.readouterr()
    assert exc.value.code in (0, None), err
    return out, err


def no_evaluation(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("evaluated again")

    monkeypatch.setattr(core_regions, "evaluate_regions", refuse)


def test_second_run_is_replayed(
    tmp_path: Path, own_cache: Path, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    plan = tmp_path / "plan"
    national.write_plan(plan, 4)
    (plan / "actuals" / "unknown.csv").write_text("period,value\n2024,1\n", encoding="utf-8")
    first = run(capsys, *ARGS, "--plan", str(plan))
    assert "unknown" in first[1]  # a warning, printed again from the cache below
    assert len(list(own_cache.glob("*.out"))) == 1
    assert not [p for p in plan.rglob("*") if p.suffix in (".out", ".npz", ".tmp")]
    no_evaluation(monkeypatch)
    assert run(capsys, *ARGS, "--plan", str(plan)) == first
    for other in (["--lang", "en"], ["--format", "csv"], ["--as-of", "2025-06-30"]):
        with pytest.raises(AssertionError, match="evaluated again"):
            main([*ARGS, "--plan", str(plan), *other])
    with pytest.raises(SystemExit) as exc:  # an empty --indicator is refused, not replayed
        main([*ARGS, "--plan", str(plan), "--indicator", ""])
    assert exc.value.code == 2


def test_a_changed_value_gives_a_new_result(
    tmp_path: Path, own_cache: Path, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    plan = tmp_path / "plan"
    names = national.write_plan(plan, 4)
    first, _ = run(capsys, *ARGS, "--plan", str(plan))
    path = plan / "actuals" / "stock_00.csv"
    stat = path.stat()
    text = path.read_text(encoding="utf-8")
    old = next(line for line in text.splitlines() if line.startswith("2025-06,") and
               names[1] in line)  # fmt: skip
    value = old.split(",")[1]
    new = old.replace(
        f",{value},", f",{str(int(value) + 1).rjust(len(value), '1')[-len(value) :]},"
    )
    assert new != old and len(new) == len(old)
    # same size, same mtime, one value changed: only the hash tells
    path.write_text(text.replace(old, new), encoding="utf-8")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    second, _ = run(capsys, *ARGS, "--plan", str(plan))
    assert second != first
    monkeypatch.setenv("IPPLAN_CACHE_DIR", "off")
    assert run(capsys, *ARGS, "--plan", str(plan))[0] == second  # what a fresh run prints


def test_a_changed_target_or_program_gives_a_new_result(
    tmp_path: Path, own_cache: Path, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    plan = tmp_path / "plan"
    national.write_plan(plan, 3)
    run(capsys, *ARGS, "--plan", str(plan))
    wanted = results.key(plan, "2025-07-31", ["regions"])
    targets = plan / "targets_by_region.csv"
    targets.write_text(targets.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert results.key(plan, "2025-07-31", ["regions"]) != wanted
    wanted = results.key(plan, "2025-07-31", ["regions"])
    module = Path(results.__file__).parent / "__init__.py"
    stat = module.stat()
    try:  # a module of the program touched: another program, another key
        os.utime(module, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1))
        assert results.key(plan, "2025-07-31", ["regions"]) != wanted
    finally:
        os.utime(module, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    monkeypatch.setattr(results, "__version__", "0.0.0-other")
    assert results.key(plan, "2025-07-31", ["regions"]) != wanted


def test_a_broken_entry_is_ignored_and_the_cache_can_be_off(
    tmp_path: Path, own_cache: Path, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    plan = tmp_path / "plan"
    national.write_plan(plan, 3)
    first = run(capsys, *ARGS, "--plan", str(plan))
    for entry in own_cache.glob("*.out"):
        entry.write_bytes(entry.read_bytes()[:-10])  # truncated
    assert run(capsys, *ARGS, "--plan", str(plan)) == first
    monkeypatch.setenv("IPPLAN_CACHE_DIR", "off")
    assert results.folder() is None
    no_evaluation(monkeypatch)
    with pytest.raises(AssertionError, match="evaluated again"):
        main([*ARGS, "--plan", str(plan)])


def test_nothing_stored_when_a_file_changes_during_the_run(
    tmp_path: Path, own_cache: Path, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    plan = tmp_path / "plan"
    national.write_plan(plan, 3)
    original = core_regions.evaluate_regions

    def while_written(*args: object, **kwargs: object) -> object:
        path = plan / "actuals" / "stock_00.csv"  # read already: the output has the old value
        path.write_text(path.read_text(encoding="utf-8") + "2025-07,1,全国,,,,,\n", "utf-8")
        return original(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(core_regions, "evaluate_regions", while_written)
    run(capsys, *ARGS, "--plan", str(plan))
    assert not list(own_cache.glob("*.out"))


def test_nothing_stored_when_a_file_is_rewritten_with_its_size_and_mtime(
    tmp_path: Path, own_cache: Path, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    """The check after the run compares the files' snapshot (inode, size, mtime, ctime):
    a same-size edit with the old mtime put back still changes the ctime."""
    plan = tmp_path / "plan"
    national.write_plan(plan, 3)
    original = core_regions.evaluate_regions
    path = plan / "actuals" / "stock_00.csv"
    before = results.snapshot(plan)

    def while_written(*args: object, **kwargs: object) -> object:
        st = path.stat()
        text = path.read_text(encoding="utf-8")
        last = text.rstrip("\n").rsplit("\n", 1)[1]
        changed = last.replace(",生成,", ",改过,")  # same length in UTF-8 (both 2 CJK chars)
        with path.open("r+b") as f:  # in place: the same inode
            f.write(text[: len(text) - len(last) - 1].encode() + changed.encode() + b"\n")
        os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))
        assert path.stat().st_size == st.st_size and path.stat().st_mtime_ns == st.st_mtime_ns
        return original(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(core_regions, "evaluate_regions", while_written)
    run(capsys, *ARGS, "--plan", str(plan))
    assert not list(own_cache.glob("*.out"))
    assert results.snapshot(plan) != before


def test_temporary_entries_left_by_a_killed_process_are_removed_when_old(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A child killed while it wrote a cache entry leaves its temporary file; the next
    entry written removes those older than an hour, never a fresh one (being written)."""
    import time

    old = tmp_path / ".entry-abc123.tmp"
    fresh = tmp_path / ".entry-def456.tmp"
    other = tmp_path / "notes.tmp"
    for path in (old, fresh, other):
        path.write_bytes(b"partial")
    two_hours_ago = time.time() - 7200
    os.utime(old, (two_hours_ago, two_hours_ago))
    os.utime(other, (two_hours_ago, two_hours_ago))
    results.write_entry(tmp_path / "x.out", b"data")
    assert (tmp_path / "x.out").read_bytes() == b"data"
    assert not old.exists() and fresh.exists() and other.exists()
