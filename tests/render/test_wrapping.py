"""Prose in the terminal at 80 columns (show, status, propose): no line starts with a
closing mark (。，：）), and a wrapped line goes on indented under what it continues."""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.cells import cell_len

from ipplan.cli.app import main
from tests.render.at80 import lines, plain_80  # noqa: F401  (the fixture)

MARKS = tuple("，。、；：？！）」』”’》〉】")


def run(capsys: pytest.CaptureFixture[str], *args: str) -> list[str]:
    found = lines(capsys, *args)
    assert all(cell_len(line) <= 80 for line in found)
    return found


def test_show_never_starts_a_line_with_a_full_stop(capsys: pytest.CaptureFixture[str]) -> None:
    lines = run(capsys, "show", "trademarks_valid", "--as-of", "2026-11-30")
    assert not [line for line in lines if line.startswith(MARKS)]
    # was "…能否完成取决于今后的增速，把握不大" then "。" alone on a line
    assert "大。" in lines


def test_show_sources_go_on_under_their_period(capsys: pytest.CaptureFixture[str]) -> None:
    lines = run(capsys, "show", "trademarks_valid", "--as-of", "2026-11-30", "--lang", "en")
    at = lines.index("Sources:")
    block = lines[at + 1 : lines.index("Flags: e estimated")]
    assert block[0].startswith("  2021: seed 000_cdda7d93c0d0518a.txt: “2023年")  # was cut
    assert [line[:4] for line in block] == ["  20", "    ", "  20", "    ", "    ", "  20", "    "]
    # a formula goes on indented by two
    at = next(i for i, line in enumerate(lines) if line.startswith("years left 2.00"))
    assert lines[at + 1] == "  deadline 2025-12-31 ÷ 365.25"


def test_status_count_lines_go_on_indented(capsys: pytest.CaptureFixture[str]) -> None:
    lines = run(capsys, "status", "--as-of", "2026-11-30")
    at = next(i for i, line in enumerate(lines) if line.startswith("待终值："))
    assert lines[at + 1].startswith("  理标志18.3（预计未完成）")
    at = next(i for i, line in enumerate(lines) if line.startswith("缺数据："))
    assert lines[at + 1].startswith("  拥有有效注册商标量")


def test_status_cards_break_between_figures(capsys: pytest.CaptureFixture[str]) -> None:
    example = str(Path(__file__).resolve().parents[2] / "examples" / "counties-example")
    lines = run(capsys, "status", "--plan", example, "--as-of", "2026-11-30", "--lang", "en")
    at = lines.index("Patent grants  likely missed  Final: awaited")
    assert lines[at + 1 : at + 3] == [
        "  Target cum. 6,000 · Latest 4,600 (2024) · Attain. 76.7% ·",
        "  Progress/time 48/100% · Growth need/act 1,401/1,150 · 2025 proj. 6,000",
    ]  # was "… · Progress/time" then "48/100% · …" at the left edge


def test_propose_legend_never_starts_a_line_with_a_colon(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    with pytest.raises(SystemExit):
        main(["init", str(tmp_path / "hb"), "--template", "hubei"])
    capsys.readouterr()
    lines = run(capsys, "propose", "--horizon", "2030", "--plan", str(tmp_path / "hb"),
                "--as-of", "2026-11-30")  # fmt: skip
    assert not [line for line in lines if line.startswith(MARKS)]
    assert lines[-1] == "  中：历史上各期滚动预测中实际达到建议值的次数"
