"""targets_by_region.csv read with each distinct indicator and value text parsed once
(ipplan.data.regioncsv._rows) gives the same unit targets and the same problems, at the
same lines and columns, as reading every record with the row-by-row reader (``_row``)."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Mapping
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ipplan.core.errors import Problem
from ipplan.core.model import Indicator, UnitTarget
from ipplan.data import regioncsv
from ipplan.data.plan import load_plan
from tests.engine.bench import national

ROOT = Path(__file__).resolve().parents[2]
REGIONS_PLAN = ROOT / "tests" / "regions_plan"
EXAMPLE = ROOT / "examples" / "counties-example"
Read = tuple[list[UnitTarget], list[Problem]]


def row_by_row(
    records: list[tuple[int, list[str]]], columns: Mapping[str, int],
    indicators: tuple[Indicator, ...], top: str, file: str, by_key: Mapping[str, Indicator],
) -> Read:  # fmt: skip
    """Every record through ``_row``, as the reader did before."""
    found: list[UnitTarget] = []
    problems: list[Problem] = []
    for line, cells in records:
        target, row_problems = regioncsv._row(cells, columns, indicators, top, file, line,
                                              by_key)  # fmt: skip
        problems += row_problems
        if target is not None:
            found.append(target)
    return found, problems


def both(
    directory: Path, monkeypatch: pytest.MonkeyPatch, plan_dir: Path | None = None
) -> tuple[Read, Read]:
    """(read as it is now, read row by row) of ``directory``'s targets_by_region.csv, for
    the indicators of the plan in ``plan_dir`` (default: the same folder)."""
    plan = load_plan(str(plan_dir or directory), [])
    args = (directory, plan.indicators, plan.meta.region)
    fast = regioncsv.read_unit_targets(*args)
    with monkeypatch.context() as m:
        m.setattr(regioncsv, "_rows", row_by_row)
        slow = regioncsv.read_unit_targets(*args)
    return fast, slow


@pytest.mark.parametrize("corpus", [REGIONS_PLAN, EXAMPLE], ids=["regions_plan", "example"])
def test_the_corpora_read_the_same(corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fast, slow = both(corpus, monkeypatch)
    assert fast == slow and fast[0]


def test_a_generated_national_file_reads_the_same(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    national.write_plan(tmp_path, 300)
    fast, slow = both(tmp_path, monkeypatch)
    assert fast == slow
    assert len(fast[0]) == 18 * 290 and not fast[1]  # one unit in 30 has no targets


ROWS = [
    "grants,A县,150", "grants,B县,100", "授权,C区,50", " grants , D县 , 1e2 ",
    "tm,E县,\"22,542\"", "tm,F县,２２５４２", "tm,G县,2.25万", "tm,H县,-5", "tm,I县,1e16",
    "tm,J县,abc", "tm,K县,", "nosuch,A县,5", "商标（件）,L县,7", ",A县,5", "grants,,5",
    "grants,示例市,5", "grants", "grants,M县", ",,", "", "   ", "tm,N县,50%", "TM,O县,8",
    "tm,P县,8,extra",
]  # fmt: skip


def write(directory: Path, rows: list[str], header: str = "indicator,region,value") -> None:
    (directory / "targets_by_region.csv").write_text(
        header + "\n" + "\n".join(rows) + "\n", encoding="utf-8"
    )


def test_rows_with_every_kind_of_doubt_read_the_same(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan = tmp_path / "p"
    shutil.copytree(REGIONS_PLAN, plan)
    write(plan, ROWS * 2)
    fast, slow = both(plan, monkeypatch, REGIONS_PLAN)
    assert fast == slow
    assert fast[0] and fast[1]  # both targets and problems (with lines and columns)
    assert {p.code for p in fast[1]} == {
        "regions.csv_unknown_indicator", "regions.csv_empty_region", "number.invalid",
        "regions.plan_region_target", "number.too_large", "number.empty",
    }  # fmt: skip
    assert ("tm", "G县", 22500.0) in [(t.indicator, t.region, t.value) for t in fast[0]]
    write(plan, ROWS, header="\ufeff地区,备注,目标值,指标")  # other columns, in another order
    fast, slow = both(plan, monkeypatch, REGIONS_PLAN)
    assert fast == slow


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(ROWS), max_size=30))
def test_any_mix_of_rows_reads_the_same(rows: list[str]) -> None:
    with tempfile.TemporaryDirectory() as folder, pytest.MonkeyPatch.context() as monkeypatch:
        plan = Path(folder) / "p"
        shutil.copytree(REGIONS_PLAN, plan)
        write(plan, rows)
        fast, slow = both(plan, monkeypatch, REGIONS_PLAN)
        assert fast == slow
