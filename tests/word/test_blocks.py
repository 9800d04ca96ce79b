"""The block-kind registry: the kinds the narrative makes, their styles, the template's loop."""

from __future__ import annotations

import re

import pytest
from lxml import etree

from helpers.docx_xml import NS, paragraph_style, text_of, w
from reportgen.report.boxes.base import framed_text
from reportgen.report.narrative import parse_line
from reportgen.word import styles
from reportgen.word.blocks import BLOCK_KINDS, PARAGRAPH
from reportgen.word.layout import Layout
from reportgen.word.ooxml import runs
from reportgen.word.stylesheet import report_styles
from reportgen.word.template import body_loop

STYLE_IDS = {value for name, value in vars(styles).items() if name.isupper()}
SPEC_KIND = {spec.style_id: spec.kind for spec in report_styles(Layout())}

# (narrative line, the kind report/narrative makes of it)
LINES = [
    ("# 一、{{ 上年 }}年国民经济和社会发展计划执行情况", "h1"),
    ("## （一）坚持人民至上、生命至上", "h2"),
    ("### 1.创新策源成效显著", "h3"),
    ("#### （1）科技创新", "h4"),
    ("# **一、主要目标。**综合分析各方面因素", "h1-run-in"),
    ("## **（二）主要目标。**综合分析各方面因素", "h2-run-in"),
    ("### **1.创新策源成效显著。**全年新增高新技术企业", "h3-run-in"),
    ("#### **（1）科技创新。**新建研发平台", "h4-run-in"),
    ("[专栏：重大项目完成情况]", "box"),
    ("[专栏:民心工程]", "box"),
    ("[附件：{{ 本年 }}年重点项目计划表]", "attachment"),
    ("[附件: 名词解释 ]", "attachment"),
    ("**工业经济持续向好。**实现工业增加值163.41亿元", "p"),
    ("全区经济运行稳中有进。", "p"),
]
#: Lines that start like markup, or like a heading, and are paragraphs of text as written.
TEXT_LINES = [
    "一是加快项目建设；二是优化营商环境；三是保障改善民生。",
    "——全年新增市场主体1.2万户，增长15%。",
    "1.地区生产总值增长8.2%，高于计划目标0.7个百分点。",
    "（1）新建5G基站300个。",
    "主要做法：1.抓项目；2.促消费；（1）稳就业。",
    "#",
    "#1机组全年发电12亿千瓦时。",
    "##### 五级不是标题",
    "#\t制表符不是空格",
    "附件：1.重点项目计划表",
    "详见[附件：重点项目计划表]。",
]


@pytest.mark.parametrize(("line", "kind"), LINES)
def test_the_narrative_makes_a_registered_kind(line: str, kind: str) -> None:
    block = parse_line(line)
    assert block is not None
    assert block.kind == kind
    assert block.kind in BLOCK_KINDS


@pytest.mark.parametrize("line", TEXT_LINES)
def test_a_line_that_is_not_markup_is_a_paragraph_as_written(line: str) -> None:
    block = parse_line(line)
    assert block is not None
    assert (block.kind, block.text) == (PARAGRAPH, line)
    assert not any(span.lead for span in block.spans)


def test_every_registered_kind_is_made_by_some_narrative_line() -> None:
    assert {kind for _, kind in LINES} == set(BLOCK_KINDS)


@pytest.mark.parametrize("name", list(BLOCK_KINDS))
def test_the_styles_of_a_kind_exist_and_are_of_the_right_type(name: str) -> None:
    kind = BLOCK_KINDS[name]
    assert kind.name == name
    assert kind.style in STYLE_IDS
    assert SPEC_KIND[kind.style] == "paragraph"
    for character in (kind.lead, kind.text):
        assert character is None or SPEC_KIND[character] == "character"


def test_exactly_one_kind_is_a_table() -> None:
    assert [kind.name for kind in BLOCK_KINDS.values() if kind.table] == ["box"]


def test_the_headings() -> None:
    assert [kind.name for kind in BLOCK_KINDS.values() if kind.heading] == [
        "h1", "h2", "h3", "h4", "h1-run-in", "h2-run-in", "h3-run-in", "h4-run-in"]
    assert [BLOCK_KINDS[f"h{level}"].style for level in range(1, 5)] == [
        styles.HEADING1, styles.HEADING2, styles.HEADING3, styles.HEADING4]
    assert [BLOCK_KINDS[f"h{level}-run-in"].style for level in range(1, 5)] == [
        styles.HEADING1_RUN_IN, styles.HEADING2_RUN_IN, styles.HEADING3_RUN_IN,
        styles.HEADING4_RUN_IN]


@pytest.mark.parametrize("level", range(1, 5))
def test_a_run_in_heading_is_followed_by_body_text(level: int) -> None:
    kind = BLOCK_KINDS[f"h{level}-run-in"]
    assert kind.text == styles.RUN_IN_BODY
    # only level 3 may be bold, through its lead's character style
    assert kind.lead == (styles.HEADING3_LEAD if level == 3 else None)


def test_the_paragraph_is_the_last_kind_the_catch_all() -> None:
    assert PARAGRAPH == "p"
    assert list(BLOCK_KINDS)[-1] == PARAGRAPH
    paragraph = BLOCK_KINDS[PARAGRAPH]
    assert (paragraph.style, paragraph.lead, paragraph.text) == (styles.BODY, styles.LEAD, None)
    assert not paragraph.heading and not paragraph.table


