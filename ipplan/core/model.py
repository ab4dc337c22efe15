"""The domain records: frozen dataclasses, no behaviour beyond small lookups."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Literal

from ipplan.core.formula import Formula
from ipplan.core.i18n import Lang
from ipplan.core.periods import Period
from ipplan.data.statuses import Statuses

Kind = Literal["stock", "flow", "derived"]
TargetType = Literal["level", "cumulative", "growth"]
Direction = Literal["increase", "decrease"]


class Status(StrEnum):
    """Where a target stands (methods.md, "Status"). A str-valued enum: it compares equal
    to, and serialises as, its value. Declared from best to worst among the judged ones,
    then the two that are not a judgement; :attr:`rank` is that order, for ranking."""

    achieved = "achieved"
    on_track = "on_track"
    behind = "behind"
    off_track = "off_track"
    moving_away = "moving_away"
    missed = "missed"
    insufficient_data = "insufficient_data"
    monitoring = "monitoring"

    @property
    def rank(self) -> int:
        """0 for achieved, up to 5 for missed; 6 and 7 for the unjudged (no data,
        monitored): ``sorted(statuses, key=lambda s: s.rank)`` puts the best first."""
        return _STATUS_ORDER.index(self)

    @property
    def judged(self) -> bool:
        """False for insufficient_data and monitoring: no judgement was made."""
        return self not in (Status.insufficient_data, Status.monitoring)


_STATUS_ORDER: tuple[Status, ...] = tuple(Status)
STATUSES: tuple[Status, ...] = tuple(Status)


@dataclass(frozen=True)
class Target:
    """What the plan asks of one indicator by its deadline."""

    type: TargetType
    value: float | None  # None for growth targets
    direction: Direction = "increase"
    from_period: Period | None = None  # cumulative only: first period counted
    source: str | None = None
    note: str | None = None

    @property
    def increasing(self) -> bool:
        return self.direction == "increase"


@dataclass(frozen=True)
class Indicator:
    id: str
    name: str
    kind: Kind
    unit: str = ""
    name_en: str | None = None
    formula: Formula | None = None
    target: Target | None = None
    source: str | None = None
    components: tuple[str, ...] = ()
    allow_negative: bool = False
    category: str | None = None
    responsible: str | None = None  # 责任单位: who answers for the target (reports)
    description: str | None = None
    line: int | None = None  # where it starts in targets.yaml
    note: str | None = None  # the plan author's remark (targets.yaml ``note``), kept as written

    def display_name(self, lang: Lang) -> str:
        return self.name_en if lang == "en" and self.name_en else self.name


@dataclass(frozen=True)
class PlanMeta:
    id: str
    title: str
    region: str
    baseline: Period
    deadline: date
    title_en: str | None = None
    document: str | None = None
    issuer: str | None = None
    issued: date | None = None
    source: str | None = None
    issuer_en: str | None = None
    contact: str | None = None  # who answers questions on the report (its 联系人)
    note: str | None = None  # the plan author's remark (targets.yaml ``plan.note``)

    @property
    def start(self) -> date:
        """Plan start: the end date of the baseline period."""
        return self.baseline.end


@dataclass(frozen=True)
class Region:
    """A unit under the plan's region (formats.md "Regions"), as declared in ``regions:``."""

    name: str
    parent: str | None = None  # None: directly under the plan's region
    code: str | None = None
    line: int | None = None  # where it is declared in targets.yaml


@dataclass(frozen=True)
class UnitTarget:
    """One unit's own target value for one indicator (目标分解): ``target.by_region`` in
    targets.yaml or a row of targets_by_region.csv. Its type, direction and ``from`` are
    those of the indicator's plan target."""

    indicator: str
    region: str
    value: float
    file: str | None = None
    line: int | None = None
    column: int | None = None


@dataclass(frozen=True)
class Plan:
    meta: PlanMeta
    indicators: tuple[Indicator, ...]
    directory: Path | None = None  # folder holding targets.yaml and actuals/
    bundled: bool = False  # the read-only example plan shipped with the package
    statuses: Statuses | None = None  # the plan's own evaluation words and lights
    regions: tuple[Region, ...] = ()  # the ``regions:`` list, in its order
    regions_declared: bool = False  # whether targets.yaml has a ``regions:`` list at all
    unit_targets: tuple[UnitTarget, ...] = ()  # every unit's own target

    def get(self, indicator_id: str) -> Indicator | None:
        for ind in self.indicators:
            if ind.id == indicator_id:
                return ind
        return None

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(ind.id for ind in self.indicators)

    @property
    def actuals_dir(self) -> Path | None:
        return self.directory / "actuals" if self.directory is not None else None


@dataclass(frozen=True)
class Observation:
    """One figure: an indicator's value for a period in a region."""

    indicator: str
    period: Period
    value: float
    region: str = ""  # "" means the plan's own region
    source: str | None = None
    note: str | None = None
    flag: str | None = None  # e estimated, p provisional, b break in series
    yoy: float | None = None  # published year-on-year change, in percent
    published: date | None = None
    file: str | None = None
    line: int | None = None
    computed: bool = False  # computed from a formula, not read from a file

    @property
    def end(self) -> date:
        return self.period.end
