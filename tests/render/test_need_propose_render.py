"""The need and propose renderers: readable at 80 columns, plain when piped, and the core
modules behind them free of typer and rich."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date

from rich.cells import cell_len

from ipplan.analysis.need import Step, need
from ipplan.analysis.propose import Candidate, Method, Proposal, Proposals
from ipplan.analysis.series import Dataset
from ipplan.data.actuals import load_actuals
from ipplan.data.plan import load_plan
from ipplan.render.need import render_need_text
from ipplan.render.propose import draft_plan, render_propose_table


def test_need_text_fits_80_columns() -> None:
    plan = load_plan(None)
    data = Dataset(plan, load_actuals(plan), date(2024, 12, 31))
    units = {i.id: i.unit for i in plan.indicators}
    for lang in ("zh", "en"):
        names = {i.id: i.display_name(lang) for i in plan.indicators}
        for ind in plan.indicators:
            if ind.target is None or ind.target.value is None:
                continue
            text = render_need_text(need(plan, ind, data, Step.month), lang, units, names)
            assert all(cell_len(line) <= 80 for line in text.splitlines()), ind.id
            assert "\x1b[" not in text


def _proposals() -> tuple[Proposals, object]:
    plan = load_plan(None)
    ind = plan.get("trademarks_valid")
    assert ind is not None
    candidates = (Candidate(0.5, 31000.7), Candidate(0.8, 29000.2))
    found = Proposal(ind, None, Method.drift_log, candidates, 6, True)
    return Proposals(2030, date(2026, 11, 30), "随州市", (0.5, 0.8), (found,)), plan


def test_propose_table_fits_80_columns_and_has_no_colour() -> None:
    result, _ = _proposals()
    for lang in ("zh", "en"):
        text = render_propose_table(result, lang, width=80, color=False)
        assert all(cell_len(line) <= 80 for line in text.splitlines())
        assert "\x1b[" not in text
        assert "31,001" in text and "29,000" in text


def test_the_draft_keeps_the_probability_and_rounds_towards_it() -> None:
    result, plan = _proposals()
    draft = draft_plan(plan, result, 0.8, "zh")  # type: ignore[arg-type]
    entry = next(i for i in draft["indicators"] if i["id"] == "trademarks_valid")
    # 29000.2 for an increase: cut down to two decimals, 29000.2 (never rounded up)
    assert entry["target"]["value"] == 29000.2
    assert "80%" in entry["target"]["source"]
    assert draft["plan"]["deadline"] == date(2030, 12, 31)
    assert draft["plan"]["baseline"] == "2025"  # the last full year before 2026-11-30
    # indicators without a proposal stay, without a target (formulas keep their operands)
    assert "target" not in next(i for i in draft["indicators"] if i["id"] == "population")


def test_need_and_propose_cores_import_neither_typer_nor_rich() -> None:
    script = (
        "import ipplan.analysis.need, ipplan.analysis.propose, ipplan.analysis.stats\n"
        "import ipplan.data.draft, sys, json\n"
        "print(json.dumps(sorted(sys.modules)))\n"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                         timeout=60, check=True).stdout  # fmt: skip
    roots = {name.split(".")[0] for name in json.loads(out)}
    assert not roots & {"typer", "rich", "pandas"}


def test_propose_table_on_hubei_keeps_every_column_and_whole_words_at_80() -> None:
    # Hubei's template as of 2026-11-30: nine indicators, invention_patents_per_10k has 4
    # points and one rolling forecast (origin 4 of … n - 1 = 4: 1 forecast, reached at both
    # probabilities). The backtest column used to be cut off ("Back", "回测命") and English
    # names broken inside a word ("Geographical-indica" / "tion").
    from ipplan.analysis.propose import propose_plan
    from ipplan.data.scaffold import TEMPLATE_DIR

    plan = load_plan(TEMPLATE_DIR / "hubei")
    data = Dataset(plan, load_actuals(plan), date(2026, 11, 30), None)
    result = propose_plan(plan, data, 2030, (0.5, 0.8), "auto")
    for lang, head, tested in (("en", "Backtest", "1/1 of 1"), ("zh", "回测命中", "1/1（共1）")):
        text = render_propose_table(result, lang, width=80, color=False)
        lines = text.splitlines()
        assert all(cell_len(line) <= 80 for line in lines)
        assert lines[1].rstrip().endswith(head), lines[1]
        assert tested in text
    text = render_propose_table(result, "en", width=80, color=False)
    assert text.count("Geographical-indication ") == 2  # GI trademarks and GI products
    assert "数据不足：少于" in render_propose_table(result, "zh", width=80, color=False)
