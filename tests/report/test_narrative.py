"""The narrative's markup: headings, lead sentences, run-in headings, 专栏 places and numbers."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reportgen.report.narrative import (
    Block,
    box_numbers,
    box_order,
    box_places,
    parse_blocks,
    parse_line,
    text_box_lines,
)
from reportgen.word.ooxml import Span


@pytest.mark.parametrize(("line", "expected"), [
    ("# 一、{{ 上年 }}年执行情况", Block("h1", (Span("一、{{ 上年 }}年执行情况"),))),
    ("## （一）坚持人民至上", Block("h2", (Span("（一）坚持人民至上"),))),
    ("##   （一）多余的空格  ", Block("h2", (Span("（一）多余的空格"),))),
    ("**工业经济持续向好。**实现工业增加值",
     Block("p", (Span("工业经济持续向好。", lead=True), Span("实现工业增加值")))),
    ("**只有引导句。**", Block("p", (Span("只有引导句。", lead=True),))),
    ("## **（二）主要目标。**综合分析",
     Block("h2-run-in", (Span("（二）主要目标。", lead=True), Span("综合分析")))),
    # a ## line whose lead is all there is stays a plain heading
    ("## **（二）主要目标。**", Block("h2", (Span("（二）主要目标。", lead=True),))),
    ("# **一、**标题", Block("h1-run-in", (Span("一、", lead=True), Span("标题")))),
    ("普通段落。", Block("p", (Span("普通段落。"),))),
    ("  两边有空格的段落  ", Block("p", (Span("两边有空格的段落"),))),
    # markup needs its space, and only # to #### are headings
    ("#不是标题", Block("p", (Span("#不是标题"),))),
    ("##不是标题", Block("p", (Span("##不是标题"),))),
    ("### 三级", Block("h3", (Span("三级"),))),
    ("##### 五级", Block("p", (Span("##### 五级"),))),
    # the lead is the shortest **…** at the start; a second one is text
    ("**甲。** **乙。**丙", Block("p", (Span("甲。", lead=True), Span(" **乙。**丙")))),
    ("****空", Block("p", (Span("****空"),))),
    ("文字**不在段首**", Block("p", (Span("文字**不在段首**"),))),
])
def test_each_markup_makes_its_block(line: str, expected: Block) -> None:
    assert parse_line(line) == expected


@pytest.mark.parametrize(("line", "name"), [
    ("[专栏：重大项目完成情况]", "重大项目完成情况"),
    ("[专栏:重大项目完成情况]", "重大项目完成情况"),  # a half-width colon too
    ("[专栏： 民心工程 ]", "民心工程"),
    ("   [专栏：民心工程]   ", "民心工程"),
])
def test_a_box_line_places_a_box(line: str, name: str) -> None:
    assert parse_line(line) == Block("box", (), name)


@pytest.mark.parametrize("line", ["见 [专栏：民心工程]", "[专栏：民心工程] 见上", "[专栏：]",
                                  "[专栏民心工程]", "【专栏：民心工程】"])
def test_a_box_line_must_be_the_whole_line(line: str) -> None:
    block = parse_line(line)
    assert block == Block("p", (Span(line.strip()),))


@pytest.mark.parametrize("line", ["", "   ", "\t", "\u3000"])
def test_a_blank_line_is_no_block(line: str) -> None:
    assert parse_line(line) is None


def test_a_block_text_joins_its_spans() -> None:
    block = parse_line("**引导句。**正文。")
    assert block is not None and block.text == "引导句。正文。"
    assert Block("box", box="甲").text == ""


def test_blocks_skip_blank_lines_and_keep_order() -> None:
    text = "# 一、甲\n\n   \n## （一）乙\n[专栏：丙]\n**丁。**戊\n"
    assert [(b.kind, b.text, b.box) for b in parse_blocks(text)] == [
        ("h1", "一、甲", None), ("h2", "（一）乙", None), ("box", "", "丙"), ("p", "丁。戊", None)]


SOURCE = ("开头\n[专栏：甲]\n文字\n  [专栏:乙]  \n[专栏：甲]\n见 [专栏：丁]\n[专栏：丙]\n")


def test_box_places_are_every_box_line_with_its_line_number() -> None:
    assert box_places(SOURCE) == [(2, "甲"), (4, "乙"), (5, "甲"), (7, "丙")]


def test_box_order_keeps_the_first_place_of_a_repeated_box() -> None:
    assert box_order(SOURCE) == ["甲", "乙", "丙"]


def test_box_numbers_count_distinct_boxes_in_order() -> None:
    assert box_numbers(SOURCE) == {"甲": 1, "乙": 2, "丙": 3}


def test_adding_a_box_renumbers_the_rest() -> None:
    assert box_numbers("[专栏：新]\n" + SOURCE) == {"新": 1, "甲": 2, "乙": 3, "丙": 4}
    assert box_numbers("没有专栏") == {}


_PLAIN = st.text(st.characters(blacklist_characters="#*[\n\r", blacklist_categories=("Cs",)),
                 min_size=1).filter(lambda s: s.strip())


@given(_PLAIN)
def test_text_without_markup_is_one_plain_paragraph(text: str) -> None:
    assert parse_line(text) == Block("p", (Span(text.strip()),))


@given(st.lists(st.sampled_from(["甲", "乙", "丙", "丁"]), max_size=8))
def test_numbers_follow_the_first_place_of_each_box(names: list[str]) -> None:
    source = "\n".join(f"[专栏：{name}]\n正文" for name in names)
    first_seen = list(dict.fromkeys(names))
    assert box_numbers(source) == {name: i for i, name in enumerate(first_seen, start=1)}
    assert [name for _, name in box_places(source)] == names


def test_a_box_line_commented_out_is_not_numbered() -> None:
    source = "{#\n[专栏：重大项目完成情况]\n#}\n[专栏：民心工程完成情况]\n"
    assert box_numbers(source) == {"民心工程完成情况": 1}


def test_a_box_line_closed_by_an_end_line_is_a_box_of_text() -> None:
    source = "甲\n[专栏：{{ 本年 }}年十件实事]\n# 1．教育\n**新建。**学校3所。\n\n[/专栏]\n[专栏：民心工程]\n乙"
    blocks = parse_blocks(source)
    assert [(b.kind, b.box, b.body) for b in blocks] == [
        ("p", None, None), ("box", "{{ 本年 }}年十件实事", "# 1．教育\n**新建。**学校3所。\n"),
        ("box", "民心工程", None), ("p", None, None)]
    assert text_box_lines(source) == {2}
    # both are numbered in order of their lines
    assert box_numbers(source) == {"{{ 本年 }}年十件实事": 1, "民心工程": 2}


def test_an_end_line_after_the_next_box_closes_nothing_before_it() -> None:
    source = "[专栏：甲]\n[专栏：乙]\n文字\n[/专栏]"
    assert [(b.box, b.body) for b in parse_blocks(source)] == [("甲", None), ("乙", "文字")]
    assert text_box_lines(source) == {2}
