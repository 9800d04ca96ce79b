"""The project-table 专栏: any columns of a project sheet as a Word table, its 类别 as rows or
a merged column, its 合计 and 小计 computed; and the checks of its definition."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

from reportgen.data.model import Gap, Record, RecordTable
from reportgen.errors import Problems, SourceRef
from reportgen.report.boxes.grid import ColumnSpec, fair_widths
from reportgen.report.boxes.project_table import (
    ProjectOptions,
    ProjectTableBox,
    project_box,
    project_options,
    source_sheet,
)
from reportgen.templating.environment import make_env, render_text

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
SHEET = SourceRef("data/2021/projects.xlsx", "重点项目")
D = Decimal


def records(*rows: tuple[str, str, str, Any, Any]) -> RecordTable:
    out = []
    for number, (group, category, name, total, year) in enumerate(rows, start=2):
        values = {"分组": group, "类别": category, "名称": name, "总投资": total,
                  "年度计划投资": year}
        out.append(Record(values, SHEET.at(row=number)))
    return RecordTable("重点项目", SHEET, ("分组", "类别", "名称", "总投资", "年度计划投资"),
                       tuple(out), {"分组": "text", "类别": "text", "名称": "text",
                                    "总投资": "measure", "年度计划投资": "measure"},
                       {"总投资": "万元", "年度计划投资": "万元"})


TABLE = records(("新开工", "交通", "甲路", D("100.5"), D(30)),
                ("新开工", "交通", "乙桥", D(20), D(10)),
                ("续建", "民生", "丙校", D(50), D("5.25")))
COLUMNS = (ColumnSpec("序号", "序号"), ColumnSpec("项目名称", "名称"),
           ColumnSpec("总投资（万元）", "总投资"), ColumnSpec("年度计划投资（万元）", "年度计划投资"))


def render(text: str, local: Mapping[str, Any]) -> str:
    return render_text(make_env(), text, "boxes.yaml", dict(local)).strip()


def grid(options: ProjectOptions, table: RecordTable = TABLE,
         rows: Any = None, gaps: list[Gap] | None = None) -> list[list[tuple[str, int]]]:
    """Each row's cells as (text, gridSpan)."""
    xml = project_box(options, "专栏5：", "重点项目", table, rows if rows is not None else table.rows,
                      render, gaps if gaps is not None else [])
    root = etree.fromstring(f'<w:body xmlns:w="{W}">{xml}</w:body>')
    out = []
    for tr in root.iter(f"{{{W}}}tr"):
        cells = []
        for tc in tr.findall(f"{{{W}}}tc"):
            span = tc.find(f"{{{W}}}tcPr/{{{W}}}gridSpan")
            cells.append(("".join(t.text or "" for t in tc.iter(f"{{{W}}}t")),
                          int(span.get(f"{{{W}}}val")) if span is not None else 1))
        out.append(cells)
    return out


def texts(rows: list[list[tuple[str, int]]]) -> list[list[str]]:
    return [[text for text, _ in row] for row in rows]


def test_categories_as_rows_and_the_total_computed_at_the_end() -> None:
    rows = texts(grid(ProjectOptions(COLUMNS)))
    assert rows[0] == ["专栏5：重点项目"]
    assert rows[1] == ["序号", "项目名称", "总投资（万元）", "年度计划投资（万元）"]
    assert rows[2:] == [["交通"], ["1", "甲路", "100.5", "30"], ["2", "乙桥", "20", "10"],
                        ["民生"], ["3", "丙校", "50", "5.25"],
                        ["合计", "170.5", "45.25"]]


def test_subtotals_in_the_category_rows_numbering_by_category_and_the_total_first() -> None:
    options = ProjectOptions(COLUMNS, category_label="{{ 编号 }}、{{ 名称 }}（{{ 个数 }}个）",
                             subtotals=True, total="合计（{{ 个数 }}个）", total_place="top",
                             numbering="category")
    found = grid(options)
    assert texts(found)[2:] == [
        ["合计（3个）", "170.5", "45.25"],
        ["一、交通（2个）", "120.5", "40"], ["1", "甲路", "100.5", "30"],
        ["2", "乙桥", "20", "10"],
        ["二、民生（1个）", "50", "5.25"], ["1", "丙校", "50", "5.25"]]
    assert found[2][0] == ("合计（3个）", 2)  # the label spans 序号 and 项目名称


