"""After the deadline: one status word per target in every view (methods.md, "Final").

From the deadline on the pace (进度正常, 需加快…) answers no question left: a target shows
the final evaluation's word, 已完成 / 未完成 once the deadline figure is in, else what the
projection implies (预计已完成 / 预计未完成), 待终值 without a projection; 缺数据 stays.
`ipplan status`, `ipplan regions` and the report word it the same way through here.
"""

from __future__ import annotations

from collections.abc import Sequence

from ipplan.evaluate import Evaluation, PlanEvaluation
from ipplan.messages.verdicts import TEXT as VTEXT
from ipplan.present.labels import label, status_word
from ipplan.regions import Ranked
from ipplan.statuses import DEFAULT
from ipplan.verdicts import Verdict, ended, final_assessment, word


def shown_status(ev: Evaluation, result: PlanEvaluation, lang: str) -> str:
    """The status word of a target as of ``result.as_of`` (without the final mark)."""
    if not ended(result) or ev.status == "insufficient_data" or ev.indicator.target is None:
        return status_word(ev.status, lang)
    statuses = result.plan.statuses or DEFAULT
    a = final_assessment(ev, result)
    if a.verdict is Verdict.awaited and a.expected is not None:
        return label(VTEXT, "expected", lang, word=word(a.expected, lang, statuses))
    return word(a.verdict, lang, statuses)


def status_text(ev: Evaluation, result: PlanEvaluation, lang: str) -> str:
    """The status word with "*" when the deadline figure is in (a verdict, not a forecast)."""
    return shown_status(ev, result, lang) + ("*" if ev.final else "")


def missed(rows: Sequence[Ranked], ids: Sequence[str]) -> list[tuple[Ranked, list[Evaluation]]]:
    """After the deadline, the units that missed a target or are projected to miss it (the
    laggards in the final evaluation's words), each with those targets, in ``rows`` order."""
    found = []
    for row in rows:
        behind = []
        for e in row.result.evaluations:
            if e.indicator.id not in ids or e.indicator.target is None:
                continue
            a = final_assessment(e, row.result)
            if Verdict.missed in (a.verdict, a.expected):
                behind.append(e)
        if behind:
            found.append((row, sorted(behind, key=lambda e: list(ids).index(e.indicator.id))))
    return found
