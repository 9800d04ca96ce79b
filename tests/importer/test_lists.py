"""A 专栏's project lines into one record per project, for the list template that writes them
back: numbered groups of 类别 lines, numbered items with or without 完成情况; the numbering."""

from __future__ import annotations

import pytest

from reportgen.importer.lists import (
    GROUPED,
    NUMBERED,
    PROGRESS,
    logical_lines,
    read_list,
    split_names,
    style_of,
)
from reportgen.importer.source import Para


def paras(*lines: str) -> list[Para]:
    return [Para(line) for line in lines]


def test_groups_of_category_lines() -> None:
    found = read_list(paras("1．社会投资项目", "甲、乙（二期、三期）等项目。", "2．政府投资项目",
                            "交通路网：丙、丁", "路等项目。", "园区平台：戊等项目。"))
    assert found is not None and (found.template, found.numbering) == (GROUPED, "1．")
    assert [tuple(row.values()) for row in found.rows] == [
        ("社会投资项目", "", "甲"), ("社会投资项目", "", "乙（二期、三期）"),
        ("政府投资项目", "交通路网", "丙"), ("政府投资项目", "交通路网", "丁路"),
        ("政府投资项目", "园区平台", "戊")]
    sheet = found.sheet("重大项目")
    assert sheet.headers == ["分组", "类别", "名称"] and len(sheet.rows) == 5
    assert sheet.notes  # guided: each header says what the column holds


def test_numbered_items() -> None:
    done = read_list(paras("（1）图书馆：建成8000平方米图书馆。", "（2）故居：完成修缮。"))
    assert done is not None and (done.template, done.numbering) == (PROGRESS, "（1）")
    assert done.rows[0] == {"名称": "图书馆", "完成情况": "建成8000平方米图书馆。"}
    named = read_list(paras("一、老旧小区改造工程。", "二、城乡供水工程。"))
    assert named is not None and (named.template, named.numbering) == (NUMBERED, "一、")
    assert [row["名称"] for row in named.rows] == ["老旧小区改造工程", "城乡供水工程"]


@pytest.mark.parametrize("lines", [
    ("1．甲等项目。", "3．乙等项目。"),  # a number skipped
    ("1．社会投资项目", "甲等项目。", "2．社会投资项目", "乙等项目。"),  # one group twice in a row
    ("1．社会投资项目", "交通：甲等项目。", "交通：乙等项目。"),  # one 类别 on two lines in a row
    ("1．社会投资项目", "2．政府投资项目", "甲等项目。"),  # a group with no projects
    ("1．甲工程。", "2．甲工程。"),  # a project twice
    ("1．甲工程。", "2．乙工程"),  # an item no template ends so
    ("新建学校。新建中小学3所。",),  # no numbering
])
def test_what_no_template_writes_back_is_no_list(lines: tuple[str, ...]) -> None:
    assert read_list(paras(*lines)) is None


def test_lines_broken_at_a_page_edge_are_joined() -> None:
    assert logical_lines(paras("1.工业项目", "高端装备：甲、乙", "", "丙等项目。", "2.服务业")) == [
        "1.工业项目", "高端装备：甲、乙丙等项目。", "2.服务业"]


def test_names_split_outside_brackets() -> None:
    assert split_names("甲（一、二）、“乙、丙”、丁") == ["甲（一、二）", "“乙、丙”", "丁"]


@pytest.mark.parametrize(("text", "style"), [
    ("1．甲", "1．"), ("1.甲", "1."), ("（1）甲", "（1）"), ("一、甲", "一、"), ("①甲", "①"),
    ("（一）甲", "（一）"), ("2．甲", None), ("2400头种猪场", None), ("1.5亿元", None),
])
def test_the_numbering_read_from_number_one(text: str, style: str | None) -> None:
    assert style_of(text) == style
