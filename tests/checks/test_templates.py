"""check_templates on a copy of the project: names in every template, years written out, 专栏 places."""

from __future__ import annotations

from pathlib import Path

import pytest

from reportgen.checks.templates import check_templates
from reportgen.errors import Problems
from reportgen.project import Project
from reportgen.report import year

YEAR = Path("data") / "2021"


def edit(project: Path, name: str, old: str, new: str) -> int:
    """Replace ``old`` once in a file of the project; the line it was on."""
    path = project / name
    text = path.read_text(encoding="utf-8")
    assert text.count(old) >= 1, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return text[:text.index(old)].count("\n") + 1


def narrative(project: Path, old: str, new: str) -> int:
    return edit(project, str(YEAR / "narrative.txt"), old, new)


def boxes(project: Path, old: str, new: str) -> int:
    return edit(project, str(YEAR / "boxes.yaml"), old, new)


def checked(project: Path) -> list[str]:
    raw, data = year.load(Project.at(project), 2021)
    problems = Problems()
    check_templates(Project.at(project), raw, data, problems)
    return [str(p) for p in problems.items]


def test_the_shipped_templates_pass(project: Path) -> None:
    assert checked(project) == []


def test_misspelt_names_are_reported_with_their_line_and_a_hint(project: Path) -> None:
    first = narrative(project, "{{ 完成.地区生产总值增速.绝对值 }}", "{{ 完成.地区生产总值增长.绝对值 }}")
    second = narrative(project, "{{ 统计.接待游客.数值 }}", "{{ 统计.接待游客.数量 }}")
    third = narrative(project, "|growth }}，固定资产", "|growht }}，固定资产")
    assert checked(project) == [
        f"data/2021/narrative.txt:{first}: 完成 has no 「地区生产总值增长」; did you mean "
        "「地区生产总值增速」?",
        f"data/2021/narrative.txt:{third}: no filter 「growht」; did you mean 「growth」?",
        f"data/2021/narrative.txt:{second}: 统计 「接待游客」 has no 「数量」; did you mean 「数值」?",
    ]
    assert (first, second, third) == (10, 17, 10)


def test_names_in_titles_and_box_templates_are_checked(project: Path) -> None:
    title = edit(project, str(YEAR / "report.yaml"), "{{ 地区 }}", "{{ 地域 }}")
    box = boxes(project, '"{{ 上年 }}年重大项目完成情况"', '"{{ 上一年 }}年重大项目完成情况"')
    line = edit(project, "templates/专栏/完成情况清单.txt", "项.完成情况", "项.完成")
    assert checked(project) == [
        f"data/2021/report.yaml:{title}: 「地域」 is not a name templates see; did you mean 「地区」?",
        # a title is placed at the line of its 专栏's name
        f"data/2021/boxes.yaml:{box - 1}: 「上一年」 is not a name templates see; did you mean "
        "「上年」?",
        f"templates/专栏/完成情况清单.txt:{line}: 上年民心工程 「通惠中心幼儿园建设工程」 has no 「完成」; "
        "did you mean 「完成情况」?",
    ]
    assert (title, box, line) == (16, 7, 3)


def test_a_column_title_of_a_table_is_checked(project: Path) -> None:
    line = boxes(project, '"{{ 本年 }}年计划目标"', '"{{ 今年 }}年计划目标"')
    box = boxes(project, "主要指标计划:", "主要指标计划:")
    assert checked(project) == [
        f"data/2021/boxes.yaml:{box}: 「今年」 is not a name templates see; did you mean 「本年」?"]
    assert (box, line) == (29, 33)


@pytest.mark.parametrize(("written", "name"), [("2020年", "上年"), ("2021年", "本年")])
def test_a_year_written_out_in_the_narrative_is_a_warning(project: Path, written: str,
                                                          name: str) -> None:
    line = narrative(project, "{{ 上年 }}年，是全面建成小康社会", f"{written}，是全面建成小康社会")
    assert checked(project) == [
        f"[warning] data/2021/narrative.txt:{line}: 「{written}」 is written out; write "
        f"{{{{ {name} }}}}年 so that it moves on with the year"]
    assert line == 35


@pytest.mark.parametrize("text", ["2019年", "12020年", "20201年", "2020 年", "2020"])
def test_other_years_and_numbers_are_not_warned(project: Path, text: str) -> None:
    narrative(project, "{{ 上年 }}年，是全面建成小康社会", f"{text}，是全面建成小康社会")
    assert checked(project) == []


def test_a_year_on_a_later_line_of_one_text_is_placed_on_its_line(project: Path) -> None:
    # the text between two expressions runs over a line break: the year is on the second line
    line = narrative(project, "{{ 上年 }}年，是全面建成小康社会",
                     "{{ 上年 }}年，是全面建成小康社会。\n又如2021年，是")
    assert checked(project) == [
        f"[warning] data/2021/narrative.txt:{line + 1}: 「2021年」 is written out; write "
        "{{ 本年 }}年 so that it moves on with the year"]


