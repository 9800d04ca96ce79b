"""Messages that say what is wrong: a date or a year quoted in YAML is read, not refused; a
name holding a character that prints as nothing shows it (<U+200B>); a title row above a
sheet's header is named as such, not blamed on the columns below; a year "folder" that is a
file, or a link to nothing, is named as what it is."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest

from helpers.failures import assert_refused, files
from helpers.project import Cli

Y = Path("data/2021")


def replace_line(start: str, line: str) -> Callable[[Path], None]:
    """report.yaml with the line that starts with ``start`` replaced by ``line``."""
    def apply(root: Path) -> None:
        report = root / Y / "report.yaml"
        lines = report.read_text(encoding="utf-8").split("\n")
        index = next(i for i, text in enumerate(lines) if text.startswith(start))
        lines[index] = line
        report.write_text("\n".join(lines), encoding="utf-8")
    return apply


QUOTED = [
    ("double-quoted-date", replace_line("  日期:", '  日期: "2021-03-10"')),
    ("single-quoted-date", replace_line("  日期:", "  日期: '2021-03-10'")),
    ("quoted-date-with-spaces", replace_line("  日期:", '  日期: " 2021-03-10 "')),
    ("date-and-time", replace_line("  日期:", "  日期: 2021-03-10 09:30:00")),
    ("quoted-plan-year", replace_line("  本年:", '  本年: "2021"')),
    ("quoted-review-year", replace_line("  上年:", "  上年: '2020'")),
]


@pytest.mark.parametrize("setup", [q[1] for q in QUOTED], ids=[q[0] for q in QUOTED])
def test_a_quoted_date_or_year_is_read(cli: Cli, project: Path,
                                       setup: Callable[[Path], None]) -> None:
    setup(project)
    result = cli("diff", "2021", "-q")  # built, and the official text to the character
    assert "no differences" in result.stdout
    assert "error" not in result.stderr and "Traceback" not in result.stderr


def sheet_cell(book: str, sheet: str, coordinate: str, value: object) -> Callable[[Path], None]:
    def apply(root: Path) -> None:
        workbook = openpyxl.load_workbook(root / Y / book)
        workbook[sheet][coordinate].value = value
        workbook.save(root / Y / book)
    return apply


def title_row(book: str, sheet: str, *rows: str, merged: bool = False) -> Callable[[Path], None]:
    """``rows`` (one cell each) inserted above the header of a sheet."""
    def apply(root: Path) -> None:
        workbook = openpyxl.load_workbook(root / Y / book)
        table = workbook[sheet]
        width = table.max_column
        table.insert_rows(1, len(rows))
        for number, text in enumerate(rows, start=1):
            table.cell(number, 1).value = text
            if merged:
                table.merge_cells(start_row=number, start_column=1, end_row=number,
                                  end_column=width)
        workbook.save(root / Y / book)
    return apply


def year_as_file(root: Path) -> None:
    (root / "data" / "2022").write_text("not a folder\n", encoding="utf-8")


def year_as_link(root: Path) -> None:
    os.symlink(root / "data" / "nowhere", root / "data" / "2022")


TITLE = "a title above the header: the first row that is not empty is the header, which " \
    "names the columns"
NOT_A_DATE = "is not a date; write it as 2021-03-10"
HIDDEN = "(it holds characters that print as nothing, shown as <U+…>)"
# (id, setup, arguments, exit status, the place and message)
CASES: list[tuple[str, Callable[[Path], None], list[str], int, list[str]]] = [
    ("a-date-that-is-none", replace_line("  日期:", '  日期: "2021-13-10"'), ["build", "2021"], 1,
     [f"data/2021/report.yaml:8: 会议.日期 「2021-13-10」 {NOT_A_DATE}"]),
    ("a-date-in-words", replace_line("  日期:", "  日期: 2021年3月10日"), ["build", "2021"], 1,
     [f"data/2021/report.yaml:8: 会议.日期 「2021年3月10日」 {NOT_A_DATE}"]),
    ("a-day-out-of-range", replace_line("  日期:", "  日期: 2021-02-30"), ["build", "2021"], 1,
     ["data/2021/report.yaml:8: is not valid YAML: 「2021-02-30」 is not a date"]),
    ("a-short-quoted-year", replace_line("  本年:", "  本年: '21'"), ["build", "2021"], 1,
     ["data/2021/report.yaml:6: 年份.本年 must be a year such as 2021"]),
    ("a-year-in-words", replace_line("  本年:", "  本年: 二〇二一"), ["build", "2021"], 1,
     ["data/2021/report.yaml:6: 年份.本年 must be a year such as 2021"]),
    ("zero-width-space-in-a-name",
     sheet_cell("indicators.xlsx", "完成情况", "C3", "工业增加值\u200b增速"), ["build", "2021"], 1,
     ["data/2021/narrative.txt:", "did you mean 「工业增加值<U+200B>增速」? " + HIDDEN]),
    ("byte-order-mark-in-a-name",
     sheet_cell("indicators.xlsx", "完成情况", "C3", "\ufeff工业增加值增速"), ["build", "2021"], 1,
     ["did you mean 「<U+FEFF>工业增加值增速」? " + HIDDEN]),
    ("zero-width-space-in-a-name-check",
     sheet_cell("indicators.xlsx", "完成情况", "C3", "工业增加值\u200b增速"), ["check", "2021"], 1,
     ["did you mean 「工业增加值<U+200B>增速」? " + HIDDEN]),
    ("soft-hyphen-in-a-name",
     sheet_cell("indicators.xlsx", "完成情况", "C3", "工业增加值\u00ad增速"), ["build", "2021"], 1,
     ["did you mean 「工业增加值<U+00AD>增速」?"]),
    ("direction-mark-in-a-name",
     sheet_cell("indicators.xlsx", "完成情况", "C3", "工业增加值增速\u200e"), ["build", "2021"], 1,
     ["did you mean 「工业增加值增速<U+200E>」?"]),
    ("word-joiner-in-a-statistic",
     sheet_cell("statistics.xlsx", "统计", "A2", "服务业\u2060增加值"), ["build", "2021"], 1,
     ["did you mean 「服务业<U+2060>增加值」?"]),
    ("title-above-statistics", title_row("statistics.xlsx", "统计", "2021年统计数据", merged=True),
     ["build", "2021"], 1, [f"data/2021/statistics.xlsx[统计]!A1: holds 「2021年统计数据」, {TITLE}",
                            "Delete the rows above the column names (row 2)"]),
    ("title-above-indicators", title_row("indicators.xlsx", "完成情况", "表1 主要指标完成情况"),
     ["build", "2021"], 1,
     [f"data/2021/indicators.xlsx[完成情况]!A1: holds 「表1 主要指标完成情况」, {TITLE}",
      "专栏 「主要指标完成情况」 shows the sheet 「完成情况」 of indicators.xlsx, which cannot be "
      "read"]),
    ("title-and-unit-above-plan", title_row("indicators.xlsx", "计划目标", "主要指标计划", "单位：%"),
     ["build", "2021"], 1, [f"data/2021/indicators.xlsx[计划目标]!A1: holds 「主要指标计划」, {TITLE}",
                            "(row 3)"]),
    ("title-above-a-project-list", title_row("projects.xlsx", "上年民心工程", "民心工程"),
     ["build", "2021"], 1, [f"data/2021/projects.xlsx[上年民心工程]!A1: holds 「民心工程」, {TITLE}"]),
    ("title-above-investment", title_row("statistics.xlsx", "投资计划", "投资", merged=True),
     ["build", "2021"], 1, [f"data/2021/statistics.xlsx[投资计划]!A1: holds 「投资」, {TITLE}"]),
    ("year-folder-a-file-build", year_as_file, ["build", "2022"], 1,
     ["data/2022: no data for 2022: this is a file, not a folder"]),
    ("year-folder-a-file-check", year_as_file, ["check", "2022"], 1,
     ["data/2022: no data for 2022: this is a file, not a folder"]),
    ("year-folder-a-file-diff", year_as_file, ["diff", "2022"], 2,
     ["data/2022: no data for 2022: this is a file, not a folder"]),
    ("year-folder-a-file-draft-from", year_as_file, ["draft", "2023", "--from", "2022"], 1,
     ["data/2022: no data for 2022: this is a file, not a folder"]),
    ("year-folder-a-file-draft-onto", year_as_file, ["draft", "2022"], 1,
     ["data/2022: exists already; reportgen draft never overwrites a year"]),
    ("year-folder-a-link-to-nothing", year_as_link, ["build", "2022"], 1,
     ["data/2022: no data for 2022: the year folder is a link that leads to nothing"]),
    ("draft-onto-a-link-to-nothing", year_as_link, ["draft", "2022"], 1,
     ["data/2022: exists already; reportgen draft never overwrites a year"]),
]


@pytest.mark.parametrize(("setup", "arguments", "status", "fragments"),
                         [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_a_message_says_what_is_wrong(cli: Cli, project: Path, setup: Callable[[Path], None],
                                      arguments: list[str], status: int,
                                      fragments: list[str]) -> None:
    setup(project)
    before = files(project)
    result = cli(*arguments, code=None)
    assert_refused(result, status, [])
    shown = result.stderr + result.stdout  # check lists its problems on stdout
    for fragment in fragments:
        assert fragment in shown, shown
    assert "\u200b" not in shown and "\ufeff" not in shown
    assert files(project) == before  # nothing written, output/ included
