"""ipplan.data.store: rows added, replaced and kept exactly; refusals leave files byte-identical."""

from __future__ import annotations

import os
import shutil
from datetime import date
from pathlib import Path

import filelock
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ipplan.core.errors import DataError, FileBusyError, ReadOnlyPlanError
from ipplan.core.model import Observation, Plan
from ipplan.core.periods import parse_period
from ipplan.data.actuals import parse_file
from ipplan.data.atomic import LOCK_NAME
from ipplan.data.plan import bundled_plan_dir, load_plan
from ipplan.data.store import conflicts, number_text, upsert, upsert_many

BOM = b"\xef\xbb\xbf"
HEADER = "period,value,region,source,note,flag,yoy,published"


@pytest.fixture
def plan(tmp_path: Path) -> Plan:
    src = bundled_plan_dir()
    shutil.copy(src / "targets.yaml", tmp_path / "targets.yaml")
    shutil.copytree(src / "actuals", tmp_path / "actuals")
    return load_plan(tmp_path)


def obs(
    period: str, value: float, indicator: str = "trademarks_valid", **kw: object
) -> Observation:
    return Observation(indicator, parse_period(period), value, **kw)  # type: ignore[arg-type]


def csv_path(plan: Plan, indicator: str) -> Path:
    assert plan.actuals_dir is not None
    return plan.actuals_dir / f"{indicator}.csv"


def test_new_file_gets_bom_and_the_full_header(plan: Plan) -> None:
    path = csv_path(plan, "pct_applications")
    assert not path.exists()
    result = upsert(plan, "pct_applications", [obs("2024", 3, "pct_applications")])
    assert result.written and len(result.added) == 1
    assert path.read_bytes() == BOM + f"{HEADER}\n2024,3,,,,,,\n".encode()


def test_other_rows_keep_their_exact_text_and_rows_are_sorted(plan: Plan) -> None:
    path = csv_path(plan, "pct_applications")
    # quoting that csv.writer would not produce, an extra column, CRLF line ends, a blank line
    old = (
        'period,value,source,extra\r\n"2023","2","a ""quoted"" source",x\r\n\r\n'
        '2021,1,"needless quotes",\r\n'
    )
    path.write_bytes(old.encode("utf-8"))
    upsert(plan, "pct_applications", [obs("2022", 5, "pct_applications", source="=cmd")])
    text = path.read_bytes()
    assert text.startswith(BOM)
    # 2021 < 2022 < 2023; the new row's source is neutralised against formulas
    assert text[3:].decode() == (
        "period,value,source,extra\r\n"
        '2021,1,"needless quotes",\r\n'
        "2022,5,'=cmd,\r\n"
        '"2023","2","a ""quoted"" source",x\r\n'
    )


def test_regions_sort_after_the_plans_own_then_by_name(plan: Plan) -> None:
    rows = [
        obs("2024", 10, region="曾都区"),
        obs("2024", 20, region="广水市"),
        obs("2024", 30, region="随州市"),  # the plan's own region: stored as ""
    ]
    path = csv_path(plan, "trademarks_valid")
    upsert(plan, "trademarks_valid", rows)
    lines = path.read_bytes()[3:].decode().splitlines()
    assert [line.split(",")[:3] for line in lines[1:]] == [
        ["2021", "16480", ""],
        ["2022", "19724", ""],
        ["2023", "22542", ""],
        ["2024", "30", ""],
        ["2024", "20", "广水市"],  # "广" (U+5E7F) sorts before "曾" (U+66FE)
        ["2024", "10", "曾都区"],
    ]


def test_existing_row_is_refused_and_the_file_is_byte_identical(plan: Plan) -> None:
    path = csv_path(plan, "trademarks_valid")
    before = path.read_bytes()
    with pytest.raises(DataError) as err:
        upsert(plan, "trademarks_valid", [obs("2023", 22600)])
    assert err.value.problems[0].code == "store.exists"
    assert err.value.problems[0].params["old"] == "22,542"  # as every message writes figures
    assert path.read_bytes() == before


def test_replace_changes_the_value_and_clears_what_described_the_old_figure(plan: Plan) -> None:
    path = csv_path(plan, "trademarks_valid")
    result = upsert(plan, "trademarks_valid", [obs("2023", 22600, source="新闻发布会")], True)
    ((old, new),) = result.changed
    assert (old.value, new.value) == (22542, 22600)
    lines = path.read_bytes()[3:].decode().splitlines()
    assert lines[3] == "2023,22600,,新闻发布会,,,,"
    assert lines[1].startswith("2021,16480,")  # untouched


