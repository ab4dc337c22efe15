"""`ipplan regions --format json` (formats.md): every unit's status objects at once.

Each entry's ``indicators`` are built by the same function as `ipplan status --format
json`, so that for every unit X they are exactly those of ``status --region X``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ipplan.present.json import dumps, indicator_dicts, json_number
from ipplan.regions import Ranked


def regions_dict(rows: Sequence[Ranked], indicator: str | None = None) -> dict[str, Any]:
    """The object of formats.md; with ``indicator`` only that indicator, units by rank."""
    first = rows[0].result
    meta = first.plan.meta
    entries = []
    for row in rows:
        indicators = indicator_dicts(row.result)
        if indicator is not None:
            indicators = [d for d in indicators if d["id"] == indicator]
        entries.append(
            {
                "region": row.unit.name,
                "parent": row.unit.parent,
                "code": row.unit.code,
                "rank": row.rank,
                "indicators": indicators,
            }
        )
    return {
        "plan": {
            "id": meta.id,
            "title": meta.title,
            "region": meta.region,
            "baseline": str(meta.baseline),
            "deadline": meta.deadline.isoformat(),
        },
        "as_of": first.as_of.isoformat(),
        "time_elapsed": json_number(first.time_elapsed),
        "indicator": indicator,
        "regions": entries,
    }


COMPACT_UNITS = 200  # above this many units, one line per unit (json's C encoder: fast)


def render_regions(rows: Sequence[Ranked], indicator: str | None = None) -> str:
    data = regions_dict(rows, indicator)
    if len(rows) <= COMPACT_UNITS:
        return dumps(data)
    # Indenting is done by json's pure-Python encoder: minutes for 3,000 units. The same
    # JSON, each unit on one line.
    import json

    entries = data.pop("regions")
    head = json.dumps(data, ensure_ascii=False)[:-1]
    lines = ",\n".join(json.dumps(e, ensure_ascii=False) for e in entries)
    return f'{head}, "regions": [\n{lines}\n]}}\n'
