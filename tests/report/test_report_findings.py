"""A report's data-quality findings keep their whole message (a "; " inside it is no cut
to the hint), and the final evaluation's lead reads as English."""

from __future__ import annotations

from pathlib import Path

import pytest

from ipplan.cli.app import main

EXAMPLE = str(Path(__file__).resolve().parents[2] / "examples" / "counties-example")


def report(capsys: pytest.CaptureFixture[str], lang: str) -> str:
    with pytest.raises(SystemExit) as done:
        main(["report", "--plan", EXAMPLE, "--as-of", "2026-11-30", "--format", "markdown",
              "--output", "-", "--lang", lang])  # fmt: skip
    out, err = capsys.readouterr()
    assert done.value.code in (0, None), err
    return out


def test_a_finding_with_a_semicolon_is_shown_whole(capsys: pytest.CaptureFixture[str]) -> None:
    text = report(capsys, "en")
    # was cut at its "; ": "…not 示例市's 1,000 (off by -50 | warning |"
    assert (
        "the units' targets add up to 950, not 示例市's 1,000 (off by -50; 东城区 600 + "
        "西山县 250 + 南湖县 100) | warning |"
    ) in text
    assert "check the units' figures" not in text  # the hint stays out
    zh = report(capsys, "zh")
    assert "相差 -50（东城区 600 + 西山县 250 + 南湖县 100） | 警告 |" in zh


def test_the_final_lead_in_english(capsys: pytest.CaptureFixture[str]) -> None:
    text = report(capsys, "en")
    assert "**The plan ran until end-2025. Of 4 targets, 4 awaited" in text
    assert "ended on end-2025" not in text
    assert "By 2026-11-30, 3 units had not reported 2025 figures: 东城区 (" in text  # not unit(s)
