"""Next year's sheets from this year's, for ``reportgen draft``: headers and widths kept; last
year's targets become the execution table to report on; the lists of last year's planned work
become lists to report on; every value still to give is 待填, in a cell whose number format
shows whatever is typed there. Each sheet is guided (``guide``): a note on each header from the
schema, dropdowns for the columns with fixed values, and an indicator table's 类别 and group
cells merged as the report prints them."""

from __future__ import annotations

from reportgen.data.cells import Cell, format_places
from reportgen.data.model import Roles
from reportgen.data.schema import (
    ATTRIBUTE,
    BASE,
    CATEGORY,
    COMPLETED,
    EXECUTION,
    GROUP,
    GROWTH,
    INDICATORS,
    NAME,
    NOTE,
    NUMBER,
    PLAN,
    PROGRESS,
    PROJECTS,
    RESULT,
    STAT_TABLES,
    TARGET,
    TableSchema,
)
from reportgen.data.sheet_writer import GENERAL, OutCell, OutSheet
from reportgen.data.sheets import Table
from reportgen.data.status import compared_column
from reportgen.data.targets import parse_target
from reportgen.data.values import DASHES
from reportgen.draft.texts import FILL

_NUMERIC = ("number", "measure", "percent", "int")


def drafted_format(number_format: str) -> str:
    """The format of a value still to fill in: last year's decimals at least, and up to two
    more when they are typed ("0.00" -> "0.00##"); General where last year's showed none, so
    that 27.5 typed in place of 28 shows as typed."""
    least, _, percent = format_places(number_format)
    if not least:
        return GENERAL
    return "0." + "0" * least + "##" + ("%" if percent else "")


class Sheets:
    """Builds the new sheets of one workbook from the old one, keeping headers and widths."""

    def __init__(self, tables: dict[str, Table], widths: dict[str, dict[int, float]],
                 roles: Roles | None = None):
        self.tables = tables
        self.widths = widths
        self.roles = roles or Roles()
        #: lists of last year's planned work that the new year reports on:
        #: new sheet <- (old sheet, only the rows of this 分组 or all)
        self.reported = {new: (old, group) for new, old, group in self.roles.carried}

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
        """The sheet as it is, but 待填 in the ``fill`` columns where it has a value - and in a
        row's 说明, which spoke of last year's values."""
        sheet = self.start(table.name, table.headers, table.name)
        for row in table.rows:
            filled = any(row.get(k).text for k in fill)
            sheet.rows.append([_to_fill(row.get(k)) if (k in fill or (k == NOTE and filled))
                               and row.get(k).text else _copy(row.get(k))
                               for k in table.headers])
        return sheet


def _copy(cell: Cell) -> OutCell:
    return OutCell(cell.text, cell.number_format)


def _to_fill(cell: Cell) -> OutCell:
    return OutCell(FILL, drafted_format(cell.number_format))


def execution_sheet(sheets: Sheets) -> OutSheet | None:
    """The new 完成情况: last year's targets, results to fill in."""
    roles = sheets.roles
    plan, done = sheets.tables.get(roles.plan), sheets.tables.get(roles.execution)
    if plan is None:
        return None
    # last year's plan's columns, the results, and the value a year before; a judgement of
    # last year's (完成状态, 列举) is not carried over
    columns = [c.name for c in EXECUTION.columns
               if c.required or c.name in (ATTRIBUTE, BASE) or c.name in plan.headers]
    sheet = sheets.start(roles.execution, columns, roles.execution, roles.plan)
    previous = {row.get(NAME).text: row for row in (done.rows if done else [])}
    for row in plan.rows:
        name = row.get(NAME).text
        before = previous.get(name)
        cells = {key: _copy(row.get(key)) for key in PLAN.names}
        for key in (RESULT, GROWTH):
            old = before.get(key) if before else Cell("", row.ref)
            cells[key] = _copy(old) if old.text in DASHES else _to_fill(old)
        if parse_target(row.get(TARGET).text).op == "increase":
            grew = before is not None and before.get(GROWTH).text not in ("", *DASHES)
            result = before and before.get(compared_column(
                row.get("单位").text, parse_target(row.get(TARGET).text), grew))
            # 上年值 is a number (a growth rate in %, without its %)
            cells[BASE] = (OutCell(result.text.removesuffix("%").removesuffix("％"))
                           if result and result.text and result.text not in DASHES
                           else OutCell(FILL))
        sheet.rows.append([cells.get(key, OutCell()) for key in columns])
    return sheet


