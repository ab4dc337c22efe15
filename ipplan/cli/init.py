"""`ipplan init`: make a plan folder to edit."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from ipplan.cli.options import Lang, LangOpt, emit


class Template(StrEnum):
    suizhou = "suizhou"
    blank = "blank"


DONE = {
    "zh": "已新建方案目录 {dir}（模板 {template}，{n} 个文件）。\n"
    "下一步：编辑 {targets}，然后运行 ipplan check --plan {dir} 和 ipplan status --plan {dir}\n",
    "en": "made the plan folder {dir} (template {template}, {n} files).\n"
    "Next: edit {targets}, then run ipplan check --plan {dir} and ipplan status --plan {dir}\n",
}


def init(
    directory: Annotated[str, typer.Argument(metavar="DIR", help="新方案目录 new plan folder")],
    template: Annotated[
        Template, typer.Option("--template", "-t", help="模板 suizhou (bundled plan) | blank")
    ] = Template.suizhou,
    lang: LangOpt = Lang.zh,
) -> None:
    """新建方案目录 Make a plan folder to edit (targets.yaml + actuals/)."""
    from pathlib import Path

    from ipplan.errors import UsageError
    from ipplan.plan import TARGETS
    from ipplan.scaffold import create_plan

    if not directory.strip():
        raise UsageError("plan.empty_path")
    folder = Path(directory)
    files = create_plan(folder, template.value, lang.value)
    emit(DONE[lang.value].format(dir=_shell(folder), template=template.value, n=len(files),
                                 targets=_shell(folder / TARGETS)))  # fmt: skip


def _shell(path: object) -> str:
    """A path the next-step commands can be copied with: quoted only where a shell needs it
    (spaces, quotes, $ …), so Chinese names stay as they are."""
    import re
    import shlex

    text = str(path)
    return shlex.quote(text) if re.search(r"[\s'\"$`\\;&|<>()*?!#~{}\[\]]", text) else text
