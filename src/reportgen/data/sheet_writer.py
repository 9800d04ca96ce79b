"""Spreadsheets as bytes (xlsx or CSV) for ``draft`` and ``import``: the headers, widths and
number formats users expect, cells that read back as exactly the text they were written from
(``read_back`` gives that sheet without writing it), and what guides the person filling them
in: merged cells, a frozen header with a note on each column, dropdowns for columns with fixed
values, 待填 cells shown yellow until filled, print setup."""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from reportgen.characters import display_width
from reportgen.data.cells import cell_text, parse_decimal, read_number

if TYPE_CHECKING:
    from reportgen.data.sheets import Table
    from reportgen.errors import SourceRef

GENERAL = "General"
HEADER_FILL = "DDEBF7"
TO_FILL_FILL = "FFFF00"
#: What a cell still to fill in holds (the yellow rule matches it).
TO_FILL_TEXT = "待填"


@dataclass(frozen=True)
class OutCell:
    """A cell to write: the text it must read back as, and the number format to keep."""

    text: str = ""
    number_format: str = GENERAL


@dataclass
class OutSheet:
    name: str
    headers: list[str]  # as written, with units: 增速（%）
    rows: list[list[OutCell]] = field(default_factory=list)
    widths: dict[int, float] = field(default_factory=dict)  # by 1-based column; else fitted
    #: merged cells as (first row, first column, last row, last column), 1-based, header = 1
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)
    notes: dict[int, str] = field(default_factory=dict)  # the header's note, by column
    choices: dict[int, tuple[str, ...]] = field(default_factory=dict)  # a dropdown, by column


def excel_value(text: str, number_format: str = GENERAL) -> tuple[object, str]:
    """(value, number format) of a cell that Excel shows as ``text``.

    A number stays a number (a target of 9 must not become the text "9"), and so does a
    percentage shown by a percent format; the format is the one given when it shows the number
    as ``text``, else General when that does, else one with the text's decimals, so 500.30 stays
    500.30 without fixing the decimals of a plain 9.
    """
    number, percent = parse_decimal(text), False
    if number is None and text.endswith("%") and "%" in number_format:
        number = parse_decimal(text[:-1])
        percent = number is not None
    if number is None:
        return (text or None), number_format
    value = number / 100 if percent else number
    places = max(0, -number.as_tuple().exponent)  # type: ignore[operator]
    fitted = ("0." + "0" * places if places else "0") + ("%" if percent else "")
    for candidate in (number_format, GENERAL, fitted):
        if cell_text(value, candidate) == text:
            return value, candidate
    return value, fitted  # pragma: no cover - the fitted format always shows the text


def read_back(sheet: OutSheet, ref: SourceRef) -> Table:
    """The sheet as reportgen reads it once ``workbook_bytes`` has written it: each cell's
    value and number format read the way a workbook's are."""
    from reportgen.data.sheets import table_of

    texts, formats = [list(sheet.headers)], [["General"] * len(sheet.headers)]
    for row in sheet.rows:
        cells = [excel_value(cell.text, cell.number_format) for cell in row]
        texts.append([read_number(float(value), number_format, False)[0]
                      if isinstance(value, Decimal) else cell_text(value, number_format)
                      for value, number_format in cells])
        formats.append([number_format for _, number_format in cells])
    return table_of(sheet.name, ref.at(sheet=sheet.name), texts, formats, sheet.merges)


def _fitted_width(sheet: OutSheet, index: int) -> float:
    texts = [sheet.headers[index - 1]] + [
        row[index - 1].text for row in sheet.rows if index <= len(row)]
    return float(min(60, max(8, max(display_width(t, ambiguous=2) for t in texts) + 2)))


def workbook_bytes(sheets: Sequence[OutSheet], stamp: dt.datetime) -> bytes:
    """An .xlsx workbook written through openpyxl: per sheet a bold shaded header row frozen at
    the top and printed on every page, set or fitted widths, merges, notes, dropdowns, 待填
    cells yellow (a conditional format: filling one in clears it), fit to the page's width."""
    from reportgen.data.xlsx import openpyxl as load_openpyxl

    openpyxl = load_openpyxl()
    from openpyxl.writer.excel import ExcelWriter

    from reportgen.write import fixed_zip

    book = openpyxl.Workbook()
    book.remove(book.active)
    for sheet in sheets:
        _write_sheet(book.create_sheet(sheet.name), sheet)
    book.properties.creator = "reportgen"
    book.properties.created = book.properties.modified = stamp
    buffer = io.BytesIO()
    # Workbook.save stamps the clock into docProps/core.xml as the time modified; its writer
    # keeps the stamp set above.
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(book, archive).save()
    return fixed_zip(buffer.getvalue(), stamp)


def _write_sheet(out: Any, sheet: OutSheet) -> None:
    from openpyxl.comments import Comment
    from openpyxl.formatting.rule import CellIsRule
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    last_row = max(len(sheet.rows) + 1, 2)
    for column, header in enumerate(sheet.headers, start=1):
        cell = out.cell(1, column, header)
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor=HEADER_FILL)
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        if column in sheet.notes:
            cell.comment = Comment(sheet.notes[column], "reportgen", width=320, height=120)
        width = sheet.widths.get(column) or _fitted_width(sheet, column)
        out.column_dimensions[get_column_letter(column)].width = width
    for number, row in enumerate(sheet.rows, start=2):
        for column, spec in enumerate(row, start=1):
            value, number_format = excel_value(spec.text, spec.number_format)
            cell = out.cell(number, column)
            cell.value = value
            if isinstance(value, str) and value.startswith("="):
                cell.data_type = "s"  # text, never a formula
            cell.number_format = number_format
    for top, left, bottom, right in sheet.merges:
        out.merge_cells(start_row=top, start_column=left, end_row=bottom, end_column=right)
        out.cell(top, left).alignment = Alignment(vertical="center", wrap_text=True)
    for column, values in sorted(sheet.choices.items()):
        letter = get_column_letter(column)
        listed = "、".join(values)
        rule = DataValidation(type="list", formula1='"' + ",".join(values) + '"',
                              allow_blank=True, errorStyle="warning", showErrorMessage=True,
                              errorTitle="reportgen", error=f"请从下拉列表中选择：{listed}",
                              promptTitle=sheet.headers[column - 1], prompt=listed,
                              showInputMessage=True)
        rule.add(f"{letter}2:{letter}{max(last_row, 200)}")
        out.add_data_validation(rule)
    if sheet.headers:
        area = f"A2:{get_column_letter(len(sheet.headers))}{last_row}"
        out.conditional_formatting.add(area, CellIsRule(
            operator="equal", formula=[f'"{TO_FILL_TEXT}"'],
            fill=PatternFill("solid", fgColor=TO_FILL_FILL, bgColor=TO_FILL_FILL)))
    out.freeze_panes = "A2"
    out.print_title_rows = "1:1"
    out.page_setup.paperSize = out.PAPERSIZE_A4
    out.page_setup.orientation = "landscape" if len(sheet.headers) > 5 else "portrait"
    out.page_setup.fitToWidth = 1
    out.page_setup.fitToHeight = 0
    out.sheet_properties.pageSetUpPr.fitToPage = True


def csv_bytes(sheet: OutSheet) -> bytes:
    """One sheet as UTF-8 CSV with a BOM, as Excel's "CSV UTF-8" saves it."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(sheet.headers)
    for row in sheet.rows:
        writer.writerow([c.text for c in row])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")
