"""Numbers as people read them: halves round up, whatever the float's binary neighbour."""

from __future__ import annotations

import pytest

from ipplan.present.fmt import figure, number, places


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (12.65, "12.7"),  # the float 12.65 is 12.6499999…: it used to print 12.6
        (17.55, "17.6"),
        (68.85, "68.9"),  # a proposed target written as 68.85 read 68.8 in status, 68.9 in propose
        (10.2 + 9.8 * 3 / 12, "12.7"),  # need's straight path: 10.2 + 2.45 = 12.65, a quarter on
        (2.675, "2.68"),  # three decimals → two below 10
        (2.9298, "2.93"),
        (18.28, "18.3"),
        (22542, "22,542"),
        (1234567.5, "1,234,568"),
        (-12.65, "-12.7"),  # away from zero, as by hand
        (-0.0001, "0"),  # no minus zero
    ],
)
def test_number_rounds_halves_up(value: float, text: str) -> None:
    assert number(value) == text


def test_numbers_beyond_28_digits_are_written_out() -> None:
    """A pace over a tiny span can be huge: 1e30 is 10^30 exactly (Decimal reads "1e+30"),
    written with separators, not an exit 70 (decimal's default precision is 28 digits)."""
    assert number(1e30) == "1,000,000,000,000,000,000,000,000,000,000"
    assert number(-2.5e40).startswith("-25,000,000,000,000,000,000,000,000,000,000,000")
    assert number(1e300).count(",") == 100  # 301 digits: 100 separators


@pytest.mark.parametrize(
    ("value", "expected"), [(2.93, 2), (22542.0, 0), (1e-05, 5), (0.1, 1), (2.25e4, 0), (3.1, 1)]
)
def test_places(value: float, expected: int) -> None:
    assert places(value) == expected


def test_figures_in_messages_are_written_as_every_view_writes_them() -> None:
    # thousands separators as fmt.number; the digits as stored (a check names the figure
    # in the file), never rounded to a view's 1–2 decimals; float noise of a sum is cut
    assert figure(22542.0) == "22,542"
    assert figure(2.9298) == "2.9298"  # fmt.number alone would say 2.93
    assert figure(1234.5) == "1,234.5"
    assert figure(-100.0) == "-100"
    assert figure(0.1 + 0.2) == "0.3"  # 0.30000000000000004 summed
    assert figure(1e16) == "10,000,000,000,000,000"  # was "1e+16"
