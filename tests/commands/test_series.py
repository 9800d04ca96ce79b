"""``reportgen series``: every year folder's indicators side by side - the table, the five-year
target and the progress toward it, the workbook's native line charts, the CSV - and pandas for
this command alone."""

from __future__ import annotations

import csv
import io
import subprocess
import sys
import zipfile
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from helpers.clients import need
from helpers.excel import edit_text, fill_workbook, project_counts
from helpers.project import Cli, copy_project
from helpers.sheets import add_column, set_cell
from reportgen.series.progress import progress
from reportgen.series.years import FiveYearPlan, five_year_plan

PLAN_14 = FiveYearPlan("十四五", 14)
XLSX, CSV = Path("output/series/指标历年.xlsx"), Path("output/series/指标历年.csv")



#: 2021's results as typed into the drafted 2022: GDP 512.37亿元 and 8.1%, the rest alike.
TYPED: dict[str, Any] = {
    "绝对值": lambda sheet, row: {"地区生产总值增速": Decimal("512.37"),
                                  "常住人口城镇化率": Decimal("60.5")}.get(row[2], 100),
    "增速": lambda sheet, row: ((Decimal("0.081"), "0.0%") if row[2] == "地区生产总值增速"
                                else (Decimal("0.05"), "0.0%")),
    "数值": Decimal("27.5"), "项目数": project_counts, "形成投资放量": 6, "完成投资": Decimal("40.5"),
    "年度计划投资": Decimal("2.5"), "完成情况": "已完成年度目标任务。", "是否完工": "是",
    "说明": None, "上年值": Decimal("59.5"),
}
FIVE_YEAR = {"地区生产总值增速": "7", "常住人口城镇化率": "65", "城镇登记失业率": "≤5.5"}


@pytest.fixture(scope="module")
def two_years(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """2021 as shipped, 2022 drafted and filled, both with a “十四五”目标 column in 计划目标."""
    root = copy_project(tmp_path_factory.mktemp("series") / "project")
    cli = Cli(root)
    cli("draft", "2022")
    data = root / "data" / "2022"
    for book in ("indicators", "projects", "statistics"):
        fill_workbook(data / f"{book}.xlsx", TYPED)
    edit_text(data / "report.yaml", lambda text: text
              .replace("日期: 待填", "日期: 2022-01-12")
              .replace("名称: 待填", "名称: 重庆市綦江区第二届人民代表大会第七次会议")
              .replace("简称: 待填", "简称: 区二届人大七次会议"))
    set_cell(data / "indicators.xlsx", "计划目标", "指标名称", "地区生产总值增速", "计划目标",
             "6.5以上")
    for year in ("2021", "2022"):
        add_column(root / "data" / year / "indicators.xlsx", "计划目标", "“十四五”目标",
                   FIVE_YEAR)
    result = cli("series")
    assert result.stdout == f"{XLSX.as_posix()}\n{CSV.as_posix()}\n"
    assert "reading data/2021, data/2022" in result.stderr
    return root


def table(root: Path) -> list[list[Any]]:
    sheet = openpyxl.load_workbook(root / XLSX)["指标历年"]
    return [[cell.value for cell in row] for row in sheet.iter_rows()]


def test_one_row_per_indicator_and_per_year_its_target_result_and_status(
        two_years: Path) -> None:
    rows = table(two_years)
    assert rows[0][:4] == ["类别", "指标", "属性", "2020年"]
    assert rows[0][12:16] == ["“十四五”目标", "完成度（%）", "时间进度（%）", "进度说明"]
    assert rows[1][3:12] == ["目标", "结果", "状态"] * 3
    gdp = next(r for r in rows if r[1] == "地区生产总值增速（%）")
    # 2020 from 2021's 完成情况; 2021 as 2022's 完成情况 reports it; 2022's target, no result yet
    assert gdp[2:12] == ["预期性", "7.5以上", 3, "未完成", "7", 8.1, "完成", "6.5以上", None,
                         None]
    assert gdp[12:] == ["7", 115.7, 20, "年均 8.1%（2021），目标 7"]
    urban = next(r for r in rows if r[1] == "常住人口城镇化率（%）")
    assert urban[4:9] == [59.5, "需人工判断", "提高1.5个百分点", 60.5, "未完成"]  # 1 < 1.5
    assert urban[12:] == ["65", 18.2, 20, "(60.5 − 59.5) / (65 − 59.5)，2020年为基数"]
    # an indicator of 2020's table that 2021's plan dropped is still there, its years blank
    digital = next(r for r in rows if r[1] == "数字经济增加值增速（%）")
    assert digital[3:9] == ["20", 20, "完成", None, None, None]
    assert len(rows) == 2 + len({r[1] for r in rows[2:]})
    # numbers are numbers, shown with the decimals they were read with
    sheet = openpyxl.load_workbook(two_years / XLSX)["指标历年"]
    patents = next(r for r in sheet.iter_rows() if r[1].value == "万人发明专利拥有量（件/万人）")
    assert [(c.value, c.number_format) for c in (patents[4], patents[7])] == [
        (2.43, "0.00"), (100, "0.00")]

def test_the_csv_is_the_same_table_on_one_header_row(two_years: Path) -> None:
    data = (two_years / CSV).read_bytes()
    assert data.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0] == ["类别", "指标", "属性", "2020年目标", "2020年结果", "2020年状态",
                       "2021年目标", "2021年结果", "2021年状态", "2022年目标", "2022年结果",
                       "2022年状态", "“十四五”目标", "完成度（%）", "时间进度（%）", "进度说明"]
    assert rows[1] == ["发展综合质量效益", "地区生产总值增速（%）", "预期性", "7.5以上", "3",
                       "未完成", "7", "8.1", "完成", "6.5以上", "", "", "7", "115.7", "20.0",
                       "年均 8.1%（2021），目标 7"]
    assert len(rows) == len(table(two_years)) - 1


