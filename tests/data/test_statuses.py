"""The `statuses:` block of targets.yaml (ipplan.data.statuses): defaults, values, problems."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from ipplan.data.plan import read_plan
from ipplan.data.statuses import DEFAULT, Scheme

PLAN = """\
plan: {id: t, title: 测试, region: 某市, baseline: "2021", deadline: 2023-12-31}
indicators:
  - {id: a, name: 甲, target: {type: level, value: 200}}
"""


def read(
    tmp_path: Path, block: str
) -> tuple[object, list[tuple[str, int | None, int | None, str]]]:
    (tmp_path / "targets.yaml").write_text(PLAN + block, encoding="utf-8")
    plan, problems = read_plan(tmp_path)
    return plan, [(p.code, p.line, p.column, p.severity) for p in problems]


def test_no_block_keeps_the_defaults(tmp_path: Path) -> None:
    plan, problems = read(tmp_path, "")
    assert problems == []
    assert plan.statuses is None  # type: ignore[attr-defined]
    assert (DEFAULT.ahead, DEFAULT.on_course, DEFAULT.green, DEFAULT.yellow) == (
        Decimal("1.05"), Decimal("0.95"), Decimal(10), Decimal(30),
    )  # fmt: skip


def test_a_full_block(tmp_path: Path) -> None:
    block = (
        "statuses:\n  scheme: lights\n  thresholds: {ahead: 1.1, on_course: 1}\n"
        "  lights: {green: 0, yellow: 10}\n  words: {lagging: 进度滞后}\n"
        "  words_en: {lagging: behind schedule}\n"
    )
    plan, problems = read(tmp_path, block)
    assert problems == []
    s = plan.statuses  # type: ignore[attr-defined]
    assert s.scheme is Scheme.lights
    assert (s.ahead, s.on_course, s.green, s.yellow) == (
        Decimal("1.1"), Decimal("1"), Decimal(0), Decimal(10),
    )  # fmt: skip
    assert s.word("lagging", "zh") == "进度滞后"
    assert s.word("lagging", "en") == "behind schedule"
    assert s.word("ahead", "zh") is None
    assert hash(plan)  # a plan with a statuses: block stays hashable, as frozen records are


def test_every_problem_with_its_place(tmp_path: Path) -> None:
    block = (
        "statuses:\n"  # line 4
        "  scheme: lamps\n"  # 5: bad choice at column 11
        "  thresholds: {on_course: -1, ahead: yes}\n"  # 6: -1 at col 27, yes at col 38
        "  lights: {green: 40, yellow: 20}\n"  # 7: yellow below green (20 at col 31)
        "  words: {ahead: " + "快" * 21 + ", bogus: x}\n"  # 8: too long (col 18), unknown key
        "  colours: {}\n"  # 9: unknown key
    )
    plan, problems = read(tmp_path, block)
    assert plan is None
    assert ("plan.bad_choice", 5, 11, "error") in problems
    assert ("plan.bad_type", 6, 38, "error") in problems
    assert ("statuses.not_positive", 6, 27, "error") in problems
    assert ("statuses.order", 7, 31, "error") in problems
    assert ("statuses.bad_word", 8, 18, "error") in problems
    assert any(p[0] == "plan.unknown_key" and p[1] == 8 for p in problems)
    assert any(p[0] == "plan.unknown_key" and p[1] == 9 for p in problems)


def test_a_block_that_is_not_a_mapping(tmp_path: Path) -> None:
    plan, problems = read(tmp_path, "statuses: lights\n")
    assert plan is None
    assert problems == [("plan.bad_type", 4, 11, "error")]


def test_words_with_control_characters_and_huge_numbers_are_refused(tmp_path: Path) -> None:
    block = 'statuses:\n  words: {ahead: "\\e[2J快", lagging: "A\\u202eB"}\n'
    plan, problems = read(tmp_path, block)
    assert plan is None
    assert [p[0] for p in problems] == ["statuses.bad_word", "statuses.bad_word"]
    plan, problems = read(tmp_path, "statuses:\n  thresholds: {ahead: 10000000}\n")
    assert [p[0] for p in problems] == ["plan.bad_type"]
