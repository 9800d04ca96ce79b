"""Reading a year folder: every file at once, workbooks or CSV folders, and every missing or
unreadable file reported together."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from reportgen.data.folder import read_workbook_or_csv, read_year
from reportgen.errors import ReportgenError, SourceRef
from reportgen.project import Project

MISSING = "missing: every year folder needs this file"


def year_folder(project: Path) -> tuple[Path, Project]:
    return project / "data" / "2021", Project.at(project)


def test_the_shipped_year_reads(project: Path) -> None:
    folder, where = year_folder(project)
    raw = read_year(2021, folder, where.ref)
    assert (raw.year, raw.folder) == (2021, folder)
    assert raw.report["地区"] == "重庆市綦江区"
    assert raw.report["年份"] == {"上年": 2020, "本年": 2021}
    assert "重大项目完成情况" in raw.boxes
    assert raw.narrative.startswith("{#\n")
    assert "\r" not in raw.narrative
    assert (raw.report_ref, raw.boxes_ref, raw.narrative_ref) == (
        SourceRef("data/2021/report.yaml"), SourceRef("data/2021/boxes.yaml"),
        SourceRef("data/2021/narrative.txt"))
    assert {name: list(tables) for name, tables in raw.workbooks.items()} == {
        "indicators": ["完成情况", "计划目标"],
        "projects": ["上年重大项目", "上年民心工程", "政府投资重点项目", "产业发展重点项目",
                     "本年民心工程"],
        "statistics": ["统计", "重大项目执行", "投资计划"]}
    assert {name: str(ref) for name, ref in raw.workbook_refs.items()} == {
        "indicators": "data/2021/indicators.xlsx", "projects": "data/2021/projects.xlsx",
        "statistics": "data/2021/statistics.xlsx"}
    assert str(raw.workbooks["statistics"]["统计"].ref) == "data/2021/statistics.xlsx[统计]"


def test_an_empty_folder_reports_every_missing_file_at_once(tmp_path: Path) -> None:
    folder = tmp_path / "data" / "2022"
    folder.mkdir(parents=True)
    with pytest.raises(ReportgenError) as refused:
        read_year(2022, folder, Project.at(tmp_path).ref)
    assert str(refused.value) == "\n".join([
        "2 problems reading data/2022:",
        f"  data/2022/report.yaml: {MISSING}",
        f"  data/2022/narrative.txt: {MISSING}"])


def test_one_problem_is_reported_as_itself(project: Path) -> None:
    folder, where = year_folder(project)
    (folder / "narrative.txt").unlink()
    with pytest.raises(ReportgenError) as refused:
        read_year(2021, folder, where.ref)
    assert str(refused.value) == f"data/2021/narrative.txt: {MISSING}"
    assert refused.value.ref == SourceRef("data/2021/narrative.txt")


def test_unreadable_files_are_reported_with_missing_ones(project: Path) -> None:
    folder, where = year_folder(project)
    (folder / "report.yaml").write_text("地区: 甲\n会议: [\n", encoding="utf-8")
    (folder / "boxes.yaml").unlink()
    (folder / "boxes.yaml").mkdir()
    (folder / "narrative.txt").unlink()
    with pytest.raises(ReportgenError) as refused:
        read_year(2021, folder, where.ref)
    lines = str(refused.value).split("\n")
    assert lines[1].startswith("  data/2021/report.yaml:3: is not valid YAML: expected ")
    assert lines[:1] + lines[2:] == [
        "3 problems reading data/2021:",
        "  data/2021/boxes.yaml: is a folder; expected a file",
        f"  data/2021/narrative.txt: {MISSING}"]


def test_a_listed_problems_hint_stays_under_it(project: Path) -> None:
    folder, where = year_folder(project)
    (folder / "boxes.yaml").write_bytes(b"\xff\xfe")
    (folder / "narrative.txt").unlink()
    with pytest.raises(ReportgenError) as refused:
        read_year(2021, folder, where.ref)
    assert str(refused.value).split("\n") == [
        "2 problems reading data/2021:",
        "  data/2021/boxes.yaml:1: is not UTF-8 text (byte 1)",
        "    Save it as UTF-8 (in Notepad: 另存为, 编码 UTF-8).",
        f"  data/2021/narrative.txt: {MISSING}"]


def _csv(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8-sig")


def test_a_workbook_may_be_a_folder_of_csv_files(project: Path) -> None:
    folder, where = year_folder(project)
    (folder / "indicators.xlsx").unlink()
    _csv(folder / "indicators" / "计划目标.csv", "指标名称,计划目标\n地区生产总值增速,6.5\n")
    _csv(folder / "indicators" / "完成情况.csv", "指标名称,绝对值\n地区生产总值增速,500.30\n")
    (folder / "indicators" / "说明.txt").write_text("not a sheet", encoding="utf-8")
    raw = read_year(2021, folder, where.ref)
    sheets = raw.workbooks["indicators"]
    assert list(sheets) == ["完成情况", "计划目标"]  # by file name
    assert raw.workbook_refs["indicators"] == SourceRef("data/2021/indicators")
    done = sheets["完成情况"]
    assert str(done.ref) == "data/2021/indicators/完成情况.csv"
    assert [(r.get("指标名称").text, r.get("绝对值").text) for r in done.rows] == [
        ("地区生产总值增速", "500.30")]
    assert str(done.rows[0].get("绝对值").ref) == "data/2021/indicators/完成情况.csv!B2（绝对值）"


def test_a_workbook_and_its_csv_folder_together_are_refused(project: Path) -> None:
    folder, where = year_folder(project)
    _csv(folder / "statistics" / "统计.csv", "指标,数值\n")
    with pytest.raises(ReportgenError) as refused:
        read_workbook_or_csv(folder, "statistics", where.ref)
    assert str(refused.value) == ("data/2021: both statistics.xlsx and the CSV folder "
                                  "statistics/ exist; keep one of them")


def test_a_folder_named_like_a_workbook_is_refused(project: Path) -> None:
    folder, where = year_folder(project)
    (folder / "projects.xlsx").unlink()
    (folder / "projects.xlsx").mkdir()
    with pytest.raises(ReportgenError) as refused:
        read_year(2021, folder, where.ref)
    assert str(refused.value) == "data/2021/projects.xlsx: is a folder; expected an .xlsx workbook"


def test_an_old_xls_workbook_is_named(project: Path) -> None:
    folder, where = year_folder(project)
    shutil.move(folder / "projects.xlsx", folder / "projects.xls")
    with pytest.raises(ReportgenError) as refused:
        read_workbook_or_csv(folder, "projects", where.ref)
    assert str(refused.value) == (
        "data/2021/projects.xls: this is an old-style .xls workbook; reportgen reads .xlsx\n"
        "  Open it in Excel or WPS and save it as Excel 工作簿 (*.xlsx).")


def test_a_text_file_that_is_a_folder_is_named(project: Path) -> None:
    folder, where = year_folder(project)
    (folder / "boxes.yaml").unlink()
    (folder / "boxes.yaml").mkdir()
    with pytest.raises(ReportgenError) as refused:
        read_year(2021, folder, where.ref)
    assert str(refused.value) == "data/2021/boxes.yaml: is a folder; expected a file"


def test_an_empty_narrative_reads_as_no_text(project: Path) -> None:
    folder, where = year_folder(project)
    (folder / "narrative.txt").write_bytes(b"")
    assert read_year(2021, folder, where.ref).narrative == ""
