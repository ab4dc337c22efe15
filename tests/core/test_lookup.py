"""ipplan.core.lookup: the one indicator lookup every command uses (issue 8)."""

from __future__ import annotations

import pytest

from ipplan.core.errors import UsageError
from ipplan.core.i18n import Lang, format_problem
from ipplan.core.lookup import find_indicator, require_indicator, suggest, unknown_indicator
from ipplan.data.plan import bundled_plan_dir, load_plan

PLAN = load_plan(bundled_plan_dir())


@pytest.mark.parametrize(
    "text",
    [
        "trademarks_valid",
        "TRADEMARKS_VALID",
        "ｔｒａｄｅｍａｒｋｓ_valid",  # full-width letters, NFKC folds them
        "有效注册商标量",
        "有效注册商标量（件）",  # the name with its unit in full-width brackets
        "有效注册商标量 (件)",
        " 有效 注册商标量 ",
        "Valid registered trademarks",
    ],
)
def test_every_spelling_finds_the_indicator(text: str) -> None:
    found = find_indicator(PLAN, text)
    assert found is not None and found.id == "trademarks_valid"


def test_lookup_among_indicators_as_well_as_a_plan() -> None:
    found = find_indicator(PLAN.indicators, "有效注册商标量（件）")
    assert found is not None and found.id == "trademarks_valid"


def test_unknown_names_none() -> None:
    assert find_indicator(PLAN, "") is None
    assert find_indicator(PLAN, "（件）") is None
    assert find_indicator(PLAN, "nothing_like_it") is None


def test_full_width_typo_suggests_the_nearest_first() -> None:
    # the old show lookup compared casefolded text without NFKC and suggested gi_valid
    assert suggest(PLAN, "ｔｒａｄｅｍａｒｋ_valid")[0].id == "trademarks_valid"


def test_the_problem_names_the_closest_in_the_language() -> None:
    # the language is the message's, chosen when it is shown (import and collect, which
    # raise before the language is known, wrote "id（名称）" in English messages too)
    found = unknown_indicator(PLAN, "trademark_valid")
    assert found.code == "store.unknown_indicator_close"
    zh, en = format_problem(found, Lang.ZH), format_problem(found, Lang.EN)
    assert "是否指：trademarks_valid（有效注册商标量）" in zh
    assert "did you mean: trademarks_valid (Valid registered trademarks)" in en
    assert "（" not in en and "、" not in en
    assert unknown_indicator(PLAN, "zzzz").code == "store.unknown_indicator"


def test_require_indicator_is_a_usage_error() -> None:
    assert require_indicator(PLAN, "ｇｉ_valid").id == "gi_valid"
    with pytest.raises(UsageError) as caught:
        require_indicator(PLAN, "trademark_valid")
    assert [p.code for p in caught.value.problems] == ["store.unknown_indicator_close"]
