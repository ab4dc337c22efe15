"""`regions --format json` of a large plan with each process reading and writing its own
indicators from the start (ipplan.cli.regions_large): the text is the one process's
(unit_entries of every unit over read_table), the problems and errors are read_table's in
the same order, a formula family is never split, and a child that fails leaves the work
to the one-table path without a word."""

from __future__ import annotations

import json
import os
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings

from ipplan.cli import regions_large
from ipplan.core.errors import DataError, Problem
from ipplan.core.model import Plan
from ipplan.data.actuals import plan_files
from ipplan.data.plan import load_plan
from ipplan.data.units import list_units
from ipplan.engine import size
from ipplan.engine.load import read_table
from ipplan.render import regions_json
from tests.engine.bench import national
from tests.engine.children import HOW, count_forks, failing
from tests.engine.plans import IDS, TARGETED, plans, write
from tests.engine.test_engine_cli import run

DAY = date(2025, 7, 31)


@pytest.fixture(autouse=True)
def _two_processes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("IPPLAN_CACHE_DIR", "off")
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.delenv("IPPLAN_PROCESSES", raising=False)
    monkeypatch.delenv("IPPLAN_PLAN", raising=False)
    monkeypatch.delenv("IPPLAN_LANG", raising=False)
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    monkeypatch.setattr(size, "LARGE_BYTES", 0)  # every plan is large


def one_process(plan: Plan, day: date, monkeypatch: pytest.MonkeyPatch) -> tuple[bytes, Any]:
    """The entries and problems of the one-table path, in this process alone."""
    with monkeypatch.context() as m:
        m.setenv("IPPLAN_PROCESSES", "1")
        table = read_table(plan)
    units = list_units(plan, table.stubs())
    return regions_json.unit_entries(plan, day, units, table).encode(), table.problems


def shared(plan: Plan, day: date) -> tuple[bytes | None, list[Problem], int]:
    problems: list[Problem] = []
    pieces, units = regions_large.json_pieces(plan, day, problems)
    return (None if pieces is None else b",\n".join(pieces)), problems, units


def add_rows(path: Path, *rows: str) -> None:
    path.write_text(path.read_text("utf-8") + "".join(r + "\n" for r in rows), "utf-8")


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plans())
def test_random_plans_give_the_one_process_text(data: dict[str, Any]) -> None:
    with tempfile.TemporaryDirectory() as tmp, pytest.MonkeyPatch.context() as mp:
        write(Path(tmp), data)
        plan = load_plan(tmp)
        expected, problems = one_process(plan, data["as_of"], mp)
        text, found, units = shared(plan, data["as_of"])
        if len(regions_large.items(plan, plan_files(plan)[0])) < 2:
            assert text is None and found == [] and units == 0
        else:
            assert text == expected and found == problems
            assert units == len(list_units(plan, read_table(plan).stubs()))


def test_units_known_to_one_process_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A unit named only in the first file (read here) and one only in the last (read by
    the child): each process writes no-data objects for the other's unit."""
    national.write_plan(tmp_path, 6)
    files = sorted((tmp_path / "actuals").glob("*.csv"))
    add_rows(files[0], "2025-06,7,只在前县,来源,,,,")
    add_rows(files[-1], "2025-05,8,只在后县,,,e,,", '2025-06,"9",只在后县,"来源, 有逗号",,,,')
    plan = load_plan(str(tmp_path))
    expected, problems = one_process(plan, DAY, monkeypatch)
    text, found, units = shared(plan, DAY)
    assert text == expected and found == problems and units == 6 + 1 + 2
    entries = [json.loads(line.rstrip(",")) for line in text.decode().split("\n")]
    early = next(e for e in entries if e["region"] == "只在前县")
    late = next(e for e in entries if e["region"] == "只在后县")
    assert [i["latest"] is not None for i in early["indicators"]].count(True) == 1
    assert [i["latest"] is not None for i in late["indicators"]].count(True) == 1


