"""The round trip: `collect make`, workbooks filled the way people fill them (and damaged
the way people damage them), `collect in`, `collect status`. Every expected figure, count
and warning below is worked out by hand from examples/counties-example (made-up data)."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest
from openpyxl import load_workbook

from ipplan.cli.app import main

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "counties-example"
UNITS = ["东城区", "西山县", "南湖县"]


@pytest.fixture(autouse=True)
def _plain_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "80")
    for name in ("IPPLAN_PLAN", "IPPLAN_LANG", "IPPLAN_DEBUG", "FORCE_COLOR"):
        monkeypatch.delenv(name, raising=False)


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exc:
        main(list(args))
    out, err = capsys.readouterr()
    code = exc.value.code
    return (code if isinstance(code, int) else 1), out, err


def snapshot(folder: Path) -> dict[str, str]:
    files = sorted(p for p in folder.iterdir() if p.name != ".ipplan.lock")  # the lock: no data
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in files}


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    """The example plan with the city's own 2025 figure of trademarks_valid (32500)."""
    target = tmp_path / "plan"
    shutil.copytree(EXAMPLE, target)
    with (target / "actuals" / "trademarks_valid.csv").open("a", encoding="utf-8") as f:
        f.write("2025,32500,,虚构,,,,\n")
    return target


def make(capsys: pytest.CaptureFixture[str], plan: Path, out: Path) -> None:
    code, stdout, err = run(capsys, "collect", "make", "--plan", str(plan), "--period", "2025",
                            "--all", "--due", "2026-01-31", "--output", str(out))  # fmt: skip
    assert code == 0, err
    assert "已生成 3 份填报表（2025）" in stdout


def cell_of(ws, indicator: str, period: str):  # type: ignore[no-untyped-def]
    """The cell of an indicator's row (by its id in column B) and a period's column."""
    header = {str(c.value): c.column for c in ws[3] if c.value is not None}
    for row in ws.iter_rows(min_row=4):
        if row[1].value == indicator:
            return ws.cell(row=row[0].row, column=header[period])
    raise AssertionError(indicator)


def fill(path: Path, values: dict[tuple[str, str], object], save_as: Path | None = None,
         drop_hidden: bool = False, unprotect: bool = False) -> Path:  # fmt: skip
    book = load_workbook(path)
    ws = book["填报表"]
    if unprotect:
        ws.protection.sheet = False
    for (indicator, period), value in values.items():
        cell_of(ws, indicator, period).value = value
    if drop_hidden:
        book.security = None  # the structure protection has no password either
        del book["_ipplan"]
    target = save_as or path
    book.save(target)
    if target != path:
        path.unlink()
    return target


def fill_all(out: Path) -> list[Path]:
    # 东城区: 2.3万 (= 23000), a plain number, 300 (a fall from 510), a text note
    dong = fill(out / "东城区-2025-填报表.xlsx", {
        ("trademarks_valid", "2025"): "2.3万",
        ("patent_grants", "2025"): 700,
        ("invention_patents_valid", "2025"): 300,
        ("population", "2025"): "待统计局公布",
    })  # fmt: skip
    # 西山县: "1,234" and 6000; the sheet unprotected and the locked 2024 figure 5600
    # typed over as 5700; the hidden sheet deleted
    xi = fill(out / "西山县-2025-填报表.xlsx", {
        ("trademarks_valid", "2025"): 6000,
        ("patent_grants", "2025"): "1,234",
        ("trademarks_valid", "2024"): 5700,
    }, drop_hidden=True, unprotect=True)  # fmt: skip
    # 南湖县: "3,400", full-width "１２３", 280; the file renamed
    nan = fill(out / "南湖县-2025-填报表.xlsx", {
        ("trademarks_valid", "2025"): "3,400",
        ("invention_patents_valid", "2025"): "１２３",
        ("patent_grants", "2025"): 280,
    }, save_as=out / "南湖县报表(1).xlsx")  # fmt: skip
    return [dong, xi, nan]


def rows(plan: Path, indicator: str, period: str) -> dict[str, str]:
    lines = (plan / "actuals" / f"{indicator}.csv").read_text(encoding="utf-8-sig").splitlines()
    found = {}
    for line in lines[1:]:
        cells = line.split(",")
        if cells[0] == period:
            found[cells[2]] = cells[1]
    return found


