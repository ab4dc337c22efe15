"""The hostile-text corpus (issue 13, classes 1, 2 and 9): files in tests/corpus/hostile/
that are valid plans and data, but whose text would act on a terminal or a spreadsheet.

Each case drops its file into a copy of tests/corpus/valid_plan, runs one command, and
checks the exit code, that the text is shown as written with its control characters as
escapes (``\\x1b``, ``\\u202e``), that no raw control character reaches stdout or stderr,
and that no file of the plan changed. The YAML files write the hostile characters as YAML
escapes ("\\e" is ESC, "\\a" BEL, "\\x9b" the C1 CSI, "\\ud800" a lone surrogate); the
CSV files hold them as raw bytes.

Then the commands that write: `record` and `import` neutralise every text cell they
write (region, source, note) and keep numbers numbers; an out-of-range Excel date is our
error, not openpyxl's warning; COLUMNS that is not a width still gives a table.
"""

from __future__ import annotations

import contextlib
import io
import json
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from rich.cells import cell_len

from ipplan.cli.app import main

CORPUS = Path(__file__).parent / "corpus"
VALID = CORPUS / "valid_plan"
HOSTILE = CORPUS / "hostile"
CSV_DEST = "actuals/patents_valid.csv"
# what must never reach a terminal raw: C0 but line feed, DEL, C1, bidi controls, the line
# and paragraph separators, lone surrogates (the set of ipplan.present.safe, written again)
RAW = re.compile(
    "[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ud800-\udfff]"
)


@dataclass(frozen=True)
class Case:
    file: str | None  # in tests/corpus/hostile/; None: the valid plan as it is
    args: tuple[str, ...]
    code: int
    shown: tuple[str, ...]  # each must be in stdout + stderr

    @property
    def dest(self) -> str:
        return "targets.yaml" if str(self.file).endswith(".yaml") else CSV_DEST

    @property
    def id(self) -> str:
        return f"{self.file}-{'-'.join(a for a in self.args if a.isascii())[:40]}"


