"""The JSON of formats.md: fields that cannot be computed are null, never omitted."""

from __future__ import annotations

import json
import math
from typing import Any

from ipplan.analysis.evaluate import Evaluation, PlanEvaluation
from ipplan.analysis.verdicts import Assessment, Mode, PlanAssessment, Verdict, assess_plan
from ipplan.core.model import Observation, Plan
from ipplan.present.safe import json_text


def json_number(value: float | None) -> float | int | None:
    if value is None or not math.isfinite(value):
        return None
    if float(value).is_integer() and abs(value) < 2**53:
        return int(value)
    return value


def plan_dict(plan: Plan) -> dict[str, Any]:
    m = plan.meta
    return {
        "id": m.id,
        "title": m.title,
        "title_en": m.title_en,
        "document": m.document,
        "issuer": m.issuer,
        "issued": m.issued.isoformat() if m.issued else None,
        "region": m.region,
        "baseline": str(m.baseline),
        "deadline": m.deadline.isoformat(),
    }


def observation_dict(obs: Observation) -> dict[str, Any]:
    return {
        "period": str(obs.period),
        "value": json_number(obs.value),
        "region": obs.region or None,
        "source": obs.source,
        "note": obs.note,
        "flag": obs.flag,
        "yoy": json_number(obs.yoy),
        "published": obs.published.isoformat() if obs.published else None,
        "computed": obs.computed,
    }


def evaluation_dict(ev: Evaluation) -> dict[str, Any]:
    ind = ev.indicator
    target: dict[str, Any] | None = None
    if ind.target is not None:
        t = ind.target
        target = {"type": t.type, "value": json_number(t.value), "direction": t.direction}
        if t.type == "cumulative":
            target["from"] = str(t.from_period) if t.from_period else None
    latest = None
    if ev.latest is not None:
        latest = {
            "period": str(ev.latest.period),
            "value": json_number(ev.latest.value),
            "source": ev.latest.source,
            "flag": ev.latest.flag,
        }
    baseline = None
    if ev.baseline is not None:
        baseline = {"period": str(ev.baseline.period), "value": json_number(ev.baseline.value)}
    projection = None
    if ev.projection is not None:
        projection = {
            "method": ev.projection.method,
            "period": ev.projection.period,
            "value": json_number(ev.projection.value),
            "low": json_number(ev.projection_low),
            "high": json_number(ev.projection_high),
        }
    return {
        "id": ind.id,
        "name": ind.name,
        "name_en": ind.name_en,
        "unit": ind.unit,
        "kind": ind.kind,
        "target": target,
        "latest": latest,
        "baseline": baseline,
        "cumulative": json_number(ev.cumulative),
        "attainment": json_number(ev.attainment),
        "progress": json_number(ev.progress),
        "gap": json_number(ev.gap),
        "years_left": json_number(ev.years_left),
        "actual_growth": json_number(ev.actual_growth),
        "required_growth": json_number(ev.required_growth),
        "growth_ratio": json_number(ev.growth_ratio),
        "growth_basis": ev.growth_basis,
        "actual_per_year": json_number(ev.actual_per_year),
        "required_per_year": json_number(ev.required_per_year),
        "projection": projection,
        "status": ev.status,
        "final": ev.final,
        "notes": list(ev.notes),
    }


def assessment_dict(a: Assessment | None) -> dict[str, Any] | None:
    """One target's evaluation words (methods.md, "Evaluation words and lights")."""
    if a is None:
        return None
    return {
        "verdict": a.verdict.value,
        "light": a.light.value if a.light else None,
        "shortfall": json_number(a.shortfall),
        "awaited": a.awaited,
        "estimate": json_number(a.estimate),
        "expected": a.expected.value if a.expected else None,
    }


def plan_assessment_dict(pa: PlanAssessment) -> dict[str, Any]:
    """The plan-level count reviews quote ("n 项中 m 项…"), and the thresholds used."""
    counts, lights = pa.counts(), pa.light_counts()
    s = pa.statuses
    return {
        "mode": pa.mode.value,
        "scheme": pa.scheme.value,
        "targets": pa.total,
        "favourable": pa.good,
        "counts": {v.value: counts.get(v.value, 0) for v in Verdict},
        "lights": {k: lights.get(k, 0) for k in ("green", "yellow", "red")},
        "thresholds": {
            "ahead": json_number(float(s.ahead)),
            "on_course": json_number(float(s.on_course)),
        },
        "light_points": {
            "green": json_number(float(s.green)),
            "yellow": json_number(float(s.yellow)),
        },
    }


def indicator_dicts(
    result: PlanEvaluation, pa: PlanAssessment | None = None
) -> list[dict[str, Any]]:
    """The indicator objects of `status --format json`, each with its evaluation words."""
    pa = pa or assess_plan(result, None)
    words = {id(ev): a for ev, a in pa.items}
    indicators = []
    for ev in result.evaluations:
        d = evaluation_dict(ev)
        d["evaluation"] = assessment_dict(words.get(id(ev)))
        indicators.append(d)
    return indicators


def status_dict(result: PlanEvaluation, mode: Mode | None = None) -> dict[str, Any]:
    pa = assess_plan(result, mode)
    indicators = indicator_dicts(result, pa)
    return {
        "plan": plan_dict(result.plan),
        "as_of": result.as_of.isoformat(),
        "region": result.region,
        "time_elapsed": json_number(result.time_elapsed),
        "indicators": indicators,
        "evaluation": plan_assessment_dict(pa),
    }


def dumps(data: Any) -> str:
    return json_text(json.dumps(data, ensure_ascii=False, indent=2)) + "\n"


def render_status(result: PlanEvaluation, mode: Mode | None = None) -> str:
    return dumps(status_dict(result, mode))
