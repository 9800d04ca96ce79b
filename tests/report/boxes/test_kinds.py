"""The 专栏 kinds' registry: boxes.yaml read into definitions, and definitions checked against the data."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from helpers.project import copy_project
from reportgen.data.model import BoxSpec, YearData
from reportgen.data.yamlfile import read_yaml
from reportgen.errors import Problems, SourceRef
from reportgen.project import Project
from reportgen.report import year
from reportgen.report.boxes.grid import ColumnSpec
from reportgen.report.boxes.indicator_table import IndicatorTableBox, TableOptions
from reportgen.report.boxes.kinds import BY_NAME, KINDS, box_specs, check_sources, kind_of
from reportgen.report.boxes.list_box import ListBox
from reportgen.report.boxes.project_table import ProjectTableBox

REF = SourceRef("data/2021/boxes.yaml")
CHOICES = ("清单 (a sheet of projects.xlsx) or 指标表 (a sheet of indicators.xlsx) or 项目表 (a "
           "sheet of projects.xlsx (or 清单·分组 for one 分组 of it))")


def specs(tmp_path: Path, text: str) -> tuple[dict[str, BoxSpec], list[str]]:
    """boxes.yaml written as ``text``, read as the build reads it."""
    path = tmp_path / "boxes.yaml"
    path.write_text(text, encoding="utf-8")
    problems = Problems()
    found = box_specs(read_yaml(path, REF), REF, problems)
    return found, [str(p) for p in problems.items]


def test_the_registry_has_a_list_an_indicator_table_and_a_project_table_kind() -> None:
    assert [(type(k), k.name, k.key) for k in KINDS] == [
        (ListBox, "list", "清单"), (IndicatorTableBox, "table", "指标表"),
        (ProjectTableBox, "projects", "项目表")]
    assert {name: type(kind) for name, kind in BY_NAME.items()} == {
        "list": ListBox, "table": IndicatorTableBox, "projects": ProjectTableBox}
    box = BoxSpec("甲", "甲", "table", "完成情况", {}, REF)
    assert kind_of(box) is BY_NAME["table"]


def test_each_definition_becomes_a_box_of_its_kind(tmp_path: Path) -> None:
    found, problems = specs(tmp_path, (
        "# 注释\n"
        "重大项目完成情况:\n"
        "  标题: \"{{ 上年 }}年重大项目完成情况\"\n"
        "  清单: 上年重大项目\n"
        "  模板: 分组清单.txt\n"
        "  参数: {编号: \"1．\"}\n"
        "主要指标计划:\n"
        "  标题: 主要指标计划\n"
        "  指标表: 计划目标\n"
        "  列:\n"
        "    - {标题: 计划目标, 字段: 计划目标}\n"
        "    - 标题: 完成\n"
        "      子列:\n"
        "        - {标题: 增速, 字段: 增速, 格式: pct}\n"))
    assert problems == []
    assert list(found) == ["重大项目完成情况", "主要指标计划"]
    assert found["重大项目完成情况"] == BoxSpec(
        "重大项目完成情况", "{{ 上年 }}年重大项目完成情况", "list", "上年重大项目", {"编号": "1．"},
        REF.at(line=2), "分组清单.txt")
    assert found["主要指标计划"] == BoxSpec(
        "主要指标计划", "主要指标计划", "table", "计划目标", {}, REF.at(line=7),
        TableOptions((ColumnSpec("计划目标", "计划目标"),
                      ColumnSpec("完成", children=(ColumnSpec("增速", "增速", "pct"),)))))


@pytest.mark.parametrize(("text", "kept", "message"), [
    ("甲:\n  清单: 上年重大项目\n  模板: a.txt\n", False,
     "data/2021/boxes.yaml:1: 专栏 「甲」 needs a 标题"),
    ("甲: 文字\n", False,
     "data/2021/boxes.yaml:1: 专栏 「甲」 needs a 标题"),
    ("甲:\n  标题: 3\n  清单: 上年重大项目\n", False,
     "data/2021/boxes.yaml:1: 专栏 「甲」 needs a 标题"),
    ("甲:\n  标题: 甲\n  清单: 上年重大项目\n  指标表: 完成情况\n", False,
     f"data/2021/boxes.yaml:1: 专栏 「甲」 needs exactly one of {CHOICES}"),
    ("甲:\n  标题: 甲\n  表格: 完成情况\n", False,
     f"data/2021/boxes.yaml:1: 专栏 「甲」 needs exactly one of {CHOICES}"),
    ("甲:\n  标题: 甲\n  清单: 上年重大项目\n", True,
     "data/2021/boxes.yaml:1: 专栏 「甲」 needs a 模板 (a file in templates/专栏/)"),
    ("甲:\n  标题: 甲\n  指标表: 完成情况\n  列: 计划目标\n", True,
     "data/2021/boxes.yaml:1: 「列」 must list the columns, each with 标题 and 字段"),
    ("甲:\n  标题: 甲\n  指标表: 完成情况\n", True,
     "data/2021/boxes.yaml:1: 「列」 must list the columns, each with 标题 and 字段"),
    ("甲:\n  标题: 甲\n  指标表: 完成情况\n  列:\n    - {标题: 计划}\n", True,
     "data/2021/boxes.yaml:5: column 「计划」 needs a 字段 (or 子列)"),
    ("甲:\n  标题: 甲\n  指标表: 完成情况\n  列:\n    - {字段: 计划目标}\n", True,
     "data/2021/boxes.yaml:1: each column needs a 标题"),
])
def test_a_wrong_definition_is_one_problem_at_its_line(tmp_path: Path, text: str, kept: bool,
                                                       message: str) -> None:
    """A definition without its 标题 or kind is left out; one with wrong options is kept."""
    found, problems = specs(tmp_path, text)
    assert (list(found), problems) == (["甲"] if kept else [], [message])


def test_every_wrong_definition_is_reported_and_the_good_ones_kept(tmp_path: Path) -> None:
    found, problems = specs(tmp_path, (
        "甲:\n  清单: 上年重大项目\n"  # line 1: no 标题
        "乙:\n  标题: 乙\n  清单: 本年民心工程\n  参数: [1, 2]\n  模板: 编号清单.txt\n"  # line 3
        "丙:\n  标题: 丙\n  清单: 本年民心工程\n  模板: 编号清单.txt\n"))  # line 8
    assert problems == ["data/2021/boxes.yaml:1: 专栏 「甲」 needs a 标题",
                        "data/2021/boxes.yaml:3: 专栏 「乙」: 参数 must be a mapping"]
    assert list(found) == ["乙", "丙"]
    assert found["乙"].params == {} and found["乙"].options == "编号清单.txt"
    assert found["丙"].ref == REF.at(line=8)


@pytest.mark.parametrize(("boxes", "problems"), [
    (None, []),  # an empty boxes.yaml defines none
    ([1, 2], [f"data/2021/boxes.yaml: must map each 专栏's name to its 标题 and {CHOICES}"]),
    ("甲", [f"data/2021/boxes.yaml: must map each 专栏's name to its 标题 and {CHOICES}"]),
])
def test_boxes_yaml_must_be_a_mapping(boxes: Any, problems: list[str]) -> None:
    found = Problems()
    assert box_specs(boxes, REF, found) == {}
    assert [str(p) for p in found.items] == problems


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> YearData:
    root = copy_project(tmp_path_factory.mktemp("kinds") / "project")
    return year.load(Project.at(root), 2021)[1]


def checked(data: YearData, *boxes: BoxSpec) -> list[str]:
    problems = Problems()
    check_sources(replace(data, boxes={box.key: box for box in boxes}), problems)
    return [str(p) for p in problems.items]


def test_the_shipped_definitions_match_the_data(data: YearData) -> None:
    problems = Problems()
    check_sources(data, problems)
    assert problems.items == [] and len(data.boxes) == 7


SHEETS = "上年重大项目、上年民心工程、政府投资重点项目、产业发展重点项目、本年民心工程"


def test_a_list_needs_its_sheet(data: YearData) -> None:
    assert checked(data, BoxSpec("甲", "甲", "list", "上年民心工", {}, REF.at(line=4),
                                 "编号清单.txt")) == [
        "data/2021/boxes.yaml:4: 专栏 「甲」: projects.xlsx has no sheet 「上年民心工」; it has "
        f"{SHEETS}; did you mean 「上年民心工程」?"]
    assert checked(data, BoxSpec("甲", "甲", "list", "清单", {}, REF, "编号清单.txt")) == [
        f"data/2021/boxes.yaml: 专栏 「甲」: projects.xlsx has no sheet 「清单」; it has {SHEETS}"]


def test_a_table_needs_its_sheet_and_its_fields(data: YearData) -> None:
    columns = TableOptions((ColumnSpec("计划", "计划目录"),
                            ColumnSpec("完成", children=(ColumnSpec("增速", "增速", "pct"),
                                                         ColumnSpec("备注", "说明")))))
    fields = "、".join([*data.indicators["完成情况"].columns, "类别", "序号", "指标名称", "分组",
                       "单位"])
    assert checked(data, BoxSpec("乙", "乙", "table", "计划木标", {}, REF.at(line=5), columns),
                   BoxSpec("丙", "丙", "table", "完成情况", {}, REF.at(line=9), columns)) == [
        "data/2021/boxes.yaml:5: 专栏 「乙」: indicators.xlsx has no sheet 「计划木标」; it has "
        "完成情况、计划目标; did you mean 「计划目标」?",
        "data/2021/boxes.yaml:9: 专栏 「丙」: column 「计划」 reads 字段 「计划目录」, which sheet "
        f"「完成情况」 does not have; it has {fields}; did you mean 「计划目标」?",
        "data/2021/boxes.yaml:9: 专栏 「丙」: column 「备注」 reads 字段 「说明」, which sheet "
        f"「完成情况」 does not have; it has {fields}",
    ]


FILTERS = "num, pct, growth, points, amount, grow, date, cn, cn_year, ordinal"


@pytest.mark.parametrize(("fmt", "message"), [
    ("pcts", f"「pcts」 is not a number filter; they are {FILTERS}; did you mean 「pct」?"),
    ("group", f"「group」 is not a number filter; they are {FILTERS}; did you mean 「grow」?"),
    ("balance", f"「balance」 is not a number filter; they are {FILTERS}"),
    ("amount(亿元)", "「amount(亿元)」: a filter's arguments are numbers or texts in quotes"),
    ("amount(", "「amount(」 is not a filter such as num or amount(\"亿元\")"),
])
def test_a_table_format_is_a_number_filter_checked_where_it_is_written(
        tmp_path: Path, fmt: str, message: str) -> None:
    found, problems = specs(tmp_path, f"甲:\n  标题: 甲\n  指标表: 完成情况\n  列:\n"
                                      f"    - 标题: 计划\n      字段: 计划目标\n      格式: '{fmt}'\n")
    assert problems == [f"data/2021/boxes.yaml:7: 格式 {message}"]
    assert found["甲"].options.columns[0].fmt is None


def test_a_format_takes_its_arguments(tmp_path: Path) -> None:
    found, problems = specs(tmp_path, "甲:\n  标题: 甲\n  指标表: 完成情况\n  列:\n"
                                      "    - {标题: 计划, 字段: 计划目标, 格式: 'amount(\"亿元\", "
                                      "source=\"万元\")'}\n")
    assert problems == []
    assert found["甲"].options.columns[0].fmt == 'amount("亿元", source="万元")'
