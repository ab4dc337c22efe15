"""No figure lost: parallel writers, and writers killed at random moments (issue 3).

The file written to is actuals/market_entities.csv of a copy of the bundled plan
(an indicator with an empty file, used in no formula).
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from ipplan.core.model import Observation
from ipplan.core.periods import parse_period
from ipplan.data.actuals import parse_file
from ipplan.data.plan import bundled_plan_dir, load_plan
from ipplan.data.store import upsert

ROOT = Path(__file__).resolve().parent.parent
ID = "market_entities"
WORKERS = 8
CALLS = 12  # record calls per worker


def copy_plan(folder: Path) -> Path:
    src = bundled_plan_dir()
    folder.mkdir()
    shutil.copy(src / "targets.yaml", folder / "targets.yaml")
    shutil.copytree(src / "actuals", folder / "actuals")
    return folder


def child_env() -> dict[str, str]:
    env = {**os.environ, "NO_COLOR": "1", "PYTHONPATH": str(ROOT)}
    env.pop("IPPLAN_PLAN", None)
    return env


WORKER = textwrap.dedent(
    """
    import sys
    from ipplan.cli.app import main

    plan, worker, calls = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    for month in range(1, calls + 1):
        # worker w writes the months of year 2000 + w; value = w * 100 + month
        args = ["record", "market_entities", f"{2000 + worker}-{month:02d}",
                str(worker * 100 + month), "--plan", plan]
        try:
            main(args)
        except SystemExit as done:
            if done.code not in (0, None):
                sys.exit(f"worker {worker} month {month}: exit {done.code}")
    """
)


def test_parallel_record_calls_lose_no_row(tmp_path: Path) -> None:
    plan_dir = copy_plan(tmp_path / "plan")
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", WORKER, str(plan_dir), str(w), str(CALLS)],
            env=child_env(),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        for w in range(WORKERS)
    ]
    for proc in procs:
        _, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
    plan = load_plan(plan_dir)
    indicator = plan.get(ID)
    assert indicator is not None
    rows, problems = parse_file(plan_dir / "actuals" / f"{ID}.csv", indicator)
    assert problems == []
    got = {(str(o.period), o.value) for o in rows}
    want = {
        (f"{2000 + w}-{m:02d}", float(w * 100 + m))
        for w in range(WORKERS)
        for m in range(1, CALLS + 1)
    }
    assert got == want  # 8 × 12 = 96 rows, none lost, none doubled
    assert len(rows) == WORKERS * CALLS
    assert [o.period for o in rows] == sorted(o.period for o in rows)  # kept sorted


KILLED = textwrap.dedent(
    """
    import sys
    from ipplan.core.model import Observation
    from ipplan.core.periods import parse_period
    from ipplan.data.plan import load_plan
    from ipplan.data.store import upsert

    plan = load_plan(sys.argv[1])
    rows = [[Observation("market_entities", parse_period("2024"), v)] for v in (1, 2)]
    print("ready", flush=True)
    i = 0
    while True:  # flip 2024 between 1 and 2 until killed
        upsert(plan, "market_entities", rows[i % 2], replace=True)
        i += 1
    """
)


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="SIGKILL is POSIX only")
def test_a_writer_killed_at_random_leaves_the_old_file_or_the_new_one(tmp_path: Path) -> None:
    plan_dir = copy_plan(tmp_path / "plan")
    plan = load_plan(plan_dir)
    path = plan_dir / "actuals" / f"{ID}.csv"
    # a large file (1,500 monthly rows with a note) so that a write takes a while
    history = [
        Observation(ID, parse_period(f"{y}-{m:02d}"), y * 100 + m, note=f"第{y}年{m}月")
        for y in range(1900, 2025)  # periods that have ended: the store refuses others
        for m in range(1, 13)
    ]
    upsert(plan, ID, [*history, Observation(ID, parse_period("2024"), 1)], replace=True)
    upsert(plan, ID, [Observation(ID, parse_period("2024"), 2)], replace=True)
    state_two = path.read_bytes()
    upsert(plan, ID, [Observation(ID, parse_period("2024"), 1)], replace=True)
    state_one = path.read_bytes()
    assert state_one != state_two
    rng = random.Random(20241121)
    indicator = plan.get(ID)
    assert indicator is not None
    kills = 0
    for _ in range(24):
        proc = subprocess.Popen(
            [sys.executable, "-c", KILLED, str(plan_dir)],
            env=child_env(),
            stdout=subprocess.PIPE,
            text=True,
        )
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0.0, 0.25))
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        kills += proc.returncode == -signal.SIGKILL
        content = path.read_bytes()
        assert content in (state_one, state_two)  # whole: old or new, never a mix
        rows, problems = parse_file(path, indicator)
        assert problems == [] and len(rows) == len(history) + 1
    assert kills == 24
    # the next write cleans up whatever temp files the killed writers left
    upsert(plan, ID, [Observation(ID, parse_period("2025"), 5)])
    assert not list(path.parent.glob("*.tmp"))
