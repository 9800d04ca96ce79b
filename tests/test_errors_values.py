"""Only values are values: an Excel error value (#N/A …), a formula saved without its result or a
number written in words is refused with its cell wherever it is - in a value column, a layout
column, a header, beside the table, alone in a row - and a merged cell's value is read in every
row it covers."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest

from helpers.failures import assert_refused, files
from helpers.project import Cli

Y = Path("data/2021")
ERROR = "holds the Excel error 「{}」, not a value; correct the formula or type the value"
UNSAVED = ("holds a formula whose result was not saved (the program that wrote the file does "
           "not calculate); open and save it in Excel or WPS, or type the value")


def cell(book: str, sheet: str, coordinate: str, value: object) -> Callable[[Path], None]:
    """Write ``value`` into a cell as another program would (a formula with no result saved;
    an error value as Excel stores it)."""
    def apply(root: Path) -> None:
        workbook = openpyxl.load_workbook(root / Y / book)
        workbook[sheet][coordinate].value = value
        workbook.save(root / Y / book)
    return apply


IND, STAT, PROJ = "indicators.xlsx", "statistics.xlsx", "projects.xlsx"
# (id, setup, the place and message)
CASES: list[tuple[str, Callable[[Path], None], str]] = [
    ("error-in-a-category", cell(IND, "完成情况", "A2", "#N/A"),
     f"indicators.xlsx[完成情况]!A2（类别）: {ERROR.format('#N/A')}"),
    ("error-in-a-number", cell(IND, "完成情况", "B3", "#REF!"),
     f"indicators.xlsx[完成情况]!B3（序号）: {ERROR.format('#REF!')}"),
    ("error-in-a-name", cell(IND, "计划目标", "C3", "#NAME?"),
     f"indicators.xlsx[计划目标]!C3（指标名称）: {ERROR.format('#NAME?')}"),
    ("error-in-a-unit", cell(IND, "完成情况", "E2", "#VALUE!"),
     f"indicators.xlsx[完成情况]!E2（单位）: {ERROR.format('#VALUE!')}"),
    ("error-in-a-target", cell(IND, "完成情况", "F3", "#DIV/0!"),
     f"indicators.xlsx[完成情况]!F3（计划目标）: {ERROR.format('#DIV/0!')}"),
    ("error-in-a-result", cell(IND, "完成情况", "G3", "#NUM!"),
     f"indicators.xlsx[完成情况]!G3（绝对值）: {ERROR.format('#NUM!')}"),
    ("error-in-an-attribute", cell(IND, "计划目标", "G2", "#NULL!"),
     f"indicators.xlsx[计划目标]!G2（属性）: {ERROR.format('#NULL!')}"),
    ("error-in-a-project-name", cell(PROJ, "本年民心工程", "A3", "#N/A"),
     f"projects.xlsx[本年民心工程]!A3（名称）: {ERROR.format('#N/A')}"),
    ("error-in-a-yes-no", cell(PROJ, "上年民心工程", "C2", "#N/A"),
     f"projects.xlsx[上年民心工程]!C2（是否完工）: {ERROR.format('#N/A')}"),
    ("error-in-a-group", cell(PROJ, "政府投资重点项目", "A3", "#REF!"),
     f"projects.xlsx[政府投资重点项目]!A3（分组）: {ERROR.format('#REF!')}"),
    ("error-in-a-statistic", cell(STAT, "统计", "B2", "#DIV/0!"),
     f"statistics.xlsx[统计]!B2（数值）: {ERROR.format('#DIV/0!')}"),
    ("error-in-a-note", cell(STAT, "统计", "E3", "#N/A"),
     f"statistics.xlsx[统计]!E3（说明）: {ERROR.format('#N/A')}"),
    ("error-in-a-count", cell(STAT, "投资计划", "D2", "#VALUE!"),
     f"statistics.xlsx[投资计划]!D2（项目数）: {ERROR.format('#VALUE!')}"),
    ("error-in-a-header", cell(IND, "完成情况", "D1", "#N/A"),
     "indicators.xlsx[完成情况]!D1: holds the Excel error 「#N/A」 where a column name belongs"),
    ("error-in-a-header-beside-the-table", cell(STAT, "统计", "F1", "#REF!"),
     "statistics.xlsx[统计]!F1: holds the Excel error 「#REF!」 where a column name belongs"),
    ("error-beside-the-table", cell(IND, "计划目标", "J4", "#N/A"),
     "indicators.xlsx[计划目标]!J4: holds 「#N/A」 but its column has no header"),
    ("unsaved-result", cell(STAT, "统计", "B3", "=B2*2"),
     f"statistics.xlsx[统计]!B3（数值）: {UNSAVED}"),
    ("unsaved-in-a-name", cell(IND, "完成情况", "C4", "=C3"),
     f"indicators.xlsx[完成情况]!C4（指标名称）: {UNSAVED}"),
    ("unsaved-alone-in-a-row", cell(PROJ, "本年民心工程", "A2", "=A3"),
     f"projects.xlsx[本年民心工程]!A2（名称）: {UNSAVED}"),
    ("unsaved-in-a-header", cell(STAT, "统计", "E1", '="说明"'),
     "statistics.xlsx[统计]!E1: holds a formula whose result was not saved where a column "
     "name belongs"),
    ("unsaved-beside-the-table", cell(PROJ, "上年重大项目", "D2", "=C2"),
     "projects.xlsx[上年重大项目]!D2: holds a formula whose result was not saved but its "
     "column has no header"),
    ("words-in-a-measure", cell(STAT, "统计", "B2", "二百一十二点三七"),
     "statistics.xlsx[统计]!B2（数值）: 「二百一十二点三七」 is a number written in words; type it "
     "in digits (212.37)"),
    ("words-in-a-percent", cell(STAT, "统计", "D2", "百分之二点二"),
     "statistics.xlsx[统计]!D2（增速）: 「百分之二点二」 is a number written in words; type it in "
     "digits (2.2)"),
    ("words-in-a-number", cell(STAT, "重大项目执行", "D2", "一百一十点一"),
     "statistics.xlsx[重大项目执行]!D2（完成投资）: 「一百一十点一」 is a number written in words; "
     "type it in digits (110.1)"),
    ("words-in-a-whole-number", cell(STAT, "重大项目执行", "B2", "五十八"),
     "statistics.xlsx[重大项目执行]!B2（项目数）: 「五十八」 is a number written in words; type it "
     "in digits (58)"),
    ("one-numeral", cell(STAT, "统计", "B2", "十"),
     "statistics.xlsx[统计]!B2（数值）: 「十」 is a number written in words; type it in digits "
     "(10)"),
    ("words-with-a-unit", cell(STAT, "统计", "B2", "三百亿元"),
     "statistics.xlsx[统计]!B2（数值）: 「三百亿元」 is a number written in words; type it in "
     "digits (30000000000)"),
    ("words-over-ten-thousand", cell(IND, "完成情况", "G3", "一亿零五百万"),
     "indicators.xlsx[完成情况]!G3（绝对值）: 「一亿零五百万」 is a number written in words; type "
     "it in digits (105000000)"),
    ("financial-numerals", cell(STAT, "统计", "B2", "壹佰贰拾"),
     "statistics.xlsx[统计]!B2（数值）: 「壹佰贰拾」 is a number written in words; type it in "
     "digits (120)"),
    ("a-negative-in-words", cell(STAT, "统计", "D2", "负三点五"),
     "statistics.xlsx[统计]!D2（增速）: 「负三点五」 is a number written in words; type it in "
     "digits (-3.5)"),
    ("digits-and-words", cell(STAT, "统计", "B2", "2百亿"),
     "statistics.xlsx[统计]!B2（数值）: 「2百亿」 is not a number"),
    # what a program writes where a number is not, in a column that allows text (Ⅱ类)
    ("nan", cell(STAT, "统计", "B2", "NaN"), "statistics.xlsx[统计]!B2（数值）: 「NaN」 is not a number"),
    ("infinity", cell(IND, "完成情况", "G3", "-Infinity"),
     "indicators.xlsx[完成情况]!G3（绝对值）: 「-Infinity」 is not a number"),
    ("infinity-sign", cell(STAT, "统计", "B2", "∞"), "statistics.xlsx[统计]!B2（数值）: 「∞」 is not a number"),
    ("a-yes-no-value", cell(STAT, "统计", "B2", True),
     "statistics.xlsx[统计]!B2（数值）: 「TRUE」 is not a number"),
    ("null", cell(STAT, "统计", "B2", "null"), "statistics.xlsx[统计]!B2（数值）: 「null」 is not a number"),
    ("a-superscript-digit", cell(IND, "完成情况", "G3", "10²"),
     "indicators.xlsx[完成情况]!G3（绝对值）: 「10²」 is not a number"),
    ("words-in-a-result", cell(IND, "完成情况", "G2", "五百点三"),
     "indicators.xlsx[完成情况]!G2（绝对值）: 「五百点三」 is a number written in words"),
]


@pytest.mark.parametrize(("setup", "message"), [case[1:] for case in CASES],
                         ids=[case[0] for case in CASES])
@pytest.mark.parametrize("command", ["build", "check"])
def test_what_is_not_a_value_is_refused_with_its_cell(cli: Cli, project: Path,
                                                    setup: Callable[[Path], None], message: str,
                                                    command: str) -> None:
    setup(project)
    result = cli(command, "2021", code=None)
    assert_refused(result, 1, [])
    assert f"data/2021/{message}" in result.stderr + result.stdout
    assert files(project, "output") == {}


@pytest.mark.parametrize(("book", "sheet", "coordinate", "text"), [
    (IND, "完成情况", "G5", "Ⅱ类"),  # a measure may be text
    (IND, "完成情况", "G5", "一类"),
    (IND, "完成情况", "G5", "三星级"),
    (STAT, "统计", "E2", "二百一十二点三七"),  # 说明 is text: words are words there
    (PROJ, "本年民心工程", "A2", "十大民生实事"),
])
def test_text_with_numerals_stays_allowed_where_the_column_allows_text(
        cli: Cli, project: Path, book: str, sheet: str, coordinate: str, text: str) -> None:
    cell(book, sheet, coordinate, text)(project)
    result = cli("build", "2021")
    assert "error" not in result.stderr and "Traceback" not in result.stderr


def merge(book: str, sheet: str, cells: str) -> None:
    workbook = openpyxl.load_workbook(book)
    workbook[sheet].merge_cells(cells)
    workbook.save(book)


def test_a_merged_target_is_read_in_every_row(cli: Cli, project: Path) -> None:
    merge(str(project / Y / IND), "完成情况", "F2:F3")  # 7.5以上 over 工业增加值增速's row
    table = cli("check", "2021").stdout
    assert " 2   工业增加值增速（%）                7.5以上              3.2   未完成     3.2 < " \
           "7.5" in table


def test_a_merged_error_is_named_in_each_row(cli: Cli, project: Path) -> None:
    cell(IND, "完成情况", "G2", "#N/A")(project)
    merge(str(project / Y / IND), "完成情况", "G2:G3")
    message = assert_refused(cli("build", "2021", code=None), 1, [])
    for row in (2, 3):
        assert f"indicators.xlsx[完成情况]!G{row}（绝对值）: {ERROR.format('#N/A')}" in message


def test_a_merged_layout_cell_keeps_its_meaning(cli: Cli, project: Path) -> None:
    """类别 is merged by design: the rows below continue it, they do not repeat it."""
    path = project / cli("build", "2021").stdout.strip()
    merge(str(project / Y / IND), "完成情况", "A2:A3")
    again = project / cli("build", "2021").stdout.strip()
    assert again.read_bytes() == path.read_bytes()
