"""Raw files -> validated YearData; every problem is collected with its place, then raised once."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from reportgen.characters import forbidden_character, too_long
from reportgen.data.cells import Cell, header_unit, parse_decimal
from reportgen.data.folder import RawYear
from reportgen.data.meta import meta
from reportgen.data.model import (
    TO_FILL,
    Indicator,
    IndicatorTable,
    Record,
    RecordTable,
    Value,
    YearData,
)
from reportgen.data.schema import (
    CATEGORY,
    COMPARED,
    EXECUTION,
    GROUP,
    INDICATOR_STRUCTURE,
    INDICATORS,
    INVESTMENT,
    MAJOR_PROJECTS,
    NAME,
    NUMBER,
    PLAN,
    PROJECTS,
    STATISTICS,
    UNIT,
    Column,
    TableSchema,
)
from reportgen.data.sheets import Row, Table
from reportgen.data.values import DASHES, cell_problem, parse_cell
from reportgen.errors import Problems, SourceRef, did_you_mean
from reportgen.i18n import _


def check_headers(table: Table, schema: TableSchema, problems: Problems) -> list[str]:
    """Report missing and unknown columns; return the extra columns kept as text."""
    known = schema.names
    for column in schema.columns:
        if column.required and column.name not in table.headers:
            problems.error(table.ref, _("column 「{name}」 is missing (needed: "
                           "{doc}){headers}")
                                        .format(name=column.name, doc=column.doc,
                                                headers=did_you_mean(column.name, table.headers)))
    extra = [h for h in table.headers if h not in known]
    for header in extra:
        # a column of its own (上年完成, “十四五”目标) is welcome; one a character off a known
        # column's name is likely that column mistyped
        typo = next((name for name in known if _one_off(header, name)), None)
        if typo:
            problems.warning(table.header_refs[header],
                             _("column 「{header}」 is not one reportgen knows; did you mean "
                               "「{typo}」?").format(header=header, typo=typo))
    return extra


def _one_off(word: str, name: str) -> bool:
    """Whether ``word`` is ``name`` with one character changed, added or left out."""
    if word == name or abs(len(word) - len(name)) > 1:
        return False
    if len(word) == len(name):
        return sum(a != b for a, b in zip(word, name, strict=True)) == 1
    short, long = sorted((word, name), key=len)
    return any(long[:i] + long[i + 1:] == short for i in range(len(long)))


def record_values(row_cells: Mapping[str, Cell], schema: TableSchema, extra: list[Column],
                  headers: list[str], what: str, problems: Problems) -> dict[str, Value]:
    values: dict[str, Value] = {}
    for column in [*(c for c in schema.columns if c.name in headers), *extra]:
        values[column.name] = parse_cell(row_cells[column.name], column,
                                         f"{what}·{column.name}", problems)
    return values


def extra_columns(table: Table, names: list[str]) -> list[Column]:
    """The columns the schema does not describe, their kind from their header and values: a
    header in % holds percentages; a 目标 column targets (“十四五”目标); a header with another
    unit (总投资（亿元）), or a column of numbers only, numbers - so that filters print them and
    templates add them up; anything else text."""
    columns = []
    for name in names:
        unit = header_unit(table.header_texts.get(name, name))
        texts = [row.get(name).text for row in table.rows]
        if unit in ("%", "％"):
            kind = "percent"
        elif "目标" in name:
            kind = "target"
        elif unit or (any(texts) and all(_numeric(text) for text in texts)):
            kind = "measure"
        else:
            kind = "text"
        columns.append(Column(name, kind, ""))
    return columns


def _numeric(text: str) -> bool:
    return not text or text in DASHES or text in TO_FILL or parse_decimal(text) is not None


def cell_refs(row: Row, values: Mapping[str, Value]) -> dict[str, SourceRef]:
    return {name: row.cells[name].ref for name in values if name in row.cells}


def check_key(seen: dict[tuple[Any, ...], SourceRef], key: tuple[Any, ...], ref: SourceRef,
              label: str, problems: Problems) -> None:
    if key in seen:
        problems.error(ref, _("{label} appears twice (first at {key})")
                              .format(label=label, key=seen[key]))
    else:
        seen[key] = ref


# --- tables ---------------------------------------------------------------------------------


def indicator_table(table: Table, schema: TableSchema, problems: Problems,
                    compared: str | None = None) -> IndicatorTable:
    """A sheet of indicators; ``compared`` is the result every target judges when the table
    says so (report.yaml's 数据.比较), a row's 比较 overriding it."""
    extra = check_headers(table, schema, problems)
    rows: list[Indicator] = []
    seen: dict[tuple[Any, ...], SourceRef] = {}
    category = ""
    group: str | None = None
    have_numbered = False
    structural = {c.name for c in INDICATOR_STRUCTURE}
    value_columns = [c for c in schema.columns if c.name not in structural]
    value_schema = TableSchema(schema.workbook, schema.sheet, tuple(value_columns), (), "")
    extras = extra_columns(table, extra)
    has_categories, has_numbers = CATEGORY in table.headers, NUMBER in table.headers
    # the layout reads each cell as written (a blank 类别 continues the one above); a value
    # column reads a merged cell's value in every row it covers
    for row, filled in zip(table.rows, table.filled_rows(), strict=True):
        cells = row.cells
        for name in structural & set(cells):
            bad = cell_problem(cells[name])
            if bad:
                problems.error(cells[name].ref, bad)
        name = row.get(NAME).text
        if not name:
            if not cell_problem(row.get(NAME)):
                problems.error(row.get("指标名称").ref,
                               _("指标名称 is blank; every row needs one"))
            continue
        starts_category = bool(row.get(CATEGORY).text)
        if starts_category:
            category = row.get(CATEGORY).text
        elif not rows and has_categories:
            problems.error(row.get("类别").ref, _("the first row needs a 类别"))
        # a sheet with no 序号 column numbers its rows in order
        number_text = row.get(NUMBER).text if has_numbers else str(len(rows) + 1)
        number: int | None = None
        if number_text:
            parsed = parse_decimal(number_text)
            if parsed is None or parsed != parsed.to_integral_value() or parsed <= 0:
                problems.error(row.get("序号").ref, _("「{number_text}」 is not a 序号 (1, 2, 3 …)")
                                                    .format(number_text=number_text))
            else:
                number = int(parsed)
        group_text = row.get(GROUP).text
        starts_group = bool(group_text)
        if number is not None:
            have_numbered = True
            group = group_text or None
        elif group_text:
            problems.error(row.get("分组").ref, _("a 分组 starts on a numbered row; give this row "
                           "its 序号, or clear the 分组"))
        elif not have_numbered:
            problems.error(row.get("序号").ref, _("the first indicator needs a 序号"))
        check_key(seen, (name,), row.get("指标名称").ref, f"指标 「{name}」", problems)
        values = record_values(filled.cells, value_schema, extras, table.headers, name,
                               problems)
        declared = values.get(COMPARED)
        rows.append(Indicator(category, starts_category, number, name, row.get(UNIT).text,
                              group, starts_group and number is not None, values, row.ref,
                              cell_refs(row, values),
                              declared if isinstance(declared, str) else compared))
    columns = tuple(c.name for c in value_columns if c.name in table.headers) + tuple(extra)
    return IndicatorTable(table.name, table.ref, columns, tuple(rows))


def record_table(table: Table, schema: TableSchema, problems: Problems) -> RecordTable:
    extra = check_headers(table, schema, problems)
    extras = extra_columns(table, extra)
    seen: dict[tuple[Any, ...], SourceRef] = {}
    rows = []
    for row in table.filled_rows():
        key = tuple(row.get(k).text for k in schema.key)
        first_key = schema.key[0]
        if not key[0]:
            problems.error(row.get(first_key).ref, cell_problem(row.get(first_key))
                           or _("{first_key} is blank; every row needs one")
                           .format(first_key=first_key))
            continue
        what = "·".join(k for k in key if k)
        check_key(seen, key, row.get(first_key).ref, f"「{what}」", problems)
        values = record_values(row.cells, schema, extras, table.headers, what, problems)
        rows.append(Record(values, row.ref, cell_refs(row, values)))
    columns = tuple(c for c in schema.names if c in table.headers) + tuple(extra)
    kinds = {c.name: c.type for c in (*schema.columns, *extras) if c.name in columns}
    units = {name: unit for name in columns
             if (unit := header_unit(table.header_texts.get(name, name)))}
    return RecordTable(table.name, table.ref, columns, tuple(rows), kinds, units)


def readable_table(table: Table, problems: Problems) -> Table | None:
    """``table``, or None with its problem recorded when the sheet cannot be read as one."""
    if table.problem is None:
        return table
    hint = f" ({table.problem.hint})" if table.problem.hint else ""
    problems.error(table.problem.ref or table.ref, table.problem.message + hint)
    return None


def empty_records(raw: RawYear, schema: TableSchema) -> RecordTable:
    ref = raw.workbook_refs.get(schema.workbook, SourceRef(schema.workbook))
    return RecordTable(schema.sheet or "", ref, (), ())


# --- the year -------------------------------------------------------------------------------


def collect_year(raw: RawYear, problems: Problems) -> YearData:
    """The year as far as it validates, recording every problem in ``problems``.

    Every sheet of indicators.xlsx is a table of indicators; the two that play last year's
    results and this year's targets (report.yaml's 数据; 完成情况 and 计划目标 by default)
    have those columns' kinds and required columns. A value that does not validate is None, a
    sheet the year does not have is absent: callers that go on despite errors (``check``) must
    expect that.
    """
    meta_data = meta(raw, problems)
    roles = meta_data.roles
    indicators = {}
    unread: dict[tuple[str, str], str] = {}
    for name, found in raw.workbooks.get("indicators", {}).items():
        schema = EXECUTION if name == roles.execution else PLAN if name == roles.plan \
            else INDICATORS
        if schema is INDICATORS and (found.problem is not None or NAME not in found.headers):
            # a notes sheet (填表说明) or an empty Sheet1 beside the indicators: not read, and
            # an error only where a 专栏 shows it
            why = found.problem.message if found.problem else \
                _("it has no column {column}").format(column=NAME)
            unread["indicators", name] = why
            continue
        if (table := readable_table(found, problems)) is None:
            unread["indicators", name] = str(found.problem and found.problem.message)
            continue
        indicators[name] = indicator_table(table, replace(schema, sheet=name), problems,
                                           roles.compared)
    projects = {
        name: record_table(table, PROJECTS, problems)
        for name, found in raw.workbooks.get("projects", {}).items()
        if (table := readable_table(found, problems)) is not None
    }
    unread.update({("projects", name): str(found.problem.message)
                   for name, found in raw.workbooks.get("projects", {}).items()
                   if found.problem is not None})
    stats: dict[str, RecordTable] = {}
    for schema in (STATISTICS, MAJOR_PROJECTS, INVESTMENT):
        given = raw.workbooks.get(schema.workbook, {}).get(schema.sheet or "")
        readable = readable_table(given, problems) if given is not None else None
        stats[schema.sheet or ""] = (
            record_table(readable, schema, problems) if readable is not None
            else empty_records(raw, schema)
        )
    for number, line in enumerate(raw.narrative.split("\n"), start=1):
        bad = forbidden_character(line) or too_long(line)
        if bad:
            problems.error(raw.narrative_ref.at(line=number), bad)
    return YearData(
        year=raw.year, meta=meta_data, indicators=indicators, projects=projects,
        statistics=stats[STATISTICS.sheet or ""], major_projects=stats[MAJOR_PROJECTS.sheet or ""],
        investment=stats[INVESTMENT.sheet or ""], boxes={}, narrative=raw.narrative,
        narrative_ref=raw.narrative_ref, unread=unread,
    )
