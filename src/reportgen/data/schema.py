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
    note: str = ""  # what the column holds, in Chinese: the note on its header in a workbook

    @property
    def choices(self) -> tuple[str, ...]:
        """The values the column may hold, when they are a fixed set (a dropdown)."""
        return CHOICES.get(self.type, ())


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
    "compared": "绝对值 or 增速",
}

#: Chinese descriptions of the types, for the notes on a workbook's headers.
TYPE_NOTES = {
    "text": "文字",
    "int": "整数",
    "number": "数字，按报告所需小数位填写（500.30 保留两位）；报告中无此项填“—”",
    "measure": "数字，或“Ⅱ类”等文字；报告中无此项填“—”",
    "percent": "百分数：填 3.2 或 3.2%；报告中无此项填“—”",
    "target": "按原文填写的目标：7.5以上、≥300、≤4.5、6-6.5、提高1.5个百分点、完成国家和市下达目标",
    "attribute": "预期性 或 约束性",
    "status": "完成、超额完成、基本完成、未完成 或 需人工判断（填写后不再自动判断）",
    "yesno": "是 或 否",
    "compared": "绝对值 或 增速",
}

#: The column names the code reads by their meaning: the one spelling of each.
CATEGORY, NUMBER, NAME, GROUP, UNIT = "类别", "序号", "指标名称", "分组", "单位"
TARGET, RESULT, GROWTH, BASE = "计划目标", "绝对值", "增速", "上年值"
ATTRIBUTE, STATE = "属性", "完成状态"
PROJECT, PROGRESS, COMPLETED = "名称", "完成情况", "是否完工"
STAT, VALUE, NOTE = "指标", "数值", "说明"
SHORT, ORDER, LISTED = "简称", "列举序", "列举"
COMPARED = "比较"
INVEST_TYPE, BREAKDOWN, PART = "投资类型", "分类方式", "类别"
COUNT, PLANNED = "项目数", "年度计划投资"

#: The columns that lay out an indicator table; validation reads them into the row's place
#: in the table, the other columns into its values.
INDICATOR_STRUCTURE = (
    Column(CATEGORY, "text", "category; write it on the first row of a merged 类别 cell, leave the "
           "rows below blank (a new value starts a new cell)",
           note="类别：写在合并单元格的第一行，下面各行留空（填了新值即开始新的单元格）"),
    Column(NUMBER, "int", "the indicator's number; blank on a sub-row (其中：…, or a ﹟ row of a "
           "group)", note="序号；“其中：”行和分组下的﹟行留空"),
    Column(NAME, "text", "the indicator's name without its unit", required=True,
           note="指标名称，不含单位"),
    Column(GROUP, "text", "on a numbered row: the label of a group whose unnumbered rows below "
           "are its ﹟ sub-indicators (能耗“双控”目标)",
           note="分组名称，写在有序号的行上，其下无序号的行为该组的﹟子指标（如 能耗“双控”"
                "目标）"),
    Column(UNIT, "text", "unit, printed after the name in parentheses: %, 天, 件/万人",
           note="单位，印在名称后的括号内：%、天、件/万人"),
)

#: How the prose names an indicator when it lists them (目标.按类别): its short name, and its
#: place in the list.
LISTING = (
    Column(SHORT, "text", "the name the prose uses when it lists indicators; blank: 指标名称, or "
           "a group's 分组 without its unit",
           note="正文列举指标时用的名称；留空则用指标名称（分组的第一行用分组名称）"),
    Column(ORDER, "int", "the indicator's place when the prose lists those of its 类别; blank: "
           "the table's order", note="正文按类别列举指标时的次序；留空则按表中次序"),
)

#: The indicator sheets the report is built around: last year's results, this year's targets.
EXECUTION_SHEET, PLAN_SHEET = "完成情况", "计划目标"

EXECUTION = TableSchema(
    "indicators", EXECUTION_SHEET,
    INDICATOR_STRUCTURE + (
        Column(TARGET, "target", "last year's target as written", required=True, fill=True,
               note="上年计划目标，按原文填写"),
        Column(RESULT, "measure", "last year's result, absolute value", required=True, fill=True,
               note="上年完成的绝对值；无此项填“—”"),
        Column(GROWTH, "percent", "last year's result, growth rate in %", required=True, fill=True,
               note="上年完成的增速（%）：填 3.2 或 3.2%；无此项填“—”"),
        Column(BASE, "number", "the value a year before, for targets like 提高1.5个百分点",
               note="前一年的值，用于“提高…个百分点”的目标"),
        Column(ATTRIBUTE, "attribute", "预期性 or 约束性, as set in last year's plan",
               note="上年计划中的属性：预期性 或 约束性"),
        Column(STATE, "status", "overrides the computed completion status",
               note="完成状态：填写后代替自动判断"),
        Column(COMPARED, "compared", "which result the target judges: 绝对值 or 增速; blank: 增速 "
               "for a target of growth (增长7%) or an indicator in % with a 增速, else 绝对值",
               note="计划目标与哪一列比较：绝对值 或 增速；留空则增长目标或单位为%且有增速时"
                    "比较增速"),
        Column(LISTED, "yesno", "否 leaves an unmet indicator out of the lists the prose gives "
               "(完成.未完成…); blank or 是: listed",
               note="否：正文列举未完成指标时不列此项；留空或是：列举"),
        *LISTING,
    ),
    key=(NAME,),
    doc="execution of last year's plan: target vs result (专栏 主要指标完成情况)",
)