def family_plan(folder: Path, with_derived_file: bool) -> Plan:
    """The engine's test plan, one file per indicator (f_cum long), d_per (s_up / pop) with
    or without a file of its own."""
    rows: dict[tuple[str, str], list[tuple[str, float, str, str]]] = {}
    for iid in IDS:
        if iid == "d_per" and not with_derived_file:
            continue
        for unit in ["", "甲县", "乙县"]:
            years = range(2000, 2026) if iid == "f_cum" else range(2021, 2026)
            rows[iid, unit] = [(str(y), 100.0 + y % 7, "", "") for y in years]
    data = {
        "baseline": "2023", "deadline": "2025-12-31",
        "targets": {i: 150.0 for i in TARGETED}, "units": ["甲县", "乙县"],
        "unit_targets": {(i, "甲县"): 120.0 for i in TARGETED}, "rows": rows,
    }  # fmt: skip
    write(folder, data)
    return load_plan(str(folder))


@pytest.mark.parametrize("with_derived_file", [False, True])
def test_a_formula_family_is_one_item(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, with_derived_file: bool
) -> None:
    """d_per and the indicators its formula names (s_up, pop) are one item, with their
    files, whichever process takes it; every other indicator an item of its own."""
    plan = family_plan(tmp_path, with_derived_file)
    files = plan_files(plan)[0]
    work = regions_large.items(plan, files)
    family = next(item for item in work if "d_per" in item[1])
    assert family[1] == ["s_up", "pop", "d_per"]  # in the plan's order
    named = {files[n][0].stem for n in family[0]}
    assert named == ({"s_up", "pop", "d_per"} if with_derived_file else {"s_up", "pop"})
    assert sorted(len(ids) for _, ids in work) == [1] * (len(IDS) - 3) + [3]
    expected, problems = one_process(plan, DAY, monkeypatch)
    text, found, _ = shared(plan, DAY)
    assert text == expected and found == problems


def test_items_are_taken_until_none_is_left(tmp_path: Path) -> None:
    """_take in this process alone: every item taken once, in the pipe's order, its
    objects written for the units it knows."""
    national.write_plan(tmp_path, 3)
    plan = load_plan(str(tmp_path))
    files = plan_files(plan)[0]
    work = regions_large.items(plan, files)
    read_end, write_end = os.pipe()
    os.write(write_end, b"".join(k.to_bytes(2, "big") for k in reversed(range(len(work)))))
    os.close(write_end)
    try:
        done = regions_large._take(plan, DAY, files, work, read_end)
        assert os.read(read_end, 2) == b""
    finally:
        os.close(read_end)
    assert [sorted(objects) for _, objects in done.made] == [ids for _, ids in reversed(work)]
    assert all(len(names) == 4 for names, _ in done.made) and not done.errors


def test_costlier_items_are_taken_first(tmp_path: Path) -> None:
    """Files of the same size: a cumulative target's first (1.2 per byte), a level
    target's next (1.0), an indicator without a target last (0.85); a larger file before
    a smaller one of the same kind; a family counts all its files."""
    from ipplan.core.model import Indicator, Target

    def ind(iid: str, kind: str | None) -> Indicator:
        target = None if kind is None else Target(type=kind, value=1.0)
        return Indicator(id=iid, name=iid, kind="flow", unit="件", target=target)

    sizes = {"cum": 1000, "lev": 1000, "mon": 1000, "big": 1190, "small": 900, "fam": 500}
    for name, n in sizes.items():
        (tmp_path / f"{name}.csv").write_bytes(b"x" * n)
    kinds = {"cum": "cumulative", "lev": "level", "mon": None, "big": "level", "small": None,
             "fam": "level"}  # fmt: skip
    files = [(tmp_path / f"{name}.csv", ind(name, kinds[name])) for name in sizes]
    files.append((tmp_path / "gone.csv", ind("gone", "level")))  # no file: no cost
    work = [([0], ["cum"]), ([1], ["lev"]), ([2], ["mon"]), ([3], ["big"]), ([4], ["small"]),
            ([5, 6], ["fam", "gone"])]  # fmt: skip
    # costs: cum 1200, lev 1000, mon 850, big 1190, small 765, fam 500 + 0
    assert regions_large._order(files, work) == [0, 3, 1, 2, 4, 5]


