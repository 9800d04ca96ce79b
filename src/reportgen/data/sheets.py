"""Read spreadsheets (xlsx, CSV) into raw, string-valued tables with source refs.

Nothing here knows what a column means: that is ``validate``'s job. A spreadsheet cell is read
as the text Excel shows for it (number formats applied, thousands separators dropped), so
500.30 formatted with two decimals stays "500.30" and a 0.095 cell formatted 0.0% reads "9.5%".
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import zipfile
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation, localcontext
from pathlib import Path
from typing import Any

from reportgen import cache
from reportgen.errors import ReportgenError, SourceRef

_LINEBREAKS = re.compile(r"[ \t\u3000]*[\r\n]+[ \t\u3000]*")
_UNIT_SUFFIX = re.compile(r"\s*[（(][^（）()]*[）)]\s*$")


def clean_text(text: str) -> str:
    """Cell text as the report uses it: trimmed, with in-cell line breaks removed.

    Chinese has no spaces between words, so a line break typed inside a cell (Alt+Enter)
    joins its two halves directly.
    """
    return _LINEBREAKS.sub("", text).strip()


@dataclass(frozen=True)
class Cell:
    text: str
    ref: SourceRef
    number_format: str = "General"  # the xlsx cell's, so that ``draft`` can keep it

    @property
    def blank(self) -> bool:
        return self.text == ""


@dataclass
class Row:
    ref: SourceRef
    cells: dict[str, Cell]

    def get(self, column: str) -> Cell:
        found = self.cells.get(column)
        return found if found is not None else Cell("", self.ref)


@dataclass
class Table:
    """One sheet (or CSV file): its headers as written and its non-empty rows."""

    name: str
    ref: SourceRef
    headers: list[str]
    header_refs: dict[str, SourceRef]
    rows: list[Row] = field(default_factory=list)
    header_texts: dict[str, str] = field(default_factory=dict)  # as written: 增速（%）


def header_key(header: str) -> str:
    """The column name a header stands for: "完成投资（亿元）" -> "完成投资"."""
    text = clean_text(header).replace(" ", "").replace("\u3000", "")
    stripped = _UNIT_SUFFIX.sub("", text)
    return stripped or text


# --- numbers as Excel displays them ---------------------------------------------------------

_QUOTED = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]|_.|\*.')


def _format_decimals(number_format: str) -> tuple[int | None, bool]:
    """(decimal places, is-percent) of the positive section of an Excel number format.

    ``None`` decimals means General: show the number at its natural precision.
    """
    section = _QUOTED.sub("", number_format.split(";")[0])
    if section.strip().lower() in ("", "general", "@"):
        return None, False
    percent = "%" in section
    if not re.search(r"[0#?]", section):
        return None, percent
    _, dot, frac = section.partition(".")
    decimals = len(re.match(r"[0#?]*", frac).group(0)) if dot else 0  # type: ignore[union-attr]
    return decimals, percent


def number_text(value: float | Decimal, number_format: str = "General") -> str:
    """The text Excel shows for a numeric cell, without thousands separators."""
    decimals, percent = _format_decimals(number_format or "General")
    number = Decimal(value) if isinstance(value, (int, Decimal)) else Decimal(repr(value))
    with localcontext() as context:  # enough digits for any number a cell holds
        context.prec = max(28, number.adjusted() + (decimals or 0) + 6)
        if percent:
            number = number * 100
        if decimals is None:
            whole = number == number.to_integral_value()
            number = number.quantize(1) if whole else number.normalize()
            if number == 0:
                number = Decimal(0)
        else:
            number = number.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    text = format(number, "f")
    return text + "%" if percent else text


def cell_text(value: Any, number_format: str = "General") -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, (int, float, Decimal)):
        return number_text(value, number_format)
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0):
            return value.date().isoformat()
        return value.isoformat(sep=" ")
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    return clean_text(str(value))


# --- workbooks ------------------------------------------------------------------------------


def read_workbook(path: Path, ref: SourceRef) -> dict[str, Table]:
    """Every sheet of an .xlsx workbook as a Table, keyed by sheet name.

    What Excel shows in each cell depends on the file's bytes alone, so it is kept in the
    cache under their hash: a workbook read before is not opened again.
    """
    if path.suffix.lower() == ".xls":
        raise ReportgenError(
            "this is an old-style .xls workbook; reportgen reads .xlsx",
            ref,
            "Open it in Excel or WPS and save it as Excel 工作簿 (*.xlsx).",
        )
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ReportgenError(f"cannot be read: {exc.strerror}", ref) from None
    if not data:
        raise ReportgenError("the file is empty (0 bytes); expected an .xlsx workbook", ref)
    name = cache.key("workbook", cache.code_of(__file__), data)
    sheets = _decode(cache.load("workbooks", name))
    if sheets is None:
        sheets = _read_sheets(data, ref)
        cache.store("workbooks", name, json.dumps(sheets, ensure_ascii=False).encode("utf-8"))
    return {title: _table_from_grid(title, ref.at(sheet=title), texts, formats)
            for title, texts, formats in sheets}


Sheets = list[tuple[str, list[list[str]], list[list[str]]]]


def _decode(data: bytes | None) -> Sheets | None:
    if data is None:
        return None
    try:
        return [(title, texts, formats) for title, texts, formats in json.loads(data)]
    except (ValueError, TypeError):
        return None


def _read_sheets(data: bytes, ref: SourceRef) -> Sheets:
    """(title, texts, number formats) of every sheet, as openpyxl reads them."""
    import openpyxl
    from openpyxl.utils.escape import unescape
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, ValueError) as exc:
        raise ReportgenError(
            "cannot be read as an .xlsx workbook (corrupt, password-protected, or another format)",
            ref,
            f"Open it in Excel or WPS and save it again as *.xlsx without a password. ({exc})",
        ) from None
    except Exception as exc:  # openpyxl raises many kinds on malformed package parts
        raise ReportgenError(
            "cannot be read as an .xlsx workbook (its contents are malformed)",
            ref,
            f"Open it in Excel or WPS and save it again as *.xlsx. ({type(exc).__name__}: {exc})",
        ) from None
    try:
        sheets = []
        for sheet in book.worksheets:
            # Excel stores characters XML cannot hold as _xHHHH_; openpyxl decodes them only in
            # shared strings, so inline strings are decoded here (validation then rejects them).
            grid = [
                [(unescape(c.value) if isinstance(c.value, str) and "_x" in c.value else c.value,
                  getattr(c, "number_format", "General") or "General") for c in row]
                for row in sheet.iter_rows()
            ]
            sheets.append((sheet.title, [[cell_text(v, f) for v, f in row] for row in grid],
                           [[f for _, f in row] for row in grid]))
        return sheets
    except ReportgenError:
        raise
    except Exception as exc:
        raise ReportgenError(
            "cannot be read as an .xlsx workbook (a sheet is malformed)",
            ref,
            f"Open it in Excel or WPS and save it again as *.xlsx. ({type(exc).__name__}: {exc})",
        ) from None
    finally:
        book.close()


def read_column_widths(path: Path) -> dict[str, dict[int, float]]:
    """The column widths set in each sheet of an .xlsx workbook, by 1-based column index."""
    import openpyxl
    from openpyxl.utils import column_index_from_string

    book = openpyxl.load_workbook(path)
    try:
        return {
            sheet.title: {column_index_from_string(letter): float(dimension.width)
                          for letter, dimension in sheet.column_dimensions.items()
                          if dimension.customWidth and dimension.width}
            for sheet in book.worksheets
        }
    finally:
        book.close()


def read_csv(path: Path, name: str, ref: SourceRef) -> Table:
    """A CSV file (UTF-8, with or without BOM) as a Table."""
    raw = path.read_bytes()
    if not raw.strip():
        raise ReportgenError("the file is empty; expected a header row of column names", ref)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise ReportgenError(
            f"is not UTF-8 text (byte {exc.start + 1}, line {line})",
            ref,
            "Save it from Excel as \u201cCSV UTF-8（逗号分隔）\u201d.",
        ) from None
    try:
        # Only CR/LF end a record: str.splitlines would also cut at form feeds and U+2028.
        records = list(csv.reader(io.StringIO(text, newline=""), strict=True))
    except csv.Error as exc:
        raise ReportgenError(f"is not valid CSV: {exc}", ref) from None
    texts = [[clean_text(value) for value in record] for record in records]
    return _table_from_grid(name, ref, texts, [["General"] * len(row) for row in texts])


def _table_from_grid(name: str, ref: SourceRef, texts: list[list[str]],
                     formats: list[list[str]]) -> Table:
    start = next((i for i, row in enumerate(texts) if any(row)), None)
    if start is None:
        raise ReportgenError("the sheet is empty; expected a header row of column names", ref)
    header_row = texts[start]
    headers: list[str] = []
    header_refs: dict[str, SourceRef] = {}
    columns: list[tuple[int, str]] = []
    for index, header in enumerate(header_row, start=1):
        if not header:
            continue
        key = header_key(header)
        cell_ref = ref.at(row=start + 1, column=index)
        if key in header_refs:
            raise ReportgenError(
                f"column 「{key}」 appears twice (also at {header_refs[key]})", cell_ref
            )
        headers.append(key)
        header_refs[key] = cell_ref
        columns.append((index, key))
    table = Table(name, ref, headers, header_refs,
                  header_texts={key: clean_text(header_row[i - 1]) for i, key in columns})
    known = {index for index, _ in columns}
    for offset, row in enumerate(texts[start + 1 :], start=start + 2):
        if not any(row):
            continue
        for index, text in enumerate(row, start=1):
            if text and index not in known:
                raise ReportgenError(
                    f"holds 「{text[:20]}」 but its column has no header",
                    ref.at(row=offset, column=index),
                    "Give the column a name in the header row, or clear the cell.",
                )
        row_ref = SourceRef(ref.file, ref.sheet, offset)
        number_formats = formats[offset - 1]
        cells = {
            key: Cell(row[index - 1] if index <= len(row) else "",
                      SourceRef(ref.file, ref.sheet, offset, index, key),
                      number_formats[index - 1] if index <= len(row) else "General")
            for index, key in columns
        }
        table.rows.append(Row(row_ref, cells))
    return table


def parse_decimal(text: str) -> Decimal | None:
    """A plain decimal number written as text, or None; "1,234.5" is not accepted."""
    if not re.fullmatch(r"[+-]?(\d+(\.\d*)?|\.\d+)", text):
        return None
    try:
        return Decimal(text)
    except InvalidOperation:  # pragma: no cover - the pattern already excludes these
        return None
