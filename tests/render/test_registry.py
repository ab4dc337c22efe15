"""The registry of renderers: every ``--format`` choice of the CLI has a renderer, every
renderer is reachable from the CLI, and each renders what its command shows."""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from typing import Any

import pytest
import typer

from ipplan.cli.app import app, main
from ipplan.core.errors import Problem
from ipplan.render.outputs import CHECK, COMMANDS, STATUS, StatusData
from ipplan.render.registry import (
    REPORTS,
    Format,
    Outputs,
    Renderer,
    ReportFormat,
    extension,
    report_renderer,
)


def _commands(group: Any, prefix: str = "") -> Iterator[tuple[str, Any]]:
    for name, command in group.commands.items():
        path = f"{prefix}{name}"
        if hasattr(command, "commands"):
            yield from _commands(command, path + " ")
        else:
            yield path, command


def _format_choices() -> dict[str, tuple[str, ...]]:
    """Each CLI command with a --format, and the choices its --help lists."""
    found: dict[str, tuple[str, ...]] = {}
    for path, command in _commands(typer.main.get_command(app)):
        for param in command.params:
            if "--format" in getattr(param, "opts", ()):
                metavar = param.metavar
                assert metavar.startswith("<") and metavar.endswith(">"), (path, metavar)
                found[path] = tuple(metavar[1:-1].split("|"))
    return found


def test_every_format_choice_has_a_renderer_and_every_renderer_is_reachable() -> None:
    choices = _format_choices()
    by_command = {outputs.command: outputs for outputs in COMMANDS}
    assert set(choices) == set(by_command) | {"report"}
    for command, listed in choices.items():
        if command == "report":
            assert listed == tuple(r.name for r in REPORTS)
            for name in listed:
                assert report_renderer(ReportFormat(name)).name == name
            continue
        outputs: Outputs[Any] = by_command[command]
        assert listed == outputs.choices()  # every renderer is offered, in its order
        for name in listed:
            assert outputs.get(Format(name)).name == name
        assert len(set(listed)) == len(listed)


def test_every_report_format_has_one_renderer() -> None:
    assert [r.format for r in REPORTS] == list(ReportFormat)
    assert {r.name: r.extension for r in REPORTS} == {
        "docx": "docx",
        "xlsx": "xlsx",
        "html": "html",
        "markdown": "md",
        "json": "json",
    }
    assert [r.name for r in REPORTS if r.binary] == ["docx", "xlsx"]
    assert [r.name for r in REPORTS if r.draws_charts] == ["docx", "html"]


def test_extensions_of_the_cli_formats() -> None:
    assert {f.value: extension(f) for f in Format} == {
        "table": "txt",
        "json": "json",
        "csv": "csv",
        "markdown": "md",
        "yaml": "yaml",
    }
    assert not any(r.binary for outputs in COMMANDS for r in outputs.renderers)


def test_a_format_a_command_has_not_is_refused() -> None:
    with pytest.raises(ValueError, match="check has no csv output"):
        CHECK.get(Format.csv)


def test_renderers_satisfy_the_protocol() -> None:
    # checked by mypy: each registered renderer is a Renderer of its data
    status: Renderer[StatusData, str] = STATUS.get(Format.table)
    check: Renderer[Sequence[Problem], str] = CHECK.get(Format.json)
    report: Renderer[Any, bytes] = report_renderer(ReportFormat.markdown)
    assert (status.name, check.name, report.extension) == ("table", "json", "md")


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exit_info:
        main(list(args))
    out, err = capsys.readouterr()
    return int(exit_info.value.code or 0), out, err


@pytest.fixture(autouse=True)
def _plain(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "100")
    monkeypatch.delenv("IPPLAN_PLAN", raising=False)
    monkeypatch.delenv("IPPLAN_LANG", raising=False)


ARGS = {
    "status": ["status", "--as-of", "2024-12-31"],
    "regions": ["regions", "--as-of", "2024-12-31"],
    "show": ["show", "trademarks_valid", "--as-of", "2024-12-31"],
    "check": ["check"],
    "need": ["need", "trademarks_valid", "--as-of", "2024-12-31"],
    "propose": ["propose", "--horizon", "2030", "--as-of", "2025-06-30"],
    "collect status": ["collect", "status", "--period", "2024"],
}


@pytest.mark.parametrize(
    ("command", "name"),
    [(o.command, r.name) for o in COMMANDS for r in o.renderers],
)
def test_each_renderer_is_what_its_choice_prints(
    capsys: pytest.CaptureFixture[str], command: str, name: str
) -> None:
    code, out, err = _run(capsys, *ARGS[command], "-f", name)
    assert code in (0, 1), err  # check exits 1 when it finds an error
    if name == "json":
        json.loads(out)
    elif name == "csv":
        assert out.startswith("id,") or out.startswith("region"), out[:40]
    elif name == "markdown":
        assert out.startswith("# "), out[:40]
    elif name == "yaml":
        assert "plan:" in out
    else:
        assert out.strip()


def test_a_choice_of_another_command_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _run(capsys, "show", "trademarks_valid", "-f", "csv", "--lang", "en")
    assert code == 2 and out == ""
    assert err == "error: --format / -f cannot be 'csv'; choose one of: table | json\n"
