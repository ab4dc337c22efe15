"""Whether a plan is large enough for the engine (no data library imported here)."""

from __future__ import annotations

import os
from pathlib import Path

from ipplan.core.model import Plan

# Actuals above this size are read and evaluated by the engine. Below it the row parser
# is quicker than importing numpy and pyarrow (about 0.15 s). Measured by bench/national.py
# (2026-11-30, side by side with DuckDB): 30 units (1.5 MB) take 0.84 s for `regions
# --format json` by the engine (DuckDB 0.40 s) and 1.72-1.98 s row by row (DuckDB
# 0.25-0.37 s); the bundled plans (15 kB) stay row by row.
LARGE_BYTES = 250_000


def folder_bytes(folder: Path | None) -> int:
    """The size of the actuals/*.csv files in ``folder`` (a stat each; nothing is read)."""
    if folder is None:
        return 0
    total = 0
    try:
        with os.scandir(folder) as entries:
            for entry in entries:
                if entry.name.endswith(".csv") and entry.is_file():
                    total += entry.stat().st_size
    except OSError:
        return 0
    return total


def actuals_bytes(plan: Plan) -> int:
    """The size of the plan's actuals/*.csv files."""
    return folder_bytes(plan.actuals_dir)


def is_large(plan: Plan) -> bool:
    """Whether the engine pays: small plans keep the row parser and its quick start-up."""
    return actuals_bytes(plan) > LARGE_BYTES