def test_categories_as_a_merged_column_with_subtotal_rows() -> None:
    found = texts(grid(ProjectOptions(COLUMNS, categories="column", subtotals=True,
                                      category_title="领域")))
    assert found[1] == ["领域", "序号", "项目名称", "总投资（万元）", "年度计划投资（万元）"]
    assert found[2:] == [["交通", "1", "甲路", "100.5", "30"], ["", "2", "乙桥", "20", "10"],
                         ["", "小计", "120.5", "40"],
                         ["民生", "3", "丙校", "50", "5.25"], ["", "小计", "50", "5.25"],
                         ["合计", "170.5", "45.25"]]


def test_no_categories_no_total_and_only_one_group() -> None:
    options = ProjectOptions(COLUMNS, categories="none", total=None)
    chosen = [row for row in TABLE.rows if row.values["分组"] == "新开工"]
    assert texts(grid(options, rows=chosen))[2:] == [["1", "甲路", "100.5", "30"],
                                                     ["2", "乙桥", "20", "10"]]


def test_a_value_still_to_fill_in_leaves_the_total_to_fill_in() -> None:
    gap = Gap("丙校·总投资", SHEET.at(row=4, column=4))
    table = records(("", "", "甲路", D(1), D(1)), ("", "", "丙校", gap, D(2)))
    gaps: list[Gap] = []
    found = texts(grid(ProjectOptions(COLUMNS), table, gaps=gaps))
    # a cell shows a short 【待填】 (its row and column say what); the list names it in full
    assert found[3][2] == "\ue000【待填】\ue001" and found[-1][0] == "合计"
    assert found[-1][1] == "\ue000【待填】\ue001" and found[-1][2] == "3"
    assert gaps == [gap]


def test_a_column_may_be_left_out_of_the_total_and_printed_through_its_format() -> None:
    columns = (ColumnSpec("项目名称", "名称"),
               ColumnSpec("总投资", "总投资", 'amount("亿元", source="万元")', total=False),
               ColumnSpec("年度计划投资", "年度计划投资", "num(1)"))
    found = texts(grid(ProjectOptions(columns, categories="none")))
    assert found[2] == ["甲路", "0.01005亿元", "30.0"]
    assert found[-1] == ["合计", "45.3"]  # the label spans the columns not summed


def _grid_widths(options: ProjectOptions) -> list[int]:
    xml = project_box(options, "专栏1：", "甲", TABLE, TABLE.rows, render, [])
    root = etree.fromstring(f'<w:body xmlns:w="{W}">{xml}</w:body>')
    return [int(c.get(f"{{{W}}}w")) for c in root.iter(f"{{{W}}}gridCol")]


def test_widths_fill_the_type_area_and_a_width_in_mm_is_kept() -> None:
    assert sum(_grid_widths(ProjectOptions(COLUMNS))) == 8844
    columns = (*COLUMNS[:1], ColumnSpec("项目名称", "名称", width=D(60)), *COLUMNS[2:])
    widths = _grid_widths(ProjectOptions(columns))
    assert widths[1] == int(60 * 56.7) and sum(widths) == 8844


