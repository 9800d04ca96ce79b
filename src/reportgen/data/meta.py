"""report.yaml -> the report's Meta (region, issuer, years, meeting, title and the lines under
it), with the line of every problem."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from reportgen.characters import forbidden_character, too_long
from reportgen.data.folder import RawYear
from reportgen.data.model import (
    BOX_LABEL,
    CAPTION,
    SALUTATION,
    SIGNATURE,
    TO_FILL,
    Gap,
    Meta,
    Roles,
)
from reportgen.data.yamlfile import LineDict, line_ref
from reportgen.errors import Problems, SourceRef
from reportgen.i18n import _


def _is_blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and value.strip() in ("", *TO_FILL))


def meta(raw: RawYear, problems: Problems) -> Meta:
    return meta_of(raw.report, raw.report_ref, raw.year, problems)


def meta_of(report: Any, ref: SourceRef, year: int, problems: Problems) -> Meta:
    """The Meta of a report.yaml read as ``report``, in the folder of ``year``."""
    if not isinstance(report, dict):
        problems.error(ref, _("must be a mapping of 地区, 报告单位, 年份, 会议, 标题"))
        report = LineDict()
        report.lines = {}

    def text(key: str, parent: Any = report, label: str | None = None) -> str | Gap:
        value = parent.get(key) if isinstance(parent, dict) else None
        where = line_ref(ref, parent, key)
        if _is_blank(value):
            if parent is report and key not in report:
                problems.error(ref, _("「{key}」 is missing").format(key=key))
                return ""
            return Gap(label or key, where)
        if not isinstance(value, (str, int)):
            problems.error(where, _("「{key}」 must be text").format(key=key))
            return ""
        bad = forbidden_character(str(value)) or too_long(str(value))
        if bad:
            problems.error(where, bad)
        return str(value).strip()

    years = report.get("年份")
    review_year = plan_year = 0
    if not isinstance(years, dict):
        problems.error(line_ref(ref, report, "年份"),
                       _("「年份」 needs 上年 and 本年, e.g. 上年: 2020"))
    else:
        for key in ("上年", "本年"):
            value = years.get(key)
            if _year(value) is None:
                problems.error(line_ref(ref, years, key) if key in years else ref,
                               _("年份.{key} must be a year such as {example}")
                               .format(key=key, example=year - (key == '上年')))
        plan, review = _year(years.get("本年")), _year(years.get("上年"))
        if plan is not None and review is not None:
            plan_year, review_year = plan, review
            if plan_year != year:
                problems.error(line_ref(ref, years, "本年"),
                               _("年份.本年 is {plan_year} but the folder is {year}")
                                 .format(plan_year=plan_year, year=year))
            if review_year != plan_year - 1:
                problems.error(line_ref(ref, years, "上年"),
                               _("年份.上年 should be {plan_year}, the year before 本年")
                                 .format(plan_year=plan_year - 1))

    meeting = report.get("会议")
    if not isinstance(meeting, dict):
        problems.error(line_ref(ref, report, "会议"), _("「会议」 needs 日期 and 名称"))
        meeting = {}
    date_value = meeting.get("日期")
    meeting_date: dt.date | Gap
    if (day := _date(date_value)) is not None:
        meeting_date = day
    elif _is_blank(date_value):
        meeting_date = Gap("会议日期", line_ref(ref, meeting, "日期"))
    else:
        problems.error(line_ref(ref, meeting, "日期"),
                       _("会议.日期 「{date_value}」 is not a date; write it as 2021-03-10")
                         .format(date_value=date_value))
        meeting_date = Gap("会议日期", ref)
    region = text("地区")
    issuer = text("报告单位")
    title = text("标题")
    previous = report.get("上年会议")
    if previous is not None and not isinstance(previous, dict):
        problems.error(line_ref(ref, report, "上年会议"),
                       _("「上年会议」 needs 简称 and 报告 (the meeting that approved last year's "
                         "plan, and that report's title)"))
        previous = {}
    previous = previous if isinstance(previous, dict) else {}
    roles = _roles(report.get("数据"), line_ref(ref, report, "数据"), problems)
    return Meta(
        region=region, issuer=issuer, meeting_date=meeting_date,
        meeting_name=text("名称", meeting, "会议名称"), review_year=review_year,
        plan_year=plan_year, title=str(title), ref=ref,
        meeting_short=text("简称", meeting, "会议简称"),
        previous_meeting=text("简称", previous, "上年会议简称")
        if previous else Gap("上年会议简称", ref),
        previous_report=text("报告", previous, "上年报告标题")
        if previous else Gap("上年报告标题", ref),
        roles=roles,
        caption=_line(report, ref, "题注", CAPTION, problems),
        signature=_line(report, ref, "署名", SIGNATURE, problems),
        salutation=_line(report, ref, "称谓", SALUTATION, problems),
        box_label=_box_label(report, ref, problems),
    )


def _box_label(report: Any, ref: SourceRef, problems: Problems) -> str:
    """专栏编号: what a 专栏's title opens with, a template of its 编号, kept as written (its
    space after the number is what the report prints)."""
    value = report.get("专栏编号", BOX_LABEL)
    where = line_ref(ref, report, "专栏编号")
    if not isinstance(value, str) or "编号" not in value:
        problems.error(where, _("「专栏编号」 must be text that prints the 专栏's number, such "
                                "as 「{label}」, 「专栏{{{{ 编号 }}}} 」 or "
                                "「专栏{{{{ 编号|cn }}}}：」")
                       .format(label=BOX_LABEL))
        return BOX_LABEL
    bad = forbidden_character(value)
    if bad:
        problems.error(where, bad)
        return BOX_LABEL
    return value


def _line(report: Any, ref: SourceRef, key: str, default: str,
          problems: Problems) -> str | None:
    """A line of the title block (题注, 署名, 称谓) as a template: ``default`` where report.yaml
    does not write it, None where it writes it empty (the report has no such line)."""
    if key not in report:
        return default
    value = report[key]
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    where = line_ref(ref, report, key)
    if not isinstance(value, str):
        problems.error(where, _("「{key}」 must be text (a template such as 「{default}」), or "
                                "empty for none").format(key=key, default=default))
        return default
    bad = forbidden_character(value) or too_long(value)
    if bad:
        problems.error(where, bad)
    return value.strip()


def _year(value: Any) -> int | None:
    """A year as YAML gives it: 2021, or quoted, "2021"."""
    if isinstance(value, str) and re.fullmatch(r"\s*[0-9]{4}\s*", value):
        return int(value)
    if isinstance(value, int) and not isinstance(value, bool):  # YAML reads yes as True
        return value
    return None


def _date(value: Any) -> dt.date | None:
    """A date as YAML gives it: 2021-03-10, or quoted, "2021-03-10"."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and re.fullmatch(r"\s*[0-9]{4}-[0-9]{2}-[0-9]{2}\s*", value):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            return None
    return None


