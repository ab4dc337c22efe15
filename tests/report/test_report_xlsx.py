"""XLSX: numbers as numbers, percentages as percentages, frozen headers, neutralised text."""

from __future__ import annotations

import io
from datetime import datetime

import openpyxl
import pytest

from ipplan.render.safe import DANGEROUS
from ipplan.report import Report, render
from ipplan.report.xlsx import sheet_name


def book(report: Report) -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(render(report, "xlsx")))


def rows_by_id(ws) -> dict[str, dict[str, object]]:  # type: ignore[no-untyped-def]
    head = [c.value for c in ws[1]]
    return {
        r[0].value: {h: c for h, c in zip(head, r, strict=True)} for r in ws.iter_rows(min_row=2)
    }


def test_sheets(bundled_zh: Report) -> None:
    wb = book(bundled_zh)
    assert wb.sheetnames[:2] == ["概况", "指标汇总"]
    assert wb.sheetnames[-2:] == ["数据来源", "计算方法"]
    # one sheet per indicator: the bundled plan has 28
    assert len(wb.sheetnames) == 2 + 28 + 2
    assert "trademarks_valid" in wb.sheetnames


def test_summary_numbers_and_formats(bundled_zh: Report) -> None:
    ws = book(bundled_zh)["指标汇总"]
    assert ws.freeze_panes == "A2"
    assert ws.column_dimensions["A"].width == 30
    row = rows_by_id(ws)["trademarks_valid"]
    latest = row["最新值"]
    assert latest.value == 22542 and latest.number_format == "#,##0"  # type: ignore[attr-defined]
    done = row["完成率"]
    # 22542 / 30000 = 0.7514, stored as the fraction, shown as a percentage
    assert done.value == pytest.approx(0.7514)  # type: ignore[attr-defined]
    assert done.number_format == "0.0%"  # type: ignore[attr-defined]
    assert row["状态"].value == "进度正常"  # type: ignore[attr-defined]
    assert row["目标"].value == 30000  # type: ignore[attr-defined]
    empty = rows_by_id(ws)["invention_patents_valid"]["最新值"]
    assert empty.value is None  # type: ignore[attr-defined]


def test_history_sheet_numbers_add_up(bundled_zh: Report) -> None:
    wb = book(bundled_zh)

    def value(sheet: str, period: str) -> float:
        ws = wb[sheet]
        assert ws.freeze_panes == "A3"  # title row, header row
        return next(r[1].value for r in ws.iter_rows(min_row=3) if r[0].value == period)

    # 2023 patent grants: 85 invention + 1,056 utility model + 360 design = 1,501
    parts = [
        value(s, "2023")
        for s in ("invention_patent_grants", "utility_model_grants", "design_grants")
    ]
    assert sum(parts) == value("patent_grants", "2023") == 1501
    yoy = next(r[4] for r in wb["trademarks_valid"].iter_rows(min_row=3) if r[0].value == "2023")
    # a published yoy of 14.29 (%) is stored as 0.1429 and shown as a percentage
    assert yoy.value == pytest.approx(0.1429) and yoy.number_format == "0.00%"


def test_overview_counts_add_up(bundled_zh: Report) -> None:
    ws = book(bundled_zh)["概况"]
    cells = {r[0].value: r[1] for r in ws.iter_rows(min_row=2) if r[0].value}
    assert isinstance(cells["数据截至"].value, datetime)
    assert cells["序时进度"].number_format == "0%"
    counts = [cells[label].value for label in ("进度正常", "严重滞后", "缺数据")]
    assert counts == [1, 1, 5]
    assert cells["合计"].value == sum(counts) == 7


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_hostile_cells_are_neutralised(hostile_reports: dict[str, Report], lang: str) -> None:
    wb = book(hostile_reports[lang])
    seen: list[str] = []
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (ws.title, cell.coordinate, cell.value)
                if isinstance(cell.value, str):
                    assert not cell.value.startswith(DANGEROUS), (ws.title, cell.value)
                    seen.append(cell.value)
    assert '\'=HYPERLINK("http://x","y")' in seen
    assert "'@SUM(1+1)" in seen
    assert "'-2+3" in seen
    assert "'\t=1+1" in seen
    assert "'@cmd" in seen


def test_sheet_names_are_valid_and_unique() -> None:
    taken: set[str] = set()
    assert sheet_name("Overview", taken) == "Overview"
    assert sheet_name("overview", taken) == "overview~2"
    assert sheet_name("a/b:c*?[d]", taken) == "a_b_c___d_"
    long = sheet_name("x" * 40, taken)
    assert long == "x" * 31
    assert sheet_name("x" * 40, taken) == "x" * 29 + "~2"
