"""Published precision: a figure with more decimals than a report prints is a warning at its cell."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from helpers.sheets import set_cell
from reportgen.checks.precision import MAX_DECIMALS, precision
from reportgen.data.folder import RawYear
from reportgen.data.sheets import Cell, Row, Table
from reportgen.errors import Problems, SourceRef
from reportgen.project import Project
from reportgen.report import year

SHEET = SourceRef("data/2021/statistics.xlsx", "统计")
ADVICE = ("has more decimals than a report prints; give the cell a number format with the "
          "published decimals (0.00)")


def raw_year(*texts: str, workbook: str = "statistics") -> RawYear:
    """A year whose one sheet has a 数值 column holding ``texts``, one a row."""
    rows = [Row(SHEET.at(row=n), {"数值": Cell(text, SHEET.at(row=n, column=2, column_name="数值"))})
            for n, text in enumerate(texts, start=2)]
    table = Table("统计", SHEET, ["数值"], {"数值": SHEET.at(row=1, column=2)}, rows)
    return RawYear(2021, Path("."), {}, SourceRef("r"), {}, SourceRef("b"), "", SourceRef("n"),
                   {workbook: {"统计": table}}, {workbook: SourceRef(SHEET.file)})


def warnings(raw: RawYear) -> list[str]:
    problems = Problems()
    precision(raw, problems)
    assert problems.errors == []
    return [str(p) for p in problems.items]


@pytest.mark.parametrize(("text", "warned"), [
    ("0.30000000000000004", True),  # a computed value left at General
    ("627.41237", True),
    ("-0.00001", True),
    ("3.12345%", True),  # a percent cell is judged on its number
    ("1.23450", True),  # trailing zeros are decimals a report would print
    ("627.4124", False),  # four decimals are as many as a report has
    ("500.30", False),
    ("9.5%", False),
    ("12345", False),
    ("", False),
    ("—", False),
    ("待填", False),
    ("Ⅲ类", False),
    ("1E-7", False),  # not a plain number
    ("1,234.56789", False),
])
def test_a_number_with_more_than_four_decimals_warns(text: str, warned: bool) -> None:
    expected = [f"[warning] data/2021/statistics.xlsx[统计]!B2（数值）: 「{text}」 {ADVICE}"]
    assert warnings(raw_year(text)) == (expected if warned else [])


def test_every_cell_of_every_workbook_is_looked_at() -> None:
    raw = raw_year("1.5", "2.123456", "3", "4.0000001")
    raw.workbooks["indicators"] = raw_year("0.333333", workbook="indicators").workbooks[
        "indicators"]
    assert warnings(raw) == [
        f"[warning] data/2021/statistics.xlsx[统计]!B3（数值）: 「2.123456」 {ADVICE}",
        f"[warning] data/2021/statistics.xlsx[统计]!B5（数值）: 「4.0000001」 {ADVICE}",
        f"[warning] data/2021/statistics.xlsx[统计]!B2（数值）: 「0.333333」 {ADVICE}",
    ]


@given(st.integers(min_value=0, max_value=10**6), st.integers(min_value=0, max_value=8))
def test_the_bound_is_the_number_of_decimals(whole: int, decimals: int) -> None:
    text = f"{whole}." + "1" * decimals if decimals else str(whole)
    assert len(warnings(raw_year(text))) == (1 if decimals > MAX_DECIMALS else 0)


def test_a_workbook_cell_is_named_as_excel_shows_it(project: Path) -> None:
    book = project / "data" / "2021" / "indicators.xlsx"
    set_cell(book, "完成情况", "指标名称", "地区生产总值增速", "增速", 0.0312345, "0.00000%")
    set_cell(book, "完成情况", "指标名称", "工业增加值增速", "增速", 0.032, "0.0%")
    set_cell(book, "完成情况", "指标名称", "工业增加值增速", "绝对值", 163.412391, "General")
    # shown as 163.41, but the cell holds more: the figure is never cut silently
    set_cell(book, "完成情况", "指标名称", "数字经济增加值增速", "绝对值", 163.412391, "0.00")
    assert warnings(year.read(Project.at(project), 2021)) == [
        f"[warning] data/2021/indicators.xlsx[完成情况]!H2（增速）: 「3.12345%」 {ADVICE}",
        f"[warning] data/2021/indicators.xlsx[完成情况]!G3（绝对值）: 「163.412391」 {ADVICE}",
        f"[warning] data/2021/indicators.xlsx[完成情况]!G4（绝对值）: 「163.412391」 {ADVICE}",
    ]
