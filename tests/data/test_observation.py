"""ipplan.data.observation: one observation's fields, from a file, a sheet or the command line."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from ipplan.core.errors import Problem
from ipplan.core.model import Indicator, Observation
from ipplan.core.periods import Period
from ipplan.data.observation import Origin, Where, parse_observation

COUNT = Indicator(id="trademarks_valid", name="有效注册商标量", unit="件", kind="stock")
SHARE = Indicator(id="share", name="占比", unit="%", kind="stock")
WHERE = Where("a.csv", 7, {"period": 1, "value": 2, "region": 3, "flag": 4, "yoy": 5,
                            "published": 6})  # fmt: skip


def parsed(
    fields: dict[str, object], origin: Origin = Origin.FILE, ind: Indicator = COUNT
) -> Observation:
    obs, problems = parse_observation(fields, ind, origin, WHERE)
    assert problems == []
    assert obs is not None
    return obs


def problems(
    fields: dict[str, object], origin: Origin = Origin.FILE, ind: Indicator = COUNT
) -> list[tuple[str, dict[str, object], int | None]]:
    obs, found = parse_observation(fields, ind, origin, WHERE)
    assert obs is None
    assert {(p.file, p.line) for p in found} == {("a.csv", 7)}
    return [(p.code, dict(p.params), p.column) for p in found]


def test_every_field_of_a_file_row() -> None:
    obs = parsed({"period": " 2024-Q1 ", "value": "2.25万", "region": " 曾都区 ",
                  "source": " 年报 ", "note": "", "flag": "EP", "yoy": "14.29%",
                  "published": "2024/4/26"})  # fmt: skip
    # 2.25万 = 2.25 × 10^4 = 22500
    assert obs == Observation("trademarks_valid", Period(2024, "Q", 1), 22500, "曾都区", "年报",
                              None, "ep", 14.29, date(2024, 4, 26), "a.csv", 7)  # fmt: skip


def test_a_file_takes_periods_as_the_tool_writes_them_typed_and_imported_as_offices_do() -> None:
    assert problems({"period": "2024年3月", "value": "1"}) == [
        ("actuals.bad_period", {"value": "2024年3月"}, 1)
    ]
    assert parsed({"period": "2024年3月", "value": "1"}, Origin.ENTRY).period == Period(
        2024, "M", 3
    )
    assert parsed({"period": "2024年3月", "value": "1"}, Origin.IMPORT).period == Period(
        2024, "M", 3
    )
    assert problems({"period": "", "value": "1"}, Origin.IMPORT) == [("import.no_period", {}, 1)]
    assert problems({"period": "2024年13月", "value": "1"}, Origin.IMPORT) == [
        ("import.bad_period", {"value": "2024年13月"}, 1)
    ]
    assert problems({"period": "2024-13", "value": "1"}, Origin.ENTRY) == [
        ("period.invalid", {"value": "2024-13"}, 1)
    ]


def test_sheet_cells_arrive_typed() -> None:
    obs = parsed({"period": datetime(2024, 3, 31), "value": 2.3, "yoy": 14.29,
                  "published": date(2024, 4, 26)}, Origin.IMPORT)  # fmt: skip
    assert (obs.period, obs.value, obs.yoy, obs.published) == (
        Period(2024, "M", 3),
        2.3,
        14.29,
        date(2024, 4, 26),
    )
    assert parsed({"period": Period(2024, "Y", 0), "value": 5}, Origin.IMPORT).value == 5


def test_a_published_date_with_a_time_of_day_is_its_day() -> None:
    # was kept as a datetime by imports and written as 2025-04-26T10:30:00, which the file
    # reader then refused
    obs = parsed({"period": "2024", "value": "1", "published": datetime(2025, 4, 26, 10, 30)},
                 Origin.IMPORT)  # fmt: skip
    assert obs.published == date(2025, 4, 26) and type(obs.published) is date


@pytest.mark.parametrize("origin", list(Origin))
def test_a_percent_value_reads_alike_from_everywhere(origin: Origin) -> None:
    # was refused in actuals files but taken by record and import
    assert parsed({"period": "2024", "value": "36.5%"}, origin, SHARE).value == 36.5
    assert problems({"period": "2024", "value": "36.5%"}, origin) == [
        ("number.invalid", {"value": "36.5%"}, 2)
    ]


@pytest.mark.parametrize("origin", list(Origin))
def test_a_flag_is_quoted_as_written(origin: Origin) -> None:
    # a file quoted it in lower case ("x"), an import and record as written ("X")
    assert problems({"period": "2024", "value": "1", "flag": " X "}, origin) == [
        ("actuals.bad_flag", {"value": "X"}, 4)
    ]
    assert parsed({"period": "2024", "value": "1", "flag": " B "}, origin).flag == "b"


@pytest.mark.parametrize("origin", list(Origin))
def test_a_region_written_with_its_formula_guard_is_the_region(origin: Origin) -> None:
    # a file read "'=x" as "=x"; an import and record kept the apostrophe, so that importing
    # a file ipplan wrote added a second (period, region) row
    assert parsed({"period": "2024", "value": "1", "region": "'=x"}, origin).region == "=x"
    assert parsed({"period": "2024", "value": "1", "region": "'x"}, origin).region == "'x"


def test_a_negative_value_is_quoted_as_written() -> None:
    assert problems({"period": "2024", "value": "-2.25万"}) == [
        ("actuals.negative", {"value": "-2.25万", "id": "trademarks_valid"}, 2)
    ]
    allowed = Indicator(id="balance", name="差额", unit="件", kind="flow", allow_negative=True)
    assert parsed({"period": "2024", "value": "-5"}, ind=allowed).value == -5
    # a typed cell is quoted as a file would hold it: -22500.0 → -22500
    assert problems({"period": "2024", "value": -22500.0}, Origin.IMPORT)[0][1]["value"] == "-22500"


def test_every_problem_of_a_row_in_the_order_of_its_columns() -> None:
    fields = {"period": "2024Q5", "value": "abc", "flag": "z", "yoy": "x%", "published": "soon"}
    assert [(code, column) for code, _, column in problems(fields)] == [
        ("actuals.bad_period", 1),
        ("number.invalid", 2),
        ("actuals.bad_flag", 4),
        ("number.invalid", 5),
        ("actuals.bad_date", 6),
    ]


def test_empty_fields_are_none_and_no_location_is_none() -> None:
    obs, found = parse_observation({"period": "2024", "value": "1", "source": "  ", "yoy": " "},
                                   COUNT, Origin.ENTRY)  # fmt: skip
    assert found == [] and obs is not None
    assert (obs.region, obs.source, obs.note, obs.flag, obs.yoy, obs.published) == (
        "",
        None,
        None,
        None,
        None,
        None,
    )
    assert (obs.file, obs.line) == (None, None)
    _, found = parse_observation({"period": "2024", "value": ""}, COUNT, Origin.ENTRY)
    assert found == [Problem("number.empty", found[0].params)]


def test_a_row_shorter_than_the_header_has_empty_fields() -> None:
    assert problems({"period": "2024"}) == [("number.empty", {}, 2)]
    assert parsed({"period": "2024", "value": "3"}).source is None
