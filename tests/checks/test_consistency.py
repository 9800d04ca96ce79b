"""Figures stated twice: breakdowns of one total, statistics that are results, last year's targets."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from typing import Any

import pytest

from helpers.model import indicator, meta, table
from reportgen.checks.consistency import breakdowns, statistics_and_results, targets_of_last_plan
from reportgen.data.model import Gap, Indicator, IndicatorTable, Record, RecordTable, YearData
from reportgen.data.targets import parse_target
from reportgen.errors import Problems, SourceRef

STATS = SourceRef("data/2021/statistics.xlsx", "统计")
INVESTMENT = SourceRef("data/2021/statistics.xlsx", "投资计划")
STAT_COLUMNS = ("指标", "数值", "单位", "增速", "说明")
INVESTMENT_COLUMNS = ("投资类型", "分类方式", "类别", "项目数", "年度计划投资")


def record(sheet: SourceRef, columns: tuple[str, ...], row: int, **values: Any) -> Record:
    """A row of a plain table, each value's cell in the column the sheet gives it."""
    converted = {k: Decimal(str(v)) if isinstance(v, (int, float)) else v
                 for k, v in values.items()}
    cells = {name: sheet.at(row=row, column=columns.index(name) + 1, column_name=name)
             for name in converted}
    return Record(converted, sheet.at(row=row), cells)


def records(sheet: SourceRef, columns: tuple[str, ...], *rows: dict[str, Any]) -> RecordTable:
    return RecordTable(sheet.sheet or "", sheet, columns,
                       tuple(record(sheet, columns, n, **r) for n, r in enumerate(rows, start=2)))


def with_cells(row: Indicator, **columns: int) -> Indicator:
    """An indicator with the places of its value cells (column numbers by name)."""
    return replace(row, cells={name: row.ref.at(column=c, column_name=name)
                               for name, c in columns.items()})


def year_data(year: int = 2021, indicators: dict[str, IndicatorTable] | None = None,
              statistics: RecordTable | None = None,
              investment: RecordTable | None = None) -> YearData:
    empty = RecordTable("", STATS, (), ())
    return YearData(year, meta(year), indicators or {}, {}, statistics or empty,
                    empty, investment or empty, {}, "", SourceRef("data/2021/narrative.txt"))


def problems_of(check: Any, *data: YearData) -> list[str]:
    problems = Problems()
    check(*data, problems)
    return [str(p) for p in problems.items]


# --- breakdowns ------------------------------------------------------------------------------


def investment(*rows: tuple[str, str, str, Any, Any]) -> YearData:
    return year_data(investment=records(INVESTMENT, INVESTMENT_COLUMNS, *(
        {k: v for k, v in zip(INVESTMENT_COLUMNS, r, strict=True) if v is not None}
        for r in rows)))


def test_breakdowns_that_agree_are_fine() -> None:
    data = investment(("社会投资项目", "按领域", "交通", 3, 10.5),
                      ("社会投资项目", "按领域", "产业", 2, 4.5),
                      ("社会投资项目", "按建设性质", "新建", 4, 12),
                      ("社会投资项目", "按建设性质", "续建", 1, 3),
                      ("社会投资项目", "合计", "合计", 5, 15))
    assert problems_of(breakdowns, data) == []


def test_each_breakdown_and_a_stated_total_that_disagree_is_an_error_at_its_first_cell() -> None:
    data = investment(("社会投资项目", "按领域", "交通", 3, 10.5),  # row 2
                      ("社会投资项目", "按领域", "产业", 2, 4.5),
                      ("社会投资项目", "按建设性质", "新建", 4, 12),  # row 4
                      ("社会投资项目", "按建设性质", "续建", 2, 3),
                      ("政府投资项目", "按领域", "水利", 7, None),  # row 6
                      ("政府投资项目", "合计", "合计", 8, 20))  # row 7
    assert problems_of(breakdowns, data) == [
        "data/2021/statistics.xlsx[投资计划]!D4（项目数）: 社会投资项目·项目数: 按建设性质 (rows 4–5) "
        "gives 6, but 按领域 (rows 2–3) gives 5",
        "data/2021/statistics.xlsx[投资计划]!D7（项目数）: 政府投资项目·项目数: 合计 (row 7) gives 8, "
        "but 按领域 (row 6) gives 7",
    ]