def reported_sheet(sheets: Sheets, name: str) -> OutSheet | None:
    """A list of last year's planned work, to report on: 完成情况 and 是否完工 待填."""
    source_name, group = sheets.reported[name]
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
    added = [n for n in sheets.reported if n not in sheets.tables]
    for name, table in sheets.tables.items():
        made = reported_sheet(sheets, name) if name in sheets.reported else None
        out.append(made or sheets.start(name, table.headers, name))
        if name in sheets.reported:
            out += [s for n in added if (s := reported_sheet(sheets, n)) is not None]
            added = []
    out += [s for n in added if (s := reported_sheet(sheets, n)) is not None]
    return [guide(sheet, PROJECTS) for sheet in out]


def statistics_sheets(sheets: Sheets) -> list[OutSheet]:
    schemas = {s.sheet: s for s in STAT_TABLES}
    out = []
    for name, table in sheets.tables.items():
        schema = schemas.get(name)
        fill = tuple(c.name for c in schema.columns if c.type in _NUMERIC) if schema else ()
        sheet = sheets.copy(table, fill)
        out.append(guide(sheet, schema) if schema else sheet)
    return out


def indicator_sheets(sheets: Sheets) -> list[OutSheet]:
    out = []
    roles = sheets.roles
    for name, table in sheets.tables.items():
        if name == roles.execution:
            continue
        if name == roles.plan:
            execution = execution_sheet(sheets)
            out += [guide(merged_again(execution), EXECUTION)] if execution else []
        out.append(guide(merged_again(sheets.copy(table)), PLAN if name == roles.plan
                         else INDICATORS))
    return out


def merged_again(sheet: OutSheet) -> OutSheet:
    """A 类别 written again right below the rows of the same 类别 (last year's booklet split
    its cell at a page break) is left blank: the drafted year's table merges it again."""
    if CATEGORY not in _keys(sheet):
        return sheet
    index = _keys(sheet).index(CATEGORY)
    current = None
    for row in sheet.rows:
        text = row[index].text
        if text and text == current:
            row[index] = OutCell("", row[index].number_format)
        elif text:
            current = text
    return sheet


def _keys(sheet: OutSheet) -> list[str]:
    from reportgen.data.cells import header_key

    return [header_key(h) for h in sheet.headers]


def guide(sheet: OutSheet, schema: TableSchema) -> OutSheet:
    """The sheet with a note on each header the schema describes, a dropdown on each column
    with fixed values, and - for an indicator table - its 类别 and groups merged."""
    keys = _keys(sheet)
    for index, key in enumerate(keys, start=1):
        column = schema.column(key)
        if column is None:
            continue
        if column.note:
            sheet.notes[index] = column.note
        if column.choices:
            sheet.choices[index] = column.choices
    if {CATEGORY, NUMBER, NAME} <= set(keys):
        sheet.merges = structure_merges(sheet, keys)
    return sheet


def structure_merges(sheet: OutSheet, keys: list[str]) -> list[tuple[int, int, int, int]]:
    """The merged cells an indicator table's layout implies (row 1 is the header): each 类别
    over its rows, and a group's 序号 and 分组 over its ﹟ rows."""
    column = {key: keys.index(key) for key in (CATEGORY, NUMBER, GROUP) if key in keys}
    texts = [[cell.text for cell in row] for row in sheet.rows]

    def text(row: int, key: str) -> str:
        at = column.get(key)
        return texts[row][at] if at is not None and at < len(texts[row]) else ""

    merges = []
    starts = [i for i in range(len(texts)) if text(i, CATEGORY)] + [len(texts)]
    for start, end in zip(starts, starts[1:], strict=False):
        if end - start > 1:
            merges.append((start + 2, column[CATEGORY] + 1, end + 1, column[CATEGORY] + 1))
    for start in range(len(texts)):
        if not (text(start, NUMBER) and text(start, GROUP)):
            continue
        end = start + 1
        while end < len(texts) and not text(end, NUMBER) and not text(end, CATEGORY):
            end += 1
        if end - start > 1:
            for key in (NUMBER, GROUP):
                merges.append((start + 2, column[key] + 1, end + 1, column[key] + 1))
    return merges
