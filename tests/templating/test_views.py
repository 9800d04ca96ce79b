"""The views templates see: Lookup and its messages, Rows by key and in order, group, look_up."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reportgen.data.model import Gap
from reportgen.errors import SourceRef
from reportgen.templating.views import FOUND, MISSING, OTHER, Group, Lookup, Rows, group, look_up

STATS = Lookup("统计", [("接待游客", 1), ("旅游收入", 2)],
               unavailable={"未完成预期性": "sheet 「完成情况」 has no 属性 column"})


@pytest.mark.parametrize(("key", "message"), [
    ("接待", "统计 has no 「接待」; did you mean 「接待游客」?"),
    ("旅游总收入", "统计 has no 「旅游总收入」; did you mean 「旅游收入」?"),
    ("常住人口", "统计 has no 「常住人口」"),
    (3, "统计 has no 「3」"),
    ("未完成预期性", "统计.未完成预期性 is not available: sheet 「完成情况」 has no 属性 column"),
])
def test_a_lookup_says_what_it_lacks(key: object, message: str) -> None:
    assert STATS.missing(key) == message


def test_a_lookup_is_a_dict_with_a_label() -> None:
    assert dict(STATS) == {"接待游客": 1, "旅游收入": 2}
    assert STATS.label == "统计"
    assert Lookup("会议", {"日期": "2021-03-10"}) == {"日期": "2021-03-10"}
    assert Lookup("空").unavailable == {}


def project(name: str, **values: Any) -> Lookup:
    return Lookup(f"清单 「{name}」", [("名称", name), *values.items()])


ROWS = Rows("清单", "名称", [project("甲", 分组="一"), project("乙", 分组="一"),
                             project("丙", 分组="二")],
            extras={"合计": 3}, unavailable={"完工": "no 是否完工 column"})


def test_rows_keep_report_order_and_are_reachable_by_key() -> None:
    assert [row["名称"] for row in ROWS] == ["甲", "乙", "丙"]
    assert ROWS.by_key["乙"] is ROWS[1]
    assert list(ROWS.by_key) == ["甲", "乙", "丙", "合计"]  # extras after the rows
    assert ROWS.by_key.label == ROWS.label == "清单"
    assert ROWS.gap is None and len(ROWS) == 3  # extras are not rows


def test_rows_explain_a_missing_key_like_their_lookup() -> None:
    assert ROWS.missing("丁") == "清单 has no 「丁」"
    assert ROWS.missing("甲甲") == "清单 has no 「甲甲」; did you mean 「甲」?"
    assert ROWS.missing("完工") == "清单.完工 is not available: no 是否完工 column"


def test_rows_of_an_empty_sheet_carry_their_gap() -> None:
    gap = Gap("本年民心工程清单", SourceRef("projects.xlsx", "本年民心工程"))
    rows = Rows("本年民心工程", "名称", [], gap=gap)
    assert rows == [] and rows.gap is gap and dict(rows.by_key) == {}


def test_group_makes_runs_of_consecutive_rows_in_report_order() -> None:
    rows = [{"分组": "一", "n": 1}, {"分组": "一", "n": 2}, {"分组": "二", "n": 3},
            {"分组": "一", "n": 4}]
    groups = group(rows, "分组")
    assert [(g["名称"], [r["n"] for r in g["行"]]) for g in groups] == [
        ("一", [1, 2]), ("二", [3]), ("一", [4])]  # a value met again starts a new run
    assert all(isinstance(g, Group) for g in groups)
    assert [g.label for g in groups] == ["group 「一」", "group 「二」", "group 「一」"]


def test_group_puts_blank_gap_and_non_row_values_under_no_name() -> None:
    gap = Gap("分组", SourceRef("projects.xlsx"))
    rows = [{"分组": 1, "n": 1}, {"n": 2}, {"分组": None, "n": 3}, {"分组": gap, "n": 4}, "x"]
    assert [(g["名称"], len(g["行"])) for g in group(rows, "分组")] == [("1", 1), ("", 4)]
    assert group([], "分组") == []


@given(st.lists(st.sampled_from(["一", "二", "三"]), max_size=12))
def test_groups_join_back_to_the_rows(values: list[str]) -> None:
    rows = [{"分组": value, "n": index} for index, value in enumerate(values)]
    groups = group(rows, "分组")
    assert [row for g in groups for row in g["行"]] == rows
    assert all(g["名称"] != h["名称"] for g, h in zip(groups, groups[1:], strict=False))
    assert all(row["分组"] == g["名称"] for g in groups for row in g["行"])


KEYED = Rows("清单", "名称", [project("count"), project("甲")])
WITH_ITEMS = Lookup("表", [("items", "数据"), ("甲", 1)])


@pytest.mark.parametrize(("obj", "key", "expected"), [
    (ROWS, "甲", (FOUND, ROWS[0])),
    (ROWS, "合计", (FOUND, 3)),
    (ROWS, "丁", (MISSING, "清单 has no 「丁」")),
    (ROWS, "完工", (MISSING, "清单.完工 is not available: no 是否完工 column")),
    (ROWS, "count", (OTHER, None)),  # a list method is Jinja's to answer
    (ROWS, "index", (OTHER, None)),
    (ROWS, 0, (OTHER, None)),  # an index too
    (KEYED, "count", (FOUND, KEYED[0])),  # but the data wins over a method
    (STATS, "接待游客", (FOUND, 1)),
    (STATS, "接待", (MISSING, "统计 has no 「接待」; did you mean 「接待游客」?")),
    (STATS, 3, (MISSING, "统计 has no 「3」")),
    (STATS, "items", (OTHER, None)),  # a dict method
    (STATS, "get", (OTHER, None)),
    (WITH_ITEMS, "items", (FOUND, "数据")),
    ({"甲": 1}, "甲", (OTHER, None)),  # not a view: Jinja's
    ([1, 2], 0, (OTHER, None)),
    ("文字", "upper", (OTHER, None)),
])
def test_look_up_found_missing_or_other(obj: Any, key: Any, expected: tuple[str, Any]) -> None:
    assert look_up(obj, key) == expected
