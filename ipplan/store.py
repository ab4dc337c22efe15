"""Adding and replacing rows of actuals/<id>.csv without ever losing a figure.

Every write happens under the plan's lock file and replaces files atomically
(:mod:`ipplan.atomic`). A file is edited at the level of its raw CSV records: the rows
the write does not touch keep their exact text (quoting, extra columns, notes); a
replaced row keeps its unknown extra columns.

A figure already recorded for the same (period, region) is *unchanged* when the value is
equal and every other field the new figure gives (source, note, flag, yoy, published) is
equal too; fields it leaves empty do not count. Anything else is a *change*, refused
unless ``replace``: a change of value rewrites the row's source, note, flag, yoy and
published from the new figure (they described the old one), while a change that keeps
the value only sets the fields the new figure gives. Rows come out sorted by region (the plan's
own first) then period (:meth:`Period.sort_key`), blank lines are dropped, and the file
is written as UTF-8 with BOM, whatever it was before (GBK files saved by Excel/WPS are
converted). A new file gets the header ``period,value,region,source,note,flag,yoy,published``;
an existing header is kept, and a column a new row needs is appended to it.

Public API: :func:`upsert` (one indicator), :func:`upsert_many` (several, all checked
before any is written), :class:`WriteResult`, :func:`conflicts`, :func:`check_observation`.
"""

from __future__ import annotations

import csv
import io
import math
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from ipplan.actuals import BOM, COLUMNS, decode, map_header, parse_row
from ipplan.atomic import (
    DEFAULT_TIMEOUT,
    Pending,
    busy_or_failed,
    plan_lock,
    remove_stale_temps,
    replace_all,
)
from ipplan.errors import DataError, Problem, ReadOnlyPlanError
from ipplan.model import Indicator, Observation, Plan
from ipplan.render.safe import spreadsheet_text

HEADER_ZH = {"period": "期间", "value": "数值", "region": "地区", "source": "来源",
             "note": "备注", "flag": "标记", "yoy": "同比", "published": "发布日期"}  # fmt: skip
_NEWLINE = re.compile(r"\r\n|\n|\r")


@dataclass(frozen=True)
class WriteResult:
    """What a write did (or, with ``dry_run``, would do) to one actuals file."""

    indicator: str
    path: Path
    added: tuple[Observation, ...] = ()
    changed: tuple[tuple[Observation, Observation], ...] = ()  # (old, new)
    unchanged: tuple[Observation, ...] = ()
    written: bool = False


@dataclass
class _Row:
    cells: list[str]
    raw: str | None  # the exact text read; None once edited
    obs: Observation


@dataclass
class _Table:
    path: Path
    old: bytes | None
    newline: str = "\n"
    header: list[str] = field(default_factory=lambda: list(COLUMNS))
    header_raw: str | None = None
    columns: dict[str, int] = field(default_factory=lambda: {c: i for i, c in enumerate(COLUMNS)})
    rows: list[_Row] = field(default_factory=list)
    width: int = len(COLUMNS)  # the widest record, so an appended column never meets old cells


# ------------------------------------------------------------------------- cells


def number_text(value: float) -> str:
    """A value as written to a file: 22542.0 → "22542", 0.1 → "0.1", 1e-07 → "0.0000001"."""
    value = float(value)
    if value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return format(Decimal(repr(value)), "f")


def _text(value: str | None) -> str | None:
    """Free text as stored: stripped, and neutralised against spreadsheet formulas."""
    if value is None or not value.strip():
        return None
    return spreadsheet_text(value.strip())


def region_key(plan: Plan, region: str) -> str:
    """ "" for the plan's own region, however it was written."""
    region = region.strip()
    return "" if region in ("", plan.meta.region) else region


def _fields(obs: Observation) -> tuple[object, ...]:
    published = obs.published.isoformat() if obs.published else None
    return (obs.value, _text(obs.source), _text(obs.note), obs.flag or None, obs.yoy, published)


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
        "source": _text(obs.source) or "",
        "note": _text(obs.note) or "",
        "flag": obs.flag or "",
        "yoy": number_text(obs.yoy) if obs.yoy is not None else "",
        "published": obs.published.isoformat() if obs.published else "",
    }


# ------------------------------------------------------------------------- reading


