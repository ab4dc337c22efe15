"""parse_number: numbers as people type them, and nothing else."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ipplan.core.errors import NumberError
from ipplan.core.numbers import parse_number

FULL_WIDTH = str.maketrans("0123456789,.-+%", "０１２３４５６７８９，．－＋％")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("22542", 22542.0),
        ("  22542\t", 22542.0),
        ("\u300022542\u3000", 22542.0),
        ("22,542", 22542.0),
        ("1,234,567.5", 1234567.5),
        ("1,234", 1234.0),
        ("999,999,999", 999999999.0),
        ("0", 0.0),
        ("-0", 0.0),
        ("007", 7.0),
        ("3.25", 3.25),
        (".5", 0.5),
        ("5.", 5.0),
        ("+5", 5.0),
        ("-5", -5.0),
        ("−5", -5.0),
        ("－５", -5.0),
        ("＋５", 5.0),
        ("２２５４２", 22542.0),
        ("２２，５４２", 22542.0),
        ("２．２５万", 22500.0),
        ("2.25万", 22500.0),
        ("2.25 万", 22500.0),
        ("4.7亿", 470000000.0),
        ("-4.7亿", -470000000.0),
        ("1,234.5万", 12345000.0),
        ("0.1万", 1000.0),
        ("0.0001万", 1.0),
        ("1.23456789万", 12345.6789),
        ("10000000亿", 1e15),
        ("1.2E+07", 12000000.0),
        ("1.2e7", 12000000.0),
        ("1E-3", 0.001),
        ("-2.5E+03", -2500.0),
        ("1e-99999999999999999999", 0.0),
        ("1000000000000000", 1e15),
    ],
)
def test_accepts(text: str, expected: float) -> None:
    assert parse_number(text) == expected
    assert type(parse_number(text)) is float


def test_scaling_is_exact() -> None:
    # 0.07 * 10000 in floats is 700.0000000000001; the Decimal scaling gives 700.
    assert 0.07 * 10000 != 700
    assert parse_number("0.07万") == 700.0
    assert parse_number("1.1亿") == 110000000.0
    assert parse_number("0.29万") == 2900.0


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("14.29%", 14.29),
        ("14.29 %", 14.29),
        ("14.29％", 14.29),
        ("-3.5%", -3.5),
        ("−3.5%", -3.5),
        ("14.29", 14.29),
        ("１４．２９％", 14.29),
        ("1,200%", 1200.0),
    ],
)
def test_percent(text: str, expected: float) -> None:
    assert parse_number(text, percent=True) == expected


@pytest.mark.parametrize(
    "text",
    [
        "2,25",
        "22,5420",
        "0,5",
        "0,123",
        "1,23,456",
        "1,2345",
        ",123",
        "123,",
        "1,,234",
        "22,542.",
        "1 234",
        "1_000",
        "12'345",
        "abc",
        "12abc",
        "5元",
        "4.7亿元",
        "2.25千",
        "万",
        "2万万",
        "万2",
        "+",
        "-",
        "--5",
        "+-5",
        "- 5",
        "5-",
        "1.2.3",
        "1e",
        "e5",
        "1.2E+07万",
        "1,234E5",
        "0x10",
        "1_0",
        "(5)",
        "5%",
        "14.29%",
        "2万%",
        "10²",
        "①",
        "١٢٣",
        "½",
        "1/2",
        "five",
        "五",
        "TRUE",
        "2024-03",
        "1" * 101,
    ],
)
def test_rejects_as_invalid(text: str) -> None:
    with pytest.raises(NumberError) as caught:
        parse_number(text)
    problem = caught.value.problems[0]
    assert problem.code == "number.invalid"
    assert problem.params["value"] == (text if len(text) <= 60 else text[:57] + "...")
    assert problem.column is None


@pytest.mark.parametrize("text", ["2万%", "%", "14.29%%", "%14", "4.7亿％", "1e2%万"])
def test_percent_never_with_a_unit(text: str) -> None:
    with pytest.raises(NumberError) as caught:
        parse_number(text, percent=True)
    assert caught.value.code == "number.invalid"


@pytest.mark.parametrize("value", ["", "   ", "\u3000", None])
def test_empty(value: object) -> None:
    with pytest.raises(NumberError) as caught:
        parse_number(value)
    assert caught.value.code == "number.empty"
    assert caught.value.problems[0].params == {}


@pytest.mark.parametrize(
    "value",
    [
        "nan",
        "NaN",
        "NAN",
        "-nan",
        "inf",
        "-inf",
        "+Inf",
        "−inf",
        "Infinity",
        "-INFINITY",
        "ｎａｎ",
        "ＩＮＦ",
        "－ｉｎｆ",
        "sNaN",
        "∞",
        " nan ",
        float("nan"),
        float("inf"),
        float("-inf"),
        Decimal("NaN"),
        Decimal("-Infinity"),
    ],
)
def test_not_finite(value: object) -> None:
    with pytest.raises(NumberError) as caught:
        parse_number(value)
    assert caught.value.code == "number.not_finite"


def test_not_finite_with_percent() -> None:
    with pytest.raises(NumberError) as caught:
        parse_number("nan%", percent=True)
    assert caught.value.code == "number.not_finite"


@pytest.mark.parametrize(
    "value",
    [
        "1000000000000001",
        "-1000000000000001",
        "1e16",
        "1.2E+308",
        "1e400",
        "1e99999999999999999999",
        "10000001亿",
        "100000000001万",
        "1" * 40,
        10**16,
        10**400,
        1e16,
        -1e300,
        Decimal("1e20"),
    ],
)
def test_too_large(value: object) -> None:
    with pytest.raises(NumberError) as caught:
        parse_number(value)
    assert caught.value.code == "number.too_large"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (22542, 22542.0),
        (-5, -5.0),
        (3.25, 3.25),
        (-0.0, 0.0),
        (10**15, 1e15),
        (Fraction(1, 4), 0.25),
        (Decimal("2.5"), 2.5),
    ],
)
def test_numbers_pass_through(value: object, expected: float) -> None:
    result = parse_number(value)
    assert result == expected
    assert type(result) is float


@pytest.mark.parametrize("value", [True, False, b"5", [5], {"a": 1}, object(), 3j])
def test_other_objects_are_invalid(value: object) -> None:
    with pytest.raises(NumberError) as caught:
        parse_number(value)
    assert caught.value.code == "number.invalid"


def test_message_names_the_value() -> None:
    with pytest.raises(NumberError) as caught:
        parse_number("2,25")
    assert "'2,25'" in str(caught.value)


# ---------------------------------------------------------------- properties

magnitudes = st.integers(min_value=-(10**15), max_value=10**15)


def grouped(n: int) -> str:
    return f"{n:,}"


@given(magnitudes)
def test_integers_round_trip(n: int) -> None:
    assert parse_number(str(n)) == n
    assert parse_number(grouped(n)) == n
    assert parse_number(str(n).translate(FULL_WIDTH)) == n
    assert parse_number(grouped(n).translate(FULL_WIDTH)) == n
    assert parse_number(f" {n} ", percent=True) == n
    assert parse_number(f"{n}%", percent=True) == n
    assert parse_number(n) == n


@given(st.integers(min_value=-(10**11), max_value=10**11))
def test_units_scale_exactly(n: int) -> None:
    # n / 100 万 is n * 100, with no float rounding on the way.
    text = f"{Decimal(n) / 100:f}万"
    assert parse_number(text) == n * 100
    assert parse_number(f"{Decimal(n).scaleb(-8):f}亿") == n


@given(st.integers(min_value=1000, max_value=10**15))
def test_bad_grouping_is_refused(n: int) -> None:
    digits = str(n)
    # Put a comma where it does not belong: after the first two digits of a group of 3.
    wrong = digits[:-2] + "," + digits[-2:]
    with pytest.raises(NumberError):
        parse_number(wrong)


@given(
    st.floats(
        min_value=-1e15,
        max_value=1e15,
        allow_nan=False,
        allow_infinity=False,
        allow_subnormal=False,
    )
)
def test_floats_round_trip_through_repr(x: float) -> None:
    assert parse_number(repr(x)) == x
    assert parse_number(x) == x


@given(st.text(max_size=30), st.booleans())
def test_junk_only_raises_number_errors(text: str, percent: bool) -> None:
    try:
        result = parse_number(text, percent=percent)
    except NumberError as exc:
        assert exc.code.startswith("number.")
    else:
        assert isinstance(result, float)
        assert abs(result) <= 1e15


@given(st.text(alphabet="0123456789", min_size=1, max_size=17))
def test_plain_digits_read_as_their_decimal(text: str) -> None:
    """Plain digits take a short path (targets_by_region.csv at national scale): the same
    float as the decimal they write, and above 10¹⁵ the same refusal."""
    if Decimal(text) > 10**15:
        with pytest.raises(NumberError):
            parse_number(text)
    else:
        assert parse_number(text) == float(Decimal(text))
        assert parse_number(f" {text} ") == parse_number(text)
