"""The one place that decides what names templates see, and what each holds: the data's own
names, in Chinese, as the spreadsheets and YAML write them (上年, 完成, 统计, 项目 …; the
README's table "Names the templates see" lists them)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any

from reportgen.data.cells import header_key
from reportgen.data.compute import column_totals, investment_types
from reportgen.data.model import Gap, Indicator, IndicatorTable, Record, RecordTable, YearData
from reportgen.data.schema import (
    ATTRIBUTE,
    ATTRIBUTES,
    CATEGORY,
    GROUP,
    INVEST_TYPE,
    LISTED,
    NAME,
    NUMBER,
    ORDER,
    PART,
    PROJECT,
    SHORT,
    STAT,
    UNIT,
)
from reportgen.data.status import NOT_DONE, status
from reportgen.i18n import _
from reportgen.templating.gaps import Partial
from reportgen.templating.views import Absent, Lookup, Rows


def record_view(record: Record, label: str) -> Lookup:
    return Lookup(label, record.values.items())


def indicator_view(row: Indicator, table: str, with_status: bool) -> Lookup:
    view = Lookup(f"{table} 「{row.name}」", [
        (CATEGORY, row.category), (NUMBER, row.number), (NAME, row.name),
        (UNIT, row.unit), (GROUP, row.group), ("名称", row.label),
    ])
    view.update(row.values)
    view[SHORT] = short_name(row)
    if with_status:
        # the status only: its reason is check's explanation, in the language of the terminal,
        # and what the report prints never depends on that
        view["状态"] = status(row)[0]
    return view


def short_name(row: Indicator) -> str:
    """How the prose names an indicator when it lists them: its 简称, else - on the first row
    of a group - the group's label without its unit, else its name."""
    short = row.values.get(SHORT)
    if isinstance(short, str) and short:
        return short
    if row.starts_group and row.group:
        return header_key(row.group)
    return row.name


def _counted(row: Indicator) -> bool:
    """Whether the lists and counts of indicators include the row: numbered rows and the ﹟
    rows of a group do; a 其中 row details its parent."""
    return row.number is not None or row.group is not None


def unmet(table: IndicatorTable, views: list[Lookup], attribute: str | None) -> list[Lookup]:
    """The indicators whose status is 未完成 (of one 属性, when given), in table order; a
    Partial while a status or 属性 that decides it is still to fill in."""
    chosen: list[Lookup] = []
    gaps: list[Gap] = []
    for row, view in zip(table.rows, views, strict=True):
        if not _counted(row) or row.values.get(LISTED) is False:  # 列举: 否
            continue
        decisive = [view["状态"]] + ([row.values.get(ATTRIBUTE)] if attribute else [])
        found = [value for value in decisive if isinstance(value, Gap)]
        if found:
            gaps += found
        elif view["状态"] == NOT_DONE and (attribute is None or decisive[1] == attribute):
            chosen.append(view)
    return Partial(chosen, Gap(f"{table.name}·结果", gaps[0].ref, tuple(gaps))) if gaps else chosen


def by_category(table: IndicatorTable, views: list[Lookup], label: str) -> Lookup:
    """Each 类别's numbered indicators, in the order the prose lists them (列举序, else the
    table's): 目标.按类别.绿色发展|map(attribute="简称")|join("、")."""
    found: dict[str, list[tuple[Decimal, int, Lookup]]] = {}
    for index, (row, view) in enumerate(zip(table.rows, views, strict=True)):
        if row.number is None:
            continue
        order = row.values.get(ORDER)
        key = order if isinstance(order, Decimal) else Decimal(10**9)
        found.setdefault(row.category, []).append((key, index, view))
    return Lookup(f"{label}.按类别", ((category, [view for _, _, view in sorted(rows,
                                                                             key=lambda r: r[:2])])
                                     for category, rows in found.items()))


def indicator_rows(table: IndicatorTable, label: str, with_status: bool) -> Rows:
    counts = Lookup(f"{label}.指标数", [("合计", len(table.numbered()))])
    for row in table.numbered():
        counts[row.category] = counts.get(row.category, 0) + 1
    views = [indicator_view(row, label, with_status) for row in table.rows]
    extras: dict[str, Any] = {"指标数": counts, "按类别": by_category(table, views, label)}
    unavailable = {}
    if with_status:
        extras["未完成"] = unmet(table, views, None)
        for attribute in ATTRIBUTES:
            name = f"未完成{attribute}"
            if ATTRIBUTE in table.columns:
                extras[name] = unmet(table, views, attribute)
                extras.setdefault("属性数", Lookup(f"{label}.属性数"))[attribute] = sum(
                    1 for row in table.rows if _counted(row)
                    and row.values.get(ATTRIBUTE) == attribute)
            else:
                unavailable[name] = (_("sheet 「{name}」 has no 属性 column, so which "
                                       "indicators are 预期性 or 约束性 is not known")
                                       .format(name=table.name))
    return Rows(label, NAME, views, extras, unavailable=unavailable)