def _lines(text: str) -> Iterator[str]:
    pos = 0
    while pos < len(text):
        m = _NEWLINE.search(text, pos)
        end = m.end() if m else len(text)
        yield text[pos:end]
        pos = end


def _records(text: str) -> Iterator[tuple[int, str, list[str]]]:
    """(first line, exact text, cells) of every CSV record; quoted fields may span lines."""
    consumed: list[str] = []

    def feed() -> Iterator[str]:
        for line in _lines(text):
            consumed.append(line)
            yield line

    reader = csv.reader(feed())
    line = 1
    for cells in reader:
        yield line, "".join(consumed), cells
        consumed.clear()
        line = reader.line_num + 1


def _read_table(plan: Plan, indicator: Indicator, path: Path) -> _Table:
    """The file as rows to edit; DataError with every problem when it is not sound."""
    file = str(path)
    try:
        old = path.read_bytes()
    except FileNotFoundError:
        return _Table(path, None)
    except OSError as exc:
        raise busy_or_failed(exc, path) from None
    text = decode(old, file).lstrip("\ufeff")
    table = _Table(path, old)
    if not text.strip():
        return table
    m = _NEWLINE.search(text)
    table.newline = m.group() if m else "\n"
    problems: list[Problem] = []
    seen: dict[tuple[str, str], int] = {}
    header_found = False
    try:
        for line, raw, cells in _records(text):
            if not any(c.strip() for c in cells):
                continue
            table.width = max(table.width if header_found else 0, len(cells))
            if not header_found:
                header_found = True
                table.header, table.header_raw = cells, raw
                table.columns, found = map_header(cells, file, line)
                problems.extend(found)
                if found:
                    break
                continue
            obs, found = parse_row(cells, table.columns, indicator, file, line)
            problems.extend(found)
            if obs is None:
                continue
            key = (str(obs.period), region_key(plan, obs.region))
            if key in seen:
                params = {"period": key[0], "region": key[1] or "-", "first": seen[key]}
                column = table.columns["period"] + 1
                problems.append(Problem("actuals.duplicate_row", params, file, line, column))
            seen[key] = line
            table.rows.append(_Row(cells, raw, obs))
    except csv.Error as exc:
        problems.append(Problem("actuals.csv_syntax", {"reason": str(exc)}, file))
    if problems:
        problems.append(Problem("store.fix_first", {"path": file}, file))
        raise DataError(problems=problems)
    return table


# ------------------------------------------------------------------------- editing


def _set_cells(table: _Table, cells: list[str], values: Mapping[str, str]) -> list[str]:
    for name, text in values.items():
        if name not in table.columns:
            if not text:
                continue
            zh = table.header[table.columns["period"]].strip() in HEADER_ZH.values()
            width = max(table.width, len(table.header))
            table.header = table.header + [""] * (width - len(table.header))
            table.header.append(HEADER_ZH[name] if zh else name)
            table.columns[name] = len(table.header) - 1
            table.width = len(table.header)
            table.header_raw = None
        i = table.columns[name]
        if i >= len(cells):
            if not text:
                continue
            cells = cells + [""] * (i + 1 - len(cells))
        cells[i] = text
    return cells


