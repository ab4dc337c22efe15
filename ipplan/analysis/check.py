"""`ipplan check`: every problem in a plan folder at once.

:func:`run_checks` reads targets.yaml and actuals/ and never raises on their content:
every unusable file is a finding, not a crash. The schema, period, value, duplicate and
encoding problems come from :func:`ipplan.data.plan.read_plan` and
:func:`ipplan.data.actuals.read_actuals`; this module screens the YAML first
(:mod:`ipplan.data.yamlguard`) and adds the rules they lack, in :func:`check_plan`:

* ``check.future_period`` (error): a period that ends after today;
  ``check.future_published`` (error): a published date after today.
* ``check.stock_drop`` (warning): a stock that falls by more than 30 % from one
  observation to the next of the same region, unless the later row is flagged ``b``
  (break in series: the first observation under the new definition carries the flag).
* ``check.yoy_mismatch`` (warning): a published yoy more than 0.5 percentage points
  outside what the levels of the same period one year earlier and of this period allow,
  (v / v_prev − 1) · 100, where each level may be off by half a unit of its last decimal
  (22542 stands for [22541.5, 22542.5]). Rows flagged ``e`` are checked too: a level
  estimated from the yoy agrees with it within that rounding by construction, and when it
  does not, the estimate is wrong.
* ``check.components_sum`` (warning): a total that is not the sum of the parts its
  indicator lists in ``components`` (same period and region, every part present). Exact
  when every figure is a whole number (counts); otherwise within the sum of half a unit
  of the last decimal of each figure.
* ``check.derived_mismatch`` (warning): a published value of a derived indicator farther
  from the computed one than half a unit of its own last decimal (2.93 stands for
  [2.925, 2.935]: 2.9298 computed is fine, 3.1 published is not).

The region rules (``check.region_*``: units' targets and figures that do not add up to
their parent's, a unit given a target but missing from ``regions:``) are in
:mod:`ipplan.analysis.regioncheck`.

An actuals file whose name is no indicator (``actuals.unknown_file``), or is one but for
its case (``actuals.wrong_case``: ``Patents_valid.csv``), is an error here, not the
warning status gives: its figures reach no report.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from datetime import date
from itertools import pairwise
from pathlib import Path

from ipplan.analysis.regioncheck import check_regions
from ipplan.analysis.series import Dataset
from ipplan.core.clock import or_today
from ipplan.core.errors import DataError, PeriodError, Problem, Severity
from ipplan.core.model import Indicator, Observation, Plan
from ipplan.core.periods import Period
from ipplan.data.actuals import decode, map_header, parse_file, read_actuals, read_records
from ipplan.data.csvread import CsvSyntaxError
from ipplan.data.journal import read_consistently
from ipplan.data.plan import TARGETS, read_plan
from ipplan.data.safeio import MAX_ACTUALS_BYTES, MAX_PLAN_BYTES, read_limited, scan_folder
from ipplan.data.yamlguard import screen_yaml
from ipplan.present.fmt import figure, places

__all__ = ["DROP_LIMIT", "YOY_TOLERANCE", "check_plan", "run_checks"]

DROP_LIMIT = 0.30  # a stock falling by more than this share is reported
YOY_TOLERANCE = 0.5  # percentage points
# Screen findings after which the YAML must not be loaded (it would crash or hang).
_FATAL = {"yaml.too_deep", "yaml.too_large", "yaml.bad_date", "yaml.number_too_large"}

Observations = Mapping[str, Sequence[Observation]]


# --------------------------------------------------------------------------- entry points


def run_checks(plan_dir: Path, today: date | None = None) -> list[Problem]:
    """Every finding in the plan folder ``plan_dir``, sorted by file, line and column."""
    today = or_today(today)
    plan, problems = _read_plan(Path(plan_dir))
    if plan is None:  # the plan is unusable, but its actuals can still be read and checked
        observations, found = _read_actuals_alone(Path(plan_dir) / "actuals")
        problems += found
        problems += _future(observations, today, _Columns())
    else:
        observations, found = read_consistently(plan.directory, lambda: read_actuals(plan))
        problems += [_escalate(p) for p in found]
        problems += check_plan(plan, observations, today)
    return sorted(problems, key=_order)


def check_plan(plan: Plan, observations: Observations, today: date | None = None) -> list[Problem]:
    """The findings of the rules above on observations already read (by indicator id)."""
    today = or_today(today)
    columns = _Columns()
    return [
        *_future(observations, today, columns),
        *_drops(plan, observations, columns),
        *_yoy(plan, observations, columns),
        *_components(plan, observations, columns),
        *_derived(plan, observations, columns),
        *check_regions(plan, observations, columns),
    ]


# --------------------------------------------------------------------------- reading


def _read_plan(directory: Path) -> tuple[Plan | None, list[Problem]]:
    path = directory / TARGETS
    screened: list[Problem] = []
    try:
        text = read_limited(path, MAX_PLAN_BYTES, "plan.unreadable").decode("utf-8-sig")
    except (DataError, UnicodeDecodeError):
        pass  # read_plan reports both, with the line of the bad byte
    else:
        screened = screen_yaml(text, str(path))
        if any(p.code in _FATAL for p in screened):
            return None, screened
    plan, problems = read_plan(directory)
    return plan, screened + [p for p in problems if p not in screened]  # once read_plan screens


def _read_actuals_alone(folder: Path) -> tuple[dict[str, list[Observation]], list[Problem]]:
    """Actuals files read without a plan: every problem but negative values (the plan
    says which indicators allow them)."""
    found: dict[str, list[Observation]] = {}
    problems: list[Problem] = []
    try:
        if not folder.is_dir():
            return found, problems
        paths = scan_folder(folder, "actuals.unreadable")
    except OSError as exc:
        return found, [Problem("actuals.unreadable", {"reason": exc.strerror or ""}, str(folder))]
    except DataError as exc:
        return found, exc.problems
    for path in paths:
        if not path.name.endswith(".csv") or path.name.startswith("."):
            continue
        stand_in = Indicator(id=path.stem, name=path.stem, kind="stock", allow_negative=True)
        found[path.stem], file_problems = parse_file(path, stand_in)
        problems += file_problems
    return found, problems


def _escalate(problem: Problem) -> Problem:
    if problem.code in ("actuals.unknown_file", "actuals.wrong_case"):
        return replace(problem, severity="error")
    return problem


def _order(problem: Problem) -> tuple[int, str, int, int]:
    file = problem.file or ""
    first = 0 if Path(file).name == TARGETS else 1
    return (first, file, problem.line or 0, problem.column or 0)


class _Columns:
    """The 1-based column of a named field in an actuals file, read from its header once."""

    def __init__(self) -> None:
        self._cache: dict[str, dict[str, int]] = {}

    def __call__(self, file: str | None, name: str) -> int | None:
        if file is None:
            return None
        if file not in self._cache:
            self._cache[file] = _header(Path(file))
        return self._cache[file].get(name)


def _header(path: Path) -> dict[str, int]:
    try:
        text = decode(read_limited(path, MAX_ACTUALS_BYTES, "actuals.unreadable"), str(path))
        for line, row in read_records(text):
            if any(c.strip() for c in row):
                columns, _ = map_header(row, str(path), line)
                return {name: i + 1 for name, i in columns.items()}
    except (DataError, CsvSyntaxError):
        pass
    return {}


# --------------------------------------------------------------------------- helpers


def _half_unit(value: float) -> float:
    return 0.5 * 10.0 ** -places(value)


def _by_region(plan: Plan, rows: Iterable[Observation]) -> dict[str, list[Observation]]:
    groups: dict[str, list[Observation]] = defaultdict(list)
    for obs in rows:
        groups[obs.region or plan.meta.region].append(obs)
    for group in groups.values():
        group.sort(key=lambda o: o.period.sort_key())
    return groups


def _finding(
    code: str,
    params: Mapping[str, str],
    obs: Observation,
    columns: _Columns,
    field: str,
    severity: Severity = "warning",
) -> Problem:
    """A finding located at ``field`` of the row ``obs`` came from."""
    return Problem(code, params, obs.file, obs.line, columns(obs.file, field), severity)


def _names(ind: Indicator) -> dict[str, str]:
    """The indicator as messages name it: Chinese name, English name (else the id)."""
    return {"id": ind.id, "name": ind.name, "name_en": ind.name_en or ind.id}


def _year_before(period: Period) -> Period | None:
    try:
        return Period(period.year - 1, period.freq, period.index)
    except PeriodError:
        return None


# --------------------------------------------------------------------------- rules


def _future(observations: Observations, today: date, columns: _Columns) -> list[Problem]:
    found: list[Problem] = []
    for rows in observations.values():
        for obs in rows:
            if obs.period.end > today:
                params = {"period": str(obs.period), "end": obs.period.end.isoformat(),
                          "today": today.isoformat()}  # fmt: skip
                found.append(
                    _finding("check.future_period", params, obs, columns, "period", "error")
                )
            if obs.published is not None and obs.published > today:
                params = {"value": obs.published.isoformat(), "today": today.isoformat()}
                found.append(
                    _finding("check.future_published", params, obs, columns, "published", "error")
                )
    return found


def _drops(plan: Plan, observations: Observations, columns: _Columns) -> list[Problem]:
    found: list[Problem] = []
    for ind in plan.indicators:
        if ind.kind != "stock":
            continue
        for rows in _by_region(plan, observations.get(ind.id, ())).values():
            for prev, cur in pairwise(rows):
                if (cur.flag and "b" in cur.flag) or prev.value <= 0:
                    continue
                drop = (prev.value - cur.value) / prev.value
                if drop > DROP_LIMIT:
                    params = {**_names(ind), "period": str(cur.period), "value": figure(cur.value),
                              "prev_period": str(prev.period), "prev_value": figure(prev.value),
                              "drop": f"{drop * 100:.1f}"}  # fmt: skip
                    found.append(_finding("check.stock_drop", params, cur, columns, "value"))
    return found


def _yoy(plan: Plan, observations: Observations, columns: _Columns) -> list[Problem]:
    found: list[Problem] = []
    for ind in plan.indicators:
        for rows in _by_region(plan, observations.get(ind.id, ())).values():
            by_period = {str(o.period): o for o in rows}
            for cur in rows:
                before = _year_before(cur.period) if cur.yoy is not None else None
                prev = by_period.get(str(before)) if before is not None else None
                if cur.yoy is None or prev is None:
                    continue
                low_prev = prev.value - _half_unit(prev.value)
                if low_prev <= 0:
                    continue
                high_prev = prev.value + _half_unit(prev.value)
                low = ((cur.value - _half_unit(cur.value)) / high_prev - 1) * 100
                high = ((cur.value + _half_unit(cur.value)) / low_prev - 1) * 100
                if low - YOY_TOLERANCE <= cur.yoy <= high + YOY_TOLERANCE:
                    continue
                implied = (cur.value / prev.value - 1) * 100
                params = {**_names(ind), "period": str(cur.period), "yoy": figure(cur.yoy),
                          "implied": f"{implied:.2f}", "prev_period": str(prev.period),
                          "prev_value": figure(prev.value), "value": figure(cur.value)}  # fmt: skip
                found.append(_finding("check.yoy_mismatch", params, cur, columns, "yoy"))
    return found


def _components(plan: Plan, observations: Observations, columns: _Columns) -> list[Problem]:
    found: list[Problem] = []
    for ind in plan.indicators:
        if not ind.components:
            continue
        parts_by_key = {
            part: {(o.region or plan.meta.region, str(o.period)): o
                   for o in observations.get(part, ())}
            for part in ind.components
        }  # fmt: skip
        for total in observations.get(ind.id, ()):
            key = (total.region or plan.meta.region, str(total.period))
            parts = [parts_by_key[p].get(key) for p in ind.components]
            present = [o for o in parts if o is not None]
            if len(present) < len(parts):
                continue
            figures = [total.value, *(o.value for o in present)]
            whole = all(float(v).is_integer() for v in figures)
            tolerance = 0.0 if whole else sum(_half_unit(v) for v in figures)
            summed = sum(o.value for o in present)
            if abs(summed - total.value) <= tolerance + 1e-9 * max(1.0, abs(total.value)):
                continue
            parts_text = " + ".join(f"{o.indicator} {figure(o.value)}" for o in present)
            params = {**_names(ind), "period": str(total.period), "total": figure(total.value),
                      "sum": figure(round(summed, 10)), "parts": parts_text}  # fmt: skip
            found.append(_finding("check.components_sum", params, total, columns, "value"))
    return found


def _derived(plan: Plan, observations: Observations, columns: _Columns) -> list[Problem]:
    found: list[Problem] = []
    for ind in plan.indicators:
        if ind.formula is None or not ind.formula.ids:
            continue
        for region, rows in _by_region(plan, observations.get(ind.id, ())).items():
            dataset = Dataset(plan, observations, date.max, region)
            computed = {str(o.period): o for o in dataset.computed(ind.id)}
            for published in rows:
                match = computed.get(str(published.period))
                if match is None:
                    continue
                tolerance = _half_unit(published.value)
                if abs(match.value - published.value) <= tolerance * (1 + 1e-9):
                    continue
                shown = figure(float(f"{match.value:.6g}"))  # 6 significant digits
                params = {**_names(ind), "period": str(published.period),
                          "published": figure(published.value), "computed": shown,
                          "formula": ind.formula.text}  # fmt: skip
                found.append(
                    _finding("check.derived_mismatch", params, published, columns, "value")
                )
    return found
