"""One key per word: a (zh, en) pair of the catalog stands under one key, so that an edit
of a word reaches every view that shows it. Two keys may share a pair only when they name
different things that may come to be worded apart; each such pair is listed here with why."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping

from ipplan.core.i18n import words

# Keys that share their (zh, en) pair on purpose, and why they stay apart.
SHARED: dict[frozenset[str], str] = {
    frozenset({"status.achieved", "verdict.achieved"}):
        "ipplan's status vs the national reviews' verdict (a plan's statuses: words: may reword)",
    frozenset({"status.missed", "verdict.missed"}):
        "ipplan's status vs the national reviews' verdict (a plan's statuses: words: may reword)",
    frozenset({"method.cagr", "report.cagr"}):
        "a method's name vs the report's sentence form of it (report.linear: 'the linear trend')",
    frozenset({"need.verb_level_up", "need.draft_reach_up"}):
        "need's target verb (down: 降至, fall to) vs a draft's bound (不超过, stay at or below)",
    frozenset({"report.t_sources", "report.s_sources"}):
        "a table's title vs an XLSX sheet's name (at most 31 characters, as every report.s_*)",
}  # fmt: skip


def shared(catalog: Mapping[str, Mapping[str, str]]) -> dict[frozenset[str], tuple[str, str]]:
    """Every group of keys (two or more) whose words are the same in both languages."""
    keys: dict[tuple[str, str], set[str]] = defaultdict(set)
    for key, entry in catalog.items():
        keys[(entry["zh"], entry["en"])].add(key)
    return {frozenset(group): pair for pair, group in keys.items() if len(group) > 1}


def test_shared_finds_a_word_under_two_keys() -> None:
    catalog = {
        "head.status": {"zh": "状态", "en": "Status"},
        "report.h_status": {"zh": "状态", "en": "Status"},
        "head.unit": {"zh": "单位", "en": "Unit"},
        "collect.head_unit": {"zh": "单位", "en": "unit"},  # another English word: not shared
    }
    assert shared(catalog) == {frozenset({"head.status", "report.h_status"}): ("状态", "Status")}


def test_a_word_stands_under_one_key() -> None:
    found = shared(words())
    unexplained = {", ".join(sorted(group)): pair for group, pair in found.items()}
    for group in SHARED:
        unexplained.pop(", ".join(sorted(group)), None)
    assert unexplained == {}  # fold each group into one key, or list it in SHARED with why


def test_every_listed_pair_is_still_shared() -> None:
    found = shared(words())
    assert [sorted(group) for group in SHARED if group not in found] == []
