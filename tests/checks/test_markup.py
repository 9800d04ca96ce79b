"""The narrative's markup mistakes, each with its line: markers, unclosed leads, 专栏 markers and
the numbering of the four heading levels."""

from __future__ import annotations

import pytest

from helpers.project import REPO
from reportgen.checks.markup import cn_number, markup_problems

# (source, [(line, a part of the message)])
CASES = [
    ("##**（四）创新。**正文", [(1, "the heading marker ## needs a space")]),
    ("#一、执行情况", [(1, "the heading marker # needs a space")]),
    ("###1.创新策源成效显著", [(1, "the heading marker ### needs a space")]),
    ("####（1）科技创新", [(1, "the heading marker #### needs a space")]),
    ("##### 五级标题", [(1, "only # to #### mark headings")]),
    ("＃ 一、执行情况", [(1, "full-width ＃ or ＊＊")]),
    ("**未闭合的引导句。正文", [(1, "a ** is not closed")]),
    ("【专栏：民心工程】", [(1, "【专栏：…】 is not a 专栏 marker")]),
    ("详见[专栏：民心工程]。", [(1, "must be a line of its own")]),
    ("【附件：重点项目表】", [(1, "【附件：…】 is not a 附件 marker; write [附件：标题]")]),
    ("详见[附件：重点项目表]。", [(1, "a [附件：…] marker must be a line of its own")]),
    ("# 一、甲\n[附件：表]\n# 二、乙", [(3, "heading 「二、」 skips a number: expected 「一、」")]),
    ("# 一、甲\n# 三、丙", [(2, "heading 「三、」 skips a number: expected 「二、」")]),
    ("## （一）甲\n## （一）乙", [(2, "heading 「（一）」 repeats a number: expected 「（二）」")]),
    ("### 1.甲\n### 2.乙\n### 2.丙", [(3, "heading 「2.」 repeats a number: expected 「3.」")]),
    ("### 1.甲\n#### （1）子\n#### （3）子", [(3, "heading 「（3）」 skips a number: "
                                              "expected 「（2）」")]),
    ("### 2.乙", [(1, "heading 「2.」 skips a number: expected 「1.」")]),
    ("# 一、甲\n## （二）乙", [(2, "heading 「（二）」 skips a number: expected 「（一）」")]),
    ("甲\n[/专栏]", [(2, "[/专栏] closes no 专栏")]),
    ("[专栏：甲]\n乙\n[/专栏]\n[/专栏]", [(4, "[/专栏] closes no 专栏")]),
]

# Sources with nothing wrong: text that starts like markup, and numbering that restarts
# under each higher heading.
CLEAN = [
    "#1机组全年发电12亿千瓦时。",
    "#",
    "#\t",
    "一是加快项目建设；二是优化营商环境。",
    "——全年新增市场主体1.2万户。",
    "1.地区生产总值增长8.2%，高于计划目标0.7个百分点。",
    "（1）新建5G基站300个。",
    "# 一、甲\n## （一）甲一\n### 1.子\n### 2.子\n## （二）甲二\n### 1.子\n#### （1）孙\n"
    "#### （2）孙\n### 2.子\n#### （1）孙\n# 二、乙\n## （一）乙一\n### 1.子",
    "### **1.创新策源成效显著。**正文\n### **2．开放水平提升。**正文",
    "# **一、主要目标。**正文\n# **二、重点工作。**正文",
    "### 1.甲\n2.这一段是正文，不是标题\n### 2.乙",
    "# 一、甲\n# 二、乙\n[附件：重点项目表]\n# 一、政府投资项目\n### 1.交通\n[专栏：民心工程]\n"
    "[附件：名词解释]\n### 1.数字经济",
    "附件：1.重点项目表",
    # a 专栏 of text numbers its own headings
    "# 一、甲\n[专栏：十件实事]\n# 1．教育\n# 2．医疗\n[/专栏]\n# 二、乙",
]


@pytest.mark.parametrize(("source", "expected"), CASES)
def test_a_mistake_is_found_on_its_line(source: str, expected: list[tuple[int, str]]) -> None:
    found = markup_problems(source)
    assert [line for line, _ in found] == [line for line, _ in expected], found
    for (_, message), (_, part) in zip(found, expected, strict=True):
        assert part in message, message


@pytest.mark.parametrize("source", CLEAN)
def test_text_and_numbering_in_order_are_not_mistakes(source: str) -> None:
    assert markup_problems(source) == []


def test_the_shipped_narrative_has_no_markup_mistakes() -> None:
    narrative = (REPO / "data" / "2021" / "narrative.txt").read_text(encoding="utf-8")
    assert markup_problems(narrative) == []


@pytest.mark.parametrize(("text", "number"), [("一", 1), ("十", 10), ("十二", 12), ("二十", 20),
                                              ("九十九", 99), ("", None), ("1", None),
                                              ("一二", None)])
def test_cn_number(text: str, number: int | None) -> None:
    assert cn_number(text) == number
