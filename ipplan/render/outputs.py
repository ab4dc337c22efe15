"""The text outputs of each command: its renderers, in the order ``--help`` lists them
(the first is the default), and the data each one renders (see
:mod:`ipplan.render.registry`). Each renderer imports its module only when used."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ipplan.render.registry import Format, Output, Outputs, View

if TYPE_CHECKING:
    from ipplan.analysis.evaluate import Evaluation, PlanEvaluation
    from ipplan.analysis.need import Need
    from ipplan.analysis.propose import Proposals
    from ipplan.analysis.regions import Ranked
    from ipplan.analysis.verdicts import Mode, PlanAssessment
    from ipplan.collect.status import UnitReturn
    from ipplan.core.errors import Problem
    from ipplan.core.model import Plan
    from ipplan.core.periods import Period


# ------------------------------------------------------------------------- status


@dataclass(frozen=True)
class StatusData:
    """What ``ipplan status`` shows: the evaluation, the evaluation mode asked for, and the
    evaluation words when the table shows them (JSON and CSV always carry them)."""

    result: PlanEvaluation
    mode: Mode | None = None
    words: PlanAssessment | None = None


def _status_table(data: StatusData, view: View) -> str:
    from ipplan.render.table import render_status

    return render_status(
        data.result, view.lang, width=view.width, color=view.color, words=data.words
    )


def _status_json(data: StatusData, view: View) -> str:
    from ipplan.present.json import render_status

    return render_status(data.result, data.mode)


def _status_csv(data: StatusData, view: View) -> str:
    from ipplan.render.csv import render_status

    return render_status(data.result, view.lang, data.mode)


def _status_markdown(data: StatusData, view: View) -> str:
    from ipplan.render.markdown import render_status

    return render_status(data.result, view.lang, data.words)


STATUS: Outputs[StatusData] = Outputs(
    "status",
    (
        Output(Format.table, _status_table),
        Output(Format.json, _status_json),
        Output(Format.csv, _status_csv),
        Output(Format.markdown, _status_markdown),
    ),
)


# ------------------------------------------------------------------------- regions


@dataclass(frozen=True)
class RegionsData:
    """Every unit's evaluation, ranked; ``indicator`` when ranked on one indicator."""

    rows: Sequence[Ranked]
    indicator: str | None = None


def _regions_table(data: RegionsData, view: View) -> str:
    from ipplan.render.regions_table import render_regions

    return render_regions(
        data.rows, view.lang, indicator=data.indicator, width=view.width, color=view.color
    )


def _regions_json(data: RegionsData, view: View) -> str:
    from ipplan.render.regions_json import render_regions

    return render_regions(data.rows, data.indicator)


def _regions_csv(data: RegionsData, view: View) -> str:
    from ipplan.render.regions_csv import render_regions

    return render_regions(data.rows, view.lang, data.indicator)


def _regions_markdown(data: RegionsData, view: View) -> str:
    from ipplan.render.regions_markdown import render_regions

    return render_regions(data.rows, view.lang, data.indicator)


REGIONS: Outputs[RegionsData] = Outputs(
    "regions",
    (
        Output(Format.table, _regions_table),
        Output(Format.json, _regions_json),
        Output(Format.csv, _regions_csv),
        Output(Format.markdown, _regions_markdown),
    ),
)


# ------------------------------------------------------------------------- show


@dataclass(frozen=True)
class ShowData:
    """One indicator's evaluation within its plan, and the projection method asked for."""

    result: PlanEvaluation
    evaluation: Evaluation
    method: str = "auto"


def _show_table(data: ShowData, view: View) -> str:
    from ipplan.render.show import render_show

    return render_show(
        data.result,
        data.evaluation,
        view.lang,
        method=data.method,
        width=view.width,
        color=view.color,
        ascii=view.ascii,
    )


def _show_json(data: ShowData, view: View) -> str:
    from ipplan.render.show_json import render_show

    return render_show(data.result, data.evaluation)


SHOW: Outputs[ShowData] = Outputs(
    "show", (Output(Format.table, _show_table), Output(Format.json, _show_json))
)


# ------------------------------------------------------------------------- check


def _check_table(findings: Sequence[Problem], view: View) -> str:
    from ipplan.render.check import render_table

    return render_table(findings, view.lang, width=view.width, color=view.color)


def _check_json(findings: Sequence[Problem], view: View) -> str:
    from ipplan.render.check import render_json

    return render_json(findings, view.lang)


CHECK: Outputs[Sequence[Problem]] = Outputs(
    "check", (Output(Format.table, _check_table), Output(Format.json, _check_json))
)


# ------------------------------------------------------------------------- need


@dataclass(frozen=True)
class NeedData:
    """What is still needed for one target, and the plan (for names and units)."""

    plan: Plan
    result: Need


def _need_table(data: NeedData, view: View) -> str:
    from ipplan.render.need import render_need_text

    units = {i.id: i.unit for i in data.plan.indicators}
    names = {i.id: i.display_name(view.lang) for i in data.plan.indicators}
    return render_need_text(data.result, view.lang, units, names, view.width)


def _need_json(data: NeedData, view: View) -> str:
    from ipplan.render.need import render_need_json

    return render_need_json(data.result)


NEED: Outputs[NeedData] = Outputs(
    "need", (Output(Format.table, _need_table), Output(Format.json, _need_json))
)


# ------------------------------------------------------------------------- propose


@dataclass(frozen=True)
class ProposeData:
    """Proposed targets; the draft targets.yaml takes the first probability."""

    plan: Plan
    result: Proposals
    probability: float


def _propose_table(data: ProposeData, view: View) -> str:
    from ipplan.render.propose import render_propose_table

    return render_propose_table(data.result, view.lang, width=view.width, color=view.color)


def _propose_json(data: ProposeData, view: View) -> str:
    from ipplan.render.propose import render_propose_json

    return render_propose_json(data.result)


def _propose_yaml(data: ProposeData, view: View) -> str:
    from ipplan.render.propose import render_draft_yaml

    return render_draft_yaml(data.plan, data.result, data.probability, view.lang)


PROPOSE: Outputs[ProposeData] = Outputs(
    "propose",
    (
        Output(Format.table, _propose_table),
        Output(Format.json, _propose_json),
        Output(Format.yaml, _propose_yaml),
    ),
)


# ------------------------------------------------------------------------- collect status


@dataclass(frozen=True)
class CollectStatusData:
    """Which unit returned which figure for one period."""

    rows: Sequence[UnitReturn]
    period: Period


def _collect_table(data: CollectStatusData, view: View) -> str:
    from ipplan.render.collect import render_status_table

    return render_status_table(data.rows, data.period, view.lang)


def _collect_json(data: CollectStatusData, view: View) -> str:
    from ipplan.render.collect import render_status_json

    return render_status_json(data.rows, data.period, view.lang)


COLLECT_STATUS: Outputs[CollectStatusData] = Outputs(
    "collect status", (Output(Format.table, _collect_table), Output(Format.json, _collect_json))
)

# Every command's outputs, for the CLI's tests.
COMMANDS: tuple[Outputs[StatusData] | Outputs[RegionsData] | Outputs[ShowData]
                | Outputs[Sequence[Problem]] | Outputs[NeedData] | Outputs[ProposeData]
                | Outputs[CollectStatusData], ...] = (
    STATUS, REGIONS, SHOW, CHECK, NEED, PROPOSE, COLLECT_STATUS,
)  # fmt: skip
