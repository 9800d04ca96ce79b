"""The prose's figures into the data, once: bound to the value of the indicator its words name
where a filter prints it exactly, a count or sum the 专栏 give, a headline indicator lifted into
统计 with its text kept; every other figure typed."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers.project import copy_project
from reportgen.errors import Problems
from reportgen.importer.figures import Binder, Tally, core_names, reference
from reportgen.importer.outline import Line
from reportgen.importer.recognise import recognise
from reportgen.importer.source import read_source
from reportgen.importer.verify import raw_year, settle
from reportgen.project import Project
from reportgen.report import year as years

HEAD = ("关于甲区2020年国民经济和社会发展计划执行情况及2021年计划草案的报告\n"
        "——2021年1月5日在甲区第一届人民代表大会第二次会议上\n甲区发展和改革委员会\n各位代表：\n")
TABLES = ("专栏1：2020年主要指标完成情况\n" + "".join(f"\t{c}\n" for c in (
    "类别", "序号", "指标名称", "2020年计划目标", "2020年完成")) + "\n"
    + "".join(f"\t{c}\n" for c in ("", "", "", "", "绝对值", "增速")) + "\n"
    + "".join(f"\t{c}\n" for c in ("经济", "1", "地区生产总值增速（%）", "6", "210.50", "3%")) + "\n"
    + "".join(f"\t{c}\n" for c in ("", "2", "森林覆盖率（%）", "50", "48.8", "—")) + "\n"
    + "".join(f"\t{c}\n" for c in ("", "3", "空气质量优良天数（天）", "≥300", "339", "—")) + "\n\n"
    + "专栏2：2021年主要指标计划\n" + "".join(f"\t{c}\n" for c in (
        "类别", "序号", "指标名称", "2021年计划目标", "备注")) + "\n"
    + "".join(f"\t{c}\n" for c in ("经济", "1", "地区生产总值增速（%）", "7", "预期性")) + "\n"
    + "".join(f"\t{c}\n" for c in ("", "2", "空气质量优良天数（天）", "≥320", "约束性")) + "\n"
    + "".join(f"\t{c}\n" for c in ("绿色", "3", "森林覆盖率（%）", "50%", "约束性")) + "\n\n"
    + "专栏3：2021年民心工程\n1．甲工程。\n2．乙工程。\n")


def bound(tmp_path: Path, body: str) -> tuple[str, Tally, object]:
    """The narrative's body after binding (the lines, typed back where they do not print as
    they stood), the tally and the year."""
    project = Project.at(copy_project(tmp_path / "p", years=()))
    path = tmp_path / "r.txt"
    path.write_text(HEAD + body, encoding="utf-8")
    imported, front = recognise(project, read_source(path), "r.txt", None)
    data = years.collect(raw_year(project, imported), Problems(), project)
    tally = Binder(imported, data).bind()
    assert settle(project, imported, front) == []
    text = "\n".join(u.markup(imported.years) for u in imported.units if isinstance(u, Line))
    return text, tally, imported


def test_figures_the_tables_give_are_their_cells(tmp_path: Path) -> None:
    text, tally, _ = bound(tmp_path, "一、执行情况\n全年实现地区生产总值210.50亿元、增长3%，森林覆盖率提高到"
                                     "48.8%，空气质量优良天数达339天。\n" + TABLES
                           + "二、计划\n提出地区生产总值增长7%，空气质量优良天数稳定在320天以上，"
                             "实施好12项民生实事和2项民心工程，设置指标3个，其中体现绿色的指标1个。\n")
    assert ("全年实现地区生产总值{{ 完成.地区生产总值增速.绝对值 }}亿元、"
            "{{ 完成.地区生产总值增速.增速|growth }}，森林覆盖率提高到{{ 完成.森林覆盖率.绝对值|pct }}，"
            "空气质量优良天数达{{ 完成.空气质量优良天数.绝对值 }}天。") in text
    assert ("提出地区生产总值{{ 目标.地区生产总值增速.计划目标|growth }}，空气质量优良天数稳定在"
            "{{ 目标.空气质量优良天数.计划目标|amount(\"天\") }}，实施好12项民生实事和"
            "{{ 项目.民心工程|length }}项民心工程，设置指标{{ 目标.指标数.合计 }}个，其中体现绿色的指标"
            "{{ 目标.指标数.绿色 }}个。") in text
    assert (tally.bound, tally.lifted, tally.typed) == (9, 0, 1)


def test_headline_indicators_are_lifted_with_their_text(tmp_path: Path) -> None:
    text, tally, imported = bound(tmp_path, "一、执行情况\n规模以上工业增加值增长6.0％，一般公共预算收入"
                                            "15.3亿元、增长-4%，进出口总额8.2亿元，同比下降3.5%。"
                                            "全年规模以上工业增加值增长6.0％，而进出口总额9亿元、增长1%。\n")
    assert ("规模以上工业增加值{{ 统计.规模以上工业增加值.增速|growth|replace(\"%\", \"％\") }}，"
            "一般公共预算收入{{ 统计.一般公共预算收入.数值 }}亿元、增长{{ 统计.一般公共预算收入.增速 }}%，"
            "进出口总额{{ 统计.进出口总额.数值 }}亿元，同比{{ 统计.进出口总额.增速|growth }}。") in text
    # the same figure again quotes the same cell; another of the same name stays typed
    assert ("全年规模以上工业增加值{{ 统计.规模以上工业增加值.增速|growth|replace(\"%\", \"％\") }}，"
            "而进出口总额9亿元、增长1%。") in text
    stats = {s.name: (s.value, s.unit, s.growth) for s in imported.used_statistics()}
    assert stats == {"规模以上工业增加值": ("—", "", "6.0%"), "一般公共预算收入": ("15.3", "亿元", "-4%"),
                     "进出口总额": ("8.2", "亿元", "-3.5%")}
    assert tally.lifted == 6 and tally.typed == 2


def test_a_qualified_name_and_a_target_are_not_lifted(tmp_path: Path) -> None:
    """Words before a headline name that are not the place or a verb name another indicator;
    a figure of the plan's part, or of a sentence about a target, is a target: all typed. A
    space between a figure and its unit stays as it stood."""
    text, tally, imported = bound(tmp_path, "一、执行情况\n全区地区生产总值完成78亿元，增长7%；"
                                            "农村牧区常住居民人均可支配收入14394元，增长10%；500万元以上"
                                            "固定资产投资完成75亿元，增长63%；城镇居民人均可支配收入"
                                            "32740 元，增长7%。\n"
                                            "年度预期目标是一般公共预算收入增长5%。\n"
                                            "二、2021年计划\n地区生产总值增长6%，进出口总额增长8%左右。\n")
    assert "全区地区生产总值完成{{ 统计.地区生产总值.数值 }}亿元" in text
    assert "农村牧区常住居民人均可支配收入14394元，增长10%" in text
    assert "500万元以上固定资产投资完成75亿元，增长63%" in text
    assert "城镇居民人均可支配收入{{ 统计.城镇居民人均可支配收入.数值 }} 元" in text
    assert "年度预期目标是一般公共预算收入增长5%" in text
    assert "二、{{ 本年 }}年计划" in text and "地区生产总值增长6%，进出口总额增长8%左右" in text
    assert {s.name for s in imported.used_statistics()} == {"地区生产总值", "城镇居民人均可支配收入"}
    assert tally.lifted == 4


def test_last_years_meeting_and_report_by_name(tmp_path: Path) -> None:
    text, tally, imported = bound(tmp_path, "一、执行情况\n区一届人大一次会议批准的《关于甲区2019年计划"
                                            "执行情况与2020年计划草案的报告》确定的主要指标总体完成。\n")
    assert "{{ 上年会议.简称 }}批准的《{{ 上年会议.报告 }}》" in text and tally.names == 1
    assert imported.report["上年会议"] == {"简称": "区一届人大一次会议",
                                         "报告": "关于甲区2019年计划执行情况与2020年计划草案的报告"}


@pytest.mark.parametrize("body", [
    "3月14日全区清零，2020年完成G210改造和5G基站建设，“6·22”洪灾后第3次会议召开。",
    "全区生产总值增长3%，旅游收入10亿元。",  # no table, no headline name: typed
])
def test_dates_years_names_and_unnamed_figures_stay_typed(tmp_path: Path, body: str) -> None:
    text, tally, _ = bound(tmp_path, "一、执行情况\n" + body + "\n")
    assert "统计" not in text and "完成." not in text and tally.bound == tally.lifted == 0


def test_names_and_references() -> None:
    assert core_names("地区生产总值增速") == ("地区生产总值", "地区生产总值增速")
    assert core_names("其中：税收收入增速") == ("税收收入", "税收收入增速")
    assert reference("完成", "R&D经费支出占地区生产总值比重", "绝对值") == \
        '完成["R&D经费支出占地区生产总值比重"].绝对值'
