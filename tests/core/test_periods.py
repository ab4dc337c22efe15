"""Periods: parsing (strict and lenient), dates, ordering, fractional years."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ipplan.core.errors import PeriodError
from ipplan.core.periods import (
    Period,
    closing_period,
    label_for_date,
    parse_period,
    parse_period_lenient,
    years_between,
)
from ipplan.messages.parsing import MESSAGES

Y = Period(2024, "Y", 0)
Q1 = Period(2024, "Q", 1)
M3 = Period(2024, "M", 3)

# ---------------------------------------------------------------- exact values


@pytest.mark.parametrize(
    ("period", "text", "start", "end"),
    [
        (Period(2024, "Y", 0), "2024", date(2024, 1, 1), date(2024, 12, 31)),
        (Period(2024, "Q", 1), "2024-Q1", date(2024, 1, 1), date(2024, 3, 31)),
        (Period(2024, "Q", 2), "2024-Q2", date(2024, 4, 1), date(2024, 6, 30)),
        (Period(2024, "Q", 3), "2024-Q3", date(2024, 7, 1), date(2024, 9, 30)),
        (Period(2024, "Q", 4), "2024-Q4", date(2024, 10, 1), date(2024, 12, 31)),
        (Period(2024, "M", 2), "2024-02", date(2024, 2, 1), date(2024, 2, 29)),
        (Period(2023, "M", 2), "2023-02", date(2023, 2, 1), date(2023, 2, 28)),
        (Period(2100, "M", 2), "2100-02", date(2100, 2, 1), date(2100, 2, 28)),
        (Period(2000, "M", 2), "2000-02", date(2000, 2, 1), date(2000, 2, 29)),
        (Period(2024, "M", 3), "2024-03", date(2024, 3, 1), date(2024, 3, 31)),
        (Period(2024, "M", 4), "2024-04", date(2024, 4, 1), date(2024, 4, 30)),
        (Period(2025, "M", 12), "2025-12", date(2025, 12, 1), date(2025, 12, 31)),
        (Period(1900, "Y", 0), "1900", date(1900, 1, 1), date(1900, 12, 31)),
        (Period(2200, "M", 12), "2200-12", date(2200, 12, 1), date(2200, 12, 31)),
    ],
)
def test_str_start_end(period: Period, text: str, start: date, end: date) -> None:
    assert str(period) == text
    assert period.start == start
    assert period.end == end
    assert parse_period(text) == period


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024", Y),
        (" 2024 ", Y),
        ("\t2024-Q1\n", Q1),
        ("2024-q1", Q1),
        ("2024-03", M3),
        ("2024-12", Period(2024, "M", 12)),
        ("1900", Period(1900, "Y", 0)),
        ("2200-Q4", Period(2200, "Q", 4)),
    ],
)
def test_parse_period_accepts(text: str, expected: Period) -> None:
    assert parse_period(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "24",
        "02024",
        "1899",
        "2201",
        "2024-Q0",
        "2024-Q5",
        "2024Q1",
        "2024 Q1",
        "2024-3",
        "2024-00",
        "2024-13",
        "2024-003",
        "2024/03",
        "2024.03",
        "2024年",
        "２０２４",
        "2024-03-31",
        "2024-Q1 extra",
        "2024-W01",
        "Q1-2024",
        "2024-",
        "-2024",
        "+2024",
        "2024.0",
    ],
)
def test_parse_period_rejects(text: str) -> None:
    with pytest.raises(PeriodError) as caught:
        parse_period(text)
    problem = caught.value.problems[0]
    assert problem.code == "period.invalid"
    assert problem.params == {"value": text}
    assert problem.column is None  # callers set it


@pytest.mark.parametrize("value", [None, 2024, 2024.0, b"2024", date(2024, 1, 1)])
def test_parse_period_rejects_non_text(value: object) -> None:
    with pytest.raises(PeriodError):
        parse_period(value)  # type: ignore[arg-type]


def test_error_message_reads_in_both_languages() -> None:
    with pytest.raises(PeriodError) as caught:
        parse_period("2024-13")
    assert "2024-13" in str(caught.value)  # the English text
    zh, hint = MESSAGES["period.invalid"]["zh"]
    assert zh.format(value="2024-13") == "无法识别的期间“2024-13”"
    assert "2024-Q1" in hint


@pytest.mark.parametrize(
    ("year", "freq", "index"),
    [
        (2024, "Y", 1),
        (2024, "Q", 0),
        (2024, "Q", 5),
        (2024, "M", 0),
        (2024, "M", 13),
        (1899, "Y", 0),
        (2201, "Y", 0),
        (2024, "W", 1),
        (True, "Y", 0),
        (2024.0, "Y", 0),
    ],
)
def test_impossible_periods_are_refused(year: object, freq: object, index: object) -> None:
    with pytest.raises(PeriodError):
        Period(year, freq, index)  # type: ignore[arg-type]


# ------------------------------------------------------------- lenient parsing


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024", Y),
        ("2024-q1", Q1),
        ("2024年", Y),
        ("2024 年", Y),
        ("2024年度", Y),
        ("2024年末", Y),
        ("2024年底", Y),
        ("２０２４年", Y),
        ("２０２４", Y),
        ("2024年3月", M3),
        ("2024年03月", M3),
        ("2024年 3 月", M3),
        ("2024年三月", M3),
        ("2024年3月份", M3),
        ("2024年3月末", M3),
        ("２０２４年３月", M3),
        ("2024年十月", Period(2024, "M", 10)),
        ("2024年十一月", Period(2024, "M", 11)),
        ("2024年十二月", Period(2024, "M", 12)),
        ("2024年一季度", Q1),
        ("2024年第一季度", Q1),
        ("2024年1季度", Q1),
        ("2024年第1季度", Q1),
        ("2024年一季度末", Q1),
        ("2024年四季度", Period(2024, "Q", 4)),
        ("2024年Q1", Q1),
        ("2024年q1", Q1),
        ("2024Q1", Q1),
        ("2024q1", Q1),
        ("2024 Q1", Q1),
        ("2024/Q1", Q1),
        ("２０２４Ｑ１", Q1),
        ("2024/3", M3),
        ("2024/03", M3),
        ("2024.03", M3),
        ("2024.3", M3),
        ("2024-3", M3),
        ("2024.12", Period(2024, "M", 12)),
        ("２０２４－０３", M3),
        ("2024.0", Y),
        ("2024-03-31", M3),
        ("2024/3/1", M3),
        ("2024.3.15", M3),
        ("2024-03-01 00:00:00", M3),
        ("2024年3月31日", M3),
        (2024, Y),
        (2024.0, Y),
        (Fraction(2024), Y),
        (date(2024, 3, 31), M3),
        (date(2024, 3, 1), M3),
        (datetime(2024, 3, 15, 12, 30), M3),
        (Q1, Q1),
    ],
)
def test_parse_period_lenient_accepts(value: object, expected: Period) -> None:
    assert parse_period_lenient(value) == expected


@pytest.mark.parametrize(
    "value",
    [
        "",
        "abc",
        "2024年13月",
        "2024年0月",
        "2024年五季度",
        "2024年第5季度",
        "2024Q5",
        "2024/13",
        "2024-02-30",
        "2024-03/31",
        "2024年上半年",
        "2024年1-3月",
        "202403",
        "24年",
        "1899年",
        "2201",
        "2024.1.2.3",
        2024.03,
        2024.5,
        1899,
        2201,
        float("nan"),
        float("inf"),
        True,
        None,
        [2024],
        date(1800, 1, 1),
    ],
)
def test_parse_period_lenient_rejects(value: object) -> None:
    with pytest.raises(PeriodError) as caught:
        parse_period_lenient(value)
    assert caught.value.code == "period.invalid"
    assert isinstance(caught.value.problems[0].params["value"], str)


# ---------------------------------------------------------- ordering, contains


def test_sort_key_puts_finer_periods_first_on_the_same_end_date() -> None:
    periods = [parse_period(s) for s in ["2025-01", "2024", "2024-Q4", "2024-12", "2024-11"]]
    assert [str(p) for p in sorted(periods, key=Period.sort_key)] == [
        "2024-11",
        "2024-12",
        "2024-Q4",
        "2024",
        "2025-01",
    ]
    assert sorted(periods) == sorted(periods, key=Period.sort_key)
    assert max(periods[1:4]) == Y
    assert Q1.sort_key() == (date(2024, 3, 31), 1)


def test_comparisons() -> None:
    assert M3 < Q1 <= Q1 < Y
    assert Y > Q1 >= M3
    assert Period(2023, "Y", 0) < Period(2024, "M", 1)
    assert Q1.__lt__(object()) is NotImplemented
    with pytest.raises(TypeError):
        _ = Q1 < "2024"


@pytest.mark.parametrize(
    ("outer", "inner", "expected"),
    [
        ("2024", "2024-Q3", True),
        ("2024", "2024-07", True),
        ("2024", "2024", True),
        ("2024-Q3", "2024-07", True),
        ("2024-Q3", "2024-09", True),
        ("2024-Q3", "2024-10", False),
        ("2024-Q3", "2024", False),
        ("2024-07", "2024-Q3", False),
        ("2024", "2025-01", False),
        ("2024-07", "2024-07", True),
    ],
)
def test_contains(outer: str, inner: str, expected: bool) -> None:
    assert parse_period(outer).contains(parse_period(inner)) is expected


# ------------------------------------------------------------------- dates


def test_years_between_exact() -> None:
    assert years_between(date(2023, 12, 31), date(2025, 12, 31)) == 731 / 365.25
    assert years_between(date(2023, 12, 31), date(2024, 12, 31)) == 366 / 365.25
    assert years_between(date(2024, 12, 31), date(2025, 12, 31)) == 365 / 365.25
    assert years_between(date(2021, 12, 31), date(2025, 12, 31)) == 1.0 * 1461 / 365.25 == 4.0
    assert years_between(date(2025, 12, 31), date(2023, 12, 31)) == -731 / 365.25
    assert years_between(date(2024, 3, 31), date(2024, 3, 31)) == 0.0
    assert years_between(Q1.end, Y.end) == 275 / 365.25


@pytest.mark.parametrize(
    ("day", "label"),
    [
        (date(2025, 12, 31), "2025"),
        (date(2025, 6, 30), "2025-Q2"),
        (date(2025, 3, 31), "2025-Q1"),
        (date(2025, 9, 30), "2025-Q3"),
        (date(2025, 5, 31), "2025-05"),
        (date(2024, 2, 29), "2024-02"),
        (date(2025, 2, 28), "2025-02"),
        (date(2025, 11, 30), "2025-11"),
        (date(2025, 6, 29), "2025-06"),
        (date(2025, 12, 30), "2025-12"),
        (date(2024, 2, 28), "2024-02"),
        (date(2025, 1, 1), "2025-01"),
    ],
)
def test_label_for_date(day: date, label: str) -> None:
    assert label_for_date(day) == label
    assert str(closing_period(day)) == label
    assert closing_period(day).contains(Period(day.year, "M", day.month))


def test_label_for_date_out_of_range() -> None:
    with pytest.raises(PeriodError):
        label_for_date(date(2500, 12, 31))


# ---------------------------------------------------------------- properties

years = st.integers(min_value=1900, max_value=2200)
periods = st.one_of(
    st.builds(Period, years, st.just("Y"), st.just(0)),
    st.builds(Period, years, st.just("Q"), st.integers(1, 4)),
    st.builds(Period, years, st.just("M"), st.integers(1, 12)),
)
days = st.dates(min_value=date(1900, 1, 1), max_value=date(2200, 12, 31))


@given(periods)
def test_canonical_text_round_trips(p: Period) -> None:
    text = str(p)
    assert parse_period(text) == p
    assert parse_period(f"  {text.lower()} ") == p
    assert parse_period_lenient(text) == p
    assert parse_period_lenient(text.lower()) == p


@given(periods)
def test_start_end_and_length(p: Period) -> None:
    assert p.start <= p.end
    assert p.start.day == 1
    assert (p.end + timedelta(days=1)).day == 1
    assert p.contains(p)
    length = (p.end - p.start).days + 1
    assert length in {"Y": range(365, 367), "Q": range(90, 93), "M": range(28, 32)}[p.freq]


@given(periods, periods)
def test_end_dates_increase_with_sort_key(a: Period, b: Period) -> None:
    if a.sort_key() < b.sort_key():
        assert a.end <= b.end
    if a.end < b.end:
        assert a.sort_key() < b.sort_key()
    assert (a.sort_key() == b.sort_key()) == (a == b)
    assert (a < b) == (a.sort_key() < b.sort_key())


@given(periods, periods)
def test_contains_means_nested_dates(a: Period, b: Period) -> None:
    assert a.contains(b) == (a.start <= b.start and b.end <= a.end)
    if a.contains(b) and b.contains(a):
        assert a == b


@given(periods)
def test_lenient_agrees_with_strict_on_chinese_forms(p: Period) -> None:
    if p.freq == "Y":
        text = f"{p.year}年"
    elif p.freq == "Q":
        text = f"{p.year}年第{'一二三四'[p.index - 1]}季度"
    else:
        text = f"{p.year}年{p.index}月"
    full_width = text.translate({ord(c): 0xFF10 + int(c) for c in "0123456789"})
    assert parse_period_lenient(text) == p
    assert parse_period_lenient(full_width) == p


@given(days)
def test_dates_fall_in_their_months(d: date) -> None:
    p = parse_period_lenient(d)
    assert p.freq == "M"
    assert p.start <= d <= p.end
    assert parse_period_lenient(d.isoformat()) == p
    assert closing_period(d).end >= d


@given(days, days, days)
def test_years_between_is_additive_and_antisymmetric(a: date, b: date, c: date) -> None:
    assert years_between(a, b) == -years_between(b, a)
    assert years_between(a, a) == 0
    assert years_between(a, c) == pytest.approx(years_between(a, b) + years_between(b, c))
    assert (years_between(a, b) > 0) == (b > a)


@given(periods)
def test_label_for_period_end_is_that_period_or_a_part(p: Period) -> None:
    closing = closing_period(p.end)
    assert closing.end == p.end
    assert p.freq != "Y" or closing == p
    if p.freq == "Q":
        assert closing == p or (p.index == 4 and closing.freq == "Y")
