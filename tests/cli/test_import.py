"""`ipplan import`: dry runs, all or nothing, exit codes."""

from __future__ import annotations

import shutil
from datetime import datetime
from pathlib import Path

import pytest
from openpyxl import Workbook

from ipplan.cli.app import main
from ipplan.data.plan import bundled_plan_dir


@pytest.fixture
def plan_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.delenv("IPPLAN_PLAN", raising=False)
    monkeypatch.delenv("IPPLAN_LANG", raising=False)
    folder = tmp_path / "plan"
    folder.mkdir()
    src = bundled_plan_dir()
    shutil.copy(src / "targets.yaml", folder / "targets.yaml")
    shutil.copytree(src / "actuals", folder / "actuals")
    return folder


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as done:
        main(list(args))
    out, err = capsys.readouterr()
    return int(done.value.code or 0), out, err


def snapshot(folder: Path) -> dict[str, bytes]:
    assert not list((folder / "actuals").glob("*.tmp"))
    return {p.name: p.read_bytes() for p in sorted((folder / "actuals").glob("*.csv"))}


@pytest.fixture
def wide(tmp_path: Path) -> Path:
    book = Workbook()
    ws = book.active
    ws.append(["指标", "2023年", "2024年"])
    ws.append(["有效注册商标量", 22542, 25000])  # 2023 as recorded; 2024 new
    ws.append(["专利授权量", 1600, None])  # 2023 recorded as 1501: a change
    book.save(tmp_path / "wide.xlsx")
    return tmp_path / "wide.xlsx"


def test_dry_run_lists_added_changed_unchanged_and_writes_nothing(
    plan_dir: Path, wide: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = snapshot(plan_dir)
    code, out, err = run(capsys, "import", str(wide), "--plan", str(plan_dir), "--dry-run")
    assert code == 3  # what the real run would do: refuse the change without --replace
    assert out.splitlines() == [
        f"试运行，未写入任何文件：{wide}",
        f"有效注册商标量 trademarks_valid  文件 {plan_dir}/actuals/trademarks_valid.csv",
        "  新增 1 条",
        "    2024 = 25,000",
        "  未变 1 条",
        "    2023 = 22,542",
        f"专利授权量 patent_grants  文件 {plan_dir}/actuals/patent_grants.csv",
        "  修改 1 条",
        "    2023：1,501 → 1,600",
        "新增 1 条，修改 1 条，未变 1 条",
    ]
    # 1,501 with its separator, as every message writes figures (was 1501)
    assert err.startswith(f"error: {wide}:3: patent_grants 的 2023（随州市）已有记录 1,501（")
    assert snapshot(plan_dir) == before


def test_all_or_nothing_then_replace(
    plan_dir: Path, wide: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = snapshot(plan_dir)
    code, out, _ = run(capsys, "import", str(wide), "--plan", str(plan_dir))
    assert (code, out) == (3, "")
    assert snapshot(plan_dir) == before  # trademarks_valid 2024 was not written either
    code, out, _ = run(capsys, "import", str(wide), "--plan", str(plan_dir), "--replace")
    assert code == 0 and out.startswith(f"已导入：{wide}")
    grants = (plan_dir / "actuals" / "patent_grants.csv").read_text("utf-8-sig")
    assert "\n2023,1600," in grants
    # importing the same file again changes nothing
    after = snapshot(plan_dir)
    code, out, _ = run(capsys, "import", str(wide), "--plan", str(plan_dir))
    assert code == 0 and out.rstrip().endswith("新增 0 条，修改 0 条，未变 3 条")
    assert snapshot(plan_dir) == after


def test_bad_rows_are_all_listed_and_nothing_is_written(
    plan_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "in.csv"
    path.write_bytes("指标,期间,数值\n有效注册商标量,2024,25000\n有效注册商标,2025,1\n"
                     "专利授权量,2024,NaN\n".encode("gb18030"))  # fmt: skip
    before = snapshot(plan_dir)
    code, out, err = run(capsys, "import", str(path), "--plan", str(plan_dir), "--lang", "en")
    assert (code, out) == (3, "")
    lines = err.splitlines()
    assert lines[0].startswith(f"error: {path}:3:1: no indicator '有效注册商标'; did you mean:")
    assert lines[1].startswith(f"error: {path}:4:3: 'NaN' is not a finite number")
    assert len(lines) == 2
    assert snapshot(plan_dir) == before


def test_usage_errors(plan_dir: Path, wide: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "import", str(wide), "--plan", str(plan_dir), "--sheet", "无")
    assert code == 2 and "工作簿中没有工作表“无”" in err and "Sheet" in err


def test_a_region_written_with_its_formula_guard_is_the_same_region(
    plan_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # the file ipplan writes holds the region "=x" as "'=x"; imported again, "'=x" was a
    # new region, a second row for (2024, =x) was written and status refused the file
    sheet = tmp_path / "again.csv"
    sheet.write_text("indicator,period,value,region\ndesign_grants,2024,5,'=x\n", "utf-8")
    assert run(capsys, "import", str(sheet), "--plan", str(plan_dir))[0] == 0
    code, out, _ = run(capsys, "import", str(sheet), "--plan", str(plan_dir))
    assert code == 0 and "新增 0 条，修改 0 条，未变 1 条" in out
    rows = (plan_dir / "actuals" / "design_grants.csv").read_text("utf-8-sig").splitlines()
    assert rows[-1] == "2024,5,'=x,,,,," and rows.count("2024,5,'=x,,,,,") == 1
    assert run(capsys, "status", "--plan", str(plan_dir))[0] == 0


def test_a_publication_date_with_a_time_is_stored_as_a_date(
    plan_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # an XLSX date cell with a time of day was written as 2025-04-26T10:30:00, which made
    # status refuse the file
    book = Workbook()
    book.active.append(["indicator", "period", "value", "published"])
    book.active.append(["gi_products", 2024, 7, datetime(2025, 4, 26, 10, 30)])
    book.save(tmp_path / "dated.xlsx")
    assert run(capsys, "import", str(tmp_path / "dated.xlsx"), "--plan", str(plan_dir))[0] == 0
    rows = (plan_dir / "actuals" / "gi_products.csv").read_text("utf-8-sig").splitlines()
    assert rows[-1] == "2024,7,,,,,,2025-04-26"
    assert run(capsys, "status", "--plan", str(plan_dir))[0] == 0
