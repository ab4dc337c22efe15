"""The generated workbook itself: layout, validation, protection, hidden sheet, and that
LibreOffice opens it and keeps validation and protection; `collect make` options; the
gaps a report names (missing_by_unit)."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from ipplan.collect.identify import identify
from ipplan.collect.status import last_closed_year, missing_by_unit
from ipplan.core.periods import Period
from ipplan.data.actuals import load_actuals
from ipplan.data.importer import read_import
from ipplan.data.plan import load_plan
from tests.collect.test_roundtrip import EXAMPLE, run


@pytest.fixture
def made(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    args = ["--region", "西山县", "--due", "2026-01-31", "--output", str(tmp_path)]
    code, _, err = run(capsys, "collect", "make", "--plan", str(EXAMPLE), "--period", "2025", *args)
    assert code == 0, err
    return tmp_path / "西山县-2025-填报表.xlsx"


def test_layout_validation_protection(made: Path) -> None:
    book = load_workbook(made)
    assert book.sheetnames == ["填报表", "填报说明", "_ipplan"]
    assert book["_ipplan"].sheet_state == "hidden"
    ws = book["填报表"]
    assert [c.value for c in ws[3]] == [
        "指标", "代码", "单位", "2022", "2023", "2024", "2025", "本单位目标（截至 2025-12-31）",
        "备注"]  # fmt: skip
    assert ws["A2"].value == "填报单位：西山县　填报期间：2025　报送截止：2026-01-31"
    # rows in plan order, derived invention_per_10k left out
    assert [ws.cell(row=r, column=2).value for r in range(4, 8)] == [
        "trademarks_valid", "invention_patents_valid", "patent_grants", "population"]  # fmt: skip
    # 西山县's figures 2022-2024 pre-filled; its own targets: 6000 (by_region), 250 (csv),
    # 2000 (csv, by name 专利授权量); population has no target
    assert [ws.cell(row=4, column=c).value for c in (4, 5, 6, 7, 8)] == [
        4500,
        5000,
        5600,
        None,
        6000,
    ]
    assert ws["H5"].value == 250 and ws["H6"].value == 2000 and ws["H7"].value is None
    assert ws.protection.sheet and not ws.protection.password
    assert ws["F4"].protection.locked and not ws["G4"].protection.locked
    assert not ws["I4"].protection.locked  # the note column
    rules = ws.data_validations.dataValidation
    assert len(rules) == 1 and rules[0].type == "decimal"
    assert rules[0].operator == "greaterThanOrEqual" and rules[0].formula1 == "0"
    assert str(rules[0].sqref) == "G4 G5 G6 G7" and rules[0].prompt
    hidden = {r[0]: r[1] for r in book["_ipplan"].iter_rows(values_only=True)}
    assert (hidden["plan"], hidden["unit"], hidden["period"]) == (
        "example-counties",
        "西山县",
        "2025",
    )
    assert len(hidden["checksum"]) == 16


def test_a_cumulative_target_reads_as_a_total(made: Path) -> None:
    """专利授权量's own target is 2,000 in total from 2021, not 2,000 in 2025: beside the
    yearly figures (330, 360, 390) it shows as 累计2,000, as in `status`, still a number."""
    ws = load_workbook(made)["填报表"]
    assert (ws["H6"].value, ws["H6"].number_format) == (2000, '"累计"#,##0')
    assert ws["H4"].number_format == "#,##0"  # a level target: as it was


def test_import_reads_the_data_sheet(made: Path) -> None:
    """`ipplan import` reads the workbook as it is (the first sheet, the wide layout)."""
    plan = load_plan(EXAMPLE)
    data = read_import(plan, made, region="西山县")
    assert not data.errors
    # 西山县 2022-2024: trademarks 3, invention 2 (2023, 2024), patent grants 3
    assert sum(len(v) for v in data.observations.values()) == 8


def test_layout_checksum_notices_a_change(made: Path) -> None:
    assert identify(made).notices == []
    book = load_workbook(made)
    ws = book["填报表"]
    ws.protection.sheet = False
    ws.delete_rows(7)  # population's row removed
    book.save(made)
    assert [p.code for p in identify(made).notices] == ["collect.layout_changed"]


@pytest.mark.skipif(shutil.which("libreoffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_opens_it_and_keeps_validation_and_protection(
    made: Path, tmp_path: Path
) -> None:
    out = tmp_path / "lo"
    for fmt in ("pdf", "xlsx"):
        subprocess.run(["libreoffice", "--headless", "--convert-to", fmt, "--outdir", str(out),
                        str(made)], check=True, capture_output=True, timeout=180)  # fmt: skip
    assert (out / made.with_suffix(".pdf").name).stat().st_size > 1000
    book = load_workbook(out / made.name)
    ws = book["填报表"]
    assert ws.protection.sheet
    assert not ws["G4"].protection.locked and ws["F4"].protection.locked
    rules = ws.data_validations.dataValidation
    assert rules and rules[0].type == "decimal" and rules[0].operator == "greaterThanOrEqual"
    assert book["_ipplan"].sheet_state == "hidden"
    found = identify(out / made.name)
    assert (found.unit, str(found.period), found.how) == ("西山县", "2025", "hidden")


def test_make_refuses_existing_files_and_derived(
    made: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = made.read_bytes()
    code, _, err = run(capsys, "collect", "make", "--plan", str(EXAMPLE), "--period", "2025",
                       "--all", "--output", str(made.parent))  # fmt: skip
    assert code == 2 and "已存在" in err
    assert made.read_bytes() == before
    assert not (made.parent / "东城区-2025-填报表.xlsx").exists()  # all or none
    code, _, err = run(capsys, "collect", "make", "--plan", str(EXAMPLE), "--period", "2025",
                       "--all", "--indicator", "invention_per_10k", "--output", "x")  # fmt: skip
    assert code == 2 and "由公式计算" in err
    code, _, err = run(capsys, "collect", "make", "--plan", str(EXAMPLE), "--period", "2025")
    assert code == 2 and "--all" in err
    code, _, err = run(capsys, "collect", "make", "--plan", str(EXAMPLE), "--period", "2025",
                       "--region", "西山")  # fmt: skip
    assert code == 2 and "西山县" in err


def test_missing_by_unit() -> None:
    plan = load_plan(EXAMPLE)
    observations = load_actuals(plan)
    assert last_closed_year(date(2025, 6, 30)) == Period(2024, "Y", 0)
    assert last_closed_year(date(2024, 12, 31)) == Period(2024, "Y", 0)
    gaps = {
        u: [i.id for i in ids] for u, ids in missing_by_unit(plan, observations, date(2025, 6, 30))
    }
    # 2024: every unit has trademarks and patent grants, none population; 南湖县 has no
    # invention_patents_valid for 2024
    assert gaps == {"东城区": ["population"], "西山县": ["population"],
                    "南湖县": ["invention_patents_valid", "population"]}  # fmt: skip
    # 2024 is not over on 2024-06-30: nothing is due yet
    assert missing_by_unit(plan, observations, date(2024, 6, 30), Period(2024, "Y", 0)) == []


def test_contact_and_negative_values(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    plan = tmp_path / "plan"
    shutil.copytree(EXAMPLE, plan)
    text = (plan / "targets.yaml").read_text(encoding="utf-8")
    contact = "  contact: 知识产权科，0000-0000000\n"
    text = text.replace("  deadline: 2025-12-31\n", "  deadline: 2025-12-31\n" + contact, 1)
    text = text.replace("    unit: 人\n", "    unit: 人\n    allow_negative: true\n", 1)
    (plan / "targets.yaml").write_text(text, encoding="utf-8")
    code, _, err = run(capsys, "collect", "make", "--plan", str(plan), "--period", "2025",
                       "--region", "南湖县", "--output", str(tmp_path / "o"))  # fmt: skip
    assert code == 0, err
    book = load_workbook(tmp_path / "o" / "南湖县-2025-填报表.xlsx")
    howto = [c.value for c in book["填报说明"]["A"]]
    assert "6. 联系人：知识产权科，0000-0000000" in howto
    assert any("报送截止：（未规定）" in str(line) for line in howto)
    rules = {str(r.sqref): r for r in book["填报表"].data_validations.dataValidation}
    # population (row 7) may be negative: any decimal within ±1e15; the others ≥ 0
    assert rules["G7"].operator == "between" and rules["G7"].formula1 == "-1000000000000000"
    assert rules["G4 G5 G6"].operator == "greaterThanOrEqual"