def test_same_value_is_unchanged_and_nothing_is_written(plan: Plan) -> None:
    path = csv_path(plan, "trademarks_valid")
    before = path.stat().st_mtime_ns, path.read_bytes()
    result = upsert(plan, "trademarks_valid", [obs("2023", 22542)])
    assert result.unchanged and not result.added and not result.changed
    assert not result.written
    assert (path.stat().st_mtime_ns, path.read_bytes()) == before


def test_same_value_new_note_is_a_change_that_keeps_the_source(plan: Plan) -> None:
    path = csv_path(plan, "invention_patent_grants")
    with pytest.raises(DataError) as err:
        upsert(plan, "invention_patent_grants", [obs("2023", 85, "invention_patent_grants",
                                                     note="核实")])  # fmt: skip
    assert err.value.problems[0].code == "store.exists_fields"
    upsert(plan, "invention_patent_grants",
           [obs("2023", 85, "invention_patent_grants", note="核实")], replace=True)  # fmt: skip
    last = path.read_bytes()[3:].decode().splitlines()[-1]
    assert last.startswith('2023,85,,"seed 000_cdda7d93c0d0518a.txt') and ",核实,,," in last


def test_gbk_file_is_read_and_rewritten_as_utf8_with_bom(plan: Plan) -> None:
    path = csv_path(plan, "gi_products")
    path.write_bytes("期间,数值,地区,来源\n2023,5,,随州日报\n".encode("gbk"))
    upsert(plan, "gi_products", [obs("2024", 6, "gi_products", source="市局")])
    # the Chinese header is kept; the new row's cells follow it
    assert (
        path.read_bytes() == BOM + "期间,数值,地区,来源\n2023,5,,随州日报\n2024,6,,市局\n".encode()
    )


def test_a_needed_column_is_appended_to_a_short_header(plan: Plan) -> None:
    path = csv_path(plan, "gi_products")
    path.write_bytes(b"period,value\n2023,5,stray\n")
    upsert(plan, "gi_products", [obs("2024", 6, "gi_products", note="n")])
    # "stray" sits in column 3 without a name; the new note column comes after it
    assert path.read_bytes() == BOM + b"period,value,,note\n2023,5,stray\n2024,6,,n\n"


def test_a_broken_file_is_refused_untouched(plan: Plan) -> None:
    path = csv_path(plan, "gi_products")
    path.write_bytes(b"period,value\n2023,five\n")
    with pytest.raises(DataError) as err:
        upsert(plan, "gi_products", [obs("2024", 6, "gi_products")])
    codes = [p.code for p in err.value.problems]
    assert codes == ["number.invalid", "store.fix_first"]
    assert err.value.problems[0].line == 2
    assert path.read_bytes() == b"period,value\n2023,five\n"


def test_bad_observations_are_refused_before_any_file_is_read(plan: Plan) -> None:
    with pytest.raises(DataError) as err:
        upsert_many(plan, {
            "trademarks_valid": [obs("2024", -1)],
            "invention_patents_per_10k": [obs("2024", 3.1, "invention_patents_per_10k")],
            "nope": [obs("2024", 1, "nope")],
        })  # fmt: skip
    assert [p.code for p in err.value.problems] == [
        "actuals.negative", "store.derived", "store.unknown_indicator"]  # fmt: skip


def test_a_period_is_refused_until_the_pinned_today_reaches_its_end(plan: Plan) -> None:
    path = csv_path(plan, "trademarks_valid")
    before = path.read_bytes() if path.exists() else None
    # 2024 ends on 2024-12-31: refused on 2024-12-30, written on 2024-12-31 (the clock is a
    # parameter; the calendar of the machine running the tests plays no part)
    with pytest.raises(DataError) as err:
        upsert(plan, "trademarks_valid", [obs("2024", 1)], today=date(2024, 12, 30))
    assert [p.code for p in err.value.problems] == ["check.future_period"]
    assert err.value.problems[0].params["today"] == "2024-12-30"
    assert (path.read_bytes() if path.exists() else None) == before
    assert upsert(plan, "trademarks_valid", [obs("2024", 1)], today=date(2024, 12, 31)).written


def test_a_derived_indicator_takes_a_published_value_with_its_source(plan: Plan) -> None:
    row = obs("2024", 3.1, "invention_patents_per_10k", source="2024年统计公报")
    result = upsert(plan, "invention_patents_per_10k", [row])
    assert result.written


def test_the_bundled_plan_is_read_only() -> None:
    bundled = load_plan(bundled_plan_dir())
    assert bundled.bundled
    with pytest.raises(ReadOnlyPlanError) as err:
        upsert(bundled, "trademarks_valid", [obs("2024", 1)])
    assert "ipplan init" in str(err.value)


