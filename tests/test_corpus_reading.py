"""The reading corpus (issue 13, classes 5–9): files that are not files, resource limits,
permissions and odd states, encodings, odd dates and values in targets.yaml.

Each case drops a file (from tests/corpus/reading/, or made here from bytes) into a copy
of tests/corpus/valid_plan, or hands it to `ipplan import`, runs a command and checks the
exit code, the code and place of the message (file:line:column, worked out by reading
the file: see each entry), that no traceback and no exit 70 is seen, and that not a
byte of the plan folder changed. The valid plan's lines: "  deadline: " (12 characters)
is line 7, so its value is at column 13; the target value of patents_valid is line 16,
column 14; "    name: " is 10 characters.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import shutil
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from openpyxl import Workbook

import ipplan.data.safeio
import ipplan.data.sheets
from ipplan.cli.app import main

CORPUS = Path(__file__).parent / "corpus"
VALID = CORPUS / "valid_plan"
HERE = CORPUS / "reading"
HEADER = "period,value,region,source,note,flag,yoy,published\n"
PLAN_HEAD = VALID.joinpath("targets.yaml").read_text("utf-8").split("indicators:")[0]
BIG5_NOTE = "國家知識產權局統計年報"


def _run(args: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            main(args)
            code = 0
        except SystemExit as exc:
            code = int(exc.code or 0)
    return code, out.getvalue(), err.getvalue()


def _snapshot(folder: Path) -> dict[str, bytes]:
    found: dict[str, bytes] = {}
    for p in folder.rglob("*"):
        if p.is_file() and not p.is_symlink():
            found[str(p.relative_to(folder))] = p.read_bytes()
        elif p.is_symlink() or not p.is_dir():
            found[str(p.relative_to(folder))] = b"<special>"
    return found


# --------------------------------------------------------------------------- generated


def _indicators(n: int, name: Callable[[int], str]) -> str:
    lines = [PLAN_HEAD, "indicators:\n"]  # "indicators:" is line 9
    for i in range(n):
        lines.append(f"  - id: i{i}\n    name: {name(i)}\n")  # indicator k at line 10 + 2k
    return "".join(lines)


def _anchored_name() -> bytes:
    # indicator k (0-based) at lines 10 + 3k .. 12 + 3k, its name on line 11 + 3k
    lines = [PLAN_HEAD, "indicators:\n"]
    lines.append('  - id: i0\n    name: &n "' + "x" * 200_000 + '"\n    kind: stock\n')
    for i in range(1, 200):
        lines.append(f"  - id: i{i}\n    name: *n\n    kind: stock\n")
    return "".join(lines).encode()


def _chain(n: int) -> bytes:
    lines = [PLAN_HEAD, "indicators:\n", "  - id: d0\n    name: d0\n    kind: stock\n"]
    for i in range(1, n + 1):
        lines.append(
            f'  - id: d{i}\n    name: d{i}\n    kind: derived\n    formula: "d{i - 1} * 1"\n'
        )
    lines.append("    target:\n      type: level\n      value: 5\n")
    return "".join(lines).encode()


def _big5_actuals() -> bytes:
    return (HEADER + f"2021,300,,{BIG5_NOTE},,,,\n2022,450,,,,,,\n").encode("big5")


# --------------------------------------------------------------------------- cases


@dataclass(frozen=True)
class Case:
    name: str
    dest: str  # where the file goes in the plan ("import" for a file given to import)
    code: str
    line: int | None
    column: int | None
    status: int = 3  # exit of `ipplan status` (or of `ipplan import` for dest "import")
    check: int = 1  # exit of `ipplan check`
    severity: str = "error"
    data: bytes | None = field(default=None, repr=False)  # None: the file in HERE

    def raw(self) -> bytes:
        return self.data if self.data is not None else (HERE / self.name).read_bytes()


ACTUALS = "actuals/patents_valid.csv"
CASES = [
    # ---- damaged CSV in actuals: the "x" after the quoted value of line 3 (column 2)
    Case("csv_text_after_quote.csv", ACTUALS, "csv.after_quote", 3, 2),
    # the note (column 5) of line 2 opens a quote never closed
    Case("csv_quote_never_closed.csv", ACTUALS, "csv.unclosed_quote", 2, 5),
    # lines 2–3 are one record (a two-line note); line 5's source (column 4) goes on
    # after its closing quote
    Case("csv_after_quote_after_multiline.csv", ACTUALS, "csv.after_quote", 5, 4),
    # ---- damaged CSV to import: the note is column 4
    Case("import_quote_never_closed.csv", "import", "csv.unclosed_quote", 2, 4),
    Case("import_text_after_quote.csv", "import", "csv.after_quote", 2, 4),
    Case("import_field_10mb.csv", "import", "csv.field_too_large", 2, 4,
         data=("指标,期间,数值,备注\n有效发明专利,2023,450," + "x" * 10_000_000 + "\n").encode()),
    # ---- encodings: Big5 to import is refused; in actuals it is read, with a warning
    Case("import_big5.csv", "import", "import.uncertain_encoding", None, None,
         data=f"indicator,period,value,source\n有效發明專利,2023,450,{BIG5_NOTE}\n".encode("big5")),
    Case("actuals_big5.csv", ACTUALS, "encoding.uncertain", None, None, status=0, check=0,
         severity="warning", data=_big5_actuals()),
    # ---- dates and values in targets.yaml
    Case("yaml_deadline_with_time.yaml", "targets.yaml", "plan.date_with_time", 7, 13,
         status=0, check=0, severity="warning"),
    Case("yaml_deadline_with_time_quoted.yaml", "targets.yaml", "plan.date_with_time", 7, 13,
         status=0, check=0, severity="warning"),
    Case("yaml_deadline_hour_25.yaml", "targets.yaml", "plan.bad_date", 7, 13),
    # "  issued: " is 10 characters, on the inserted line 8
    Case("yaml_issued_with_time.yaml", "targets.yaml", "plan.date_with_time", 8, 11,
         status=0, check=0, severity="warning"),
    # patent_grants' components are line 41; the target inserted after it has its value
    # on line 44, after "      value: " (13 characters)
    Case("yaml_negative_cumulative_target_on_flow.yaml", "targets.yaml",
         "plan.negative_target", 44, 14),
    Case("yaml_negative_target_on_stock.yaml", "targets.yaml", "plan.negative_target", 16, 14),
    Case("yaml_target_value_1e16.yaml", "targets.yaml", "plan.value_out_of_range", 16, 14),
    # "  - id: " is 8 characters; trademarks_valid's id is line 32
    Case("yaml_id_300_characters.yaml", "targets.yaml", "plan.id_too_long", 32, 9),
    Case("yaml_name_3000_characters.yaml", "targets.yaml", "plan.text_too_long", 19, 11),
    # ---- resource limits of targets.yaml
    # 20 aliases of 200,000 characters make 4,000,000 (the limit); the 21st (indicator
    # 21, its name on line 11 + 3 · 21 = 74, the alias after "    name: ") passes it
    Case("yaml_anchored_name_200_times.yaml", "targets.yaml", "yaml.too_large", 74, 11,
         data=_anchored_name()),
    # 100,000 indicators are some 2.8 MB: over the 2 MiB of a targets.yaml
    Case("yaml_100000_indicators.yaml", "targets.yaml", "file.too_large", None, None,
         data=_indicators(100_000, lambda i: f"指标{i}").encode()),
    # 5,001 indicators: the 5,001st (k = 5000) starts on line 10 + 2 · 5000, column 5
    Case("yaml_5001_indicators.yaml", "targets.yaml", "plan.too_many_indicators", 10010, 5,
         data=_indicators(5001, lambda i: "n").encode()),
]  # fmt: skip


def _plan(tmp_path: Path) -> Path:
    plan = tmp_path / "plan"
    shutil.copytree(VALID, plan)
    return plan


def _prefix(path: Path, case: Case) -> str:
    where = str(path)
    if case.line is not None:
        where += f":{case.line}"
        if case.column is not None:
            where += f":{case.column}"
    return f"{case.severity}: {where}: "


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_the_command_refuses_or_warns(tmp_path: Path, case: Case) -> None:
    plan = _plan(tmp_path)
    if case.dest == "import":
        path = tmp_path / case.name
        path.write_bytes(case.raw())
        args = ["import", str(path), "--plan", str(plan), "--lang", "en"]
    else:
        path = plan / case.dest
        path.write_bytes(case.raw())
        args = ["status", "--plan", str(plan), "--lang", "en"]
    before = _snapshot(plan)
    code, out, err = _run(args)
    assert code == case.status, err
    assert "Traceback" not in out + err
    assert any(line.startswith(_prefix(path, case)) for line in err.splitlines()), err
    assert _snapshot(plan) == before


@pytest.mark.parametrize("case", [c for c in CASES if c.dest != "import"], ids=lambda c: c.name)
def test_check_reports_it(tmp_path: Path, case: Case) -> None:
    plan = _plan(tmp_path)
    path = plan / case.dest
    path.write_bytes(case.raw())
    before = _snapshot(plan)
    code, out, err = _run(["check", "--plan", str(plan), "--format", "json", "--lang", "en"])
    assert code == case.check, out + err
    findings = json.loads(out)["findings"]
    match = [f for f in findings if f["code"] == case.code and f["file"] == str(path)]
    assert match, findings
    assert (match[0]["line"], match[0]["column"]) == (case.line, case.column)
    assert match[0]["severity"] == case.severity
    assert match[0]["message"] and match[0]["hint"]
    assert _snapshot(plan) == before


def test_every_committed_file_is_a_case() -> None:
    assert {p.name for p in HERE.iterdir()} <= {c.name for c in CASES} | {
        "yaml_negative_target_allowed.yaml"
    }


# --------------------------------------------------------------------------- not files


def _status_and_check(plan: Path, path: Path, kind: str) -> None:
    before = _snapshot(plan)
    status, out, err = _run(["status", "--plan", str(plan), "--lang", "en"])
    assert status == 3
    assert err.startswith(f"error: {path}: this is not a regular file (it is a {kind})"), err
    checked, out, _ = _run(["check", "--plan", str(plan), "--format", "json", "--lang", "en"])
    assert checked == 1
    findings = json.loads(out)["findings"]
    assert any(f["file"] == str(path) and f["code"] == "file.not_regular" for f in findings)
    assert _snapshot(plan) == before


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_an_actuals_file_that_is_a_fifo_does_not_hang(tmp_path: Path) -> None:
    plan = _plan(tmp_path)
    path = plan / "actuals" / "population.csv"
    path.unlink()
    os.mkfifo(path)  # nobody ever writes to it: opening it to read would wait forever
    _status_and_check(plan, path, "fifo")


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero on this system")
def test_a_symlink_to_dev_zero_is_not_read(tmp_path: Path) -> None:
    plan = _plan(tmp_path)
    path = plan / "actuals" / "population.csv"
    path.unlink()
    path.symlink_to("/dev/zero")  # endless: reading it all would end in MemoryError
    _status_and_check(plan, path, "device")


def test_a_folder_named_like_an_actuals_file(tmp_path: Path) -> None:
    plan = _plan(tmp_path)
    path = plan / "actuals" / "population.csv"
    path.unlink()
    path.mkdir()
    _status_and_check(plan, path, "folder")


def test_a_targets_yaml_that_is_a_fifo(tmp_path: Path) -> None:
    plan = _plan(tmp_path)
    path = plan / "targets.yaml"
    path.unlink()
    os.mkfifo(path)
    code, _, err = _run(["status", "--plan", str(plan), "--lang", "en"])
    assert (code, err.startswith(f"error: {path}: this is not a regular file")) == (3, True), err


def test_a_targets_by_region_csv_that_is_a_fifo(tmp_path: Path) -> None:
    plan = _plan(tmp_path)
    path = plan / "targets_by_region.csv"
    os.mkfifo(path)
    code, _, err = _run(["status", "--plan", str(plan), "--lang", "en"])
    assert code == 3
    assert err.startswith(f"error: {path}: this is not a regular file (it is a fifo)"), err


# --------------------------------------------------------------------------- limits


def test_an_actuals_file_over_the_size_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan = _plan(tmp_path)
    path = plan / "actuals" / "population.csv"
    monkeypatch.setattr("ipplan.data.actuals.MAX_ACTUALS_BYTES", 20)  # the file is 70 bytes
    code, _, err = _run(["status", "--plan", str(plan), "--lang", "en"])
    assert code == 3
    assert f"error: {path}: the file is too large" in err


def test_a_csv_to_import_over_the_size_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan = _plan(tmp_path)
    path = tmp_path / "big.csv"
    path.write_bytes(b"x" * 3 * 1024 * 1024)
    monkeypatch.setattr(ipplan.data.sheets, "MAX_IMPORT_BYTES", 2 * 1024 * 1024)
    code, _, err = _run(["import", str(path), "--plan", str(plan), "--lang", "en"])
    assert code == 3
    # 3 MiB against a limit of 2 MiB, both shown in whole MiB
    assert err == (
        f"error: {path}: the file is too large (3 MiB; the limit is 2 MiB); check that it is"
        " the right file; split genuinely large data into several files\n"
    )


def _xlsx(path: Path, rows: list[list[object]]) -> Path:
    book = Workbook()
    ws = book.active
    for row in rows:
        ws.append(row)
    book.save(path)
    return path


def _replace_sheet(path: Path, write: Callable[[zipfile.ZipFile], None]) -> None:
    with zipfile.ZipFile(path) as old:
        parts = {i.filename: old.read(i.filename) for i in old.infolist()}
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as new:
        for name, data in parts.items():
            if name != "xl/worksheets/sheet1.xml":
                new.writestr(name, data)
        write(new)


def test_an_xlsx_zip_bomb_is_refused_before_it_is_opened(tmp_path: Path) -> None:
    plan = _plan(tmp_path)
    path = _xlsx(tmp_path / "bomb.xlsx", [["指标", "2023"], ["有效发明专利", 450]])

    def bomb(archive: zipfile.ZipFile) -> None:
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            for _ in range(130):  # 130 MiB of blanks: a few hundred KiB zipped
                sheet.write(b" " * (1024 * 1024))

    _replace_sheet(path, bomb)
    before = _snapshot(plan)
    code, _, err = _run(["import", str(path), "--plan", str(plan), "--lang", "en"])
    assert code == 3
    assert err.startswith(f"error: {path}: the Excel file unpacks to 130 MiB"), err
    assert "(the limit is 128 MiB)" in err
    assert _snapshot(plan) == before


def test_an_xlsx_whose_sheet_is_only_whitespace(tmp_path: Path) -> None:
    plan = _plan(tmp_path)
    path = _xlsx(tmp_path / "blank.xlsx", [["指标", "2023"]])
    _replace_sheet(path, lambda a: a.writestr("xl/worksheets/sheet1.xml", " " * 100_000))
    code, out, err = _run(["import", str(path), "--plan", str(plan), "--lang", "en"])
    assert code == 3
    assert "Traceback" not in out + err
    assert err.startswith(f"error: {path}: cannot open the Excel file (ParseError)"), err


def test_an_xlsx_with_an_attribute_openpyxl_does_not_know(tmp_path: Path) -> None:
    # openpyxl raises TypeError (SheetView() got an unexpected keyword argument)
    plan = _plan(tmp_path)
    path = _xlsx(tmp_path / "odd.xlsx", [["指标", "2023"], ["有效发明专利", 450]])
    with zipfile.ZipFile(path) as book:
        sheet = book.read("xl/worksheets/sheet1.xml")
    assert b'<sheetView workbookViewId="0">' in sheet
    odd = sheet.replace(b'<sheetView workbookViewId="0">', b'<sheetView workbookd="0">')
    _replace_sheet(path, lambda a: a.writestr("xl/worksheets/sheet1.xml", odd))
    code, _, err = _run(["import", str(path), "--plan", str(plan), "--lang", "en"])
    assert code == 3
    assert err.startswith(f"error: {path}: cannot open the Excel file (TypeError)"), err


def test_an_xlsx_with_more_rows_than_the_limit_stops_early(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan = _plan(tmp_path)
    monkeypatch.setattr(ipplan.data.sheets, "MAX_ROWS", 50)
    rows: list[list[object]] = [["指标", "2023"]] + [["有效发明专利", i] for i in range(60)]
    path = _xlsx(tmp_path / "long.xlsx", rows)
    code, _, err = _run(["import", str(path), "--plan", str(plan), "--lang", "en"])
    assert code == 3
    # rows 1..50 are read; row 51 is one too many
    assert err.startswith(f"error: {path}:51: the file has more than 50 rows"), err


def test_a_csv_with_more_rows_than_the_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan = _plan(tmp_path)
    monkeypatch.setattr(ipplan.data.sheets, "MAX_ROWS", 3)
    path = tmp_path / "long.csv"
    path.write_text("指标,期间,数值\n" + "有效发明专利,2023,450\n" * 5, "utf-8")
    code, _, err = _run(["import", str(path), "--plan", str(plan), "--lang", "en"])
    assert code == 3
    assert err.startswith(f"error: {path}:4: the file has more than 3 rows"), err  # line 4


def test_a_chain_of_400_derived_indicators(tmp_path: Path) -> None:
    plan = tmp_path / "plan"
    (plan / "actuals").mkdir(parents=True)
    (plan / "targets.yaml").write_bytes(_chain(400))
    (plan / "actuals" / "d0.csv").write_text("period,value\n2021,1\n2022,2\n2023,3\n", "utf-8")
    for args in (["status"], ["show", "d400"], ["check"]):
        code, _, err = _run([*args, "--plan", str(plan), "--lang", "en", "--format", "json"])
        assert code == 0, err
    show = json.loads(_run(["show", "d400", "--plan", str(plan), "--format", "json"])[1])
    # d400 = d0 · 1 · 1 ⋯ = 3 in 2023
    assert show["latest"] == {**show["latest"], "period": "2023", "value": 3}


# --------------------------------------------------------------------------- odd states


@pytest.mark.parametrize("name", ["Patents_valid.csv", "patents_valid.CSV"])
def test_a_file_named_in_the_wrong_case(tmp_path: Path, name: str) -> None:
    plan = _plan(tmp_path)
    path = plan / "actuals" / name
    (plan / "actuals" / "patents_valid.csv").rename(path)
    before = _snapshot(plan)
    code, _, err = _run(["status", "--plan", str(plan), "--lang", "en"])
    assert code == 0
    assert err == (
        f"warning: {path}: the file name '{name}' differs from the indicator id in case; it is"
        " not read; rename it to patents_valid.csv (indicator ids are lowercase)\n"
    )
    code, out, _ = _run(["check", "--plan", str(plan), "--format", "json"])
    assert code == 1
    findings = json.loads(out)["findings"]
    assert [(f["code"], f["severity"]) for f in findings] == [("actuals.wrong_case", "error")]
    assert _snapshot(plan) == before


def test_a_plan_folder_of_mode_000(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    plan = _plan(tmp_path)
    plan.chmod(0)
    try:
        if os.geteuid() == 0:  # root reads it anyway: make the system say what it says to users
            real = Path.exists

            def refused(self: Path) -> bool:
                if self.parent == plan:
                    raise PermissionError(13, "Permission denied")
                return real(self)

            monkeypatch.setattr(Path, "exists", refused)
        for command in ("status", "check"):
            code, out, err = _run([command, "--plan", str(plan), "--lang", "en"])
            assert (code, out) == (3, "")
            assert err == (
                f"error: {plan}: cannot read the plan folder {plan} (Permission denied); check"
                " the folder's permissions (it must be readable and searchable)\n"
            )
    finally:
        plan.chmod(0o755)


def test_an_unreadable_actuals_folder_is_a_finding(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan = _plan(tmp_path)
    folder = plan / "actuals"
    folder.chmod(0)
    try:
        if os.geteuid() == 0:  # root lists it anyway
            real = os.scandir

            def refused(path: object) -> object:
                if Path(str(path)) == folder:
                    raise PermissionError(13, "Permission denied")
                return real(path)  # type: ignore[call-overload]

            monkeypatch.setattr(ipplan.data.safeio.os, "scandir", refused)
        code, out, _ = _run(["check", "--plan", str(plan), "--format", "json", "--lang", "en"])
        assert code == 1
        findings = json.loads(out)["findings"]
        assert [(f["code"], f["file"]) for f in findings] == [("actuals.unreadable", str(folder))]
        code, out, err = _run(["status", "--plan", str(plan), "--lang", "en"])
        assert (code, out) == (3, "")
        assert err.startswith(f"error: {folder}: cannot read the data file (Permission denied)")
    finally:
        folder.chmod(0o755)


def test_a_negative_target_is_accepted_where_the_indicator_allows_negatives(
    tmp_path: Path,
) -> None:
    plan = _plan(tmp_path)
    (plan / "targets.yaml").write_bytes((HERE / "yaml_negative_target_allowed.yaml").read_bytes())
    code, out, err = _run(["status", "--plan", str(plan), "--format", "json"])
    assert (code, err) == (0, "")
    target = json.loads(out)["indicators"][0]["target"]
    assert target == {**target, "value": -3}


def test_a_big5_actuals_file_is_read_as_big5_and_never_rewritten(tmp_path: Path) -> None:
    plan = _plan(tmp_path)
    path = plan / ACTUALS
    path.write_bytes(_big5_actuals())
    before = _snapshot(plan)
    code, out, _ = _run(["show", "patents_valid", "--plan", str(plan), "--format", "json"])
    assert code == 0
    assert json.loads(out)["history"][0]["source"] == BIG5_NOTE  # not mojibake
    args = ["record", "patents_valid", "2023", "500", "--plan", str(plan), "--lang", "en"]
    code, out, err = _run(args)
    assert code == 3
    assert err.startswith(f"error: {path}: the text encoding is uncertain"), err
    after = _snapshot(plan)
    after.pop("actuals/.ipplan.lock", None)  # the write took the lock, then refused
    assert after == before