CASES = [
    # ------------------------------------------------------------------ names and words
    Case("name_osc52_clipboard.yaml", ("status",), 0, ("有效\\x1b]52;c;cHduZWQ=\\x07发明专利",)),
    Case(
        "name_osc52_clipboard.yaml",
        ("show", "patents_valid"),
        0,
        ("有效\\x1b]52;c;cHduZWQ=\\x07发明专利（patents_valid）",),
    ),
    Case(
        "name_osc52_clipboard.yaml",
        ("status", "-f", "markdown"),
        0,
        ("有效\\\\x1b\\]52;c;cHduZWQ=\\\\x07发明专利",),
    ),  # Markdown escapes \ [ ] again
    Case(
        "name_osc52_clipboard.yaml",
        ("status", "-f", "csv"),
        0,
        ("有效\\x1b]52;c;cHduZWQ=\\x07发明专利",),
    ),
    Case(
        "name_osc52_clipboard.yaml",
        ("status", "-f", "json"),
        0,
        ('"有效\\u001b]52;c;cHduZWQ=\\u0007发明专利"',),
    ),  # JSON's own escapes: exact data
    Case("name_clear_screen.yaml", ("status",), 0, ("\\x1b[2J\\x1b[H有效发明专利",)),
    Case("name_clear_screen.yaml", ("show", "有效发明专利"), 2, ("有效发明专利",)),  # not its name
    Case("name_rich_markup.yaml", ("status",), 0, ("A[red]B[/red]",)),
    Case(
        "name_rich_markup.yaml", ("show", "patents_valid"), 0, ("A[red]B[/red]（patents_valid）",)
    ),
    Case("name_bad_closing_tag.yaml", ("status",), 0, ("专利[/bad]",)),  # was MarkupError, 70
    Case("name_bad_closing_tag.yaml", ("show", "patents_valid"), 0, ("专利[/bad]",)),
    Case("name_bad_closing_tag.yaml", ("check",), 0, ("未发现问题",)),
    Case(
        "name_link_markup_en.yaml",
        ("status", "--lang", "en"),
        0,
        ("[link=http://evil.example]Valid[/link] [bold]patents",),
    ),
    Case("name_lone_surrogate.yaml", ("status",), 0, ("有效\\ud800发明专利",)),
    Case("name_lone_surrogate.yaml", ("status", "-f", "json"), 0, ('"有效\\ud800发明专利"',)),
    Case("name_lone_surrogate.yaml", ("status", "-f", "csv"), 0, ("有效\\ud800发明专利",)),
    Case(
        "name_lone_surrogate.yaml",
        ("show", "patents_valid", "-f", "json"),
        0,
        ('"有效\\ud800发明专利"',),
    ),
    Case("name_newline_del.yaml", ("status", "-f", "csv"), 0, ("有效\\x0a发明\\x7f专利",)),
    Case("name_newline_del.yaml", ("status",), 0, ("发明\\x7f专利",)),
    Case("unit_bidi_override.yaml", ("show", "patents_valid"), 0, ("600件\\u202e\\u2066",)),
    Case("unit_bidi_override.yaml", ("status", "-f", "csv"), 0, (",件\\u202e\\u2066,",)),
    Case("title_c1_csi.yaml", ("status",), 0, ("测试\\x9b31m方案 · 截至",)),
    Case("title_c1_csi.yaml", ("status", "-f", "markdown"), 0, ("测试\\\\x9b31m方案",)),
    Case(
        "region_osc8_link.yaml",
        ("regions", "--lang", "en"),  # the plan's region: named by regions, not status
        0,
        ("1 region (\\x1b]8;;http://evil.example/\\x1b\\测试市\\x1b]8;;\\x1b\\)",),
    ),
    Case(
        "target_source_bidi.yaml",
        ("show", "patents_valid"),
        0,
        ("依据：《方案》\\u202e\\u2067第二条",),
    ),
    # ------------------------------------------------------------------ actuals text
    Case(
        "csv_source_osc52_clipboard.csv",
        ("show", "patents_valid"),
        0,
        ("2022: \\x1b]52;c;cHduZWQ=\\x07",),
    ),
    Case(
        "csv_source_osc8_link.csv",
        ("show", "patents_valid"),
        0,
        ("2022: \\x1b]8;;http://evil.example/\\x1b\\official\\x1b]8;;\\x1b\\",),
    ),
    Case(
        "csv_source_osc8_link.csv",
        ("show", "patents_valid", "-f", "json"),
        0,
        ('"source": "\\u001b]8;;http://evil.example/\\u001b\\\\official',),
    ),
    Case("csv_source_markup_c1.csv", ("show", "patents_valid"), 0, ("2022: [/bad]\\x9b2J[red]",)),
    Case("csv_region_markup.csv", ("status", "--region", "[/x]区"), 0, ("地区：[/x]区",)),
    # ------------------------------------------------------------------ error lines
    Case(
        "csv_bad_value_escape.csv",
        ("status",),
        3,
        (f"error: {{plan}}/{CSV_DEST}:3:2: ", "4\\x1b[2J50"),
    ),
    Case("csv_bad_value_escape.csv", ("check",), 1, ("4\\x1b[2J50",)),
    # the message is text made for people: escaped like the terminal's, then JSON-encoded
    Case("csv_bad_value_escape.csv", ("check", "-f", "json"), 1, ("4\\\\x1b[2J50",)),
    Case(
        "csv_bad_period_bidi.csv",
        ("status", "--lang", "en"),
        3,
        (f"error: {{plan}}/{CSV_DEST}:2:1: ", "2022\\u202e"),
    ),
    Case("csv_bad_period_bidi.csv", ("check", "-f", "json"), 1, ("2022\\\\u202e",)),
    Case(None, ("show", "\x1b[2J"), 2, ("\\x1b[2J",)),
    Case(None, ("status", "--format", "\x1b]52;c;eA==\x07"), 2, ("\\x1b]52;c;eA==\\x07",)),
    Case(None, ("status", "--as-of", "\u202e2024-01-01"), 2, ("\\u202e2024-01-01",)),
    Case(None, ("status", "--region", "\x1b[2J"), 2, ("\\x1b[2J",)),
    # ------------------------------------------------------------------ figures (class 9)
    Case("target_zero.yaml", ("status",), 0, ("有效发明专利",)),
    Case("target_zero.yaml", ("show", "patents_valid"), 0, ("目标：到2025年底达到0件",)),
]


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


