"""The one description of the sheets: keys, names and types hold together, and the README
documents each sheet's columns."""

from __future__ import annotations

import re

import pytest

from helpers.project import REPO
from reportgen.data.schema import (
    ALL_TABLES,
    ATTRIBUTES,
    EXECUTION,
    INDICATOR_STRUCTURE,
    INDICATOR_TABLES,
    INVESTMENT,
    MAJOR_PROJECTS,
    PLAN,
    PROJECTS,
    STATISTICS,
    STATUSES,
    TYPES,
    Column,
    TableSchema,
)

IDS = [f"{t.workbook}[{t.sheet or '*'}]" for t in ALL_TABLES]


@pytest.mark.parametrize("schema", ALL_TABLES, ids=IDS)
def test_every_key_column_is_a_required_column(schema: TableSchema) -> None:
    assert schema.key
    for key in schema.key:
        column = schema.column(key)
        assert column is not None, key
        assert column.required, key


@pytest.mark.parametrize("schema", ALL_TABLES, ids=IDS)
def test_column_names_are_unique(schema: TableSchema) -> None:
    assert len(set(schema.names)) == len(schema.names)


@pytest.mark.parametrize("schema", ALL_TABLES, ids=IDS)
def test_every_column_has_a_known_type_and_a_doc(schema: TableSchema) -> None:
    for column in schema.columns:
        assert column.type in TYPES, column.name
        assert column.doc.strip(), column.name


def test_every_type_is_used_by_some_column() -> None:
    assert {c.type for t in ALL_TABLES for c in t.columns} == set(TYPES)


@pytest.mark.parametrize("schema", INDICATOR_TABLES, ids=["完成情况", "计划目标"])
def test_an_indicator_table_starts_with_the_layout_columns(schema: TableSchema) -> None:
    assert schema.columns[:len(INDICATOR_STRUCTURE)] == INDICATOR_STRUCTURE
    assert schema.workbook == "indicators"


def test_the_tables_and_their_sheets() -> None:
    assert [(t.workbook, t.sheet) for t in ALL_TABLES] == [
        ("indicators", "完成情况"), ("indicators", "计划目标"), ("projects", None),
        ("statistics", "统计"), ("statistics", "重大项目执行"), ("statistics", "投资计划")]
    assert INVESTMENT.key == ("投资类型", "分类方式", "类别")


def test_a_column_is_found_by_its_name() -> None:
    assert EXECUTION.column("上年值") == Column(
        "上年值", "number", "the value a year before, for targets like 提高1.5个百分点",
        note="前一年的值，用于“提高…个百分点”的目标")
    assert EXECUTION.column("属性") is not None and PLAN.column("属性") is not None
    assert EXECUTION.column("属性").required is False  # type: ignore[union-attr]
    assert PLAN.column("属性").required is True  # type: ignore[union-attr]
    assert EXECUTION.column("上年") is None


def test_the_type_docs_name_every_status_and_attribute() -> None:
    assert all(status in TYPES["status"] for status in STATUSES)
    assert TYPES["attribute"] == " or ".join(ATTRIBUTES)


def test_values_to_fill_in_are_required_value_columns() -> None:
    filled = [(t.sheet, c) for t in ALL_TABLES for c in t.columns if c.fill]
    assert [f"{sheet}.{c.name}" for sheet, c in filled] == [
        "完成情况.计划目标", "完成情况.绝对值", "完成情况.增速", "计划目标.计划目标",
        "计划目标.属性", "统计.数值", "重大项目执行.项目数", "重大项目执行.形成投资放量",
        "重大项目执行.完成投资"]
    assert [c.name for _, c in filled if c.type == "text"] == []
    # a district's table of major projects need not count those that produced investment
    assert [c.name for _, c in filled if not c.required] == ["形成投资放量"]


# --- the README ------------------------------------------------------------------------------

README = (REPO / "README.md").read_text(encoding="utf-8")
SPREADSHEETS = README.split("### The spreadsheets", 1)[1].split("\n### ", 1)[0]


def _indicator_row(sheet: str) -> tuple[list[str], list[str]]:
    """The README table row of an indicator sheet: its columns, and the optional ones."""
    cells = re.search(rf"^\| {sheet} \| (.*) \|$", SPREADSHEETS, re.M)
    assert cells is not None, sheet
    main, _, optional = cells.group(1).partition("(+ optional")
    return ([c.strip() for c in main.split(",") if c.strip()],
            [c.strip() for c in optional.rstrip(")").split(",") if c.strip()])


@pytest.mark.parametrize("schema", [EXECUTION, PLAN], ids=["完成情况", "计划目标"])
def test_the_readme_lists_the_indicator_columns_in_order(schema: TableSchema) -> None:
    main, optional = _indicator_row(schema.sheet or "")
    assert main == [c.name for c in schema.columns if c in INDICATOR_STRUCTURE or c.required]
    assert optional == [c.name for c in schema.columns
                        if c not in INDICATOR_STRUCTURE and not c.required]


def _passage(workbook: str, sheet: str | None) -> str:
    """What the README's spreadsheet section says about one sheet: from its name to the next
    sheet named in backticks, or to the end of the paragraph."""
    paragraph = next(p for p in SPREADSHEETS.split("\n\n") if p.startswith(f"`{workbook}.xlsx`"))
    if sheet is None:
        return paragraph
    start = paragraph.index(f"`{sheet}`")
    others = [paragraph.find(f"`{t.sheet}`", start + 1) for t in ALL_TABLES
              if t.workbook == workbook and t.sheet != sheet]
    return paragraph[start:min([i for i in others if i > start], default=len(paragraph))]


@pytest.mark.parametrize("schema", [
    PROJECTS,
    STATISTICS,
    MAJOR_PROJECTS,
    INVESTMENT,
], ids=["projects", "统计", "重大项目执行", "投资计划"])
def test_the_readme_documents_each_sheets_columns(schema: TableSchema) -> None:
    passage = _passage(schema.workbook, schema.sheet)
    assert [name for name in schema.names if name not in passage] == []


def test_the_readme_names_every_workbook_and_sheet() -> None:
    assert [t.workbook for t in ALL_TABLES if f"`{t.workbook}.xlsx`" not in SPREADSHEETS] == []
    assert [t.sheet for t in ALL_TABLES if t.sheet and t.sheet not in SPREADSHEETS] == []
