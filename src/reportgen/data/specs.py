"""report.yaml and boxes.yaml -> the report's Meta and its 专栏 definitions, with the line of
every problem."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from reportgen.characters import forbidden_character
from reportgen.data.folder import RawYear
from reportgen.data.model import (
    TO_FILL,
    BoxSpec,
    ColumnSpec,
    Gap,
    IndicatorTable,
    Meta,
    RecordTable,
)
from reportgen.data.yamlfile import LineDict, line_ref
from reportgen.errors import Problems, SourceRef, did_you_mean

# --- report.yaml ----------------------------------------------------------------------------


def _is_blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and value.strip() in ("", *TO_FILL))


def meta(raw: RawYear, problems: Problems) -> Meta:
    report = raw.report
    ref = raw.report_ref
    if not isinstance(report, dict):
        problems.error(ref, "must be a mapping of 地区, 报告单位, 年份, 会议, 标题")
        report = LineDict()
        report.lines = {}

    def text(key: str, parent: Any = report, label: str | None = None) -> str | Gap:
        value = parent.get(key) if isinstance(parent, dict) else None
        where = line_ref(ref, parent, key)
        if _is_blank(value):
            if parent is report and key not in report:
                problems.error(ref, f"「{key}」 is missing")
                return ""
            return Gap(label or key, where)
        if not isinstance(value, (str, int)):
            problems.error(where, f"「{key}」 must be text")
            return ""
        bad = forbidden_character(str(value))
        if bad:
            problems.error(where, bad)
        return str(value).strip()

    years = report.get("年份")
    review_year = plan_year = 0
    if not isinstance(years, dict):
        problems.error(line_ref(ref, report, "年份"),
                       "「年份」 needs 上年 and 本年, e.g. 上年: 2020")
    else:
        for key in ("上年", "本年"):
            value = years.get(key)
            if not isinstance(value, int) or isinstance(value, bool):
                problems.error(line_ref(ref, years, key) if key in years else ref,
                               f"年份.{key} must be a year such as {raw.year - (key == '上年')}")
        if isinstance(years.get("本年"), int) and isinstance(years.get("上年"), int):
            plan_year, review_year = years["本年"], years["上年"]
            if plan_year != raw.year:
                problems.error(line_ref(ref, years, "本年"),
                               f"年份.本年 is {plan_year} but the folder is {raw.year}")
            if review_year != plan_year - 1:
                problems.error(line_ref(ref, years, "上年"),
                               f"年份.上年 should be {plan_year - 1}, the year before 本年")

    meeting = report.get("会议")
    if not isinstance(meeting, dict):
        problems.error(line_ref(ref, report, "会议"), "「会议」 needs 日期 and 名称")
        meeting = {}
    date_value = meeting.get("日期")
    meeting_date: dt.date | Gap
    if isinstance(date_value, dt.date):
        meeting_date = date_value
    elif _is_blank(date_value):
        meeting_date = Gap("会议日期", line_ref(ref, meeting, "日期"))
    else:
        problems.error(line_ref(ref, meeting, "日期"),
                       f"会议.日期 「{date_value}」 is not a date; write it as 2021-03-10")
        meeting_date = Gap("会议日期", ref)
    region = text("地区")
    issuer = text("报告单位")
    title = text("标题")
    return Meta(
        region=str(region), issuer=str(issuer), meeting_date=meeting_date,
        meeting_name=text("名称", meeting, "会议名称"), review_year=review_year,
        plan_year=plan_year, title=str(title), ref=ref,
    )


# --- boxes.yaml -----------------------------------------------------------------------------


def column_specs(items: Any, ref: SourceRef, problems: Problems) -> tuple[ColumnSpec, ...]:
    if not isinstance(items, list) or not items:
        problems.error(ref, "「列」 must list the value columns, each with 标题 and 字段")
        return ()
    specs = []
    for item in items:
        where = line_ref(ref, item, "标题")
        if not isinstance(item, dict) or "标题" not in item:
            problems.error(where, "each column needs a 标题")
            continue
        children = column_specs(item["子列"], where, problems) if "子列" in item else ()
        field = item.get("字段")
        if not children and not field:
            problems.error(where, f"column 「{item['标题']}」 needs a 字段 (or 子列)")
        specs.append(ColumnSpec(str(item["标题"]), field, item.get("格式"), children))
    return tuple(specs)


def box_specs(raw: RawYear, problems: Problems) -> dict[str, BoxSpec]:
    boxes = raw.boxes
    ref = raw.boxes_ref
    if boxes is None:
        return {}
    if not isinstance(boxes, dict):
        problems.error(ref, "must map each 专栏's name to its 标题 and 清单 or 指标表")
        return {}
    specs = {}
    for key, spec in boxes.items():
        where = line_ref(ref, boxes, key)
        if not isinstance(spec, dict) or not isinstance(spec.get("标题"), str):
            problems.error(where, f"专栏 「{key}」 needs a 标题")
            continue
        if ("清单" in spec) == ("指标表" in spec):
            problems.error(where, f"专栏 「{key}」 needs exactly one of 清单 (a sheet of "
                           "projects.xlsx) or 指标表 (a sheet of indicators.xlsx)")
            continue
        params = spec.get("参数") or {}
        if not isinstance(params, dict):
            problems.error(where, f"专栏 「{key}」: 参数 must be a mapping")
            params = {}
        if "清单" in spec:
            if not spec.get("模板"):
                problems.error(where, f"专栏 「{key}」 needs a 模板 (a file in templates/专栏/)")
            specs[key] = BoxSpec(str(key), spec["标题"], "list", str(spec["清单"]),
                                 spec.get("模板"), params, (), where)
        else:
            columns = column_specs(spec.get("列"), where, problems)
            specs[key] = BoxSpec(str(key), spec["标题"], "table", str(spec["指标表"]),
                                 None, params, columns, where)
    return specs


def check_box_sources(boxes: Mapping[str, BoxSpec], indicators: Mapping[str, IndicatorTable],
                      projects: Mapping[str, RecordTable], problems: Problems) -> None:
    from reportgen.templating.numfmt import FILTERS

    for box in boxes.values():
        if box.kind == "list" and box.source not in projects:
            problems.error(box.ref, f"专栏 「{box.key}」: projects.xlsx has no sheet "
                           f"「{box.source}」" + did_you_mean(box.source, list(projects)))
        if box.kind == "table":
            table = indicators.get(box.source)
            if table is None:
                problems.error(box.ref, f"专栏 「{box.key}」: indicators.xlsx has no sheet "
                               f"「{box.source}」" + did_you_mean(box.source, list(indicators)))
                continue
            for leaf in (leaf for c in box.columns for leaf in c.leaves()):
                if leaf.field and leaf.field not in table.columns:
                    problems.error(box.ref, f"专栏 「{box.key}」: column 「{leaf.title}」 reads "
                                   f"字段 「{leaf.field}」, which sheet 「{box.source}」 does not "
                                   f"have" + did_you_mean(leaf.field, list(table.columns)))
                if leaf.fmt and leaf.fmt not in FILTERS:
                    problems.error(box.ref, f"专栏 「{box.key}」: 格式 「{leaf.fmt}」 is not a "
                                   f"filter" + did_you_mean(leaf.fmt, list(FILTERS)))
