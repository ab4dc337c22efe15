"""The bad-input corpus: every file in tests/corpus/ (and a few made here from bytes) is
dropped into a copy of a small valid plan; `ipplan status` must refuse it (exit 3) and
`ipplan check` must report it (exit 1), naming the file, line and column, without a
traceback, and without changing a byte of the plan folder.

Each entry: the corpus file, where it goes, the code expected, and its line and column
(None where the problem has none), worked out by reading the file:
- targets.yaml lines are those of tests/corpus/valid_plan/targets.yaml; the target value
  of patents_valid is on line 16, its value after "      value: " (13 characters) at
  column 14; the formula of patents_per_10k is on line 27, its opening quote at column 14
  after "    formula: ", so formula character n is at column 14 + n.
- actuals rows: line 1 is the header period(1),value(2),region(3),source(4),note(5),
  flag(6),yoy(7),published(8); the first data row is line 2.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from ipplan.cli.app import main

CORPUS = Path(__file__).parent / "corpus"
VALID = CORPUS / "valid_plan"
CSV_DEST = "actuals/patents_valid.csv"
HEADER = b"period,value,region,source,note,flag,yoy,published\n"


@dataclass(frozen=True)
class Bad:
    name: str  # a file in tests/corpus/, or the name of a case made from bytes below
    code: str
    line: int | None
    column: int | None

    @property
    def dest(self) -> str:
        return "targets.yaml" if self.name.endswith(".yaml") else CSV_DEST


# Made from bytes here rather than committed (encodings, binary, size).
GENERATED: dict[str, bytes] = {
    "yaml_gbk.yaml": VALID.joinpath("targets.yaml").read_text("utf-8").encode("gbk"),
    "yaml_bom_then_gbk.yaml": b"\xef\xbb\xbf"
    + VALID.joinpath("targets.yaml").read_text("utf-8").encode("gbk"),
    "csv_gbk_undecodable_byte.csv": HEADER + b"2023,\x80,,,,,,\n",
    "csv_bom_then_gbk.csv": b"\xef\xbb\xbf" + HEADER + "2023,450,,,有效,,,\n".encode("gbk"),
    "csv_binary_png.csv": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00",
    "csv_nul_byte_in_value.csv": HEADER + b"2023,4\x0050,,,,,,\n",
    "csv_field_too_large.csv": HEADER + b"2023,450,," + b"x" * 140_000 + b",,,,\n",
}

CASES = [
    # ---------------------------------------------------------------- targets.yaml
    # "    name: " is 10 characters, the quote at 11, 每万人口 at 12-15: the end at 16.
    Bad("yaml_truncated_in_string.yaml", "plan.yaml_syntax", 24, 16),
    # the file ends after "      value" (6 + 5 characters) on line 30.
    Bad("yaml_truncated_mid_key.yaml", "plan.yaml_syntax", 30, 12),
    Bad("yaml_tab_indentation.yaml", "plan.yaml_syntax", 20, 1),
    # "    note: " is 10 characters: the tag at 11 on the inserted line 20.
    Bad("yaml_python_tag_os_system.yaml", "plan.yaml_tag", 20, 11),
    Bad("yaml_python_name_tag.yaml", "plan.yaml_tag", 16, 14),
    Bad("yaml_empty.yaml", "plan.not_mapping", None, None),
    Bad("yaml_only_comment.yaml", "plan.not_mapping", None, None),
    Bad("yaml_top_level_list.yaml", "plan.not_mapping", 1, 1),
    # "indicators: " is 12 characters.
    Bad("yaml_indicators_not_a_list.yaml", "plan.no_indicators", 9, 13),
    Bad("yaml_target_value_text.yaml", "plan.bad_type", 16, 14),
    Bad("yaml_target_value_inf.yaml", "plan.value_out_of_range", 16, 14),
    Bad("yaml_target_value_nan.yaml", "plan.bad_type", 16, 14),
    Bad("yaml_target_value_1e400.yaml", "plan.value_out_of_range", 16, 14),
    Bad("yaml_target_value_400_digits.yaml", "yaml.number_too_large", 16, 14),
    # "  deadline: " and "  baseline: " are 12 characters.
    Bad("yaml_deadline_month_13.yaml", "yaml.bad_date", 7, 13),
    Bad("yaml_baseline_month_13.yaml", "plan.bad_period", 6, 13),
    # the first "    kind: flow" is patent_grants' on line 40.
    Bad("yaml_kind_misspelt.yaml", "plan.bad_choice", 40, 11),
    # "  - id: " is 8 characters.
    Bad("yaml_id_with_capitals.yaml", "plan.bad_id", 32, 9),
    Bad("yaml_duplicate_id.yaml", "plan.duplicate_id", 53, 9),
    # the second "      value:" is inserted as line 17.
    Bad("yaml_duplicate_key.yaml", "yaml.duplicate_key", 17, 7),
    # the note on line 20 opens its brackets at column 11; the document, the indicator
    # list and the indicator are 3 levels, so bracket 48 (column 11 + 47) is level 51.
    Bad("yaml_deep_nesting.yaml", "yaml.too_deep", 20, 58),
    # l0 has 10 nodes, l1 1 + 9·10 = 91, l2 820, l3 7381, l4 66430: after l4 about 74,000
    # nodes are counted, and the first *l4 of l5 (line 26, column 16) passes 100,000.
    Bad("yaml_alias_bomb.yaml", "yaml.too_large", 26, 16),
    # the first non-ASCII byte is in "title: 测试方案" on line 4.
    Bad("yaml_gbk.yaml", "plan.not_utf8", 4, None),
    Bad("yaml_bom_then_gbk.yaml", "plan.not_utf8", 4, None),
    # ---------------------------------------------------------------- formulas (line 27)
    Bad("formula_dunder_import.yaml", "formula.unexpected", 27, 15),  # character 1
    Bad("formula_power.yaml", "formula.unexpected", 27, 30),  # the second * is character 16
    Bad("formula_attribute_access.yaml", "formula.unexpected", 27, 28),  # "." character 14
    Bad("formula_function_call.yaml", "formula.unexpected", 27, 18),  # "(" character 4
    Bad("formula_quoted_string.yaml", "formula.unexpected", 27, 15),  # '"' character 1
    Bad("formula_chinese_name.yaml", "formula.unexpected", 27, 15),
    Bad("formula_deep_nesting.yaml", "formula.too_deep", 27, 115),  # "(" number 101
    Bad("formula_unbalanced.yaml", "formula.unbalanced", 27, 15),  # the "(" never closed
    Bad("formula_unknown_id.yaml", "plan.unknown_ref", 27, 14),  # the formula's value
    Bad("formula_cycle.yaml", "plan.cycle", 27, 14),
    # "    components: " is 16 characters.
    Bad("components_unknown_id.yaml", "plan.unknown_ref", 41, 17),
    # ---------------------------------------------------------------- actuals CSV
    Bad("csv_empty.csv", "actuals.empty", None, None),
    Bad("csv_only_blank_lines.csv", "actuals.empty", None, None),
    Bad("csv_truncated_header.csv", "actuals.missing_column", 1, None),
    Bad("csv_missing_period_column.csv", "actuals.missing_column", 1, None),
    Bad("csv_duplicate_header.csv", "actuals.duplicate_column", 1, 3),
    Bad("csv_duplicate_chinese_header.csv", "actuals.duplicate_column", 1, 3),
    Bad("csv_month_13.csv", "actuals.bad_period", 2, 1),
    Bad("csv_quarter_5.csv", "actuals.bad_period", 2, 1),
    Bad("csv_two_digit_year.csv", "actuals.bad_period", 2, 1),
    Bad("csv_chinese_period.csv", "actuals.bad_period", 2, 1),
    Bad("csv_negative_value.csv", "actuals.negative", 2, 2),
    Bad("csv_nan_value.csv", "number.not_finite", 2, 2),
    Bad("csv_inf_value.csv", "number.not_finite", 2, 2),
    Bad("csv_1e400_value.csv", "number.too_large", 2, 2),
    Bad("csv_10_to_the_20_value.csv", "number.too_large", 2, 2),
    Bad("csv_400_digit_value.csv", "number.invalid", 2, 2),
    Bad("csv_empty_value.csv", "number.empty", 2, 2),
    Bad("csv_value_with_unit.csv", "number.invalid", 2, 2),
    Bad("csv_excel_error_value.csv", "number.invalid", 2, 2),
    Bad("csv_formula_injection_value.csv", "number.invalid", 2, 2),
    Bad("csv_bad_thousands_separator.csv", "number.invalid", 2, 2),
    # lines 3 and 4 are both 2023.
    Bad("csv_duplicate_rows.csv", "actuals.duplicate_row", 4, 1),
    Bad("csv_bad_flag.csv", "actuals.bad_flag", 2, 6),
    Bad("csv_bad_yoy.csv", "number.invalid", 2, 7),
    Bad("csv_bad_published_date.csv", "actuals.bad_date", 2, 8),
    # the quote opened on line 2 in the value (column 2) is never closed.
    Bad("csv_unterminated_quote.csv", "csv.unclosed_quote", 2, 2),
    Bad("csv_gbk_undecodable_byte.csv", "actuals.bad_encoding", 2, None),
    Bad("csv_bom_then_gbk.csv", "actuals.mixed_encoding", 2, None),
    # no header cell names period or value: both reported on line 1.
    Bad("csv_binary_png.csv", "actuals.missing_column", 1, None),
    Bad("csv_nul_byte_in_value.csv", "number.invalid", 2, 2),
    # the 140,000-character field on line 2 (the source, column 4) is over the limit
    # (131,072 characters).
    Bad("csv_field_too_large.csv", "csv.field_too_large", 2, 4),
]


def _ids(case: Bad) -> str:
    return case.name


def _plan_with(tmp_path: Path, case: Bad) -> tuple[Path, Path]:
    plan = tmp_path / "plan"
    shutil.copytree(VALID, plan)
    raw = GENERATED[case.name] if case.name in GENERATED else (CORPUS / case.name).read_bytes()
    dest = plan / case.dest
    dest.write_bytes(raw)
    return plan, dest


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def _run(args: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            main(args)
            code = 0
        except SystemExit as exc:
            code = int(exc.code or 0)
    return code, out.getvalue(), err.getvalue()


def _prefix(dest: Path, case: Bad) -> str:
    """How the stderr line of the problem starts: error: file:line:column: ..."""
    if case.line is None:
        return f"error: {dest}: "
    if case.column is None:
        return f"error: {dest}:{case.line}: "
    return f"error: {dest}:{case.line}:{case.column}: "


def test_the_corpus_is_big_enough() -> None:
    committed = {p.name for p in CORPUS.iterdir() if p.is_file()}
    assert len(CASES) >= 30
    assert {c.name for c in CASES} == committed | set(GENERATED)  # one entry per file


def test_the_valid_plan_is_valid(tmp_path: Path) -> None:
    plan = tmp_path / "plan"
    shutil.copytree(VALID, plan)
    assert _run(["check", "--plan", str(plan), "--format", "json"])[:2] == (
        0,
        '{\n  "findings": []\n}\n',
    )
    assert _run(["status", "--plan", str(plan)])[0] == 0


@pytest.mark.parametrize("case", CASES, ids=_ids)
def test_check_reports_it(tmp_path: Path, case: Bad) -> None:
    plan, dest = _plan_with(tmp_path, case)
    before = _snapshot(plan)
    code, out, err = _run(["check", "--plan", str(plan), "--format", "json", "--lang", "en"])
    assert code == 1
    assert "Traceback" not in out + err
    findings = json.loads(out)["findings"]
    match = [f for f in findings if f["code"] == case.code and f["file"] == str(dest)]
    assert match, findings
    assert match[0]["severity"] == "error"
    assert match[0]["line"] == case.line
    assert match[0]["message"] and match[0]["hint"]
    assert match[0]["column"] == case.column
    assert _snapshot(plan) == before


@pytest.mark.parametrize("case", CASES, ids=_ids)
def test_status_refuses_it(tmp_path: Path, case: Bad) -> None:
    plan, dest = _plan_with(tmp_path, case)
    before = _snapshot(plan)
    code, out, err = _run(["status", "--plan", str(plan), "--lang", "en"])
    assert code == 3
    assert out == ""
    assert "Traceback" not in err
    lines = err.splitlines()
    assert all(line.startswith("error: ") for line in lines)
    assert any(line.startswith(_prefix(dest, case)) for line in lines), err
    assert _snapshot(plan) == before


def test_check_names_the_file_in_chinese_too(tmp_path: Path) -> None:
    plan, dest = _plan_with(tmp_path, Bad("csv_month_13.csv", "actuals.bad_period", 2, 1))
    code, out, _ = _run(["check", "--plan", str(plan)])
    assert code == 1
    assert str(dest) in out.replace("\n", "")
    assert "  2:1  错误  [actuals.bad_period]\n" in out
    assert "期间“2024-13”无效" in out


def test_no_traceback_in_a_real_process(tmp_path: Path) -> None:
    case = Bad("yaml_python_tag_os_system.yaml", "plan.yaml_tag", 20, 11)
    plan, dest = _plan_with(tmp_path, case)
    env = {**os.environ, "NO_COLOR": "1"}
    for command, expected in (("status", 3), ("check", 1)):
        result = subprocess.run(
            [sys.executable, "-m", "ipplan", command, "--plan", str(plan)],
            capture_output=True, text=True, timeout=60, env=env,
        )  # fmt: skip
        assert result.returncode == expected
        assert "Traceback" not in result.stdout + result.stderr
        output = result.stdout + result.stderr
        assert f"{dest}:20:11" in output if command == "status" else "  20:11  " in output
    assert not Path("/tmp/ipplan-pwned").exists()
