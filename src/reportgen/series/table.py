"""The indicators of all the years side by side, made with pandas: the records of every folder
in one frame, pivoted to one row per indicator and one column per year and field, merged with
each indicator's latest description and its five-year target, with the progress toward it.

For a year two tables may speak: the 计划目标 of its own folder (the target set) and the
完成情况 of the next (the target reported on, the result, the status). The 完成情况 wins, so a
year shows its target as reported with its result. Rows come in the order of the newest tables;
an indicator no longer reported follows, in the order of its last table.

pandas is imported by this module alone, which only ``reportgen series`` imports.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from reportgen.series.progress import Progress, progress
from reportgen.series.years import FIELDS, FiveYearPlan

#: Which table speaks for a year when both do: the report on it, then the plan.
_RANK = {"完成情况": 0, "计划目标": 1}
#: At most this many indicators are charted.
CHARTS = 12


@dataclass(frozen=True)
class SeriesRow:
    key: str
    name: str  # with its unit: 地区生产总值增速（%）
    category: str
    attribute: Any
    values: dict[tuple[int, str], Any]  # (year, field) -> value
    plan: FiveYearPlan | None = None
    five_year: Any = None  # the target as written
    progress: Progress | None = None
    headline: bool = False  # charted


@dataclass
class Series:
    years: list[int]
    rows: list[SeriesRow]
    plans: list[str] = field(default_factory=list)  # the five-year plans named, 十四五 …

    @property
    def headline(self) -> list[SeriesRow]:
        return [row for row in self.rows if row.headline]


def _is_number(value: Any) -> bool:
    from decimal import Decimal

    return isinstance(value, Decimal)


def series(records: list[dict[str, Any]]) -> Series:
    """The side-by-side table of ``records`` (``years.records`` of every folder)."""
    if not records:
        return Series([], [])
    frame = pd.DataFrame.from_records(records)
    frame["rank"] = frame["来源"].map(_RANK)
    # one record per indicator and year: the report on the year before the plan for it
    kept = frame.sort_values(["年份", "rank"], kind="stable").drop_duplicates(
        ["key", "年份"], keep="first")
    wide = kept.pivot(index="key", columns="年份", values=list(FIELDS))
    wide.columns = pd.Index(list(wide.columns), tupleize_cols=False)  # (field, year) labels
    latest = frame.sort_values(["folder", "rank"], ascending=[True, False], kind="stable")
    latest = latest.groupby("key", sort=False).last()
    described = latest[["指标", "类别", "属性", "增速指标", "folder", "rank", "order", "序号"]]
    plans = frame.dropna(subset=["五年目标"]).sort_values("folder", kind="stable")
    five = plans.groupby("key").last()[["五年规划", "五年规划序", "五年目标"]]
    table = described.join(wide, how="left").join(five, how="left")
    table = table.sort_values(["folder", "rank", "order"], ascending=[False, True, True],
                              kind="stable")
    years = sorted(int(y) for y in kept["年份"].unique())
    first_category = table["类别"].iloc[0]
    rows = [_row(key, record, years, first_category) for key, record in table.iterrows()]
    rows = _chart_at_most(rows)
    named = sorted({(int(n), str(p)) for p, n in zip(five["五年规划"], five["五年规划序"],
                                                       strict=True)})
    return Series(years, rows, [name for _, name in named])


def _cell(record: Any, name: str, year: int) -> Any:
    value = record.get((name, year))
    return None if value is None or (isinstance(value, float) and pd.isna(value)) else value


def _row(key: Any, record: Any, years: list[int], first_category: str) -> SeriesRow:
    values = {(year, name): _cell(record, name, year) for year in years for name in FIELDS}
    plan = None
    found = record.get("五年目标")
    target = None if found is None or (isinstance(found, float) and pd.isna(found)) else found
    moving = None
    if target is not None:
        plan = FiveYearPlan(str(record["五年规划"]), int(record["五年规划序"]))
        results = {year: values[(year, "结果")] for year in years}
        moving = progress(plan, target, bool(record["增速指标"]), results)
    numbered = not pd.isna(record["序号"])
    charted = sum(_is_number(values[(year, "结果")]) for year in years) >= 2 and numbered and (
        record["类别"] == first_category or target is not None)
    return SeriesRow(str(key), str(record["指标"]), str(record["类别"]), record["属性"],
                     values, plan, target, moving, charted)


def _chart_at_most(rows: list[SeriesRow]) -> list[SeriesRow]:
    """Only the first ``CHARTS`` headline rows are charted."""
    out, charted = [], 0
    for row in rows:
        if row.headline:
            charted += 1
            if charted > CHARTS:
                row = SeriesRow(row.key, row.name, row.category, row.attribute, row.values,
                                row.plan, row.five_year, row.progress, False)
        out.append(row)
    return out
