"""`ipplan check` on the command line: output, exit codes, width, colour."""

from __future__ import annotations

import contextlib
import io
import json
import shutil
from pathlib import Path

import pytest
from rich.cells import cell_len

from ipplan.cli.app import main
from ipplan.core.errors import Problem
from ipplan.data.plan import bundled_plan_dir
from ipplan.render.check import render_json, render_table

VALID = Path(__file__).parent.parent / "corpus" / "valid_plan"
HEADER = "period,value,region,source,note,flag,yoy,published\n"


def run(args: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            main(args)
            code = 0
        except SystemExit as exc:
            code = int(exc.code or 0)
    return code, out.getvalue(), err.getvalue()


def plan_with(tmp_path: Path, **files: str) -> Path:
    plan = tmp_path / "plan"
    shutil.copytree(VALID, plan)
    for stem, rows in files.items():
        (plan / "actuals" / f"{stem}.csv").write_text(HEADER + rows, encoding="utf-8")
    return plan


@pytest.fixture(autouse=True)
def _plain(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.delenv("IPPLAN_PLAN", raising=False)
    monkeypatch.delenv("IPPLAN_LANG", raising=False)
    monkeypatch.delenv("COLUMNS", raising=False)


def test_a_clean_plan_exits_0(tmp_path: Path) -> None:
    plan = plan_with(tmp_path)
    assert run(["check", "--plan", str(plan)]) == (0, "检查完毕，未发现问题。\n", "")
    assert run(["check", "--plan", str(plan), "--lang", "en"])[1] == "No problems found.\n"


def test_the_bundled_plan_passes() -> None:
    code, out, _ = run(["check", "--plan", str(bundled_plan_dir()), "--format", "json"])
    errors = [f for f in json.loads(out)["findings"] if f["severity"] == "error"]
    assert (code, errors) == (0, [])


def test_warnings_only_exit_0_and_the_json_has_every_field(tmp_path: Path) -> None:
    plan = plan_with(tmp_path, patents_valid="2021,8957,株洲市,,,,,\n2022-03,2307,株洲市,,,,,\n")
    code, out, err = run(["check", "--plan", str(plan), "--format", "json", "--lang", "en"])
    assert (code, err) == (0, "")
    data = json.loads(out)
    assert list(data) == ["findings"]
    assert data["findings"] == [
        {
            "severity": "warning",
            "code": "check.stock_drop",
            "file": str(plan / "actuals" / "patents_valid.csv"),
            "line": 3,
            "column": 2,
            "message": "patents_valid: down from 8,957 in 2021 to 2,307 in 2022-03 (−74.2%)",
            "hint": "a stock rarely falls by more than 30%: check the figure against its"
            " source; if the definition changed, put b in the flag column of this row",
        }
    ]


def test_an_error_exits_1_and_the_table_names_file_line_and_column(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan_with(tmp_path, patents_valid="2023,450,,,,,,\n2024-13,460,,,,,,\n")
    monkeypatch.chdir(tmp_path)
    code, out, err = run(["check", "--plan", "plan", "--lang", "en"])
    assert (code, err) == (1, "")
    assert out == (
        "plan/actuals/patents_valid.csv\n"
        "  3:1  error  [actuals.bad_period]\n"
        "    '2024-13' is not a period\n"
        "  → write 2024, 2024-Q1 or 2024-03\n"
        "\n"
        "1 error, 0 warnings.\n"
    )


def test_a_plan_folder_that_is_not_there_exits_3(tmp_path: Path) -> None:
    code, out, err = run(["check", "--plan", str(tmp_path / "nope"), "--lang", "en"])
    assert (code, out) == (3, "")
    assert err.startswith(f"error: {tmp_path / 'nope'}: plan folder does not exist")


def test_an_unknown_format_is_a_usage_error(tmp_path: Path) -> None:
    assert run(["check", "--plan", str(plan_with(tmp_path)), "--format", "csv"])[0] == 2


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_table_fits_80_columns(tmp_path: Path, lang: str) -> None:
    plan = plan_with(
        tmp_path,
        patents_valid="2021,8957,,,,,,\n2022,2307,,,,,,\n2023,abc,,,,,,\n",
        trademarks_valid="2022,20000,,,,,,\n2023,22000,,,,,12,\n",
        utility_grants="2023,1051,,,,,,\n",
        patents_per_10k="2023,3.1,,,,,,\n",
    )
    code, out, _ = run(["check", "--plan", str(plan), "--lang", lang])
    assert code == 1
    assert "\x1b" not in out
    widths = [cell_len(line) for line in out.splitlines()]
    assert max(widths) <= 80
    assert len([w for w in widths if w]) > 10


def test_control_characters_from_a_file_do_not_reach_the_terminal(tmp_path: Path) -> None:
    plan = plan_with(tmp_path, patents_valid="2023,\x1b[2J450,,,,,,\n")
    code, out, _ = run(["check", "--plan", str(plan), "--lang", "en"])
    assert code == 1
    assert "\x1b" not in out
    assert "\\x1b[2J450" in out


def test_renderers_are_pure_functions() -> None:
    problem = Problem("actuals.bad_period", {"value": "2024-13"}, "a.csv", 3, 1)
    warning = Problem("plan.unknown_key", {"key": "x", "allowed": "id"}, "t.yaml", 2, 3,
                      "warning")  # fmt: skip
    data = json.loads(render_json([problem, warning], "zh"))
    assert [f["message"] for f in data["findings"]] == [
        "期间“2024-13”无效",
        "未知的键“x”，将被忽略",
    ]
    table = render_table([warning, problem], "zh", width=60)
    assert table.splitlines()[0] == "t.yaml"
    assert table.splitlines()[-1] == "共 1 个错误、1 个警告。"
    english = render_table([problem], "en", width=60)
    assert english != render_table([problem], "zh", width=60)
    assert "2024-13" in english and "error" in english.lower()
