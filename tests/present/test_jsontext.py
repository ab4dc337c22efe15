"""The indicator objects written as text (ipplan.present.jsontext) are exactly
``json_text(json.dumps(indicator_dicts(...), ensure_ascii=False))``: on every number a field
can hold, on random plans of every kind of target, and on names a terminal would act on."""

from __future__ import annotations

import json
import math
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ipplan.analysis.regions import evaluate_regions, region_rows
from ipplan.data.plan import load_plan
from ipplan.data.units import list_units
from ipplan.engine.load import read_table
from ipplan.present.json import indicator_dicts, json_number
from ipplan.present.jsontext import IndicatorText, chosen, numbers, numbers_utf8
from ipplan.present.safe import json_text
from ipplan.render import regions_json
from tests.engine.plans import plans, write


def dumped(value: Any) -> str:
    return json.dumps(json_number(value))


EDGES = [
    0.0, -0.0, 1.0, -1.0, 0.5, 1e-4, math.nextafter(1e-4, 0), math.nextafter(1e-4, 1),
    -1e-4, 1e16, math.nextafter(1e16, 0), -math.nextafter(1e16, 0), 2.0**53,
    math.nextafter(2.0**53, 0), 2.0**53 + 2, -(2.0**53), 5e-324, 1.7976931348623157e308,
    0.1, 0.30000000000000004, 123456.789, 1e-05, 9.999999999999999e15, 1e22, 1.5e300,
    float("nan"), float("inf"), float("-inf"), None,
]  # fmt: skip


def test_numbers_at_the_edges_of_each_way_of_writing() -> None:
    # whole below 2**53: digits; 1e-4 ≤ |x| < 1e16: orjson; the rest: repr; NaN, ±inf: null
    assert numbers(EDGES) == [dumped(v) for v in EDGES]
    assert numbers([2.0**53, 1e-05, 1e16]) == ["9007199254740992.0", "1e-05", "1e+16"]
    assert numbers([0.1, -0.0, 3.0, None]) == ["0.1", "0", "3", "null"]
    assert numbers([]) == []


def test_numbers_of_other_types_go_one_by_one() -> None:
    values = [3, 2**60, 2.5, None, True]
    assert numbers(values) == [dumped(v) for v in values]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.none(), st.floats(), st.floats(-1e17, 1e17)), max_size=60))
def test_numbers_are_those_of_json_dumps(values: list[float | None]) -> None:
    assert numbers(values) == [dumped(v) for v in values]
    assert numbers_utf8(values) == [dumped(v).encode() for v in values]


def test_numbers_as_utf8_at_the_edges() -> None:
    assert numbers_utf8(EDGES) == [dumped(v).encode() for v in EDGES]
    assert numbers_utf8([3, 2**60, None, 0.5]) == [b"3", b"1152921504606846976", b"null", b"0.5"]


def expected_entries(rows: list[Any], only: str | None = None) -> str:
    return ",\n".join(
        json_text(json.dumps(regions_json._entry(row, only), ensure_ascii=False)) for row in rows
    )


def every_unit(folder: str, as_of: date) -> list[Any]:
    plan = load_plan(folder)
    table = read_table(plan)
    units = list_units(plan, table.stubs())
    results = evaluate_regions(plan, {}, as_of, [u.name for u in units], table=table)
    return list(region_rows(units, results))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plans())
def test_random_plans_are_written_as_json_dumps_writes_them(data: dict[str, Any]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        write(Path(tmp), data)
        rows = every_unit(tmp, data["as_of"])
        for row in rows:
            expected = [json_text(json.dumps(d, ensure_ascii=False))
                        for d in indicator_dicts(row.result)]  # fmt: skip
            assert IndicatorText().evaluations(*chosen(row.result)) == expected
        assert regions_json.entries(rows) == expected_entries(rows)
        assert regions_json.entries(rows, "f_cum") == expected_entries(rows, "f_cum")
        assert without_records(tmp, data["as_of"], rows) == expected_entries(rows)


def without_records(folder: str, as_of: date, rows: list[Any]) -> str:
    """The entries written from the engine's columns (no Evaluation records); their
    objects written as UTF-8 (regions_large's way) are the same, encoded."""
    plan = load_plan(folder)
    table = read_table(plan)
    names = [r.unit.name for r in rows]
    as_text = regions_json.indicator_objects(plan, as_of, table, plan.indicators, names)
    as_utf8 = regions_json.indicator_objects_utf8(plan, as_of, table, plan.indicators, names)
    assert as_utf8 == {
        iid: ([text.encode("utf-8") for text in texts], targets)
        for iid, (texts, targets) in as_text.items()
    }
    return regions_json.unit_entries(plan, as_of, [r.unit for r in rows], table)


@settings(max_examples=5, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plans())
def test_names_a_terminal_would_act_on_are_escaped_as_json_text(data: dict[str, Any]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        hostile_plan(Path(tmp), data)


def hostile_plan(tmp_path: Path, data: dict[str, Any]) -> None:
    write(tmp_path, data)
    yaml = tmp_path / "targets.yaml"
    hostile = r'"存\u202e量\x1b[31m \"升\" \\ \u2028"'
    yaml.write_text(yaml.read_text("utf-8").replace("name: 存量升", f"name: {hostile}"), "utf-8")
    rows = every_unit(str(tmp_path), date(2025, 6, 30))
    text = regions_json.entries(rows)
    assert text == expected_entries(rows)
    assert without_records(str(tmp_path), date(2025, 6, 30), rows) == text
    assert "\\u202e" in text and "\u202e" not in text and "\x1b" not in text


def test_the_generated_national_plan_without_records(tmp_path: Path) -> None:
    """The benchmark's data (bench/national.py) at 12 units, before, at and after the
    deadline: the entries from the columns are those of the records."""
    from tests.engine.bench import national

    national.write_plan(tmp_path, 12)
    for day in ("2021-03-31", "2025-07-31", "2028-01-31"):
        rows = every_unit(str(tmp_path), date.fromisoformat(day))
        assert without_records(str(tmp_path), date.fromisoformat(day), rows) == (
            expected_entries(rows)
        )


def test_the_bundled_plan_without_records() -> None:
    for day in ("2023-06-30", "2025-12-31", "2026-11-30"):
        plan = load_plan(None)
        table = read_table(plan)
        units = list_units(plan, table.stubs())
        results = evaluate_regions(plan, {}, date.fromisoformat(day), [u.name for u in units],
                                   table=table)  # fmt: skip
        rows = list(region_rows(units, results))
        assert regions_json.unit_entries(plan, date.fromisoformat(day), units, table) == (
            expected_entries(rows)
        )
