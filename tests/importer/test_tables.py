"""A 专栏's table into a sheet and its definition: the 2021 tables (from the .txt's cell runs and
from a built .docx's grid alike), an indicator table of three value columns with a 单位 column
and no 序号, 类别 as rows across, a project table with its 合计 computed; tables no kind prints
back."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers.project import REPO
from reportgen.importer.grid import header_depth, leaves, rows_of
from reportgen.importer.source import Cell, Para, Table, read_source
from reportgen.importer.tables import Names, read_table

YEARS = (2020, 2021)


def table_of(*rows: tuple[str, ...]) -> Table:
    return Table(tuple(tuple(Cell((Para(text),) if text else (), column)
                             for column, text in enumerate(row, start=1)) for row in rows), 1)


def texts(sheet) -> list[list[str]]:  # type: ignore[no-untyped-def]
    return [[cell.text for cell in row] for row in sheet.rows]


def shipped_tables(path: Path) -> list[Table]:
    found = [b for b in read_source(path).blocks if isinstance(b, Table) and b.width > 1]
    # a built report's table holds its 专栏 title in its first row
    return [Table(t.rows[1:], t.place, t.gridded) if t.gridded else t for t in found]


@pytest.mark.parametrize("source", ["txt", "docx"])
def test_the_2021_tables(source: str, built_2021: Path) -> None:
    path = REPO / "data" / "2021" / "official.txt" if source == "txt" else built_2021
    names = Names()
    done, plan = (read_table("2020年主要指标", t, YEARS, names) for t in shipped_tables(path))
    assert done is not None and plan is not None
    assert (done.role, done.rows, plan.role, plan.rows) == ("完成情况", 25, "计划目标", 23)
    assert done.sheet.headers == ["类别", "序号", "指标名称", "分组", "单位", "计划目标", "绝对值",
                                  "增速（%）"]
    rows = texts(done.sheet)
    assert rows[0] == ["发展综合质量效益", "1", "地区生产总值增速", "", "%", "7.5以上", "500.30", "3%"]
    assert rows[5][0] == "发展综合质量效益"  # written again where the booklet wrote it again
    assert rows[14:16] == [["", "14", "能耗强度下降", "能耗“双控”目标", "%", "≥3.5", "3.5", "—"],
                           ["", "", "能耗年均增速", "", "%", "≤3.5", "3.5", "—"]]
    assert done.sheet.rows[0][7].number_format == "0%"
    assert plan.definition["列"] == [{"标题": "{{ 本年 }}年计划目标", "字段": "计划目标"},
                                     {"标题": "备注", "字段": "属性"}]


def test_three_value_columns_a_unit_column_and_no_number() -> None:
    table = table_of(("指标", "单位", "2020年完成", "2021年目标", "“十四五”目标"),
                     ("地区生产总值", "亿元", "860.5", "增长6%", ""),
                     ("城镇调查失业率", "%", "4.8", "≤5.5", "≤5.5"))
    made = read_table("主要指标", table, YEARS, Names())
    assert made is not None and made.role is None and made.sheet.name == "主要指标"
    assert made.definition == {
        "标题": "主要指标", "指标表": "主要指标", "序号": "否", "表头": {"指标名称": "指标"},
        "列": [{"标题": "单位", "字段": "单位"}, {"标题": "{{ 上年 }}年完成", "字段": "上年完成"},
               {"标题": "{{ 本年 }}年目标", "字段": "本年目标"},
               {"标题": "“十四五”目标", "字段": "“十四五”目标"}]}
    assert made.sheet.headers == ["指标名称", "分组", "单位", "上年完成", "本年目标", "“十四五”目标"]
    assert texts(made.sheet)[0] == ["地区生产总值", "", "亿元", "860.5", "增长6%", ""]


def test_categories_as_rows_across() -> None:
    table = table_of(("序号", "指标名称", "2021年目标"), ("经济发展",), ("1", "地区生产总值（亿元）", "900"),
                     ("2", "固定资产投资增速（%）", "8"), ("民生福祉",), ("3", "新增就业（万人）", "1.2"))
    made = read_table("目标", table, YEARS, Names())
    assert made is not None and made.definition["类别"] == "行"
    assert texts(made.sheet) == [["经济发展", "1", "地区生产总值", "", "亿元", "900"],
                                 ["", "2", "固定资产投资增速", "", "%", "8"],
                                 ["民生福祉", "3", "新增就业", "", "万人", "1.2"]]


def test_a_project_table_with_its_total_first() -> None:
    table = table_of(("序号", "项目名称", "总投资（亿元）", "2021年计划投资（亿元）"),
                     ("合计（2个）", "150.5", "30"), ("1", "快速路", "100.5", "20"),
                     ("2", "医院", "50", "10"))
    made = read_table("2021年重点项目", table, YEARS, Names())
    assert made is not None and made.kind == "项目表" and made.workbook == "projects"
    assert made.definition["合计"] == "合计（{{ 个数 }}个）"
    assert made.definition["合计位置"] == "首" and made.definition["类别"] == "无"
    assert made.sheet.headers == ["名称", "总投资（亿元）", "本年计划投资（亿元）"]
    assert texts(made.sheet) == [["快速路", "100.5", "20"], ["医院", "50", "10"]]


def test_a_project_table_with_numbered_category_rows() -> None:
    table = table_of(("序号", "项目名称", "总投资（万元）"), ("一、交通（2个）",), ("1", "甲路", "10"),
                     ("2", "乙桥", "20"), ("二、民生（1个）",), ("1", "丙校", "5"))
    made = read_table("项目", table, YEARS, Names())
    assert made is not None and made.definition["类别标签"] == "{{ 编号 }}、{{ 名称 }}（{{ 个数 }}个）"
    assert made.definition["编号"] == "按类别" and made.definition["合计"] == "否"
    assert [row[0] for row in texts(made.sheet)] == ["交通", "交通", "民生"]


@pytest.mark.parametrize("rows", [
    # a 合计 that is not the sum of its column
    (("序号", "项目名称", "总投资（亿元）"), ("1", "甲", "10"), ("2", "乙", "20"), ("合计", "35")),
    # numbers that are neither running nor by 类别
    (("序号", "项目名称", "总投资"), ("1", "甲", "10"), ("3", "乙", "20")),
    # a project twice
    (("序号", "项目名称", "总投资"), ("1", "甲", "10"), ("2", "甲", "20")),
    # neither kind of header
    (("年份", "数值"), ("2020", "1"), ("2021", "2")),
    # a ﹟ row with no group to be in
    (("序号", "指标名称", "目标"), ("1", "甲", "1"), ("", "﹟乙", "2")),
])
def test_tables_no_kind_prints_back(rows: tuple[tuple[str, ...], ...]) -> None:
    assert read_table("表", table_of(*rows), YEARS, Names()) is None


def test_a_two_row_header_heads_its_value_columns() -> None:
    grid = rows_of(table_of(("类别", "序号", "指标", "目标", "完成"), ("", "", "", "", "绝对值", "增速"),
                            ("甲", "1", "乙", "5", "6", "7%")))
    assert header_depth(grid) == 2
    assert [(leaf.title, leaf.parent) for leaf in leaves(grid[0], grid[1], 3) or []] == [
        ("目标", None), ("绝对值", "完成"), ("增速", "完成")]
