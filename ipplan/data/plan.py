"""Reading targets.yaml into a :class:`~ipplan.core.model.Plan`, and finding which plan to use.

``read_plan`` collects every problem it finds (for ``ipplan check``); ``load_plan``
raises :class:`~ipplan.core.errors.PlanError` when any of them is an error.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from datetime import date, datetime
from pathlib import Path
from typing import Any

import yaml

from ipplan.core.errors import (
    DataError,
    FormulaError,
    IpplanError,
    PeriodError,
    PlanError,
    Problem,
    UsageError,
)
from ipplan.core.formula import Formula, parse_formula
from ipplan.core.model import Indicator, Plan, PlanMeta, Target, UnitTarget
from ipplan.core.numbers import MAX_MAGNITUDE
from ipplan.core.periods import Period, parse_period
from ipplan.data.cycles import on_cycles
from ipplan.data.regioncsv import read_unit_targets
from ipplan.data.safeio import MAX_PLAN_BYTES, read_limited
from ipplan.data.statuses import parse_statuses
from ipplan.data.units import duplicates, keep_unit_values, read_by_region, read_regions
from ipplan.data.yamlguard import MAX_INDICATORS, screen_yaml
from ipplan.data.yamlmarks import locate, marks
from ipplan.present.text import clip

TARGETS = "targets.yaml"
ENV_PLAN = "IPPLAN_PLAN"
ID_RE = re.compile(r"^[a-z0-9_]+$")
MAX_ID = 64  # ids are file names (actuals/<id>.csv, and a temp name around it when written)
MAX_TEXT = 2000  # characters of any text (a name, a source sentence, a note)

PLAN_KEYS = {
    "id", "title", "title_en", "document", "issuer", "issued", "region", "baseline",
    "deadline", "source", "note", "issuer_en", "contact",
}  # fmt: skip
INDICATOR_KEYS = {
    "id", "name", "name_en", "unit", "kind", "formula", "target", "source", "components",
    "allow_negative", "category", "description", "note", "responsible",
}  # fmt: skip
TARGET_KEYS = {"type", "value", "direction", "from", "source", "note", "by_region"}
KINDS = ("stock", "flow", "derived")
TARGET_TYPES = ("level", "cumulative", "growth")
DIRECTIONS = ("increase", "decrease")


# --------------------------------------------------------------------------- where


def bundled_plan_dir() -> Path:
    """The Suizhou example plan shipped with the package (read-only)."""
    package = Path(__file__).resolve().parent.parent
    inside = package / "_bundled"
    if (inside / TARGETS).is_file():
        return inside
    return package.parent  # a source checkout: targets.yaml sits beside the package


def resolve_plan_dir(explicit: str | os.PathLike[str] | None = None) -> tuple[Path, bool]:
    """Which plan a command uses, and whether it is the bundled one (formats.md).

    ``--plan DIR``, else ``$IPPLAN_PLAN``, else the current directory when it holds
    targets.yaml, else the bundled plan.
    """
    bundled = bundled_plan_dir().resolve()
    chosen: Path | None = None
    if explicit is not None:
        if str(explicit).strip() == "":
            raise UsageError("plan.empty_path")
        chosen = Path(explicit)
    elif os.environ.get(ENV_PLAN):
        chosen = Path(os.environ[ENV_PLAN])
    elif _cwd_holds_targets():
        chosen = Path.cwd()
    if chosen is None:
        return bundled, True
    try:
        return _checked_dir(chosen, bundled)
    except OSError as exc:  # a folder of mode 000, a path through one
        reason = exc.strerror or str(exc)
        raise PlanError("plan.dir_unreadable", file=str(chosen), path=str(chosen),
                        reason=reason) from None  # fmt: skip


def _cwd_holds_targets() -> bool:
    try:
        return (Path.cwd() / TARGETS).is_file()
    except OSError:  # the current folder was removed, or cannot be searched
        return False


def _checked_dir(chosen: Path, bundled: Path) -> tuple[Path, bool]:
    if chosen.name == TARGETS and chosen.is_file():
        chosen = chosen.parent
    if chosen.exists() and not chosen.is_dir():
        raise PlanError("plan.not_a_dir", file=str(chosen), path=str(chosen))
    if not chosen.is_dir():
        raise PlanError("plan.dir_missing", file=str(chosen), path=str(chosen))
    if not (chosen / TARGETS).exists():  # one that is no regular file is refused when read
        raise PlanError("plan.no_targets", file=str(chosen), path=str(chosen))
    resolved = chosen.resolve()
    if resolved != bundled:  # finish or undo a write that was interrupted (ipplan.data.journal)
        from ipplan.data.journal import recover

        recover(chosen)
    return chosen, resolved == bundled


# --------------------------------------------------------------------------- reading


class _Reader:
    """Validates the loaded YAML, keeping problems with their line and column."""

    def __init__(self, file: str, text: str) -> None:
        self.file = file
        self.marks = marks(text)
        self.lines = text.splitlines()
        self.problems: list[Problem] = []
        self.unit_targets: list[UnitTarget] = []  # target.by_region (ipplan.data.units)
        self.top: str | None = None  # the plan's region, once read

    def position(self, path: tuple[str | int, ...]) -> tuple[int | None, int | None]:
        return locate(self.marks, path)

    def add(
        self, code: str, path: tuple[str | int, ...], *, warning: bool = False, **params: Any
    ) -> None:
        line, column = locate(self.marks, path)
        self.problems.append(
            Problem(code, params, self.file, line, column, "warning" if warning else "error")
        )

    def text(self, data: Mapping[str, Any], key: str, path: tuple[str | int, ...], *,
             required: bool = False) -> str | None:  # fmt: skip
        value = data.get(key)
        if value is None or value == "":
            if required:
                self.add("plan.missing_key", path, key=key)
            return None
        if isinstance(value, (dict, list)):
            self.add("plan.bad_type", (*path, key), key=key, expected="text")
            return None
        text = str(value)
        if len(text) > MAX_TEXT:
            self.add("plan.text_too_long", (*path, key), key=key, length=len(text),
                     limit=MAX_TEXT)  # fmt: skip
            return None
        return text

    def period(self, data: Mapping[str, Any], key: str, path: tuple[str | int, ...], *,
               required: bool = False) -> Period | None:  # fmt: skip
        raw = self.text(data, key, path, required=required)
        if raw is None:
            return None
        try:
            return parse_period(raw)
        except PeriodError:
            self.add("plan.bad_period", (*path, key), key=key, value=raw)
            return None

    def day(self, data: Mapping[str, Any], key: str, path: tuple[str | int, ...], *,
            required: bool = False) -> date | None:  # fmt: skip
        """A date; one written with a time (2025-12-31T00:00) is taken as its date, with a
        warning (plan.date_with_time): a deadline is a day."""
        value = data.get(key)
        if isinstance(value, datetime):
            day = value.date()
            self.add("plan.date_with_time", (*path, key), warning=True, key=key,
                     value=value.isoformat(), date=day.isoformat())  # fmt: skip
            return day
        if isinstance(value, date):
            return value
        raw = self.text(data, key, path, required=required)
        if raw is None:
            return None
        try:
            return date.fromisoformat(raw.strip())
        except ValueError:
            pass
        try:
            day = datetime.fromisoformat(raw.strip()).date()
        except ValueError:
            self.add("plan.bad_date", (*path, key), key=key, value=raw)
            return None
        self.add("plan.date_with_time", (*path, key), warning=True, key=key, value=raw.strip(),
                 date=day.isoformat())  # fmt: skip
        return day

    def unknown_keys(self, data: Mapping[str, Any], allowed: set[str],
                     path: tuple[str | int, ...]) -> None:  # fmt: skip
        for key in data:
            if str(key) not in allowed:
                self.add("plan.unknown_key", (*path, str(key), "<key>"), warning=True,
                         key=key, allowed=", ".join(sorted(allowed)))  # fmt: skip

    # ---------------------------------------------------------------- sections

    def meta(self, data: Any) -> PlanMeta | None:
        path: tuple[str | int, ...] = ("plan",)
        if not isinstance(data, Mapping):
            self.add("plan.bad_type", path, key="plan", expected="mapping")
            return None
        self.unknown_keys(data, PLAN_KEYS, path)
        pid = self.text(data, "id", path, required=True)
        title = self.text(data, "title", path, required=True)
        region = self.text(data, "region", path, required=True)
        baseline = self.period(data, "baseline", path, required=True)
        deadline = self.day(data, "deadline", path, required=True)
        issued = self.day(data, "issued", path)
        if baseline and deadline and baseline.end >= deadline:
            self.add("plan.deadline_before_baseline", (*path, "deadline"),
                     baseline=str(baseline), deadline=deadline.isoformat())  # fmt: skip
        if pid is None or title is None or region is None or baseline is None or deadline is None:
            return None
        return PlanMeta(
            id=pid, title=title, region=region, baseline=baseline, deadline=deadline,
            title_en=self.text(data, "title_en", path), document=self.text(data, "document", path),
            issuer=self.text(data, "issuer", path), issued=issued,
            source=self.text(data, "source", path),
            issuer_en=self.text(data, "issuer_en", path), contact=self.text(data, "contact", path),
            note=self.text(data, "note", path),
        )  # fmt: skip

    def target(
        self,
        data: Any,
        path: tuple[str | int, ...],
        kind: str,
        negative: bool = False,
        owner: str = "-",
    ) -> Target | None:
        if not isinstance(data, Mapping):
            self.add("plan.bad_type", path, key="target", expected="mapping")
            return None
        self.unknown_keys(data, TARGET_KEYS, path)
        ttype = self.text(data, "type", path, required=True)
        if ttype is not None and ttype not in TARGET_TYPES:
            self.add("plan.bad_choice", (*path, "type"), key="type", value=ttype,
                     allowed=" | ".join(TARGET_TYPES))  # fmt: skip
            return None
        direction = self.text(data, "direction", path) or "increase"
        if direction not in DIRECTIONS:
            self.add("plan.bad_choice", (*path, "direction"), key="direction", value=direction,
                     allowed=" | ".join(DIRECTIONS))  # fmt: skip
            return None
        value = data.get("value")
        number: float | None = None
        if ttype == "growth":
            if value is not None:
                self.add("plan.growth_value", (*path, "value"), warning=True)
        elif value is None:
            self.add("plan.missing_key", path, key="value")
        elif isinstance(value, bool) or not isinstance(value, (int, float)) or value != value:
            self.add("plan.bad_type", (*path, "value"), key="value", expected="number, |x| ≤ 1e15")
        elif not abs(value) <= MAX_MAGNITUDE:
            self.add("plan.value_out_of_range", (*path, "value"), key="value",
                     value=_number(value), limit="1e15")  # fmt: skip
        elif value < 0 and not negative:
            self.add("plan.negative_target", (*path, "value"), value=_number(value), id=owner)
        else:
            number = float(value)
        from_period = self.period(data, "from", path, required=ttype == "cumulative")
        if ttype == "cumulative" and kind == "stock":
            self.add("plan.cumulative_stock", (*path, "type"), warning=True)
        if ttype is None or (ttype != "growth" and number is None):
            return None
        if ttype == "cumulative" and from_period is None:
            return None
        return Target(
            type=ttype,  # type: ignore[arg-type]
            value=number,
            direction=direction,  # type: ignore[arg-type]
            from_period=from_period if ttype == "cumulative" else None,
            source=self.text(data, "source", path),
            note=self.text(data, "note", path),
        )

    def indicator(self, data: Any, index: int) -> Indicator | None:
        path: tuple[str | int, ...] = ("indicators", index)
        if not isinstance(data, Mapping):
            self.add("plan.bad_type", path, key=f"indicators[{index + 1}]", expected="mapping")
            return None
        self.unknown_keys(data, INDICATOR_KEYS, path)
        iid = self.text(data, "id", path, required=True)
        if iid is not None and len(iid) > MAX_ID:
            self.add("plan.id_too_long", (*path, "id"), value=clip(iid, 23), length=len(iid),
                     limit=MAX_ID)  # fmt: skip
            iid = None
        elif iid is not None and not ID_RE.match(iid):
            self.add("plan.bad_id", (*path, "id"), value=iid)
            iid = None
        name = self.text(data, "name", path, required=True)
        kind = self.text(data, "kind", path) or "stock"
        if kind not in KINDS:
            self.add("plan.bad_choice", (*path, "kind"), key="kind", value=kind,
                     allowed=" | ".join(KINDS))  # fmt: skip
            return None
        formula = self.formula(data, path, kind)
        allow_negative = data.get("allow_negative", False)
        if not isinstance(allow_negative, bool):
            self.add("plan.bad_type", (*path, "allow_negative"), key="allow_negative",
                     expected="true | false")  # fmt: skip
            allow_negative = False
        target = None
        if data.get("target") is not None:
            owner = str(data.get("id") or "-")[:MAX_ID]
            target = self.target(data["target"], (*path, "target"), kind, allow_negative, owner)
        components = data.get("components") or []
        if not isinstance(components, list) or not all(isinstance(c, str) for c in components):
            self.add(
                "plan.bad_type", (*path, "components"), key="components", expected="list of ids"
            )
            components = []
        if iid is None or name is None or (kind == "derived" and formula is None):
            return None
        if data.get("target") is not None and target is None:
            return None
        if target is not None and isinstance(data["target"], Mapping):
            by_region = data["target"].get("by_region")
            where = (*path, "target")
            self.unit_targets += read_by_region(self, by_region, where, iid, target, self.top)
        line, _ = locate(self.marks, path)
        return Indicator(
            id=iid, name=name, kind=kind,  # type: ignore[arg-type]
            unit=self.text(data, "unit", path) or "", name_en=self.text(data, "name_en", path),
            formula=formula, target=target, source=self.text(data, "source", path),
            components=tuple(components), allow_negative=allow_negative,
            category=self.text(data, "category", path),
            description=self.text(data, "description", path), line=line,
            note=self.text(data, "note", path),
            responsible=self.text(data, "responsible", path),
        )  # fmt: skip

    def formula(
        self, data: Mapping[str, Any], path: tuple[str | int, ...], kind: str
    ) -> Formula | None:
        raw = data.get("formula")
        if kind != "derived":
            if raw not in (None, ""):
                self.add("plan.formula_not_derived", (*path, "formula"), warning=True)
            return None
        if raw is None or raw == "":
            self.add("plan.missing_key", path, key="formula")
            return None
        line, column = locate(self.marks, (*path, "formula"))
        if line and column and self.lines[line - 1][column - 1 : column] in ("'", '"'):
            column += 1  # a quoted formula: its first character follows the quote
        try:
            return parse_formula(str(raw))
        except FormulaError as exc:
            for p in exc.problems:
                col = column + p.column - 1 if (column and p.column) else column
                self.problems.append(Problem(p.code, p.params, self.file, line, col))
            return None

    def references(self, indicators: list[Indicator], raw: list[Any]) -> None:
        by_id = {ind.id: ind for ind in indicators}
        # ids declared, even by an indicator with other errors: those are reported already,
        # and a formula using it should not also read as naming an unknown indicator
        declared = {str(d.get("id")) for d in raw if isinstance(d, Mapping)}
        first: dict[str, int] = {}
        for i, item in enumerate(raw):
            iid = str(item.get("id")) if isinstance(item, Mapping) else None
            if iid is None:
                continue
            if iid in first:
                self.add("plan.duplicate_id", ("indicators", i, "id"), value=iid)
                continue
            first[iid] = i
            ind = by_id.get(iid)
            if ind is None:
                continue
            refs = [("formula", r) for r in (ind.formula.ids if ind.formula else ())]
            refs += [("components", r) for r in ind.components]
            for key, ref in refs:
                if ref not in declared:
                    self.add("plan.unknown_ref", ("indicators", i, key), id=iid, ref=ref)
        graph = {ind.id: ind.formula.ids for ind in indicators if ind.formula}
        cyclic = on_cycles(graph)
        for start in graph:
            if start in cyclic:
                self.add("plan.cycle", ("indicators", first[start], "formula"), id=start)


def _number(value: float) -> str:
    """A number from targets.yaml as a message shows it."""
    if isinstance(value, int) and abs(value) < 10**16:
        return str(value)
    return f"{value:.6g}"


def read_plan(directory: Path, *, bundled: bool = False) -> tuple[Plan | None, list[Problem]]:
    """Read ``directory/targets.yaml``; return the plan (None if unusable) and every problem."""
    path = directory / TARGETS
    file = str(path)
    try:
        raw = read_limited(path, MAX_PLAN_BYTES, "plan.unreadable")
    except DataError as exc:
        return None, exc.problems
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return None, [Problem("plan.not_utf8", {}, file, line)]
    screened = screen_yaml(text, file)  # what would crash or hang the loader, or lose a value
    if screened:
        return None, screened
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        yline: int | None = mark.line + 1 if mark is not None else None
        ycol: int | None = mark.column + 1 if mark is not None else None
        code = (
            "plan.yaml_tag"
            if isinstance(exc, yaml.constructor.ConstructorError)
            else "plan.yaml_syntax"
        )
        reason = str(getattr(exc, "problem", None) or exc).splitlines()[0]
        return None, [Problem(code, {"reason": reason}, file, yline, ycol)]
    reader = _Reader(file, text)
    if not isinstance(data, Mapping):
        reader.add("plan.not_mapping", ())
        return None, reader.problems
    reader.unknown_keys(data, {"plan", "indicators", "statuses", "regions"}, ())
    meta = reader.meta(data.get("plan")) if "plan" in data else None
    reader.top = meta.region if meta else None
    regions = read_regions(reader, data.get("regions"), reader.top)
    if "plan" not in data:
        reader.add("plan.missing_key", (), key="plan")
    raw_inds = data.get("indicators")
    indicators: list[Indicator] = []
    if not isinstance(raw_inds, list) or not raw_inds:
        reader.add("plan.no_indicators", ("indicators",))
        raw_inds = []
    if len(raw_inds) > MAX_INDICATORS:
        reader.add("plan.too_many_indicators", ("indicators", MAX_INDICATORS),
                   count=len(raw_inds), limit=MAX_INDICATORS)  # fmt: skip
        return None, reader.problems
    for i, item in enumerate(raw_inds):
        ind = reader.indicator(item, i)
        if ind is not None:
            indicators.append(ind)
    reader.references(indicators, raw_inds)
    statuses = None
    if data.get("statuses") is not None:
        statuses = parse_statuses(reader, data["statuses"])
    from_csv, csv_problems = read_unit_targets(directory, tuple(indicators), reader.top or "")
    unit_targets, twice = duplicates([*reader.unit_targets, *from_csv])  # by (id, region)
    problems = [*reader.problems, *csv_problems, *twice]
    errors = [p for p in problems if p.severity == "error"]
    if meta is None or errors:
        return None, problems
    plan = Plan(
        meta,
        tuple(indicators),
        directory,
        bundled,
        statuses=statuses,
        regions=regions,
        regions_declared="regions" in data,
        unit_targets=tuple(unit_targets.values()),
    )
    keep_unit_values(plan, unit_targets)  # 52,200 targets: not gone through again
    return plan, problems


def load_plan(
    plan: str | os.PathLike[str] | None = None, warnings: list[Problem] | None = None
) -> Plan:
    """Resolve and read a plan; raise PlanError listing every error if it cannot be used.
    Warnings (an unknown key, a date written with a time) are appended to ``warnings``."""
    directory, bundled = resolve_plan_dir(plan)
    result, problems = read_plan(directory, bundled=bundled)
    errors = [p for p in problems if p.severity == "error"]
    if result is None:
        raise PlanError(problems=errors or problems)
    if warnings is not None:
        warnings.extend(problems)
    return result


def load_writable_plan(plan: str | os.PathLike[str] | None = None) -> Plan:
    """A plan that commands may write to: the bundled example is refused, with a pointer
    to ``ipplan init DIR``."""
    from ipplan.core.errors import ReadOnlyPlanError

    result = load_plan(plan)
    if result.bundled:
        raise ReadOnlyPlanError("store.read_only", path=str(result.directory))
    return result


__all__ = [
    "TARGETS",
    "IpplanError",
    "bundled_plan_dir",
    "load_plan",
    "read_plan",
    "resolve_plan_dir",
]
