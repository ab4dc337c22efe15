"""Adding and replacing rows of actuals/<id>.csv without ever losing a figure.

Every write happens under the plan's lock file and commits its files together through
the journal (:mod:`ipplan.data.journal`): all of them or none, even when killed; a file saved by
someone else since it was read is never overwritten. A file is edited at the level of its
raw CSV records: the rows the write does not touch keep their exact text (quoting, extra
columns, notes); a replaced row keeps its unknown extra columns.

A figure already recorded for the same (period, region) is *unchanged* when the value is
equal and every other field the new figure gives (source, note, flag, yoy, published) is
equal too; fields it leaves empty do not count. Anything else is a *change*, refused
unless ``replace``: a change of value rewrites the row's source, note, flag, yoy and
published from the new figure (they described the old one), while a change that keeps
the value only sets the fields the new figure gives.

Rows come out sorted by region (the plan's own first) then period
(:meth:`Period.sort_key`), blank lines are dropped, and the file is written as UTF-8 with
BOM, whatever it was before (GBK files saved by Excel/WPS are converted). A new file gets
the header ``period,value,region,source,note,flag,yoy,published``; an existing header is
kept, and a column a new row needs is appended to it (:mod:`ipplan.data.csvtable`).

Public API: :func:`upsert` (one indicator), :func:`upsert_many` (several, all checked
before any is written), :class:`WriteResult`, :func:`conflicts`, :func:`check_observation`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ipplan.core.clock import or_today
from ipplan.core.errors import DataError, Problem, ReadOnlyPlanError
from ipplan.core.model import Observation, Plan
from ipplan.core.numbers import number_text
from ipplan.data.atomic import DEFAULT_TIMEOUT, plan_lock
from ipplan.data.csvtable import (
    Row,
    Table,
    read_table,
    region_key,
    serialize,
    set_cells,
    stored_text,
)
from ipplan.data.encoding import refuse_uncertain
from ipplan.data.journal import Change, commit_files, recover_locked
from ipplan.data.observation import flag_problems, value_problems
from ipplan.present.fmt import figure

ATTEMPTS = 3  # reads of a file that keeps changing under the write before it is refused

__all__ = [
    "WriteResult",
    "check_observation",
    "conflicts",
    "number_text",
    "region_key",
    "upsert",
    "upsert_many",
]


@dataclass(frozen=True)
class WriteResult:
    """What a write did (or, with ``dry_run``, would do) to one actuals file."""

    indicator: str
    path: Path
    added: tuple[Observation, ...] = ()
    changed: tuple[tuple[Observation, Observation], ...] = ()  # (old, new)
    unchanged: tuple[Observation, ...] = ()
    written: bool = False


def _fields(obs: Observation) -> tuple[object, ...]:
    published = obs.published.isoformat() if obs.published else None
    return (
        obs.value,
        stored_text(obs.source),
        stored_text(obs.note),
        obs.flag or None,
        obs.yoy,
        published,
    )


def _same(old: Observation, new: Observation) -> bool:
    """The same figure: equal values, and nothing the new one says differs from the old."""
    before, after = _fields(old), _fields(new)
    return before[0] == after[0] and all(
        n is None or o == n for o, n in zip(before, after, strict=True)
    )


def _cell_values(obs: Observation) -> dict[str, str]:
    return {
        "period": str(obs.period),
        "value": number_text(obs.value),
        "source": stored_text(obs.source) or "",
        "note": stored_text(obs.note) or "",
        "flag": obs.flag or "",
        "yoy": number_text(obs.yoy) if obs.yoy is not None else "",
        "published": obs.published.isoformat() if obs.published else "",
    }


def _merge(
    plan: Plan, table: Table, observations: Sequence[Observation]
) -> tuple[list[Observation], list[tuple[Observation, Observation]], list[Observation]]:
    added: list[Observation] = []
    changed: list[tuple[Observation, Observation]] = []
    unchanged: list[Observation] = []
    index = {(str(r.obs.period), region_key(plan, r.obs.region)): r for r in table.rows}
    for obs in observations:
        key = (str(obs.period), region_key(plan, obs.region))
        row = index.get(key)
        values = _cell_values(obs)
        if row is None:
            values["region"] = key[1]
            cells = set_cells(table, [], values)
            cells += [""] * (len(table.header) - len(cells))  # a full row, like Excel writes
            new_row = Row(cells, None, obs)
            table.rows.append(new_row)
            index[key] = new_row
            added.append(obs)
        elif _same(row.obs, obs):
            unchanged.append(row.obs)
        else:
            changed.append((row.obs, obs))
            if row.obs.value == obs.value:  # keep what the new figure does not say
                values = {k: v for k, v in values.items() if v}
            row.cells = set_cells(table, list(row.cells), values)
            row.raw = None
    return added, changed, unchanged


# ------------------------------------------------------------------------- checks


def check_observation(plan: Plan, obs: Observation, today: date | None = None) -> list[Problem]:
    """Why an observation cannot be stored (located where ``obs.file``/``obs.line`` say):
    the value and flag rules of :mod:`ipplan.data.observation`, for one built in code; a
    derived indicator's figure without a source; a period that ends after ``today``
    (default :func:`ipplan.core.clock.today`)."""
    file, line = obs.file, obs.line
    indicator = plan.get(obs.indicator)
    if indicator is None:
        return [Problem("store.unknown_indicator", {"value": obs.indicator}, file, line)]
    problems = [
        p.located(file, line)
        for p in value_problems(obs.value, indicator, number_text(obs.value))
        + flag_problems(obs.flag)
    ]
    if indicator.kind == "derived" and not stored_text(obs.source):
        params = {"id": indicator.id, "name": indicator.name,
                  "formula": indicator.formula.text if indicator.formula else ""}  # fmt: skip
        problems.append(Problem("store.derived", params, file, line))
    today = or_today(today)
    if obs.period.end > today:  # `check` would call it an error, and status would hide it
        params = {"period": str(obs.period), "end": obs.period.end.isoformat(),
                  "today": today.isoformat()}  # fmt: skip
        problems.append(Problem("check.future_period", params, file, line))
    return problems


def _check_batch(
    plan: Plan, batches: Mapping[str, Sequence[Observation]], today: date | None = None
) -> None:
    if plan.bundled or plan.actuals_dir is None:
        directory = str(plan.directory) if plan.directory else "-"
        raise ReadOnlyPlanError("store.read_only", path=directory)
    problems: list[Problem] = []
    for indicator_id, observations in batches.items():
        seen: dict[tuple[str, str], Observation] = {}
        for obs in observations:
            if obs.indicator != indicator_id:
                obs = Observation(**{**obs.__dict__, "indicator": indicator_id})
            problems.extend(check_observation(plan, obs, today))
            key = (str(obs.period), region_key(plan, obs.region))
            first = seen.setdefault(key, obs)
            if first is not obs:
                params = {"id": indicator_id, "period": key[0], "region": key[1] or "-",
                          "first": first.line or "-"}  # fmt: skip
                problems.append(Problem("store.duplicate", params, obs.file, obs.line))
    if problems:
        raise DataError(problems=problems)


def conflicts(results: Sequence[WriteResult], plan: Plan) -> list[Problem]:
    """One problem per existing row a write would change (refused unless replacing)."""
    found: list[Problem] = []
    for result in results:
        for old, new in result.changed:
            params = {
                "id": result.indicator,
                "period": str(new.period),
                "region": region_key(plan, new.region) or plan.meta.region,
                "old": figure(old.value),  # as every message writes figures: 22,542
                "new": figure(new.value),
                "where": f"{old.file}:{old.line}",
            }
            code = "store.exists"
            if old.value == new.value:
                code = "store.exists_fields"
                names = ("source", "note", "flag", "yoy", "published")
                pairs = zip(_fields(old)[1:], _fields(new)[1:], strict=True)
                params["fields"] = ", ".join(
                    name
                    for name, (o, n) in zip(names, pairs, strict=True)
                    if n is not None and o != n
                )
            found.append(Problem(code, params, new.file, new.line))
    return found


# ------------------------------------------------------------------------- writing


def _plan_writes(
    plan: Plan, folder: Path, batches: Mapping[str, Sequence[Observation]]
) -> tuple[list[WriteResult], list[Change]]:
    """Read each file and merge the new figures into it: what the write would do."""
    results: list[WriteResult] = []
    pending: list[Change] = []
    for indicator_id, observations in batches.items():
        indicator = plan.get(indicator_id)
        assert indicator is not None  # _check_batch refused unknown ids
        path = folder / f"{indicator_id}.csv"
        table = read_table(plan, indicator, path)
        refuse_uncertain(table.old, str(path))  # a misread Big5 file is never rewritten
        added, changed, unchanged = _merge(plan, table, observations)
        results.append(
            WriteResult(indicator_id, path, tuple(added), tuple(changed), tuple(unchanged))
        )
        if added or changed:
            pending.append(Change(path, serialize(plan, table), table.old))
    return results, pending


def upsert_many(
    plan: Plan,
    batches: Mapping[str, Sequence[Observation]],
    replace: bool = False,
    *,
    dry_run: bool = False,
    timeout: float = DEFAULT_TIMEOUT,
    today: date | None = None,
) -> list[WriteResult]:
    """Add (or, with ``replace``, change) rows in several actuals files: all or nothing.

    Every observation and every file is checked before anything is written; any problem
    raises (DataError, ReadOnlyPlanError, FileBusyError) with nothing changed. Existing
    (period, region) rows whose figure differs are refused (``store.exists``) unless
    ``replace``; identical ones are reported unchanged. With ``dry_run`` nothing is written
    and conflicts are not raised: the result says what a write would do.

    The files are committed together through the journal (:mod:`ipplan.data.journal`): an
    interrupted or killed write leaves all of them old or all new. A file saved by someone
    else between the read and its replacement is read again and the figures merged again
    (up to ``ATTEMPTS`` times), then the write is refused (``store.changed_meanwhile``):
    a hand edit is never overwritten. ``today`` (default :func:`ipplan.core.clock.today`) is the
    day before whose end every period must have ended.
    """
    _check_batch(plan, batches, today)
    folder = plan.actuals_dir
    assert folder is not None and plan.directory is not None  # _check_batch refused others
    with plan_lock(folder, timeout):
        recover_locked(plan.directory)
        for attempt in range(ATTEMPTS):
            results, pending = _plan_writes(plan, folder, batches)
            if dry_run:
                return results
            if not replace:
                found = conflicts(results, plan)
                if found:
                    raise DataError(problems=found)
            try:
                commit_files(plan.directory, pending)
                break
            except DataError as exc:
                if exc.code != "store.changed_meanwhile" or attempt == ATTEMPTS - 1:
                    raise
    written = {item.path for item in pending}
    return [WriteResult(**{**r.__dict__, "written": r.path in written}) for r in results]


def upsert(
    plan: Plan,
    indicator_id: str,
    observations: Sequence[Observation],
    replace: bool = False,
    *,
    dry_run: bool = False,
    timeout: float = DEFAULT_TIMEOUT,
    today: date | None = None,
) -> WriteResult:
    """Add (or, with ``replace``, change) rows of one indicator's file; see :func:`upsert_many`."""
    batches = {indicator_id: observations}
    return upsert_many(plan, batches, replace, dry_run=dry_run, timeout=timeout, today=today)[0]
