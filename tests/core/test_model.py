"""ipplan.core.model: the Status enum (issue 8)."""

from __future__ import annotations

import json

from ipplan.core.model import STATUSES, Status


def test_status_is_its_string() -> None:
    # a str-valued enum: JSON, f-strings and comparisons see exactly the old strings
    assert json.dumps({"s": Status.on_track}) == '{"s": "on_track"}'
    assert f"{Status.moving_away}" == "moving_away"
    assert Status.missed == "missed" and Status("behind") is Status.behind
    assert {Status.achieved: 1}["achieved"] == 1


def test_status_rank_orders_best_to_worst_then_unjudged() -> None:
    worst_first = ["monitoring", "missed", "on_track", "insufficient_data", "behind",
                   "achieved", "moving_away", "off_track"]  # fmt: skip
    ranked = sorted((Status(s) for s in worst_first), key=lambda s: s.rank)
    assert [s.value for s in ranked] == [
        "achieved", "on_track", "behind", "off_track", "moving_away", "missed",
        "insufficient_data", "monitoring",
    ]  # fmt: skip
    assert tuple(ranked) == STATUSES
    assert [s.judged for s in ranked].count(False) == 2
    assert not Status.monitoring.judged and Status.missed.judged