def test_errors_of_both_processes_are_raised_in_file_order(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    national.write_plan(tmp_path, 4)
    files = sorted((tmp_path / "actuals").glob("*.csv"))
    for path in (files[0], files[-1]):  # one read here, one by the child
        add_rows(path, "2025-13,1,,,,,,")
    (tmp_path / "actuals" / "zz_unknown.csv").write_text("period,value\n2024,1\n", "utf-8")
    plan = load_plan(str(tmp_path))
    with monkeypatch.context() as m, pytest.raises(DataError) as one:
        m.setenv("IPPLAN_PROCESSES", "1")
        read_table(plan)
    problems: list[Problem] = []
    with pytest.raises(DataError) as two:
        regions_large.json_pieces(plan, DAY, problems)
    assert two.value.problems == one.value.problems and len(one.value.problems) == 2
    assert problems == []


@pytest.mark.parametrize("how", HOW)
def test_a_failing_child_leaves_the_work_to_the_one_table_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str],
    how: str,
) -> None:  # fmt: skip
    national.write_plan(tmp_path, 4)
    plan = load_plan(str(tmp_path))
    monkeypatch.setattr(regions_large, "_part", failing(how, regions_large._part, monkeypatch))
    assert shared(plan, DAY) == (None, [], 0)
    out, err = capfd.readouterr()
    assert out == "" and err == ""
    with pytest.raises(ChildProcessError):
        os.waitpid(-1, os.WNOHANG)  # no child left behind


def test_the_command_forks_once_and_prints_the_one_process_json(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    national.write_plan(tmp_path, 12)
    add_rows(sorted((tmp_path / "actuals").glob("*.csv"))[-1], "2025-06,1,新设区,,,,,")
    (tmp_path / "actuals" / "zz_unknown.csv").write_text("period,value\n2024,1\n", "utf-8")
    args = ["regions", "--plan", str(tmp_path), "--as-of", "2025-07-31", "--format", "json"]
    monkeypatch.setattr(regions_json, "COMPACT_UNITS", 3)  # the compact layout from 4 units
    forked = count_forks(monkeypatch)
    two = run(capsys, *args)
    assert len(forked) == 1  # one child reads and writes the later files' indicators
    monkeypatch.setenv("IPPLAN_PROCESSES", "1")
    assert run(capsys, *args) == two
    assert len(forked) == 1
    assert len(json.loads(two)["regions"]) == 12 + 1 + 1


def test_few_units_leave_the_work_to_the_one_table_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A plan of 6 units (7 with the plan's region) where more than 7 are wanted: None,
    nothing added, no child left; with 6 wanted, the text of one process."""
    national.write_plan(tmp_path, 6)
    plan = load_plan(str(tmp_path))
    problems: list[Problem] = []
    assert regions_large.json_pieces(plan, DAY, problems, few=7) == (None, 0)
    assert problems == []
    with pytest.raises(ChildProcessError):
        os.waitpid(-1, os.WNOHANG)  # no child left behind
    expected, _ = one_process(plan, DAY, monkeypatch)
    pieces, units = regions_large.json_pieces(plan, DAY, problems, few=6)
    assert pieces is not None and b",\n".join(pieces) == expected and units == 7


def test_no_child_when_it_cannot_be_made_or_the_items_are_too_many(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    national.write_plan(tmp_path, 4)
    plan = load_plan(str(tmp_path))
    with monkeypatch.context() as m:
        m.setattr(regions_large, "MOST_ITEMS", 3)  # the plan has 20 items
        assert regions_large.json_pieces(plan, DAY, []) == (None, 0)

    def refuse() -> int:
        raise OSError("EAGAIN")

    taken: list[int] = []
    real = regions_large._take
    monkeypatch.setattr(regions_large, "_take", lambda *a: taken.append(1) or real(*a))
    monkeypatch.setattr(os, "fork", refuse)
    assert regions_large.json_pieces(plan, DAY, []) == (None, 0)
    assert taken == []  # nothing done here only to be done again
