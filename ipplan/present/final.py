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
from ipplan.present.summary import evaluation_lines
from ipplan.regions import Ranked
from ipplan.statuses import DEFAULT
from ipplan.verdicts import (
    Mode,
    PlanAssessment,
    Verdict,
    assess_plan,
    ended,
    final_assessment,
    word,
)


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


def count_lines(result: PlanEvaluation, words: PlanAssessment | None, lang: str) -> list[str]:
    """The plan-level lines under the status table, beside the count of statuses.

    After the deadline the status words are the final evaluation's, so their count is the
    final one ("n 项中 m 项已完成…") with the awaited line: they replace the count of
    statuses and the bare "已过截止日期，待最终数据", whatever ``--evaluation`` chose. The
    evaluation column's own count follows when it is another (``--evaluation midterm``)."""
    own = evaluation_lines(words, lang) if words else []
    if not ended(result):
        return own
    final = evaluation_lines(assess_plan(result, Mode.final), lang)
    return final + [line for line in own if line not in final]


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
