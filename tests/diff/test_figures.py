"""Figures are atoms of a comparison: found with their units, never split by a change, and listed
with the label of what they count."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from helpers.edits import txt_side
from reportgen.diff import align
from reportgen.diff.changed import FigureChange
from reportgen.diff.changes import compare
from reportgen.diff.figures import Found, atomic, figures, skeleton
from reportgen.diff.normalise import Side
from reportgen.word.text import Piece


@pytest.mark.parametrize(("text", "found"), [
    ("增长3.2%", [("3.2%", "")]),
    ("清理淤泥150余万平方米、11.2万吨", [("150", "余万平方米"), ("11.2", "万吨")]),
    ("提高1.5个百分点", [("1.5", "个百分点")]),
    ("-9.5%", [("-9.5%", "")]),
    ("6-6.5", [("6", ""), ("6.5", "")]),  # a range, not a negative number
    ("２０２０年３月", [("２０２０", "年"), ("３", "月")]),
    ("接待游客627.4万人次", [("627.4", "万人次")]),
    ("5G基站", [("5", "")]),
    ("指标名称", []),
])
def test_figures_are_numbers_with_their_units(text: str, found: list[tuple[str, str]]) -> None:
    assert [(text[f.start:f.number_end], text[f.number_end:f.end])
            for f in figures(text)] == found


def changes_of(a: str, b: str) -> list[tuple[str, str]]:
    ops = atomic(align.diff(a, b), a, b)
    out, deleted, inserted = [], "", ""
    for op, text in [*ops, (0, "")]:
        if op < 0:
            deleted = text
        elif op > 0:
            inserted = text
        elif deleted or inserted:
            out.append((deleted, inserted))
            deleted = inserted = ""
    return out


@pytest.mark.parametrize(("a", "b", "expected"), [
    ("清理淤泥150万平方米", "清理淤泥160万平方米", [("150", "160")]),
    ("实现540.50亿元", "实现500.30亿元", [("540.50", "500.30")]),
    ("增长3%，", "增长8.1%，", [("3%", "8.1%")]),
    ("完成10个", "完成100个", [("10", "100")]),
    ("下降3.5%", "下降3.25%", [("3.5%", "3.25%")]),
    ("为-9.5%", "为9.5%", [("-9.5%", "9.5%")]),
    # a change inside the unit takes the whole figure
    ("投资150万元", "投资150亿元", [("150万元", "150亿元")]),
    ("150万平方米", "150余万平方米", [("150万平方米", "150余万平方米")]),
    # figures apart stay apart; text between them stays equal
    ("分别为1.5、2.5", "分别为1.6、2.6", [("1.5", "1.6"), ("2.5", "2.6")]),
    # a word changed next to a figure does not take the figure
    ("实现工业增加值163.41亿元", "完成工业增加值163.41亿元", [("实现", "完成")]),
])
def test_changes_cover_whole_figures(a: str, b: str, expected: list[tuple[str, str]]) -> None:
    assert changes_of(a, b) == expected


def inside(found: Found, position: int) -> bool:
    """Whether a change may not start or end at ``position``: inside a number or a unit."""
    return any(f.start < position < f.end and position != f.number_end for f in found.items)


@settings(max_examples=1000)
@given(st.text(alphabet="0123.%万元个百分点增长，。", max_size=30),
       st.text(alphabet="0123.%万元个百分点增长，。", max_size=30))
@example("3.23", "2%3")  # a widened change that meets an insertion: both sides end with it
def test_no_change_ever_splits_a_figure(a: str, b: str) -> None:
    ops = atomic(align.diff(a, b), a, b)
    assert ("".join(t for op, t in ops if op <= 0), "".join(t for op, t in ops if op >= 0)) == (a, b)
    found_a, found_b = Found.of_text(a), Found.of_text(b)
    ia = ib = 0
    for op, text in ops:
        if op == align.EQUAL:
            ia, ib = ia + len(text), ib + len(text)
            continue
        # each change's edges, on both sides, sit between figures or between number and unit
        assert not inside(found_a, ia) and not inside(found_b, ib)
        if op == align.DELETE:
            ia += len(text)
        else:
            ib += len(text)
        assert not inside(found_a, ia) and not inside(found_b, ib)


def test_figures_end_where_a_piece_ends() -> None:
    """Table cells read as lines: 500.30 and 3% are two figures, though compared joined."""
    side = txt_side(["\t500.30", "\t3%"])
    assert side.text == "500.303%"
    assert [(f.start, f.number_end, f.end) for f in Found.of_side(side).items] == [
        (0, 6, 6), (6, 8, 8)]


@pytest.mark.parametrize(("a", "b", "listed"), [
    (["有序有效开展灾后重建，清理淤泥150余万平方米、11.2万吨"],
     ["有序有效开展灾后重建，清理淤泥160余万平方米、11.2万吨"],
     ["清理淤泥 150 → 160 余万平方米"]),
    (["全年实现地区生产总值500.30亿元、增长3%，"], ["全年实现地区生产总值512.37亿元、增长8.1%，"],
     ["全年实现地区生产总值 500.30 → 512.37 亿元", "全年实现地区生产总值增长 3% → 8.1%"]),
    (["投资150万元。"], ["投资150亿元。"], ["投资 150万元 → 150亿元"]),
    # a table cell, one line each as in the official text: named by the row's name
    (["\t1", "\t地区生产总值增速（%）", "\t7.5以上", "\t500.30", "\t3%"],
     ["\t1", "\t地区生产总值增速（%）", "\t7.5以上", "\t500.31", "\t3%"],
     ["地区生产总值增速（%） 500.30 → 500.31"]),
    # a result emptied out: the figure stands alone
    (["\t地区生产总值增速（%）", "\t3%"], ["\t地区生产总值增速（%）", "\t"],
     ["地区生产总值增速（%） 3% → —"]),
    # a sentence rewritten around its figures: no figure is said to have changed
    (["新建5G基站300个。"], ["累计建成公园12个、绿道8公里。"], []),
])
def test_the_figures_changed_and_their_labels(a: list[str], b: list[str],
                                              listed: list[str]) -> None:
    comparison = compare(txt_side(a, "a"), txt_side(b, "b"))
    assert [str(figure) for _, figure in comparison.figures] == listed


def test_a_table_cell_of_a_docx_is_named_by_its_row() -> None:
    def side(value: str) -> Side:
        cells = ["1", "地区生产总值增速（%）", "7.5以上", value, "3%"]
        return Side("x", "x", [Piece("甲。", 1)] + [
            Piece(text, 2 + n, table=1, row=4, cell=n + 1) for n, text in enumerate(cells)],
            txt_side([""]).rules, False)

    comparison = compare(side("500.30"), side("512.37"))
    assert [str(f) for _, f in comparison.figures] == ["地区生产总值增速（%） 500.30 → 512.37"]


@pytest.mark.parametrize(("figure", "shown", "numbers"), [
    (FigureChange("清理淤泥", "150余万平方米", "160余万平方米"), "清理淤泥 150 → 160 余万平方米",
     ("150", "160")),
    (FigureChange("", "3%", "8.1%"), "3% → 8.1%", ("3%", "8.1%")),
    (FigureChange("投资", "150万元", "150亿元"), "投资 150万元 → 150亿元", ("150", "150")),
    (FigureChange("增速", "", "3%"), "增速 — → 3%", (None, "3%")),
])
def test_a_figure_changed_reads_as_from_to(figure: FigureChange, shown: str,
                                           numbers: tuple[str | None, str | None]) -> None:
    assert str(figure) == shown
    assert figure.numbers == numbers


def test_skeleton_leaves_the_words() -> None:
    assert skeleton("一、2020年国民经济和社会发展计划执行情况") == "一、#国民经济和社会发展计划执行情况"
