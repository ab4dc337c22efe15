"""Time ipplan's commands against a floor: the import time of the libraries they stand on.

Not a timed test: it prints ratios for people to read. Run it with

    uv run python bench/startup.py [--runs 15]

Floors:
- `ipplan status` against `python -c "import typer, rich.table, yaml, pandas"` (the stack's
  import cost; the goal of the status issue is at most 1.3x).
- `ipplan --help` and `ipplan --version` against `python -c "import typer"`.
Each command runs in a fresh interpreter, several times; the median is reported.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time

PY = sys.executable


def median_seconds(cmd: list[str], runs: int) -> float:
    env = {**os.environ, "NO_COLOR": "1"}
    subprocess.run(cmd, capture_output=True, env=env, check=False)  # warm the file cache
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        proc = subprocess.run(cmd, capture_output=True, env=env, check=False)
        times.append(time.perf_counter() - start)
        if proc.returncode != 0:
            raise SystemExit(f"{' '.join(cmd)} failed: {proc.stderr.decode()[-300:]}")
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=11)
    args = parser.parse_args()
    floor_stack = median_seconds([PY, "-c", "import typer, rich.table, yaml, pandas"], args.runs)
    floor_typer = median_seconds([PY, "-c", "import typer"], args.runs)
    rows = [
        ("ipplan status", [PY, "-m", "ipplan", "status", "--as-of", "2024-12-31"], floor_stack,
         "import typer, rich.table, yaml, pandas", 1.3),
        ("ipplan status --format json", [PY, "-m", "ipplan", "status", "--format", "json"],
         floor_stack, "import typer, rich.table, yaml, pandas", 1.3),
        ("ipplan --help", [PY, "-m", "ipplan", "--help"], floor_typer, "import typer", None),
        ("ipplan --version", [PY, "-m", "ipplan", "--version"], floor_typer, "import typer", None),
    ]  # fmt: skip
    print(f"{'command':<30} {'median':>8} {'floor':>8} {'ratio':>6}  goal  floor is")
    for name, cmd, floor, floor_name, goal in rows:
        t = median_seconds(cmd, args.runs)
        ratio = t / floor
        verdict = "" if goal is None else ("ok" if ratio <= goal else "SLOW")
        goal_text = f"≤{goal}" if goal else "  - "
        print(
            f"{name:<30} {t:8.3f} {floor:8.3f} {ratio:6.2f}  {goal_text:<5} {floor_name} {verdict}"
        )


if __name__ == "__main__":
    main()
