"""The terminal view of `ipplan regions` (rich), rendered to a string.

Three layouts: a matrix of units × targets (status words, coloured as in `status`) when
it fits the width; one block per indicator (units as rows) when it does not, so that no
text is cut; and, with ``--indicator``, the units ranked on that indicator.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich import box
from rich.cells import cell_len
from rich.console import Console
from rich.table import Table
from rich.text import Text

from ipplan.analysis.evaluate import Evaluation, PlanEvaluation
from ipplan.analysis.regions import Ranked, lagging, targeted
from ipplan.analysis.verdicts import ended
from ipplan.core.i18n import Lang
from ipplan.core.i18n import word as catalog_word
from ipplan.present import fmt
from ipplan.present.cells import row as cells_of
from ipplan.present.final import missed, shown_status, status_text
from ipplan.present.labels import HEAD, STYLE, TEXT, label
from ipplan.present.safe import safe_text
from ipplan.present.summary import header_line
from ipplan.render.console import string_console, text_of
from ipplan.render.regions_labels import word


def _t(text: str, style: str = "") -> Text:
    """Text from files, shown and never run: no rich markup ([red]), and control
    characters (ANSI escapes, bidi overrides) written out as \\xNN, \\uNNNN."""
    return Text(safe_text(text), style=style)


def _name(row: Ranked) -> Text:
    return _t("  " * row.unit.depth + row.unit.name)


def _ev(row: Ranked, indicator_id: str) -> Evaluation | None:
    return next((e for e in row.result.evaluations if e.indicator.id == indicator_id), None)


def _status(ev: Evaluation | None, lang: Lang, result: PlanEvaluation) -> Text:
    """The status word as `status` shows it (after the deadline: the final evaluation's)."""
    if ev is None:
        return Text(fmt.DASH)
    return Text(status_text(ev, result, lang), style=STYLE[ev.status])


def render_regions(
    rows: Sequence[Ranked],
    lang: Lang,
    *,
    indicator: str | None = None,
    width: int = 80,
    color: bool = False,
) -> str:
    console = string_console(width, color)
    console.print(_t(header_line(rows[0].result, lang), "bold"))
    ids = [indicator] if indicator is not None else targeted(rows)
    plan = rows[0].result.plan
    console.print(_t(word("units", lang, n=len(rows), top=plan.meta.region)))
    if not ids:
        console.print(word("no_targets", lang))
        return text_of(console)
    if indicator is not None:
        _ranked(console, rows, indicator, lang)
    elif not _matrix(console, rows, ids, lang, width):
        for i, iid in enumerate(ids, start=1):
            _block(console, rows, iid, i, lang)
    console.print()
    console.print(word("own_target_only", lang))
    for i, line in enumerate(_lagging(rows, ids, lang)):
        console.print(_t(line, "bold" if i == 0 else ""))
    return text_of(console)


def _matrix(console: Console, rows: Sequence[Ranked], ids: list[str], lang: Lang,
            width: int) -> bool:  # fmt: skip
    """Units × targets with status words; False (nothing printed) when it would not fit."""
    plan = rows[0].result.plan
    cells = [[_status(_ev(r, iid), lang, r.result) for iid in ids] for r in rows]
    heads = [str(i) for i in range(1, len(ids) + 1)]
    widths = [max([cell_len(h)] + [c[j].cell_len for c in cells]) for j, h in enumerate(heads)]
    name_w = max([_name(r).cell_len for r in rows] + [cell_len(label(HEAD, "region", lang))])
    if name_w + sum(widths) + 2 * len(ids) > width:
        return False
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, padding=(0, 0, 0, 1))
    table.add_column(label(HEAD, "region", lang), no_wrap=True, min_width=name_w)
    for head, w in zip(heads, widths, strict=True):
        table.add_column(head, no_wrap=True, min_width=w)
    for r, row_cells in zip(rows, cells, strict=True):
        table.add_row(_name(r), *row_cells)
    console.print()
    console.print(table)
    names = [
        f"{i} {ind.display_name(lang)}"
        for i, iid in enumerate(ids, start=1)
        if (ind := plan.get(iid)) is not None
    ]
    names[0] = word("legend", lang) + names[0]
    for line in _wrap(names, width):
        console.print(_t(line))
    if any(e is not None and e.final for r in rows for e in map(lambda i: _ev(r, i), ids)):
        console.print(f"* {label(TEXT, 'final', lang)}")
    return True


