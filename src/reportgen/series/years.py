"""Every year folder's indicators as records, read as the report reads them
(``report.year.load``): one record per indicator per table, for the year its values are of.

A folder's 完成情况 gives last year's target, result and status (data/2022: 2021's); its 计划目标
gives this year's target. A column of either sheet whose header names a five-year plan and a
target (“十四五”目标, 十四五规划目标) gives the indicator's target for that plan; the sheets are
read as they are, with whatever columns they have.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from reportgen.data.model import Gap, Indicator, IndicatorTable, Target, YearData
from reportgen.data.schema import ATTRIBUTE, GROWTH, RESULT, TARGET
from reportgen.data.status import compared_column_of, compared_value, status

#: What a value still to fill in shows in the series.
TO_FILL = "待填"
_PLAN = re.compile(r"十([一二三四五六七八九])?五")
_DIGITS = "一二三四五六七八九"
#: The fields a year gives each indicator, in the order the series shows them.
FIELDS = ("目标", "结果", "状态")


@dataclass(frozen=True)
class FiveYearPlan:
    """A five-year plan named in a column header: 十四五 is the 14th, 2021–2025."""

    name: str
    number: int

    @property
    def start(self) -> int:
        return 1966 + 5 * (self.number - 3)  # the third (1966–1970) on, every five years

    @property
    def end(self) -> int:
        return self.start + 4


def five_year_plan(header: str) -> FiveYearPlan | None:
    """The plan a column header names as holding its target ("“十四五”目标"), if any."""
    found = _PLAN.search(header)
    if found is None or "目标" not in header:
        return None
    number = 10 + (_DIGITS.index(found[1]) + 1 if found[1] else 0)
    return FiveYearPlan(found[0], number) if number >= 3 else None


def shown(value: Any) -> Any:
    """A value as the series keeps it: numbers as Decimal, a target as written, a gap as 待填,
    text as text, nothing as None."""
    if isinstance(value, Gap):
        return TO_FILL
    if isinstance(value, Target):
        return value.text
    if isinstance(value, (Decimal, str)) or value is None:
        return value
    return str(value)


def _key(row: Indicator) -> str:
    """What names an indicator from year to year: its group and name."""
    return f"{row.group}·{row.name}" if row.group and not row.starts_group else row.name


def records(data: YearData) -> list[dict[str, Any]]:
    """The records of one year folder: its 完成情况 for the year before, its 计划目标 for the
    year itself."""
    found: list[dict[str, Any]] = []
    for table, year, executed in ((data.execution, data.meta.review_year, True),
                                  (data.plan, data.meta.plan_year, False)):
        if table is not None:
            found += _table_records(table, year, data.year, executed)
    return found


def _table_records(table: IndicatorTable, year: int, folder: int,
                   executed: bool) -> list[dict[str, Any]]:
    """``executed``: the table reports on last year's plan (report.yaml's 数据.完成情况), else
    it sets this year's (数据.计划目标); 来源 names the part, whatever the sheet is called."""
    plans = [(column, plan) for column in table.columns
             if (plan := five_year_plan(column)) is not None]
    out = []
    for order, row in enumerate(table.rows):
        state: Any = ""
        if executed:
            state = status(row)[0]
        five = next(((plan, row.values.get(column)) for column, plan in plans
                     if row.values.get(column) not in (None, "", "—")), None)
        out.append({
            "key": _key(row), "指标": row.label, "类别": row.category, "序号": row.number,
            "年份": year, "来源": "完成情况" if executed else "计划目标", "folder": folder,
            "order": order,
            "目标": shown(row.values.get(TARGET)),
            "结果": shown(compared_value(row)) if executed else None,
            "增速指标": compared_column_of(row) == GROWTH,
            "绝对值": shown(row.values.get(RESULT)) if executed else None,
            "状态": shown(state) if executed else "",
            "属性": shown(row.values.get(ATTRIBUTE)),
            "五年规划": five[0].name if five else None,
            "五年规划序": five[0].number if five else None,
            "五年目标": shown(five[1]) if five else None,
        })
    return out


def all_records(years: Iterable[YearData]) -> list[dict[str, Any]]:
    return [record for data in years for record in records(data)]
