"""Options shared by many commands, and the small helpers every command uses."""

from __future__ import annotations

import os
import shutil
import sys
from datetime import date
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer

from ipplan.core.errors import UsageError
from ipplan.core.i18n import Lang as Lang  # re-exported: the commands take it from here
from ipplan.render.registry import Format, ReportFormat, View

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping, Sequence

    from ipplan.analysis.series import Dataset
    from ipplan.core.errors import Problem
    from ipplan.core.model import Indicator, Observation, Plan
    from ipplan.engine.load import Table
    from ipplan.render.registry import Outputs

E = TypeVar("E", Format, ReportFormat)


# The language of messages printed outside the error edge (warnings); set by cli.app.main.
MESSAGE_LANG: Lang = Lang.ZH


PlanOpt = Annotated[
    str | None,
    typer.Option(
        "--plan",
        "-p",
        metavar="DIR",
        envvar="IPPLAN_PLAN",
        show_envvar=False,
        help="方案目录 plan folder (targets.yaml + actuals/); default $IPPLAN_PLAN, ., bundled",
    ),
]
AsOfOpt = Annotated[
    str | None,
    typer.Option(
        "--as-of",
        metavar="DATE",
        help="按某日已知数据 as known on DATE (YYYY-MM-DD); default today",
    ),
]
RegionOpt = Annotated[
    str | None,
    typer.Option("--region", "-r", metavar="NAME", help="地区 region; default the plan's own"),
]
LangOpt = Annotated[
    Lang,
    typer.Option(
        "--lang", envvar="IPPLAN_LANG", show_envvar=False, help="输出语言 output language"
    ),
]
IndicatorArg = Annotated[
    str, typer.Argument(metavar="ID", help="指标 id 或中文名 indicator id or name")
]
MethodOpt = Annotated[
    str, typer.Option("--method", help="预测方法 projection method: auto|linear|cagr|weighted")
]


def format_option(
    choices: Sequence[str], convert: Callable[[str], E], help: str = "输出格式 output format"
) -> Any:
    """``--format``/``-f`` with the choices of a command's renderers (the registry,
    :mod:`ipplan.render.registry`), listed in ``--help`` and checked as Typer checks a
    choice: the same message for a value that is not one of them."""

    def parse(value: object) -> E:
        text = value.value if isinstance(value, StrEnum) else str(value)
        if text not in choices:
            listed = ", ".join(repr(c) for c in choices)
            # Click's own error, not ValueError: Typer up to 0.28 (Click's FuncParamType)
            # keeps only the value of a ValueError's message
            raise typer.BadParameter(f"{text!r} is not one of {listed}.")
        return convert(text)

    metavar = "<" + "|".join(choices) + ">"
    return typer.Option("--format", "-f", metavar=metavar, parser=parse, help=help)


def formats(outputs: Outputs[Any]) -> Any:
    """The ``--format`` option of a command whose outputs are ``outputs``."""
    return format_option(outputs.choices(), Format)


def view(lang: Lang, *, ascii: bool = False) -> View:
    """How this terminal shows an output: the language, its width and colour."""
    return View(lang, width(), color_enabled(), ascii)


def check_method(method: str) -> None:
    """Refuse a --method that is neither auto nor a projection method."""
    from ipplan.analysis.project import METHODS

    if method != "auto" and method not in METHODS:
        raise UsageError("cli.bad_choice", option="--method", value=method,
                         allowed=" | ".join(("auto", *METHODS)))  # fmt: skip


def today() -> date:
    """The CLI's today: ``IPPLAN_TODAY`` (YYYY-MM-DD) when set, for tests and for
    reproducing a run; else :func:`ipplan.core.clock.today`. Only the CLI reads it: the core
    takes the day as a parameter."""
    from ipplan.core.clock import today as system_today

    pinned = os.environ.get("IPPLAN_TODAY", "").strip()
    if not pinned:
        return system_today()
    try:
        return date.fromisoformat(pinned)
    except ValueError:
        raise UsageError("cli.bad_today", value=pinned) from None


def parse_day(text: str | None) -> date:
    """--as-of: a date, default :func:`today`."""
    if text is None:
        return today()
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise UsageError("cli.bad_date", value=text) from None


def load(plan_dir: str | None) -> tuple[Plan, dict[str, list[Observation]]]:
    """The plan and all its observations; raises PlanError / DataError. Warnings (a file
    ignored, an uncertain encoding, a date with a time) are printed to stderr."""
    from ipplan.data.plan import load_plan

    warnings: list[Problem] = []
    plan = load_plan(plan_dir, warnings)
    observations, found = _read_rows(plan)
    warn([*warnings, *found])
    return plan, observations


