"""Charts: SVG text escaped, PNG bytes, the CJK font search and its fallback."""

from __future__ import annotations

from html.parser import HTMLParser

from ipplan.report import Report
from ipplan.report.chart import render_chart, wrap
from ipplan.report.document import Chart, Point

HOSTILE = Chart(
    key="x",
    points=(Point(2022.0, 1.0, "2021"), Point(2023.0, 2.0, "2022", estimated=True)),
    target=5.0,
    deadline_x=2026.0,
    deadline_label="2025",
    projection=4.0,
    projection_low=3.0,
    projection_high=4.0,
    labels={
        "history": "实际值",
        "target": "目标",
        "projection": "预计",
        "range": "区间",
        "deadline": "截止",
        "title": "<script>alert(1)</script> & $x^2$",
        "unit": "<b>件",
    },
    fallback={
        "history": "Actual",
        "target": "Target",
        "projection": "Projection",
        "range": "Range",
        "deadline": "Deadline",
        "title": "x",
        "unit": "",
    },
)


class Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_svg_escapes_text_and_keeps_it_text() -> None:
    svg = render_chart(HOSTILE, "svg").decode("utf-8")
    parser = Tags()
    parser.feed(svg)
    assert "script" not in parser.tags and "b" not in parser.tags
    text = "".join(parser.text)
    assert "<script>alert(1)</script> & $x^2$" in text  # no mathtext: the $ stay
    assert "实际值" in text  # svg.fonttype none: the browser draws the Chinese
    assert "font-family: " in svg and "Microsoft YaHei" in svg


def test_png_is_an_image() -> None:
    png = render_chart(HOSTILE, "png")
    assert png.startswith(b"\x89PNG\r\n\x1a\n")


def test_wrap_cuts_long_titles() -> None:
    assert wrap("短标题") == "短标题"
    long = wrap("很长的名称" * 20, columns=20, lines=2)
    first, second = long.split("\n")
    assert len(first) == 10 and second.endswith("…")


def test_bundled_charts_render(bundled_zh: Report) -> None:
    for chart in bundled_zh.charts():
        assert render_chart(chart, "svg").lstrip().startswith(b"<?xml")
