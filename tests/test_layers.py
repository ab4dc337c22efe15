"""The layers of the package, read from the imports of every module (those inside
functions too): core < present < render, report < cli."""

from __future__ import annotations

import ast
from pathlib import Path

import ipplan

ROOT = Path(ipplan.__file__).parent


def _imports(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


def _layer(path: Path) -> str:
    parts = path.relative_to(ROOT).parts
    if parts == ("__main__.py",):  # ``python -m ipplan``: the CLI's entry
        return "cli"
    return parts[0] if parts[0] in ("present", "render", "report", "cli") else "core"


def _under(name: str, packages: tuple[str, ...]) -> bool:
    """Whether ``name`` is one of the packages or within one: rich.text is rich's."""
    return any(name == p or name.startswith(p + ".") for p in packages)


def _offences(layer: str, forbidden: tuple[str, ...], allowed: tuple[str, ...] = ()) -> list[str]:
    out = []
    for path in sorted(ROOT.rglob("*.py")):
        if _layer(path) != layer:
            continue
        for name in sorted(_imports(path)):
            if _under(name, forbidden) and not _under(name, allowed):
                out.append(f"{path.relative_to(ROOT)} imports {name}")
    return out


def test_under() -> None:
    assert _under("rich.text", ("rich",)) and _under("rich", ("rich",))
    assert not _under("richer", ("rich",))


def test_the_core_imports_no_presentation_renderer_or_cli() -> None:
    forbidden = ("ipplan.render", "ipplan.report", "ipplan.cli", "typer", "rich")
    assert _offences("core", forbidden) == []


def test_the_presentation_layer_is_below_render_and_report() -> None:
    forbidden = ("ipplan.render", "ipplan.report", "ipplan.cli", "typer", "rich")
    assert _offences("present", forbidden) == []


def test_reports_use_the_presentation_layer_not_the_cli_renderers() -> None:
    # the one registry of formats is the only module of render/ a report may name
    forbidden = ("ipplan.render", "ipplan.cli", "typer", "rich")
    assert _offences("report", forbidden, ("ipplan.render.registry",)) == []


def test_renderers_never_reach_up_into_the_cli() -> None:
    assert _offences("render", ("ipplan.cli", "typer")) == []
