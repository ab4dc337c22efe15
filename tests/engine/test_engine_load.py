"""The columnar reader accepts exactly what the row parser accepts, with the same values,
and a file with any problem gives the row parser's messages (file:line:column)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from ipplan.core.errors import DataError
from ipplan.data.actuals import load_actuals
from ipplan.data.plan import load_plan
from ipplan.engine import load
from ipplan.engine.load import read_table

GOOD = (
    "period,value,region,source,note,flag,yoy,published\n"
    "2023-01,100,甲县,来源,,,,\n"
    "2023-02,101.5,甲县,来源,备注,e,3.5%,2023-03-15\n"
    "2023-03,1.2E+02,甲县, 来源 ,,P,,\n"
    "2023-01,7,,,,,,\n"
    "2023-02, 8 ,示例市,,,,,\n"
)


def plan_with(folder: Path, text: str | bytes, name: str = "tm") -> Path:
    (folder / "actuals").mkdir(parents=True, exist_ok=True)
    (folder / "targets.yaml").write_text(
        'plan: {id: t, title: 测试, region: 示例市, baseline: "2022", deadline: 2025-12-31}\n'
        "indicators:\n  - {id: tm, name: 商标, kind: stock, target: {type: level, value: 500}}\n",
        encoding="utf-8",
    )
    path = folder / "actuals" / f"{name}.csv"
    if isinstance(text, str):
        path.write_text(text, encoding="utf-8")
    else:
        path.write_bytes(text)
    return folder


def rows_of(folder: Path) -> list[tuple[object, ...]]:
    plan = load_plan(str(folder))
    table = read_table(plan)
    rows = table.rows["tm"]
    got = rows.observations(range(len(rows)), table.regions)
    return sorted(
        (str(o.period), o.value, o.region, o.source, o.note, o.flag, o.yoy, o.published)
        for o in got
    )


def reference(folder: Path) -> list[tuple[object, ...]]:
    plan = load_plan(str(folder))
    return sorted(
        (str(o.period), o.value, o.region or "示例市", o.source, o.note, o.flag, o.yoy,
         o.published)
        for o in load_actuals(plan)["tm"]
    )  # fmt: skip


def test_fast_path_reads_what_the_row_parser_reads(tmp_path: Path) -> None:
    folder = plan_with(tmp_path, GOOD)
    raw = (folder / "actuals" / "tm.csv").read_bytes()
    plan = load_plan(str(folder))
    # the fast path itself takes this file (it is not a fallback that makes this pass)
    assert load.fast_rows(raw, "tm.csv", plan.indicators[0], "示例市", load.Labels()) is not None
    assert rows_of(folder) == reference(folder)
    # 1.2E+02 is 120; 3.5% a yoy of 3.5; P a flag p; blanks stripped; the plan's region
    assert ("2023-03", 120.0, "甲县", "来源", None, "p", None, None) in rows_of(folder)


def test_bundled_actuals_read_the_same() -> None:
    plan = load_plan(None)
    table = read_table(plan)
    ref = load_actuals(plan)
    for iid, rows in table.rows.items():
        got = rows.observations(range(len(rows)), table.regions)
        key = [(str(o.period), o.value, o.source, o.note, o.flag, o.yoy, o.published)
               for o in got]  # fmt: skip
        want = [(str(o.period), o.value, o.source, o.note, o.flag, o.yoy, o.published)
                for o in ref[iid]]  # fmt: skip
        assert sorted(key) == sorted(want), iid


BAD = {
    "bad period": "2023-13,5,甲县,,,,,\n",
    "bad value": "2023-04,12a,甲县,,,,,\n",
    "negative": "2023-04,-5,甲县,,,,,\n",
    "not finite": "2023-04,nan,甲县,,,,,\n",
    "too large": "2023-04,1e16,甲县,,,,,\n",
    "over 100 characters": "2023-04,0." + "0" * 100 + "1,甲县,,,,,\n",
    "duplicate": "2023-01,5,甲县,,,,,\n",
    "plan region twice": "2023-01,5,示例市,,,,,\n",
    "bad flag": "2023-04,5,甲县,,,x,,\n",
    "bad yoy": "2023-04,5,甲县,,,,abc,\n",
    "bad date": "2023-04,5,甲县,,,,,2023-02-30x\n",
    "empty value": "2023-04,,甲县,,,,,\n",
    "empty period": ",5,甲县,,,,,\n",
    "unclosed quote": '2023-04,"5,甲县,,,,,\n',
}


@pytest.mark.parametrize("case", sorted(BAD))
def test_bad_rows_give_the_row_parsers_messages(tmp_path: Path, case: str) -> None:
    folder = plan_with(tmp_path, GOOD + BAD[case])
    plan = load_plan(str(folder))
    with pytest.raises(DataError) as want:
        load_actuals(plan)
    with pytest.raises(DataError) as got:
        read_table(plan)
    assert got.value.problems == want.value.problems
    assert all(p.file and p.line for p in got.value.problems)


@pytest.mark.parametrize(
    "text",
    [
        GOOD.replace("\n", "\r\n"),  # Excel's line ends
        "\ufeff" + GOOD,  # a BOM
        GOOD + "\n\n",  # blank lines at the end
        "\n" + GOOD,  # a blank line before the header
        GOOD.replace(
            "甲县,来源,,", '甲县,"来源, 引号",,'
        ),  # quoted cells: the row parser reads them
        GOOD + "2023-05,6,甲县,,,,,,extra\n",  # a longer row
        GOOD + "2023-06,6\n",  # a shorter row
        "期间,数值,地区\n2023-01,5,甲县\n2023-02,6,甲县\n",  # Chinese headers
        GOOD + "2023-01,6,'=x,,,,,\n",  # the region =x as ipplan writes it (fast path: '=x)
    ],
)
def test_odd_but_valid_files_read_the_same(tmp_path: Path, text: str) -> None:
    folder = plan_with(tmp_path, text)
    assert rows_of(folder) == reference(folder)


def test_gbk_file_reads_the_same(tmp_path: Path) -> None:
    folder = plan_with(tmp_path, GOOD.encode("gb18030"))
    assert rows_of(folder) == reference(folder)


def test_unknown_files_and_folders_as_the_row_parser(tmp_path: Path) -> None:
    folder = plan_with(tmp_path, GOOD)
    shutil.copy(folder / "actuals" / "tm.csv", folder / "actuals" / "other.csv")
    table = read_table(load_plan(str(folder)))
    assert [p.code for p in table.problems] == ["actuals.unknown_file"]


def test_psum_adds_as_python_sum(monkeypatch: pytest.MonkeyPatch) -> None:
    """Both of Python's ways: left to right (3.11) and Neumaier's compensation (3.12+),
    here against a plain re-statement of CPython's loop on values that tell them apart."""
    import numpy as np

    from ipplan.engine import exact

    values = [1e16, 1.0, -1e16, 3.5, -0.0, 1e-3, 2.0**60, -(2.0**60)]

    def neumaier(xs: list[float]) -> float:
        total, comp = 0.0 + xs[0], 0.0
        for x in xs[1:]:
            t = total + x
            comp += (total - t) + x if abs(total) >= abs(x) else (x - t) + total
            total = t
        return total + comp if comp and comp == comp and abs(comp) != float("inf") else total

    def plain(xs: list[float]) -> float:
        total = 0.0 + xs[0]
        for x in xs[1:]:
            total += x
        return total

    rows = [np.array([v, -v, v / 3]) for v in values]
    for compensated, ref in ((False, plain), (True, neumaier)):
        monkeypatch.setattr(exact, "_COMPENSATED", compensated)
        got = exact.psum(rows).tolist()
        assert got == [ref([r[i] for r in rows]) for i in range(3)]
    monkeypatch.undo()
    assert exact.psum(rows).tolist() == [sum(float(r[i]) for r in rows) for i in range(3)]


