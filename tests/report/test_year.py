"""A year read and validated in one place: read, collect (problems together) and load."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers.sheets import rename_header, set_cell
from reportgen.errors import DataErrors, Problems, ReportgenError, SourceRef
from reportgen.project import Project
from reportgen.report import year

BOXES = ["重大项目完成情况", "民心工程完成情况", "主要指标完成情况", "主要指标计划", "政府投资重点项目",
         "产业发展重点项目", "民心工程"]


def folder(project: Path) -> Path:
    return project / "data" / "2021"


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def spoil(project: Path) -> None:
    """One bad cell, one unknown column (a warning), two 专栏 naming sheets that do not exist."""
    set_cell(folder(project) / "indicators.xlsx", "完成情况", "指标名称", "地区生产总值增速", "绝对值",
             "5OO")
    rename_header(folder(project) / "statistics.xlsx", "统计", "说明", "说眀")
    boxes = folder(project) / "boxes.yaml"
    edit(boxes, "清单: 上年民心工程", "清单: 上年民心工")
    edit(boxes, "指标表: 计划目标", "指标表: 计划木标")


WARNING = ("data/2021/statistics.xlsx[统计]!E1: column 「说眀」 is not one reportgen "
           "knows; did you mean 「说明」?")
ERRORS = [
    "data/2021/indicators.xlsx[完成情况]!G2（绝对值）: 「5OO」 is not a number",
    "data/2021/boxes.yaml:12: 专栏 「民心工程完成情况」: projects.xlsx has no sheet 「上年民心工」; "
    "it has 上年重大项目、上年民心工程、政府投资重点项目、产业发展重点项目、本年民心工程; "
    "did you mean 「上年民心工程」?",
    "data/2021/boxes.yaml:29: 专栏 「主要指标计划」: indicators.xlsx has no sheet 「计划木标」; "
    "it has 完成情况、计划目标; did you mean 「计划目标」?",
]


def test_read_gives_the_files_of_the_year(project: Path) -> None:
    raw = year.read(Project.at(project), 2021)
    assert raw.year == 2021
    assert (raw.report_ref, raw.boxes_ref, raw.narrative_ref) == (
        SourceRef("data/2021/report.yaml"), SourceRef("data/2021/boxes.yaml"),
        SourceRef("data/2021/narrative.txt"))
    assert sorted(raw.workbooks) == ["indicators", "projects", "statistics"]
    assert list(raw.workbooks["indicators"]) == ["完成情况", "计划目标"]
    assert list(raw.boxes) == BOXES
    assert raw.narrative.startswith("{#\n  报告正文。")


def test_read_of_a_year_that_is_not_there_names_the_years_that_are(project: Path) -> None:
    with pytest.raises(ReportgenError) as caught:
        year.read(Project.at(project), 2022)
    assert str(caught.value) == ("data/2022: no data for 2022: the folder does not exist\n"
                                 "  Years in data/: 2021.")


def test_read_reports_every_missing_file_at_once(project: Path) -> None:
    (folder(project) / "report.yaml").unlink()
    (folder(project) / "narrative.txt").unlink()
    (folder(project) / "boxes.yaml").unlink()  # a report with no 专栏 needs none
    with pytest.raises(ReportgenError) as caught:
        year.read(Project.at(project), 2021)
    assert str(caught.value) == (
        "2 problems reading data/2021:\n"
        "  data/2021/report.yaml: missing: every year folder needs this file\n"
        "  data/2021/narrative.txt: missing: every year folder needs this file")


def test_collect_parses_the_boxes_of_boxes_yaml(project: Path) -> None:
    problems = Problems()
    data = year.collect(year.read(Project.at(project), 2021), problems)
    assert problems.items == []
    assert list(data.boxes) == BOXES
    box = data.boxes["重大项目完成情况"]
    assert (box.key, box.title, box.kind, box.source, dict(box.params), box.ref, box.options) == (
        "重大项目完成情况", "{{ 上年 }}年重大项目完成情况", "list", "上年重大项目", {"编号": "1．"},
        SourceRef("data/2021/boxes.yaml", line=6), "分组清单.txt")
    assert [data.boxes[name].kind for name in BOXES] == [
        "list", "list", "table", "table", "list", "list", "list"]
    assert data.warnings == ()


def test_collect_records_every_problem_and_carries_the_warnings(project: Path) -> None:
    spoil(project)
    problems = Problems()
    data = year.collect(year.read(Project.at(project), 2021), problems)
    assert [str(p) for p in problems.errors] == ERRORS
    assert data.warnings == (WARNING,)
    # the year is there as far as it validates: the bad cell is None, the boxes are all read
    assert data.execution is not None
    row = next(r for r in data.execution.rows if r.name == "地区生产总值增速")
    assert row.values["绝对值"] is None
    assert list(data.boxes) == BOXES


def test_load_raises_every_error_together_in_file_order(project: Path) -> None:
    spoil(project)
    with pytest.raises(DataErrors) as caught:
        year.load(Project.at(project), 2021)
    boxes_first = [ERRORS[1], ERRORS[2], ERRORS[0]]
    assert str(caught.value) == "3 problems in the data:\n" + "\n".join(
        f"  {message}" for message in boxes_first)


def test_load_of_a_clean_year_gives_the_raw_files_and_the_data(project: Path) -> None:
    rename_header(folder(project) / "statistics.xlsx", "统计", "说明", "说眀")
    raw, data = year.load(Project.at(project), 2021)
    assert raw.year == data.year == 2021
    assert data.warnings == (WARNING,)  # warnings do not stop a load
    assert data.narrative == raw.narrative and data.narrative_ref == raw.narrative_ref
    assert (data.meta.review_year, data.meta.plan_year) == (2020, 2021)
