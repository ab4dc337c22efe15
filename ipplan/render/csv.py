"""`ipplan status --format csv`: one row per indicator, text cells neutralised (no formula,
no control character)."""

from __future__ import annotations

import csv
import io
from typing import Any

from ipplan.analysis.evaluate import PlanEvaluation
from ipplan.analysis.verdicts import Mode, assess_plan, word
from ipplan.core.i18n import Lang
from ipplan.present.json import evaluation_dict
from ipplan.present.labels import status_word
from ipplan.present.safe import safe_text, spreadsheet_text

COLUMNS = (
    "id", "name", "unit", "kind", "target_type", "target", "direction", "latest_period",
    "latest_value", "cumulative", "baseline_period", "baseline_value", "attainment", "progress",
    "time_elapsed", "gap", "years_left", "actual_growth", "required_growth", "growth_ratio",
    "actual_per_year", "required_per_year", "projection_method", "projection_period",
    "projection", "projection_low", "projection_high", "status", "status_label", "final",
    "evaluation", "verdict", "verdict_label", "light", "light_label", "shortfall",
)  # fmt: skip


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value) if isinstance(value, float) else str(value)
    return spreadsheet_text(safe_text(str(value)))


def render_status(result: PlanEvaluation, lang: Lang, mode: Mode | None = None) -> str:
    pa = assess_plan(result, mode)
    words = {id(ev): a for ev, a in pa.items}
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for ev in result.evaluations:
        d = evaluation_dict(ev)
        t = d["target"] or {}
        latest = d["latest"] or {}
        base = d["baseline"] or {}
        proj = d["projection"] or {}
        values: tuple[Any, ...] = (
            d["id"], ev.indicator.display_name(lang), d["unit"], d["kind"], t.get("type"),
            t.get("value"), t.get("direction"), latest.get("period"), latest.get("value"),
            d["cumulative"], base.get("period"), base.get("value"), d["attainment"], d["progress"],
            result.time_elapsed, d["gap"], d["years_left"], d["actual_growth"],
            d["required_growth"], d["growth_ratio"], d["actual_per_year"], d["required_per_year"],
            proj.get("method"), proj.get("period"), proj.get("value"), proj.get("low"),
            proj.get("high"), d["status"], status_word(ev.status, lang), d["final"],
        )  # fmt: skip
        a = words.get(id(ev))
        if a is None:
            values += (None,) * 6
        else:
            light = a.light.value if a.light else None
            values += (pa.mode.value, a.verdict.value, word(a.verdict.value, lang, pa.statuses),
                       light, word(light, lang, pa.statuses) if light else None,
                       a.shortfall)  # fmt: skip
        writer.writerow([_cell(v) for v in values])
    return out.getvalue()
