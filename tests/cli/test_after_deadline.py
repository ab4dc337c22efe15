"""After the deadline every view words a target as the final evaluation does (methods.md,
"Final"): 已完成 / 未完成 once the deadline figure is in, else what the projection implies
(预计已完成 / 预计未完成); no pace word (进度正常, 需加快…) next to 待终值. And the status
header names the region the same way in both languages."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from ipplan.cli.app import main
from ipplan.core.i18n import Lang
from ipplan.data.plan import bundled_plan_dir
from ipplan.present.labels import status_word

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "counties-example"
BUNDLED = str(bundled_plan_dir())
PACE = [status_word(s, lang) for s in ("on_track", "behind", "off_track") for lang in Lang]


@pytest.fixture(autouse=True)
def _plain_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "80")
    for name in ("IPPLAN_PLAN", "IPPLAN_LANG", "IPPLAN_DEBUG", "FORCE_COLOR"):
        monkeypatch.delenv(name, raising=False)


def run(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    with pytest.raises(SystemExit) as exc:
        main(list(args))
    out, err = capsys.readouterr()
    assert exc.value.code in (0, None), err
    return out


def test_status_after_the_deadline_shows_final_words_not_the_pace(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # No 2025 figure yet. Trademarks: 22,542 (2023), projection 30,847 ≥ 30,000 → 预计已完成
    # (the pace said 进度正常); GIs: 17 (2023), projection 18.3 < 20 → 预计未完成 (严重滞后).
    out = run(capsys, "status", "--as-of", "2026-11-30")
    table = out.split("\n\n")[1]
    assert not any(word in table for word in PACE), table
    tm = next(line for line in table.splitlines() if line.startswith("有效注册商标量"))
    gi = next(line for line in table.splitlines() if line.startswith("有效地理标志"))
    assert tm.endswith("30,847 预计已完成") and gi.endswith("18.3 预计未完成")
    # the final count replaces the pace count; the awaited line replaces the bare note
    assert "7 项目标：" not in out and "已过截止日期，待最终数据" not in out
    assert "终期评估：7 项中 0 项已完成，待终值 7 项" in out
    md = run(capsys, "status", "--as-of", "2026-11-30", "--format", "markdown", "--lang", "en")
    assert "| 30,847 | likely achieved | awaited |" in md
    assert "| 18.3 | likely missed | awaited |" in md
    assert not any(f"| {word} |" in md for word in PACE) and "7 targets:" not in md


def test_show_after_the_deadline_words_the_status_as_status_does(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # the same targets as above: show's status line gives the final words, not the pace
    # (was "状态：进度正常（已过截止日期…）" beside status's 预计已完成);
    # before the deadline the pace
    tm = run(capsys, "show", "trademarks_valid", "--as-of", "2026-11-30").splitlines()
    assert "状态：预计已完成（已过截止日期，截止期数据未出，以下仍是预测）" in tm
    gi = run(capsys, "show", "gi_valid", "--as-of", "2026-11-30", "--lang", "en")
    assert "Status: likely missed (deadline passed" in gi
    before = run(capsys, "show", "trademarks_valid", "--as-of", "2025-06-30").splitlines()
    assert "状态：进度正常" in before


def test_status_midterm_after_the_deadline_counts_in_the_status_words(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # --evaluation midterm chooses the evaluation column's words; the status column still
    # words each target as the final evaluation (预计已完成…), so its count is the final
    # one and the awaited line replaces the bare note, as without the option; the mid-term
    # count follows. Trademarks: actual 17.0% against required 15.4% a year, ratio ≈ 1.10
    # ≥ 1.05 → 快于预期; GIs 3.7% against 8.5%, ratio ≈ 0.44 < 0.95 → 滞后; 5 lack data.
    for fmt in ("table", "markdown"):
        out = run(capsys, "status", "--as-of", "2026-11-30", "-e", "midterm", "-f", fmt)
        assert "7 项目标：" not in out and "已过截止日期，待最终数据" not in out
        final = out.index("终期评估：7 项中 0 项已完成，待终值 7 项")
        awaited = out.index("待终值：尚无2025的数据")
        midterm = out.index("中期评估：7 项中 1 项基本符合或快于预期")
        assert final < awaited < midterm
    assert (
        "中期评估：7 项中 1 项基本符合或快于预期（其中快于预期 1 项），滞后 1 项，无法评估 5 项"
        in out
    )
    out = run(capsys, "status", "--as-of", "2026-11-30", "-e", "midterm", "--lang", "en")
    assert "7 targets:" not in out and "Final evaluation: 0 of 7 achieved" in out
    assert "Mid-term evaluation: 1 of 7 on course or ahead (1 ahead), 1 lagging" in out


def test_status_before_the_deadline_keeps_the_pace(capsys: pytest.CaptureFixture[str]) -> None:
    out = run(capsys, "status", "--as-of", "2025-06-30")
    assert "进度正常" in out and "7 项目标：" in out and "预计已完成" not in out


def _final_counties(tmp_path: Path) -> Path:
    """The made-up counties with 2025 figures for the city and 东城区."""
    plan = tmp_path / "plan"
    shutil.copytree(EXAMPLE, plan)
    rows = {"trademarks_valid": "2025,20500,,x,,,,\n2025,10500,东城区,x,,,,\n",
            "invention_patents_valid": "2025,1000,,x,,,,\n2025,600,东城区,x,,,,\n",
            "patent_grants": "2025,1400,,x,,,,\n2025,700,东城区,x,,,,\n"}  # fmt: skip
    for name, text in rows.items():
        with (plan / "actuals" / f"{name}.csv").open("a", encoding="utf-8") as f:
            f.write(text)
    return plan


def test_status_with_every_final_figure_in(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # 东城区's own targets: trademarks 10,000 (10,500 ≥ it), invention patents 600 (600),
    # patent grants cumulative 3,000 from 2021 (500+550+600+650+700 = 3,000), per 10,000
    # people 20 (600 / 500,000 × 10,000 = 12 < 20): three 已完成*, one 未完成*.
    plan = str(_final_counties(tmp_path))
    out = run(capsys, "status", "--plan", plan, "--region", "东城区", "--as-of", "2026-11-30")
    assert out.count("已完成*") == 3 and out.count("未完成*") == 1
    assert "终期评估：4 项中 3 项已完成，未完成 1 项" in out
    assert "4 项目标：" not in out and "已过截止日期" not in out and "待终值" not in out


def test_regions_after_the_deadline_shows_final_words(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # 西山县 trademarks: 4,000 → 5,600 (2021–2024), target 6,000. Growth (5,600/4,000)^(1/3)
    # = 1.1187 a year, so 2025 ≈ 6,265 ≥ 6,000 → 预计已完成 (the pace word was 进度正常).
    # 南湖县 trademarks: 2,500 → 3,100, (3,100/2,500)^(1/3) = 1.0743, 2025 ≈ 3,330 < 4,000
    # → 预计未完成 (was 严重滞后).
    plan = str(_final_counties(tmp_path))
    out = run(capsys, "regions", "--plan", plan, "--as-of", "2026-11-30")
    assert not any(word in out for word in PACE), out
    rows = {line.split()[0]: line.split()[1:] for line in out.splitlines() if "  " in line}
    assert rows["东城区"] == ["已完成*", "已完成*", "已完成*", "未完成*"]
    assert rows["西山县"][0] == "预计已完成" and rows["南湖县"][0] == "预计未完成"
    # the laggards are those that missed or are projected to miss, as in the report
    assert "  东城区：每万人口发明专利拥有量 未完成" in out
    assert "  南湖县：有效注册商标量 预计未完成" in out
    md = run(capsys, "regions", "--plan", plan, "--as-of", "2026-11-30", "-f", "markdown")
    assert "| 南湖县 | 预计未完成 77.5% |" in md  # 3,100 / 4,000 = 77.5 %
    ranked = run(capsys, "regions", "--plan", plan, "--as-of", "2026-11-30",
                 "--indicator", "trademarks_valid", "--lang", "en")  # fmt: skip
    assert "likely missed" in ranked and not any(word in ranked for word in PACE)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_header_names_a_units_region_in_both_languages(
    capsys: pytest.CaptureFixture[str], lang: str
) -> None:
    words = {"zh": "地区：", "en": "region: "}[lang]
    plain = run(capsys, "status", "--as-of", "2024-12-31", "--lang", lang, "-f", "markdown")
    assert words not in plain.splitlines()[0]  # the plan's own region goes without saying
    unit = run(capsys, "status", "--as-of", "2024-12-31", "--lang", lang, "-f", "markdown",
               "--region", "曾都区")  # fmt: skip
    assert unit.splitlines()[0].endswith(f" · {words}曾都区")
