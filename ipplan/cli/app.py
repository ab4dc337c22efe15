"""The Typer application and the error edge: the only place errors become messages."""

from __future__ import annotations

import contextlib
import os
import sys
from typing import Annotated

import typer

from ipplan import __version__
from ipplan.cli import options
from ipplan.cli.check import check
from ipplan.cli.collect import app as collect_app
from ipplan.cli.imports import import_file
from ipplan.cli.init import init
from ipplan.cli.need import need
from ipplan.cli.propose import propose
from ipplan.cli.record import record
from ipplan.cli.regions import regions
from ipplan.cli.report import report
from ipplan.cli.show import show
from ipplan.cli.status import status
from ipplan.core.i18n import Lang, word
from ipplan.present.safe import safe_text

app = typer.Typer(
    name="ipplan",
    help="ipplan：知识产权强市建设方案目标跟踪 Track the targets of a city's IP plan.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"ipplan {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool | None,
        typer.Option(
            "--version", "-V", callback=_version, is_eager=True, help="显示版本 show the version"
        ),
    ] = None,
) -> None:
    """ipplan：知识产权强市建设方案目标跟踪 Track the targets of a city's IP plan."""


app.command("status")(status)
app.command("regions")(regions)
app.command("show")(show)
app.command("check")(check)
app.command("record", context_settings={"ignore_unknown_options": True})(record)
app.command("import")(import_file)
app.command("init")(init)
app.command("report")(report)
app.command("need")(need)
app.command("propose")(propose)
app.add_typer(collect_app, name="collect")


def _lang(argv: list[str]) -> Lang:
    """The output language, read early so that errors before option parsing use it too."""
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            return Lang.EN if argv[i + 1] == "en" else Lang.ZH
        if arg.startswith("--lang="):
            return Lang.EN if arg.split("=", 1)[1] == "en" else Lang.ZH
    return Lang.EN if os.environ.get("IPPLAN_LANG") == "en" else Lang.ZH


def _click_errors() -> tuple[type[Exception], type[Exception]]:
    """Click's ClickException and Abort, as the Typer in use provides them (recent Typer
    versions vendor Click privately, older ones depend on it: find them through a public
    Typer class rather than a private module path)."""
    mro = typer.BadParameter.__mro__
    click_exception = next(c for c in mro if c.__name__ == "ClickException")
    return click_exception, typer.Abort


def _usage_line(exc: Exception, args: list[str], lang: Lang) -> str:
    """A usage error as one line of formats.md: ``error: what; how to fix``, in the
    user's language for the common ones (:mod:`ipplan.cli.usage`)."""
    from ipplan.cli.usage import choice_line, usage_text

    try:  # Click's attributes read by name: if one ever changes, its own text is kept
        choice, text = choice_line(exc, lang), usage_text(exc, lang)
    except Exception:
        choice = text = None
    if choice is not None:
        return choice
    if text is None:
        text = exc.format_message() if hasattr(exc, "format_message") else str(exc)
        text = safe_text(" ".join(text.split()).rstrip("."))
    command = next((a for a in args if not a.startswith("-")), None)
    where = f"ipplan {command} --help" if command and command in _commands() else "ipplan --help"
    return word("cli.usage", lang, text=text, where=where)


def _commands() -> set[str]:
    return {c.name or "" for c in app.registered_commands} | {
        g.name or "" for g in app.registered_groups
    }


def _terminal_size() -> None:
    """COLUMNS and LINES as every reader of them (rich, click, ``width()``) can use them: a
    value that is not a whole number (COLUMNS: of at least 20; LINES: at least 1) is
    dropped, so the terminal's own size (80 columns when piped) is used; one past 1000 is
    capped, so that no line is padded to millions of cells."""
    for name, least in (("COLUMNS", 20), ("LINES", 1)):
        raw = os.environ.get(name)
        if raw is None:
            continue
        digits = raw.strip()
        if not (digits.isascii() and digits.isdigit()) or int(digits[:5]) < least:
            del os.environ[name]
        elif len(digits) > 4 or int(digits) > 1000:
            os.environ[name] = "1000"


def main(argv: list[str] | None = None) -> None:
    """Run the CLI; turn every error into one line per problem and its exit code."""
    from ipplan.core.errors import IpplanError, Problem
    from ipplan.core.i18n import format_problem
    from ipplan.data.signals import Interrupted, handle_signals, interrupted_problem

    args = list(sys.argv[1:] if argv is None else argv) or ["--help"]
    lang = _lang(args)
    _terminal_size()
    options.MESSAGE_LANG = lang  # for warnings printed on the way
    for stream in (sys.stdout, sys.stderr):  # a GBK console must not crash on a rare character
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")
    command = typer.main.get_command(app)
    click_exception, abort = _click_errors()
    try:
        with handle_signals():  # SIGINT/SIGTERM/SIGHUP: one line, exit 128 + signal number
            result = command.main(args=args, prog_name="ipplan", standalone_mode=False)
        code = result if isinstance(result, int) else 0
    except Interrupted as exc:
        with contextlib.suppress(OSError):  # SIGHUP: the terminal may be gone
            print(format_problem(interrupted_problem(exc), lang), file=sys.stderr)
        code = exc.exit_code
    except IpplanError as exc:
        for problem in exc.problems:
            print(format_problem(problem, lang), file=sys.stderr)
        code = exc.exit_code
    except click_exception as exc:
        print(_usage_line(exc, args, lang), file=sys.stderr)
        code = getattr(exc, "exit_code", 2)
    except (abort, KeyboardInterrupt):
        code = 130
    except BrokenPipeError:
        code = 0
    except Exception as exc:  # a bug: still no traceback for the user, but a clear report
        if os.environ.get("IPPLAN_DEBUG"):
            raise
        bug = Problem("internal.error", {"kind": type(exc).__name__, "reason": exc})
        print(format_problem(bug, lang), file=sys.stderr)
        code = 70
    sys.exit(code)