def _plan(tmp_path: Path, file: str | None = None) -> Path:
    plan = tmp_path / "plan"
    shutil.copytree(VALID, plan)
    if file is not None:
        dest = "targets.yaml" if file.endswith(".yaml") else CSV_DEST
        (plan / dest).write_bytes((HOSTILE / file).read_bytes())
    return plan


def _no_raw_controls(text: str) -> None:
    found = RAW.search(text)
    assert found is None, f"raw {found.group()!r} in {text!r}"


def test_every_hostile_file_has_a_case() -> None:
    files = {p.name for p in HOSTILE.iterdir()}
    assert files == {c.file for c in CASES if c.file}


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_hostile_text_is_shown_as_text(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, case: Case
) -> None:
    monkeypatch.setenv("COLUMNS", "200")  # long escaped names on one line
    plan = _plan(tmp_path, case.file)
    before = _snapshot(plan)
    day = (
        ["--as-of", "2024-06-01"] if case.args[0] != "check" and "--as-of" not in case.args else []
    )
    code, out, err = _run([*case.args, "--plan", str(plan), *day])
    both = out + err
    assert code == case.code, both
    assert "Traceback" not in both
    for text in case.shown:
        assert text.format(plan=plan) in both, both
    _no_raw_controls(both)
    assert "-0%" not in both and "-0/" not in both and " -0 " not in both
    if case.args[-2:] == ("-f", "json") or case.args[-1] == "json":
        json.loads(out)  # still valid JSON
    assert _snapshot(plan) == before


def test_a_file_name_is_shown_as_text(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "200")
    plan = _plan(tmp_path)
    (plan / "actuals" / "evil\x1b]0;pwned\x07.csv").write_bytes(b"period,value\n2023,1\n")
    before = _snapshot(plan)
    for args, code in ((["check"], 1), (["status"], 0)):
        got, out, err = _run([*args, "--plan", str(plan)])
        assert got == code
        _no_raw_controls(out + err)
        if args == ["check"]:
            assert "evil\\x1b]0;pwned\\x07.csv" in out
    assert _snapshot(plan) == before


@pytest.mark.parametrize("kind", ["html", "markdown", "json", "xlsx"])
def test_a_lone_surrogate_does_not_crash_report(tmp_path: Path, kind: str) -> None:
    plan = _plan(tmp_path, "name_lone_surrogate.yaml")
    target = tmp_path / f"r.{kind}"
    code, _, err = _run(["report", "-f", kind, "-o", str(target), "--plan", str(plan),
                           "--as-of", "2024-06-01"])  # fmt: skip
    assert code == 0, err
    if kind != "xlsx":
        text = target.read_text("utf-8")  # valid UTF-8: the surrogate is an escape
        _no_raw_controls(text.replace("\n", "").replace("\t", ""))
        assert "ud800" in text


# ---------------------------------------------------------------------- COLUMNS


@pytest.mark.parametrize("columns", ["abc", "0", "-1", "", "5", "８０", "1e3"])
def test_columns_that_is_not_a_width_gives_80(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, columns: str
) -> None:
    monkeypatch.setenv("COLUMNS", columns)
    code, out, err = _run(["status", "--plan", str(VALID), "--as-of", "2024-06-01"])
    assert (code, err) == (0, "")
    assert "有效发明专利" in out  # COLUMNS=0 printed nothing
    assert max(cell_len(line) for line in out.splitlines()) <= 80