def record_rows(table: RecordTable, label: str, key: str, extras: Mapping[str, Any] | None = None
                ) -> Rows:
    """The rows of a table; a table with no rows yet is a list still to fill in."""
    views = [record_view(r, f"{label} 「{r.values.get(key)}」") for r in table.rows]
    gap = None if views else Gap(f"{table.name}清单", table.ref)
    return Rows(label, key, views, extras, gap=gap)


def project_rows(table: RecordTable) -> Rows:
    """A list of projects: its rows by 名称, and the sums the project-table 专栏 prints -
    ``合计`` of each column that adds up, and per ``按类别`` / ``按分组`` the rows of each
    类别 / 分组 with their ``合计`` (项目.重点项目.按类别.交通路网.合计.总投资, ``|length`` for
    how many)."""
    label = table.name
    measures = [c for c in table.columns if table.numeric(c)]

    def summary(rows: Sequence[Record], what: str) -> Rows:
        views = [record_view(r, f"{label} 「{r.values.get(PROJECT)}」") for r in rows]
        totals = Lookup(f"{what}.合计", column_totals(rows, measures, what, table.ref))
        return Rows(what, PROJECT, views, {"合计": totals})

    extras: dict[str, Any] = {
        "合计": Lookup(f"{label}.合计", column_totals(table.rows, measures, f"{label}合计",
                                                    table.ref))}
    for column, name in ((CATEGORY, "按类别"), (GROUP, "按分组")):
        if column not in table.columns:
            continue
        parts: dict[str, list[Record]] = {}
        for row in table.rows:
            value = row.values.get(column)
            if isinstance(value, str) and value:
                parts.setdefault(value, []).append(row)
        extras[name] = Lookup(f"{label}.{name}", ((part, summary(rows, f"{label}.{name}.{part}"))
                                                  for part, rows in parts.items()))
    return record_rows(table, label, PROJECT, extras)


def investment_view(table: RecordTable) -> Rows:
    views = []
    for kind in investment_types(table):
        view = Lookup(f"投资计划 「{kind.name}」", [("投资类型", kind.name)])
        view.update(kind.totals)
        for breakdown in kind.breakdowns:
            parts = [record_view(p, f"{kind.name}·{breakdown.name}") for p in breakdown.parts]
            view[breakdown.name] = Rows(f"{kind.name}·{breakdown.name}", PART, parts)
        views.append(view)
    return Rows("投资计划", INVEST_TYPE, views)


def major_projects_view(table: RecordTable) -> Rows:
    measures = [c for c in table.columns if c != INVEST_TYPE]
    totals = Lookup("重大项目.合计", column_totals(table.rows, measures, "重大项目合计", table.ref))
    return record_rows(table, "重大项目", INVEST_TYPE, {"合计": totals})


def _indicators(table: IndicatorTable | None, sheet: str, label: str,
                with_status: bool, unread: str | None = None) -> Rows | Absent:
    if table is None and unread is not None:
        return Absent(label, _("the sheet 「{sheet}」 of indicators.xlsx cannot be read: {unread}")
                               .format(sheet=sheet, unread=unread))
    if table is None:
        return Absent(label, _("indicators.xlsx has no sheet 「{sheet}」 (the sheet report.yaml's "
                               "数据 names for {label}, 「{sheet}」 when it names none)")
                               .format(sheet=sheet, label=label))
    return indicator_rows(table, label, with_status)


def build_context(data: YearData, box_numbers: Mapping[str, int]) -> dict[str, Any]:
    """The names every template of the year sees (the title is added once it is rendered)."""
    meta = data.meta
    return {
        "上年": meta.review_year,
        "本年": meta.plan_year,
        "地区": meta.region,
        "报告单位": meta.issuer,
        "会议": Lookup("会议", [("日期", meta.meeting_date), ("名称", meta.meeting_name),
                                ("简称", meta.meeting_short)]),
        "上年会议": Lookup("上年会议", [("简称", meta.previous_meeting),
                                        ("报告", meta.previous_report)]),
        "完成": _indicators(data.execution, meta.roles.execution, "完成", with_status=True,
                            unread=data.unread.get(("indicators", meta.roles.execution))),
        "目标": _indicators(data.plan, meta.roles.plan, "目标", with_status=False,
                            unread=data.unread.get(("indicators", meta.roles.plan))),
        "指标表": Lookup("指标表", ((name, indicator_rows(table, name, with_status=False))
                               for name, table in data.indicators.items())),
        "统计": record_rows(data.statistics, "统计", STAT),
        "重大项目": major_projects_view(data.major_projects),
        "投资计划": investment_view(data.investment),
        "项目": Lookup("项目", ((name, project_rows(t)) for name, t in data.projects.items()))
        if data.projects else Absent("项目", _("the year has no projects.xlsx (nor a folder "
                                             "projects/ of CSV files)")),
        "专栏编号": Lookup("专栏编号", box_numbers.items()),
    }
