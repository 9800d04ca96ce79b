"""Validation: each cell under its column's type, indicator tables (类别, groups, 其中 rows,
序号), record tables (keys, duplicates), each problem with its cell."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from helpers.a_tables import sheet_table
from helpers.project import REPO
from reportgen.data.folder import read_year
from reportgen.data.model import Gap, Target
from reportgen.data.schema import EXECUTION, INVESTMENT, PLAN, PROJECTS, STATISTICS, Column
from reportgen.data.sheets import Cell, read_workbook
from reportgen.data.validate import collect_year, indicator_table, parse_cell, record_table
from reportgen.errors import Problems, SourceRef
from reportgen.project import Project

BOOK = "data/2021/indicators.xlsx"
AT = f"{BOOK}[完成情况]"
CELL = SourceRef(BOOK, "完成情况", 2, 7, "绝对值")
END = ", which a Word document cannot hold"


def D(text: str) -> Decimal:  # noqa: N802 - reads like the literal it makes
    return Decimal(text)


# --- cells ----------------------------------------------------------------------------------


def parsed(text: str, kind: str, fill: bool = False) -> tuple[Any, list[str]]:
    problems = Problems()
    value = parse_cell(Cell(text, CELL), Column("绝对值", kind, "", fill=fill), "甲·绝对值",
                       problems)
    return value, [p.message for p in problems.items]


@pytest.mark.parametrize(("text", "kind", "value"), [
    ("甲路", "text", "甲路"),
    ("—", "text", "—"),
    ("3", "int", D("3")),
    ("3.0", "int", D("3")),
    ("-2", "int", D("-2")),
    ("500.30", "number", D("500.30")),
    (".5", "number", D("0.5")),
    ("—", "number", "—"),
    ("－", "number", "—"),
    ("-", "measure", "—"),
    ("——", "percent", "—"),
    ("Ⅱ类", "measure", "Ⅱ类"),
    ("良", "measure", "良"),
    ("163.41", "measure", D("163.41")),
    ("3.2", "percent", D("3.2")),
    ("3.2%", "percent", D("3.2")),
    ("-9.5％", "percent", D("-9.5")),
    ("预期性", "attribute", "预期性"),
    ("约束性", "attribute", "约束性"),
    ("超额完成", "status", "超额完成"),
    ("是", "yesno", True), ("Y", "yesno", True), ("yes", "yesno", True), ("true", "yesno", True),
    ("√", "yesno", True),
    ("否", "yesno", False), ("n", "yesno", False), ("FALSE", "yesno", False), ("×", "yesno", False),
])
def test_a_cell_reads_under_its_columns_type(text: str, kind: str, value: Any) -> None:
    found, problems = parsed(text, kind)
    assert problems == []
    assert found == value
    assert type(found) is type(value)
    assert str(found) == str(value)


def test_a_target_is_kept_as_written() -> None:
    found, problems = parsed("7.5以上", "target")
    assert problems == []
    assert found == Target("7.5以上", ">=", D("7.5"), word="以上")


@pytest.mark.parametrize(("text", "kind", "message", "value"), [
    ("1.5", "int", "「1.5」 is not a whole number", None),
    ("三", "int", "「三」 is a number written in words; type it in digits (3)", None),
    ("—", "int", "「—」 is not a whole number", None),
    ("5OO", "number", "「5OO」 is not a number", None),
    ("约3", "measure", "「约3」 is not a number", None),  # text with a digit is a mistyped number
    ("５OO", "measure", "「５OO」 is not a number", None),  # a full-width digit too
    ("1,234.5", "number", "「1,234.5」 is not a number (write it without thousands separators)",
     None),
    ("1,234", "measure", "「1,234」 is not a number (write it without thousands separators)",
     None),
    ("良", "number", "「良」 is not a number", None),
    ("三", "percent", "「三」 is a number written in words; type it in digits (3)", None),
    ("%", "percent", "「%」 is not a percentage such as 3.2 or 3.2%", None),
    ("预期", "attribute", "「预期」 must be 预期性 or 约束性", "预期"),
    ("已完成", "status", "「已完成」 must be one of 完成、超额完成、基本完成、未完成、需人工判断",
     "已完成"),
    ("完工", "yesno", "「完工」 must be 是 or 否", None),
])
def test_a_cell_that_does_not_fit_is_a_problem(text: str, kind: str, message: str,
                                                value: Any) -> None:
    assert parsed(text, kind) == (value, [message])


@pytest.mark.parametrize("kind", ["text", "int", "number", "measure", "percent", "target",
                                  "attribute", "status", "yesno"])
def test_blank_and_to_fill_in_cells(kind: str) -> None:
    assert parsed("", kind) == (None, [])
    assert parsed("", kind, fill=True) == (Gap("甲·绝对值", CELL), [])
    assert parsed("待填", kind) == (Gap("甲·绝对值", CELL), [])  # whether or not a blank is
    assert parsed("【待填】", kind, fill=True) == (Gap("甲·绝对值", CELL), [])


@pytest.mark.parametrize("kind", ["text", "number", "yesno"])
def test_a_control_character_is_refused_in_any_column(kind: str) -> None:
    assert parsed("5\x0b", kind) == (
        None, ["contains the control character U+000B at position 2" + END])


@given(st.decimals(allow_nan=False, allow_infinity=False, places=3, min_value=-10**9,
                   max_value=10**9))
def test_a_number_reads_back_as_its_text(number: Decimal) -> None:
    text = format(number, "f")
    for kind in ("number", "measure"):
        found, problems = parsed(text, kind)
        assert problems == []
        assert str(found) == text
    assert parsed(text + "%", "percent") == (number, [])


# --- indicator tables -----------------------------------------------------------------------

HEADERS = ["类别", "序号", "指标名称", "分组", "单位", "计划目标", "绝对值", "增速"]


def indicators(rows: list[list[str]], headers: list[str] = HEADERS,
               schema: Any = EXECUTION) -> tuple[Any, list[str]]:
    problems = Problems()
    found = indicator_table(sheet_table(headers, rows), schema, problems)
    return found, [str(p) for p in problems.items]


def layout(table: Any) -> list[tuple[Any, ...]]:
    return [(r.name, r.category, r.starts_category, r.number, r.group, r.starts_group)
            for r in table.rows]


def test_categories_are_forward_filled_and_a_value_starts_a_new_cell() -> None:
    table, problems = indicators([
        ["发展综合质量效益", "1", "地区生产总值增速", "", "%", "7.5以上", "500.30", "3"],
        ["", "2", "工业增加值增速", "", "%", "9", "163.41", "3.2"],
        ["发展综合质量效益", "3", "财政收入增速", "", "%", "1.4", "20.45", "1.4"],  # next page
        ["创新发展", "4", "R&D经费支出占比", "", "%", "2.2", "2.3", "—"],
        ["", "5", "万人发明专利拥有量", "", "件/万人", "2.78", "2.43", "—"],
    ])
    assert problems == []
    assert layout(table) == [
        ("地区生产总值增速", "发展综合质量效益", True, 1, None, False),
        ("工业增加值增速", "发展综合质量效益", False, 2, None, False),
        ("财政收入增速", "发展综合质量效益", True, 3, None, False),
        ("R&D经费支出占比", "创新发展", True, 4, None, False),
        ("万人发明专利拥有量", "创新发展", False, 5, None, False),
    ]
    assert table.rows[4].label == "万人发明专利拥有量（件/万人）"


def test_a_numbered_row_with_a_group_starts_it_and_a_numbered_row_ends_it() -> None:
    table, problems = indicators([
        ["绿色发展", "1", "能耗强度下降", "能耗“双控”目标", "%", "≥3.5", "3.5", "—"],
        ["", "", "能耗年均增速", "", "%", "≤3.5", "3.5", "—"],
        ["", "2", "二氧化硫", "主要污染物排放总量减少", "%", "完成国家和市下达目标", "26.9", "—"],
        ["", "", "氮氧化物", "", "%", "完成国家和市下达目标", "14.5", "—"],
        ["", "", "氨氮", "", "%", "完成国家和市下达目标", "4.7", "—"],
        ["开放发展", "3", "财政收入增速", "", "%", "1.4", "20.45", "1.4"],
        ["", "", "其中：税收收入增速", "", "%", "2", "13.02", "-9.5"],  # a 其中 row
    ])
    assert problems == []
    assert layout(table) == [
        ("能耗强度下降", "绿色发展", True, 1, "能耗“双控”目标", True),
        ("能耗年均增速", "绿色发展", False, None, "能耗“双控”目标", False),
        ("二氧化硫", "绿色发展", False, 2, "主要污染物排放总量减少", True),
        ("氮氧化物", "绿色发展", False, None, "主要污染物排放总量减少", False),
        ("氨氮", "绿色发展", False, None, "主要污染物排放总量减少", False),
        ("财政收入增速", "开放发展", True, 3, None, False),
        ("其中：税收收入增速", "开放发展", False, None, None, False),
    ]
    assert [r.name for r in table.numbered()] == ["能耗强度下降", "二氧化硫", "财政收入增速"]


def test_an_indicators_values_and_their_cells() -> None:
    table, problems = indicators([
        ["发展综合质量效益", "1", "地区生产总值增速", "", "%", "7.5以上", "500.30", "3%"],
        ["", "2", "数字经济增加值增速", "", "%", "20", "—", ""],
    ])
    assert problems == []
    first, second = table.rows
    assert table.columns == ("计划目标", "绝对值", "增速")
    assert dict(first.values) == {"计划目标": Target("7.5以上", ">=", D("7.5"), word="以上"),
                                  "绝对值": D("500.30"), "增速": D("3")}
    assert str(first.cell("绝对值")) == f"{AT}!G2（绝对值）"
    assert str(first.ref) == f"{AT}!2"
    assert second.values["绝对值"] == "—"
    assert second.values["增速"] == Gap("数字经济增加值增速·增速", SourceRef(BOOK, "完成情况", 3, 8,
                                                                            "增速"))


ROW = ["发展综合质量效益", "1", "甲", "", "%", "9", "1", "1"]


def _row(**changes: str) -> list[str]:
    row = list(ROW)
    for header, value in changes.items():
        row[HEADERS.index(header)] = value
    return row


@pytest.mark.parametrize(("rows", "expected"), [
    ([_row(类别="")], [f"{AT}!A2（类别）: the first row needs a 类别"]),
    ([_row(指标名称="")], [f"{AT}!C2（指标名称）: 指标名称 is blank; every row needs one"]),
    ([_row(序号="")], [f"{AT}!B2（序号）: the first indicator needs a 序号"]),
    ([ROW, _row(序号="0", 指标名称="乙")], [f"{AT}!B3（序号）: 「0」 is not a 序号 (1, 2, 3 …)"]),
    ([ROW, _row(序号="-1", 指标名称="乙")], [f"{AT}!B3（序号）: 「-1」 is not a 序号 (1, 2, 3 …)"]),
    ([ROW, _row(序号="1.5", 指标名称="乙")],
     [f"{AT}!B3（序号）: 「1.5」 is not a 序号 (1, 2, 3 …)"]),
    ([ROW, _row(序号="二", 指标名称="乙")], [f"{AT}!B3（序号）: 「二」 is not a 序号 (1, 2, 3 …)"]),
    ([ROW, _row(序号="", 指标名称="乙", 分组="能耗")],
     [f"{AT}!D3（分组）: a 分组 starts on a numbered row; give this row its 序号, or clear the "
      "分组"]),
    ([ROW, _row(序号="2")],
     [f"{AT}!C3（指标名称）: 指标 「甲」 appears twice (first at {AT}!C2（指标名称）)"]),
    ([_row(类别="发展\x01")], [f"{AT}!A2（类别）: contains the control character U+0001 at "
                               "position 3" + END]),
    ([_row(单位="%\t")], [f"{AT}!E2（单位）: contains a tab at position 2" + END]),
    ([_row(绝对值="5OO")], [f"{AT}!G2（绝对值）: 「5OO」 is not a number"]),
    ([_row(增速="三")], [f"{AT}!H2（增速）: 「三」 is a number written in words; type it in digits (3)"]),
])
def test_a_mistake_in_an_indicator_table_names_its_cell(rows: list[list[str]],
                                                        expected: list[str]) -> None:
    assert indicators(rows)[1] == expected


def test_a_row_without_a_name_is_left_out() -> None:
    table, problems = indicators([ROW, _row(序号="2", 指标名称=""), _row(序号="3", 指标名称="丙")])
    assert [r.name for r in table.rows] == ["甲", "丙"]
    assert problems == [f"{AT}!C3（指标名称）: 指标名称 is blank; every row needs one"]


def test_a_missing_column_is_named_with_what_it_is_for() -> None:
    headers = [h for h in HEADERS if h != "绝对值"]
    table, problems = indicators([[v for h, v in zip(HEADERS, ROW, strict=True) if h != "绝对值"]],
                                 headers)
    assert problems == [f"{AT}: column 「绝对值」 is missing (needed: last year's result, "
                        "absolute value)"]
    assert table.columns == ("计划目标", "增速")
    assert "绝对值" not in table.rows[0].values


def test_a_misspelt_column_is_named_and_kept_as_text() -> None:
    headers = [*HEADERS, "完成状况", "备注"]
    table, problems = indicators([[*ROW, "完成", "见说明"]], headers)
    assert problems == [f"[warning] {AT}!I1: column 「完成状况」 is not one reportgen knows; did "
                        "you mean 「完成状态」?"]
    assert table.columns == ("计划目标", "绝对值", "增速", "完成状况", "备注")
    assert (table.rows[0].values["完成状况"], table.rows[0].values["备注"]) == ("完成", "见说明")


def test_the_plan_needs_its_attribute() -> None:
    headers = ["类别", "序号", "指标名称", "分组", "单位", "计划目标", "属性"]
    table, problems = indicators([["发展综合质量效益", "1", "甲", "", "%", "6", ""],
                                  ["", "2", "乙", "", "%", "6", "预期"]], headers, PLAN)
    assert problems == [f"{AT}!G3（属性）: 「预期」 must be 预期性 or 约束性"]
    assert table.rows[0].values["属性"] == Gap("甲·属性", SourceRef(BOOK, "完成情况", 2, 7, "属性"))


def test_the_shipped_execution_table() -> None:
    sheet = read_workbook(REPO / BOOK, SourceRef(BOOK))["完成情况"]
    problems = Problems()
    table = indicator_table(sheet, EXECUTION, problems)
    assert problems.items == []
    assert (len(table.rows), len(table.numbered())) == (25, 20)
    by_name = {r.name: r for r in table.rows}
    assert layout(table)[5:7] == [
        ("财政一般公共预算收入增速", "发展综合质量效益", True, 6, None, False),
        ("其中：税收收入增速", "发展综合质量效益", False, None, None, False)]
    assert (by_name["能耗年均增速"].group, by_name["氨氮"].group) == (
        "能耗“双控”目标", "主要污染物排放总量减少（%）")
    assert str(by_name["地区生产总值增速"].values["绝对值"]) == "500.30"
    assert by_name["綦河出境水质"].values["绝对值"] == "Ⅱ类"
    assert str(by_name["城镇登记失业率"].cell("计划目标")) == f"{AT}!F26（计划目标）"


# --- record tables --------------------------------------------------------------------------


def records(headers: list[str], rows: list[list[str]], schema: Any = PROJECTS,
            book: str = "data/2021/projects.xlsx", sheet: str = "上年民心工程"
            ) -> tuple[Any, list[str]]:
    problems = Problems()
    found = record_table(sheet_table(headers, rows, book, sheet), schema, problems)
    return found, [str(p) for p in problems.items]


def test_a_project_list() -> None:
    table, problems = records(["名称", "完成情况", "是否完工"], [
        ["甲路", "已建成通车", "是"], ["乙桥", "完成主体工程", "否"], ["丙站", "", ""]])
    assert problems == []
    assert table.columns == ("名称", "完成情况", "是否完工")
    assert [dict(r.values) for r in table.rows] == [
        {"名称": "甲路", "完成情况": "已建成通车", "是否完工": True},
        {"名称": "乙桥", "完成情况": "完成主体工程", "是否完工": False},
        {"名称": "丙站", "完成情况": None, "是否完工": None}]
    assert str(table.rows[1].cell("是否完工")) == (
        "data/2021/projects.xlsx[上年民心工程]!C3（是否完工）")


def test_columns_follow_the_schemas_order_then_the_extra_ones() -> None:
    table, problems = records(["备注", "名称", "分组"], [["x", "甲路", "交通"]])
    assert problems == []
    assert table.columns == ("分组", "名称", "备注")
    assert table.rows[0].values["备注"] == "x"


@pytest.mark.parametrize(("rows", "expected"), [
    ([["", "是"]], ["data/2021/projects.xlsx[上年民心工程]!A2（名称）: 名称 is blank; every row "
                    "needs one"]),
    ([["甲路", "是"], ["甲路", "否"]],
     ["data/2021/projects.xlsx[上年民心工程]!A3（名称）: 「甲路」 appears twice (first at "
      "data/2021/projects.xlsx[上年民心工程]!A2（名称）)"]),
    ([["甲路", "完工"]],
     ["data/2021/projects.xlsx[上年民心工程]!B2（是否完工）: 「完工」 must be 是 or 否"]),
])
def test_a_mistake_in_a_record_table_names_its_cell(rows: list[list[str]],
                                                     expected: list[str]) -> None:
    assert records(["名称", "是否完工"], rows)[1] == expected


def test_a_record_without_its_key_is_left_out() -> None:
    table, _ = records(["名称", "是否完工"], [["甲路", "是"], ["", "否"], ["乙桥", "否"]])
    assert [r.values["名称"] for r in table.rows] == ["甲路", "乙桥"]


def test_statistics_take_percentages_and_measures() -> None:
    table, problems = records(["指标", "数值", "单位", "增速", "说明"], [
        ["地区生产总值", "500.30", "亿元", "3%", ""],
        ["空气质量", "良", "", "-9.5", ""],
        ["进出口总额", "", "亿元", "—", "待填"],
        ["旅游人次", "1,234", "万人次", "3.2", ""],
    ], STATISTICS, "data/2021/statistics.xlsx", "统计")
    at = "data/2021/statistics.xlsx[统计]"
    assert problems == [f"{at}!B5（数值）: 「1,234」 is not a number (write it without thousands "
                        "separators)"]
    values = [(r.values["数值"], r.values["增速"]) for r in table.rows]
    assert values == [(D("500.30"), D("3")), ("良", D("-9.5")),
                      (Gap("进出口总额·数值", SourceRef("data/2021/statistics.xlsx", "统计", 4, 2,
                                                  "数值")), "—"),
                      (None, D("3.2"))]
    assert table.rows[2].values["说明"] == Gap("进出口总额·说明", SourceRef(
        "data/2021/statistics.xlsx", "统计", 4, 5, "说明"))


def test_an_investment_row_is_keyed_by_type_breakdown_and_part() -> None:
    at = "data/2021/statistics.xlsx[投资计划]"
    table, problems = records(["投资类型", "分类方式", "类别", "项目数", "年度计划投资"], [
        ["社会投资项目", "按领域", "房地产项目", "11", "30"],
        ["社会投资项目", "按建设性质", "房地产项目", "11", ""],  # another breakdown: fine
        ["政府投资项目", "按领域", "房地产项目", "1", ""],  # another type: fine
        ["社会投资项目", "按领域", "房地产项目", "2", ""],
        ["", "按领域", "教育项目", "2", ""],
        ["社会投资项目", "按领域", "教育项目", "2.5", ""],
    ], INVESTMENT, "data/2021/statistics.xlsx", "投资计划")
    assert problems == [
        f"{at}!A5（投资类型）: 「社会投资项目·按领域·房地产项目」 appears twice (first at "
        f"{at}!A2（投资类型）)",
        f"{at}!A6（投资类型）: 投资类型 is blank; every row needs one",
        f"{at}!D7（项目数）: 「2.5」 is not a whole number",
    ]
    assert [r.values["项目数"] for r in table.rows] == [D("11"), D("11"), D("1"), D("2"), None]


# --- the year -------------------------------------------------------------------------------


def test_the_shipped_year_validates(project: Path) -> None:
    raw = read_year(2021, project / "data" / "2021", Project.at(project).ref)
    problems = Problems()
    year = collect_year(raw, problems)
    assert problems.items == []
    assert list(year.indicators) == ["完成情况", "计划目标"]
    assert len(year.projects) == 5
    assert [len(t.rows) for t in (year.statistics, year.major_projects, year.investment)] == [
        19, 2, 12]
    assert year.meta.plan_year == 2021


def test_a_narrative_line_is_named_and_a_sheet_the_year_lacks_is_empty(project: Path) -> None:
    folder = project / "data" / "2021"
    narrative = folder / "narrative.txt"
    lines = narrative.read_text(encoding="utf-8").split("\n")
    lines[2] += "\x0c"
    narrative.write_text("\n".join(lines), encoding="utf-8")
    raw = read_year(2021, folder, Project.at(project).ref)
    del raw.workbooks["statistics"]["投资计划"]
    problems = Problems()
    year = collect_year(raw, problems)
    assert [str(p) for p in problems.items] == [  # a report need not have every table
        f"data/2021/narrative.txt:3: contains the control character U+000C at position "
        f"{len(lines[2])}" + END]
    assert year.investment.rows == ()


@pytest.mark.parametrize(("header", "warned"), [
    ("说眀", True), ("完成状况", True), ("计划目", True), ("计划目标值", True),
    ("上年完成", False), ("本年目标", False), ("“十四五”目标", False), ("备注", False),
])
def test_only_a_column_one_character_off_a_known_one_is_a_likely_typo(header: str,
                                                                     warned: bool) -> None:
    from reportgen.data.schema import EXECUTION
    from reportgen.data.validate import _one_off

    assert any(_one_off(header, name) for name in EXECUTION.names + ["说明"]) == warned


def test_an_extra_columns_kind_comes_from_its_header_and_values() -> None:
    from reportgen.data.validate import extra_columns

    headers = ["指标名称", "完成率（%）", "“十四五”目标", "总投资（万元）", "上年完成", "备注"]
    table = sheet_table(headers, [["甲", "98.5", "≥300", "1200", "5.6", "新增"],
                                  ["乙", "101", "6.5左右", "30", "—", ""]])
    kinds = {c.name: c.type for c in extra_columns(table, headers[1:])}
    # a header in % holds percentages; a 目标 column targets; a unit or numbers only, numbers
    assert kinds == {"完成率（%）": "percent", "“十四五”目标": "target", "总投资（万元）": "measure",
                     "上年完成": "measure", "备注": "text"}


def test_a_sheet_with_no_category_or_number_column_is_numbered_in_order() -> None:
    table, problems = indicators([["甲", "%", "7"], ["乙", "%", "8"]],
                                 headers=["指标名称", "单位", "计划目标"], schema=PLAN)
    assert [(r.number, r.category, r.starts_category) for r in table.rows] == [
        (1, "", False), (2, "", False)]
    assert [p for p in problems if "类别" in p or "序号" in p] == []


def test_a_rows_compared_column_is_declared_by_the_row_or_the_table() -> None:
    from reportgen.data.status import compared_value

    headers = ["类别", "序号", "指标名称", "分组", "单位", "计划目标", "绝对值", "增速", "比较"]
    rows = [["甲类", "1", "地区生产总值增长率", "", "%", "7.5以上", "500.30", "3", ""],
            ["", "2", "森林覆盖率", "", "%", "50", "52", "0.5", "绝对值"]]
    table, _ = indicators(rows, headers)
    # the growth rate, as a % indicator with a growth rate - whatever its name says
    assert [compared_value(r) for r in table.rows] == [D("3"), D("52")]
    problems = Problems()
    declared = indicator_table(sheet_table(headers, rows), EXECUTION, problems, compared="绝对值")
    assert [compared_value(r) for r in declared.rows] == [D("500.30"), D("52")]