def test_the_template_loop_has_one_branch_per_kind_in_order() -> None:
    loop = body_loop()
    tests = [re.fullmatch(r"\{%p (if|elif) b\.类型 == '([^']+)' %\}", text)
             for _, text in loop]
    branches = [(m.group(1), m.group(2)) for m in tests if m]
    names = [name for name in BLOCK_KINDS if name != PARAGRAPH]
    assert branches == [("if", names[0])] + [("elif", name) for name in names[1:]]
    texts = [text for _, text in loop]
    assert texts[0] == "{%p for b in 正文 %}"
    assert texts[-4:-2] == ["{%p else %}", "{{r b.内容 }}"]
    assert texts[-2:] == ["{%p endif %}", "{%p endfor %}"]
    assert texts.count("{%p else %}") == 1


@pytest.mark.parametrize("name", [name for name in BLOCK_KINDS if name != PARAGRAPH])
def test_each_branch_places_its_content_in_the_kinds_style(name: str) -> None:
    loop = body_loop()
    start = next(i for i, (_, text) in enumerate(loop) if f"'{name}'" in text)
    end = next(i for i, (_, text) in enumerate(loop) if i > start and text.startswith("{%p "))
    kind = BLOCK_KINDS[name]
    if kind.table:  # a 专栏 replaces a whole paragraph, between blank lines
        expected = [(styles.BODY, ""), (kind.style, "{{p b.内容 }}"), (styles.BODY, "")]
    elif kind.label:  # 附件1, a blank line, the title, a blank line
        expected = [(kind.label, "{{ b.标签 }}"), (styles.BODY, ""),
                    (kind.style, "{{r b.内容 }}"), (styles.BODY, "")]
    else:
        expected = [(kind.style, "{{r b.内容 }}")]
    assert loop[start + 1:end] == expected == kind.paragraphs()


def test_an_attachment_is_its_label_and_title_the_lines_after_it_its_text() -> None:
    kind = BLOCK_KINDS["attachment"]
    assert (kind.label, kind.style) == (styles.ATTACHMENT_LABEL, styles.ATTACHMENT_TITLE)
    assert not kind.heading and not kind.table
    assert [kind.name for kind in BLOCK_KINDS.values() if kind.label] == ["attachment"]
    block = parse_line("[附件：  重点项目计划表 ]")
    assert block is not None and (block.kind, block.text) == ("attachment", "重点项目计划表")


def test_the_else_branch_is_the_paragraph_style() -> None:
    loop = body_loop()
    index = loop.index((styles.BODY, "{%p else %}"))
    assert loop[index + 1] == (BLOCK_KINDS[PARAGRAPH].style, "{{r b.内容 }}")


def run_styles(xml: str) -> list[tuple[str | None, str]]:
    root = etree.fromstring(f'<w:p xmlns:w="{NS["w"]}">{xml}</w:p>')
    out = []
    for run in root.iter(w("r")):
        style = run.find("w:rPr/w:rStyle", NS)
        out.append((None if style is None else style.get(w("val")), text_of(run)))
    return out


@pytest.mark.parametrize(("line", "expected"), [
    ("**工业经济持续向好。**实现工业增加值", [(styles.LEAD, "工业经济持续向好。"),
                                             (None, "实现工业增加值")]),
    ("## **（二）主要目标。**综合分析", [(None, "（二）主要目标。"),
                                         (styles.RUN_IN_BODY, "综合分析")]),
    ("## （一）坚持人民至上", [(None, "（一）坚持人民至上")]),
    ("# **一、主要目标。**综合分析", [(None, "一、主要目标。"),
                                      (styles.RUN_IN_BODY, "综合分析")]),
    ("### **1.创新策源成效显著。**新增", [(styles.HEADING3_LEAD, "1.创新策源成效显著。"),
                                           (styles.RUN_IN_BODY, "新增")]),
    ("#### **（1）科技创新。**新建", [(None, "（1）科技创新。"), (styles.RUN_IN_BODY, "新建")]),
    ("### **1.只有标题。**", [(None, "1.只有标题。")]),
    ("**只有引导句。**", [(styles.LEAD, "只有引导句。")]),
])
def test_the_run_styles_of_a_kind(line: str, expected: list[tuple[str | None, str]]) -> None:
    block = parse_line(line)
    assert block is not None
    kind = BLOCK_KINDS[block.kind]
    assert run_styles(runs(block.spans, kind.lead, kind.text)) == expected


def test_inside_a_box_headings_are_box_headings() -> None:
    xml = framed_text("专栏2：", "民心工程", "# 1．社会投资项目\n索通锦旗碳素\n## 2．政府投资项目\n綦江大道\n"
                                     "### （1）道路\n#### ①桥梁\n### **（2）管网。**改造\n"
                                     "#### **②水厂。**新建\n# **3．其他。**另见")
    root = etree.fromstring(f'<w:body xmlns:w="{NS["w"]}">{xml}</w:body>')
    paragraphs = [(paragraph_style(p), text_of(p)) for p in root.iter(w("p"))]
    assert paragraphs == [(styles.BOX_TITLE, "专栏2：民心工程"),
                          (styles.BOX_HEADING, "1．社会投资项目"),
                          (styles.BOX_TEXT, "索通锦旗碳素"),
                          (styles.BOX_HEADING, "2．政府投资项目"),
                          (styles.BOX_TEXT, "綦江大道"),
                          (styles.BOX_HEADING, "（1）道路"),
                          (styles.BOX_HEADING, "①桥梁"),
                          (styles.BOX_HEADING, "（2）管网。改造"),
                          (styles.BOX_HEADING, "②水厂。新建"),
                          (styles.BOX_HEADING, "3．其他。另见")]
