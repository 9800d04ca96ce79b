"""The validated year's types: gaps, targets, indicator and record rows, the year's two tables."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal

import pytest

from helpers.model import SHEET, indicator, table
from reportgen.characters import GAP_CLOSE, GAP_OPEN
from reportgen.data.model import (
    TO_FILL,
    Gap,
    Meta,
    Record,
    RecordTable,
    Target,
    YearData,
)
from reportgen.errors import SourceRef

CELL = SourceRef("data/2021/indicators.xlsx", "完成情况", 2, 7, "绝对值")


def test_a_gap_prints_as_a_marked_placeholder() -> None:
    gap = Gap("地区生产总值增速·绝对值", CELL)
    assert gap.placeholder == "【待填：地区生产总值增速·绝对值】"
    assert str(gap) == f"{GAP_OPEN}【待填：地区生产总值增速·绝对值】{GAP_CLOSE}"
    assert f"实现{gap}亿元" == f"实现{GAP_OPEN}【待填：地区生产总值增速·绝对值】{GAP_CLOSE}亿元"


def test_a_gap_is_false() -> None:
    assert bool(Gap("甲", CELL)) is False
    assert (Gap("甲", CELL) or "—") == "—"


def test_a_gap_lists_itself_or_the_cells_it_waits_on() -> None:
    first, second = Gap("甲·是否完工", CELL), Gap("乙·是否完工", CELL.at(row=3))
    count = Gap("完工项目数", SHEET, (first, second))
    assert first.listed() == (first,)
    assert count.listed() == (first, second)


def test_gaps_are_equal_by_what_and_place_not_parts() -> None:
    assert Gap("甲", CELL) == Gap("甲", CELL, (Gap("乙", CELL),))
    assert Gap("甲", CELL) != Gap("甲", CELL.at(row=3))
    assert Gap("甲", CELL) != Gap("乙", CELL)
    assert len({Gap("甲", CELL), Gap("甲", CELL, (Gap("乙", CELL),))}) == 1


def test_what_a_user_types_for_a_value_to_fill_in() -> None:
    assert TO_FILL == ("待填", "【待填】")


@pytest.mark.parametrize(("op", "quantitative"), [
    (">=", True), ("<=", True), ("increase", True), ("class", True),
    ("approx", False), ("qualitative", False),
])
def test_which_targets_are_quantitative(op: str, quantitative: bool) -> None:
    assert Target("x", op).quantitative is quantitative


def test_a_target_prints_as_written() -> None:
    target = Target("7.5以上", ">=", Decimal("7.5"))
    assert str(target) == "7.5以上"
    assert f"{target}" == "7.5以上"


@pytest.mark.parametrize(("name", "unit", "label"), [
    ("地区生产总值增速", "%", "地区生产总值增速（%）"),
    ("万人发明专利拥有量", "件/万人", "万人发明专利拥有量（件/万人）"),
    ("綦河出境水质", "", "綦河出境水质"),
])
def test_an_indicators_label_carries_its_unit(name: str, unit: str, label: str) -> None:
    assert indicator(name, unit=unit).label == label


def test_an_indicators_cell_is_its_columns_or_its_rows() -> None:
    row = indicator("甲", "9", "1", row=7)
    placed = dataclasses.replace(row, cells={"绝对值": CELL.at(row=7)})
    assert str(placed.cell("绝对值")) == "data/2021/indicators.xlsx[完成情况]!G7（绝对值）"
    assert str(placed.cell("增速")) == "data/2021/indicators.xlsx[完成情况]!7"
    assert str(row.cell("绝对值")) == "data/2021/indicators.xlsx[完成情况]!7"


def test_numbered_rows_are_the_indicators_counted() -> None:
    rows = table(indicator("甲"), indicator("其中：乙", number=None, row=3),
                 indicator("丙", number=2, row=4))
    assert [row.name for row in rows.numbered()] == ["甲", "丙"]


def test_a_record_gives_its_values_and_cells() -> None:
    ref = SourceRef("data/2021/projects.xlsx", "上年民心工程", 4)
    record = Record({"名称": "甲路", "是否完工": True}, ref,
                    {"名称": ref.at(column=1, column_name="名称")})
    assert record["是否完工"] is True
    assert str(record.cell("名称")) == "data/2021/projects.xlsx[上年民心工程]!A4（名称）"
    assert str(record.cell("完成情况")) == "data/2021/projects.xlsx[上年民心工程]!4"
    with pytest.raises(KeyError):
        record["完成情况"]


def _year(indicators: dict) -> YearData:  # type: ignore[type-arg]
    ref = SourceRef("data/2021/report.yaml")
    meta = Meta("甲区", "甲区发改委", dt.date(2021, 3, 10), "会议", 2020, 2021, "报告", ref)
    empty = RecordTable("统计", SourceRef("data/2021/statistics.xlsx"), (), ())
    return YearData(2021, meta, indicators, {}, empty, empty, empty, {}, "",
                    SourceRef("data/2021/narrative.txt"))


def test_a_year_gives_its_execution_and_plan_tables() -> None:
    execution, plan = table(indicator("甲")), table(indicator("乙"), name="计划目标")
    year = _year({"完成情况": execution, "计划目标": plan})
    assert year.execution is execution
    assert year.plan is plan
    assert year.warnings == ()


def test_a_year_without_the_sheets_has_neither() -> None:
    year = _year({"其他": table(indicator("甲"))})
    assert year.execution is None
    assert year.plan is None
