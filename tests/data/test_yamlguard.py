"""The YAML screen: what would crash, hang or silently lose a value is found first."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from ipplan.data.plan import bundled_plan_dir
from ipplan.data.yamlguard import MAX_DEPTH, MAX_NODES, screen_yaml


def where(text: str) -> list[tuple[str, int | None, int | None]]:
    return [(p.code, p.line, p.column) for p in screen_yaml(text, "t.yaml")]


def test_real_plans_pass() -> None:
    for folder in (bundled_plan_dir(), Path(__file__).parent.parent / "corpus" / "valid_plan"):
        assert screen_yaml((folder / "targets.yaml").read_text("utf-8"), "t.yaml") == []


def test_nesting_deeper_than_the_limit() -> None:
    # The mapping is level 1: MAX_DEPTH − 1 brackets reach level MAX_DEPTH, fine.
    assert where("a: " + "[" * (MAX_DEPTH - 1) + "]" * (MAX_DEPTH - 1)) == []
    deep = "a: " + "[" * 5000 + "]" * 5000
    # bracket k stands at column 3 + k and is level 1 + k: bracket 50 (column 53) is 51.
    assert where(deep) == [("yaml.too_deep", 1, 3 + MAX_DEPTH)]


def test_an_alias_bomb_is_counted_not_expanded() -> None:
    # a: 1 + 10 = 11 nodes; b: 1 + 10·11 = 111; c: 1111; d: 11111; e: 111111 > 100000.
    lines = ["a: &a [" + ", ".join(["x"] * 10) + "]"]
    for prev, name in zip("abcd", "bcde", strict=True):
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{prev}"] * 10) + "]")
    start = time.perf_counter()
    found = where("\n".join(lines))
    assert time.perf_counter() - start < 1
    # before e: 1 (mapping) + 5 keys + 11 + 111 + 1111 + 11111 = 12350; e's "[" makes
    # 12351 and each *d adds 11111: 12351 + 8 · 11111 = 101239 > 100000 at the 8th *d,
    # "e: &e [" is 7 characters and each "*d, " 4: column 8 + 7 · 4 = 36.
    assert found == [("yaml.too_large", 5, 36)]
    assert MAX_NODES == 100_000


def test_duplicate_keys_in_one_mapping_only() -> None:
    text = "a:\n  x: 1\n  y: 2\n  x: 3\nb:\n  x: 4\n"
    assert where(text) == [("yaml.duplicate_key", 4, 3)]
    assert where("- {x: 1}\n- {x: 2}\n") == []


def test_impossible_dates_and_huge_integers() -> None:
    assert where("deadline: 2025-13-31\n") == [("yaml.bad_date", 1, 11)]
    assert where("deadline: 2025-02-29\n") == [("yaml.bad_date", 1, 11)]  # not a leap year
    assert where("deadline: 2024-02-29\n") == []
    assert where("value: " + "9" * 400 + "\n") == [("yaml.number_too_large", 1, 8)]
    assert where("value: 100000000000000000000\n") == []  # 1e20 is a float, if a big one


@pytest.mark.parametrize(
    "text", ['d: "2025-13-31"\n', "d: '2025-13-31'\n", "d: !!str 2025-13-31\n"]
)
def test_quoted_or_tagged_text_stays_text(text: str) -> None:
    assert where(text) == []


def test_syntax_errors_are_left_to_the_loader() -> None:
    assert where('a: "unterminated\n') == []
    assert where("a: [1, 2\n") == []