def _wrap(items: list[str], width: int) -> list[str]:
    """Items on lines of at most ``width`` cells, never breaking inside an item."""
    lines: list[str] = []
    current = ""
    for item in items:
        joined = f"{current}  {item}" if current else item
        if current and cell_len(joined) > width:
            lines.append(current)
            current = item
        else:
            current = joined
    return [*lines, current] if current else lines


def _figure_cells(ev: Evaluation | None, lang: Lang, elapsed: float) -> list[str]:
    if ev is None:
        return [fmt.DASH] * 4
    c = cells_of(ev, lang, elapsed)
    latest = f"{c.latest} ({c.period})" if ev.latest else c.latest
    return [c.target, latest, c.attainment, c.growth]


def _figure_heads(lang: Lang) -> list[str]:
    return [label(HEAD, k, lang).replace("\n", " ") for k in ("target", "latest", "attainment",
                                                              "growth")]  # fmt: skip


def _block(console: Console, rows: Sequence[Ranked], iid: str, number: int, lang: Lang) -> None:
    """One indicator: a row per unit with its target, latest value, attainment, status."""
    ind = rows[0].result.plan.get(iid)
    assert ind is not None
    unit = catalog_word("line.unit_after", lang, unit=ind.unit) if ind.unit else ""
    console.print()
    console.print(_t(f"{number} {ind.display_name(lang)}{unit}", "bold"))
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, padding=(0, 0, 0, 1))
    table.add_column(label(HEAD, "region", lang), overflow="fold")
    for head in _figure_heads(lang):
        table.add_column(head, justify="right", overflow="fold")
    table.add_column(label(HEAD, "status", lang), no_wrap=True)
    for r in rows:
        ev = _ev(r, iid)
        cells = [_t(c) for c in _figure_cells(ev, lang, r.result.time_elapsed)]
        table.add_row(_name(r), *cells, _status(ev, lang, r.result))
    console.print(table)


def _ranked(console: Console, rows: Sequence[Ranked], iid: str, lang: Lang) -> None:
    ind = rows[0].result.plan.get(iid)
    assert ind is not None
    console.print(_t(word("ranked_on", lang, name=ind.display_name(lang))))
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, padding=(0, 0, 0, 1))
    table.add_column(word("rank", lang), justify="right", no_wrap=True)
    table.add_column(label(HEAD, "region", lang), overflow="fold")
    for head in _figure_heads(lang):
        table.add_column(head, justify="right", overflow="fold")
    table.add_column(label(HEAD, "status", lang), no_wrap=True)
    for r in rows:
        ev = r.evaluation
        rank = str(r.rank) if r.rank is not None else fmt.DASH
        cells = [_t(c) for c in _figure_cells(ev, lang, r.result.time_elapsed)]
        table.add_row(rank, _name(r), *cells, _status(ev, lang, r.result))
    console.print()
    console.print(table)


def _lagging(rows: Sequence[Ranked], ids: list[str], lang: Lang) -> list[str]:
    """The units behind on a target, one line each with the targets it lags on."""
    sep = catalog_word("punct.comma", lang)
    colon = catalog_word("punct.colon", lang)
    over = bool(rows) and ended(rows[0].result)  # then: missed or projected to miss
    found = missed(rows, ids) if over else lagging(rows, ids)
    lines = [
        f"  {row.unit.name}{colon}"
        + sep.join(
            f"{e.indicator.display_name(lang)} {shown_status(e, row.result, lang)}" for e in evs
        )
        for row, evs in found
    ]
    if not lines:
        return [word("no_lagging", lang)]
    return [word("lagging", lang), *lines]
