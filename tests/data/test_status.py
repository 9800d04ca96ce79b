"""Plan against actual: each kind of target, and its boundary, table-driven."""

from __future__ import annotations

from decimal import Decimal

import pytest

from helpers.model import indicator
from reportgen.data.model import Gap
from reportgen.data.status import DONE, HUMAN, NO_TARGET, NOT_DONE, compared_value, status


@pytest.mark.parametrize(("target", "result", "expected"), [
    ("7.5以上", "7.5", DONE),  # the boundary meets a floor
    ("7.5以上", "7.4", NOT_DONE),
    ("≥300", "300", DONE),
    ("≥300", "299.9", NOT_DONE),
    ("9", "9", DONE),  # a bare number is a floor
    ("9", "8.99", NOT_DONE),
    ("≤4.5", "4.5", DONE),  # the boundary meets a ceiling
    ("≤4.5", "4.6", NOT_DONE),
    ("4.5以内", "4.5", DONE),
    ("控制在4.5以内", "4.51", NOT_DONE),
    ("6.5左右", "6.5", HUMAN),
    ("完成国家和市下达目标", "26.9", HUMAN),
])
def test_a_target_judges_its_result(target: str, result: str, expected: str) -> None:
    assert status(indicator("甲", target, result))[0] == expected


@pytest.mark.parametrize(("target", "result", "expected"), [
    ("Ⅲ类", "Ⅲ类", DONE), ("Ⅲ类", "Ⅱ类", DONE), ("Ⅲ类", "Ⅳ类", NOT_DONE), ("Ⅲ类", "良", HUMAN),
])
def test_a_water_class_is_better_when_lower(target: str, result: str, expected: str) -> None:
    assert status(indicator("綦河出境水质", target, result))[0] == expected


@pytest.mark.parametrize(("base", "result", "expected"), [
    ("58", "59.5", DONE),  # exactly 1.5 points more
    ("58", "59.4", NOT_DONE),
])
def test_points_over_last_year_need_its_value(base: str, result: str, expected: str) -> None:
    row = indicator("常住人口城镇化率", "提高1.5个百分点", result, 上年值=Decimal(base))
    assert status(row)[0] == expected
    assert status(indicator("常住人口城镇化率", "提高1.5个百分点", result))[0] == HUMAN


def test_a_growth_indicator_is_judged_on_its_growth_rate() -> None:
    row = indicator("地区生产总值增速", "7.5以上", "500.30", "3", unit="%")
    assert compared_value(row) == Decimal("3") and status(row)[0] == NOT_DONE
    # with no growth rate given, the absolute value is what there is
    assert compared_value(indicator("地区生产总值增速", "7.5以上", "8", "—", unit="%")) == Decimal("8")


def test_what_is_not_known_yet_is_said() -> None:
    gap = Gap("甲·绝对值", "x")
    assert status(indicator("甲", "9", gap)) == (gap, "the result is still to fill in")
    assert status(indicator("甲", None, "9"))[0] == NO_TARGET
    assert status(indicator("甲", "9", "1", 完成状态="完成"))[0] == DONE  # set by hand


def test_a_target_still_to_fill_in_leaves_the_status_to_fill_in() -> None:
    gap = Gap("甲·计划目标", "x")
    row = indicator("甲", None, "9", 计划目标=gap)
    assert status(row) == (gap, "the target is still to fill in")  # never 无目标 or 完成