def _read_rows(plan: Plan) -> tuple[dict[str, list[Observation]], list[Problem]]:
    """Every observation by the row parser, never halfway through a write, and the
    warnings."""
    from ipplan.data.actuals import load_actuals
    from ipplan.data.journal import read_consistently

    def read() -> tuple[dict[str, list[Observation]], list[Problem]]:
        found: list[Problem] = []  # afresh when read again
        return load_actuals(plan, found), found

    return read_consistently(plan.directory, read)


def warn(problems: list[Problem], printed: list[str] | None = None) -> None:
    """Warnings to stderr, one line each, in the language of the command line (and each
    line appended to ``printed``, when given)."""
    from ipplan.core.i18n import format_problem

    for problem in problems:
        line = format_problem(problem, MESSAGE_LANG)
        print(line, file=sys.stderr)
        if printed is not None:
            printed.append(line)


def load_any(
    plan_dir: str | None,
    printed: list[str] | None = None,
    loaded: tuple[Plan, list[Problem]] | None = None,
) -> tuple[Plan, Mapping[str, Sequence[Observation]], Table | None]:
    """The plan, its observations and, for a large plan, the engine's columns (then the
    observations are one per indicator and unit: enough to name the units). Warnings
    printed are also appended to ``printed``, when given. ``loaded``: the plan and its
    warnings, when the caller has read it already (not printed yet)."""
    from ipplan.data.journal import read_consistently
    from ipplan.data.plan import load_plan
    from ipplan.engine.size import is_large

    warnings: list[Problem] = []
    if loaded is None:
        the_plan = load_plan(plan_dir, warnings)
    else:
        the_plan, warnings = loaded
    if not is_large(the_plan):
        observations, found = _read_rows(the_plan)
        warn([*warnings, *found], printed)
        return the_plan, observations, None
    from ipplan.engine.load import read_table

    table = read_consistently(the_plan.directory, lambda: read_table(the_plan))
    warn([*warnings, *table.problems], printed)
    return the_plan, table.stubs(), table


def check_region(
    plan: Plan, observations: Mapping[str, Sequence[Observation]], region: str | None
) -> None:
    """Refuse a region that is no unit of the plan (a typo would otherwise show an empty
    plan), naming the closest units (广水 → 广水市)."""
    if region is None or region == plan.meta.region:
        return
    from ipplan.core.i18n import Listing
    from ipplan.data.units import closest_units, unit_names

    known = unit_names(plan, observations)
    if region not in known:
        listed = Listing.of(known, most=20)
        close = closest_units(region, known)
        if close:
            raise UsageError("cli.unknown_unit", value=region, close=Listing.of(close),
                             known=listed)  # fmt: skip
        raise UsageError("cli.unknown_region", value=region, known=listed)


def load_dataset(plan_dir: str | None, day: date, region: str | None) -> Dataset:
    """The plan's series as known on ``day`` in ``region`` (checked); its ``plan`` too."""
    from ipplan.analysis.series import Dataset

    plan, observations = load(plan_dir)
    check_region(plan, observations, region)
    return Dataset(plan, observations, day, region)


def load_indicator(
    plan_dir: str | None, day: date, region: str | None, indicator: str, lang: Lang
) -> tuple[Dataset, Indicator]:
    """:func:`load_dataset`, and the indicator named on the command line (an id or a
    name; an unknown one is refused before the region is checked)."""
    from ipplan.analysis.series import Dataset
    from ipplan.core.lookup import require_indicator

    plan, observations = load(plan_dir)
    found = require_indicator(plan, indicator, lang)
    check_region(plan, observations, region)
    return Dataset(plan, observations, day, region), found


def color_enabled() -> bool:
    """Colour only on a terminal, and never when NO_COLOR is set (no-color.org)."""
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return sys.stdout.isatty() and os.environ.get("TERM") != "dumb"


def width() -> int:
    """The terminal's width, 80 when piped."""
    if not sys.stdout.isatty():
        return int(os.environ.get("COLUMNS", 80))
    return shutil.get_terminal_size((80, 24)).columns


def emit(text: str | Sequence[bytes]) -> None:
    """Print ``text``; UTF-8 text in pieces as it is when stdout takes UTF-8 (no decoding
    and encoding again), else decoded."""
    try:
        out = getattr(sys.stdout, "buffer", None)
        if isinstance(text, str):
            sys.stdout.write(text)
        elif out is None or sys.stdout.encoding.lower().replace("-", "") != "utf8":
            sys.stdout.write(b"".join(text).decode("utf-8"))
        else:
            sys.stdout.flush()
            for piece in text:
                out.write(piece)
            out.flush()
        sys.stdout.flush()
    except BrokenPipeError:
        raise  # the reader went away (| head): not an error of ours
    except OSError as exc:  # > /dev/full, a full disk: one line, exit 3
        from ipplan.data.atomic import output_failed

        raise output_failed(exc, "stdout") from None