def _roles(spec: Any, where: SourceRef, problems: Problems) -> Roles:
    """report.yaml's 数据: which sheets play which part; today's names where it says nothing.

        数据:
          完成情况: 完成情况              # indicators.xlsx: last year's results and targets
          计划目标: 计划目标              # indicators.xlsx: this year's targets
          比较: 增速                      # the result every target judges (default: per row)
          结转:                           # draft: lists of last year's plan to report on
            上年民心工程: 本年民心工程
            上年完工项目: 政府投资重点项目·完工项目   # only the rows of 分组 完工项目
    """
    if spec is None:
        return Roles()
    if not isinstance(spec, dict):
        problems.error(where, _("「数据」 maps 完成情况, 计划目标, 比较 and 结转 to sheets"))
        return Roles()
    known = ("完成情况", "计划目标", "比较", "结转")
    for key in spec:
        if key not in known:
            problems.error(line_ref(where, spec, key), _("数据 has no 「{key}」; it knows ")
                                                         .format(key=key)
                           + "、".join(known))
    defaults = Roles()
    names = {}
    for key, default in (("完成情况", defaults.execution), ("计划目标", defaults.plan)):
        value = spec.get(key, default)
        if not isinstance(value, str) or not value.strip():
            problems.error(line_ref(where, spec, key), _("数据.{key} names a sheet of "
                           "indicators.xlsx").format(key=key))
            value = default
        names[key] = value.strip()
    compared = spec.get("比较")
    if compared is not None and compared not in ("绝对值", "增速"):
        problems.error(line_ref(where, spec, "比较"),
                       _("数据.比较 「{compared}」 must be 绝对值 or 增速")
                       .format(compared=compared))
        compared = None
    carried = defaults.carried
    lists = spec.get("结转")
    if lists is not None:
        if not isinstance(lists, dict):
            problems.error(line_ref(where, spec, "结转"), _("数据.结转 maps each new list to the "
                           "list of last year's plan it comes from (清单 or 清单·分组)"))
        else:
            carried = tuple((str(new), *_source(str(old))) for new, old in lists.items())
    return Roles(names["完成情况"], names["计划目标"], compared, carried)


def _source(text: str) -> tuple[str, str | None]:
    sheet, _dot, group = text.partition("·")
    return sheet.strip(), group.strip() or None
