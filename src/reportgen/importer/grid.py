"""A table as import reads it: its rows, each cell in its place and a cell merged down from the
row above standing as an empty one (as a .txt writes it), the header rows apart from the body,
and the header's columns - one row of them, or two, where a header spans the columns it heads
(2020年完成 over 绝对值 and 增速)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from reportgen.importer.source import Table

_WHOLE = re.compile(r"^\d{1,3}$")
_FIGURE = re.compile(r"^[-+]?\d+(\.\d+)?[%％]?$")


@dataclass(frozen=True)
class GridCell:
    text: str
    column: int  # 1-based
    span: int = 1


Row = tuple[GridCell, ...]


@dataclass(frozen=True)
class Leaf:
    """A column of values: its header, and the header over it (two header rows)."""

    title: str
    parent: str | None = None


def rows_of(table: Table) -> list[Row]:
    """The table's rows, each cell once, the cells a merge from above covers as empty ones."""
    out: list[Row] = []
    for row in table.rows:
        cells = [GridCell(cell.text, cell.column, cell.span) for cell in row]
        if table.gridded:
            covered = {c for cell in cells for c in range(cell.column, cell.column + cell.span)}
            cells += [GridCell("", column) for column in range(1, table.width + 1)
                      if column not in covered]
            cells.sort(key=lambda cell: cell.column)
        out.append(tuple(cells))
    return out


def filled(row: Row) -> list[GridCell]:
    return [cell for cell in row if cell.text]


def is_whole(text: str) -> bool:
    return bool(_WHOLE.match(text))


def header_depth(rows: list[Row]) -> int:
    """How many rows the header takes: two where the second row goes on under the first's
    label cells (merged down, so empty) with headers of its own (绝对值, 增速), else one."""
    if len(rows) < 3:
        return 1
    texts = [cell.text for cell in rows[1]]
    second = [text for text in texts if text]
    if texts and not texts[0] and second and not any(_FIGURE.match(t) for t in second):
        return 2
    return 1


def leaves(head: Row, sub: Row | None, start: int) -> list[Leaf] | None:
    """The value columns under header cells ``head[start:]``; with a second header row ``sub``,
    a header over several of them heads its cells of ``sub`` (by the grid where it is known,
    else in order: an empty cell of ``sub`` is a header merged down)."""
    heads = [cell for cell in head[start:] if cell.text]
    if sub is None:
        return [Leaf(cell.text) for cell in heads]
    spanned = any(cell.span > 1 for cell in head)
    if spanned:
        out = []
        for cell in heads:
            under = [c for c in sub if cell.column <= c.column < cell.column + cell.span
                     and c.text]
            out += [Leaf(c.text, cell.text) for c in under] if under else [Leaf(cell.text)]
        return out
    # no grid: the second row's cells stand under the first's, a header with cells under it
    # taking the run of them that follows
    lower = list(sub[len(sub) - _value_count(sub, head, start):]) if sub else []
    out = []
    index = 0
    for position, cell in enumerate(heads):
        if index < len(lower) and not lower[index].text:
            out.append(Leaf(cell.text))
            index += 1
            continue
        run = []
        while index < len(lower) and lower[index].text:
            run.append(lower[index])
            index += 1
        parents_left = sum(1 for later in heads[position:])
        if parents_left > 1 and run:
            share = max(1, len(run) // parents_left)
            index -= len(run) - share
            run = run[:share]
        out += [Leaf(c.text, cell.text) for c in run] if run else [Leaf(cell.text)]
    return out


def _value_count(sub: Row, head: Row, start: int) -> int:
    """How many cells of the second header row stand under the value headers: the row's cells
    after those under the label columns (one each)."""
    return max(0, len(sub) - start)
