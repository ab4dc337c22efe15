"""`ipplan init`: make a plan folder to edit."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from ipplan.cli.options import Lang, LangOpt, emit, warn
from ipplan.core.i18n import word


class Template(StrEnum):
    suizhou = "suizhou"
    blank = "blank"
    hubei = "hubei"


def init(
    directory: Annotated[str, typer.Argument(metavar="DIR", help="新方案目录 new plan folder")],
    template: Annotated[
        Template | None,
        typer.Option("--template", "-t", help="模板 suizhou (bundled plan) | blank | hubei"),
    ] = None,
    draft: Annotated[
        str | None,
        typer.Option("--from", metavar="FILE", help="草案 a draft targets.yaml (ipplan propose)"),
    ] = None,
    actuals_from: Annotated[
        str | None,
        typer.Option("--actuals-from", metavar="PLAN", help="复制该方案的实际值 copy actuals"),
    ] = None,
    lang: LangOpt = Lang.ZH,
) -> None:
    """新建方案目录 Make a plan folder to edit (targets.yaml + actuals/)."""
    from pathlib import Path

    from ipplan.core.errors import Problem, UsageError
    from ipplan.data.plan import TARGETS
    from ipplan.data.scaffold import create_plan

    if not directory.strip():
        raise UsageError("plan.empty_path")
    folder = Path(directory)
    contents = None
    if draft is not None:
        if template is not None:
            raise UsageError("init.from_with_template")
        from ipplan.data.draft import draft_files
        from ipplan.data.plan import load_plan

        old = load_plan(actuals_from) if actuals_from is not None else None
        contents = draft_files(Path(draft), old)
    elif actuals_from is not None:
        raise UsageError("init.actuals_without_from")
    chosen = (template or Template.suizhou).value
    removed: list[Problem] = []
    files = create_plan(folder, chosen, lang, contents, removed)
    warn(removed)
    kind, name = ("draft", _shell(draft)) if draft is not None else ("template", chosen)
    source = word(f"cli.init_{kind}", lang, name=name)
    files_word = word("cli.file_one" if len(files) == 1 else "cli.file_many", lang)
    emit(word("cli.init_done", lang, dir=_shell(folder), source=source, n=len(files),
              files=files_word, targets=_shell(folder / TARGETS)))  # fmt: skip


def _shell(path: object) -> str:
    """A path the next-step commands can be copied with: quoted only where a shell needs it
    (spaces, quotes, $ …), so Chinese names stay as they are."""
    import re
    import shlex

    text = str(path)
    return shlex.quote(text) if re.search(r"[\s'\"$`\\;&|<>()*?!#~{}\[\]]", text) else text
