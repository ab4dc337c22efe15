"""The public API of the core library (README's example)."""

from __future__ import annotations

from datetime import date

import ipplan
import ipplan.analysis.evaluate  # importing the submodule must not hide the public function


def test_status_is_a_function_after_the_submodules_are_imported() -> None:
    plan = ipplan.load_plan(None)
    result = ipplan.status(plan, as_of=date(2024, 12, 31))
    assert plan.bundled
    assert result.as_of == date(2024, 12, 31)
    by_id = {e.indicator.id: e for e in result.evaluations}
    # 22542 / 30000 = 0.7514 (bundled actuals/trademarks_valid.csv, 2023)
    assert by_id["trademarks_valid"].attainment == 22542 / 30000
