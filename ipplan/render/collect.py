"""What `ipplan collect` prints: workbooks written, returns read, who is missing.

Pure functions from results to text (plain; names shown as text, never as markup).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from ipplan.collect.returns import Collected
from ipplan.collect.status import Return, UnitReturn
from ipplan.core.errors import Problem
from ipplan.core.i18n import Lang, format_problem
from ipplan.core.i18n import word as catalog_word
from ipplan.core.model import Observation, Plan
from ipplan.core.periods import Period
from ipplan.messages.collect import word
from ipplan.present.text import width as _width
from ipplan.render.changes import exact

MARKS = {Return.received: "✓", Return.warned: "!", Return.missing: "·"}


def render_made(paths: Sequence[Path], period: Period, lang: Lang) -> str:
    lines = [word("made", lang, n=len(paths), period=period)]
    lines += [f"  {p}" for p in paths]
    return "\n".join(lines) + "\n"


def _figure(plan: Plan, obs: Observation, lang: Lang) -> str:
    ind = plan.get(obs.indicator)
    name = ind.display_name(lang) if ind else obs.indicator
    return f"{name} {obs.indicator} {obs.period} = {exact(obs.value)}"


def render_collected(plan: Plan, collected: Collected, lang: Lang) -> str:
    """Per file: the counts, then each figure added or changed, each refusal, notice and
    warning, one per line."""
    lines = [
        f"{word('notice', lang)}{_colon(lang)}{format_problem(p, lang, prefix=False)}"
        for p in collected.skipped
    ]
    for ret in collected.files:
        ident = ret.identity
        lines.append(
            word(
                "file_head",
                lang,
                file=Path(ret.file).name,
                unit=ident.unit,
                period=ident.period,
                added=len(ret.added),
                changed=len(ret.changed),
                unchanged=len(ret.unchanged),
                refused=len(ret.refused),
            )
        )
        for problem in ret.notices:
            text = format_problem(problem, lang, prefix=False)
            lines.append(f"  {word('notice', lang)}{_colon(lang)}{text}")
        shown: set[int] = set()
        for obs in ret.added:
            lines.append(f"  {catalog_word('changes.added', lang)} {_figure(plan, obs, lang)}")
            lines += _warnings(plan, collected, obs, lang, shown)
        for old, new in ret.changed:
            lines.append(
                f"  {catalog_word('changes.changed', lang)} {_figure(plan, new, lang)}"
                + catalog_word("punct.paren", lang, text=f"{exact(old.value)} → {exact(new.value)}")
            )
            lines += _warnings(plan, collected, new, lang, shown)
        for obs in ret.unchanged:
            lines += _warnings(plan, collected, obs, lang, shown)
        for problem in ret.refused:
            lines.append(f"  {word('refused', lang)} {format_problem(problem, lang, prefix=False)}")
    if collected.dry_run:
        lines.append(word("dry_run", lang))
    elif any(r.written for r in collected.results):
        lines.append(word("written", lang, n=sum(1 for r in collected.results if r.written)))
    else:
        lines.append(word("nothing", lang))
    return "\n".join(lines) + "\n"


def _warnings(
    plan: Plan, collected: Collected, obs: Observation, lang: Lang, shown: set[int]
) -> list[str]:
    from ipplan.collect.warnings import obs_key

    out = []
    for problem in collected.warnings.get(obs_key(plan, obs), []):
        text = _bare(problem, lang)
        out.append(f"    {catalog_word('severity.warning', lang)}{_colon(lang)}{text}")
        shown.add(id(problem))
    return out


def render_status_table(rows: Sequence[UnitReturn], period: Period, lang: Lang) -> str:
    """Units down, indicators across as marks (✓ ! ·), the count per unit; the missing
    indicators of each unit by name below, so that the table stays within 80 columns."""
    n = len(rows[0].states) if rows else 0
    lines = [word("status_title", lang, period=period, n=n), word("status_legend", lang)]
    if rows:
        names = [ind.display_name(lang) for ind, _ in rows[0].states]
        lines += _wrapped(word("status_order", lang), names, lang)
    lines.append("")
    wide = max([4, *(_width(r.unit) for r in rows)])
    for row in rows:
        marks = "".join(MARKS[s] for _, s in row.states)
        count = f"{row.received}/{n}"
        pad = " " * (wide - _width(row.unit))
        lines.append(f"{row.unit}{pad}  {count:>7}  {marks}")
    lines.append("")
    for row in rows:
        if row.missing and row.received == 0:
            lines.append(word("status_none", lang, unit=row.unit, n=len(row.missing)))
        elif row.missing:
            label = word("status_missing_line", lang, unit=row.unit)
            lines += _wrapped(label, [ind.display_name(lang) for ind in row.missing], lang)
        for problem in row.warnings:
            text = _bare(problem, lang)
            lines.append(f"{row.unit} {catalog_word('severity.warning', lang)}{_colon(lang)}{text}")
    return "\n".join(lines).rstrip("\n") + "\n"


def _bare(problem: Problem, lang: Lang) -> str:
    """A warning beside a figure: what and how to fix, without the file it came from."""
    return format_problem(replace(problem, file=None), lang, prefix=False)


def _colon(lang: Lang) -> str:
    return catalog_word("punct.colon", lang)


def _wrapped(label: str, names: Sequence[str], lang: Lang, limit: int = 78) -> list[str]:
    """``label`` then the names joined by 、 (", " in English), cut into lines of at most
    ``limit`` columns."""
    sep = catalog_word("punct.enum", lang)
    lines, current = [], label
    for i, name in enumerate(names):
        piece = name + (sep if i < len(names) - 1 else "")
        if _width(current) + _width(piece) > limit and current.strip():
            lines.append(current)
            current = "  "
        current += piece
    return [*lines, current]


def render_status_json(rows: Sequence[UnitReturn], period: Period, lang: Lang) -> str:
    data = {
        "period": str(period),
        "units": [
            {
                "unit": row.unit,
                "received": row.received,
                "warned": row.count(Return.warned),
                "missing": len(row.missing),
                "indicators": {ind.id: state.value for ind, state in row.states},
                "warnings": [{"code": p.code, "message": _bare(p, lang)} for p in row.warnings],
            }
            for row in rows
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
