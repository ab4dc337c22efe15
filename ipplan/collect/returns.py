"""`ipplan collect in`: returned workbooks into actuals/, all or nothing.

Each file is identified (:mod:`ipplan.collect.identify`) and read exactly as `ipplan
import` reads its data sheet (:func:`ipplan.data.importer.read_import`, the unit as the rows'
region). Then, per value:

* the requested period's column: imported; a figure already recorded for the unit is
  changed (old → new);
* an earlier (locked) period: unchanged when equal to the recorded figure; otherwise
  refused (``collect.locked_changed`` / ``collect.locked_filled``) unless ``replace``;
* a cell `import` refuses (text, a negative count, a unit that cannot be matched): refused.

A file that cannot be used (unreadable, another plan, a unit the plan does not know,
another unit or period than asked for, a second file for the same unit and period, a
broken layout) stops everything: :func:`collect_returns` raises with every such problem,
and nothing is written. Otherwise every figure to import goes through
:func:`ipplan.data.store.upsert_many` in one write.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from ipplan.collect.identify import Identity, identify
from ipplan.collect.warnings import Key, find_warnings, obs_key
from ipplan.core.errors import DataError, Problem
from ipplan.core.i18n import Lang, Listing
from ipplan.core.model import Observation, Plan
from ipplan.core.periods import Period
from ipplan.data.importer import read_import
from ipplan.data.store import WriteResult, region_key, upsert_many
from ipplan.data.units import is_plan_region, unit_names
from ipplan.messages.collect import word
from ipplan.present.fmt import figure

Observations = Mapping[str, Sequence[Observation]]
# Problems of `import` that concern the whole sheet, not one value.
FILE_LEVEL = {"import.no_value_column", "import.duplicate_period_column",
              "import.no_indicator_column"}  # fmt: skip
OWN_HEADS = {word(k, lang).split("（")[0].split(" (")[0]
             for k in ("head_id", "head_target") for lang in Lang}  # fmt: skip


@dataclass
class FileReturn:
    """What one returned file gives: figures to import, refusals, notices, and after the
    write what happened to each figure."""

    file: str
    identity: Identity
    notices: list[Problem] = field(default_factory=list)
    refused: list[Problem] = field(default_factory=list)
    read: dict[str, list[Observation]] = field(default_factory=dict)  # as `import` read it
    figures: list[Observation] = field(default_factory=list)  # to write
    locked_same: list[Observation] = field(default_factory=list)  # equal to those recorded
    added: list[Observation] = field(default_factory=list)
    changed: list[tuple[Observation, Observation]] = field(default_factory=list)
    unchanged: list[Observation] = field(default_factory=list)


@dataclass
class Collected:
    """Every file's return, the warnings by figure, and whether anything was written."""

    files: list[FileReturn]
    warnings: dict[Key, list[Problem]]
    results: list[WriteResult]
    dry_run: bool = False
    skipped: list[Problem] = field(default_factory=list)  # Excel's ~$ owner files

    @property
    def refused(self) -> int:
        return sum(len(f.refused) for f in self.files)


def _own_column(problem: Problem) -> bool:
    value = str(problem.params.get("value", ""))
    return problem.code == "import.ignored_column" and any(value.startswith(h) for h in OWN_HEADS)


def _check_identity(
    plan: Plan, ident: Identity, file: str, units: Sequence[str],
    period: Period | None, unit: str | None,
) -> list[Problem]:  # fmt: skip
    problems = []
    if ident.plan is not None and ident.plan != plan.meta.id:
        problems.append(Problem("collect.other_plan", {"found": ident.plan, "plan": plan.meta.id},
                                file))  # fmt: skip
    elif ident.unit not in units:
        known = Listing.of(units)
        problems.append(Problem("collect.not_a_unit", {"unit": ident.unit, "known": known}, file))
    if unit is not None and ident.unit != unit:
        problems.append(Problem("collect.other_unit", {"found": ident.unit, "wanted": unit}, file))
    if period is not None and ident.period != period:
        params = {"found": str(ident.period), "wanted": str(period)}
        problems.append(Problem("collect.other_period", params, file))
    return problems