def test_an_incomplete_breakdown_is_not_compared() -> None:
    data = investment(("社会投资项目", "按领域", "交通", 3, None),
                      ("社会投资项目", "按领域", "产业", 2, 4.5),  # 年度计划投资 incomplete
                      ("社会投资项目", "按建设性质", "新建", 5, 100))
    assert problems_of(breakdowns, data) == []


# --- statistics and results ------------------------------------------------------------------


def execution(*rows: Indicator) -> dict[str, IndicatorTable]:
    return {"完成情况": table(*rows)}


TRADE = with_cells(indicator("进出口总额增速", "5", "6.47", "3", row=22), 绝对值=7, 增速=8)


def statistics(*rows: dict[str, Any]) -> RecordTable:
    return records(STATS, STAT_COLUMNS, *rows)


@pytest.mark.parametrize(("stat", "expected"), [
    # the same name (less 增速) is one figure: each difference is an error
    ({"指标": "进出口总额", "数值": 5, "增速": 2}, [
        "data/2021/statistics.xlsx[统计]!B2（数值）: 统计 「进出口总额」 数值 is 5, but 完成情况 "
        "「进出口总额增速」 绝对值 is 6.47 (data/2021/indicators.xlsx[完成情况]!G22（绝对值）): "
        "one figure, two values",
        "data/2021/statistics.xlsx[统计]!D2（增速）: 统计 「进出口总额」 增速 is 2, but 完成情况 "
        "「进出口总额增速」 增速 is 3 (data/2021/indicators.xlsx[完成情况]!H22（增速）): "
        "one figure, two values"]),
    # a 说明 does not excuse the same figure
    ({"指标": "进出口总额增速", "数值": 5, "说明": "另一口径"}, [
        "data/2021/statistics.xlsx[统计]!B2（数值）: 统计 「进出口总额增速」 数值 is 5, but 完成情况 "
        "「进出口总额增速」 绝对值 is 6.47 (data/2021/indicators.xlsx[完成情况]!G22（绝对值）): "
        "one figure, two values"]),
    # a name that contains the other may be another measure: a warning
    ({"指标": "外贸进出口总额", "数值": 5, "增速": 3}, [
        "[warning] data/2021/statistics.xlsx[统计]!B2（数值）: 统计 「外贸进出口总额」 数值 is 5, "
        "but 完成情况 「进出口总额增速」 绝对值 is 6.47 (data/2021/indicators.xlsx[完成情况]!G22"
        "（绝对值）); if they are different measures, say so in 说明"]),
    # ... until 说明 explains it
    ({"指标": "外贸进出口总额", "数值": 5, "增速": 2, "说明": "海关口径"}, []),
    # the same figures, or figures that are not numbers, are fine
    ({"指标": "进出口总额", "数值": Decimal("6.47"), "增速": 3}, []),
    ({"指标": "进出口总额", "数值": Gap("进出口总额·数值", STATS.at(row=2)), "增速": "—"}, []),
    ({"指标": "进出口", "数值": 5}, []),  # a name the indicator's does not fit in
])
def test_a_statistic_named_like_an_indicator_gives_its_figures(
        stat: dict[str, Any], expected: list[str]) -> None:
    data = year_data(indicators=execution(TRADE), statistics=statistics(stat))
    assert problems_of(statistics_and_results, data) == expected