PLAN = TableSchema(
    "indicators", PLAN_SHEET,
    INDICATOR_STRUCTURE + (
        Column(TARGET, "target", "this year's target as written", required=True, fill=True,
               note="本年计划目标，按原文填写"),
        Column(ATTRIBUTE, "attribute", "预期性 or 约束性", required=True, fill=True,
               note="预期性 或 约束性"),
        *LISTING,
    ),
    key=(NAME,),
    doc="this year's targets (专栏 主要指标计划)",
)

PROJECTS = TableSchema(
    "projects", None,
    (
        Column(GROUP, "text", "the numbered group of a list (社会投资项目, 新开工项目)",
               note="清单中编号的组（社会投资项目、新开工项目）"),
        Column(CATEGORY, "text", "the category within a group (交通路网, 园区平台)",
               note="组内的类别（交通路网、园区平台）"),
        Column(PROJECT, "text", "the project's name as printed", required=True,
               note="项目名称，按印出的写法"),
        Column(PROGRESS, "text", "what was done, for lists that report on last year",
               note="完成情况（汇报上年的清单）"),
        Column(COMPLETED, "yesno", "是 when the project was completed (counted in the prose)",
               note="是否完工：是 或 否（正文中据此计数）"),
    ),
    key=(PROJECT,),
    doc="one sheet per project list, one row per project, in report order",
)

STATISTICS = TableSchema(
    "statistics", "统计",
    (
        Column(STAT, "text", "name of the statistic as the prose refers to it", required=True,
               note="指标名称，正文按此名称引用"),
        Column(VALUE, "measure", "its value at published precision", required=True, fill=True,
               note="数值，按报告所需小数位填写"),
        Column(UNIT, "text", "its unit (亿元, 万人次, 个)", note="单位（亿元、万人次、个）"),
        Column(GROWTH, "percent", "its growth rate in %, where the prose quotes one",
               note="增速（%），正文引用时填写"),
        Column(NOTE, "text", "a note for the people who keep the data",
               note="说明：给填表人看的备注；与指标表口径不同时写明"),
    ),
    key=(STAT,),
    doc="figures the prose quotes that are in no table",
)

MAJOR_PROJECTS = TableSchema(
    "statistics", "重大项目执行",
    (
        Column(INVEST_TYPE, "text", "社会投资项目 or 政府投资项目", required=True,
               note="社会投资项目 或 政府投资项目"),
        Column(COUNT, "int", "number of last year's major projects", required=True, fill=True,
               note="上年重大项目个数"),
        Column("形成投资放量", "int", "how many of them produced investment", fill=True,
               note="其中形成投资放量的项目个数"),
        Column("完成投资", "number", "investment completed, 亿元", required=True, fill=True,
               note="完成投资（亿元）"),
    ),
    key=(INVEST_TYPE,),
    doc="last year's major projects by type; totals are computed",
)

INVESTMENT = TableSchema(
    "statistics", "投资计划",
    (
        Column(INVEST_TYPE, "text", "社会投资项目 or 政府投资项目", required=True,
               note="社会投资项目 或 政府投资项目"),
        Column(BREAKDOWN, "text", "a breakdown (按领域, 按建设性质); 合计 for a stated total that "
               "no breakdown gives", required=True,
               note="分类方式（按领域、按建设性质）；无分类可得的总数写“合计”"),
        Column(PART, "text", "a part of the breakdown (新建项目, 房地产项目)", required=True,
               note="该分类下的类别（新建项目、房地产项目）"),
        Column(COUNT, "int", "number of projects", note="项目个数"),
        Column(PLANNED, "number", "planned investment this year, 亿元",
               note="本年计划投资（亿元）"),
    ),
    key=(INVEST_TYPE, BREAKDOWN, PART),
    doc="this year's planned projects by breakdown; totals are computed from complete breakdowns",
)

#: Any other sheet of indicators.xlsx: the layout columns, and the value columns reportgen
#: knows by name (the others take their kind from their header and values).
INDICATORS = TableSchema(
    "indicators", None,
    INDICATOR_STRUCTURE + tuple(
        Column(c.name, c.type, c.doc, note=c.note) for c in EXECUTION.columns
        if c not in INDICATOR_STRUCTURE),
    key=(NAME,),
    doc="a table of indicators (any sheet of indicators.xlsx)",
)

INDICATOR_TABLES = (EXECUTION, PLAN)
STAT_TABLES = (STATISTICS, MAJOR_PROJECTS, INVESTMENT)
ALL_TABLES = INDICATOR_TABLES + (PROJECTS,) + STAT_TABLES

STATUSES = ("完成", "超额完成", "基本完成", "未完成", "需人工判断")
ATTRIBUTES = ("预期性", "约束性")
#: The values of the types that have a fixed set of them.
CHOICES = {"attribute": ATTRIBUTES, "status": STATUSES, "yesno": ("是", "否"),
           "compared": ("绝对值", "增速")}
