"""ipplan.render.regions_table at 80 columns: the matrix kept after the deadline (one
column between the words when two do not fit), units in the output language, a unit's
name never folded, the lagging units' lines broken between targets and indented."""

from __future__ import annotations

from pathlib import Path

import pytest

from ipplan.cli.app import main
from tests.render.at80 import lines, plain_80  # noqa: F401  (the fixture)

EXAMPLE = str(Path(__file__).resolve().parents[2] / "examples" / "counties-example")


def regions(capsys: pytest.CaptureFixture[str], *args: str) -> list[str]:
    return lines(capsys, "regions", *args)


def test_bundled_plan_after_the_deadline_is_one_compact_matrix(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # widths: 18 (  大洪山风景名胜区) + 5 × 6 (缺数据) + 2 × 10 (预计已完成, 预计未完成) = 68;
    # with two columns between seven words 82 > 80, with one 75 ≤ 80: the matrix stays
    lines = regions(capsys, "--as-of", "2026-11-30")
    assert lines[3] == "地区               1      2      3      4          5      6      7"
    assert lines[5] == "随州市             缺数据 缺数据 缺数据 预计已完成 缺数据 缺数据 预计未完成"
    assert lines[10] == "  大洪山风景名胜区 监测   监测   监测   监测       监测   监测   监测"
    assert lines[11].startswith("指标：1 有效发明专利")
    assert max(len(line) + sum(ord(c) > 0x2E80 for c in line) for line in lines) <= 80


def test_before_the_deadline_two_columns_between_words(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # 18 + 5 × 6 + 2 × 8 (进度正常, 严重滞后) + 2 × 7 = 78 ≤ 80: as it was
    lines = regions(capsys, "--as-of", "2025-06-30")
    assert (
        lines[5] == "随州市              缺数据  缺数据  缺数据  进度正常  缺数据  缺数据  严重滞后"
    )


def test_english_blocks_name_units_in_english_and_never_fold_a_name(
    capsys: pytest.CaptureFixture[str],
) -> None:
    lines = regions(capsys, "--as-of", "2026-11-30", "--lang", "en")
    assert lines[2] == "6 regions (including 随州市)"
    assert "1 Valid invention patents (items)" in lines  # not (件)
    assert not any("件" in line for line in lines)
    named = [line for line in lines if "大洪山" in line]
    assert len(named) == 7 and all("  大洪山风景名胜区 " in line for line in named)
    assert not any(line.startswith("胜区") for line in lines)  # was cut after 大洪山风景名


def test_one_unit_is_one_region(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    with pytest.raises(SystemExit):
        main(["init", str(tmp_path / "hb"), "--template", "hubei"])
    capsys.readouterr()
    lines = regions(capsys, "--plan", str(tmp_path / "hb"), "--as-of", "2026-11-30", "--lang", "en")
    assert lines[2] == "1 region (湖北省)"
    lines = regions(capsys, "--plan", str(tmp_path / "hb"), "--as-of", "2026-11-30")
    assert lines[1] == "1 个地区（即湖北省）"


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "zh",
            [
                "  示例市：有效注册商标量 预计未完成，有效发明专利 预计未完成，",
                "    专利授权量 预计未完成，每万人口发明专利拥有量 预计未完成",
                "  东城区：专利授权量 预计未完成，每万人口发明专利拥有量 预计未完成",
            ],
        ),
        (
            "en",
            [
                "  示例市: Valid registered trademarks likely missed,",
                "    Valid invention patents likely missed, Patent grants likely missed,",
                "    Invention patents per 10,000 people likely missed",
            ],
        ),
    ],
)
def test_lagging_lines_break_between_targets_and_are_indented(
    capsys: pytest.CaptureFixture[str], lang: str, expected: list[str]
) -> None:
    lines = regions(capsys, "--plan", EXAMPLE, "--as-of", "2026-11-30", "--lang", lang)
    start = lines.index(expected[0])
    assert lines[start : start + len(expected)] == expected
