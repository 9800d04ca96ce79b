"""report.yaml read into the report's Meta: the years, the meeting, 待填, and every problem with
its line."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from helpers.project import REPO
from reportgen.data.folder import RawYear
from reportgen.data.meta import meta
from reportgen.data.model import CAPTION, SALUTATION, SIGNATURE, Gap, Meta, Roles
from reportgen.data.yamlfile import read_yaml
from reportgen.errors import Problems, SourceRef

REF = SourceRef("data/2021/report.yaml")
AT = "data/2021/report.yaml"
REPORT = """\
地区: 甲区
报告单位: 甲区发展和改革委员会
年份:
  上年: 2020
  本年: 2021
会议:
  日期: 2021-03-10
  名称: 甲区第一届人民代表大会第一次会议
标题: 关于甲区的报告
"""


def raw_year(report: Any, year: int = 2021) -> RawYear:
    return RawYear(year, Path("data") / str(year), report, REF, {}, SourceRef("boxes.yaml"), "",
                   SourceRef("narrative.txt"), {}, {})


def read(tmp_path: Path, text: str, year: int = 2021) -> tuple[Meta, list[str]]:
    path = tmp_path / "report.yaml"
    path.write_text(text, encoding="utf-8")
    problems = Problems()
    found = meta(raw_year(read_yaml(path, REF), year), problems)
    assert problems.warnings == []
    return found, [str(p) for p in problems.items]


def edit(line: int, new: str | None) -> str:
    """REPORT with line ``line`` (1-based) replaced by ``new``, or removed."""
    lines = REPORT.splitlines()
    lines[line - 1:line] = [new] * (new is not None)
    return "\n".join(lines) + "\n"


def test_the_shipped_report_yaml() -> None:
    problems = Problems()
    found = meta(raw_year(read_yaml(REPO / "data" / "2021" / "report.yaml", REF)), problems)
    assert problems.items == []
    assert found == Meta(
        region="重庆市綦江区", issuer="重庆市綦江区发展和改革委员会",
        meeting_date=dt.date(2021, 3, 10), meeting_name="重庆市綦江区第二届人民代表大会第六次会议",
        review_year=2020, plan_year=2021,
        title="关于{{ 地区 }}{{ 上年 }}年国民经济和社会发展\n"
              "计划执行情况及{{ 本年 }}年计划草案的报告",
        ref=REF, meeting_short="区二届人大六次会议", previous_meeting="区二届人大五次会议",
        previous_report="关于重庆市綦江区2019年国民经济和社会发展计划执行情况与2020年计划草案的报告")


def test_a_complete_report_yaml_has_no_problems(tmp_path: Path) -> None:
    found, problems = read(tmp_path, REPORT)
    assert problems == []
    assert (found.region, found.issuer, found.title) == (
        "甲区", "甲区发展和改革委员会", "关于甲区的报告")
    assert (found.review_year, found.plan_year) == (2020, 2021)
    assert found.meeting_date == dt.date(2021, 3, 10)


@pytest.mark.parametrize(("text", "expected"), [
    (REPORT.replace("年份:\n  上年: 2020\n  本年: 2021\n", ""),
     [f"{AT}: 「年份」 needs 上年 and 本年, e.g. 上年: 2020"]),
    (REPORT.replace("年份:\n  上年: 2020\n  本年: 2021\n", "年份: 2021\n"),
     [f"{AT}:3: 「年份」 needs 上年 and 本年, e.g. 上年: 2020"]),
    (edit(4, None), [f"{AT}: 年份.上年 must be a year such as 2020"]),
    (edit(4, "  上年: 二〇二〇"), [f"{AT}:4: 年份.上年 must be a year such as 2020"]),
    (edit(5, "  本年: '21'"), [f"{AT}:5: 年份.本年 must be a year such as 2021"]),
    (edit(5, "  本年: 2021.0"), [f"{AT}:5: 年份.本年 must be a year such as 2021"]),
    (edit(4, "  上年: 2019"), [f"{AT}:4: 年份.上年 should be 2020, the year before 本年"]),
    (edit(5, "  本年: 2022"), [f"{AT}:5: 年份.本年 is 2022 but the folder is 2021",
                               f"{AT}:4: 年份.上年 should be 2021, the year before 本年"]),
])
def test_the_years_must_be_the_folders(tmp_path: Path, text: str, expected: list[str]) -> None:
    assert read(tmp_path, text)[1] == expected


def test_the_years_in_a_right_report_yaml(tmp_path: Path) -> None:
    found, problems = read(tmp_path, REPORT.replace("2020", "2021").replace("本年: 2021",
                                                                              "本年: 2022"), 2022)
    assert problems == []
    assert (found.review_year, found.plan_year) == (2021, 2022)


def test_a_yes_is_not_a_year(tmp_path: Path) -> None:
    found, problems = read(tmp_path, edit(5, "  本年: yes"))
    assert problems == [f"{AT}:5: 年份.本年 must be a year such as 2021"]
    assert found.plan_year == 0


@pytest.mark.parametrize(("line", "date"), [
    ("  日期: 待填", Gap("会议日期", SourceRef(AT, line=7))),
    ("  日期: 【待填】", Gap("会议日期", SourceRef(AT, line=7))),
    ("  日期:", Gap("会议日期", SourceRef(AT, line=7))),
    ("  日期: '  '", Gap("会议日期", SourceRef(AT, line=7))),
    (None, Gap("会议日期", REF)),  # no line to name
])
def test_a_meeting_date_still_to_fill_in_is_a_gap(tmp_path: Path, line: str | None,
                                                  date: Gap) -> None:
    found, problems = read(tmp_path, edit(7, line))
    assert problems == []
    assert isinstance(found.meeting_date, Gap)
    assert (found.meeting_date.what, found.meeting_date.ref) == (date.what, date.ref)


@pytest.mark.parametrize(("line", "shown"), [
    ("  日期: 2021年3月10日", "2021年3月10日"), ("  日期: 20210310", "20210310"),
    ("  日期: '2021-3-10'", "2021-3-10"),  # a quoted date is read when written as 2021-03-10
])
def test_a_meeting_date_that_is_not_a_date_is_named(tmp_path: Path, line: str,
                                                    shown: str) -> None:
    found, problems = read(tmp_path, edit(7, line))
    assert problems == [f"{AT}:7: 会议.日期 「{shown}」 is not a date; write it as 2021-03-10"]
    assert found.meeting_date == Gap("会议日期", REF)


def test_a_meeting_name_still_to_fill_in_is_a_gap(tmp_path: Path) -> None:
    found, problems = read(tmp_path, edit(8, "  名称: 待填"))
    assert problems == []
    assert found.meeting_name == Gap("会议名称", SourceRef(AT, line=8))


def test_a_missing_meeting_is_named_and_both_values_are_gaps(tmp_path: Path) -> None:
    text = edit(6, None).replace("  日期: 2021-03-10\n  名称: 甲区第一届人民代表大会第一次会议\n",
                                 "")
    found, problems = read(tmp_path, text)
    assert problems == [f"{AT}: 「会议」 needs 日期 and 名称"]
    assert (found.meeting_date, found.meeting_name) == (Gap("会议日期", REF), Gap("会议名称", REF))


@pytest.mark.parametrize(("line", "problem"), [
    (None, f"{AT}: 「地区」 is missing"),
    ("地区: [甲, 乙]", f"{AT}:1: 「地区」 must be text"),
    ("地区: {名: 甲}", f"{AT}:1: 「地区」 must be text"),
    ('地区: "甲\\t区"', f"{AT}:1: contains a tab at position 2, which a Word document cannot hold"),
    ('地区: "甲\\x01"', f"{AT}:1: contains the control character U+0001 at position 2, which a "
     "Word document cannot hold"),
])
def test_a_wrong_text_is_named_with_its_line(tmp_path: Path, line: str | None,
                                             problem: str) -> None:
    assert read(tmp_path, edit(1, line))[1] == [problem]


@pytest.mark.parametrize(("line", "region"), [
    ('地区: "  甲区  "', "甲区"),
    ("地区: 500", "500"),
    ("地区: 待填", Gap("地区", SourceRef(AT, line=1))),  # listed with what is left to fill in
    ("地区:", Gap("地区", SourceRef(AT, line=1))),
])
def test_texts_are_trimmed_and_blanks_are_placeholders(tmp_path: Path, line: str,
                                                       region: str | Gap) -> None:
    found, problems = read(tmp_path, edit(1, line))
    assert problems == []
    assert found.region == region


def test_a_title_to_fill_in_is_a_placeholder(tmp_path: Path) -> None:
    found, problems = read(tmp_path, edit(9, "标题: 【待填】"))
    assert problems == []
    assert found.title == "\ue000【待填：标题】\ue001"


@pytest.mark.parametrize("text", ["", "- 地区\n- 年份\n", "重庆市綦江区\n"])
def test_a_report_yaml_that_is_no_mapping_names_everything_it_lacks(tmp_path: Path,
                                                                    text: str) -> None:
    found, problems = read(tmp_path, text)
    assert problems == [
        f"{AT}: must be a mapping of 地区, 报告单位, 年份, 会议, 标题",
        f"{AT}: 「年份」 needs 上年 and 本年, e.g. 上年: 2020",
        f"{AT}: 「会议」 needs 日期 and 名称",
        f"{AT}: 「地区」 is missing",
        f"{AT}: 「报告单位」 is missing",
        f"{AT}: 「标题」 is missing",
    ]
    assert found == Meta("", "", Gap("会议日期", REF), Gap("会议名称", REF), 0, 0, "", REF,
                         Gap("会议简称", REF), Gap("上年会议简称", REF), Gap("上年报告标题", REF))


# -- the lines under the title: 题注, 署名, 称谓 ------------------------------------------------

@pytest.mark.parametrize(("lines", "expected"), [
    ("", (CAPTION, SIGNATURE, SALUTATION)),
    ('题注: "（{{ 会议.日期|date }}在{{ 会议.名称 }}上）"\n',
     ("（{{ 会议.日期|date }}在{{ 会议.名称 }}上）", SIGNATURE, SALUTATION)),
    ("题注: ——在{{ 会议.名称 }}上\n", ("——在{{ 会议.名称 }}上", SIGNATURE, SALUTATION)),
    ('题注: ""\n', (None, SIGNATURE, SALUTATION)),
    ("题注:\n", (None, SIGNATURE, SALUTATION)),
    ("题注: null\n", (None, SIGNATURE, SALUTATION)),
    ("署名: 区人民政府区长\u3000某某\n", (CAPTION, "区人民政府区长\u3000某某", SALUTATION)),
    ('署名: "  "\n', (CAPTION, None, SALUTATION)),
    ("称谓: ''\n", (CAPTION, SIGNATURE, None)),
    ("称谓: 各位代表、各位委员：\n", (CAPTION, SIGNATURE, "各位代表、各位委员：")),
    ('题注: ""\n署名: ""\n称谓: ""\n', (None, None, None)),
])
def test_the_lines_under_the_title(tmp_path: Path, lines: str,
                                   expected: tuple[str | None, ...]) -> None:
    found, problems = read(tmp_path, REPORT + lines)
    assert problems == []
    assert (found.caption, found.signature, found.salutation) == expected


@pytest.mark.parametrize(("line", "expected"), [
    ("题注: 2021", f"{AT}:10: 「题注」 must be text (a template such as 「{CAPTION}」), or empty "
                   "for none"),
    ("称谓: [各位代表]", f"{AT}:10: 「称谓」 must be text (a template such as 「{SALUTATION}」), "
                         "or empty for none"),
    ('署名: "某某\\u0007"', f"{AT}:10: "),
])
def test_a_line_under_the_title_that_is_not_text_is_named(tmp_path: Path, line: str,
                                                         expected: str) -> None:
    problems = read(tmp_path, REPORT + line + "\n")[1]
    assert len(problems) == 1 and problems[0].startswith(expected), problems


@pytest.mark.parametrize(("line", "expected"), [
    ("", "专栏{{ 编号 }}："),
    ('专栏编号: "专栏{{ 编号 }} "', "专栏{{ 编号 }} "),  # the space after the number is kept
    ("专栏编号: 专栏{{ 编号|cn }}：", "专栏{{ 编号|cn }}："),
])
def test_the_opening_of_box_titles(tmp_path: Path, line: str, expected: str) -> None:
    found, problems = read(tmp_path, REPORT + line + "\n")
    assert problems == [] and found.box_label == expected


@pytest.mark.parametrize("line", ["专栏编号: 专栏：", "专栏编号: 3", '专栏编号: "专栏{{ 编号 }}\\u0007"'])
def test_an_opening_without_the_number_is_named(tmp_path: Path, line: str) -> None:
    found, problems = read(tmp_path, REPORT + line + "\n")
    assert len(problems) == 1 and problems[0].startswith(f"{AT}:10: "), problems
    assert found.box_label == "专栏{{ 编号 }}："


def test_the_data_roles_default_to_todays_sheets(tmp_path: Path) -> None:
    found, problems = read(tmp_path, REPORT)
    assert problems == [] and found.roles == Roles()


def test_the_data_roles_are_declared(tmp_path: Path) -> None:
    found, problems = read(tmp_path, REPORT + "数据:\n  完成情况: 执行情况\n  计划目标: 主要目标\n"
                                               "  比较: 增速\n  结转:\n    上年项目: 重点项目·完工\n")
    assert problems == []
    assert found.roles == Roles("执行情况", "主要目标", "增速", (("上年项目", "重点项目", "完工"),))


@pytest.mark.parametrize(("text", "problem"), [
    ("数据: 完成情况\n", "10: 「数据」 maps 完成情况, 计划目标, 比较 and 结转 to sheets"),
    ("数据:\n  完成: 甲\n", "11: 数据 has no 「完成」; it knows 完成情况、计划目标、比较、结转"),
    ("数据:\n  比较: 增长\n", "11: 数据.比较 「增长」 must be 绝对值 or 增速"),
    ("数据:\n  计划目标: ''\n", "11: 数据.计划目标 names a sheet of indicators.xlsx"),
])
def test_a_wrong_role_is_named(tmp_path: Path, text: str, problem: str) -> None:
    assert read(tmp_path, REPORT + text)[1] == [f"{AT}:{problem}"]