def test_round_trip(plan: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    make(capsys, plan, out)
    files = fill_all(out)
    code, stdout, err = run(capsys, "collect", "in", "--plan", str(plan), *map(str, files))
    assert code == 1, err  # something was refused: the text note, the locked figure
    # Unchanged are the pre-filled figures equal to those recorded (2022-2024 shown):
    # 东城区 trademarks 3 + patent_grants 3 + invention 2 (2023, 2024) = 8
    assert (
        "东城区-2025-填报表.xlsx（东城区 2025）：新增 3 条，修改 0 条，未变 8 条，拒收 1 条"
        in stdout
    )
    # 西山县: trademarks 2022, 2023 (2024 refused) + patent_grants 3 + invention 2 = 7
    assert (
        "西山县-2025-填报表.xlsx（西山县 2025）：新增 2 条，修改 0 条，未变 7 条，拒收 1 条"
        in stdout
    )
    # 南湖县: trademarks 3 + patent_grants 3 + invention 1 (2023 only) = 7
    assert "南湖县报表(1).xlsx（南湖县 2025）：新增 3 条，修改 0 条，未变 7 条，拒收 0 条" in stdout
    assert "隐藏表 _ipplan 已被删除；按表头认定为“西山县” 2025" in stdout
    assert "已锁定的 trademarks_valid 2024 被改为 5,700（原为 5,600），未导入" in stdout
    assert "“待统计局公布”" in stdout  # the note is refused as no number, with its cell
    # 300 after 510: (510 - 300) / 510 = 41.2 % > 30 %
    assert "41.2%" in stdout
    # 23000 + 6000 + 3400 = 32400 against the city's 32500: -100, beside each unit
    assert stdout.count("32,400") == 3  # written as every view writes numbers
    assert rows(plan, "trademarks_valid", "2025") == {
        "": "32500", "东城区": "23000", "西山县": "6000", "南湖县": "3400"}  # fmt: skip
    assert rows(plan, "trademarks_valid", "2024")["西山县"] == "5600"  # refused, kept
    assert rows(plan, "patent_grants", "2025") == {
        "东城区": "700",
        "西山县": "1234",
        "南湖县": "280",
    }
    assert rows(plan, "invention_patents_valid", "2025") == {"东城区": "300", "南湖县": "123"}
    assert rows(plan, "population", "2025") == {}
    # the same files again: all unchanged
    code, stdout, _ = run(capsys, "collect", "in", "--plan", str(plan), *map(str, files))
    assert "新增 0 条，修改 0 条，未变 11 条，拒收 1 条" in stdout  # 东城区: 3 + 8
    # status: 东城区 3 of 4 (trademarks and invention with warnings), 西山县 2, 南湖县 3
    code, stdout, _ = run(capsys, "collect", "status", "--plan", str(plan), "--period", "2025",
                          "--format", "json")  # fmt: skip
    data = {u["unit"]: u for u in json.loads(stdout)["units"]}
    assert data["东城区"]["indicators"] == {
        "trademarks_valid": "warned", "invention_patents_valid": "warned",
        "patent_grants": "received", "population": "missing"}  # fmt: skip
    assert (data["西山县"]["received"], data["南湖县"]["received"]) == (2, 3)


def test_replace_imports_a_changed_locked_figure(
    plan: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    make(capsys, plan, out)
    files = fill_all(out)
    code, stdout, _ = run(capsys, "collect", "in", "--plan", str(plan), "--replace", str(files[1]))
    assert code == 0
    assert "修改 有效注册商标量 trademarks_valid 2024 = 5,700（5,600 → 5,700）" in stdout
    assert rows(plan, "trademarks_valid", "2024")["西山县"] == "5700"


def test_a_changed_figure_in_english_has_ascii_parentheses(
    plan: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    make(capsys, plan, out)
    files = fill_all(out)
    code, stdout, _ = run(capsys, "collect", "in", "--plan", str(plan), "--replace",
                          "--lang", "en", str(files[1]))  # fmt: skip
    assert code == 0
    line = next(x for x in stdout.splitlines() if "trademarks_valid 2024" in x)
    assert line.endswith(" = 5,700 (5,600 → 5,700)"), line
    assert "（" not in stdout and "）" not in stdout


def test_one_bad_file_writes_nothing(
    plan: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    make(capsys, plan, out)
    files = fill_all(out)
    other = tmp_path / "other"
    shutil.copytree(plan, other)
    text = (other / "targets.yaml").read_text(encoding="utf-8")
    (other / "targets.yaml").write_text(text.replace("id: example-counties", "id: other-plan"),
                                        encoding="utf-8")  # fmt: skip
    run(capsys, "collect", "make", "--plan", str(other), "--period", "2025", "--region", "东城区",
        "--output", str(tmp_path / "o2"))  # fmt: skip
    foreign = fill(tmp_path / "o2" / "东城区-2025-填报表.xlsx", {("patent_grants", "2025"): 1},
                   save_as=tmp_path / "东城区-别的方案.xlsx")  # fmt: skip
    before = snapshot(plan / "actuals")
    code, _, err = run(capsys, "collect", "in", "--plan", str(plan), *map(str, files),
                       str(foreign))  # fmt: skip
    assert code == 3
    assert f"error: {foreign}: 这是方案“other-plan”的表，不是本方案“example-counties”的" in err
    assert snapshot(plan / "actuals") == before
    # another period, asked for explicitly; a second file for the same unit
    code, _, err = run(capsys, "collect", "in", "--plan", str(plan), "--period", "2024",
                       str(files[0]))  # fmt: skip
    assert code == 3 and "这是 2025 的表，不是 2024 的" in err
    copy = tmp_path / "copy.xlsx"
    shutil.copy(files[0], copy)
    code, _, err = run(capsys, "collect", "in", "--plan", str(plan), str(files[0]), str(copy))
    assert code == 3 and "“东城区” 2025 的表交了两份" in err
    assert snapshot(plan / "actuals") == before


def test_dry_run_writes_nothing(
    plan: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    make(capsys, plan, out)
    files = fill_all(out)
    before = snapshot(plan / "actuals")
    _, stdout, _ = run(capsys, "collect", "in", "--plan", str(plan), "--dry-run",
                       *map(str, files))  # fmt: skip
    assert "试运行，未写入任何文件。" in stdout and "新增 3 条" in stdout
    assert snapshot(plan / "actuals") == before


def test_unidentifiable_and_copied_workbooks_are_refused(
    plan: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    make(capsys, plan, out)
    # hidden sheet gone, title line cleared, file renamed: nothing says what it is
    path = fill(out / "南湖县-2025-填报表.xlsx", {("patent_grants", "2025"): 1},
                save_as=tmp_path / "报表.xlsx", drop_hidden=True)  # fmt: skip
    book = load_workbook(path)
    book["填报表"]["A2"] = None
    book.save(path)
    code, _, err = run(capsys, "collect", "in", "--plan", str(plan), str(path))
    assert code == 3 and f"error: {path}: 认不出这份表属于哪个单位" in err
    # 西山县's workbook whose title line was made to say 东城区: the hidden sheet disagrees
    book = load_workbook(out / "西山县-2025-填报表.xlsx")
    book["填报表"]["A2"] = "填报单位：东城区　填报期间：2025　报送截止：2026-01-31"
    book.save(tmp_path / "x.xlsx")
    code, _, err = run(capsys, "collect", "in", "--plan", str(plan), str(tmp_path / "x.xlsx"))
    assert code == 3 and "隐藏表写的unit是“西山县”，表头写的是“东城区”" in err


def test_damage_people_do(plan: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    make(capsys, plan, out)
    path = out / "南湖县-2025-填报表.xlsx"
    book = load_workbook(path)
    ws = book["填报表"]
    ws.protection.sheet = False
    # the unit of trademarks changed to 万件 and 0.34 typed: 0.34 × 10^4 = 3400
    cell_of(ws, "trademarks_valid", "2025").value = 0.34
    ws.cell(row=cell_of(ws, "trademarks_valid", "2025").row, column=3).value = "万件"
    # a negative count, refused with its cell
    cell_of(ws, "patent_grants", "2025").value = -5
    # rows moved: population's row swapped with trademarks' row
    a, b = 4, 7
    for column in range(1, 10):
        top, bottom = ws.cell(row=a, column=column), ws.cell(row=b, column=column)
        top.value, bottom.value = bottom.value, top.value
    book.save(path)
    code, stdout, err = run(capsys, "collect", "in", "--plan", str(plan), str(path))
    assert code == 1, err
    assert "新增 有效注册商标量 trademarks_valid 2025 = 3,400" in stdout
    assert "表格布局与发出时不同" in stdout  # the rows moved: the checksum says so
    # the 万件 scales the whole row, the locked figures too: 3100 × 10^4 = 31,000,000 is
    # no longer the 3100 recorded, and so for 2022 and 2023: refused, with the negative
    assert "未变 4 条，拒收 4 条" in stdout  # unchanged: patent_grants 3 + invention 2023
    # written as every view writes numbers (the message said 31000000 and 3100)
    assert "已锁定的 trademarks_valid 2024 被改为 31,000,000（原为 3,100）" in stdout
    assert f"拒收 {path}:6:7: " in stdout  # patent_grants' row 6, the 2025 column G
    assert rows(plan, "patent_grants", "2025") == {}
    # a file for 南湖县 is refused when 东城区's are asked for
    code, _, err = run(capsys, "collect", "in", "--plan", str(plan), "--region", "东城区",
                       str(path))  # fmt: skip
    assert code == 3 and "这是“南湖县”的表，不是“东城区”的" in err


def test_a_figure_already_recorded_keeps_its_source(
    plan: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    run(capsys, "collect", "make", "--plan", str(plan), "--period", "2024", "--region", "东城区",
        "--output", str(out))  # fmt: skip
    path = fill(out / "东城区-2024-填报表.xlsx", {("trademarks_valid", "2024"): "9,800",
                                                 ("patent_grants", "2024"): 651})  # fmt: skip
    code, stdout, _ = run(capsys, "collect", "in", "--plan", str(plan), str(path))
    assert code == 0
    # 9,800 is what is recorded: unchanged; 651 against 650: changed
    assert "修改 专利授权量 patent_grants 2024 = 651（650 → 651）" in stdout
    text = (plan / "actuals" / "trademarks_valid.csv").read_text(encoding="utf-8-sig")
    assert "2024,9800,东城区,虚构," in text
    text = (plan / "actuals" / "patent_grants.csv").read_text(encoding="utf-8-sig")
    assert "2024,651,东城区,东城区报送," in text


def test_file_name_fallback_owner_files_and_repeats(
    plan: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    make(capsys, plan, out)
    # hidden sheet and title line gone: the file name still says 西山县 2025
    path = fill(out / "西山县-2025-填报表.xlsx", {("patent_grants", "2025"): 400},
                drop_hidden=True)  # fmt: skip
    book = load_workbook(path)
    book["填报表"]["A2"] = None
    book.save(path)
    owner = out / "~$西山县-2025-填报表.xlsx"
    owner.write_bytes(b"\x0bwps user\x00" * 10)  # what Excel/WPS leaves beside an open file
    code, stdout, err = run(capsys, "collect", "in", "--plan", str(plan), str(owner), str(path),
                            str(path))  # fmt: skip
    assert code == 0, err
    assert "临时文件，已跳过" in stdout
    assert "按文件名认定为“西山县” 2025" in stdout
    assert stdout.count("新增 专利授权量 patent_grants 2025 = 400") == 1  # read once
    assert rows(plan, "patent_grants", "2025") == {"西山县": "400"}


def test_a_unit_the_plan_does_not_know(
    plan: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    make(capsys, plan, out)
    book = load_workbook(out / "南湖县-2025-填报表.xlsx")
    book["_ipplan"]["B3"] = "北湖县"
    book["填报表"]["A2"] = None
    book.save(out / "北湖县.xlsx")
    code, _, err = run(capsys, "collect", "in", "--plan", str(plan), str(out / "北湖县.xlsx"))
    assert code == 3 and "“北湖县”不是本方案的单位" in err


def test_english(plan: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    code, stdout, _ = run(capsys, "collect", "make", "--plan", str(plan), "--period", "2025",
                          "--region", "东城区", "--output", str(out), "--lang", "en")  # fmt: skip
    assert code == 0 and "workbooks written (2025): 1" in stdout
    path = out / "东城区-2025-form.xlsx"
    book = load_workbook(path)
    assert book.sheetnames == ["Figures", "Instructions", "_ipplan"]
    assert book["Figures"]["A2"].value.startswith("Unit: 东城区  Period: 2025")
    ws = book["Figures"]
    cell_of(ws, "patent_grants", "2025").value = "700"
    book.security = None
    del book["_ipplan"]
    book.save(path)
    code, stdout, _ = run(capsys, "collect", "in", "--plan", str(plan), str(path), "--lang", "en")
    assert code == 0
    assert (
        "东城区-2025-form.xlsx (东城区 2025): 1 added, 0 changed, 8 unchanged, 0 refused" in stdout
    )
    assert "taken as '东城区' 2025 from the sheet" in stdout
    code, stdout, _ = run(capsys, "collect", "status", "--plan", str(plan), "--period", "2025",
                          "--lang", "en")  # fmt: skip
    assert "西山县: nothing received (4 missing)" in stdout
    assert stdout.index("西山县") < stdout.index("东城区")  # nothing received: first
    assert max(len(line) for line in stdout.splitlines()) <= 80


def test_english_lists_use_commas_and_colons(
    plan: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # counties-example 2024: 南湖县 has trademarks and patent grants, no invention patents and
    # no population; the other units lack only the population. English lists take ", ", not 、.
    code, stdout, _ = run(capsys, "collect", "status", "--plan", str(plan), "--period", "2024",
                          "--lang", "en")  # fmt: skip
    assert code == 0
    assert "南湖县 missing: Valid invention patents, Resident population" in stdout
    assert "columns in order: Valid registered trademarks, Valid invention patents," in stdout
    assert "、" not in stdout and "：" not in stdout
    code, stdout, _ = run(capsys, "collect", "status", "--plan", str(plan), "--period", "2024")
    assert "南湖县 未报：有效发明专利、常住人口" in stdout  # Chinese unchanged
