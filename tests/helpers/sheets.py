"""Editing the project's spreadsheets in tests, as a user would in Excel."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import openpyxl


def _column(sheet: Any, header: str) -> int:
    for cell in sheet[1]:
        if cell.value and str(cell.value).split("（")[0] == header:
            return int(cell.column)
    raise KeyError(header)


def set_cell(book: Path, sheet_name: str, key_column: str, key: str, column: str, value: Any,
             number_format: str | None = None) -> None:
    """Set ``column`` of the row whose ``key_column`` is ``key``."""
    workbook = openpyxl.load_workbook(book)
    sheet = workbook[sheet_name]
    key_index, index = _column(sheet, key_column), _column(sheet, column)
    for row in range(2, sheet.max_row + 1):
        if sheet.cell(row, key_index).value == key:
            cell = sheet.cell(row, index)
            cell.value = value
            if number_format:
                cell.number_format = number_format
            workbook.save(book)
            return
    raise KeyError(key)


def append_row(book: Path, sheet_name: str, values: dict[str, Any]) -> None:
    workbook = openpyxl.load_workbook(book)
    sheet = workbook[sheet_name]
    row = sheet.max_row + 1
    for header, value in values.items():
        sheet.cell(row, _column(sheet, header)).value = value
    workbook.save(book)


def insert_row_after(book: Path, sheet_name: str, key_column: str, key: str,
                     values: dict[str, Any]) -> None:
    workbook = openpyxl.load_workbook(book)
    sheet = workbook[sheet_name]
    key_index = _column(sheet, key_column)
    for row in range(2, sheet.max_row + 1):
        if sheet.cell(row, key_index).value == key:
            sheet.insert_rows(row + 1)
            for header, value in values.items():
                sheet.cell(row + 1, _column(sheet, header)).value = value
            workbook.save(book)
            return
    raise KeyError(key)


def rename_header(book: Path, sheet_name: str, header: str, new: str) -> None:
    workbook = openpyxl.load_workbook(book)
    sheet = workbook[sheet_name]
    sheet.cell(1, _column(sheet, header)).value = new
    workbook.save(book)


def cell_value(book: Path, sheet_name: str, cell: str) -> Any:
    return openpyxl.load_workbook(book)[sheet_name][cell].value


def add_column(book: Path, sheet_name: str, header: str, values: dict[str, Any],
               key_column: str = "指标名称") -> None:
    """Add a column after the last one, with ``values`` by the row's key."""
    workbook = openpyxl.load_workbook(book)
    sheet = workbook[sheet_name]
    index = sheet.max_column + 1
    sheet.cell(1, index).value = header
    key_index = _column(sheet, key_column)
    for row in range(2, sheet.max_row + 1):
        key = sheet.cell(row, key_index).value
        if key in values:
            sheet.cell(row, index).value = values[key]
    workbook.save(book)
