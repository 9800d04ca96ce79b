"""Legitimate input is not refused: a long title (a file name holds 255 bytes, not characters), a
notes sheet or an empty Sheet1 beside the sheets reportgen reads, a result cell Excel formats
as a percentage."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest

from helpers.failures import assert_refused, files
from helpers.project import Cli
from helpers.sheets import set_cell
from helpers.text import report_text

Y = Path("data/2021")


def titled(title: str) -> Callable[[Path], None]:
    def apply(root: Path) -> None:
        report = root / Y / "report.yaml"
        text = report.read_text(encoding="utf-8")
        start = text.index("\n标题:") + 1
        end = text.index("\n", start)
        quoted = title.replace("\\", "\\\\").replace('"', '\\"')
        report.write_text(text[:start] + f'标题: "{quoted}"' + text[end:], encoding="utf-8")
    return apply


TITLES: list[tuple[str, str, str]] = [
    # (id, title, the file name it gives)
    ("ninety-characters", "关于重庆市綦江区" + "国民经济和社会发展计划执行情况" * 5 + "及计划草案的报告",
     ("关于重庆市綦江区" + "国民经济和社会发展计划执行情况" * 5)[:65]),
    ("three-hundred-letters", "R" * 300, "R" * 195),
    ("four-byte-characters", "报告🎉" * 60, ("报告🎉" * 60)[:58]),
    ("rare-characters", "𠀀" * 80, "𠀀" * 48),
    ("dots-and-slashes", "../../报告/标题", "报告标题"),
    ("only-signs", '<>:"/\\|?*', "report"),
]


@pytest.mark.parametrize(("title", "name"), [t[1:] for t in TITLES], ids=[t[0] for t in TITLES])
def test_a_long_title_gives_a_file_name_that_fits(cli: Cli, project: Path, title: str,
                                                  name: str) -> None:
    titled(title)(project)
    written = project / cli("build", "2021").stdout.strip()
    assert written == project / "output" / "2021" / f"{name}.docx"
    assert len(written.name.encode("utf-8")) <= 200
    with zipfile.ZipFile(written) as package:
        core = package.read("docProps/core.xml").decode("utf-8")
    kept = title[:255]  # a property holds 255 characters; the title block holds them all
    escaped = kept.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    assert f"<dc:title>{escaped}</dc:title>" in core
    assert title in report_text(written)


def test_a_long_titled_report_is_found_by_diff(cli: Cli, project: Path) -> None:
    titled(TITLES[0][1])(project)
    cli("build", "2021")
    result = cli("diff", "2021", "-q", code=None)
    assert result.exit_code == 1 and "Traceback" not in result.stderr


def add_sheet(book: str, name: str, rows: list[list[object]]) -> Callable[[Path], None]:
    def apply(root: Path) -> None:
        workbook = openpyxl.load_workbook(root / Y / book)
        sheet = workbook.create_sheet(name)
        for row in rows:
            sheet.append(row)
        workbook.save(root / Y / book)
    return apply


NOTES = [["填表说明"], [], ["1.", "数值按报告所需小数位填写"], ["2.", "无此项填“—”", "注意"],
         [None, None, None, "#N/A"], ["=A1"]]
SHEETS: list[tuple[str, Callable[[Path], None]]] = [
    ("empty-sheet1-in-indicators", add_sheet("indicators.xlsx", "Sheet1", [])),
    ("empty-sheet1-in-statistics", add_sheet("statistics.xlsx", "Sheet1", [])),
    ("notes-in-indicators", add_sheet("indicators.xlsx", "填表说明", NOTES)),
    ("notes-in-statistics", add_sheet("statistics.xlsx", "填表说明", NOTES)),
    ("a-second-header-row-sheet", add_sheet("statistics.xlsx", "备用", [["指标", "指标"]])),
    ("a-csv-notes-file", lambda root: _csv_notes(root)),
]


def _csv_notes(root: Path) -> None:
    """statistics as a folder of CSV files, with an empty 填表说明.csv beside them."""
    import csv

    book = root / Y / "statistics.xlsx"
    folder = book.with_suffix("")
    folder.mkdir()
    for sheet in openpyxl.load_workbook(book).worksheets:
        with open(folder / f"{sheet.title}.csv", "w", encoding="utf-8", newline="") as out:
            csv.writer(out).writerows([["" if v is None else v for v in row]
                                       for row in sheet.iter_rows(values_only=True)])
    book.unlink()
    (folder / "填表说明.csv").write_bytes(b"")


@pytest.mark.parametrize("command", ["build", "check", "draft"])
@pytest.mark.parametrize("setup", [s[1] for s in SHEETS], ids=[s[0] for s in SHEETS])
def test_a_sheet_reportgen_does_not_read_is_no_problem(cli: Cli, project: Path,
                                                       setup: Callable[[Path], None],
                                                       command: str) -> None:
    setup(project)
    result = cli(command, "2022" if command == "draft" else "2021")
    assert "Traceback" not in result.stderr and "error:" not in result.stderr


def test_a_sheet_reportgen_reads_is_still_checked(cli: Cli, project: Path) -> None:
    workbook = openpyxl.load_workbook(project / Y / "statistics.xlsx")
    workbook.remove(workbook["统计"])
    workbook.create_sheet("统计")
    workbook.save(project / Y / "statistics.xlsx")
    assert_refused(cli("build", "2021", code=None), 1, [
        "data/2021/statistics.xlsx[统计]: the sheet is empty; expected a header row of column "
        "names"])


def test_a_project_list_is_every_sheet_of_projects(cli: Cli, project: Path) -> None:
    add_sheet("projects.xlsx", "填表说明", NOTES)(project)
    assert_refused(cli("build", "2021", code=None), 1, [
        "data/2021/projects.xlsx[填表说明]!A1: holds 「填表说明」, a title above the header"])


@pytest.mark.parametrize(("column", "value", "fmt", "shown"), [
    ("绝对值", 0.595, "0.0%", "59.5"),
    ("绝对值", 0.5951, "0.00%", "59.51"),
    ("绝对值", 0.595, "0%", "59.5"),
])
def test_a_result_formatted_as_a_percentage(cli: Cli, project: Path, column: str, value: float,
                                            fmt: str, shown: str) -> None:
    set_cell(project / Y / "indicators.xlsx", "完成情况", "指标名称", "常住人口城镇化率", column,
             value, fmt)
    table = cli("check", "2021").stdout
    assert f"常住人口城镇化率（%）              提高1.5个百分点      {shown} " in table


def test_a_statistic_formatted_as_a_percentage_prints_its_figure(cli: Cli,
                                                                 project: Path) -> None:
    set_cell(project / Y / "statistics.xlsx", "统计", "指标", "服务业增加值", "数值", 2.1237,
             "0.00%")
    path = project / cli("build", "2021").stdout.strip()
    assert "实现服务业增加值212.37亿元" in report_text(path)


@pytest.mark.parametrize(("sheet", "rows", "why"), [
    ("填表说明", NOTES, "holds 「填表说明」, a title above the header"),
    ("Sheet1", [], "the sheet is empty"),
    ("备注", [["说明", "备注"], ["一", "二"]], "it has no column 指标名称"),
])
def test_a_box_showing_a_sheet_that_is_not_read_is_refused(cli: Cli, project: Path, sheet: str,
                                                           rows: list[list[object]],
                                                           why: str) -> None:
    add_sheet("indicators.xlsx", sheet, rows)(project)
    boxes = project / Y / "boxes.yaml"
    boxes.write_text(boxes.read_text(encoding="utf-8").replace("指标表: 完成情况", f"指标表: {sheet}"),
                     encoding="utf-8")
    assert_refused(cli("build", "2021", code=None), 1, [
        f"data/2021/boxes.yaml:18: 专栏 「主要指标完成情况」 shows the sheet 「{sheet}」 of "
        f"indicators.xlsx, which cannot be read: {why}"])
    assert files(project, "output") == {}
