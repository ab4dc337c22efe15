"""`ipplan show ID --format json`: the status object of one indicator (as in
`ipplan status --format json`) plus ``history`` and ``projections`` (formats.md)."""

from __future__ import annotations

from typing import Any

from ipplan.analysis.evaluate import Evaluation, PlanEvaluation
from ipplan.analysis.project import Projection
from ipplan.analysis.verdicts import assess_plan
from ipplan.present.json import (
    assessment_dict,
    dumps,
    evaluation_dict,
    json_number,
    observation_dict,
)


def projection_dict(p: Projection, chosen: Projection | None) -> dict[str, Any]:
    return {
        "method": p.method,
        "period": p.period,
        "value": json_number(p.value),
        "error": json_number(p.error),
        "chosen": p is chosen,
        "fitted": list(p.fitted),
        "backtest": [
            {
                "period": c.period,
                "predicted": json_number(c.predicted),
                "actual": json_number(c.actual),
            }
            for c in p.checks
        ],
    }


def show_dict(result: PlanEvaluation, ev: Evaluation) -> dict[str, Any]:
    data = evaluation_dict(ev)
    words = {id(e): a for e, a in assess_plan(result).items}  # as status gives it (by date)
    data["evaluation"] = assessment_dict(words.get(id(ev)))
    data["as_of"] = result.as_of.isoformat()
    data["region"] = result.region
    data["time_elapsed"] = json_number(result.time_elapsed)
    data["projection_reason"] = ev.projection_reason
    data["history"] = [observation_dict(o) for o in ev.history]
    data["projections"] = [projection_dict(p, ev.projection) for p in ev.projections]
    return data


def render_show(result: PlanEvaluation, ev: Evaluation) -> str:
    return dumps(show_dict(result, ev))
