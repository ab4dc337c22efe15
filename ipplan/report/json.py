"""The report as JSON: the status JSON of formats.md, plus the report's sections."""

from __future__ import annotations

from typing import Any

from ipplan.present.json import dumps
from ipplan.report.document import Block, Bullets, Chart, Paragraph, Report, Section, Table


def table_dict(t: Table) -> dict[str, Any]:
    return {
        "type": "table",
        "key": t.key,
        "caption": t.caption,
        "columns": [{"key": c.key, "head": c.head, "align": c.align} for c in t.columns],
        "rows": [
            {
                c.key: {"text": v.text, "value": v.value, "kind": v.kind}
                for c, v in zip(t.columns, row, strict=True)
            }
            for row in t.rows
        ],
    }


def chart_dict(c: Chart) -> dict[str, Any]:
    return {
        "type": "chart",
        "key": c.key,
        "points": [
            {"period": p.label, "x": round(p.x, 4), "value": p.value, "estimated": p.estimated}
            for p in c.points
        ],
        "target": c.target,
        "cumulative": c.cumulative,
        "deadline": c.deadline_label,
        "projection": None
        if c.projection is None
        else {"value": c.projection, "low": c.projection_low, "high": c.projection_high},
        "labels": dict(c.labels),
        "alt": c.alt,
        "caption": c.caption,
        "bars": [{"label": b.label, "attainment": b.value, "lagging": b.lagging} for b in c.bars],
    }


def block_dict(b: Block) -> dict[str, Any]:
    if isinstance(b, Paragraph):
        return {"type": "paragraph", "role": b.role, "text": b.text}
    if isinstance(b, Bullets):
        return {"type": "bullets", "items": list(b.items)}
    if isinstance(b, Table):
        return table_dict(b)
    return chart_dict(b)


def section_dict(s: Section) -> dict[str, Any]:
    return {
        "key": s.key,
        "heading": s.heading,
        "level": s.level,
        "blocks": [block_dict(b) for b in s.blocks],
        "sections": [section_dict(sub) for sub in s.subsections],
    }


def report_dict(report: Report) -> dict[str, Any]:
    data = dict(report.status)
    data["report"] = {
        "lang": report.lang,
        "title": report.title,
        "meta": [{"label": k, "value": v} for k, v in report.meta],
        "counts": {status: n for status, _label, n in report.counts},
        "sections": [section_dict(s) for s in report.sections],
    }
    return data


def render_json(report: Report) -> bytes:
    return dumps(report_dict(report)).encode("utf-8")