@given(st.lists(st.integers(300, 6000), min_size=1, max_size=8), st.data())
def test_fair_widths_share_the_whole_and_keep_what_a_figure_needs(
        wanted: list[int], data: st.DataObject) -> None:
    least = [data.draw(st.integers(0, min(w, 8844 // (2 * len(wanted))))) for w in wanted]
    widths = fair_widths(8844, wanted, [None] * len(wanted), least)
    assert sum(widths) == 8844
    assert all(width >= low - 1 for width, low in zip(widths, least, strict=True))
    if sum(wanted) <= 8844:  # room for all: everyone gets at least what it wants
        assert all(width >= want - 1 for width, want in zip(widths, wanted, strict=True))


# -- the definition ------------------------------------------------------------------------

REF = SourceRef("data/2021/boxes.yaml", line=3)


def options_of(spec: dict[str, Any]) -> tuple[ProjectOptions, list[str]]:
    problems = Problems()
    found = project_options({"列": [{"标题": "项目名称", "字段": "名称"}], **spec}, REF, problems)
    return found, [str(p) for p in problems.items]


def test_the_definition_is_read_with_its_defaults() -> None:
    found, problems = options_of({})
    assert problems == []
    assert (found.categories, found.subtotals, found.total, found.total_place,
            found.numbering) == (None, False, "合计", "bottom", "running")
    found, problems = options_of({"类别": "列", "小计": "是", "合计": "否", "合计位置": "首",
                                  "编号": "按类别"})
    assert problems == []
    assert (found.categories, found.subtotals, found.total, found.total_place,
            found.numbering) == ("column", True, None, "top", "category")


@pytest.mark.parametrize(("spec", "message"), [
    ({"类别": "栏"}, "类别 「栏」 must be 行 or 列 or 无"),
    ({"小计": "要"}, "小计 「要」 must be 是 or 否"),
    ({"合计位置": "中"}, "合计位置 「中」 must be 首 or 末"),
    ({"编号": "跳"}, "编号 「跳」 must be 连续 or 按类别"),
    ({"合计": 3}, "合计 is the label of the 合计 row (a template: 合计（{{ 个数 }}个）), or 否 "
                  "for none"),
])
def test_a_wrong_option_is_named(spec: dict[str, Any], message: str) -> None:
    assert options_of(spec)[1] == [f"data/2021/boxes.yaml:3: {message}"]


def test_a_source_may_name_one_group_of_a_sheet() -> None:
    assert source_sheet("重点项目") == ("重点项目", None)
    assert source_sheet("重点项目·新开工") == ("重点项目", "新开工")


def test_the_kind_checks_sheet_fields_and_group(project: Path) -> None:
    from dataclasses import replace

    from reportgen.data.model import BoxSpec
    from reportgen.project import Project
    from reportgen.report import year

    data = year.load(Project.at(project), 2021)[1]
    data = replace(data, projects={**data.projects, "重点项目": TABLE})
    options = ProjectOptions((ColumnSpec("项目", "名字"), ColumnSpec("序号", "序号")))
    problems = Problems()
    kind = ProjectTableBox()
    for source in ("重点项木", "重点项目·竣工", "重点项目"):
        kind.check(BoxSpec("甲", "甲", "projects", source, {}, REF, options), data, problems)
    shown = [str(p) for p in problems.items]
    assert shown[0].startswith("data/2021/boxes.yaml:3: 专栏 「甲」: projects.xlsx has no sheet "
                               "「重点项木」; it has ") and shown[0].endswith(
        "; did you mean 「重点项目」?")
    fields = "分组、类别、名称、总投资、年度计划投资、序号"
    assert shown[1:] == [
        f"data/2021/boxes.yaml:3: 专栏 「甲」: column 「项目」 reads 字段 「名字」, which sheet "
        f"「重点项目」 does not have; it has {fields}; did you mean 「名称」?",
        "data/2021/boxes.yaml:3: 专栏 「甲」: sheet 「重点项目」 has no row of 分组 「竣工」; its "
        "分组 are 新开工、续建",
        f"data/2021/boxes.yaml:3: 专栏 「甲」: column 「项目」 reads 字段 「名字」, which sheet "
        f"「重点项目」 does not have; it has {fields}; did you mean 「名称」?"]


def test_a_cell_left_blank_prints_blank() -> None:
    """A figure not given (no 待填 asked for) leaves its cell empty; a — is typed as one."""
    table = records(("新开工", "交通", "甲路", D(100), None), ("新开工", "交通", "乙桥", "—", D(10)))
    rows = texts(grid(ProjectOptions(COLUMNS, categories="none", total=None), table))
    assert rows[2:] == [["1", "甲路", "100", ""], ["2", "乙桥", "—", "10"]]
