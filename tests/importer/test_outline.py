"""The body's lines as the narrative's markup: headings of four levels alone or run in, lead
sentences bold in a .docx or read from a .txt's text, text made safe to write as it stands."""

from __future__ import annotations

import pytest

from reportgen.importer.outline import Expr, Line, escaped, heading_level, mark, with_years
from reportgen.importer.source import Para
from reportgen.report.narrative import parse_blocks

YEARS = (2020, 2021)


@pytest.mark.parametrize(("text", "level"), [
    ("一、执行情况", 1), ("十二、其他", 1), ("（三）扩大内需", 2), ("(三)扩大内需", 2),
    ("1.科技创新", 3), ("12．工业", 3), ("3、服务业", 3), ("（1）创新平台", 4),
    ("1.5亿元用于", None), ("2020年，全区", None), ("一是突出规划引领。", None),
    ("——坚持稳中求进", None),
])
def test_heading_levels_by_their_numbers(text: str, level: int | None) -> None:
    assert heading_level(text) == level


@pytest.mark.parametrize(("text", "txt_markup"), [
    ("一、2020年国民经济和社会发展计划执行情况", "# 一、{{ 上年 }}年国民经济和社会发展计划执行情况"),
    ("（一）总体要求。坚持以习近平新时代中国特色社会主义思想为指导。",
     "## **（一）总体要求。**坚持以习近平新时代中国特色社会主义思想为指导。"),
    ("（1）创新平台。新建平台12个。", "#### **（1）创新平台。**新建平台12个。"),
    ("疫情防控取得重大成果。认真贯彻落实党中央、国务院决策部署。",
     "**疫情防控取得重大成果。**认真贯彻落实党中央、国务院决策部署。"),
    # a first sentence with a comma, or led by a figure, is no lead
    ("各位代表，成绩来之不易，成之惟艰。", "各位代表，成绩来之不易，成之惟艰。"),
    ("3月14日全区清零。组建援鄂医疗队圆满完成任务。", "3月14日全区清零。组建援鄂医疗队圆满完成任务。"),
    ("1.地区生产总值增长8.2%，高于计划目标0.7个百分点。",
     "1.地区生产总值增长8.2%，高于计划目标0.7个百分点。"),
])
def test_lines_of_a_text_file(text: str, txt_markup: str) -> None:
    line = mark(Para(text), bold_leads=False)
    assert line.markup(YEARS) == txt_markup
    assert line.text == text


def test_a_docx_says_which_lead_is_bold() -> None:
    para = Para("经济平稳，稳中有进。全年增长5%。", lead="经济平稳，稳中有进。")
    assert mark(para, bold_leads=True).markup(YEARS) == "**经济平稳，稳中有进。**全年增长5%。"
    assert mark(Para("疫情防控取得重大成果。认真贯彻落实决策部署。"), bold_leads=True).lead == []


@pytest.mark.parametrize("text", [
    "# 1号机组并网发电。", "**重点**工作是稳增长。", "[专栏：甲]", "[附件：乙]", "[/专栏]",
    "模板写法 {{ 上年 }} 与 {% if %} 和 {# 注释 #}。", "####### 七个井号",
])
def test_text_that_looks_like_markup_prints_as_written(text: str) -> None:
    line = mark(Para(text), bold_leads=False)
    written = line.markup(YEARS)
    blocks = parse_blocks(_rendered(written))
    assert len(blocks) == 1 and blocks[0].kind == "p"
    assert "".join(blocks[0].text.split()).replace("\u200b", "") == "".join(text.split())


def _rendered(text: str) -> str:
    from reportgen.templating.environment import make_env, render_text

    return render_text(make_env(), text, "narrative.txt", {"上年": 2020, "本年": 2021})


def test_years_by_name_and_braces_escaped() -> None:
    assert with_years("2020年和2021年，到2025年", YEARS) == "{{ 上年 }}年和{{ 本年 }}年，到2025年"
    assert with_years("2021—2025年", YEARS) == "2021—2025年"
    assert escaped("{{ x }}") == '{{ "{{" }} x }}'


def test_a_line_typed_again_prints_what_it_printed() -> None:
    line = Line("p", ["引导句。"], ["增长", Expr("完成.甲.增速|growth", "增长3%", ("sheet:完成情况",)),
                                   "。"])
    assert line.sources == {"sheet:完成情况"}
    assert line.markup(YEARS) == "**引导句。**增长{{ 完成.甲.增速|growth }}。"
    typed = line.typed()
    assert typed.markup(YEARS) == "**引导句。**增长增长3%。" and not typed.sources
