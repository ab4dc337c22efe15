"""ipplan at national scale, side by side with DuckDB (issue 9, part 6).

Generates a plan of N units (default 3,000) × 20 indicators × 60 months, rows as formats.md
says, with each unit's own targets in targets_by_region.csv; then runs, each in a fresh
process, ``ipplan regions --format json``, ``ipplan status --region <one unit>`` and DuckDB
computing the latest value, the 5-year CAGR and the attainment of every series from the same
CSV files. Prints wall time, peak memory (the child's maximum resident set) and the ratios,
cold (no parsed-actuals cache) and warm (the second run), at 30, 300 and N units.

Not a timed test: it prints numbers for people to read. Run it with

    uv run python bench/national.py [--units 3000] [--sizes 30,300] [--keep DIR]

Aim (issue 9): ipplan at most 1.5× DuckDB's wall time and 2× its memory cold, 1.0× warm.
DuckDB is a dev dependency, used here only.
"""

from __future__ import annotations

import random
import sys
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
    small count, judged on the linear pace) and one in 40 stops reporting a year early."""
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
            for name, s in zip(names, starts, strict=True):
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
