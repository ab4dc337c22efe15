"""bench/calibration.py on a small seeded sample: proposed values come true as often as
their probability says, within 15 points."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

BENCH = Path(__file__).resolve().parents[2] / "bench" / "calibration.py"


def load() -> ModuleType:
    spec = importlib.util.spec_from_file_location("calibration", BENCH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["calibration"] = module
    spec.loader.exec_module(module)
    return module


def test_coverage_within_15_points() -> None:
    bench = load()
    tallies = bench.run(series=240, seed=3, horizon=5)
    assert tallies["all"].trials == 240
    assert bench.worst(tallies) <= 15  # every probability, over all kinds


def test_the_check_fails_on_a_biased_proposer() -> None:
    # values that are always reached (set far too low) are 50 points off at 50 %:
    # the measure the test above bounds does catch a biased proposer
    bench = load()
    tallies = {"all": bench.Tally()}
    for _ in range(10):
        tallies["all"].add(dict.fromkeys(bench.PROBABILITIES, True))
    assert bench.worst(tallies) == 50


def test_the_table_prints_every_kind(capsys) -> None:  # type: ignore[no-untyped-def]
    bench = load()
    assert bench.main(["--series", "40", "--seed", "1"]) == 0
    out = capsys.readouterr().out
    for kind in (*bench.KINDS, "all"):
        assert kind in out
    assert "largest gap" in out
