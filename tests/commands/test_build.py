"""The build: one source of truth for every figure, real merges in the 专栏 tables."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from helpers.project import copy_project
from helpers.sheets import append_row, insert_row_after, set_cell
from helpers.text import report_text
from reportgen.commands.build import build
from reportgen.project import Project


def body_xml(path: Path) -> str:
    with zipfile.ZipFile(path) as package:
        return package.read("word/document.xml").decode("utf-8")


def rebuild(project: Path) -> str:
    return report_text(build(Project.at(project), 2021).path)


def test_a_result_changed_in_the_sheet_changes_the_prose_and_the_table(project: Path) -> None:
    book = project / "data" / "2021" / "indicators.xlsx"
    set_cell(book, "完成情况", "指标名称", "地区生产总值增速", "绝对值", 512.04, "0.00")
    set_cell(book, "完成情况", "指标名称", "地区生产总值增速", "增速", -0.012, "0.0%")
    text = rebuild(project)
    assert "500.30" not in text
    assert "全年实现地区生产总值512.04亿元、下降1.2%" in text  # the opening paragraph
    assert "地区生产总值增速（%）7.5以上512.04-1.2%" in text  # the 专栏 row, signed


def test_a_target_changed_in_the_sheet_changes_prose_and_table(project: Path) -> None:
    book = project / "data" / "2021" / "indicators.xlsx"
    set_cell(book, "计划目标", "指标名称", "空气质量优良天数", "计划目标", "≥330")
    set_cell(book, "计划目标", "指标名称", "固定资产投资增速", "计划目标", 11.5)
    text = rebuild(project)
    assert "空气质量优良天数（天）≥330约束性" in text
    assert "确保空气质量优良天数稳定在330天以上" in text
    assert "力争全年固定资产投资增长11.5%" in text


def test_investment_totals_are_the_sums_of_their_parts(project: Path) -> None:
    book = project / "data" / "2021" / "statistics.xlsx"
    set_cell(book, "投资计划", "类别", "房地产项目", "项目数", 12)
    set_cell(book, "投资计划", "类别", "房地产项目", "年度计划投资", 31.25, "0.00")
    set_cell(book, "重大项目执行", "投资类型", "社会投资项目", "完成投资", 111.3, "0.0")
    text = rebuild(project)
    # 56 = 6+17+3+2+8+12+8 and 144.15 = 142.9 - 30 + 31.25, in the sentence that states them
    assert "推出重大社会投资项目56个" in text
    assert "年度计划投资144.15亿元。分为" in text
    assert "房地产项目12个，年度计划投资31.25亿元" in text
    # 2020's major projects: 137.8 = 110.1 + 27.7 becomes 111.3 + 27.7
    assert "完成投资139.0亿元。其中" in text


def test_a_project_added_to_a_list_appears_in_its_box(project: Path) -> None:
    book = project / "data" / "2021" / "projects.xlsx"
    insert_row_after(book, "政府投资重点项目", "名称", "G210桥河至雷神店段",
                     {"分组": "新开工项目", "类别": "交通路网", "名称": "綦江二桥"})
    append_row(book, "本年民心工程", {"名称": "城区公厕改造工程"})
    text = rebuild(project)
    assert "G210桥河至雷神店段、綦江二桥等项目。" in text
    assert "13．城区公厕改造工程。" in text
    assert "实施好涉綦民生实事和13项民心工程" in text


def test_counts_in_the_prose_follow_the_tables(project: Path) -> None:
    book = project / "data" / "2021" / "projects.xlsx"
    set_cell(book, "上年民心工程", "名称", "通惠中心幼儿园建设工程", "是否完工", "是")
    text = rebuild(project)
    assert "等11个民心工程如期完工" in text


def test_indicator_tables_have_real_merges(built_2021: Path) -> None:
    xml = body_xml(built_2021)
    # 专栏3: 类别 cells (8 blocks in the published table), two groups, the two-level header
    assert xml.count('<w:vMerge w:val="restart"/>') >= 20
    assert xml.count("<w:vMerge/>") >= 40
    assert '<w:gridSpan w:val="2"/>' in xml
    assert xml.count("<w:tblHeader/>") >= 5  # title + header rows repeat on each page


@pytest.mark.parametrize("box", range(1, 8))
def test_every_box_is_numbered_in_order(built_2021: Path, box: int) -> None:
    text = report_text(built_2021)
    assert f"专栏{box}：" in text
    if box > 1:
        assert text.index(f"专栏{box - 1}：") < text.index(f"专栏{box}：")


def test_a_new_box_needs_no_code_and_renumbers_the_rest(project: Path) -> None:
    year = project / "data" / "2021"
    import openpyxl

    book = openpyxl.load_workbook(year / "projects.xlsx")
    sheet = book.create_sheet("招商引资项目")
    sheet.append(["分组", "名称"])
    sheet.append(["签约项目", "重庆煤炭储备基地"])
    sheet.append(["签约项目", "小型农机产业园"])
    book.save(year / "projects.xlsx")
    boxes = year / "boxes.yaml"
    boxes.write_text(boxes.read_text(encoding="utf-8") + (
        "\n招商引资:\n  标题: \"{{ 本年 }}年招商引资重点项目\"\n  清单: 招商引资项目\n"
        "  模板: 分组清单.txt\n  参数: {编号: \"1．\"}\n"), encoding="utf-8")
    narrative = year / "narrative.txt"
    text = narrative.read_text(encoding="utf-8")
    marker = "[专栏：政府投资重点项目]"
    text = text.replace(marker, "[专栏：招商引资]\n" + marker).replace("[专栏：民心工程完成情况]\n", "")
    narrative.write_text(text, encoding="utf-8")
    built = rebuild(project)
    assert "专栏4：2021年招商引资重点项目1．签约项目重庆煤炭储备基地、小型农机产业园等项目。" in built
    assert "专栏5：2021年政府投资重点项目" in built  # was 专栏5, stays 5: one dropped, one added
    assert "民心工程完成情况" not in built
    assert "专栏2：2020年国民经济和社会发展主要指标完成情况" in built
    assert "专栏7：2021年民心工程" in built


def test_a_column_with_a_unit_in_a_project_list_holds_numbers(project: Path) -> None:
    import openpyxl

    from helpers.sheets import add_column

    book = project / "data" / "2021" / "projects.xlsx"
    first, second = [row[0] for row in openpyxl.load_workbook(book)["本年民心工程"].iter_rows(
        min_row=2, max_row=3, values_only=True)]
    add_column(book, "本年民心工程", "总投资（亿元）", {first: 1.25, second: "2.50"},
               key_column="名称")
    narrative = project / "data" / "2021" / "narrative.txt"
    narrative.write_text(narrative.read_text(encoding="utf-8") + "民心工程总投资"
                         "{{ 项目.本年民心工程|selectattr('总投资')|sum(attribute='总投资')|num }}"
                         "亿元。\n", encoding="utf-8")
    assert "民心工程总投资3.75亿元。" in rebuild(project)


def test_a_merged_cell_in_a_project_list_gives_its_value_to_every_row(project: Path) -> None:
    import openpyxl

    book_path = project / "data" / "2021" / "projects.xlsx"
    book = openpyxl.load_workbook(book_path)
    sheet = book["政府投资重点项目"]
    groups = [sheet.cell(row, 1).value for row in range(2, sheet.max_row + 1)]
    last = 2 + next(i for i, g in enumerate(groups) if g != groups[0]) - 1  # the first group
    for row in range(3, last + 1):
        sheet.cell(row, 1).value = None
    sheet.merge_cells(start_row=2, start_column=1, end_row=last, end_column=1)
    book.save(book_path)
    before = report_text(build(Project.at(copy_project(project.parent / "again")), 2021).path)
    assert rebuild(project) == before  # the same 专栏 as when every row had its 分组


def _project_table(project: Path) -> Path:
    """A sheet of projects with 总投资 in 万元, a project-table 专栏 of it and a sentence that
    quotes its totals."""
    import openpyxl

    book = project / "data" / "2021" / "projects.xlsx"
    workbook = openpyxl.load_workbook(book)
    sheet = workbook.create_sheet("重点项目")
    sheet.append(["类别", "名称", "建设内容", "总投资（万元）", "年度计划投资（万元）"])
    for row in (["交通路网", "发展大道三期", "新建主干道4.2公里", 125000, 30000],
                ["交通路网", "G353改线", "改建二级公路12公里", 48000.5, 12000],
                ["公共服务", "区中医院迁建", "新建医疗综合楼8万平方米", 96000, 25000.25]):
        sheet.append(row)
    workbook.save(book)
    folder = project / "data" / "2021"
    with (folder / "boxes.yaml").open("a", encoding="utf-8") as boxes:
        boxes.write("\n重点建设项目:\n  标题: \"{{ 本年 }}年重点建设项目\"\n  项目表: 重点项目\n"
                    "  列:\n    - {标题: 序号, 字段: 序号}\n    - {标题: 项目名称, 字段: 名称}\n"
                    "    - {标题: 总投资（万元）, 字段: 总投资}\n"
                    "    - {标题: 年度计划投资（万元）, 字段: 年度计划投资}\n"
                    "  类别标签: \"{{ 编号 }}、{{ 名称 }}\"\n  小计: 是\n  合计位置: 首\n")
    narrative = folder / "narrative.txt"
    text = narrative.read_text(encoding="utf-8")
    narrative.write_text(text.replace(
        "[专栏：民心工程]", "[专栏：民心工程]\n重点建设项目{{ 项目.重点项目|length }}个，总投资"
        "{{ 项目.重点项目.合计.总投资|amount(\"亿元\", source=\"万元\") }}，其中公共服务类"
        "{{ 项目.重点项目.按类别.公共服务|length }}个、年度计划投资"
        "{{ 项目.重点项目.按类别.公共服务.合计.年度计划投资 }}万元。\n[专栏：重点建设项目]"),
        encoding="utf-8")
    return book


def test_a_project_tables_totals_and_the_prose_follow_a_changed_project_figure(
        project: Path) -> None:
    book = _project_table(project)
    text = rebuild(project)
    assert "重点建设项目3个，总投资26.90005亿元，其中公共服务类1个、年度计划投资25000.25万元。" in text
    assert "专栏8：2021年重点建设项目" in text
    assert "合计269000.567000.25" in text  # the 合计 row: the sums, first
    assert "一、交通路网173000.542000" in text  # the 类别 row with its 小计
    set_cell(book, "重点项目", "名称", "区中医院迁建", "总投资", 100000)
    set_cell(book, "重点项目", "名称", "区中医院迁建", "年度计划投资", 26000)
    text = rebuild(project)
    assert "总投资27.30005亿元，其中公共服务类1个、年度计划投资26000万元。" in text
    assert "合计273000.568000" in text and "二、公共服务10000026000" in text


def test_a_box_of_text_written_in_the_narrative_is_numbered_in_its_place(project: Path) -> None:
    narrative = project / "data" / "2021" / "narrative.txt"
    text = narrative.read_text(encoding="utf-8")
    narrative.write_text(text.replace(
        "[专栏：民心工程]", "[专栏：{{ 本年 }}年十件民生实事]\n# 1．教育\n**新建学校。**新建中小学"
        "{{ 统计.接待游客.数值 }}所。\n最后一段。\n[/专栏]\n[专栏：民心工程]", 1), encoding="utf-8")
    built = rebuild(project)
    assert "专栏7：2021年十件民生实事1．教育新建学校。新建中小学627.4所。最后一段。专栏8：2021年民心工程" \
        in built
    xml = body_xml(build(Project.at(project), 2021).path)
    assert xml.count("<w:tbl>") == 8  # a bordered table like every 专栏


def test_a_data_warning_is_printed_once_with_its_place(project: Path, cli) -> None:  # type: ignore[no-untyped-def]
    """build lists what validation warns about as check does: "warning: <place>: …", the level
    said once."""
    import openpyxl

    book = project / "data" / "2021" / "statistics.xlsx"
    workbook = openpyxl.load_workbook(book)
    workbook["统计"]["E1"] = "说眀"
    workbook.save(book)
    result = cli("build", "2021")
    assert "warning: data/2021/statistics.xlsx[统计]!E1: column 「说眀」 is not one reportgen " \
           "knows; did you mean 「说明」?" in result.stderr
    assert "[warning]" not in result.stderr
