"""The later half of the actuals files read by a forked child (ipplan.engine.load.read_table):
the table is the one a single process reads (the same region codes in the same order, the
same columns, the same problems in the same order, the same errors), and a child that
fails, dies or never answers only makes this process read those files itself."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings

from ipplan.core.errors import DataError
from ipplan.data.plan import load_plan
from ipplan.engine import fork, load, size
from ipplan.engine.load import Table, read_table
from tests.engine.children import HOW, failing
from tests.engine.plans import plans, write


@pytest.fixture(autouse=True)
def _two_processes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("IPPLAN_CACHE_DIR", "off")
    monkeypatch.delenv("IPPLAN_PROCESSES", raising=False)
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    monkeypatch.setattr(size, "LARGE_BYTES", 0)  # every plan is split


def seen(table: Table) -> tuple[Any, ...]:
    """Everything a table holds, arrays as lists (a column of one value as its values)."""
    rows = {}
    for iid, r in table.rows.items():
        rows[iid] = {
            k: (plain(v) if isinstance(v, np.ndarray) else v)
            for k, v in vars(r).items()
            if not k.startswith("_")
        }
        assert r.indicator is table_indicator(r.indicator.id)
    return table.regions, list(table.rows), rows, table.problems


def plain(column: np.ndarray) -> list[Any]:
    """The values of a column, NaN as "NaN" (so that equal columns compare equal)."""
    return ["NaN" if v != v else v for v in np.asarray(column).tolist()]


PLAN: list[Any] = []


def table_indicator(iid: str) -> Any:
    return PLAN[0].get(iid)


def both(folder: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Any, Any, int]:
    """read_table in one process and with a child; the number of children made."""
    plan = load_plan(str(folder))
    PLAN[:] = [plan]
    monkeypatch.setenv("IPPLAN_PROCESSES", "1")
    one = read_table(plan)
    monkeypatch.delenv("IPPLAN_PROCESSES")
    made: list[int] = []
    real = fork.Child.__init__

    def counted(self: fork.Child, work: Any) -> None:
        real(self, work)
        made.append(self.pid)

    monkeypatch.setattr(fork.Child, "__init__", counted)
    two = read_table(plan)
    monkeypatch.setattr(fork.Child, "__init__", real)
    return seen(one), seen(two), len([p for p in made if p])


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plans())
def test_random_plans_read_the_same_with_a_child(data: dict[str, Any]) -> None:
    with tempfile.TemporaryDirectory() as tmp, pytest.MonkeyPatch.context() as mp:
        write(Path(tmp), data)
        one, two, children = both(Path(tmp), mp)
        assert two == one
        assert children == (1 if len(list(Path(tmp, "actuals").glob("*.csv"))) > 1 else 0)


def messy(folder: Path) -> None:
    """A plan whose later files have a warning-worthy file and rows the strict parser
    reads (quotes), regions first named there, and an unknown file."""
    from tests.engine.bench import national

    national.write_plan(folder, 4)
    actuals = folder / "actuals"
    last = sorted(actuals.glob("*.csv"))[-1]
    text = last.read_text("utf-8")
    last.write_text(text + '2025-06,"7",新设区,"来源, 有逗号",,,,\n', "utf-8")
    (actuals / "zz_unknown.csv").write_text("period,value\n2024,1\n", "utf-8")


def test_later_files_with_strict_rows_new_units_and_warnings(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    messy(tmp_path)
    one, two, children = both(tmp_path, monkeypatch)
    assert children == 1 and two == one
    regions, _, _, problems = two
    assert regions[-1] == "新设区"  # first named in the last file: the last code
    assert [p.code for p in problems] == ["actuals.unknown_file"]


def test_errors_in_both_halves_are_all_raised_in_file_order(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    messy(tmp_path)
    files = sorted((tmp_path / "actuals").glob("flow_*.csv"))
    for path in (files[0], files[-1]):  # one read here, one by the child
        path.write_text(path.read_text("utf-8") + "2025-13,1,,,,,,\n", "utf-8")
    plan = load_plan(str(tmp_path))
    found = []
    for processes in ("1", "2"):
        monkeypatch.setenv("IPPLAN_PROCESSES", processes)
        with pytest.raises(DataError) as caught:
            read_table(plan)
        found.append([(p.code, p.file, p.line) for p in caught.value.problems])
    assert found[0] == found[1] and len(found[0]) == 2
    assert [Path(str(f)).name for _, f, _ in found[0]] == [files[0].name, files[-1].name]


@pytest.mark.parametrize("how", HOW)
def test_a_failing_child_is_replaced_by_this_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str],
    how: str,
) -> None:  # fmt: skip
    messy(tmp_path)
    plan = load_plan(str(tmp_path))
    PLAN[:] = [plan]
    monkeypatch.setenv("IPPLAN_PROCESSES", "1")
    one = seen(read_table(plan))
    monkeypatch.delenv("IPPLAN_PROCESSES")
    monkeypatch.setattr(load, "_part", failing(how, load._part, monkeypatch))
    assert seen(read_table(plan)) == one
    out, err = capfd.readouterr()
    assert out == "" and err == ""
    with pytest.raises(ChildProcessError):
        os.waitpid(-1, os.WNOHANG)  # no child left behind
