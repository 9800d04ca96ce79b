"""Where the 专栏 and 附件 are: a title and its table, or the lines after it while they read as
its own - up to the body's next heading, a paragraph of prose, another title."""

from __future__ import annotations

import pytest

from reportgen.importer.boxes import Attachment, Box, box_title, find, opening_of
from reportgen.importer.source import Cell, Para, Table


def items(*blocks: Para | Table) -> list[object]:
    return find(tuple(blocks))


def lines_of(box: object) -> list[str]:
    assert isinstance(box, Box)
    return [p.text for p in box.lines]


def test_a_list_ends_where_the_body_goes_on() -> None:
    found = items(Para("（二）坚持发展"), Para("专栏1：2020年重大项目完成情况"),
                  Para("1．社会投资项目"), Para("甲、乙等项目。"), Para("2．政府投资项目"),
                  Para("交通路网：丙、丁"), Para("戊等项目。"),
                  Para("消费市场加速回补。克服疫情影响，举办主题促销活动。"))
    box = found[1]
    assert isinstance(box, Box) and (box.number, box.title) == ("1", "2020年重大项目完成情况")
    assert lines_of(box) == ["1．社会投资项目", "甲、乙等项目。", "2．政府投资项目",
                             "交通路网：丙、丁", "戊等项目。"]
    assert isinstance(found[2], Para) and found[2].text.startswith("消费市场")


def test_the_bodys_next_heading_ends_a_box_numbered_otherwise() -> None:
    found = items(Para("（一）甲"), Para("专栏2：项目"), Para("1.新开工项目"), Para("交通：甲等项目。"),
                  Para("（二）乙"), Para("正文。"))
    assert lines_of(found[1]) == ["1.新开工项目", "交通：甲等项目。"]
    assert [p.text for p in found[2:] if isinstance(p, Para)] == ["（二）乙", "正文。"]


def test_numbered_items_end_at_prose() -> None:
    found = items(Para("专栏7：2021年民心工程"), Para("1．甲工程。"), Para("2．乙工程。"),
                  Para("各位代表！幸福靠奋斗，发展靠实干，让我们携手奋进新征程，再创佳绩。"))
    assert lines_of(found[0]) == ["1．甲工程。", "2．乙工程。"]


def test_a_title_heads_the_table_after_it() -> None:
    table = Table(((Cell((Para("类别"),), 1), Cell((Para("指标"),), 2)),), 3)
    found = items(Para("专栏3：指标"), table, Para("正文。"))
    assert isinstance(found[0], Box) and found[0].table is table and not found[0].lines
    frame = Table(((Cell((Para("1．甲工程。"),), 1),),), 7)  # one column: a frame of lines
    assert lines_of(items(Para("专栏1：工程"), frame)[0]) == ["1．甲工程。"]


def test_a_docx_frame_holds_its_title_and_lines() -> None:
    frame = Table(((Cell((Para("专栏1：民生实事"), Para("1．教育")), 1),),
                   (Cell((Para("新建学校。"),), 1),)), 5, gridded=True)
    wide = Table(((Cell((Para("专栏2：指标"),), 1, 2),),
                  (Cell((Para("序号"),), 1), Cell((Para("指标"),), 2))), 9, gridded=True)
    first, second = items(frame, wide)
    assert isinstance(first, Box) and lines_of(first) == ["1．教育", "新建学校。"]
    assert isinstance(second, Box) and second.table is not None
    assert [[c.text for c in row] for row in second.table.rows] == [["序号", "指标"]]


def test_an_attachment_is_its_label_and_title() -> None:
    found = items(Para("正文。"), Para("附件2"), Para("2024年重大项目"), Para("1．产业项目"))
    assert isinstance(found[1], Attachment) and found[1].title.text == "2024年重大项目"
    assert isinstance(found[2], Para)


@pytest.mark.parametrize(("line", "number", "title", "opening"), [
    ("专栏1：2020年重大项目", "1", "2020年重大项目", "专栏{{ 编号 }}："),
    ("专栏1  2020年重大项目", "1", "2020年重大项目", "专栏{{ 编号 }} "),
    ("专栏 12：项目", "12", "项目", "专栏{{ 编号 }}："),
    ("专栏3:指标", "3", "指标", "专栏{{ 编号 }}:"),
    ("专栏三：民心工程", "三", "民心工程", "专栏{{ 编号|cn }}："),
    ("专栏2重点项目", "2", "重点项目", "专栏{{ 编号 }}"),
])
def test_a_box_title_and_how_it_opens(line: str, number: str, title: str, opening: str) -> None:
    found = box_title(line)
    assert found is not None
    assert (found.group("number"), found.group("title"), opening_of(found)) == (number, title,
                                                                                opening)


@pytest.mark.parametrize("line", ["专栏12020年重大项目", "专栏目录", "本专栏1：甲"])
def test_what_is_no_box_title(line: str) -> None:
    assert box_title(line) is None