def test_a_qizhong_row_is_compared_by_its_name_without_qizhong() -> None:
    tax = with_cells(indicator("其中：税收收入增速", "8", "20.1", "5", number=None, row=5),
                     绝对值=7, 增速=8)
    data = year_data(indicators=execution(tax),
                     statistics=statistics({"指标": "税收收入", "数值": 20, "增速": 5}))
    assert problems_of(statistics_and_results, data) == [
        "data/2021/statistics.xlsx[统计]!B2（数值）: 统计 「税收收入」 数值 is 20, but 完成情况 "
        "「其中：税收收入增速」 绝对值 is 20.1 (data/2021/indicators.xlsx[完成情况]!G5（绝对值）): "
        "one figure, two values"]


def test_a_one_character_name_matches_nothing() -> None:
    short = indicator("水增速", "5", "1", "1")
    data = year_data(indicators=execution(short),
                     statistics=statistics({"指标": "水资源总量", "数值": 9, "增速": 9}))
    assert problems_of(statistics_and_results, data) == []


def test_without_an_execution_table_there_is_nothing_to_compare() -> None:
    data = year_data(statistics=statistics({"指标": "进出口总额", "数值": 5}))
    assert problems_of(statistics_and_results, data) == []


# --- targets of last year's plan ---------------------------------------------------------------


PLAN = SourceRef("data/2020/indicators.xlsx", "计划目标")


def planned(name: str, target: Any, row: int) -> Indicator:
    value = parse_target(target) if isinstance(target, str) else target
    return Indicator("发展", False, 1, name, "", None, False, {"计划目标": value}, PLAN.at(row=row),
                     {"计划目标": PLAN.at(row=row, column=6, column_name="计划目标")})


def last_year(*rows: Indicator) -> YearData:
    return year_data(2020, indicators={"计划目标": IndicatorTable("计划目标", PLAN, ("计划目标",),
                                                                   rows)})


def reported(name: str, target: Any, row: int) -> Indicator:
    value = parse_target(target) if isinstance(target, str) else target
    return with_cells(indicator(name, row=row, 计划目标=value), 计划目标=6)


def test_the_targets_reported_on_are_the_ones_last_year_set() -> None:
    gap = Gap("森林覆盖率·计划目标", PLAN.at(row=4))
    last = last_year(planned("地区生产总值增速", "7.5以上", 2), planned("工业增加值增速", "9", 3),
                     planned("森林覆盖率", gap, 4), planned("空气质量优良天数", "≥300", 5))
    data = year_data(indicators=execution(
        reported("地区生产总值增速", "7.5以上", 2), reported("工业增加值增速", "10", 3),
        reported("森林覆盖率", "≥50", 4), reported("新增指标", "1", 5)))
    assert problems_of(targets_of_last_plan, data, last) == [
        "[warning] data/2021/indicators.xlsx[完成情况]!F3（计划目标）: 「工业增加值增速」: 计划目标 "
        "「10」, but 2020's plan set 「9」 (data/2020/indicators.xlsx[计划目标]!F3（计划目标）)",
        "[warning] data/2021/indicators.xlsx[完成情况]: 「空气质量优良天数」, a target of 2020's plan "
        "(data/2020/indicators.xlsx[计划目标]!F5（计划目标）), is not reported on",
    ]


def test_a_target_still_to_fill_in_is_not_compared() -> None:
    last = last_year(planned("地区生产总值增速", "7.5以上", 2))
    gap = Gap("地区生产总值增速·计划目标", SourceRef("x"))
    data = year_data(indicators=execution(reported("地区生产总值增速", gap, 2)))
    assert problems_of(targets_of_last_plan, data, last) == []


def test_without_both_tables_there_is_nothing_to_compare() -> None:
    last = last_year(planned("地区生产总值增速", "7.5以上", 2))
    assert problems_of(targets_of_last_plan, year_data(), last) == []
    data = year_data(indicators=execution(reported("地区生产总值增速", "7", 2)))
    assert problems_of(targets_of_last_plan, data, year_data(2020)) == []
