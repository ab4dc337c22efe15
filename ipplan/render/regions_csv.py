"""`ipplan regions --format csv`: one row per (unit, indicator), the columns of `status`
--format csv after region, parent, code and rank; text cells neutralised."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from ipplan.analysis.regions import Ranked
from ipplan.core.i18n import Lang
from ipplan.render.csv import COLUMNS, render_status

REGION_COLUMNS = ("region", "parent", "code", "rank")


def render_regions(rows: Sequence[Ranked], lang: Lang, indicator: str | None = None) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow((*REGION_COLUMNS, *COLUMNS))
    for row in rows:
        # the status CSV of this unit, read back: one source for the indicator columns
        body = list(csv.reader(io.StringIO(render_status(row.result, lang))))[1:]
        unit = row.unit
        lead = [_text(unit.name), _text(unit.parent), _text(unit.code),
                "" if row.rank is None else str(row.rank)]  # fmt: skip
        for cells in body:
            if indicator is None or cells[0] == indicator:
                writer.writerow([*lead, *cells])
    return out.getvalue()


def _text(value: str | None) -> str:
    from ipplan.present.safe import spreadsheet_text

    return "" if value is None else spreadsheet_text(value)
