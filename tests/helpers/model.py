"""Validated rows and tables made directly, for unit tests of what reads them."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from reportgen.data.cells import parse_decimal
from reportgen.data.model import Indicator, IndicatorTable, Meta
from reportgen.data.targets import parse_target
from reportgen.errors import SourceRef

SHEET = SourceRef("data/2021/indicators.xlsx", "完成情况")


def indicator(name: str, target: str | None = None, result: Any = None, growth: Any = None, *,
              number: int | None = 1, category: str = "发展综合质量效益",
              starts_category: bool = False, group: str | None = None,
              starts_group: bool = False, unit: str = "", row: int = 2,
              **values: Any) -> Indicator:
    """One row of an indicator table; numbers may be given as text ("7.5")."""
    def number_of(value: Any) -> Any:
        if isinstance(value, int):
            return Decimal(value)
        number = parse_decimal(value) if isinstance(value, str) else None
        return number if number is not None else value

    cells: dict[str, Any] = {}
    if target is not None:
        cells["计划目标"] = parse_target(target)
    if result is not None:
        cells["绝对值"] = number_of(result)
    if growth is not None:
        cells["增速"] = number_of(growth)
    cells.update(values)
    return Indicator(category, starts_category, number, name, unit, group, starts_group, cells,
                     SHEET.at(row=row))


def table(*rows: Indicator, columns: tuple[str, ...] = ("计划目标", "绝对值", "增速", "属性"),
          name: str = "完成情况") -> IndicatorTable:
    return IndicatorTable(name, SHEET, columns, rows)


def meta(year: int = 2021, **fields: Any) -> Meta:
    """A report.yaml's Meta for ``year``: the default roles unless ``roles`` is given."""
    values: dict[str, Any] = dict(
        region="甲区", issuer="甲区发展和改革委员会", meeting_date=dt.date(year, 3, 10),
        meeting_name="甲区第一届人民代表大会第一次会议", review_year=year - 1, plan_year=year,
        title="关于甲区的报告", ref=SourceRef(f"data/{year}/report.yaml"))
    values.update(fields)
    return Meta(**values)
