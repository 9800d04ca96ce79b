"""The tables a year holds: for each sheet, its columns, their types and what they mean.

This is the one description of the spreadsheets: validation, ``check``, ``draft`` and the
README's data section all follow it.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Column:
    name: str
    type: str
    doc: str
    required: bool = False  # the column must be present
    fill: bool = False  # a blank cell is a gap still to fill in (highlighted 【待填】)


@dataclass(frozen=True)
class TableSchema:
    workbook: str
    sheet: str | None  # None: every sheet of the workbook has this shape
    columns: tuple[Column, ...]
    key: tuple[str, ...]
    doc: str

    def column(self, name: str) -> Column | None:
        return next((c for c in self.columns if c.name == name), None)

    @property
    def names(self) -> list[str]:
        return [c.name for c in self.columns]


#: Column types: how a cell's text becomes a value.
TYPES = {
    "text": "any text",
    "int": "a whole number",
    "number": "a number (500.30 keeps its two decimals); — where the report has none",
    "measure": "a number, or text such as Ⅱ类; — where the report has none",
    "percent": "a percentage: 3.2, 3.2% or an Excel 0.0% cell; — where the report has none",
    "target": "a target as written: 7.5以上, ≥300, ≤4.5, 提高1.5个百分点, 完成国家和市下达目标",
    "attribute": "预期性 or 约束性",
    "status": "完成, 超额完成, 基本完成, 未完成 or 需人工判断 (overrides the computed status)",
    "yesno": "是 or 否",
}

#: The column names the code reads by their meaning: the one spelling of each.
CATEGORY, NUMBER, NAME, GROUP, UNIT = "类别", "序号", "指标名称", "分组", "单位"
TARGET, RESULT, GROWTH, BASE = "计划目标", "绝对值", "增速", "上年值"
ATTRIBUTE, STATE = "属性", "完成状态"
PROJECT, PROGRESS, COMPLETED = "名称", "完成情况", "是否完工"
STAT, VALUE, NOTE = "指标", "数值", "说明"
INVEST_TYPE, BREAKDOWN, PART = "投资类型", "分类方式", "类别"
COUNT, PLANNED = "项目数", "年度计划投资"

#: The columns that lay out an indicator table; validation reads them into the row's place
#: in the table, the other columns into its values.
INDICATOR_STRUCTURE = (
    Column(CATEGORY, "text", "category; write it on the first row of a merged 类别 cell, leave the "
           "rows below blank (a new value starts a new cell)"),
    Column(NUMBER, "int", "the indicator's number; blank on a sub-row (其中：…, or a ﹟ row of a "
           "group)"),
    Column(NAME, "text", "the indicator's name without its unit", required=True),
    Column(GROUP, "text", "on a numbered row: the label of a group whose unnumbered rows below "
           "are its ﹟ sub-indicators (能耗“双控”目标)"),
    Column(UNIT, "text", "unit, printed after the name in parentheses: %, 天, 件/万人"),
)

#: The indicator sheets the report is built around: last year's results, this year's targets.
EXECUTION_SHEET, PLAN_SHEET = "完成情况", "计划目标"

EXECUTION = TableSchema(
    "indicators", EXECUTION_SHEET,
    INDICATOR_STRUCTURE + (
        Column(TARGET, "target", "last year's target as written", required=True, fill=True),
        Column(RESULT, "measure", "last year's result, absolute value", required=True, fill=True),
        Column(GROWTH, "percent", "last year's result, growth rate in %", required=True, fill=True),
        Column(BASE, "number", "the value a year before, for targets like 提高1.5个百分点"),
        Column(ATTRIBUTE, "attribute", "预期性 or 约束性, as set in last year's plan"),
        Column(STATE, "status", "overrides the computed completion status"),
    ),
    key=(NAME,),
    doc="execution of last year's plan: target vs result (专栏 主要指标完成情况)",
)

PLAN = TableSchema(
    "indicators", PLAN_SHEET,
    INDICATOR_STRUCTURE + (
        Column(TARGET, "target", "this year's target as written", required=True, fill=True),
        Column(ATTRIBUTE, "attribute", "预期性 or 约束性", required=True, fill=True),
    ),
    key=(NAME,),
    doc="this year's targets (专栏 主要指标计划)",
)

PROJECTS = TableSchema(
    "projects", None,
    (
        Column(GROUP, "text", "the numbered group of a list (社会投资项目, 新开工项目)"),
        Column(CATEGORY, "text", "the category within a group (交通路网, 园区平台)"),
        Column(PROJECT, "text", "the project's name as printed", required=True),
        Column(PROGRESS, "text", "what was done, for lists that report on last year"),
        Column(COMPLETED, "yesno", "是 when the project was completed (counted in the prose)"),
    ),
    key=(PROJECT,),
    doc="one sheet per project list, one row per project, in report order",
)

STATISTICS = TableSchema(
    "statistics", "统计",
    (
        Column(STAT, "text", "name of the statistic as the prose refers to it", required=True),
        Column(VALUE, "measure", "its value at published precision", required=True, fill=True),
        Column(UNIT, "text", "its unit (亿元, 万人次, 个)"),
        Column(GROWTH, "percent", "its growth rate in %, where the prose quotes one"),
        Column(NOTE, "text", "a note for the people who keep the data"),
    ),
    key=(STAT,),
    doc="figures the prose quotes that are in no table",
)

MAJOR_PROJECTS = TableSchema(
    "statistics", "重大项目执行",
    (
        Column(INVEST_TYPE, "text", "社会投资项目 or 政府投资项目", required=True),
        Column(COUNT, "int", "number of last year's major projects", required=True, fill=True),
        Column("形成投资放量", "int", "how many of them produced investment", required=True,
               fill=True),
        Column("完成投资", "number", "investment completed, 亿元", required=True, fill=True),
    ),
    key=(INVEST_TYPE,),
    doc="last year's major projects by type; totals are computed",
)

INVESTMENT = TableSchema(
    "statistics", "投资计划",
    (
        Column(INVEST_TYPE, "text", "社会投资项目 or 政府投资项目", required=True),
        Column(BREAKDOWN, "text", "a breakdown (按领域, 按建设性质); 合计 for a stated total that "
               "no breakdown gives", required=True),
        Column(PART, "text", "a part of the breakdown (新建项目, 房地产项目)", required=True),
        Column(COUNT, "int", "number of projects"),
        Column(PLANNED, "number", "planned investment this year, 亿元"),
    ),
    key=(INVEST_TYPE, BREAKDOWN, PART),
    doc="this year's planned projects by breakdown; totals are computed from complete breakdowns",
)

INDICATOR_TABLES = (EXECUTION, PLAN)
STAT_TABLES = (STATISTICS, MAJOR_PROJECTS, INVESTMENT)
ALL_TABLES = INDICATOR_TABLES + (PROJECTS,) + STAT_TABLES

STATUSES = ("完成", "超额完成", "基本完成", "未完成", "需人工判断")
ATTRIBUTES = ("预期性", "约束性")
