"""The terminal chart (ipplan.render.chart): exact output, worked out by hand."""

from __future__ import annotations

from datetime import date

from ipplan.present import fmt
from ipplan.render.chart import Line, chart

START, END = date(2021, 12, 31), date(2025, 12, 31)  # 1461 days
HISTORY = [(date(2021, 12, 31), 0.0), (date(2023, 12, 31), 10.0)]


def test_chart_by_hand() -> None:
    # width 30, labels 2 wide, 2 kept for the last year label → 24 plot columns (0–23);
    # 2023-12-31 is day 730 of 1461: column round(730 / 1461 · 23) = 11; ticks at days 365,
    # 1096, 1461: columns 6, 17, 23. Five rows from 20 down to 0: row = round((20 − v) / 5).
    # The line L runs from (day 730, 10) to (day 1461, 20): column 14 is day 889, value
    # 12.18 → row 2; column 15 is day 953, 13.05 → row 1; column 20 is day 1270, 17.39 →
    # row 1; column 21 is day 1334, 18.26 → row 0. Row 1 is the target's (15): a value
    # there that is not 15 moves off it, below when short of it (columns 15–17: 13.05,
    # 13.91, 14.79 → row 2), above when past it (columns 18–20: 15.65, 16.53, 17.39 → row 0).
    out = chart(HISTORY, [Line("L", [(date(2023, 12, 31), 10.0), (END, 20.0)])], 15.0,
                START, END, fmt.number, width=30, height=5)  # fmt: skip
    assert out == [
        "20 ┤                  LLLLLL",
        "15 ┤┄┄┄┄┄┄┄┄┄┄┄┄┄┄┄┄┄┄┄┄┄┄┄┄",
        "   │           ●LLLLLL",
        "   │",
        " 0 ┤●",
        "   └┬─────┬────┬─────┬─────┬",
        "    2021 2022 2023  2024  2025",
    ]


def test_ascii_chart_has_no_box_drawing() -> None:
    out = chart(HISTORY, [], 15.0, START, END, fmt.number, width=30, height=5, ascii=True)
    assert out[0] == "15 +------------------------"
    assert out[1] == "   |           *"
    assert all(line.isascii() for line in out)


def test_flat_series_and_nothing_to_draw() -> None:
    # one value: the range is widened by 1 either side so the point has a row
    out = chart([(date(2023, 12, 31), 5.0)], [], None, START, END, fmt.number, height=3)
    assert out[0].startswith("6 ┤") and out[2].startswith("4 ┤")
    assert "●" in out[1]
    assert chart([], [], None, START, END, fmt.number) == []


def test_chart_fits_the_width() -> None:
    out = chart(HISTORY, [], 1_234_567.0, START, END, fmt.number, width=80)
    assert max(len(line) for line in out) <= 80