@pytest.mark.parametrize("columns", ["99999999999999999999", "100000"])
def test_a_huge_columns_is_capped(monkeypatch: pytest.MonkeyPatch, columns: str) -> None:
    monkeypatch.setenv("COLUMNS", columns)
    code, out, _ = _run(["show", "patents_valid", "--plan", str(VALID), "--as-of", "2024-06-01"])
    assert code == 0
    assert max(len(line) for line in out.splitlines()) <= 1000


# ---------------------------------------------------------------------- writes (class 2)


def _rows(path: Path) -> list[str]:
    return path.read_text("utf-8-sig").splitlines()


def test_record_neutralises_every_text_cell_and_keeps_numbers(tmp_path: Path) -> None:
    plan = _plan(tmp_path)
    region = "=cmd|' /C calc'!A0"
    args = ["record", "patents_valid", "2023", "460", "--region", region, "--source", "@SUM(1)",
            "--note", "-2+3", "--yoy", "-3.2", "--plan", str(plan)]  # fmt: skip
    code, out, err = _run(args)
    assert code == 0, err
    _no_raw_controls(out + err)
    file = plan / CSV_DEST
    assert _rows(file)[-1] == "2023,460,'=cmd|' /C calc'!A0,'@SUM(1),'-2+3,,-3.2,"
    written = file.read_bytes()
    # the same figure again: recognised as the same row (the region is its key)
    code, out, _ = _run(args)
    assert code == 0 and "未改动" in out
    assert file.read_bytes() == written
    # and the region is found by the name it was given
    code, out, _ = _run(
        ["status", "--region", region, "--plan", str(plan), "--as-of", "2024-06-01"]
    )
    assert code == 0 and f"地区：{region}" in out and "460" in out


@pytest.mark.parametrize(
    ("region", "stored"),
    [("@SUM(1+1)", "'@SUM(1+1)"), ("+north", "'+north"), ("-5", "'-5"), ("＝1", "'＝1"),
     ("北区", "北区")],
)  # fmt: skip
def test_record_region_neighbours(tmp_path: Path, region: str, stored: str) -> None:
    plan = _plan(tmp_path)
    code, _, err = _run(["record", "patents_valid", "2023", "460", "--region", region,
                         "--plan", str(plan)])  # fmt: skip
    assert code == 0, err
    assert _rows(plan / CSV_DEST)[-1] == f"2023,460,{stored},,,,,"


def test_import_neutralises_every_text_cell(tmp_path: Path) -> None:
    plan = _plan(tmp_path)
    source = tmp_path / "in.csv"
    source.write_text(
        "indicator,period,value,region,source,note,yoy\n"
        'patents_valid,2023,470,@SUM(1+1),＝1+1," =HYPERLINK(""http://x"")",-1.5\n',
        encoding="utf-8",
    )
    code, out, err = _run(["import", str(source), "--plan", str(plan)])
    assert code == 0, err
    _no_raw_controls(out + err)
    assert (
        _rows(plan / CSV_DEST)[-1]
        == '2023,470,\'@SUM(1+1),\'＝1+1,"\'=HYPERLINK(""http://x"")",,-1.5,'
    )


def test_import_of_an_out_of_range_excel_date_is_our_error(tmp_path: Path) -> None:
    from openpyxl import Workbook

    plan = _plan(tmp_path)
    before = _snapshot(plan)
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["indicator", "period", "value", "published"])
    sheet.append(["patents_valid", "2023", 470])
    sheet.cell(row=2, column=4, value=10**10).number_format = "yyyy-mm-dd"  # year > 9999
    path = tmp_path / "dates.xlsx"
    book.save(path)
    code, _, err = _run(["import", str(path), "--plan", str(plan), "--lang", "en"])
    assert code == 3
    assert err == (
        f"error: {path}:2:4: cell D2 is formatted as a date, but its value 10000000000 is "
        "outside Excel's dates (years 1900–9999); enter a real date in Excel/WPS, or format "
        "the cell as General\n"
    )  # once, though the sheet is read twice; no openpyxl UserWarning
    assert _snapshot(plan) == before
