"""Raw sheets made directly, laid out as the reader makes them, for unit tests of validation."""

from __future__ import annotations

from collections.abc import Sequence

from reportgen.data.sheets import Cell, Row, Table
from reportgen.errors import SourceRef


def sheet_table(headers: Sequence[str], rows: Sequence[Sequence[str]],
                file: str = "data/2021/indicators.xlsx", sheet: str = "完成情况") -> Table:
    """A sheet whose header row is row 1 and whose ``rows`` start at row 2; a short row is
    padded with blank cells. Refs are the reader's: ``file[sheet]!C2（指标名称）``."""
    ref = SourceRef(file, sheet)
    header_refs = {h: ref.at(row=1, column=i) for i, h in enumerate(headers, start=1)}
    table = Table(sheet, ref, list(headers), header_refs, header_texts={h: h for h in headers})
    for offset, values in enumerate(rows, start=2):
        cells = {h: Cell(values[i - 1] if i <= len(values) else "",
                         SourceRef(file, sheet, offset, i, h))
                 for i, h in enumerate(headers, start=1)}
        table.rows.append(Row(SourceRef(file, sheet, offset), cells))
    return table
