"""Filling in a drafted year the way Excel stores what a person types: a percentage typed as 8.1%
is the fraction 0.081 in a percent-formatted cell, a number keeps the cell's format."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl

#: What a person types into a 待填 cell, by column header: (value, number format or None to
#: keep the cell's). A callable gets (sheet name, the row's values) for a value per row.
Typed = dict[str, Any]


def fill_workbook(path: Path, typed: Typed) -> int:
    """Replace every 待填 in the workbook as ``typed`` says; returns how many were filled."""
    book = openpyxl.load_workbook(path)
    filled = 0
    for sheet in book.worksheets:
        headers = {cell.column: str(cell.value or "") for cell in sheet[1]}
        for row in sheet.iter_rows(min_row=2):
            for cell in row:
                if cell.value != "待填":
                    continue
                header = headers.get(cell.column, "")
                key = next((k for k in typed if header.startswith(k)), None)
                if key is None:
                    raise AssertionError(f"nothing to type in {sheet.title}!{cell.coordinate} "
                                         f"({header})")
                value = typed[key]
                if callable(value):
                    value = value(sheet.title, [c.value for c in row])
                value, number_format = value if isinstance(value, tuple) else (value, None)
                cell.value = value
                if number_format:
                    cell.number_format = number_format
                filled += 1
    book.save(path)
    return filled


def project_counts(sheet: str, row: list[Any]) -> Any:
    """项目数 that add up, for the 项目数 cells of a drafted statistics.xlsx: each breakdown
    of a type of investment gives the same total."""
    if sheet == "投资计划":
        if row[1] == "按领域":
            return 2
        return {"社会投资项目": {"新建项目": 10, "续建项目": 4},
                "政府投资项目": {"新建项目": 3, "续建项目": 9}}[row[0]][row[2]]
    return 12 if row[0] == "社会投资项目" else 8


def append_rows(path: Path, sheet: str, rows: list[list[Any]]) -> None:
    book = openpyxl.load_workbook(path)
    for row in rows:
        book[sheet].append(row)
    book.save(path)


def edit_text(path: Path, edit: Callable[[str], str]) -> None:
    path.write_text(edit(path.read_text(encoding="utf-8")), encoding="utf-8")
