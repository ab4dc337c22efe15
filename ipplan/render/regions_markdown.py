"""`ipplan regions --format markdown`: GitHub tables, data escaped.

Without ``--indicator``: units × targets, each cell the status and the attainment; with
it: the units ranked on that indicator."""

from __future__ import annotations

from collections.abc import Sequence

from ipplan.analysis.evaluate import Evaluation
from ipplan.analysis.regions import Ranked, targeted
from ipplan.core.i18n import Lang
from ipplan.present import fmt
from ipplan.present.cells import row as cells_of
from ipplan.present.final import status_text
from ipplan.present.labels import HEAD, label
from ipplan.present.markdown import cell, table
from ipplan.present.summary import header_line
from ipplan.render.regions_labels import word


def _ev(row: Ranked, iid: str) -> Evaluation | None:
    return next((e for e in row.result.evaluations if e.indicator.id == iid), None)


def _name(row: Ranked) -> str:
    return "\u3000" * max(row.unit.depth - 1, 0) + row.unit.name  # ideographic space: indent


def render_regions(rows: Sequence[Ranked], lang: Lang, indicator: str | None = None) -> str:
    plan = rows[0].result.plan
    parts = [f"# {cell(header_line(rows[0].result, lang))}\n\n"]
    if indicator is not None:
        ind = plan.get(indicator)
        assert ind is not None
        parts.append(cell(word("ranked_on", lang, name=ind.display_name(lang))) + "\n\n")
        heads = [word("rank", lang), label(HEAD, "region", lang)]
        keys = ("target", "latest", "period", "attainment", "growth", "status")
        heads += [label(HEAD, k, lang).replace("\n", " ") for k in keys]
        body = []
        for r in rows:
            rank = str(r.rank) if r.rank is not None else fmt.DASH
            ev = r.evaluation
            if ev is None:
                body.append([rank, _name(r)] + [fmt.DASH] * 6)
                continue
            c = cells_of(ev, lang, r.result.time_elapsed)
            body.append([rank, _name(r), c.target, c.latest, c.period, c.attainment, c.growth,
                         status_text(ev, r.result, lang)])  # fmt: skip
        parts.append(table(heads, body, "rlrrlrrl"))
    else:
        ids = targeted(rows)
        inds = [plan.get(i) for i in ids]
        names = [i.display_name(lang) for i in inds if i is not None]
        heads = [label(HEAD, "region", lang), *names]
        body = []
        for r in rows:
            line = [_name(r)]
            for iid in ids:
                ev = _ev(r, iid)
                if ev is None:
                    line.append(fmt.DASH)
                    continue
                text = status_text(ev, r.result, lang)
                if ev.attainment is not None:
                    text += f" {fmt.percent(ev.attainment)}"
                line.append(text)
            body.append(line)
        parts.append(table(heads, body, "l" * len(heads)))
    parts.append("\n" + cell(word("own_target_only", lang)) + "\n")
    return "".join(parts)
