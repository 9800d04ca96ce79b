"""Raw files -> validated YearData; every problem is collected with its place, then raised once."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from .errors import Problems, SourceRef, did_you_mean
from .load import Cell, LineDict, RawYear, Table, parse_decimal
from .model import (
    TO_FILL,
    BoxSpec,
    ColumnSpec,
    Gap,
    Indicator,
    IndicatorTable,
    Meta,
    Record,
    RecordTable,
    Value,
    YearData,
)
from .schema import (
    ATTRIBUTES,
    EXECUTION,
    INDICATOR_TABLES,
    INVESTMENT,
    MAJOR_PROJECTS,
    PLAN,
    PROJECTS,
    STATISTICS,
    STATUSES,
    Column,
    TableSchema,
)
from .target import parse_target

#: Characters a Word document cannot hold (XML 1.0), plus tabs and the private-use marks that
#: reportgen uses for placeholders.
_FORBIDDEN = re.compile("[\x00-\x08\x09\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff\ue000\ue001\ud800-\udfff]")
_DASHES = ("—", "－", "-", "–", "——")
_YES = ("是", "TRUE", "Y", "YES", "√")
_NO = ("否", "FALSE", "N", "NO", "×")


def forbidden_character(text: str) -> str | None:
    """A description of the first character in ``text`` that cannot go into the document."""
    match = _FORBIDDEN.search(text)
    if not match:
        return None
    char = match.group(0)
    name = "a tab" if char == "\t" else f"the control character U+{ord(char):04X}"
    return f"contains {name} at position {match.start() + 1}, which a Word document cannot hold"


# --- cells ----------------------------------------------------------------------------------


def parse_cell(cell: Cell, column: Column, what: str, problems: Problems) -> Value:
    """The value of one cell under its column's type; a problem is recorded when it does not fit."""
    text = cell.text
    bad = forbidden_character(text)
    if bad:
        problems.error(cell.ref, bad)
        return None
    if not text:
        return Gap(what, cell.ref) if column.fill else None
    if text in TO_FILL:
        return Gap(what, cell.ref)
    kind = column.type
    if kind == "text":
        return text
    if kind in ("number", "measure", "percent") and text in _DASHES:
        return "—"
    if kind == "int":
        number = parse_decimal(text)
        if number is None or number != number.to_integral_value():
            problems.error(cell.ref, f"「{text}」 is not a whole number")
            return None
        return Decimal(int(number))
    if kind in ("number", "measure"):
        number = parse_decimal(text)
        if number is not None:
            return number
        # A measure may be text (Ⅱ类), but text with digits in it is a mistyped number.
        if kind == "measure" and not re.search(r"[0-9０-９]", text):
            return text
        hint = " (write it without thousands separators)" if "," in text else ""
        problems.error(cell.ref, f"「{text}」 is not a number{hint}")
        return None
    if kind == "percent":
        number = parse_decimal(text.removesuffix("%").removesuffix("％"))
        if number is None:
            problems.error(cell.ref, f"「{text}」 is not a percentage such as 3.2 or 3.2%")
        return number
    if kind == "target":
        return parse_target(text)
    if kind == "attribute":
        if text not in ATTRIBUTES:
            problems.error(cell.ref, f"「{text}」 must be 预期性 or 约束性")
        return text
    if kind == "status":
        if text not in STATUSES:
            problems.error(cell.ref, f"「{text}」 must be one of {'、'.join(STATUSES)}")
        return text
    if kind == "yesno":
        if text.upper() in _YES:
            return True
        if text.upper() in _NO:
            return False
        problems.error(cell.ref, f"「{text}」 must be 是 or 否")
        return None
    raise AssertionError(f"unknown column type {kind}")  # pragma: no cover


def check_headers(table: Table, schema: TableSchema, problems: Problems) -> list[str]:
    """Report missing and unknown columns; return the extra columns kept as text."""
    known = schema.names
    for column in schema.columns:
        if column.required and column.name not in table.headers:
            problems.error(table.ref, f"column 「{column.name}」 is missing (needed: "
                           f"{column.doc}){did_you_mean(column.name, table.headers)}")
    extra = [h for h in table.headers if h not in known]
    for header in extra:
        hint = did_you_mean(header, known)
        if hint:
            problems.warning(table.header_refs[header],
                             f"column 「{header}」 is not one reportgen knows{hint}")
    return extra


