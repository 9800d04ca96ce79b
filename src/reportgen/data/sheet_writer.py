"""Spreadsheets as bytes (xlsx or CSV) for ``draft``: the headers, widths and number formats users
expect, and cells that read back as exactly the text they were written from."""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field

from reportgen.characters import display_width
from reportgen.data.cells import cell_text, parse_decimal

GENERAL = "General"
HEADER_FILL = "DDEBF7"


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


def _fitted_width(sheet: OutSheet, index: int) -> float:
    texts = [sheet.headers[index - 1]] + [
        row[index - 1].text for row in sheet.rows if index <= len(row)]
    return float(min(60, max(8, max(display_width(t, ambiguous=2) for t in texts) + 2)))


def workbook_bytes(sheets: Sequence[OutSheet], stamp: dt.datetime) -> bytes:
    """An .xlsx workbook: bold shaded header row frozen at the top, set or fitted widths."""
    import openpyxl
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.writer.excel import ExcelWriter

    from reportgen.write import fixed_zip

    book = openpyxl.Workbook()
    book.remove(book.active)
    for sheet in sheets:
        out = book.create_sheet(sheet.name)
        for column, header in enumerate(sheet.headers, start=1):
            cell = out.cell(1, column, header)
            cell.font = Font(bold=True)
            cell.fill = PatternFill("solid", fgColor=HEADER_FILL)
            cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
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
        out.freeze_panes = "A2"
    book.properties.creator = "reportgen"
    book.properties.created = book.properties.modified = stamp
    buffer = io.BytesIO()
    # Workbook.save stamps the clock into docProps/core.xml as the time modified; its writer
    # keeps the stamp set above.
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(book, archive).save()
    return fixed_zip(buffer.getvalue(), stamp)


def csv_bytes(sheet: OutSheet) -> bytes:
    """One sheet as UTF-8 CSV with a BOM, as Excel's "CSV UTF-8" saves it."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(sheet.headers)
    for row in sheet.rows:
        writer.writerow([c.text for c in row])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")
