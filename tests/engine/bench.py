"""bench/national.py, importable from the tests (it is a script, not a package)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[2] / "bench" / "national.py"
_spec = importlib.util.spec_from_file_location("national_bench", SCRIPT)
assert _spec is not None and _spec.loader is not None
national = importlib.util.module_from_spec(_spec)
sys.modules["national_bench"] = national
_spec.loader.exec_module(national)