def record_values(row_cells: Mapping[str, Cell], schema: TableSchema, extra: list[str],
                  headers: list[str], what: str, problems: Problems) -> dict[str, Value]:
    values: dict[str, Value] = {}
    for column in schema.columns:
        if column.name in headers:
            cell = row_cells[column.name]
            values[column.name] = parse_cell(cell, column, f"{what}·{column.name}", problems)
    for name in extra:
        values[name] = parse_cell(row_cells[name], Column(name, "text", ""), what, problems)
    return values


def check_key(seen: dict[tuple[Any, ...], SourceRef], key: tuple[Any, ...], ref: SourceRef,
              label: str, problems: Problems) -> None:
    if key in seen:
        problems.error(ref, f"{label} appears twice (first at {seen[key]})")
    else:
        seen[key] = ref


# --- tables ---------------------------------------------------------------------------------


def indicator_table(table: Table, schema: TableSchema, problems: Problems) -> IndicatorTable:
    extra = check_headers(table, schema, problems)
    rows: list[Indicator] = []
    seen: dict[tuple[Any, ...], SourceRef] = {}
    category = ""
    group: str | None = None
    have_numbered = False
    structural = {"类别", "序号", "指标名称", "分组", "单位"}
    value_columns = [c for c in schema.columns if c.name not in structural]
    value_schema = TableSchema(schema.workbook, schema.sheet, tuple(value_columns), (), "")
    for row in table.rows:
        cells = row.cells
        for name in structural & set(cells):
            bad = forbidden_character(cells[name].text)
            if bad:
                problems.error(cells[name].ref, bad)
        name = row.get("指标名称").text
        if not name:
            problems.error(row.get("指标名称").ref, "指标名称 is blank; every row needs one")
            continue
        starts_category = bool(row.get("类别").text)
        if starts_category:
            category = row.get("类别").text
        elif not rows:
            problems.error(row.get("类别").ref, "the first row needs a 类别")
        number_text = row.get("序号").text
        number: int | None = None
        if number_text:
            parsed = parse_decimal(number_text)
            if parsed is None or parsed != parsed.to_integral_value() or parsed <= 0:
                problems.error(row.get("序号").ref, f"「{number_text}」 is not a 序号 (1, 2, 3 …)")
            else:
                number = int(parsed)
        group_text = row.get("分组").text
        starts_group = bool(group_text)
        if number is not None:
            have_numbered = True
            group = group_text or None
        elif group_text:
            problems.error(row.get("分组").ref, "a 分组 starts on a numbered row; give this row "
                           "its 序号, or clear the 分组")
        elif not have_numbered:
            problems.error(row.get("序号").ref, "the first indicator needs a 序号")
        check_key(seen, (name,), row.get("指标名称").ref, f"指标 「{name}」", problems)
        values = record_values(cells, value_schema, extra, table.headers, name, problems)
        rows.append(Indicator(category, starts_category, number, name, row.get("单位").text,
                              group, starts_group and number is not None, values, row.ref))
    columns = tuple(c.name for c in value_columns if c.name in table.headers) + tuple(extra)
    return IndicatorTable(table.name, table.ref, columns, tuple(rows))


def record_table(table: Table, schema: TableSchema, problems: Problems) -> RecordTable:
    extra = check_headers(table, schema, problems)
    seen: dict[tuple[Any, ...], SourceRef] = {}
    rows = []
    for row in table.rows:
        key = tuple(row.get(k).text for k in schema.key)
        first_key = schema.key[0]
        if not key[0]:
            problems.error(row.get(first_key).ref, f"{first_key} is blank; every row needs one")
            continue
        what = "·".join(k for k in key if k)
        check_key(seen, key, row.get(first_key).ref, f"「{what}」", problems)
        values = record_values(row.cells, schema, extra, table.headers, what, problems)
        rows.append(Record(values, row.ref))
    columns = tuple(c for c in schema.names if c in table.headers) + tuple(extra)
    return RecordTable(table.name, table.ref, columns, tuple(rows))


def sheet(raw: RawYear, schema: TableSchema, problems: Problems) -> Table | None:
    sheets = raw.workbooks.get(schema.workbook, {})
    if schema.sheet in sheets:
        return sheets[schema.sheet]
    ref = raw.workbook_refs.get(schema.workbook, schema.workbook)
    problems.error(ref, f"sheet 「{schema.sheet}」 is missing ({schema.doc})"
                   + did_you_mean(schema.sheet or "", list(sheets)))
    return None


def empty_records(raw: RawYear, schema: TableSchema) -> RecordTable:
    ref = raw.workbook_refs.get(schema.workbook, SourceRef(schema.workbook))
    return RecordTable(schema.sheet or "", ref, (), ())


# --- report.yaml ----------------------------------------------------------------------------


