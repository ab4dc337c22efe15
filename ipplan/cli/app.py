"""The Typer application and the error edge: the only place errors become messages."""

from __future__ import annotations

import os
import sys
from typing import Annotated

import typer

from ipplan import __version__
from ipplan.cli.report import report
from ipplan.cli.status import status

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
app.command("report")(report)


def _lang(argv: list[str]) -> str:
    """The output language, read early so that errors before option parsing use it too."""
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            return "en" if argv[i + 1] == "en" else "zh"
        if arg.startswith("--lang="):
            return "en" if arg.split("=", 1)[1] == "en" else "zh"
    return "en" if os.environ.get("IPPLAN_LANG") == "en" else "zh"


def main(argv: list[str] | None = None) -> None:
    """Run the CLI; turn every ipplan error into one line per problem and its exit code.

    Typer (in standalone mode) handles usage errors itself: message on stderr, exit 2.
    """
    from ipplan.errors import IpplanError
    from ipplan.i18n import format_problem

    args = list(sys.argv[1:] if argv is None else argv)
    lang = _lang(args)
    command = typer.main.get_command(app)
    try:
        command.main(args=args, prog_name="ipplan", standalone_mode=True)
        code = 0
    except IpplanError as exc:
        for problem in exc.problems:
            print(format_problem(problem, lang), file=sys.stderr)  # type: ignore[arg-type]
        code = exc.exit_code
    except KeyboardInterrupt:
        code = 130
    except BrokenPipeError:
        code = 0
    except Exception as exc:  # a bug: still no traceback for the user, but a clear report
        if os.environ.get("IPPLAN_DEBUG"):
            raise
        what = "内部错误" if lang == "zh" else "internal error"
        hint = (
            "请设置 IPPLAN_DEBUG=1 重试并报告"
            if lang == "zh"
            else "rerun with IPPLAN_DEBUG=1 and report it"
        )
        print(f"error: {what}: {type(exc).__name__}: {exc}; {hint}", file=sys.stderr)
        code = 70
    sys.exit(code)