def _sort(
    plan: Plan, ret: FileReturn, observations: Mapping[str, list[Observation]], replace_: bool
) -> None:
    """Put each value the file gives among figures, locked-unchanged or refused."""
    ident = ret.identity
    stored = {obs_key(plan, o): o for rows in observations.values() for o in rows}
    source = f"{ident.unit}报送"  # stored data: always the same words, whatever --lang
    for rows in ret.read.values():
        for obs in rows:
            obs = replace(obs, source=obs.source or source)
            old = stored.get(obs_key(plan, obs))
            same = old is not None and old.value == obs.value
            if obs.period == ident.period and not (same and not obs.note):
                ret.figures.append(obs)
            elif same:  # the figure recorded: kept as it is, with its source
                assert old is not None
                ret.locked_same.append(old)
            elif replace_:
                ret.figures.append(obs)
            else:
                code = "collect.locked_changed" if old is not None else "collect.locked_filled"
                params = {
                    "id": obs.indicator,
                    "period": str(obs.period),
                    "old": figure(old.value) if old else "",  # as check writes figures
                    "new": figure(obs.value),
                }
                ret.refused.append(Problem(code, params, obs.file, obs.line))


def read_returns(
    plan: Plan,
    paths: Sequence[Path],
    observations: Observations,
    *,
    period: Period | None = None,
    unit: str | None = None,
    replace_locked: bool = False,
    lang: Lang = Lang.ZH,
) -> list[FileReturn]:
    """Every file identified, read and sorted; DataError listing every unusable file."""
    units = [n for n in unit_names(plan, observations) if not is_plan_region(plan, n)]
    errors: list[Problem] = []
    returns: list[FileReturn] = []
    seen: dict[tuple[str, str], str] = {}
    current = {k: list(v) for k, v in observations.items()}
    for path in paths:
        file = str(path)
        try:
            ident = identify(path, lang)
        except DataError as exc:
            errors += [p.located(file) for p in exc.problems]
            continue
        found = _check_identity(plan, ident, file, units, period, unit)
        first = seen.setdefault((ident.unit, str(ident.period)), file)
        if first != file:
            found.append(Problem("collect.duplicate_file", {"unit": ident.unit,
                         "period": str(ident.period), "first": first}, file))  # fmt: skip
        if found:
            errors += found
            continue
        try:
            data = read_import(plan, path, ident.sheet, ident.unit)
        except DataError as exc:
            errors += [p.located(file) for p in exc.problems]
            continue
        ret = FileReturn(file, ident, list(ident.notices))
        for problem in data.problems:
            if problem.code in FILE_LEVEL:
                errors.append(problem)
            elif problem.code == "import.nothing" or _own_column(problem):
                continue
            elif problem.severity == "error":
                ret.refused.append(problem)
            else:
                ret.notices.append(problem)
        ret.read = data.observations
        _sort(plan, ret, current, replace_locked)
        returns.append(ret)
    if errors:
        raise DataError(problems=errors)
    return returns


def collect_returns(
    plan: Plan,
    paths: Sequence[Path],
    observations: Observations,
    today: date,
    *,
    period: Period | None = None,
    unit: str | None = None,
    replace_locked: bool = False,
    dry_run: bool = False,
    lang: Lang = Lang.ZH,
) -> Collected:
    """Read every file (:func:`read_returns`), flag what `check` would flag, write all at once.

    The same file named twice is read once; Excel's owner files (``~$name.xlsx``, there
    while a workbook is open, and caught by ``*.xlsx``) are skipped with a notice."""
    skipped = [Problem("collect.owner_file", {}, str(p), severity="warning")
               for p in paths if p.name.startswith("~$")]  # fmt: skip
    unique: dict[Path, Path] = {}
    for p in paths:
        if not p.name.startswith("~$"):
            unique.setdefault(p.resolve(), p)
    paths = list(unique.values())
    returns = read_returns(plan, paths, observations, period=period, unit=unit,
                           replace_locked=replace_locked, lang=lang)  # fmt: skip
    figures = [o for r in returns for o in r.figures]
    warnings = find_warnings(plan, observations, figures, today)
    batch: dict[str, list[Observation]] = {}
    for obs in figures:
        batch.setdefault(obs.indicator, []).append(obs)
    ordered = {i: batch[i] for i in plan.ids if i in batch}
    results = upsert_many(plan, ordered, True, dry_run=dry_run) if ordered else []
    by_key = {obs_key(plan, o): r for r in returns for o in r.figures}
    for result in results:
        for obs in result.added:
            by_key[obs_key(plan, obs)].added.append(obs)
        for old, new in result.changed:
            by_key[obs_key(plan, new)].changed.append((old, new))
        for old in result.unchanged:
            by_key[obs_key(plan, old)].unchanged.append(old)
    for ret in returns:
        ret.unchanged += ret.locked_same
    return Collected(returns, warnings, results, dry_run, skipped)


__all__ = ["Collected", "FileReturn", "collect_returns", "read_returns", "region_key"]
