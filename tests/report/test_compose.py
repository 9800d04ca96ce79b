"""Values still to fill in: 待填 in a cell, an empty list, a total or count over blanks; the
labels of the 附件."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from helpers.sheets import set_cell
from helpers.text import report_text
from reportgen.commands.build import build
from reportgen.project import Project
from reportgen.report.compose import attachment_labels
from reportgen.report.narrative import parse_blocks


def built_text(project: Path) -> tuple[str, list[str]]:
    built = build(Project.at(project), 2021)
    text = report_text(built.path)
    return text, [f"{gap.ref}: {gap.what}" for gap in built.gaps]


def test_a_cell_marked_to_fill_in_is_a_gap_in_any_value_column(project: Path) -> None:
    book = project / "data" / "2021" / "statistics.xlsx"
    set_cell(book, "投资计划", "类别", "房地产项目", "项目数", "待填")
    set_cell(book, "重大项目执行", "投资类型", "社会投资项目", "完成投资", "【待填】")
    text, gaps = built_text(project)
    assert "推出重大社会投资项目【待填：社会投资项目·项目数】个" in text
    assert "房地产项目【待填：社会投资项目·按领域·房地产项目·项目数】个" in text
    assert "完成投资【待填：重大项目合计·完成投资】亿元" in text
    assert gaps == [  # each cell once, in sheet order, though several figures wait on it
        "data/2021/statistics.xlsx[投资计划]!D7（项目数）: 社会投资项目·按领域·房地产项目·项目数",
        "data/2021/statistics.xlsx[重大项目执行]!D2（完成投资）: 社会投资项目·完成投资",
    ]


def test_an_empty_list_is_a_placeholder_in_its_box_and_its_count(project: Path) -> None:
    book = project / "data" / "2021" / "projects.xlsx"
    workbook = openpyxl.load_workbook(book)
    sheet = workbook["本年民心工程"]
    sheet.delete_rows(2, sheet.max_row)
    workbook.save(book)
    text, gaps = built_text(project)
    assert "实施好涉綦民生实事和【待填：本年民心工程清单】项民心工程" in text
    assert "专栏7：2021年民心工程【待填：本年民心工程清单】" in text
    assert gaps == ["data/2021/projects.xlsx[本年民心工程]: 本年民心工程清单"]


def test_a_count_over_blanks_lists_every_blank(project: Path) -> None:
    book = project / "data" / "2021" / "projects.xlsx"
    for name in ("通惠中心幼儿园建设工程", "图书馆建设工程"):
        set_cell(book, "上年民心工程", "名称", name, "是否完工", "待填")
    text, gaps = built_text(project)
    assert "等【待填：上年民心工程·是否完工】个民心工程如期完工" in text
    assert gaps == ["data/2021/projects.xlsx[上年民心工程]!C2（是否完工）: 通惠中心幼儿园建设工程·是否完工",
                    "data/2021/projects.xlsx[上年民心工程]!C12（是否完工）: 图书馆建设工程·是否完工"]


@pytest.mark.parametrize(("lines", "labels"), [
    (["正文。", "[附件：重点项目表]", "附件的正文。"], {1: "附件"}),
    (["[附件：甲]", "[附件：乙]", "乙的正文。", "[附件：丙]"], {0: "附件1", 1: "附件2", 3: "附件3"}),
    (["正文。", "[专栏：民心工程]"], {}),
])
def test_one_attachment_is_附件_several_are_numbered(lines: list[str],
                                                   labels: dict[int, str]) -> None:
    assert attachment_labels(parse_blocks("\n".join(lines))) == labels
