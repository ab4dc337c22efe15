"""ipplan.data.sheets: reading XLSX cells as Excel/WPS saved them."""

from __future__ import annotations

from pathlib import Path

import pytest

from ipplan.core.errors import DataError
from ipplan.data.sheets import read_sheet


def _book(path: Path, rows: list[list[object]]) -> Path:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def test_a_formula_without_a_calculated_value_is_an_error_with_its_cell(tmp_path: Path) -> None:
    # openpyxl writes the formula only; Excel/WPS would have stored its result beside it.
    path = _book(
        tmp_path / "f.xlsx", [["指标", "2022年", "2023年"], ["有效注册商标量", 19724, "=B2*2"]]
    )
    with pytest.raises(DataError) as caught:
        read_sheet(path)
    problem = caught.value.problems[0]
    assert (problem.code, problem.line, problem.column) == ("import.formula_uncached", 2, 3)
    assert problem.params["formula"] == "=B2*2"


def test_plain_numbers_are_read_as_numbers(tmp_path: Path) -> None:
    path = _book(tmp_path / "n.xlsx", [["指标", "2023年"], ["有效注册商标量", 22542]])
    sheet = read_sheet(path)
    assert sheet.rows[1] == (2, ["有效注册商标量", 22542])
