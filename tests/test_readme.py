"""The README's examples are run: every ```console block, in order, in one scratch folder
(with a copy of examples/).

A line starting with "$ ipplan" is a command (a trailing "# exit N" says the exit code it
must give; 0 otherwise). Every other non-empty line of the block must appear in the output
of the commands before it in that block, so the README cannot drift from what ipplan prints.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
BLOCK = re.compile(r"```console\n(.*?)```", re.S)
EXIT = re.compile(r"\s+#\s*exit\s+(\d+)\s*$")


def blocks() -> list[str]:
    return BLOCK.findall(README.read_text(encoding="utf-8"))


def test_readme_has_examples() -> None:
    text = README.read_text(encoding="utf-8")
    assert "ipplan status" in text
    assert len(blocks()) >= 3


def test_readme_examples_run(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "examples", tmp_path / "examples")  # files the examples import
    env = {k: v for k, v in os.environ.items() if k != "IPPLAN_PLAN"}
    env.update(NO_COLOR="1", COLUMNS="80", IPPLAN_LANG="zh", PYTHONIOENCODING="utf-8")
    for block in blocks():
        output = ""
        for line in block.splitlines():
            if line.startswith("$ "):
                command = line[2:]
                expected = 0
                m = EXIT.search(command)
                if m:
                    expected = int(m.group(1))
                    command = command[: m.start()]
                args = shlex.split(command)
                assert args[0] == "ipplan", f"README command must start with ipplan: {line}"
                proc = subprocess.run(
                    [sys.executable, "-m", "ipplan", *args[1:]],
                    cwd=tmp_path, env=env, capture_output=True, text=True, encoding="utf-8",
                    timeout=120, check=False,
                )  # fmt: skip
                output += proc.stdout + proc.stderr
                assert proc.returncode == expected, f"{line}\n{proc.stdout}\n{proc.stderr}"
                assert "Traceback" not in proc.stderr
            elif line.strip() and line.strip() not in output:
                pytest.fail(f"README shows a line ipplan did not print: {line!r}\n{output}")
