"""Read spreadsheets (xlsx, CSV) into raw, string-valued tables with source refs.

Nothing here knows what a column means: that is ``validate``'s job. How a cell's value reads
is ``cells``; this module reads the workbooks - with openpyxl for the values and number
formats, and from the sheet's XML for what openpyxl's fast reader does not give: which cells
hold formulas, and the merged cells.
"""

from __future__ import annotations

import csv
import io
import json
import re
import zipfile
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from reportgen import cache
from reportgen.data.cells import (
    ERROR,
    FORMULA,
    UNCOMPUTED,
    Cell,
    cell_text,
    clean_text,
    header_key,
    read_number,
)
from reportgen.errors import ReportgenError, SourceRef
from reportgen.i18n import _

_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_COORDINATE = re.compile(r"([A-Z]+)([0-9]+)")
_CELLS_FILE = str(Path(__file__).with_name("cells.py"))


@dataclass
class Row:
    ref: SourceRef
    cells: dict[str, Cell]

    def get(self, column: str) -> Cell:
        found = self.cells.get(column)
        return found if found is not None else Cell("", self.ref)


@dataclass
class Table:
    """One sheet (or CSV file): its headers as written, its non-empty rows, its merged cells
    (first row, first column, last row, last column; 1-based, as the sheet numbers them)."""

    name: str
    ref: SourceRef
    headers: list[str]
    header_refs: dict[str, SourceRef]
    rows: list[Row] = field(default_factory=list)
    header_texts: dict[str, str] = field(default_factory=dict)  # as written: 增速（%）
    merges: tuple[tuple[int, int, int, int], ...] = ()
    #: Why the sheet cannot be read as a table, if it cannot: an error only where it is read
    #: (a 填表说明 or an empty Sheet1 beside the sheets reportgen reads is no problem).
    problem: ReportgenError | None = None

    def filled_rows(self) -> list[Row]:
        """The rows, a blank cell under a merged cell holding the merged cell's value (as Excel
        shows it: one value over the merged rows)."""
        if not self.merges:
            return self.rows
        at = {(cell.ref.row, cell.ref.column): cell for row in self.rows
              for cell in row.cells.values()}
        filled = []
        for row in self.rows:
            cells = dict(row.cells)
            for key, cell in row.cells.items():
                corner = self.merged_into(cell.ref.row or 0, cell.ref.column or 0)
                if cell.blank and corner is not None and corner in at:
                    cells[key] = replace(at[corner], ref=cell.ref)
            filled.append(Row(row.ref, cells))
        return filled

    def merged_into(self, row: int, column: int) -> tuple[int, int] | None:
        """The top-left cell of the merged cell that (row, column) lies under, if any."""
        for top, left, bottom, right in self.merges:
            if top <= row <= bottom and left <= column <= right and (row, column) != (top, left):
                return top, left
        return None


# --- workbooks ------------------------------------------------------------------------------


def read_workbook(path: Path, ref: SourceRef) -> dict[str, Table]:
    """Every sheet of an .xlsx workbook as a Table, keyed by sheet name.

    What each cell holds depends on the file's bytes alone, so it is kept in the cache under
    their hash: a workbook read before is not opened again.
    """
    if path.suffix.lower() == ".xls":
        raise ReportgenError(
            _("this is an old-style .xls workbook; reportgen reads .xlsx"),
            ref,
            _("Open it in Excel or WPS and save it as Excel 工作簿 (*.xlsx)."),
        )
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ReportgenError(_("cannot be read: {strerror}")
                               .format(strerror=exc.strerror), ref) from None
    if not data:
        raise ReportgenError(_("the file is empty (0 bytes); expected an .xlsx workbook"), ref)
    name = cache.key("workbook", cache.code_of(__file__), cache.code_of(_CELLS_FILE), data)
    sheets = _decode(cache.load("workbooks", name))
    if sheets is None:
        sheets = _read_sheets(data, ref)
        cache.store("workbooks", name, json.dumps(sheets, ensure_ascii=False).encode("utf-8"))
    return {sheet["title"]: readable(lambda s=sheet: _table_from_grid(
                s["title"], ref.at(sheet=s["title"]), s["texts"], s["formats"], s["extra"],
                [tuple(m) for m in s["merges"]]), sheet["title"], ref.at(sheet=sheet["title"]))
            for sheet in sheets}


def readable(read: Any, name: str, ref: SourceRef) -> Table:
    """The table ``read()`` gives, or one that holds why the sheet cannot be read."""
    try:
        table: Table = read()
        return table
    except ReportgenError as exc:
        return Table(name, ref, [], {}, problem=exc)


def _decode(data: bytes | None) -> list[dict[str, Any]] | None:
    if data is None:
        return None
    try:
        sheets = json.loads(data)
        return sheets if isinstance(sheets, list) and all(
            {"title", "texts", "formats", "extra", "merges"} <= set(s) for s in sheets) else None
    except (ValueError, TypeError):
        return None


