"""``reportgen init``: a new project for another district, which builds as it is."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner, Result

from helpers.project import REPO, Cli
from helpers.sheets import set_cell
from helpers.text import report_text
from reportgen.cli import main
from reportgen.commands.init import default_year, starter_files

YEAR = "2027"


def init(*args: str, code: int = 0) -> Result:
    result = CliRunner().invoke(main, ["init", *args], catch_exceptions=False)
    assert result.exit_code == code, result.output
    return result


@pytest.fixture
def started(tmp_path: Path) -> Path:
    init(str(tmp_path / "新区"), "--year", YEAR)
    return tmp_path / "新区"


def test_a_new_project_has_every_file_and_nothing_of_another_district(started: Path) -> None:
    files = sorted(str(p.relative_to(started)) for p in started.rglob("*") if p.is_file())
    assert files == ["data/2027/boxes.yaml", "data/2027/indicators.xlsx",
                     "data/2027/narrative.txt", "data/2027/projects.xlsx",
                     "data/2027/report.yaml", "data/2027/statistics.xlsx", "reportgen.toml",
                     "templates/report.docx", "templates/专栏/分组清单.txt",
                     "templates/专栏/完成情况清单.txt", "templates/专栏/编号清单.txt", "填写说明.md"]
    texts = "".join(p.read_text(encoding="utf-8") for p in started.rglob("*")
                    if p.suffix in (".yaml", ".txt", ".toml", ".md"))
    assert "綦江" not in texts and "重庆" not in texts
    report = (started / "data" / "2027" / "report.yaml").read_text(encoding="utf-8")
    assert "  上年: 2026" in report and "  本年: 2027" in report and "@" not in report


def test_the_template_and_box_templates_are_the_standard_ones(started: Path) -> None:
    assert (started / "templates" / "report.docx").read_bytes() == \
        (REPO / "templates" / "report.docx").read_bytes()
    for path in (REPO / "templates" / "专栏").iterdir():
        assert (started / "templates" / "专栏" / path.name).read_bytes() == path.read_bytes()


def test_the_workbooks_are_guided_and_every_value_is_to_fill_in(started: Path) -> None:
    book = openpyxl.load_workbook(started / "data" / YEAR / "indicators.xlsx")
    assert book.sheetnames == ["完成情况", "计划目标"]
    done = book["完成情况"]
    headers = [c.value for c in done[1]]
    assert headers[:5] == ["类别", "序号", "指标名称", "分组", "单位"]
    assert done.cell(1, 3).comment is not None  # a note saying what the column holds
    values = {headers[i]: c.value for i, c in enumerate(done[2])}
    assert (values["指标名称"], values["计划目标"], values["绝对值"]) == ("地区生产总值增速", "待填",
                                                                   "待填")
    assert ("A2:A6" in {str(r) for r in done.merged_cells.ranges})  # 经济发展 over its rows
    projects = openpyxl.load_workbook(started / "data" / YEAR / "projects.xlsx")["重点项目"]
    assert [c.value for c in projects[1]] == ["类别", "名称", "建设内容", "总投资（亿元）",
                                              "年度计划投资（亿元）"]
    assert projects.max_row == 1


def test_the_new_year_builds_with_every_blank_a_placeholder(started: Path) -> None:
    result = Cli(started)("build", YEAR)
    path = started / result.stdout.strip()
    assert path.name == "关于【待填：地区】2026年国民经济和社会发展计划执行情况及2027年计划草案的报告.docx"
    assert "  data/2027/report.yaml: 7\n    line 2: 地区\n    line 3: 报告单位\n" in result.stderr
    assert "  data/2027/narrative.txt: 7\n    line 12: 上年经济社会发展总体情况\n" in result.stderr
    assert "  data/2027/projects.xlsx[重点项目]: 1\n    重点项目清单\n" in result.stderr
    text = report_text(path)
    assert "专栏1：2026年国民经济和社会发展主要指标完成情况" in text
    assert "专栏3：2027年重点项目" in text and "【待填：重点项目清单】" in text
    # what the results decide waits on them: never 全部完成 before they are known
    assert "全部完成" not in text and "主要指标完成情况较好" not in text
    assert "二、2027年经济社会发展的总体要求和主要目标" in text
    assert Cli(started)("check", YEAR).stderr.endswith(
        "check 2027: 0 error(s), 0 warning(s), 59 value(s) to fill in\n")


def test_filled_in_the_year_reads_its_figures(started: Path) -> None:
    book = started / "data" / YEAR / "indicators.xlsx"
    for name in ("地区生产总值增速", "规模以上工业增加值增速"):
        set_cell(book, "完成情况", "指标名称", name, "计划目标", 6)
        set_cell(book, "完成情况", "指标名称", name, "绝对值", 800.5, "0.0")
        set_cell(book, "完成情况", "指标名称", name, "增速", 0.052, "0.0%")
    set_cell(book, "计划目标", "指标名称", "地区生产总值增速", "计划目标", "6左右")
    text = report_text(started / Cli(started)("build", YEAR).stdout.strip())
    assert "全年实现地区生产总值800.5亿元、增长5.2%" in text
    assert "地区生产总值增长6%左右" in text


@pytest.mark.parametrize(("today", "year"), [(dt.date(2026, 12, 1), 2027),
                                              (dt.date(2027, 2, 10), 2027),
                                              (dt.date(2027, 6, 30), 2027),
                                              (dt.date(2027, 7, 1), 2028)])
def test_the_default_year_is_the_report_being_drafted(today: dt.date, year: int) -> None:
    assert default_year(today) == year


def test_an_empty_folder_is_used_and_a_full_one_refused(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    init(str(empty), "--year", YEAR)
    assert (empty / "data" / YEAR / "report.yaml").is_file()
    result = init(str(empty), "--year", YEAR, code=1)
    assert "exists and is not empty; reportgen init starts a project in a new or empty folder " \
        "only" in result.stderr
    file = tmp_path / "a.txt"
    file.write_text("x", encoding="utf-8")
    assert "is a file" in init(str(file), code=2).stderr
    assert file.read_text(encoding="utf-8") == "x"
    assert "is not a year" in init(str(tmp_path / "n"), "--year", "27", code=2).stderr
    assert not (tmp_path / "n").exists()


def test_the_same_year_gives_the_same_bytes() -> None:
    assert starter_files(2027) == starter_files(2027)
