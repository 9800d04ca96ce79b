"""The indicator-table 专栏 as a Word table: 类别 merged down, a group's 序号 and label merged
over its ﹟ rows, a two-level header."""

from __future__ import annotations

from decimal import Decimal

from lxml import etree

from helpers.model import indicator, table
from reportgen.report.boxes.grid import ColumnSpec
from reportgen.report.boxes.indicator_table import TableOptions, indicator_box

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
COLUMNS = TableOptions((ColumnSpec("计划目标", "计划目标"),
                        ColumnSpec("完成", children=(ColumnSpec("绝对值", "绝对值"),
                                                     ColumnSpec("增速", "增速", "pct")))))
DATA = table(
    indicator("地区生产总值增速", "7.5以上", "500.30", "3", starts_category=True, unit="%"),
    indicator("能耗“双控”目标", "完成市下达目标", "—", "—", number=2, group="能耗“双控”目标",
              starts_group=True, row=3),
    indicator("能耗总量", "≤100", "98", "—", number=None, group="能耗“双控”目标", row=4),
    indicator("单位GDP能耗", "≤0.5", "0.4", "—", number=None, group="能耗“双控”目标", row=5),
    indicator("森林覆盖率", "≥50", "52", "—", number=3, category="绿色发展",
              starts_category=True, row=6),
)


def grid() -> list[list[tuple[str, str | None, int]]]:
    """Each row's cells as (text, vMerge, gridSpan)."""
    xml = indicator_box(COLUMNS, "专栏3：", "主要指标完成情况", DATA, lambda text: text, [])
    root = etree.fromstring(f'<w:body xmlns:w="{W}">{xml}</w:body>')
    rows = []
    for tr in root.iter(f"{{{W}}}tr"):
        cells = []
        for tc in tr.findall(f"{{{W}}}tc"):
            merge = tc.find(f"{{{W}}}tcPr/{{{W}}}vMerge")
            span = tc.find(f"{{{W}}}tcPr/{{{W}}}gridSpan")
            cells.append(("".join(t.text or "" for t in tc.iter(f"{{{W}}}t")),
                          None if merge is None else merge.get(f"{{{W}}}val", "continue"),
                          int(span.get(f"{{{W}}}val")) if span is not None else 1))
        rows.append(cells)
    return rows


def test_title_and_a_two_level_header() -> None:
    rows = grid()
    assert rows[0] == [("专栏3：主要指标完成情况", None, 7)]  # 类别 序号 分组 名称 and 3
    assert [c[0] for c in rows[1]] == ["类别", "序号", "指  标  名  称", "计划目标", "完成"]
    assert rows[1][4][2] == 2 and [c[0] for c in rows[2][-2:]] == ["绝对值", "增速"]
    assert rows[1][0][1] == "restart" and rows[2][0][1] == "continue"


def test_a_category_is_merged_down_until_the_next_one() -> None:
    body = grid()[3:]
    assert [(row[0][0], row[0][1]) for row in body] == [
        ("发展综合质量效益", "restart"), ("", "continue"), ("", "continue"), ("", "continue"),
        ("绿色发展", "restart")]


def test_a_group_merges_its_number_and_label_over_its_sub_rows() -> None:
    body = grid()[3:]
    group = body[1:4]
    assert [row[1][:2] for row in group] == [("2", "restart"), ("", "continue"),
                                             ("", "continue")]
    assert [row[2][:2] for row in group] == [("能耗“双控”目标", "restart"), ("", "continue"),
                                             ("", "continue")]
    assert [row[3][0] for row in group] == ["﹟能耗“双控”目标", "﹟能耗总量", "﹟单位GDP能耗"]
    # outside a group the name spans the group label's column, and nothing is merged
    assert body[0][1] == ("1", None, 1) and body[0][2] == ("地区生产总值增速（%）", None, 2)


def test_values_print_through_their_filter() -> None:
    body = grid()[3:]
    assert [c[0] for c in body[0][-3:]] == ["7.5以上", "500.30", "3%"]


def grid_of(options: TableOptions, data=DATA) -> list[list[tuple[str, str | None, int]]]:
    xml = indicator_box(options, "专栏1：", "指标", data, lambda text: text, [])
    root = etree.fromstring(f'<w:body xmlns:w="{W}">{xml}</w:body>')
    return [[("".join(t.text or "" for t in tc.iter(f"{{{W}}}t")),
              None if (m := tc.find(f"{{{W}}}tcPr/{{{W}}}vMerge")) is None
              else m.get(f"{{{W}}}val", "continue"),
              int(s.get(f"{{{W}}}val")) if (s := tc.find(f"{{{W}}}tcPr/{{{W}}}gridSpan")) is not None
              else 1)
             for tc in tr.findall(f"{{{W}}}tc")] for tr in root.iter(f"{{{W}}}tr")]


