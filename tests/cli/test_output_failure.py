"""Every command's output to a full device fails in one line with exit 3, never exit 0
(issue 13, class 5: `ipplan status > /dev/full` used to end in exit 70)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="Linux /dev/full")
@pytest.mark.parametrize(
    "args", [["status", "--as-of", "2024-12-31"], ["check"], ["show", "trademarks_valid"]]
)
def test_output_to_dev_full(args: list[str], tmp_path: Path) -> None:
    env = {**os.environ, "NO_COLOR": "1", "PYTHONPATH": str(ROOT)}
    env.pop("IPPLAN_PLAN", None)
    with open("/dev/full", "wb") as full:
        proc = subprocess.run(
            [sys.executable, "-c", "from ipplan.cli.app import main; main()", *args, "--lang",
             "en"], stdout=full, stderr=subprocess.PIPE, text=True, cwd=tmp_path, env=env,
            timeout=120,
        )  # fmt: skip
    assert proc.returncode == 3
    assert proc.stderr == (
        "error: writing to stdout failed (No space left on device); the output may be"
        " incomplete; check the free disk space and the output target\n"
    )