def test_permission_error_becomes_file_busy(plan: Plan, monkeypatch: pytest.MonkeyPatch) -> None:
    path = csv_path(plan, "trademarks_valid")
    before = path.read_bytes()

    def held_by_excel(src: object, dst: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", held_by_excel)
    with pytest.raises(FileBusyError) as err:
        upsert(plan, "trademarks_valid", [obs("2024", 1)])
    assert "Excel/WPS" in str(err.value)
    assert path.read_bytes() == before
    assert not list(path.parent.glob("*.tmp"))  # the temp file is gone


def test_a_failed_second_file_puts_the_first_back(
    plan: Plan, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second = csv_path(plan, "design_grants"), csv_path(plan, "trademarks_valid")
    before = first.read_bytes(), second.read_bytes()
    real = os.replace

    def fail_on_second(src: str, dst: str) -> None:
        if Path(dst) == second:
            raise PermissionError(13, "Permission denied")
        real(src, dst)

    monkeypatch.setattr(os, "replace", fail_on_second)
    with pytest.raises(FileBusyError):
        upsert_many(plan, {
            "design_grants": [obs("2024", 400, "design_grants")],
            "trademarks_valid": [obs("2024", 1)],
        })  # fmt: skip
    assert (first.read_bytes(), second.read_bytes()) == before


def test_a_held_lock_times_out_as_file_busy(plan: Plan) -> None:
    assert plan.actuals_dir is not None
    path = csv_path(plan, "trademarks_valid")
    before = path.read_bytes()
    with filelock.FileLock(str(plan.actuals_dir / LOCK_NAME)), pytest.raises(FileBusyError) as e:
        upsert(plan, "trademarks_valid", [obs("2024", 1)], timeout=0.2)
    assert e.value.code == "store.locked"
    assert path.read_bytes() == before


def test_dry_run_writes_nothing_and_reports_conflicts(plan: Plan) -> None:
    path = csv_path(plan, "trademarks_valid")
    before = path.read_bytes()
    results = upsert_many(plan, {"trademarks_valid": [obs("2023", 1), obs("2024", 2)]},
                          dry_run=True)  # fmt: skip
    assert [len(results[0].added), len(results[0].changed)] == [1, 1]
    assert [p.code for p in conflicts(results, plan)] == ["store.exists"]
    assert path.read_bytes() == before


def test_duplicate_rows_in_one_batch_are_refused(plan: Plan) -> None:
    with pytest.raises(DataError) as err:
        upsert(plan, "trademarks_valid", [obs("2024", 1), obs("2024", 2, region="随州市")])
    assert err.value.code == "store.duplicate"


def test_values_are_written_in_full() -> None:
    assert number_text(22542.0) == "22542"
    assert number_text(22500) == "22500"  # 2.25万 = 2.25 × 10000
    assert number_text(0.1) == "0.1"
    assert number_text(1e-07) == "0.0000001"
    assert number_text(-0.0) == "0"
    assert number_text(470000000.0) == "470000000"  # 4.7亿 = 4.7 × 10^8


def test_published_and_yoy_are_written_as_text(plan: Plan) -> None:
    row = obs("2024", 25000, yoy=10.9, published=date(2025, 4, 26), flag="p")
    upsert(plan, "trademarks_valid", [row])
    last = csv_path(plan, "trademarks_valid").read_bytes().decode().splitlines()[-1]
    assert last == "2024,25000,,,,p,10.9,2025-04-26"


texts = st.text(alphabet=st.sampled_from(list("ab ,\"'\n\r\t=+-@随州年月；“”")), max_size=12)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    rows=st.lists(
        st.tuples(st.integers(2000, 2025), st.integers(0, 10**9), texts, texts),
        min_size=1,
        max_size=6,
        unique_by=lambda r: r[0],
    )
)
def test_round_trip_with_awkward_text(plan: Plan, rows: list[tuple[int, int, str, str]]) -> None:
    indicator = plan.get("gi_products")
    assert indicator is not None
    path = csv_path(plan, "gi_products")
    path.write_bytes(BOM + b"period,value,region,source,note,flag,yoy,published\n")
    batch = [obs(str(y), v, "gi_products", source=s, note=n) for y, v, s, n in rows]
    upsert(plan, "gi_products", batch)
    before = path.read_bytes()
    found, problems = parse_file(path, indicator)
    assert problems == []
    assert [(str(o.period), o.value) for o in found] == sorted(
        (str(y), float(v)) for y, v, _, _ in rows
    )
    for o, (_, _, s, n) in zip(found, sorted(rows), strict=True):
        # stored stripped, with a formula-like start neutralised by a leading '
        for got, given_text in ((o.source, s), (o.note, n)):
            want = given_text.replace("\r\n", "\n").replace("\r", "\n").strip()
            if want.startswith(("=", "+", "-", "@", "\t", "\r")):
                want = "'" + want
            assert (got or "") == want
    # writing the same figures again is a no-op, byte for byte
    assert not upsert(plan, "gi_products", batch).written
    assert path.read_bytes() == before