def test_a_year_written_out_in_the_report_title_is_placed_at_its_line(project: Path) -> None:
    line = edit(project, str(YEAR / "report.yaml"), "计划执行情况及{{ 本年 }}年", "计划执行情况及2021年")
    assert checked(project) == [
        f"[warning] data/2021/report.yaml:{line}: 「2021年」 is written out; write {{{{ 本年 }}}}年 "
        "so that it moves on with the year"]


def test_a_year_written_out_in_a_box_title_is_placed_at_the_box(project: Path) -> None:
    boxes(project, '标题: "{{ 本年 }}年民心工程"', '标题: "2021年民心工程"')
    box = boxes(project, "\n民心工程:", "\n民心工程:") + 1
    assert checked(project) == [
        f"[warning] data/2021/boxes.yaml:{box}: 「2021年」 is written out; write {{{{ 本年 }}}}年 "
        "so that it moves on with the year"]


UNPLACED = ('\n未放置:\n  标题: 测试\n  清单: 本年民心工程\n  模板: 编号清单.txt\n'
            '  参数: {编号: "1."}\n')


def test_a_box_defined_but_never_placed_is_a_warning(project: Path) -> None:
    path = project / YEAR / "boxes.yaml"
    lines = path.read_text(encoding="utf-8").count("\n")
    path.write_text(path.read_text(encoding="utf-8") + UNPLACED, encoding="utf-8")
    assert checked(project) == [
        f"[warning] data/2021/boxes.yaml:{lines + 2}: 专栏 「未放置」 is defined but the narrative "
        "never places it (a line [专栏：未放置])"]


def test_a_placed_box_that_is_not_defined_is_an_error(project: Path) -> None:
    line = narrative(project, "[专栏：民心工程]", "[专栏：民生工程]")
    other = narrative(project, "[专栏：产业发展重点项目]", "[专栏：全新的栏目]")
    box = boxes(project, "\n民心工程:", "\n民心工程:") + 1
    industry = boxes(project, "\n产业发展重点项目:", "\n产业发展重点项目:") + 1
    assert checked(project) == [
        f"[warning] data/2021/boxes.yaml:{industry}: 专栏 「产业发展重点项目」 is defined but the "
        "narrative never places it (a line [专栏：产业发展重点项目])",
        f"[warning] data/2021/boxes.yaml:{box}: 专栏 「民心工程」 is defined but the narrative never "
        "places it (a line [专栏：民心工程])",
        f"data/2021/narrative.txt:{other}: [专栏：全新的栏目] is not defined in boxes.yaml",
        f"data/2021/narrative.txt:{line}: [专栏：民生工程] is not defined in boxes.yaml; "
        "did you mean 「民心工程」?",
    ]
    assert (line, other, box, industry) == (54, 50, 48, 42)


def word_template(project: Path, paragraph: int, text: str) -> None:
    from docx import Document

    path = project / "templates" / "report.docx"
    document = Document(str(path))
    document.paragraphs[paragraph].runs[0].text = text
    document.save(str(path))


def test_the_word_template_tags_are_checked_by_paragraph(project: Path) -> None:
    word_template(project, 6, "{{ 报告单位名 }}")
    word_template(project, 16, "{{r b.内客 }}")  # inside the loop over 正文
    assert checked(project) == [
        "templates/report.docx (paragraph 7): 「报告单位名」 is not a name templates see; "
        "did you mean 「报告单位」?",
        "templates/report.docx (paragraph 17): 正文段落 has no 「内客」; did you mean 「内容」?",
    ]


def test_a_missing_word_template_is_not_checked_and_an_unreadable_one_is_an_error(
        project: Path) -> None:
    template = project / "templates" / "report.docx"
    template.unlink()
    assert checked(project) == []
    template.write_bytes(b"not a zip")
    assert checked(project) == [
        "templates/report.docx: cannot be read as a Word .docx file (BadZipFile)"]


def test_a_box_of_text_needs_no_definition_but_one_closed_over_a_defined_box_is_a_warning(
        project: Path) -> None:
    narrative = str(YEAR / "narrative.txt")
    edit(project, narrative, "[专栏：民心工程]\n", "[专栏：十件实事]\n甲\n[/专栏]\n[专栏：民心工程]\n")
    assert checked(project) == []
    line = edit(project, narrative, "[专栏：民心工程]\n", "[专栏：民心工程]\n[/专栏]\n")
    assert checked(project) == [
        f"[warning] data/2021/narrative.txt:{line}: [专栏：民心工程] is closed by a [/专栏], so it "
        "prints the text between as a 专栏 of its own, not the 专栏 「民心工程」 of boxes.yaml; "
        "remove the [/专栏] to place that one"]
