"""The CLI on a large plan: `regions` and `status --region` through the engine print what
the row-by-row path prints; small plans and --help never import a data library; and the
benchmark runs (at 3 units: a smoke test, not a timed one)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from ipplan.cli.app import main
from ipplan.engine import size
from tests.engine.bench import SCRIPT, national

REGIONS_PLAN = str(Path(__file__).resolve().parents[1] / "regions_plan")


@pytest.fixture(autouse=True)
def _plain_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "80")
    monkeypatch.delenv("IPPLAN_PLAN", raising=False)
    monkeypatch.delenv("IPPLAN_LANG", raising=False)


def run(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    with pytest.raises(SystemExit) as exc:
        main(list(args))
    out, err = capsys.readouterr()
    assert exc.value.code in (0, None), err
    return out


def both_ways(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, *args: str
) -> tuple[str, str]:
    monkeypatch.setattr(size, "LARGE_BYTES", 10**12)
    rows = run(capsys, *args)
    monkeypatch.setattr(size, "LARGE_BYTES", 0)
    engine = run(capsys, *args)
    return rows, engine


@pytest.mark.parametrize("fmt", ["json", "table", "csv", "markdown"])
def test_regions_the_same_through_the_engine(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path, fmt: str
) -> None:
    national.write_plan(tmp_path, 12)
    for plan, day in ((str(tmp_path), "2025-07-31"), (REGIONS_PLAN, "2024-12-31")):
        rows, engine = both_ways(
            capsys, monkeypatch, "regions", "--plan", plan, "--as-of", day, "--format", fmt
        )
        assert engine == rows
    data = json.loads(both_ways(capsys, monkeypatch, "regions", "--plan", str(tmp_path),
                                "--as-of", "2025-07-31", "--format", "json")[1])  # fmt: skip
    assert len(data["regions"]) == 13 and all(len(r["indicators"]) == 20 for r in data["regions"])


def test_status_region_the_same_through_the_engine(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    names = national.write_plan(tmp_path, 5)
    for region in (names[2], names[4], None):
        args = ["status", "--plan", str(tmp_path), "--as-of", "2025-07-31", "--format", "json"]
        args += ["--region", region] if region else []
        rows, engine = both_ways(capsys, monkeypatch, *args)
        assert engine == rows
    args = ["status", "--plan", REGIONS_PLAN, "--as-of", "2024-12-31", "--region", "A县"]
    rows, engine = both_ways(capsys, monkeypatch, *args, "--method", "linear")
    assert engine == rows


def test_engine_figures_by_hand(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The bundled plan through the engine: trademarks_valid as of 2024-12-31 (2021 16480,
    2022 19724, 2023 22542; target 30000; deadline 2025-12-31):
    attainment = 22542 / 30000 = 0.7514; gap = 7458
    years_left = 731 / 365.25 = 2.0013689
    required_growth = (30000 / 22542)^(365.25 / 731) − 1 = 0.1535116
    actual_growth = (22542 / 16480)^(365.25 / 730) − 1 = 0.1696723
    growth_ratio = 0.1696723 / 0.1535116 = 1.1052738 → on_track
    required_per_year = 7458 / 2.0013689 = 3726.4494"""
    monkeypatch.setattr(size, "LARGE_BYTES", 0)
    data = json.loads(run(capsys, "status", "--as-of", "2024-12-31", "--format", "json"))
    tm = next(i for i in data["indicators"] if i["id"] == "trademarks_valid")
    assert tm["attainment"] == pytest.approx(0.7514, abs=1e-12)
    assert tm["gap"] == 7458
    assert tm["required_growth"] == pytest.approx(0.1535116, abs=1e-7)
    assert tm["actual_growth"] == pytest.approx(0.1696723, abs=1e-7)
    assert tm["growth_ratio"] == pytest.approx(1.1052738, abs=1e-6)
    assert tm["required_per_year"] == pytest.approx(3726.4494, abs=1e-4)
    assert tm["status"] == "on_track"


def test_small_plan_and_help_import_no_data_library() -> None:
    code = (
        "import sys; from ipplan.cli.app import main\n"
        "try: main(sys.argv[1:])\n"
        "except SystemExit: pass\n"
        "libraries = ('pandas', 'numpy', 'pyarrow', 'duckdb')\n"
        "print([m for m in libraries if m in sys.modules], file=sys.stderr)"
    )
    for args in (["--help"], ["status", "--as-of", "2024-12-31"], ["regions"]):
        proc = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True)
        assert proc.stderr.strip().splitlines()[-1] == "[]", args


def test_benchmark_runs_at_three_units(tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, str(SCRIPT), "--units", "3", "--sizes", "", "--keep", str(tmp_path)],
        capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr[-2000:]
    for word in ("duckdb", "regions", "status", "cold", "warm", "× time", "× RSS", "× PSS"):
        assert word in proc.stdout
    assert (tmp_path / "plan-3" / "targets_by_region.csv").read_text(encoding="utf-8").count(
        "\n"
    ) == 1 + 18 * 3  # header + 18 targeted indicators × 3 units (the 8th unit would have none)