def _line_ref(base: SourceRef, mapping: Any, key: str) -> SourceRef:
    line = mapping.lines.get(key) if isinstance(mapping, LineDict) else None
    return base.at(line=line) if line else base


def _is_blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and value.strip() in ("", *TO_FILL))


def meta(raw: RawYear, problems: Problems) -> Meta:
    report = raw.report
    ref = raw.report_ref
    if not isinstance(report, dict):
        problems.error(ref, "must be a mapping of 地区, 报告单位, 年份, 会议, 标题")
        report = LineDict()
        report.lines = {}

    def text(key: str, parent: Any = report, label: str | None = None) -> str | Gap:
        value = parent.get(key) if isinstance(parent, dict) else None
        where = _line_ref(ref, parent, key)
        if _is_blank(value):
            if parent is report and key not in report:
                problems.error(ref, f"「{key}」 is missing")
                return ""
            return Gap(label or key, where)
        if not isinstance(value, (str, int)):
            problems.error(where, f"「{key}」 must be text")
            return ""
        bad = forbidden_character(str(value))
        if bad:
            problems.error(where, bad)
        return str(value).strip()

    years = report.get("年份")
    review_year = plan_year = 0
    if not isinstance(years, dict):
        problems.error(_line_ref(ref, report, "年份"),
                       "「年份」 needs 上年 and 本年, e.g. 上年: 2020")
    else:
        for key in ("上年", "本年"):
            value = years.get(key)
            if not isinstance(value, int) or isinstance(value, bool):
                problems.error(_line_ref(ref, years, key) if key in years else ref,
                               f"年份.{key} must be a year such as {raw.year - (key == '上年')}")
        if isinstance(years.get("本年"), int) and isinstance(years.get("上年"), int):
            plan_year, review_year = years["本年"], years["上年"]
            if plan_year != raw.year:
                problems.error(_line_ref(ref, years, "本年"),
                               f"年份.本年 is {plan_year} but the folder is {raw.year}")
            if review_year != plan_year - 1:
                problems.error(_line_ref(ref, years, "上年"),
                               f"年份.上年 should be {plan_year - 1}, the year before 本年")

    meeting = report.get("会议")
    if not isinstance(meeting, dict):
        problems.error(_line_ref(ref, report, "会议"), "「会议」 needs 日期 and 名称")
        meeting = {}
    date_value = meeting.get("日期")
    meeting_date: dt.date | Gap
    if isinstance(date_value, dt.date):
        meeting_date = date_value
    elif _is_blank(date_value):
        meeting_date = Gap("会议日期", _line_ref(ref, meeting, "日期"))
    else:
        problems.error(_line_ref(ref, meeting, "日期"),
                       f"会议.日期 「{date_value}」 is not a date; write it as 2021-03-10")
        meeting_date = Gap("会议日期", ref)
    region = text("地区")
    issuer = text("报告单位")
    title = text("标题")
    return Meta(
        region=str(region), issuer=str(issuer), meeting_date=meeting_date,
        meeting_name=text("名称", meeting, "会议名称"), review_year=review_year,
        plan_year=plan_year, title=str(title), ref=ref,
    )


# --- boxes.yaml -----------------------------------------------------------------------------


def column_specs(items: Any, ref: SourceRef, problems: Problems) -> tuple[ColumnSpec, ...]:
    if not isinstance(items, list) or not items:
        problems.error(ref, "「列」 must list the value columns, each with 标题 and 字段")
        return ()
    specs = []
    for item in items:
        where = _line_ref(ref, item, "标题")
        if not isinstance(item, dict) or "标题" not in item:
            problems.error(where, "each column needs a 标题")
            continue
        children = column_specs(item["子列"], where, problems) if "子列" in item else ()
        field = item.get("字段")
        if not children and not field:
            problems.error(where, f"column 「{item['标题']}」 needs a 字段 (or 子列)")
        specs.append(ColumnSpec(str(item["标题"]), field, item.get("格式"), children))
    return tuple(specs)


