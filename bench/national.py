"""ipplan at national scale, side by side with DuckDB (issue 9, part 6).

Generates a plan of N units (default 3,000) × 20 indicators × 60 months, rows as formats.md
says, with each unit's own targets in targets_by_region.csv; then runs, each in a fresh
process, ``ipplan regions --format json``, ``ipplan status --region <one unit>`` and DuckDB
computing the latest value, the 5-year CAGR and the attainment of every series from the same
CSV files. Prints wall time, CPU time (user + system of the whole process tree: a forked
child's included) and peak memory, cold (empty caches: ipplan.engine.cache and
ipplan.engine.results) and warm (the second run, the caches filled), at 30, 300 and N units.
The files are in the OS's page cache both times (they were just written).

Memory is polled every 20 ms over the whole process tree (/proc/PID/task/*/children,
/proc/PID/smaps_rollup): "RSS" is the peak of the SUM of the resident sets of ipplan and
the child it forks (or of DuckDB's one process with its threads); a page shared after a
fork counts in both, so this overstates ipplan. "PSS" is the peak of the sum of the
proportional sets (a page shared by two processes counts half in each): memory actually
used. The ratios (× time, × cpu, × RSS, × PSS) are to DuckDB in the same run.

Not a timed test: it prints numbers for people to read. Run it with

    uv run python bench/national.py [--units 3000] [--sizes 30,300] [--keep DIR] [--rounds N]

``--rounds N`` runs the cold commands N times side by side (fresh caches each round) and
prints the medians, each ratio the median of the rounds' own, and every round's time
ratio: on a machine whose speed drifts (this one: DuckDB 2.5–4.0 s for the same files
within an hour) one round says little.

Aim (issue 9): ipplan at most 1.5× DuckDB's wall time and 2× its memory cold, 1.0× warm.
DuckDB is a dev dependency, used here only.

Last measured (2026-11-30, 17:19–17:21, a 2-core machine whose own speed varied through
the day: DuckDB took 2.5–4.0 s for the same files; wall s / CPU s / RSS sum MB / PSS sum
MB; ratios to DuckDB in the same run):

- 3,000 units: `regions --format json` cold 3.69 and 4.27 s, 1.33× and 1.38× DuckDB's
  (1.27–1.29× its CPU time, 5.8–6.5 s); memory 1.08–1.11× as the RSS sum (453–466 MB),
  0.86–0.89× as PSS. Warm 0.76–0.79 s (0.29×). `status --region` cold 1.30–1.35 s
  (0.42–0.49×), warm 1.29–1.46 s (0.47–0.56×). In interleaved A/B rounds through the
  afternoon (bench-like runs of ipplan and DuckDB side by side, 8–12 rounds each) the
  median ratio was 1.2–1.45× depending on the hour, single runs 1.2–1.8×: within the
  1.5× aim at the median, not in every run on this machine. `--rounds 5` at 17:35 (a slow
  hour, DuckDB 3.45 s): median 1.41× (rounds 1.23, 1.37, 1.41, 1.75, 1.86), CPU 1.34×,
  RSS 1.07×, PSS 0.85×; warm 0.25×; `status --region` 0.53×.
- 300 units: DuckDB 0.60–0.73; `regions` cold 0.86–1.10 (1.43–1.50×), warm 0.38–0.42.
- 30 units (1.5 MB: the engine since its threshold is 250 kB): DuckDB 0.30–0.37; `regions`
  cold 0.63–0.72, `status --region` 0.55–0.57.

Where the wall time of a cold run goes at 3,000 units (timestamps in the two processes):
imports 0.2–0.3 s (typer, numpy, pyarrow); the plan 0.15–0.3 s while a
thread hashes the files for the results cache; then this process and a forked child take
the indicators one at a time as each becomes free (cli/regions_large.py: read the file with
pyarrow's reader, about 0.1 s of CPU per 7.5 MB file; write its JSON objects for 3,000
units, 0.1–0.2 s: the figures about 55 %, the text 45 %), 2.5–3 s; the child's objects are
left in a memory file and this process writes every unit's entry (0.1 s) and the output.
What is left is Python work per series (each unit's own target as an Indicator,
projections and backtests with Python's own ``**`` for bit-exact figures, the evaluation
words in Decimal, the JSON text) and pyarrow's parse: about 47 µs of CPU per series.

History at 3,000 units (wall, ratio to DuckDB): 39 s for one unit with 1,000 units before
the engine (19×); 20.5–27.0 s (1.6–2.5× on a busy machine, one process); 8.16 s (3.39×,
two processes, pandas' reader, per-series records and json.dumps); 3.6–5.4 s (1.21–1.82×,
the fourth session); 3.7–4.3 s now (1.2–1.45× median), with a third less memory.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PY = sys.executable
MONTHS = [f"{y}-{m:02d}" for y in range(2020, 2026) for m in range(1, 13)][6:66]  # 2020-07..2025-06
AS_OF = "2025-07-31"
PLAN_REGION = "全国"
HEADER = "period,value,region,source,note,flag,yoy,published\n"

# (id, kind, target type, direction, national target, typical unit level, monthly growth)
STOCKS = [(f"stock_{i:02d}", "stock", "level", "increase", 1.0, 1000 + 400 * i, 0.004 + 0.001 * i)
          for i in range(12)]  # fmt: skip
STOCKS.append(("stock_12", "stock", "level", "decrease", 1.0, 800, -0.003))
FLOWS = [(f"flow_{i:02d}", "flow", "cumulative", "increase", 1.0, 20 + 15 * i, 0.003)
         for i in range(5)]  # fmt: skip
MONITORED = [("monitor_00", "stock", None, "increase", 0.0, 5000, 0.002),
             ("monitor_01", "flow", None, "increase", 0.0, 3, 0.0)]  # fmt: skip
INDICATORS = STOCKS + FLOWS + MONITORED  # 20


def unit_name(i: int) -> str:
    return f"第{i // 100 + 1:02d}市第{i:04d}县"


def write_plan(folder: Path, units: int, seed: int = 9) -> list[str]:
    """Write targets.yaml, targets_by_region.csv and actuals/*.csv; return the unit names.

    Each unit's series grows from its own level with noise; one unit in 50 has zeros (a
    small count, judged on the linear pace), one in 40 stops reporting a year early, and one
    in 30 has no targets of its own (monitored only)."""
    rng = random.Random(seed)
    names = [unit_name(i) for i in range(units)]
    (folder / "actuals").mkdir(parents=True, exist_ok=True)
    lines = [
        "plan:",
        "  id: national-bench",
        "  title: 全国知识产权目标分解基准（生成数据）",
        f"  region: {PLAN_REGION}",
        '  baseline: "2023"',
        "  deadline: 2027-12-31",
        "indicators:",
    ]
    by_region = ["indicator,region,value"]
    for iid, kind, ttype, direction, _, level, growth in INDICATORS:
        lines += [f"  - id: {iid}", f"    name: 生成指标{iid}", "    unit: 件", f"    kind: {kind}"]
        scale = 12 if kind == "stock" else 30  # a flow's cumulative target is months of flows
        starts = [level * (0.3 + 1.4 * rng.random()) for _ in names]
        if ttype is not None:
            total = sum(s * (1.25 if direction == "increase" else 0.8) for s in starts)
            lines += [
                "    target:",
                f"      type: {ttype}",
                f"      value: {round(total * (scale if kind == 'flow' else 1))}",
                f"      direction: {direction}",
            ]
            if ttype == "cumulative":
                lines.append('      from: "2023"')
            for u, (name, s) in enumerate(zip(names, starts, strict=True)):
                if u % 30 == 7:
                    continue  # a unit with no target of its own: monitoring
                goal = (
                    s
                    * (1.25 if direction == "increase" else 0.8)
                    * (scale if kind == "flow" else 1)
                )
                by_region.append(f"{iid},{name},{round(goal)}")
        rows = [HEADER]
        for u, (name, s) in enumerate(zip(names, starts, strict=True)):
            months = MONTHS[:-12] if u % 40 == 39 else MONTHS
            zero = u % 50 == 49
            value = s
            for period in months:
                value *= 1 + growth + rng.gauss(0, 0.01)
                shown = 0 if zero and period < "2023-01" else max(0, round(value))
                rows.append(f"{period},{shown},{name},生成,,,,\n")
        (folder / "actuals" / f"{iid}.csv").write_text("".join(rows), encoding="utf-8")
    (folder / "targets.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "targets_by_region.csv").write_text("\n".join(by_region) + "\n", encoding="utf-8")
    return names


DUCKDB = """
import sys, duckdb
folder, as_of, plan_region = sys.argv[1], sys.argv[2], sys.argv[3]
con = duckdb.connect()
rows = con.execute(f'''
WITH raw AS (
  SELECT regexp_extract(filename, '([^/]+)[.]csv$', 1) AS indicator,
         coalesce(nullif(trim(region), ''), '{plan_region}') AS region,
         trim(period) AS period, value
  FROM read_csv('{folder}/actuals/*.csv', filename = true, header = true,
                columns = {{'period': 'VARCHAR', 'value': 'DOUBLE', 'region': 'VARCHAR',
                           'source': 'VARCHAR', 'note': 'VARCHAR', 'flag': 'VARCHAR',
                           'yoy': 'VARCHAR', 'published': 'VARCHAR'}})
), obs AS (
  SELECT *, CASE WHEN length(period) = 4 THEN make_date(period::INT, 12, 31)
                 ELSE last_day(strptime(period || '-01', '%Y-%m-%d'))::DATE END AS t
  FROM raw
), seen AS (
  SELECT * FROM obs WHERE t <= DATE '{as_of}'
), latest AS (
  SELECT indicator, region, max(t) AS t, arg_max(value, t) AS v FROM seen GROUP BY ALL
), first AS (
  SELECT s.indicator, s.region, min(s.t) AS t0, arg_min(s.value, s.t) AS v0
  FROM seen s JOIN latest l USING (indicator, region)
  WHERE s.t >= l.t - INTERVAL 5 YEAR GROUP BY ALL
), target AS (
  SELECT * FROM read_csv('{folder}/targets_by_region.csv', header = true,
                         columns = {{'indicator': 'VARCHAR', 'region': 'VARCHAR',
                                    'value': 'DOUBLE'}})
)
SELECT l.indicator, l.region, l.v,
       CASE WHEN f.v0 > 0 AND l.v > 0 AND l.t > f.t0
            THEN pow(l.v / f.v0, 365.25 / datediff('day', f.t0, l.t)) - 1 END AS cagr,
       l.v / nullif(tg.value, 0) AS attainment
FROM latest l JOIN first f USING (indicator, region)
LEFT JOIN target tg USING (indicator, region)
''').fetchall()
print(len(rows))
"""


def _tree(pid: int) -> list[int]:
    """``pid`` and its descendants alive now (Linux's /proc/PID/task/TID/children)."""
    found, todo = [], [pid]
    while todo:
        p = todo.pop()
        found.append(p)
        try:
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as f:
                    todo += [int(c) for c in f.read().split()]
        except OSError:
            pass
    return found


def _memory(pids: list[int]) -> tuple[int, int]:
    """The sum of the resident sets (RSS) and of the proportional sets (PSS: a page shared
    by n processes counts 1/n in each) of ``pids``, in kB."""
    rss = pss = 0
    for p in pids:
        try:
            with open(f"/proc/{p}/smaps_rollup") as f:
                for line in f:
                    if line.startswith("Rss:"):
                        rss += int(line.split()[1])
                    elif line.startswith("Pss:"):
                        pss += int(line.split()[1])
        except OSError:
            pass
    return rss, pss


def measure(cmd: list[str], env: dict[str, str]) -> tuple[float, float, float, float]:
    """Wall seconds, peak MB of the summed RSS of the process tree, CPU seconds (user +
    system, the waited-for children included: on a busy machine the steadier figure) and
    peak MB of the summed PSS. The tree's memory is polled every 20 ms (a fork's child, or
    DuckDB's threads, all counted); a page shared by two processes after a fork is counted
    twice in the RSS sum, once in the PSS sum."""
    with tempfile.TemporaryFile() as out:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.PIPE, env=env)
        peak_rss = peak_pss = 0
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            rss, pss = _memory(_tree(proc.pid))
            peak_rss, peak_pss = max(peak_rss, rss), max(peak_pss, pss)
            time.sleep(0.02)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        err = proc.stderr.read().decode() if proc.stderr else ""
        if proc.returncode != 0:
            raise SystemExit(f"{' '.join(cmd)} failed: {err[-500:]}")
    peak_rss = max(peak_rss, usage.ru_maxrss)  # a peak between two polls, of one process
    cpu = usage.ru_utime + usage.ru_stime
    return wall, peak_rss / 1024, cpu, peak_pss / 1024


def _median(runs: list[tuple[float, float, float, float]]) -> tuple[float, float, float, float]:
    """Each measure's median over the rounds."""
    return (
        statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs),
        statistics.median(r[2] for r in runs), statistics.median(r[3] for r in runs),
    )  # fmt: skip


def run_size(
    units: int, keep: Path | None, env: dict[str, str], rounds: int = 1
) -> dict[str, tuple[float, float, float, float]]:
    base = keep if keep is not None else Path(tempfile.mkdtemp(prefix="ipplan-national-"))
    folder = base / f"plan-{units}"
    if folder.exists():
        shutil.rmtree(folder)
    started = time.perf_counter()
    names = write_plan(folder, units)
    rows = sum(1 for _ in (folder / "actuals").glob("*.csv"))
    print(f"\n{units} units: generated {rows} files in {time.perf_counter() - started:.1f} s "
          f"({units * 20 * len(MONTHS):,} rows at most)")  # fmt: skip
    one = names[len(names) // 2]
    ipplan = [PY, "-m", "ipplan"]
    commands = {
        "duckdb": [PY, "-c", DUCKDB, str(folder), AS_OF, PLAN_REGION],
        "regions": [*ipplan, "regions", "--plan", str(folder), "--as-of", AS_OF,
                    "--format", "json"],
        "status": [*ipplan, "status", "--plan", str(folder), "--as-of", AS_OF, "--region", one,
                   "--format", "json"],
    }  # fmt: skip
    env = {**env, "IPPLAN_CACHE_DIR": str(base / f"cache-{units}")}  # empty: a cold start
    cold: dict[str, list[tuple[float, float, float, float]]] = {name: [] for name in commands}
    for _ in range(rounds):  # side by side in each round: the machine's speed drifts
        shutil.rmtree(env["IPPLAN_CACHE_DIR"], ignore_errors=True)
        for name, cmd in commands.items():
            cold[name].append(measure(cmd, env))
    results = {f"{name} cold": _median(runs) for name, runs in cold.items()}
    for name, cmd in commands.items():
        results[f"{name} warm"] = measure(cmd, env)
    if rounds > 1:
        print(f"cold: the median of {rounds} rounds (each ratio the median of the rounds' own)")
    print(f"{'command':<8} {'run':<5} {'wall s':>7} {'cpu s':>7} {'RSS MB':>7} {'PSS MB':>7} "
          f"{'× time':>7} {'× cpu':>6} {'× RSS':>6} {'× PSS':>6}")  # fmt: skip
    for key, (wall, mem, cpu, pss) in results.items():
        name, run = key.split()
        if run == "cold":
            pairs = list(zip(cold[name], cold["duckdb"], strict=True))
            ratios = [statistics.median(a[i] / b[i] for a, b in pairs) for i in range(4)]
        else:
            ref = results[f"duckdb {run}"]
            ratios = [(wall, mem, cpu, pss)[i] / ref[i] for i in range(4)]
        print(f"{name:<8} {run:<5} {wall:7.2f} {cpu:7.2f} {mem:7.0f} {pss:7.0f} "
              f"{ratios[0]:7.2f} {ratios[2]:6.2f} {ratios[1]:6.2f} {ratios[3]:6.2f}")  # fmt: skip
        if run == "cold" and rounds > 1 and name != "duckdb":
            each = sorted(a[0] / b[0] for a, b in zip(cold[name], cold["duckdb"], strict=True))
            print(f"{'':<14} × time of each round: " + ", ".join(f"{r:.2f}" for r in each))
    if keep is None:
        shutil.rmtree(base)
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, default=3000, help="units of the largest plan")
    parser.add_argument("--sizes", default="30,300", help="smaller plans also timed (comma list)")
    parser.add_argument("--keep", type=Path, help="write the plans here and keep them")
    parser.add_argument(
        "--rounds", type=int, default=1,
        help="cold runs of each command, side by side, in this many rounds (medians "
        "printed; a machine whose speed drifts wants 5 or more)",
    )  # fmt: skip
    args = parser.parse_args()
    env = {**os.environ, "NO_COLOR": "1"}
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # compiled modules, as an installed ipplan has
    sizes = sorted({int(s) for s in args.sizes.split(",") if s.strip()} | {args.units})
    print(f"ipplan regions / status --region vs DuckDB; as of {AS_OF}; {os.cpu_count()} cores")
    summary = []
    for units in sizes:
        results = run_size(units, args.keep, env, max(1, args.rounds))
        summary.append((units, results))
    print("\nwall seconds, cold (cpu seconds in brackets): the growth of cost")
    print(f"{'units':>6} {'duckdb':>14} {'regions':>14} {'status':>14}")
    for units, results in summary:
        cells = [f"{results[k + ' cold'][0]:6.2f} ({results[k + ' cold'][2]:5.2f})"
                 for k in ("duckdb", "regions", "status")]  # fmt: skip
        print(f"{units:>6} " + " ".join(f"{c:>14}" for c in cells))
    print(json.dumps({str(u): r for u, r in summary}), file=sys.stderr)


if __name__ == "__main__":
    main()
