"""XLSX: numbers as numbers, percentages as percentages, frozen headers, neutralised text."""

from __future__ import annotations

import io
from datetime import date, datetime

import openpyxl
import pytest

from ipplan.present.safe import DANGEROUS
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
    # one sheet per indicator, named in Chinese, the id in a cell: the bundled plan has 28
    assert len(wb.sheetnames) == 2 + 28 + 2
    ws = wb["有效注册商标量"]
    assert ws["A2"].value == "指标编号" and ws["B2"].value == "trademarks_valid"
    assert all(len(name) <= 31 for name in wb.sheetnames)
    assert len({n.lower() for n in wb.sheetnames}) == len(wb.sheetnames)


def test_every_sheet_prints_landscape_one_page_wide(bundled_en: Report) -> None:
    wb = book(bundled_en)
    for ws in wb.worksheets:
        assert ws.page_setup.orientation == "landscape", ws.title
        assert ws.page_setup.fitToWidth == 1 and ws.page_setup.fitToHeight == 0
        assert ws.sheet_properties.pageSetUpPr.fitToPage
        assert ws.print_title_rows, ws.title
    summary = wb["Indicators"]
    assert summary.print_title_rows == "$1:$1"
    # a wrapped name gets a row tall enough for its lines
    tall = [d.height for d in summary.row_dimensions.values() if d.height]
    assert tall and min(tall) >= 30


def test_formulas_as_text_read_as_words(bundled_zh: Report) -> None:
    ws = book(bundled_zh)["有效地理标志"]
    sources = [c.value for c in ws["H"] if isinstance(c.value, str)]
    computed = [v for v in sources if v.startswith("计算：")]
    assert computed and computed[0].startswith("计算：gi_trademarks + gi_products")
    assert not any(v.startswith(("'", "=")) for v in sources)


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
        assert ws.freeze_panes == "A4"  # title row, id row, header row
        return next(r[1].value for r in ws.iter_rows(min_row=4) if r[0].value == period)

    # 2023 patent grants: 85 invention + 1,056 utility model + 360 design = 1,501
    parts = [
        value(s, "2023") for s in ("发明专利授权量", "实用新型专利授权量", "外观设计专利授权量")
    ]
    assert sum(parts) == value("专利授权量", "2023") == 1501
    yoy = next(r[4] for r in wb["有效注册商标量"].iter_rows(min_row=4) if r[0].value == "2023")
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
    """Text a spreadsheet would run is a string cell with Excel's quote prefix (it stays
    text when edited), never a formula, and shows no apostrophe; "=…" reads as words."""
    wb = book(hostile_reports[lang])
    seen: dict[str, bool] = {}
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (ws.title, cell.coordinate, cell.value)
                if isinstance(cell.value, str):
                    if cell.value.startswith(DANGEROUS):
                        assert cell.quotePrefix, (ws.title, cell.value)
                    seen[cell.value] = bool(cell.quotePrefix)
    computed = "计算：" if lang == "zh" else "Computed: "
    assert seen[computed + 'HYPERLINK("http://x","y")'] is False
    assert seen["@SUM(1+1)"] and seen["-2+3"] and seen["\t=1+1"] and seen["@cmd"]
    assert not any(v.startswith("'") for v in seen)


def test_sheet_names_are_valid_and_unique() -> None:
    taken: set[str] = set()
    assert sheet_name("Overview", taken) == "Overview"
    assert sheet_name("overview", taken) == "overview~2"
    assert sheet_name("a/b:c*?[d]", taken) == "a_b_c___d_"
    long = sheet_name("x" * 40, taken)
    assert long == "x" * 31
    assert sheet_name("x" * 40, taken) == "x" * 29 + "~2"


def test_overview_counts_after_the_deadline_are_the_words_shown() -> None:
    """As of 2026-11-30 (deadline 2025-12-31) the report words each target as `status`
    does; the overview's count block counts those words, not the pace statuses it showed
    before (进度正常 1, 严重滞后 1, 缺数据 5). By hand, from the bundled plan's 7 targets:
    5 have too few data points (缺数据 stays); 有效注册商标量 is projected to 30,847 ≥ 30,000
    (预计已完成); 有效地理标志 to 18.3 < 20 (预计未完成)."""
    from report_plans import evaluate

    from ipplan.report import build_report
    from ipplan.report.quality import quality_problems

    result = evaluate(None, date(2026, 11, 30))
    report = build_report(result, "zh", quality_problems(result.plan))
    ws = book(report)["概况"]
    cells = {r[0].value: r[1].value for r in ws.iter_rows(min_row=2) if r[0].value}
    assert [cells.get(w) for w in ("缺数据", "预计已完成", "预计未完成")] == [5, 1, 1]
    assert "进度正常" not in cells and "严重滞后" not in cells
    assert cells["合计"] == 7
    assert report.counts[0][0] == "on_track"  # the JSON's counts keep their status codes