def widths_of(options: TableOptions, data=DATA) -> list[int]:
    xml = indicator_box(options, "专栏1：", "指标", data, lambda text: text, [])
    root = etree.fromstring(f'<w:body xmlns:w="{W}">{xml}</w:body>')
    return [int(c.get(f"{{{W}}}w")) for c in root.iter(f"{{{W}}}gridCol")]


def test_a_category_may_be_a_row_across_the_table() -> None:
    rows = grid_of(TableOptions(COLUMNS.columns, categories="row"))
    assert [c[0] for c in rows[1]] == ["序号", "指  标  名  称", "计划目标", "完成"]
    body = rows[3:]
    assert body[0] == [("发展综合质量效益", None, 6)]  # across all six grid columns
    assert [row[0][0] for row in body[1:]] == ["1", "2", "", "", "绿色发展", "3"]


def test_without_categories_the_table_has_no_category_column() -> None:
    plain = table(indicator("甲", "1", "2", "3", starts_category=False, category=""),
                  indicator("乙", "1", "2", "3", number=2, category="", row=3))
    rows = grid_of(COLUMNS, plain)
    assert [c[0] for c in rows[1]] == ["序号", "指  标  名  称", "计划目标", "完成"]
    assert [[c[0] for c in row[:2]] for row in rows[3:]] == [["1", "甲"], ["2", "乙"]]
    assert sum(widths_of(COLUMNS, plain)) == 8844
    assert [c[0] for c in grid_of(TableOptions(COLUMNS.columns, categories="none"))[1]][:1] == [
        "序号"]


def test_header_labels_and_widths_come_from_the_definition() -> None:
    options = TableOptions(COLUMNS.columns, labels={"指标名称": "指标", "序号": "编号"},
                           widths={"指标名称": Decimal(50)})
    rows = grid_of(options)
    assert [c[0] for c in rows[1]][:3] == ["类别", "编号", "指标"]
    widths = widths_of(options)
    assert widths[3] == int(50 * 56.7) and sum(widths) == 8844


def test_a_value_column_given_a_width_keeps_it() -> None:
    columns = (ColumnSpec("计划目标", "计划目标", width=Decimal(40)), ColumnSpec("增速", "增速"))
    widths = widths_of(TableOptions(columns))
    assert widths[4] == int(40 * 56.7) and sum(widths) == 8844


def test_a_unit_column_takes_the_unit_out_of_the_name() -> None:
    options = TableOptions((ColumnSpec("单位", "单位"), ColumnSpec("计划目标", "计划目标")))
    body = grid_of(options)[2:]
    assert [c[0] for c in body[0]][2:5] == ["地区生产总值增速", "%", "7.5以上"]


def test_a_table_without_numbers_and_with_a_unit_column_of_its_own() -> None:
    """序号: 否 leaves the 序号 column out; a column that shows the 单位 takes it off the name;
    a cell left blank (nothing to fill in) prints blank, not —."""
    from reportgen.errors import Problems, SourceRef
    from reportgen.report.boxes.indicator_table import table_options

    problems = Problems()
    options = table_options({"列": [{"标题": "单位", "字段": "单位"},
                                    {"标题": "“十四五”目标", "字段": "十四五目标"}],
                             "序号": "否", "表头": {"指标名称": "指标"}},
                            SourceRef("boxes.yaml"), problems)
    assert not problems.items and not options.numbered
    data = table(indicator("地区生产总值", unit="亿元", starts_category=False, category="",
                           十四五目标="1200"),
                 indicator("失业率", unit="%", number=2, category="", row=3, 十四五目标=None),
                 columns=("十四五目标",), name="主要指标")
    rows = grid_of(options, data)
    assert [c[0] for c in rows[1]] == ["指标", "单位", "“十四五”目标"]
    assert [[c[0] for c in row] for row in rows[2:]] == [["地区生产总值", "亿元", "1200"],
                                                         ["失业率", "%", ""]]
    assert sum(widths_of(options, data)) == 8844


def test_the_number_column_choice_is_checked() -> None:
    from reportgen.errors import Problems, SourceRef
    from reportgen.report.boxes.indicator_table import table_options

    problems = Problems()
    table_options({"列": [{"标题": "目标", "字段": "计划目标"}], "序号": "没有"},
                  SourceRef("boxes.yaml"), problems)
    assert [p.message for p in problems.items] == ["序号 「没有」 must be 是 or 否"]