def _scan(package: zipfile.ZipFile, part: str) -> tuple[set[tuple[int, int]],
                                                          list[tuple[int, int, int, int]]]:
    """The cells of a sheet's XML that hold a formula, and its merged cells."""
    from lxml import etree

    formulas: set[tuple[int, int]] = set()
    merges: list[tuple[int, int, int, int]] = []
    with package.open(part) as source:
        for _event, element in etree.iterparse(source, tag=(f"{_MAIN}c", f"{_MAIN}mergeCell"),
                                          huge_tree=True, resolve_entities=False):
            if element.tag == f"{_MAIN}c":
                if element.find(f"{_MAIN}f") is not None:
                    place = _coordinate(element.get("r", ""))
                    if place:
                        formulas.add(place)
            else:
                corners = [_coordinate(c) for c in element.get("ref", "").split(":")]
                if len(corners) == 2 and corners[0] and corners[1]:
                    (top, left), (bottom, right) = corners[0], corners[1]
                    merges.append((top, left, bottom, right))
            element.clear()
    return formulas, merges


def _coordinate(text: str) -> tuple[int, int] | None:
    """"B7" -> (7, 2)."""
    match = _COORDINATE.fullmatch(text.replace("$", ""))
    if not match:
        return None
    column = 0
    for letter in match.group(1):
        column = column * 26 + ord(letter) - 64
    return int(match.group(2)), column


def _read_sheets(data: bytes, ref: SourceRef) -> list[dict[str, Any]]:
    """Per sheet: its title, each cell's text and number format, what Excel shows where that
    differs and what kind of cell it is (``extra``, by "row,column"), and its merges."""
    from reportgen.data.xlsx import openpyxl as load_openpyxl

    openpyxl = load_openpyxl()
    from openpyxl.utils.escape import unescape
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        package = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, ValueError) as exc:
        raise ReportgenError(
            _("cannot be read as an .xlsx workbook (corrupt, password-protected, or another "
              "format)"),
            ref,
            _("Open it in Excel or WPS and save it again as *.xlsx without a password. ({exc})")
              .format(exc=exc),
        ) from None
    except Exception as exc:  # openpyxl raises many kinds on malformed package parts
        raise ReportgenError(
            _("cannot be read as an .xlsx workbook (its contents are malformed)"),
            ref,
            _("Open it in Excel or WPS and save it again as *.xlsx. ({kind}: {exc})")
              .format(kind=type(exc).__name__, exc=exc),
        ) from None
    try:
        sheets = []
        for sheet in book.worksheets:
            formulas, merges = _scan(package, sheet._worksheet_path)
            sheet.reset_dimensions()  # a wrong <dimension> would cut rows and columns short
            texts: list[list[str]] = []
            formats: list[list[str]] = []
            extra: dict[str, list[str | None]] = {}
            for row_number, row in enumerate(sheet.iter_rows(), start=1):
                row_texts, row_formats = [], []
                for column, cell in enumerate(row, start=1):
                    value, fmt = cell.value, getattr(cell, "number_format", None) or "General"
                    # Excel stores characters XML cannot hold as _xHHHH_; openpyxl decodes them
                    # only in shared strings (validation then rejects them).
                    if isinstance(value, str) and "_x" in value:
                        value = unescape(value)
                    kind = ""
                    if getattr(cell, "data_type", None) == "e":
                        kind = ERROR
                    elif (row_number, column) in formulas:
                        kind = FORMULA if value is not None else UNCOMPUTED
                    shown = None
                    if isinstance(value, (int, float)) and not isinstance(value, bool):
                        text, shown = read_number(value, fmt, kind == FORMULA)
                    else:
                        text = cell_text(value, fmt)
                    if kind or shown is not None:
                        extra[f"{row_number},{column}"] = [shown, kind]
                    row_texts.append(text)
                    row_formats.append(fmt)
                texts.append(row_texts)
                formats.append(row_formats)
            sheets.append({"title": sheet.title, "texts": texts, "formats": formats,
                           "extra": extra, "merges": merges})
        return sheets
    except ReportgenError:
        raise
    except Exception as exc:
        raise ReportgenError(
            _("cannot be read as an .xlsx workbook (a sheet is malformed)"),
            ref,
            _("Open it in Excel or WPS and save it again as *.xlsx. ({kind}: {exc})")
              .format(kind=type(exc).__name__, exc=exc),
        ) from None
    finally:
        book.close()
        package.close()


