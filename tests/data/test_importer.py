"""ipplan.data.importer and ipplan.data.sheets: the long and wide layouts, CSV and XLSX, every bad
row."""

from __future__ import annotations

import shutil
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import Workbook

from ipplan.core.errors import DataError, UsageError
from ipplan.core.i18n import Lang, format_problem
from ipplan.core.model import Indicator, Plan
from ipplan.data.importer import ImportData, read_import, unit_factor
from ipplan.data.plan import bundled_plan_dir, load_plan


@pytest.fixture
def plan(tmp_path: Path) -> Plan:
    src = bundled_plan_dir()
    folder = tmp_path / "plan"
    folder.mkdir()
    shutil.copy(src / "targets.yaml", folder / "targets.yaml")
    shutil.copytree(src / "actuals", folder / "actuals")
    return load_plan(folder)


def figures(data: ImportData) -> dict[str, list[tuple[str, float, str]]]:
    return {
        ind: [(str(o.period), o.value, o.region) for o in rows]
        for ind, rows in data.observations.items()
    }


def xlsx(path: Path, rows: list[list[object]], title: str = "Sheet1") -> Path:
    book = Workbook()
    ws = book.active
    ws.title = title
    for row in rows:
        ws.append(row)
    book.save(path)
    return path


def test_long_gbk_csv_with_chinese_headers_and_names(plan: Plan, tmp_path: Path) -> None:
    text = (
        "指标,期间,数值,地区,来源\n"
        '有效注册商标量,2024,"25,000",,市局年报\n'  # thousands separator
        "商标申请量,2024年,２２５４２,曾都区,\n"  # full-width digits, 2024年
        "专利授权量,2024-Q1,2.25万,,\n"  # 2.25万 = 2.25 × 10^4 = 22500
    )
    path = tmp_path / "bulletin.csv"
    path.write_bytes(text.encode("gbk"))
    data = read_import(plan, path)
    assert data.layout == "long" and data.errors == []
    assert figures(data) == {
        "trademarks_valid": [("2024", 25000, "")],
        "trademark_applications": [("2024", 22542, "曾都区")],
        "patent_grants": [("2024-Q1", 22500, "")],
    }
    assert data.observations["trademarks_valid"][0].source == "市局年报"
    assert data.observations["trademarks_valid"][0].line == 2


def test_long_csv_with_bom_english_headers_and_region_option(plan: Plan, tmp_path: Path) -> None:
    path = tmp_path / "in.csv"
    path.write_bytes(
        b"\xef\xbb\xbfindicator,period,value,yoy,published\n"
        b"trademarks_valid,2024,25000,10.9%,2025-04-26\n"
    )
    data = read_import(plan, path, region="广水市")
    (row,) = data.observations["trademarks_valid"]
    assert (row.region, row.yoy, row.published) == ("广水市", 10.9, date(2025, 4, 26))


def test_wide_xlsx_with_office_headers(plan: Plan, tmp_path: Path) -> None:
    path = xlsx(tmp_path / "wide.xlsx", [
        ["随州市知识产权主要指标"],  # a title row above the header
        [],
        ["序号", "指标名称", "单位", 2023, "2024年一季度", datetime(2024, 6, 30), "2024年3月",
         "2025年目标"],
        [1, "有效注册商标量（件）", "件", 22542, 23000, 23500, "—", 30000],
        [2, "PCT国际专利申请量", "件", 2, None, None, 1, 15],
        ["一、其他"],  # a section title: no figure, skipped
        [3, "规上企业拥有发明专利占比", "%", 0.35, None, None, None, None],
    ], title="指标")  # fmt: skip
    from openpyxl import load_workbook

    book = load_workbook(path)
    book["指标"]["D7"].number_format = "0%"  # Excel shows 35%
    book.save(path)
    data = read_import(plan, path, sheet="指标")
    assert data.layout == "wide" and data.errors == []
    assert figures(data) == {
        "trademarks_valid": [("2023", 22542, ""), ("2024-Q1", 23000, ""), ("2024-06", 23500, "")],
        "pct_applications": [("2023", 2, ""), ("2024-03", 1, "")],
        "above_scale_invention_share": [("2023", 35, "")],  # 0.35 shown as 35% → 35
    }
    assert data.observations["pct_applications"][1].line == 5  # Excel row number
    warnings = [(p.code, p.line, p.column) for p in data.problems]
    assert warnings == [("import.ignored_column", 3, 8)]
    assert data.skipped == 1


