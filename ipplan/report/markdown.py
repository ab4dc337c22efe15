"""The report as Markdown: GitHub tables, every string from data escaped.

Markdown has no charts: each chart becomes one line with its points, target and
projection, so the figures are all there.
"""

from __future__ import annotations

from ipplan.core.i18n import Lang, word
from ipplan.present import fmt
from ipplan.present.markdown import cell, table
from ipplan.present.safe import safe_text
from ipplan.report.document import Block, Bullets, Chart, Paragraph, Report, Section, Table


def chart_line(chart: Chart, lang: Lang) -> str:
    """2021 16,480; 2022 19,724 · 目标 30,000 · 预计 2025 30,847（28,683～30,847）."""
    labels = chart.labels
    sep = word("punct.semicolon", lang)
    colon = word("punct.colon", lang)
    if chart.bars:  # units side by side: each one's attainment
        return sep.join(f"{b.label} {fmt.percent(b.value)}" for b in chart.bars)
    parts = [
        labels["history"]
        + colon
        + sep.join(f"{p.label} {fmt.number(p.value)}" for p in chart.points)
    ]
    if chart.target is not None:
        parts.append(f"{labels['target']} {fmt.number(chart.target)}")
    if chart.projection is not None:
        text = f"{labels['projection']} {chart.deadline_label} {fmt.number(chart.projection)}"
        low, high = chart.projection_low, chart.projection_high
        if low is not None and high is not None and fmt.number(low) != fmt.number(high):
            text += word("report.range_caption", lang, low=fmt.number(low), high=fmt.number(high))
        parts.append(text)
    return " · ".join(parts)


def _table(t: Table) -> str:
    keep = [i for i, c in enumerate(t.columns) if not c.sheet_only]
    head = [t.columns[i].head for i in keep]
    rows = [[row[i].text.replace("\n", " ") for i in keep] for row in t.rows]  # one line a row
    caption = f"**{cell(t.caption)}**\n\n" if t.caption else ""
    return caption + table(head, rows, "".join(t.columns[i].align for i in keep))


def _block(b: Block, lang: Lang) -> str:
    if isinstance(b, Paragraph):
        text = cell(b.text)
        return f"**{text}**\n" if b.role == "verdict" else f"{text}\n"
    if isinstance(b, Bullets):
        return "".join(f"- {cell(item)}\n" for item in b.items)
    if isinstance(b, Table):
        return _table(b)
    assert isinstance(b, Chart)
    caption = word("punct.colon", lang).join((cell(b.caption), "")) if b.caption else ""
    return f"*{caption}{cell(chart_line(b, lang))}*\n"


def _section(s: Section, lang: Lang) -> str:
    parts = ["#" * (s.level + 1) + f" {cell(s.heading)}\n"] if s.heading else ["---\n"]
    parts += [_block(b, lang) for b in s.blocks]
    parts += [_section(sub, lang) for sub in s.subsections]
    return "\n".join(parts)


def render_markdown(report: Report) -> bytes:
    colon = word("punct.colon", report.lang)
    meta = "".join(f"- {cell(k)}{colon}{cell(v)}\n" for k, v in report.meta)
    body = "\n".join(_section(s, report.lang) for s in report.sections)
    text = f"# {cell(report.title)}\n\n{meta}\n{body}\n---\n\n{cell(report.words['generated'])}\n"
    return safe_text(text, multiline=True).encode("utf-8")  # no control character, no surrogate
