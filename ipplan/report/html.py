"""The report as one self-contained HTML file: inline SVG charts, no URL of any kind.

Every string from data goes through :func:`html.escape`; chart text is escaped by
matplotlib's SVG writer (and tested). The page names no font file and loads nothing: the
CSS lists common CJK fonts and the browser draws Chinese with whichever it has. The
SVGs lose their XML prolog, DOCTYPE and namespace declarations (none is needed inline in
HTML5), so the file holds no ``http://`` at all.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from html import escape

from ipplan.present.safe import safe_text
from ipplan.report.chart import CJK_FONTS, render_chart
from ipplan.report.document import (
    Block,
    Bullets,
    Chart,
    Column,
    Paragraph,
    Report,
    Section,
    Table,
)

Progress = Callable[[str], None]

FONTS = ", ".join(f'"{f}"' for f in CJK_FONTS) + ', "Noto Sans", Arial, sans-serif'
CSS = """
:root { color-scheme: light; }
body { font-family: @FONTS@; color: #1a1a1a; background: #fff; margin: 0;
  line-height: 1.7; font-size: 15px; }
main { max-width: 64rem; margin: 0 auto; padding: 1.5rem 1.25rem 3rem; }
h1 { font-size: 1.6rem; text-align: center; margin: 0.5rem 0 1rem; line-height: 1.4;
  text-wrap: balance; }
h2 { font-size: 1.2rem; border-bottom: 2px solid #1f4e79; padding-bottom: 0.2rem;
  margin-top: 2rem; }
h3 { font-size: 1.05rem; margin-top: 1.5rem; }
h1, h2, h3, p, li, dd { overflow-wrap: break-word; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 1rem;
  margin: 0 auto 1.5rem; max-width: 40rem; }
