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

from ipplan.render.safe import safe_text
from ipplan.report.chart import CJK_FONTS, render_chart
from ipplan.report.document import Block, Bullets, Chart, Paragraph, Report, Section, Table

Progress = Callable[[str], None]

FONTS = ", ".join(f'"{f}"' for f in CJK_FONTS) + ', "Noto Sans", Arial, sans-serif'
CSS = """
:root { color-scheme: light; }
body { font-family: @FONTS@; color: #1a1a1a; background: #fff; margin: 0;
  line-height: 1.7; font-size: 15px; }
main { max-width: 60rem; margin: 0 auto; padding: 1.5rem 1.25rem 3rem; }
h1 { font-size: 1.6rem; text-align: center; margin: 0.5rem 0 1rem; line-height: 1.4; }
h2 { font-size: 1.2rem; border-bottom: 2px solid #1f4e79; padding-bottom: 0.2rem;
  margin-top: 2rem; }
h3 { font-size: 1.05rem; margin-top: 1.5rem; }
h1, h2, h3, p, td, th, li, dd { overflow-wrap: anywhere; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 1rem;
  margin: 0 auto 1.5rem; max-width: 40rem; }
dl.meta dt { color: #555; } dl.meta dd { margin: 0; }
p.verdict { font-weight: bold; } p.note { color: #7f4f00; }
table { border-collapse: collapse; width: 100%; margin: 0.5rem 0 1rem; font-size: 0.9rem; }
th, td { border: 1px solid #bfbfbf; padding: 0.25rem 0.45rem; vertical-align: top; }
th { background: #dde8f3; font-weight: bold; }
td.r, th.r { text-align: right; white-space: nowrap; } td.nw { white-space: nowrap; }
.s-achieved, .s-on_track { color: #1e6b1e; } .s-behind { color: #8a6100; }
.s-off_track, .s-moving_away, .s-missed { color: #b00000; font-weight: bold; }
.s-insufficient_data { color: #666; }
figure.chart { margin: 0.5rem 0; } figure.chart svg { width: 100%; height: auto;
  max-width: 44rem; display: block; }
figure.chart svg text { font-family: @FONTS@ !important; }
footer { margin-top: 2rem; color: #777; font-size: 0.8rem; }
@page { size: A4; margin: 18mm 16mm; }
@media print {
  body { font-size: 11pt; } main { max-width: none; padding: 0; }
  h2, h3 { break-after: avoid; } figure.chart, tr { break-inside: avoid; }
  thead { display: table-header-group; }
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


def _table(t: Table) -> str:
    head = "".join(f'<th class="{c.align}">{escape(c.head)}</th>' for c in t.columns)
    rows = []
    for row in t.rows:
        cells = []
        for column, cell in zip(t.columns, row, strict=True):
            cls = column.align + (" nw" if column.width <= 10 else "")
            cls += f" s-{cell.status}" if cell.status else ""
            cells.append(f'<td class="{escape(cls)}">{escape(cell.text)}</td>')
        rows.append("<tr>" + "".join(cells) + "</tr>")
    caption = f"<caption>{escape(t.caption)}</caption>" if t.caption else ""
    return (
        f'<table class="{escape(t.key.split(":")[0])}">{caption}<thead><tr>{head}</tr>'
        f"</thead><tbody>{''.join(rows)}</tbody></table>"
    )


def _block(b: Block, progress: Progress | None) -> str:
    if isinstance(b, Paragraph):
        return f'<p class="{b.role}">{escape(b.text)}</p>'
    if isinstance(b, Bullets):
        return "<ul>" + "".join(f"<li>{escape(i)}</li>" for i in b.items) + "</ul>"
    if isinstance(b, Table):
        return _table(b)
    assert isinstance(b, Chart)
    svg = inline_svg(render_chart(b, "svg"), b.alt)
    if progress is not None:
        progress(b.key)
    return f'<figure class="chart">{svg}</figure>'


def _section(s: Section, progress: Progress | None) -> str:
    tag = "h2" if s.level == 1 else "h3"
    ident = escape(s.key.replace(":", "-"))
    parts = [f'<section id="{ident}"><{tag}>{escape(s.heading)}</{tag}>']
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