def test_quick_exact_is_figures_exact() -> None:
    from ipplan.analysis.figures import exact, exact_sum
    from ipplan.engine.batch import _exact, _exact_sum

    values = [0.0, -0.0, 1.0, 22542.0, 999999999999999.0, -5.0, 0.1, 2.5, 1e15, 1e-7, 7.0e14]
    assert [_exact(v) for v in values] == [exact(v) for v in values]
    assert _exact_sum([1.0, 2.0, 3.0]) == exact_sum([1.0, 2.0, 3.0])
    assert _exact_sum([0.7, 0.1, 5.0]) == exact_sum([0.7, 0.1, 5.0])


def test_the_next_file_is_read_in_a_thread_and_none_is_left(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """read_table parses the files in a thread, each while the one before is turned into
    columns; the same rows as the row parser, and no thread left (a fork may follow)."""
    import threading

    folder = plan_with(tmp_path, GOOD)
    shutil.copy(folder / "actuals" / "tm.csv", folder / "actuals" / "tm2.csv")
    targets = folder / "targets.yaml"
    targets.write_text(
        targets.read_text(encoding="utf-8")
        + "  - {id: tm2, name: 商标二, kind: stock, target: {type: level, value: 5}}\n",
        encoding="utf-8",
    )
    where: list[int] = []
    real = load.parse

    def parse(raw: bytes, file: str) -> load.Parsed:
        where.append(threading.get_ident())
        return real(raw, file)

    monkeypatch.setattr(load, "parse", parse)
    before = threading.active_count()
    plan = load_plan(str(folder))
    table = read_table(plan)
    assert threading.active_count() == before
    assert len(where) == 2 and threading.get_ident() not in where
    for iid in ("tm", "tm2"):
        got = table.rows[iid].observations(range(len(table.rows[iid])), table.regions)
        assert sorted((str(o.period), o.value, o.region) for o in got) == sorted(
            (p, v, r) for p, v, r, *_ in reference(folder)
        )