def test_the_headline_indicators_are_native_line_charts(two_years: Path) -> None:
    book = openpyxl.load_workbook(two_years / XLSX)
    assert book.sheetnames == ["指标历年", "图表", "图表数据"]
    data = [[c.value for c in row] for row in book["图表数据"].iter_rows()]
    assert data[0][:3] == ["年份", "地区生产总值增速（%）结果", "地区生产总值增速（%）目标"]
    assert [row[:3] for row in data[1:]] == [[2020, 3, 7.5], [2021, 8.1, 7], [2022, None, 6.5]]
    with zipfile.ZipFile(two_years / XLSX) as package:
        charts = sorted(n for n in package.namelist() if n.startswith("xl/charts/chart"))
        first = package.read(charts[0]).decode("utf-8")
    # the first category's numbered indicators with two results, and those with a 十四五 target
    charted = [name.removesuffix("结果") for name in data[0][1::2]]
    assert charted == ["地区生产总值增速（%）", "工业增加值增速（%）", "固定资产投资增速（%）",
                       "社会消费品零售总额增速（%）", "财政一般公共预算收入增速（%）",
                       "常住人口城镇化率（%）"]
    assert len(charts) == 6
    assert "<lineChart>" in first and "<f>'图表数据'!$B$2:$B$4</f>" in first  # results
    assert "<f>'图表数据'!$C$2:$C$4</f>" in first and "<tx><v>目标</v></tx>" in first  # targets
    assert first.count('<smooth val="0"/>') == 2 and '<delete val="0"/>' in first


def test_the_same_data_give_the_same_bytes(two_years: Path) -> None:
    before = (two_years / XLSX).read_bytes(), (two_years / CSV).read_bytes()
    Cli(two_years)("series")
    assert ((two_years / XLSX).read_bytes(), (two_years / CSV).read_bytes()) == before


def test_libreoffice_opens_the_workbook_with_its_charts(two_years: Path, tmp_path: Path) -> None:
    soffice, pdftotext = need("soffice"), need("pdftotext")
    result = subprocess.run(
        [soffice, "--headless", f"-env:UserInstallation=file://{tmp_path / 'profile'}",
         "--convert-to", "pdf", "--outdir", str(tmp_path), str(two_years / XLSX)],
        capture_output=True, text=True, timeout=180)
    pdf = tmp_path / "指标历年.pdf"
    assert result.returncode == 0 and pdf.is_file(), result.stderr
    text = subprocess.run([pdftotext, str(pdf), "-"], capture_output=True, text=True).stdout
    assert "地区生产总值增速（%）" in text and "未完成" in text
    assert "结果" in text and "目标" in text and "年份" in text  # the charts' legends and axes