def read_column_widths(path: Path) -> dict[str, dict[int, float]]:
    """The column widths set in each sheet of an .xlsx workbook, by 1-based column index."""
    from reportgen.data.xlsx import openpyxl as load_openpyxl

    openpyxl = load_openpyxl()
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
        raise ReportgenError(_("the file is empty; expected a header row of column names"), ref)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise ReportgenError(
            _("is not UTF-8 text (byte {start}, line {line})")
              .format(start=exc.start + 1, line=line),
            ref,
            _("Save it from Excel as \u201cCSV UTF-8（逗号分隔）\u201d."),
        ) from None
    try:
        # Only CR/LF end a record: str.splitlines would also cut at form feeds and U+2028.
        records = list(csv.reader(io.StringIO(text, newline=""), strict=True))
    except csv.Error as exc:
        raise ReportgenError(_("is not valid CSV: {exc}").format(exc=exc), ref) from None
    texts = [[clean_text(value) for value in record] for record in records]
    return _table_from_grid(name, ref, texts, [["General"] * len(row) for row in texts])


def table_of(name: str, ref: SourceRef, texts: list[list[str]], formats: list[list[str]],
             merges: list[tuple[int, int, int, int]] | None = None) -> Table:
    """A sheet given as its cells' texts and number formats (the header row first), read as a
    workbook's sheet is."""
    return _table_from_grid(name, ref, texts, formats, None, merges)


def _refuse_title_row(texts: list[list[str]], start: int, columns: list[tuple[int, str]],
                      ref: SourceRef) -> None:
    """A first row of one cell above a row of several is a title over the header, not the
    header: say so, rather than blame the columns below for having no name."""
    if len(columns) != 1:
        return
    # the header: the first row of several cells, below rows of one cell at most
    below = next((i for i in range(start + 1, len(texts))
                  if sum(1 for text in texts[i] if text) > 1), None)
    if below is None:
        return
    index = columns[0][0]
    raise ReportgenError(
        _("holds 「{title}」, a title above the header: the first row "
          "that is not empty is the header, which names the columns")
        .format(title=texts[start][index - 1][:40]),
        ref.at(row=start + 1, column=index),
        _("Delete the rows above the column names (row {row}), which must come first")
        .format(row=below + 1))


def _table_from_grid(name: str, ref: SourceRef, texts: list[list[str]],
                     formats: list[list[str]], extra: dict[str, list[str | None]] | None = None,
                     merges: list[tuple[int, int, int, int]] | None = None) -> Table:
    start = next((i for i, row in enumerate(texts) if any(row)), None)
    if start is None:
        raise ReportgenError(_("the sheet is empty; expected a header row of column names"), ref)
    header_row = texts[start]
    headers: list[str] = []
    header_refs: dict[str, SourceRef] = {}
    columns: list[tuple[int, str]] = []
    extra = extra or {}
    kinds = {key: kind for key, (_, kind) in extra.items() if kind in (ERROR, UNCOMPUTED)}
    for index, header in enumerate(header_row, start=1):
        kind = kinds.get(f"{start + 1},{index}")
        if kind:
            what = (_("the Excel error 「{header}」").format(header=header) if kind == ERROR else
                    _("a formula whose result was not saved"))
            raise ReportgenError(_("holds {what} where a column name belongs").format(what=what),
                                 ref.at(row=start + 1, column=index),
                                 _("Type the column's name in the header row."))
        if not header:
            continue
        key = header_key(header)
        cell_ref = ref.at(row=start + 1, column=index)
        if key in header_refs:
            raise ReportgenError(
                _("column 「{key}」 appears twice (also at {key2})")
                  .format(key=key, key2=header_refs[key]), cell_ref
            )
        headers.append(key)
        header_refs[key] = cell_ref
        columns.append((index, key))
    _refuse_title_row(texts, start, columns, ref)
    table = Table(name, ref, headers, header_refs,
                  header_texts={key: clean_text(header_row[i - 1]) for i, key in columns},
                  merges=tuple(merges or ()))
    known = {index for index, _ in columns}
    for offset, row in enumerate(texts[start + 1 :], start=start + 2):
        # a formula saved without its result reads as blank, but the row is not empty
        if not any(row) and not any(f"{offset},{i}" in kinds for i in range(1, len(row) + 1)):
            continue
        for index, text in enumerate(row, start=1):
            uncomputed = kinds.get(f"{offset},{index}") == UNCOMPUTED
            if (text or uncomputed) and index not in known:
                what = _("a formula whose result was not saved") if uncomputed else \
                    f"「{text[:20]}」"
                raise ReportgenError(
                    _("holds {what} but its column has no header").format(what=what),
                    ref.at(row=offset, column=index),
                    _("Give the column a name in the header row, or clear the cell."),
                )
        row_ref = SourceRef(ref.file, ref.sheet, offset)
        number_formats = formats[offset - 1]
        cells = {}
        for index, key in columns:
            shown, kind = extra.get(f"{offset},{index}", (None, ""))
            cells[key] = Cell(row[index - 1] if index <= len(row) else "",
                              SourceRef(ref.file, ref.sheet, offset, index, key),
                              number_formats[index - 1] if index <= len(row) else "General",
                              shown, kind or "")
        table.rows.append(Row(row_ref, cells))
    return table
