"""reportgen check: every problem at once with its place, and the plan-vs-actual table."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers.project import Cli
from helpers.sheets import add_column, rename_header, set_cell
from helpers.snapshots import assert_snapshot
from reportgen.commands.check import check_year
from reportgen.project import Project


def stats(project: Path) -> Path:
    return project / "data" / "2021" / "statistics.xlsx"


def edit_narrative(project: Path, old: str, new: str) -> None:
    path = project / "data" / "2021" / "narrative.txt"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_the_shipped_year_passes(cli: Cli) -> None:
    result = cli("check", "2021")
    assert "check 2021: 0 error(s), 0 warning(s), 0 value(s) to fill in" in result.stderr
    cli("check", "2021", "--strict")


def test_the_status_table_has_every_indicator(cli: Cli) -> None:
    out = cli("check", "2021").stdout
    header = out.splitlines()[1].split()
    assert header == ["序号", "指标", "计划目标", "结果", "状态", "说明"]
    rows = {line.split()[1] if line[:3].strip() else line.split()[0]: line
            for line in out.splitlines()[2:] if line.strip()}
    assert "未完成" in rows["地区生产总值增速（%）"] and "3 < 7.5" in rows["地区生产总值增速（%）"]
    assert "完成" in rows["空气质量优良天数（天）"] and "339 ≥ 300" in rows["空气质量优良天数（天）"]
    assert "完成" in rows["城镇登记失业率（%）"] and "4 ≤ 4.5" in rows["城镇登记失业率（%）"]
    assert "需人工判断" in rows["二氧化硫（%）"] and "a qualitative target" in rows["二氧化硫（%）"]
    assert "需人工判断" in rows["常住人口城镇化率（%）"] and "上年值" in rows["常住人口城镇化率（%）"]
    assert "完成" in rows["綦河出境水质"]


def test_statuses(project: Path) -> None:
    result = check_year(Project.at(project), 2021)
    by_name = {row.name: row.status for row in result.statuses}
    assert len(result.statuses) == 25
    unmet = [name for name, status in by_name.items() if status == "未完成"]
    assert unmet == ["地区生产总值增速（%）", "工业增加值增速（%）", "社会消费品零售总额增速（%）",
                     "其中：税收收入增速（%）", "万人发明专利拥有量（件/万人）",
                     "民营经济增加值增速（%）", "森林覆盖率（%）", "实际利用外资增速（%）",
                     "全体居民人均可支配收入增速（%）"]


def test_an_override_and_a_previous_value_decide_the_status(project: Path) -> None:
    book = project / "data" / "2021" / "indicators.xlsx"
    add_column(book, "完成情况", "上年值", {"常住人口城镇化率": 57.5})
    add_column(book, "完成情况", "完成状态", {"森林覆盖率": "基本完成"})
    by_name = {r.name: r for r in check_year(Project.at(project), 2021).statuses}
    assert by_name["常住人口城镇化率（%）"].status == "完成"
    assert by_name["常住人口城镇化率（%）"].reason == "59.5 - 57.5 = 2.0, target +1.5"
    assert by_name["森林覆盖率（%）"].status == "基本完成"
    assert by_name["森林覆盖率（%）"].reason == "set in the data (完成状态)"


def test_breakdowns_that_disagree_are_errors(cli: Cli, project: Path) -> None:
    set_cell(stats(project), "投资计划", "类别", "续建项目", "项目数", 26)
    set_cell(stats(project), "投资计划", "类别", "政府投资项目", "项目数", 110)
    result = cli("check", "2021", code=1)
    assert ("error: data/2021/statistics.xlsx[投资计划]!D9（项目数）: 社会投资项目·项目数: "
            "按建设性质 (rows 9–10) gives 56, but 按领域 (rows 2–8) gives 55") in result.stdout
    assert ("error: data/2021/statistics.xlsx[投资计划]!D13（项目数）: 政府投资项目·项目数: "
            "合计 (row 13) gives 110, but 按建设性质 (rows 11–12) gives 109") in result.stdout
    assert "2 error(s)" in result.stderr


def test_a_statistic_named_like_an_indicator_must_give_its_figure(cli: Cli, project: Path) -> None:
    set_cell(stats(project), "统计", "指标", "外贸进出口总额", "指标", "进出口总额")
    edit_narrative(project, "统计.外贸进出口总额", "统计.进出口总额")
    edit_narrative(project, "统计.外贸进出口总额", "统计.进出口总额")
    result = cli("check", "2021", code=1)
    assert ("error: data/2021/statistics.xlsx[统计]!B7（数值）: 统计 「进出口总额」 数值 is 5, but "
            "完成情况 「进出口总额增速」 绝对值 is 6.47 (data/2021/indicators.xlsx[完成情况]!G22"
            "（绝对值）): one figure, two values") in result.stdout
    assert "statistics.xlsx[统计]!D7（增速）: 统计 「进出口总额」 增速 is 3, but" in result.stdout


def test_a_similar_statistic_is_a_warning_until_its_note_explains(cli: Cli, project: Path) -> None:
    set_cell(stats(project), "统计", "指标", "外贸进出口总额", "说明", None)
    result = cli("check", "2021")
    assert ("warning: data/2021/statistics.xlsx[统计]!B7（数值）: 统计 「外贸进出口总额」 数值 is 5, "
            "but 完成情况 「进出口总额增速」 绝对值 is 6.47") in result.stdout
    assert "if they are different measures, say so in 说明" in result.stdout
    assert "0 error(s), 2 warning(s)" in result.stderr
    cli("check", "2021", "--strict", code=1)


def test_a_misspelt_name_in_the_narrative(cli: Cli, project: Path) -> None:
    edit_narrative(project, "完成.工业增加值增速.绝对值 }}亿元、{{ 完成.工业增加值增速.增速|growth }}。推动",
                   "完成.工业增加值增长.绝对值 }}亿元、{{ 完成.工业增加值增速.增速|growth }}。推动")
    edit_narrative(project, "{{ 统计.接待游客.数值 }}", "{{ 统计.接待游客.数量 }}")
    edit_narrative(project, "{{ 目标.指标数.合计 }}", "{{ 指标.指标数.合计 }}")
    result = cli("check", "2021", code=1)
    assert ("error: data/2021/narrative.txt:16: 完成 has no 「工业增加值增长」; "
            "did you mean 「工业增加值增速」?") in result.stdout
    assert ("error: data/2021/narrative.txt:17: 统计 「接待游客」 has no 「数量」; "
            "did you mean 「数值」?") in result.stdout
    assert "error: data/2021/narrative.txt:39: 「指标」 is not a name templates see" in result.stdout
    assert "3 error(s)" in result.stderr


def test_every_kind_of_problem_is_reported_together(cli: Cli, project: Path) -> None:
    set_cell(project / "data" / "2021" / "indicators.xlsx", "完成情况", "指标名称",
             "地区生产总值增速", "绝对值", "5OO")
    rename_header(stats(project), "统计", "说明", "说眀")
    edit_narrative(project, "|growth }}，固定资产", "|growht }}，固定资产")
    edit_narrative(project, "{{ 上年 }}年，是全面建成小康社会", "2020年，是全面建成小康社会")
    out = cli("check", "2021", code=1).stdout
    assert "error: data/2021/indicators.xlsx[完成情况]!G2（绝对值）: 「5OO」 is not a number" in out
    assert ("warning: data/2021/statistics.xlsx[统计]!E1: column 「说眀」 is not one reportgen "
            "knows; did you mean 「说明」?") in out
    assert "error: data/2021/narrative.txt:10: no filter 「growht」; did you mean 「growth」?" in out
    assert ("warning: data/2021/narrative.txt:35: 「2020年」 is written out; write {{ 上年 }}年 so "
            "that it moves on with the year") in out


def test_boxes_and_templates_are_checked(cli: Cli, project: Path) -> None:
    boxes = project / "data" / "2021" / "boxes.yaml"
    text = boxes.read_text(encoding="utf-8")
    boxes.write_text(text.replace('标题: "{{ 本年 }}年民心工程"', '标题: "{{ 本年年 }}年民心工程"')
                     + "\n未放置:\n  标题: 测试\n  清单: 本年民心工程\n  模板: 编号清单.txt\n  参数: {编号: \"1.\"}\n",
                     encoding="utf-8")
    template = project / "templates" / "专栏" / "完成情况清单.txt"
    template.write_text(template.read_text(encoding="utf-8").replace("项.完成情况", "项.完成"),
                        encoding="utf-8")
    edit_narrative(project, "[专栏：民心工程]", "[专栏：民生工程]")
    out = cli("check", "2021", code=1).stdout
    assert ("error: data/2021/boxes.yaml:48: 「本年年」 is not a name templates see; "
            "did you mean 「本年」?") in out
    assert ("error: templates/专栏/完成情况清单.txt:3: 上年民心工程 「通惠中心幼儿园建设工程」 has no "
            "「完成」; did you mean 「完成情况」?") in out
    assert ("error: data/2021/narrative.txt:54: [专栏：民生工程] is not defined in boxes.yaml; "
            "did you mean 「民心工程」?") in out
    assert ("warning: data/2021/boxes.yaml:54: 专栏 「未放置」 is defined but the narrative never "
            "places it (a line [专栏：未放置])") in out


def test_the_word_template_is_checked(project: Path) -> None:
    from docx import Document

    path = project / "templates" / "report.docx"
    document = Document(str(path))
    document.paragraphs[3].runs[0].text = "{{ 报告单位名 }}"
    document.save(str(path))
    messages = [str(p) for p in check_year(Project.at(project), 2021).errors]
    assert messages == ["templates/report.docx (paragraph 4): 「报告单位名」 is not a name "
                        "templates see; did you mean 「报告单位」?"]


@pytest.mark.parametrize("name", ["未完成预期性", "未完成约束性"])
def test_unmet_by_attribute_needs_the_attribute_column(cli: Cli, project: Path, name: str) -> None:
    import openpyxl

    book_path = project / "data" / "2021" / "indicators.xlsx"
    book = openpyxl.load_workbook(book_path)
    sheet = book["完成情况"]
    column = next(c.column for c in sheet[1] if c.value == "属性")
    sheet.delete_cols(column)
    book.save(book_path)
    out = cli("check", "2021", code=1).stdout
    line = next(number for number, text in enumerate(
        (project / "data" / "2021" / "narrative.txt").read_text(encoding="utf-8").split("\n"),
        start=1) if f"完成.{name}" in text)
    assert (f"error: data/2021/narrative.txt:{line}: 完成.{name} is not available: sheet "
            "「完成情况」 has no 属性 column, so which indicators are 预期性 or 约束性 is not "
            "known") in out


def test_a_run_time_template_error_is_reported(cli: Cli, project: Path) -> None:
    edit_narrative(project, "{{ 统计.接待游客.数值 }}", "{{ 统计.接待游客.数值|amount('亿元', 2, '万元', 'down', 5) }}")
    out = cli("check", "2021", code=1).stdout
    assert "error: data/2021/narrative.txt:17: TypeError" in out


def test_a_missing_file_is_one_message(cli: Cli, project: Path) -> None:
    (project / "data" / "2021" / "report.yaml").unlink()
    result = cli("check", "2021", code=1)
    assert "error: data/2021/report.yaml: missing: every year folder needs this file" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_year_holds_only_what_its_report_uses(cli: Cli, project: Path) -> None:
    """No boxes.yaml, no projects or statistics: a narrative that uses none of them checks."""
    folder = project / "data" / "2021"
    for name in ("boxes.yaml", "projects.xlsx", "statistics.xlsx"):
        (folder / name).unlink()
    (folder / "narrative.txt").write_text("# 一、总体情况\n{{ 上年 }}年，地区生产总值"
                                          "{{ 完成.地区生产总值增速.绝对值 }}亿元。\n",
                                          encoding="utf-8")
    result = cli("check", "2021")
    assert result.stderr == ("check 2021: 0 error(s), 0 warning(s), 0 value(s) to fill in; "
                             "1 wording note(s)\n")  # the title's whole first line


def test_a_computed_value_shown_unformatted_is_a_warning(cli: Cli, project: Path) -> None:
    set_cell(stats(project), "统计", "指标", "接待游客", "数值", 627.41237, "General")
    out = cli("check", "2021").stdout
    assert ("warning: data/2021/statistics.xlsx[统计]!B5（数值）: 「627.41237」 has more "
            "decimals than a report prints; give the cell a number format with the published "
            "decimals (0.00)") in out


def test_an_unreadable_template_is_one_problem_among_the_others(project: Path) -> None:
    (project / "templates" / "report.docx").write_bytes(b"not a zip")
    (project / "templates" / "专栏" / "编号清单.txt").write_bytes(b"\xff\xfe bad")
    messages = [str(p) for p in check_year(Project.at(project), 2021).errors]
    assert messages == [
        "templates/report.docx: cannot be read as a Word .docx file (BadZipFile)",
        "templates/专栏/编号清单.txt:1: is not UTF-8 text (byte 1)",
    ]


def test_the_check_output_is_as_stored(cli: Cli) -> None:
    """What check prints for the shipped year: the plan-vs-actual table, then the problems."""
    result = cli("check", "2021")
    assert_snapshot("check-2021.txt", result.stdout)
    # the wording notes are the published text's own: 巡视 “回头看”, (一期南区) and a full title line
    assert result.stderr == ("check 2021: 0 error(s), 0 warning(s), 0 value(s) to fill in; "
                             "3 wording note(s)\n")
    assert cli("check", "2021", "--strict").exit_code == 0  # notes are advice
