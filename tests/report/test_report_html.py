"""HTML: one self-contained file, data escaped (in SVG too), no URL, readable in a browser."""

from __future__ import annotations

import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from report_plans import IMG, SCRIPT

from ipplan.report import Report, render


class Page(HTMLParser):
    """Every tag with its attributes, the text of each element, and <style> contents."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.styles: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._in_style = tag == "style"

    def handle_endtag(self, tag: str) -> None:
        self._in_style = False

    def handle_data(self, data: str) -> None:
        (self.styles if self._in_style else self.text).append(data)


def parse(data: bytes) -> Page:
    page = Page()
    page.feed(data.decode("utf-8"))
    page.close()
    return page


def assert_offline(page: Page) -> None:
    """No tag loads anything: no src/href with a scheme, no url() in any style."""
    names = {tag for tag, _ in page.tags}
    assert not names & {"script", "img", "link", "iframe", "object", "embed", "image", "video"}
    for tag, attrs in page.tags:
        for name, value in attrs.items():
            assert not name.startswith("on"), (tag, name)
            if name in ("src", "href", "xlink:href", "style", "action", "data"):
                assert "://" not in (value or ""), (tag, name, value)
                assert "url(" not in (value or "").lower(), (tag, name, value)
            if name in ("href", "xlink:href"):
                assert (value or "").startswith("#"), (tag, name, value)
    for css in page.styles:
        assert "url(" not in css.lower() and "@import" not in css and "@font-face" not in css


def test_bundled_html(bundled_zh: Report) -> None:
    data = render(bundled_zh, "html")
    page = parse(data)
    assert_offline(page)
    text = "".join(page.text)
    assert "《关于加快推进知识产权强市建设的实施方案》目标进展情况报告" in text
    assert "随政办发〔2024〕15号" in text
    for heading in (
        "一、总体情况",
        "二、指标完成情况表",
        "三、分项说明",
        "四、监测指标",
        "五、存在问题",
        "六、下一步工作",
        "附件1：数据来源",
        "附件2：数据质量说明",
        "附件3：计算方法",
        "表1　方案目标完成情况",
        "图1　有效注册商标量（件）",
    ):
        assert heading in text
    # three targets have data: three inline SVG charts, their text drawn by the browser
    assert sum(1 for tag, _ in page.tags if tag == "svg") == 3
    assert "实际值" in text and "目标 30,000" in text
    assert b"<?xml" not in data and b"<!DOCTYPE svg" not in data
    # no URL at all, except those the references cite as text (once each)
    cited = (b"http://tjj.suizhou.gov.cn", b"https://sxbbs.cn", b"http://www.thetopcatplan.com")
    assert data.count(b"http") == sum(data.count(u) for u in cited) == 3


def test_css_lists_cjk_fonts_and_print_rules(bundled_en: Report) -> None:
    page = parse(render(bundled_en, "html"))
    css = "".join(page.styles)
    assert '"Noto Sans CJK SC"' in css and '"Microsoft YaHei"' in css
    assert "@media print" in css and "@page" in css
    assert "Target by target" in "".join(page.text)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_hostile_html_is_escaped(hostile_reports: dict[str, Report], lang: str) -> None:
    data = render(hostile_reports[lang], "html")
    page = parse(data)
    assert_offline(page)
    assert b"<script>" not in data and b"<img" not in data and b"<b>" not in data
    text = "".join(page.text)
    # what the user typed shows as text, in the page and inside the SVG chart titles
    assert (SCRIPT if lang == "zh" else IMG) in text
    assert '=HYPERLINK("http://x","y")' in text
    svg = data[data.index(b"<svg") : data.rindex(b"</svg>")]
    assert b"&lt;b&gt;" in svg  # the unit, in the chart title, escaped by matplotlib
    assert b"<b>" not in svg and b"<script" not in svg and b"<img" not in svg


def _chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.skipif(_chromium() is None, reason="Chromium is not installed")
def test_chromium_renders_a_screenshot(bundled_zh: Report, tmp_path: Path) -> None:
    page = tmp_path / "report.html"
    page.write_bytes(render(bundled_zh, "html"))
    shot = tmp_path / "shot.png"
    browser = _chromium()
    assert browser is not None
    proc = subprocess.run(
        [
            browser,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={tmp_path / 'profile'}",
            f"--screenshot={shot}",
            "--window-size=1000,1600",
            page.as_uri(),
        ],
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert shot.is_file(), proc.stderr.decode(errors="replace")[-2000:]
    head = shot.read_bytes()
    assert head.startswith(b"\x89PNG") and len(head) > 20_000  # a page, not a blank