def test_only_the_shipped_year(cli: Cli, project: Path) -> None:
    cli("series")
    rows = table(project)
    assert rows[0][3:] == ["2020年", None, None, "2021年", None, None]  # no 十四五 column
    assert len(rows) == 2 + 25


@pytest.mark.parametrize(("header", "plan"), [
    ("“十四五”目标", ("十四五", 14, 2021, 2025)),
    ("十三五规划目标", ("十三五", 13, 2016, 2020)),
    ("十五目标", ("十五", 10, 2001, 2005)),
    ("十四五", None),  # a plan, but no target
    ("计划目标", None),
])
def test_a_column_names_a_five_year_plan_and_its_target(
        header: str, plan: tuple[str, int, int, int] | None) -> None:
    found = five_year_plan(header)
    assert (None if found is None else (found.name, found.number, found.start, found.end)) == plan


D = Decimal


@pytest.mark.parametrize(("target", "growth", "results", "done", "time", "text"), [
    # a growth rate: the years' average, compounded, against the target
    ("7以上", True, {2021: D("8.1"), 2022: D("6")}, D("100.0"), D("40.0"),
     "年均 7.0%（2021–2022），目标 7以上"),
    # a level: the way from the base (2020) to the target gone so far
    ("65", False, {2020: D("59.5"), 2021: D("60.5"), 2022: D("62")}, D("45.5"), D("40.0"),
     "(62 − 59.5) / (65 − 59.5)，2020年为基数"),
    ("65", False, {2021: D("60.5")}, D("93.1"), D("20.0"), "60.5 / 65"),  # no base
    # a ceiling: within it is all of it
    ("≤5.5", False, {2021: D("4")}, D("100"), D("20.0"), "2021年 4，目标 ≤5.5"),
    ("≤5.5", False, {2021: D("6")}, D("91.7"), D("20.0"), "2021年 6，目标 ≤5.5"),
    # 提高N个百分点 over the plan
    ("提高5个百分点", False, {2020: D("59.5"), 2023: D("62")}, D("50.0"), D("60.0"),
     "2023年 62 − 2020年 59.5 = 2.5，目标 提高5个百分点"),
    ("完成市下达目标", False, {2021: D("1")}, None, None, "a qualitative target"),
    ("7", True, {2020: D("3")}, None, None, "no result of 2021–2025 yet"),
    ("7", True, {2021: "待填"}, None, None, "no result of 2021–2025 yet"),
])
def test_progress_toward_a_five_year_target(target: str, growth: bool, results: dict[int, Any],
                                            done: Decimal | None, time: Decimal | None,
                                            text: str) -> None:
    found = progress(PLAN_14, target, growth, results)
    assert (found.done, found.time, found.text) == (done, time, text)


def test_a_problem_in_a_year_is_one_message_with_its_place(cli: Cli, project: Path) -> None:
    set_cell(project / "data" / "2021" / "indicators.xlsx", "完成情况", "指标名称",
             "地区生产总值增速", "绝对值", "5OO")
    result = cli("series", code=1)
    assert "data/2021/indicators.xlsx[完成情况]!G2（绝对值）" in result.stderr
    assert "Traceback" not in result.stderr


def test_no_year_folders_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    result = Cli(tmp_path)("series", code=1)
    assert "data: no year folders (data/2021 …)" in result.stderr


def test_pandas_is_for_series_alone(project: Path) -> None:
    """The build, check and diff never import pandas; series does."""
    code = ("import sys\nfrom reportgen.cli import main\n"
            "for args in (['build', '2021'], ['check', '2021'], ['diff', '2021'], ['series']):\n"
            f"    try:\n        main([*args, '--project', {str(project)!r}])\n"
            "    except SystemExit:\n        pass\n"
            "    print(args[0], 'pandas' in sys.modules)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.split("\n")
    said = [line for line in out if line.endswith((" True", " False"))]
    assert said == ["build False", "check False", "diff False", "series True"]