def test_wide_csv_with_text_period_headers(plan: Plan, tmp_path: Path) -> None:
    path = tmp_path / "wide.csv"
    path.write_text("指标,2022年,2023年度,2024年第二季度,备注\n专利授权量,1939,1501,-,初步\n",
                    encoding="utf-8")  # fmt: skip
    data = read_import(plan, path)
    assert figures(data) == {"patent_grants": [("2022", 1939, ""), ("2023", 1501, "")]}
    assert data.observations["patent_grants"][0].note == "初步"


def test_every_bad_row_is_listed_with_line_and_column(plan: Plan, tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(
        "指标,期间,数值\n"
        "有效注册商标,2024,1\n"  # unknown name: suggests 有效注册商标量
        "trademarks_valid,2024年13月,1\n"  # no month 13
        "trademarks_valid,2025,abc\n"
        "trademarks_valid,2023,-5\n"
        "invention_patents_per_10k,2024,3\n"  # derived without a source
        "patent_grants,2024,1\n"
        "patent_grants,2024,2\n",  # the same period twice
        encoding="utf-8",
    )
    data = read_import(plan, path)
    found = [(p.code, p.line, p.column) for p in data.errors]
    assert found == [
        ("store.unknown_indicator_close", 2, 1),
        ("import.bad_period", 3, 2),
        ("number.invalid", 4, 3),
        ("actuals.negative", 5, 3),
        ("store.derived", 6, 3),
        ("store.duplicate", 8, 3),
    ]
    assert "trademarks_valid（有效注册商标量）" in format_problem(data.errors[0], Lang.ZH)
    english = format_problem(data.errors[0], Lang.EN)  # was "trademarks_valid（有效注册商标量）"
    assert "trademarks_valid (Valid registered trademarks)" in english
    assert data.errors[0].file == str(path)


def test_every_problem_of_a_row_is_listed(plan: Plan, tmp_path: Path) -> None:
    # a bad period hid the row's other problems (the value, the flag): one fix, one more run
    path = tmp_path / "bad.csv"
    path.write_text("指标,期间,数值,标记\ntrademarks_valid,2024年13月,abc,x\n", "utf-8")
    assert [(p.code, p.line, p.column) for p in read_import(plan, path).errors] == [
        ("import.bad_period", 2, 2),
        ("number.invalid", 2, 3),
        ("actuals.bad_flag", 2, 4),
    ]


def test_a_wide_rows_bad_flag_is_reported_once(plan: Plan, tmp_path: Path) -> None:
    # it was reported for the row, then again for each of its figures
    path = xlsx(tmp_path / "w.xlsx", [["指标", "标记", "2023年", "2024年"],
                                      ["有效注册商标量", "x", 22542, 25000]])  # fmt: skip
    assert [(p.code, p.line, p.column) for p in read_import(plan, path).errors] == [
        ("actuals.bad_flag", 2, 2)
    ]


def test_wide_problems_name_the_cell(plan: Plan, tmp_path: Path) -> None:
    path = xlsx(tmp_path / "w.xlsx", [
        ["指标", "2023", "2023年"],  # the same period twice
        ["有效注册商标量", "1,2345", None],  # a misplaced thousands separator
        [None, 5, None],  # a figure without an indicator
    ])  # fmt: skip
    data = read_import(plan, path)
    assert [(p.code, p.line, p.column) for p in data.errors] == [
        ("import.duplicate_period_column", 1, 3),
        ("number.invalid", 2, 2),
        ("import.no_indicator", 3, 1),
    ]


def test_a_file_named_after_an_indicator_needs_no_indicator_column(
    plan: Plan, tmp_path: Path
) -> None:
    path = tmp_path / "trademarks_valid.csv"
    path.write_text("period,value\n2024,25000\n2025,\n", encoding="utf-8")
    data = read_import(plan, path)
    assert figures(data) == {"trademarks_valid": [("2024", 25000, "")]}
    assert data.skipped == 1  # 2025 has no value yet


def test_a_long_file_needs_an_indicator_column_or_name(plan: Plan, tmp_path: Path) -> None:
    path = tmp_path / "bulletin.csv"
    path.write_text("period,value\n2024,1\n", encoding="utf-8")
    data = read_import(plan, path)
    assert [(p.code, p.line) for p in data.errors] == [("import.no_indicator_column", 1)]


def test_unusable_files(plan: Plan, tmp_path: Path) -> None:
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"\xef\xbb\xbf\n\n")
    no_header = tmp_path / "x.csv"
    no_header.write_text("a,b\n1,2\n", encoding="utf-8")
    old_excel = tmp_path / "old.xls"
    old_excel.write_bytes(b"\xd0\xcf\x11\xe0" + b"\0" * 100)
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    for path, code in [(empty, "import.empty"), (no_header, "import.no_header"),
                       (old_excel, "import.xls"), (broken, "import.bad_xlsx"),
                       (tmp_path / "missing.csv", "import.unreadable")]:  # fmt: skip
        with pytest.raises(DataError) as err:
            read_import(plan, path)
        assert err.value.code == code


