"""Placeholders typed in the narrative (【待填：…】): gaps with their line, highlighted."""

from __future__ import annotations

from reportgen.data.model import Gap
from reportgen.errors import SourceRef
from reportgen.report.placeholders import marked_typed, typed_gaps

REF = SourceRef("data/2027/narrative.txt")


def test_each_typed_placeholder_is_a_gap_at_its_line() -> None:
    source = "甲\n{{ 上年 }}年，【待填：总体情况】全年【待填】。\n{# 【待填：注释里的】 #}\n【待填:结束语】"
    assert typed_gaps(source, REF) == [Gap("总体情况", REF.at(line=2)), Gap("正文", REF.at(line=2)),
                                       Gap("结束语", REF.at(line=4))]


def test_a_typed_placeholder_is_marked_for_the_highlight() -> None:
    assert marked_typed("甲【待填：乙】丙") == "甲\ue000【待填：乙】\ue001丙"
    assert marked_typed("没有占位") == "没有占位"