def box_specs(raw: RawYear, problems: Problems) -> dict[str, BoxSpec]:
    boxes = raw.boxes
    ref = raw.boxes_ref
    if boxes is None:
        return {}
    if not isinstance(boxes, dict):
        problems.error(ref, "must map each 专栏's name to its 标题 and 清单 or 指标表")
        return {}
    specs = {}
    for key, spec in boxes.items():
        where = _line_ref(ref, boxes, key)
        if not isinstance(spec, dict) or not isinstance(spec.get("标题"), str):
            problems.error(where, f"专栏 「{key}」 needs a 标题")
            continue
        if ("清单" in spec) == ("指标表" in spec):
            problems.error(where, f"专栏 「{key}」 needs exactly one of 清单 (a sheet of "
                           "projects.xlsx) or 指标表 (a sheet of indicators.xlsx)")
            continue
        params = spec.get("参数") or {}
        if not isinstance(params, dict):
            problems.error(where, f"专栏 「{key}」: 参数 must be a mapping")
            params = {}
        if "清单" in spec:
            if not spec.get("模板"):
                problems.error(where, f"专栏 「{key}」 needs a 模板 (a file in templates/专栏/)")
            specs[key] = BoxSpec(str(key), spec["标题"], "list", str(spec["清单"]),
                                 spec.get("模板"), params, (), where)
        else:
            columns = column_specs(spec.get("列"), where, problems)
            specs[key] = BoxSpec(str(key), spec["标题"], "table", str(spec["指标表"]),
                                 None, params, columns, where)
    return specs


def check_box_sources(boxes: Mapping[str, BoxSpec], indicators: Mapping[str, IndicatorTable],
                      projects: Mapping[str, RecordTable], problems: Problems) -> None:
    from .numfmt import FILTERS

    for box in boxes.values():
        if box.kind == "list" and box.source not in projects:
            problems.error(box.ref, f"专栏 「{box.key}」: projects.xlsx has no sheet "
                           f"「{box.source}」" + did_you_mean(box.source, list(projects)))
        if box.kind == "table":
            table = indicators.get(box.source)
            if table is None:
                problems.error(box.ref, f"专栏 「{box.key}」: indicators.xlsx has no sheet "
                               f"「{box.source}」" + did_you_mean(box.source, list(indicators)))
                continue
            for leaf in (leaf for c in box.columns for leaf in c.leaves()):
                if leaf.field and leaf.field not in table.columns:
                    problems.error(box.ref, f"专栏 「{box.key}」: column 「{leaf.title}」 reads "
                                   f"字段 「{leaf.field}」, which sheet 「{box.source}」 does not "
                                   f"have" + did_you_mean(leaf.field, list(table.columns)))
                if leaf.fmt and leaf.fmt not in FILTERS:
                    problems.error(box.ref, f"专栏 「{box.key}」: 格式 「{leaf.fmt}」 is not a "
                                   f"filter" + did_you_mean(leaf.fmt, list(FILTERS)))


# --- the year -------------------------------------------------------------------------------


def validate_year(raw: RawYear) -> YearData:
    """The validated year; every error found is raised at once as ``DataErrors``."""
    problems = Problems()
    data = collect_year(raw, problems)
    problems.raise_if_any()
    return data


def collect_year(raw: RawYear, problems: Problems) -> YearData:
    """The year as far as it validates, recording every problem in ``problems``.

    A value that does not validate is None, a missing indicator sheet is absent: callers that
    go on despite errors (``check``) must expect that.
    """
    meta_data = meta(raw, problems)
    indicators = {}
    for schema in INDICATOR_TABLES:
        found = sheet(raw, schema, problems)
        if found is not None:
            indicators[schema.sheet or ""] = indicator_table(found, schema, problems)
    projects = {
        name: record_table(table, PROJECTS, problems)
        for name, table in raw.workbooks.get("projects", {}).items()
    }
    stats: dict[str, RecordTable] = {}
    for schema in (STATISTICS, MAJOR_PROJECTS, INVESTMENT):
        found = sheet(raw, schema, problems)
        stats[schema.sheet or ""] = (
            record_table(found, schema, problems) if found is not None
            else empty_records(raw, schema)
        )
    boxes = box_specs(raw, problems)
    check_box_sources(boxes, indicators, projects, problems)
    bad = forbidden_character(raw.narrative.replace("\n", " "))
    if bad:
        line = raw.narrative[: _FORBIDDEN.search(raw.narrative.replace("\n", " ")).start()]  # type: ignore[union-attr]
        problems.error(raw.narrative_ref.at(line=line.count("\n") + 1), bad)
    return YearData(
        year=raw.year, meta=meta_data, indicators=indicators, projects=projects,
        statistics=stats[STATISTICS.sheet or ""], major_projects=stats[MAJOR_PROJECTS.sheet or ""],
        investment=stats[INVESTMENT.sheet or ""], boxes=boxes, narrative=raw.narrative,
        narrative_ref=raw.narrative_ref, warnings=tuple(str(w) for w in problems.warnings),
    )


__all__ = ["EXECUTION", "INVESTMENT", "MAJOR_PROJECTS", "PLAN", "STATISTICS", "validate_year"]
