"""An actuals CSV file as raw records, to edit without disturbing what is not edited.

Each record keeps the exact text it was read with (quoting, line ends, extra columns);
only rows that are added or changed are written anew, with ``csv.writer``. Reading is
:func:`ipplan.data.actuals.read_rows` over the strict CSV reader (:mod:`ipplan.data.csvread`), as
for
``ipplan check`` and ``status``, and refuses a file with any error, so that an edit never
builds on a broken file. See :mod:`ipplan.data.store`.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from ipplan.core.errors import DataError, Problem
from ipplan.core.model import Indicator, Observation, Plan
from ipplan.data.actuals import BOM, COLUMNS, decode, read_rows
from ipplan.data.atomic import busy_or_failed
from ipplan.data.csvread import read_raw_records
from ipplan.data.safeio import MAX_ACTUALS_BYTES, read_limited
from ipplan.present.safe import spreadsheet_text

HEADER_ZH = {"period": "期间", "value": "数值", "region": "地区", "source": "来源",
             "note": "备注", "flag": "标记", "yoy": "同比", "published": "发布日期"}  # fmt: skip
NUMBER_COLUMNS = ("value", "yoy")  # written by number_text: "-5" is a number, not a formula
_NEWLINE = re.compile(r"\r\n|\n|\r")


@dataclass
class Row:
    cells: list[str]
    raw: str | None  # the exact text read; None once edited
    obs: Observation


@dataclass
class Table:
    path: Path
    old: bytes | None
    newline: str = "\n"
    header: list[str] = field(default_factory=lambda: list(COLUMNS))
    header_raw: str | None = None
    columns: dict[str, int] = field(default_factory=lambda: {c: i for i, c in enumerate(COLUMNS)})
    rows: list[Row] = field(default_factory=list)
    width: int = len(COLUMNS)  # the widest record, so an appended column never meets old cells


# ------------------------------------------------------------------------- cells


def stored_text(value: str | None) -> str | None:
    """Free text as stored: line breaks as \\n (a lone \\r would not be quoted by csv.writer
    and would split the row), stripped, and neutralised against spreadsheet formulas."""
    if value is None:
        return None
    text = value.replace("\r\n", "\n").replace("\r", "\n").strip()
    return spreadsheet_text(text) if text else None


def region_key(plan: Plan, region: str) -> str:
    """The key of a region: "" for the plan's own, however it was written."""
    region = region.strip()
    return "" if region in ("", plan.meta.region) else region


# ------------------------------------------------------------------------- reading


def read_table(plan: Plan, indicator: Indicator, path: Path) -> Table:
    """The file as rows to edit; DataError with every problem when it is not sound."""
    file = str(path)
    try:
        old = read_limited(path, MAX_ACTUALS_BYTES, "actuals.unreadable")  # regular files only
    except DataError as exc:
        if isinstance(exc.__cause__, FileNotFoundError):
            return Table(path, None)
        if isinstance(exc.__cause__, OSError):  # busy (Excel/WPS) or failed: its own message
            raise busy_or_failed(exc.__cause__, path) from None
        raise
    text = decode(old, file).lstrip("\ufeff")
    table = Table(path, old)
    if not text.strip():
        return table
    m = _NEWLINE.search(text)
    table.newline = m.group() if m else "\n"
    found = read_rows(read_raw_records(text), indicator, file, plan.meta.region)
    if found.problems:
        fix_first = Problem("store.fix_first", {"path": file}, file)
        raise DataError(problems=[*found.problems, fix_first])
    if found.header is not None:
        table.header, table.header_raw = found.header, found.header_raw
        table.columns, table.width = found.columns, found.width
    table.rows = [Row(cells, raw, obs) for (_, raw, cells), obs in found.rows]
    return table


# ------------------------------------------------------------------------- editing


def set_cells(table: Table, cells: list[str], values: Mapping[str, str]) -> list[str]:
    """``cells`` with the named columns set; a column the header lacks is appended to it
    (in Chinese when the header is Chinese) only when there is text to put in it."""
    for name, text in values.items():
        if name not in table.columns:
            if not text:
                continue
            zh = table.header[table.columns["period"]].strip() in HEADER_ZH.values()
            width = max(table.width, len(table.header))
            table.header = table.header + [""] * (width - len(table.header))
            table.header.append(HEADER_ZH[name] if zh else name)
            table.columns[name] = len(table.header) - 1
            table.width = len(table.header)
            table.header_raw = None
        i = table.columns[name]
        if i >= len(cells):
            if not text:
                continue
            cells = cells + [""] * (i + 1 - len(cells))
        # every text cell the tool writes is neutralised against formulas; numbers stay numbers
        cells[i] = text if name in NUMBER_COLUMNS else spreadsheet_text(text)
    return cells


def serialize(plan: Plan, table: Table) -> bytes:
    """The file's new bytes: BOM, header, rows sorted by region then period."""

    def line(cells: list[str]) -> str:
        out = io.StringIO()
        # "\r\n" so that a cell holding either character is quoted, whatever the file uses
        csv.writer(out, lineterminator="\r\n").writerow(cells)
        return out.getvalue()[:-2] + table.newline

    def ended(raw: str) -> str:
        return raw if raw.endswith(("\n", "\r")) else raw + table.newline

    def order(row: Row) -> tuple[bool, str, object]:
        region = region_key(plan, row.obs.region)
        return (region != "", region, row.obs.period.sort_key())

    parts = [ended(table.header_raw) if table.header_raw is not None else line(table.header)]
    for row in sorted(table.rows, key=order):
        parts.append(ended(row.raw) if row.raw is not None else line(row.cells))
    return BOM + "".join(parts).encode("utf-8")
