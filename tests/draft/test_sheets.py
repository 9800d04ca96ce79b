"""Next year's sheets from the shipped 2021 workbooks: headers and widths kept, the execution
table from last year's targets, lists to report on, statistics to fill in."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from functools import cache

import pytest

from helpers.project import REPO
from reportgen.data.schema import BASE, EXECUTION
from reportgen.data.sheet_writer import OutCell, OutSheet
from reportgen.data.sheets import Cell, Table, read_column_widths, read_workbook
from reportgen.data.validate import parse_cell
from reportgen.draft.sheets import (
    Sheets,
    execution_sheet,
    indicator_sheets,
    project_sheets,
    reported_sheet,
    statistics_sheets,
)
from reportgen.errors import Problems, SourceRef

FILL = "待填"
FOLDER = REPO / "data" / "2021"


@cache
def widths(book: str) -> dict[str, dict[int, float]]:
    return read_column_widths(FOLDER / f"{book}.xlsx")


def sheets(book: str, drop: tuple[str, ...] = ()) -> Sheets:
    """The 2021 workbook ``book`` read afresh (tests may change its tables)."""
    tables = read_workbook(FOLDER / f"{book}.xlsx", SourceRef(f"data/2021/{book}.xlsx"))
    return Sheets({n: t for n, t in tables.items() if n not in drop}, widths(book))


def set_text(table: Table, key: str, column: str, text: str, key_column: str = "指标名称") -> None:
    row = next(r for r in table.rows if r.get(key_column).text == key)
    row.cells[column] = replace(row.get(column), text=text)


def rows(sheet: OutSheet, key: str = "指标名称") -> dict[str, dict[str, OutCell]]:
    index = sheet.headers.index(next(h for h in sheet.headers if h.startswith(key)))
    return {row[index].text: dict(zip(sheet.headers, row, strict=True)) for row in sheet.rows}


def texts(sheet: OutSheet) -> list[list[str]]:
    return [[cell.text for cell in row] for row in sheet.rows]


# -- Sheets.start and Sheets.copy -------------------------------------------------------------

@pytest.mark.parametrize(("keys", "like", "headers", "expected_widths"), [
    (["指标名称", "增速", "上年值"], ("完成情况",), ["指标名称", "增速（%）", "上年值"],
     {1: 32.0, 2: 11.0}),
    # the first old sheet that has a column gives its header and width
    (["计划目标", "属性"], ("完成情况", "计划目标"), ["计划目标", "属性"], {1: 22.0, 2: 10.0}),
    (["绝对值"], ("计划目标", "完成情况"), ["绝对值"], {1: 12.0}),
    (["新列", "增速"], ("没有的表", "完成情况"), ["新列", "增速（%）"], {2: 11.0}),
    (["增速"], (), ["增速"], {}),
])
def test_start_keeps_header_texts_and_widths(keys: list[str], like: tuple[str, ...],
                                             headers: list[str],
                                             expected_widths: dict[int, float]) -> None:
    sheet = sheets("indicators").start("新表", keys, *like)
    assert (sheet.name, sheet.headers, sheet.widths, sheet.rows) == (
        "新表", headers, expected_widths, [])


def test_copy_keeps_every_cell_and_its_number_format() -> None:
    source = sheets("statistics")
    table = source.tables["重大项目执行"]
    sheet = source.copy(table)
    assert sheet.headers == ["投资类型", "项目数", "形成投资放量", "完成投资（亿元）"]
    assert sheet.widths == {1: 16.0, 2: 10.0, 3: 14.0, 4: 16.0}
    assert sheet.rows == [[OutCell("社会投资项目"), OutCell("58", "0"), OutCell("53", "0"),
                           OutCell("110.1", "0.0")],
                          [OutCell("政府投资项目"), OutCell("100", "0"), OutCell("69", "0"),
                           OutCell("27.7", "0.0")]]


def test_copy_fills_only_cells_that_had_a_value() -> None:
    source = sheets("statistics")
    sheet = source.copy(source.tables["统计"], fill=("数值", "增速"))
    by_name = rows(sheet, "指标")
    assert by_name["服务业增加值"]["数值"] == OutCell(FILL, "0.00##")
    assert by_name["服务业增加值"]["增速（%）"] == OutCell(FILL, "0.0##%")
    assert by_name["金融业增加值"]["增速（%）"] == OutCell("", "General")
    assert by_name["外贸进出口总额"]["说明"] == OutCell(FILL)  # it spoke of 2021's figures


# -- the execution table ----------------------------------------------------------------------

@pytest.fixture(scope="module")
def execution() -> OutSheet:
    sheet = execution_sheet(sheets("indicators"))
    assert sheet is not None
    return sheet


def test_the_execution_table_has_the_schemas_columns(execution: OutSheet) -> None:
    assert execution.name == "完成情况"
    # last year's plan's columns, the results and the value a year before; no judgement of
    # last year's (完成状态, 列举) is carried over
    assert execution.headers == ["类别", "序号", "指标名称", "分组", "单位", "计划目标", "绝对值",
                                 "增速（%）", "上年值", "属性", "简称", "列举序"]
    assert execution.widths == {1: 16.0, 2: 6.0, 3: 32.0, 4: 26.0, 5: 9.0, 6: 22.0, 7: 12.0,
                                8: 11.0, 10: 10.0, 11: 10.0, 12: 10.0}


def test_the_rows_are_last_years_targets(execution: OutSheet) -> None:
    plan = sheets("indicators").tables["计划目标"]
    assert len(execution.rows) == len(plan.rows) == 23
    keep = ["类别", "序号", "指标名称", "分组", "单位", "计划目标"]
    assert [row[:6] for row in texts(execution)] == [[r.get(k).text for k in keep]
                                                    for r in plan.rows]
    assert [row[9] for row in texts(execution)] == [r.get("属性").text for r in plan.rows]


@pytest.mark.parametrize(("name", "result", "growth", "base"), [
    ("地区生产总值增速", OutCell(FILL, "0.00##"), OutCell(FILL), OutCell()),
    ("工业增加值增速", OutCell(FILL, "0.00##"), OutCell(FILL, "0.0##%"), OutCell()),
    ("R&D经费支出占地区生产总值比重", OutCell(FILL, "0.0##"), OutCell("—"), OutCell()),
    ("其中：税收收入增速", OutCell(FILL, "0.00##"), OutCell(FILL, "0.0##%"), OutCell()),
    ("綦河出境水质", OutCell(FILL), OutCell("—"), OutCell()),
    # 提高1.5个百分点: the 上年值 is 2020's result, as 2021's table gave it
    ("常住人口城镇化率", OutCell(FILL, "0.0##"), OutCell("—"), OutCell("59.5")),
])
def test_results_are_to_fill_and_dashes_kept(execution: OutSheet, name: str, result: OutCell,
                                             growth: OutCell, base: OutCell) -> None:
    row = rows(execution)[name]
    assert (row["绝对值"], row["增速（%）"], row["上年值"]) == (result, growth, base)


def test_an_indicator_dropped_from_the_plan_is_not_reported_on(execution: OutSheet) -> None:
    old = {r.get("指标名称").text for r in sheets("indicators").tables["完成情况"].rows}
    assert "数字经济增加值增速" in old
    assert "数字经济增加值增速" not in rows(execution)


def test_a_new_indicator_has_everything_to_fill() -> None:
    source = sheets("indicators")
    set_text(source.tables["计划目标"], "常住人口城镇化率", "指标名称", "户籍人口城镇化率")
    sheet = execution_sheet(source)
    assert sheet is not None
    row = rows(sheet)["户籍人口城镇化率"]
    assert (row["计划目标"], row["绝对值"], row["增速（%）"], row["上年值"]) == (
        OutCell("提高1.5个百分点"), OutCell(FILL), OutCell(FILL), OutCell(FILL))


def test_a_base_left_blank_last_year_is_to_fill() -> None:
    source = sheets("indicators")
    set_text(source.tables["完成情况"], "常住人口城镇化率", "绝对值", "—")
    sheet = execution_sheet(source)
    assert sheet is not None
    assert rows(sheet)["常住人口城镇化率"]["上年值"] == OutCell(FILL)
    assert rows(sheet)["常住人口城镇化率"]["绝对值"] == OutCell("—", "0.0")


def test_no_plan_no_execution_table() -> None:
    assert execution_sheet(sheets("indicators", drop=("计划目标",))) is None


def test_without_last_years_execution_table_every_result_is_to_fill() -> None:
    sheet = execution_sheet(sheets("indicators", drop=("完成情况",)))
    assert sheet is not None
    assert {(row[6], row[7]) for row in texts(sheet)} == {(FILL, FILL)}
    assert sheet.headers[7] == "增速"  # no old header to copy the unit from


def accepted(cell: OutCell, column: str) -> tuple[object, list[str]]:
    """The value validation reads from the cell under ``column`` of 完成情况, and its problems."""
    problems = Problems()
    schema = EXECUTION.column(column)
    assert schema is not None
    value = parse_cell(Cell(cell.text, SourceRef("完成情况")), schema, column, problems)
    return value, [p.message for p in problems.items]


def test_the_base_of_a_growth_indicator_is_a_number_the_column_accepts() -> None:
    source = sheets("indicators")
    set_text(source.tables["计划目标"], "全体居民人均可支配收入增速", "计划目标", "提高1个百分点")
    sheet = execution_sheet(source)
    assert sheet is not None
    base = rows(sheet)["全体居民人均可支配收入增速"]["上年值"]
    assert base.text != FILL  # 2020's growth is known: 6.8%
    assert accepted(base, BASE) == (Decimal("6.8"), [])


@pytest.mark.parametrize("dash", ["-", "－", "–", "——"])
def test_a_dash_that_means_no_value_is_kept(dash: str) -> None:
    source = sheets("indicators")
    set_text(source.tables["完成情况"], "森林覆盖率", "增速", dash)
    assert accepted(OutCell(dash), "增速") == ("—", [])  # last year's table had no value here
    sheet = execution_sheet(source)
    assert sheet is not None
    assert rows(sheet)["森林覆盖率"]["增速（%）"].text in ("—", dash)


def test_indicator_sheets_put_the_execution_table_before_the_copied_plan() -> None:
    source = sheets("indicators")
    made = indicator_sheets(source)
    assert [s.name for s in made] == ["完成情况", "计划目标"]
    plan = source.tables["计划目标"]
    copied = [[r.get(k).text for k in plan.headers] for r in plan.rows]
    copied[12][0] = ""  # 绿色发展, split at 2021's page break, is one merged cell again
    assert texts(made[1]) == copied
    assert made[1].widths == {1: 16.0, 2: 6.0, 3: 32.0, 4: 26.0, 5: 9.0, 6: 22.0, 7: 10.0,
                              8: 10.0, 9: 10.0}
    assert (12, 1, 20, 1) in made[1].merges  # A12:A20 (the 2021 booklet: A12:A13, A14:A20)


# -- project lists ----------------------------------------------------------------------------

def test_last_years_people_projects_to_report_on() -> None:
    source = sheets("projects")
    sheet = reported_sheet(source, "上年民心工程")
    assert sheet is not None
    planned = [r.get("名称").text for r in source.tables["本年民心工程"].rows]
    assert len(planned) == 12
    assert sheet.headers == ["名称", "完成情况", "是否完工"]
    assert texts(sheet) == [[name, FILL, FILL] for name in planned]
    assert sheet.widths == {1: 40.0, 2: 90.0, 3: 10.0}  # as 2021's 上年民心工程


def test_last_years_projects_due_for_completion() -> None:
    source = sheets("projects")
    sheet = reported_sheet(source, "上年完工项目")
    assert sheet is not None
    due = [r for r in source.tables["政府投资重点项目"].rows if r.get("分组").text == "完工项目"]
    assert sheet.headers == ["类别", "名称", "完成情况", "是否完工"]
    assert texts(sheet) == [[r.get("类别").text, r.get("名称").text, FILL, FILL] for r in due]
    assert len(sheet.rows) == 29
    assert texts(sheet)[0] == ["交通路网", "县乡道升级改造100公里", FILL, FILL]
    assert sheet.widths == {1: 14.0, 2: 60.0}  # from 政府投资重点项目


@pytest.mark.parametrize(("name", "drop"), [
    ("上年民心工程", ("本年民心工程",)), ("上年完工项目", ("政府投资重点项目",))])
def test_no_list_to_report_on_without_its_source(name: str, drop: tuple[str, ...]) -> None:
    assert reported_sheet(sheets("projects", drop=drop), name) is None


def test_no_completed_list_when_no_project_was_due() -> None:
    source = sheets("projects")
    for row in source.tables["政府投资重点项目"].rows:
        row.cells["分组"] = replace(row.get("分组"), text="续建项目")
    assert reported_sheet(source, "上年完工项目") is None
    assert "上年完工项目" not in [s.name for s in project_sheets(source)]


def test_project_sheets_in_order_this_years_lists_empty() -> None:
    made = project_sheets(sheets("projects"))
    assert [s.name for s in made] == ["上年重大项目", "上年民心工程", "上年完工项目",
                                      "政府投资重点项目", "产业发展重点项目", "本年民心工程"]
    assert [len(s.rows) for s in made] == [0, 12, 29, 0, 0, 0]
    empty = {s.name: (s.headers, s.widths) for s in made if not s.rows}
    assert empty == {
        "上年重大项目": (["分组", "类别", "名称"], {1: 14.0, 2: 12.0, 3: 48.0}),
        "政府投资重点项目": (["分组", "类别", "名称"], {1: 14.0, 2: 14.0, 3: 60.0}),
        "产业发展重点项目": (["分组", "类别", "名称"], {1: 14.0, 2: 18.0, 3: 50.0}),
        "本年民心工程": (["名称"], {1: 70.0}),
    }


def test_new_lists_to_report_on_come_last_when_the_old_book_has_none() -> None:
    made = project_sheets(sheets("projects", drop=("上年民心工程",)))
    assert [s.name for s in made] == ["上年重大项目", "政府投资重点项目", "产业发展重点项目",
                                      "本年民心工程", "上年民心工程", "上年完工项目"]
    assert [len(s.rows) for s in made] == [0, 0, 0, 0, 12, 29]


# -- statistics -------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def statistics() -> dict[str, OutSheet]:
    return {s.name: s for s in statistics_sheets(sheets("statistics"))}


def test_statistics_keep_their_sheets_and_headers(statistics: dict[str, OutSheet]) -> None:
    assert list(statistics) == ["统计", "重大项目执行", "投资计划"]
    assert statistics["统计"].headers == ["指标", "数值", "单位", "增速（%）", "说明"]
    assert statistics["投资计划"].headers == ["投资类型", "分类方式", "类别", "项目数",
                                              "年度计划投资（亿元）"]
    assert statistics["统计"].widths == {1: 24.0, 2: 10.0, 3: 8.0, 4: 10.0, 5: 50.0}


@pytest.mark.parametrize(("sheet", "row", "expected"), [
    ("统计", 0, [OutCell("服务业增加值"), OutCell(FILL, "0.00##"), OutCell("亿元"),
                 OutCell(FILL, "0.0##%"), OutCell()]),
    ("统计", 1, [OutCell("金融业增加值"), OutCell(FILL, "0.0##"), OutCell("亿元"), OutCell(),
                 OutCell()]),
    ("重大项目执行", 1, [OutCell("政府投资项目"), OutCell(FILL), OutCell(FILL),
                         OutCell(FILL, "0.0##")]),
    ("投资计划", 0, [OutCell("社会投资项目"), OutCell("按领域"),
                     OutCell("重大基础设施及综合交通项目"), OutCell(FILL),
                     OutCell(FILL, "0.0##")]),
    ("投资计划", 7, [OutCell("社会投资项目"), OutCell("按建设性质"), OutCell("新建项目"),
                     OutCell(FILL), OutCell()]),
    ("投资计划", 11, [OutCell("政府投资项目"), OutCell("合计"), OutCell("政府投资项目"),
                      OutCell(), OutCell(FILL, "0.0##")]),
])
def test_statistics_fill_numeric_columns(statistics: dict[str, OutSheet], sheet: str, row: int,
                                         expected: list[OutCell]) -> None:
    assert statistics[sheet].rows[row] == expected


def test_every_value_given_is_to_fill_and_nothing_else(statistics: dict[str, OutSheet]) -> None:
    numeric = {"统计": {"数值", "增速"}, "重大项目执行": {"项目数", "形成投资放量", "完成投资"},
               "投资计划": {"项目数", "年度计划投资"}}
    source = sheets("statistics").tables
    for name, sheet in statistics.items():
        old = source[name]
        # a note (说明) on a row whose figures are to fill in spoke of last year's: to fill too
        expected = [[FILL if (key in numeric[name] or key == "说明" and any(
                         row.get(k).text for k in numeric[name])) and row.get(key).text
                     else row.get(key).text for key in old.headers] for row in old.rows]
        assert texts(sheet) == expected, name


def test_a_sheet_the_schema_does_not_know_is_copied() -> None:
    source = sheets("statistics")
    source.tables["备注"] = replace(source.tables["重大项目执行"], name="备注")
    made = {s.name: s for s in statistics_sheets(source)}
    assert texts(made["备注"]) == [["社会投资项目", "58", "53", "110.1"],
                                  ["政府投资项目", "100", "69", "27.7"]]