def test_sheet_option(plan: Plan, tmp_path: Path) -> None:
    path = xlsx(tmp_path / "a.xlsx", [["指标", 2024], ["有效注册商标量", 1]])
    with pytest.raises(UsageError) as err:
        read_import(plan, path, sheet="Sheet9")
    assert "Sheet1" in str(err.value)  # the sheets it has
    csv_file = tmp_path / "a.csv"
    csv_file.write_text("指标,2024\n有效注册商标量,1\n", encoding="utf-8")
    with pytest.raises(UsageError):
        read_import(plan, csv_file, sheet="Sheet1")


@pytest.mark.parametrize(
    "encode",
    [
        lambda text: text.encode("gbk"),  # Excel "CSV (逗号分隔)" on Chinese Windows
        lambda text: b"\xef\xbb\xbf" + text.encode("utf-8"),  # Excel "CSV UTF-8"
        lambda text: text.encode("gb18030"),
    ],
)
def test_csv_as_excel_saves_it(plan: Plan, tmp_path: Path, encode: object) -> None:
    text = '指标名称,2023年,2024年,,\r\n有效注册商标量,"22,542","25,000",,\r\n,,,,\r\n'
    path = tmp_path / "excel.csv"
    path.write_bytes(encode(text))  # type: ignore[operator]
    data = read_import(plan, path)
    assert data.errors == []
    assert figures(data) == {"trademarks_valid": [("2023", 22542, ""), ("2024", 25000, "")]}


def test_a_unit_column_scales_or_stops_the_row(plan: Plan, tmp_path: Path) -> None:
    path = tmp_path / "units.csv"
    path.write_text(
        "项目,单位,2024年\n"
        "有效注册商标量,万件,2.25\n"  # 2.25 万件 = 2.25 × 10^4 = 22500 件
        "专利授权量,千件,1.9\n"  # 千 cannot be matched: an error
        "商标申请量,个,300\n",  # another word for 件: a warning, taken as it is
        encoding="utf-8",
    )
    data = read_import(plan, path)
    assert [(p.code, p.severity, p.line, p.column) for p in data.problems] == [
        ("import.unit_mismatch", "error", 3, 2),
        ("import.unit_differs", "warning", 4, 2),
    ]
    assert figures(data) == {
        "trademarks_valid": [("2024", 22500, "")],
        "trademark_applications": [("2024", 300, "")],
    }


def test_unit_factor() -> None:
    def ind(unit: str) -> Indicator:
        return Indicator("x", "x", "stock", unit=unit)

    assert unit_factor("", ind("件")) == 1
    assert unit_factor("件", ind("件")) == 1
    assert unit_factor("万件", ind("件")) == 10**4
    assert unit_factor("亿元", ind("元")) == 10**8
    assert unit_factor("元", ind("万元")) == Decimal(1) / 10**4
    assert unit_factor("亿元", ind("万元")) == 10**4  # 10^8 / 10^4
    assert unit_factor("千件", ind("件")) is None


def test_xlsx_with_a_wrong_used_range_is_read_whole(plan: Plan, tmp_path: Path) -> None:
    import re
    import zipfile

    good = xlsx(tmp_path / "good.xlsx", [["指标", 2023, 2024], [None], ["专利授权量", 1501, 1600]])
    bad = tmp_path / "bad.xlsx"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(bad, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename.startswith("xl/worksheets/sheet"):
                data = re.sub(rb'<dimension ref="[^"]*"/>', b'<dimension ref="A1"/>', data)
            dst.writestr(item, data)
    data = read_import(plan, bad)
    assert figures(data) == {"patent_grants": [("2023", 1501, ""), ("2024", 1600, "")]}
    assert data.observations["patent_grants"][0].line == 3  # the empty row 2 still counts


def test_long_xlsx_with_excel_numbers_and_dates(plan: Plan, tmp_path: Path) -> None:
    path = xlsx(tmp_path / "long.xlsx", [
        ["indicator", "period", "value", "published"],
        ["trademarks_valid", 2024, 25000.000000000004, datetime(2025, 4, 26)],
        ["trademarks_valid", datetime(2024, 3, 31), 2.2999999999999998, None],
    ])  # fmt: skip
    data = read_import(plan, path)
    rows = data.observations["trademarks_valid"]
    # Excel numbers to 15 significant digits: 25000.000000000004 → 25000, 2.2999999999999998 → 2.3
    assert [(str(o.period), o.value, o.published) for o in rows] == [
        ("2024", 25000, date(2025, 4, 26)),
        ("2024-03", 2.3, None),
    ]