dl.meta dt { color: #555; } dl.meta dd { margin: 0; }
p.verdict { font-weight: bold; } p.note { color: #7f4f00; font-size: 0.9rem; }
p.signature { text-align: right; margin: 0 2em 0 0; }
section#signature { margin-top: 2.5rem; }
p.reference { padding-left: 2em; text-indent: -2em; margin: 0.2rem 0; font-size: 0.9rem; }
div.tw { overflow-x: auto; margin: 0.5rem 0 1rem; }
table { border-collapse: collapse; width: 100%; font-size: 0.9rem; }
caption { font-weight: bold; padding: 0.3rem; caption-side: top; }
th, td { border: 1px solid #bfbfbf; padding: 0.25rem 0.45rem; vertical-align: top; }
th { background: #dde8f3; font-weight: bold; word-break: keep-all; hyphens: none;
  overflow-wrap: normal; }
td { overflow-wrap: break-word; }
td.k { white-space: nowrap; }
td.n, th.n { min-width: 9em; }
td.r, th.r { text-align: right; }
.s-achieved, .s-on_track { color: #1e6b1e; } .s-behind { color: #8a6100; }
.s-off_track, .s-moving_away, .s-missed { color: #b00000; font-weight: bold; }
.s-insufficient_data { color: #666; }
figure.chart { margin: 0.5rem 0; } figure.chart svg { width: 100%; height: auto;
  max-width: 44rem; display: block; }
figure.chart svg text { font-family: @FONTS@ !important; }
figcaption { text-align: center; font-size: 0.9rem; max-width: 44rem; }
footer { margin-top: 2rem; color: #777; font-size: 0.8rem; }
@media (max-width: 700px) {
  main { padding: 1rem 0.6rem 2rem; } body { font-size: 14px; }
  table { font-size: 0.8rem; }
  td.n, th.n { min-width: 7em; position: sticky; left: 0; background: #fff; }
  th.n { background: #dde8f3; }
}
@page { size: A4; margin: 18mm 14mm; }
@page wide { size: A4 landscape; margin: 14mm 16mm; }
@media print {
  body { font-size: 10.5pt; } main { max-width: none; padding: 0; }
  div.tw { overflow: visible; }
  section.wide { page: wide; }
  table { font-size: 8.5pt; }
  h2, h3, caption { break-after: avoid; } figure.chart, tr { break-inside: avoid; }
  thead { display: table-header-group; }
  section#sources { break-before: page; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
""".replace("@FONTS@", FONTS)

_PROLOG = re.compile(r"^.*?(?=<svg\b)", re.S)
_ROOT_ATTRS = re.compile(r'\s(?:xmlns(?::\w+)?|width|height|version)="[^"]*"')


def inline_svg(svg: bytes, label: str) -> str:
    """matplotlib's SVG made fit to sit inside HTML: no prolog, no namespaces, an aria-label."""
    text = _PROLOG.sub("", svg.decode("utf-8"), count=1)
    end = text.index(">")
    root = _ROOT_ATTRS.sub("", text[:end])
    root += f' role="img" aria-label="{escape(label)}"'
    return root + text[end:]


def _classes(column: Column) -> str:
    """r: right-aligned; n: a name column (kept readable); k: kept on one line."""
    wrap = column.width >= 20
    return (
        column.align + (" n" if wrap and column.key == "indicator" else "") + ("" if wrap else " k")
    )


def _table(t: Table) -> str:
    columns = [c for c in t.columns if not c.sheet_only]
    keep = [i for i, c in enumerate(t.columns) if not c.sheet_only]
    head = "".join(
        f'<th class="{_classes(c)}">{escape(c.head).replace("/", "/<wbr>")}</th>' for c in columns
    )
    rows = []
    for row in t.rows:
        cells = []
        for column, i in zip(columns, keep, strict=True):
            cell = row[i]
            cls = _classes(column) + (f" s-{cell.status}" if cell.status else "")
            text = "<br>".join(escape(line) for line in cell.text.split("\n"))
            cells.append(f'<td class="{escape(cls)}">{text}</td>')
        rows.append("<tr>" + "".join(cells) + "</tr>")
    caption = f"<caption>{escape(t.caption)}</caption>" if t.caption else ""
    return (
        f'<div class="tw"><table class="{escape(t.key.split(":")[0])}">{caption}<thead><tr>'
        f"{head}</tr></thead><tbody>{''.join(rows)}</tbody></table></div>"
    )


def _block(b: Block, progress: Progress | None) -> str:
    if isinstance(b, Paragraph):
        return f'<p class="{b.role}">{escape(b.text)}</p>'
    if isinstance(b, Bullets):
        return "<ol>" + "".join(f"<li>{escape(i)}</li>" for i in b.items) + "</ol>"
    if isinstance(b, Table):
        return _table(b)
    assert isinstance(b, Chart)
    svg = inline_svg(render_chart(b, "svg"), b.alt)
    if progress is not None:
        progress(b.key)
    caption = f"<figcaption>{escape(b.caption)}</figcaption>" if b.caption else ""
    return f'<figure class="chart">{svg}{caption}</figure>'


def _section(s: Section, progress: Progress | None) -> str:
    tag = "h2" if s.level == 1 else "h3"
    ident = escape(s.key.replace(":", "-"))
    wide = any(isinstance(b, Table) and len(b.columns) > 7 for b in s.blocks)
    cls = ' class="wide"' if wide else ""
    heading = f"<{tag}>{escape(s.heading)}</{tag}>" if s.heading else ""
    parts = [f'<section id="{ident}"{cls}>{heading}']
    parts += [_block(b, progress) for b in s.blocks]
    parts += [_section(sub, progress) for sub in s.subsections]
    parts.append("</section>")
    return "\n".join(parts)


def render_html(report: Report, progress: Progress | None = None) -> bytes:
    """The whole report as UTF-8 HTML."""
    lang = "zh-CN" if report.lang == "zh" else "en"
    meta = "".join(f"<dt>{escape(k)}</dt><dd>{escape(v)}</dd>" for k, v in report.meta)
    body = "\n".join(_section(s, progress) for s in report.sections)
    page = f"""<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(report.title)}</title>
<style>{CSS}</style>
</head>
<body>
<main>
<header><h1>{escape(report.title)}</h1>
<dl class="meta">{meta}</dl></header>
{body}
<footer>{escape(report.words["generated"])}</footer>
</main>
</body>
</html>
"""
    return safe_text(page, multiline=True).encode("utf-8")  # no control character, no surrogate
