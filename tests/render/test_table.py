"""The status table at narrow widths: names and status words are never cut."""

from __future__ import annotations

from datetime import date

import pytest

import ipplan
from ipplan.core.model import STATUSES
from ipplan.present.final import shown_status
from ipplan.present.labels import status_word
from ipplan.render.table import render_status

STATUS_WORDS = {lang: {status_word(s, lang) for s in STATUSES} for lang in ("zh", "en")}


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("width", [60, 80, 100])
@pytest.mark.parametrize("as_of", [date(2023, 6, 30), date(2024, 12, 31), date(2026, 11, 21)])
def test_status_words_are_whole_and_lines_fit(lang: str, width: int, as_of: date) -> None:
    result = ipplan.status(ipplan.load_plan(None), as_of=as_of)
    text = render_status(result, lang, width=width)
    targets = [e for e in result.evaluations if e.indicator.target is not None]
    table_lines = text.split("\n\n")[1].splitlines()  # the targets table, between blank lines
    for ev in targets:
        word = shown_status(ev, result, lang)  # after the deadline: the final evaluation's word
        assert word in STATUS_WORDS[lang] or as_of > result.plan.meta.deadline
        assert any(line.endswith(word) or line.endswith(word + "*") for line in table_lines), (
            word,
            text,
        )
    from rich.cells import cell_len

    assert max(cell_len(line) for line in text.splitlines()) <= width


def test_the_missing_data_line_names_every_target_without_data() -> None:
    # As of 2026-11-21 five targets lack data; 商标国际注册量 has one point (2023 = 2).
    result = ipplan.status(ipplan.load_plan(None), as_of=date(2026, 11, 21))
    text = render_status(result, "zh", width=200)
    line = next(x for x in text.splitlines() if x.startswith("缺数据："))
    for name in ("有效发明专利", "每万人口发明专利拥有量", "PCT国际专利申请量",
                 "每万户市场主体拥有有效注册商标量", "商标国际注册量（仅一个数据点）"):  # fmt: skip
        assert name in line


def test_the_narrow_block_layout_joins_two_line_headings_with_a_space() -> None:
    # At 80 columns in English the Suizhou plan still fits a table; at 60 it falls back to one
    # block per target, whose facts carry the headings "Growth\nneed/act" and "2025\nproj.":
    # they read "Growth need/act" and "2025 proj.", and "Progress\n/time" reads "Progress/time".
    result = ipplan.status(ipplan.load_plan(None), as_of=date(2024, 12, 31))
    text = " ".join(render_status(result, "en", width=60).split())  # lines wrap at spaces
    assert "Growth need/act 15.4/17.0%" in text  # trademarks: required 15.4 %, actual 17.0 %
    assert "2025 proj. 30,847" in text
    assert "Progress/time 0/50%" in text
    assert "Growthneed" not in text and "2025proj." not in text


def test_markdown_headings_are_one_line_without_escapes() -> None:
    # the English headings "Progress\n/time", "Growth\nneed/act", "2025\nproj." used to reach
    # the Markdown table as "Progress\\x0a/time" (a newline shown as text)
    from ipplan.render.markdown import render_status as render_markdown

    result = ipplan.status(ipplan.load_plan(None), as_of=date(2024, 12, 31))
    head = render_markdown(result, "en").splitlines()[1]
    assert head == (
        "| Indicator | Target | Latest | Period | Attain. | Progress/time | Growth need/act"
        " | 2025 proj. | Status |"
    )
    assert "x0a" not in render_markdown(result, "zh")