def _merge(
    plan: Plan, table: _Table, observations: Sequence[Observation]
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
            cells = _set_cells(table, [], values)
            cells += [""] * (len(table.header) - len(cells))  # a full row, like Excel writes
            new_row = _Row(cells, None, obs)
            table.rows.append(new_row)
            index[key] = new_row
            added.append(obs)
        elif _same(row.obs, obs):
            unchanged.append(row.obs)
        else:
            changed.append((row.obs, obs))
            if row.obs.value == obs.value:  # keep what the new figure does not say
                values = {k: v for k, v in values.items() if v}
            row.cells = _set_cells(table, list(row.cells), values)
            row.raw = None
    return added, changed, unchanged


def _serialize(plan: Plan, table: _Table) -> bytes:
    def line(cells: list[str]) -> str:
        out = io.StringIO()
        csv.writer(out, lineterminator=table.newline).writerow(cells)
        return out.getvalue()

    def ended(raw: str) -> str:
        return raw if raw.endswith(("\n", "\r")) else raw + table.newline

    def order(row: _Row) -> tuple[bool, str, object]:
        region = region_key(plan, row.obs.region)
        return (region != "", region, row.obs.period.sort_key())

    parts = [ended(table.header_raw) if table.header_raw is not None else line(table.header)]
    for row in sorted(table.rows, key=order):
        parts.append(ended(row.raw) if row.raw is not None else line(row.cells))
    return BOM + "".join(parts).encode("utf-8")


# ------------------------------------------------------------------------- checks


def check_observation(plan: Plan, obs: Observation) -> list[Problem]:
    """Why an observation cannot be stored (located where ``obs.file``/``obs.line`` say)."""
    file, line = obs.file, obs.line
    indicator = plan.get(obs.indicator)
    if indicator is None:
        return [Problem("store.unknown_indicator", {"value": obs.indicator}, file, line)]
    problems: list[Problem] = []
    if not math.isfinite(obs.value):
        problems.append(Problem("number.not_finite", {"value": obs.value}, file, line))
    elif obs.value < 0 and not indicator.allow_negative:
        params = {"value": number_text(obs.value), "id": indicator.id}
        problems.append(Problem("actuals.negative", params, file, line))
    if indicator.kind == "derived" and not _text(obs.source):
        params = {"id": indicator.id, "name": indicator.name,
                  "formula": indicator.formula.text if indicator.formula else ""}  # fmt: skip
        problems.append(Problem("store.derived", params, file, line))
    if obs.flag is not None and not re.fullmatch(r"[epb]+", obs.flag):
        problems.append(Problem("actuals.bad_flag", {"value": obs.flag}, file, line))
    return problems


def _check_batch(plan: Plan, batches: Mapping[str, Sequence[Observation]]) -> None:
    if plan.bundled or plan.actuals_dir is None:
        directory = str(plan.directory) if plan.directory else "-"
        raise ReadOnlyPlanError("store.read_only", path=directory)
    problems: list[Problem] = []
    for indicator_id, observations in batches.items():
        seen: dict[tuple[str, str], Observation] = {}
        for obs in observations:
            if obs.indicator != indicator_id:
                obs = Observation(**{**obs.__dict__, "indicator": indicator_id})
            problems.extend(check_observation(plan, obs))
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
                "old": number_text(old.value),
                "new": number_text(new.value),
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


def upsert_many(
    plan: Plan,
    batches: Mapping[str, Sequence[Observation]],
    replace: bool = False,
    *,
    dry_run: bool = False,
    timeout: float = DEFAULT_TIMEOUT,
) -> list[WriteResult]:
    """Add (or, with ``replace``, change) rows in several actuals files: all or nothing.

    Every observation and every file is checked before anything is written; any problem
    raises (DataError, ReadOnlyPlanError, FileBusyError) with nothing changed. Existing
    (period, region) rows whose figure differs are refused (``store.exists``) unless
    ``replace``; identical ones are reported unchanged. With ``dry_run`` nothing is written
    and conflicts are not raised: the result says what a write would do.
    """
    _check_batch(plan, batches)
    folder = plan.actuals_dir
    assert folder is not None  # _check_batch refused a plan without a folder
    results: list[WriteResult] = []
    pending: list[Pending] = []
    with plan_lock(folder, timeout):
        for indicator_id, observations in batches.items():
            indicator = plan.get(indicator_id)
            assert indicator is not None  # _check_batch refused unknown ids
            path = folder / f"{indicator_id}.csv"
            table = _read_table(plan, indicator, path)
            added, changed, unchanged = _merge(plan, table, observations)
            results.append(
                WriteResult(indicator_id, path, tuple(added), tuple(changed), tuple(unchanged))
            )
            if added or changed:
                pending.append(Pending(path, _serialize(plan, table), table.old))
        if dry_run:
            return results
        if not replace:
            found = conflicts(results, plan)
            if found:
                raise DataError(problems=found)
        for item in pending:
            remove_stale_temps(item.path)
        replace_all(pending)
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
) -> WriteResult:
    """Add (or, with ``replace``, change) rows of one indicator's file; see :func:`upsert_many`."""
    return upsert_many(
        plan, {indicator_id: observations}, replace, dry_run=dry_run, timeout=timeout
    )[0]
