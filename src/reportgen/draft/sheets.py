"""Next year's sheets from this year's, for ``reportgen draft``: headers, widths and each cell's
number format kept; last year's targets become the execution table to report on; the lists of
last year's planned work become lists to report on; every value still to give is 待填."""

from __future__ import annotations

from reportgen.data.cells import Cell
from reportgen.data.schema import (
    BASE,
    COMPLETED,
    EXECUTION,
    EXECUTION_SHEET,
    GROUP,
    GROWTH,
    NAME,
    PLAN,
    PLAN_SHEET,
    PROGRESS,
    RESULT,
    STAT_TABLES,
    TARGET,
)
from reportgen.data.sheet_writer import OutCell, OutSheet
from reportgen.data.sheets import Table
from reportgen.data.status import compared_column
from reportgen.data.targets import parse_target
from reportgen.draft.texts import FILL

#: Lists of last year's planned work that the new year reports on:
#: new sheet <- (old sheet, only the rows of this 分组 or all).
REPORTED = {
    "上年民心工程": ("本年民心工程", None),
    "上年完工项目": ("政府投资重点项目", "完工项目"),
}
_NUMERIC = ("number", "measure", "percent", "int")



class Sheets:
    """Builds the new sheets of one workbook from the old one, keeping headers and widths."""

    def __init__(self, tables: dict[str, Table], widths: dict[str, dict[int, float]]):
        self.tables = tables
        self.widths = widths

    def start(self, name: str, keys: list[str], *like: str) -> OutSheet:
        """An empty sheet with these columns, headers and widths as the old sheets ``like``
        had them."""
        headers: list[str] = []
        widths: dict[int, float] = {}
        for index, key in enumerate(keys, start=1):
            for old in (self.tables[n] for n in like if n in self.tables):
                if key in old.header_refs:
                    headers.append(old.header_texts.get(key, key))
                    width = self.widths.get(old.name, {}).get(old.header_refs[key].column or 0)
                    if width:
                        widths[index] = width
                    break
            else:
                headers.append(key)
        return OutSheet(name, headers, widths=widths)

    def copy(self, table: Table, fill: tuple[str, ...] = ()) -> OutSheet:
        """The sheet as it is, but 待填 in the ``fill`` columns where it has a value."""
        sheet = self.start(table.name, table.headers, table.name)
        for row in table.rows:
            sheet.rows.append([_to_fill(row.get(k)) if k in fill and row.get(k).text
                               else _copy(row.get(k)) for k in table.headers])
        return sheet


def _copy(cell: Cell) -> OutCell:
    return OutCell(cell.text, cell.number_format)


def _to_fill(cell: Cell) -> OutCell:
    return OutCell(FILL, cell.number_format)


def execution_sheet(sheets: Sheets) -> OutSheet | None:
    """The new 完成情况: last year's targets, results to fill in."""
    plan, done = sheets.tables.get(PLAN_SHEET), sheets.tables.get(EXECUTION_SHEET)
    if plan is None:
        return None
    columns = EXECUTION.names
    sheet = sheets.start(EXECUTION_SHEET, columns, EXECUTION_SHEET, PLAN_SHEET)
    previous = {row.get(NAME).text: row for row in (done.rows if done else [])}
    for row in plan.rows:
        name = row.get(NAME).text
        before = previous.get(name)
        cells = {key: _copy(row.get(key)) for key in PLAN.names}
        for key in (RESULT, GROWTH):
            old = before.get(key) if before else Cell("", row.ref)
            cells[key] = _copy(old) if old.text == "—" else _to_fill(old)
        if parse_target(row.get(TARGET).text).op == "increase":
            result = before and before.get(compared_column(name))
            cells[BASE] = (_copy(result) if result and result.text not in ("", "—")
                             else OutCell(FILL))
        sheet.rows.append([cells.get(key, OutCell()) for key in columns])
    return sheet


def reported_sheet(sheets: Sheets, name: str) -> OutSheet | None:
    """A list of last year's planned work, to report on: 完成情况 and 是否完工 待填."""
    source_name, group = REPORTED[name]
    source = sheets.tables.get(source_name)
    if source is None:
        return None
    rows = [r for r in source.rows if group is None or r.get(GROUP).text == group]
    if group is not None and not rows:
        return None
    reported = (PROGRESS, COMPLETED)
    keys = [k for k in source.headers if k not in reported
            and not (group is not None and k == GROUP)] + list(reported)
    sheet = sheets.start(name, keys, name, source_name)
    for row in rows:
        sheet.rows.append([OutCell(FILL) if k in reported else _copy(row.get(k))
                           for k in keys])
    return sheet


def project_sheets(sheets: Sheets) -> list[OutSheet]:
    out: list[OutSheet] = []
    added = [n for n in REPORTED if n not in sheets.tables]
    for name, table in sheets.tables.items():
        made = reported_sheet(sheets, name) if name in REPORTED else None
        out.append(made or sheets.start(name, table.headers, name))
        if name in REPORTED:
            out += [s for n in added if (s := reported_sheet(sheets, n)) is not None]
            added = []
    return out + [s for n in added if (s := reported_sheet(sheets, n)) is not None]


def statistics_sheets(sheets: Sheets) -> list[OutSheet]:
    schemas = {s.sheet: s for s in STAT_TABLES}
    out = []
    for name, table in sheets.tables.items():
        schema = schemas.get(name)
        fill = tuple(c.name for c in schema.columns if c.type in _NUMERIC) if schema else ()
        out.append(sheets.copy(table, fill))
    return out


def indicator_sheets(sheets: Sheets) -> list[OutSheet]:
    out = []
    for name, table in sheets.tables.items():
        if name == EXECUTION_SHEET:
            continue
        if name == PLAN_SHEET:
            execution = execution_sheet(sheets)
            out += [execution] if execution else []
        out.append(sheets.copy(table))
    return out
