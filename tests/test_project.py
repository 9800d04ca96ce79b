"""The project on disk: year arguments, the year folders, a build's inputs, the output paths."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from reportgen.errors import ReportgenError, SourceRef, UsageError
from reportgen.project import Project, is_year, parse_year


@pytest.mark.parametrize(("text", "expected"), [
    ("2021", True), (" 2021\n", True), ("0000", True), ("202", False), ("20211", False),
    ("2021.0", False), ("-202", False), ("2021a", False), ("二〇二一", False), ("", False),
    ("20 21", False),
])
def test_is_year_means_four_digits(text: str, expected: bool) -> None:
    assert is_year(text) is expected


@pytest.mark.parametrize(("text", "year"), [
    ("2021", 2021), (" 2022 ", 2022), ("1949", 1949), ("2999", 2999),
])
def test_a_year_argument_reads_as_its_number(text: str, year: int) -> None:
    assert parse_year(text) == year


@pytest.mark.parametrize(("text", "message"), [
    ("21", "「21」 is not a year; give the plan year as four digits, e.g. 2021"),
    ("20211", "「20211」 is not a year; give the plan year as four digits, e.g. 2021"),
    ("2021年", "「2021年」 is not a year; give the plan year as four digits, e.g. 2021"),
    ("", "「」 is not a year; give the plan year as four digits, e.g. 2021"),
    ("1948", "1948 is outside the years reportgen handles (1949–2999)"),
    ("3000", "3000 is outside the years reportgen handles (1949–2999)"),
    ("0000", "0 is outside the years reportgen handles (1949–2999)"),
])
def test_anything_else_is_a_usage_error(text: str, message: str) -> None:
    with pytest.raises(UsageError) as refused:
        parse_year(text)
    assert str(refused.value) == message
    assert refused.value.exit_code == 2


def test_the_folders_of_a_project(tmp_path: Path) -> None:
    project = Project.at(tmp_path)
    assert project.data_dir == tmp_path / "data"
    assert project.year_dir(2021) == tmp_path / "data" / "2021"
    assert project.output_dir(2021) == tmp_path / "output" / "2021"
    assert project.templates_dir == tmp_path / "templates"
    assert project.template_path == tmp_path / "templates" / "report.docx"
    assert project.box_templates_dir == tmp_path / "templates" / "专栏"
    assert project.config_path == tmp_path / "reportgen.toml"


def test_a_project_is_where_it_is_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "sub").mkdir()
    monkeypatch.chdir(tmp_path)
    assert Project.at().root == tmp_path.resolve()
    assert Project.at("sub").root == (tmp_path / "sub").resolve()
    assert Project.at(str(tmp_path / "sub" / "..")).root == tmp_path.resolve()


def test_a_ref_is_relative_to_the_root(tmp_path: Path) -> None:
    project = Project.at(tmp_path / "p")
    assert project.ref(tmp_path / "p" / "data" / "2021" / "x.xlsx") == SourceRef("data/2021/x.xlsx")
    assert project.ref(tmp_path / "elsewhere.txt") == SourceRef((tmp_path / "elsewhere.txt")
                                                                .as_posix())


def test_an_existing_year_folder_is_returned(tmp_path: Path) -> None:
    (tmp_path / "data" / "2021").mkdir(parents=True)
    assert Project.at(tmp_path).existing_year_dir(2021) == tmp_path / "data" / "2021"


def test_a_missing_year_lists_the_years_there_are(tmp_path: Path) -> None:
    for name in ("2021", "2020", "notes", "2019.bak"):
        (tmp_path / "data" / name).mkdir(parents=True)
    (tmp_path / "data" / "2018").write_text("not a folder", encoding="utf-8")
    with pytest.raises(ReportgenError) as refused:
        Project.at(tmp_path).existing_year_dir(2022)
    assert str(refused.value) == ("data/2022: no data for 2022: the folder does not exist\n"
                                  "  Years in data/: 2020, 2021.")
    assert refused.value.ref == SourceRef("data/2022")


def test_no_year_at_all_says_where_to_run(tmp_path: Path) -> None:
    project = Project.at(tmp_path)
    with pytest.raises(ReportgenError) as refused:
        project.existing_year_dir(2021)
    assert refused.value.message == "no data for 2021: the folder does not exist"
    assert refused.value.hint == (
        "Run reportgen in the project folder (the one holding data/ and templates/); "
        f"the current folder is {project.root}.")


def test_no_official_text(tmp_path: Path) -> None:
    (tmp_path / "data" / "2021").mkdir(parents=True)
    (tmp_path / "data" / "2021" / "official.pdf").write_text("x", encoding="utf-8")
    assert Project.at(tmp_path).official_path(2021) is None


@pytest.mark.parametrize(("files", "folders", "expected"), [
    (("official.docx",), (), "official.docx"),
    (("official.txt",), (), "official.txt"),
    (("official.docx", "official.txt"), (), "official.txt"),  # the text comes first
    (("official.docx",), ("official.txt",), "official.docx"),  # a folder is not the text
])
def test_the_official_text(tmp_path: Path, files: tuple[str, ...], folders: tuple[str, ...],
                           expected: str) -> None:
    folder = tmp_path / "data" / "2021"
    folder.mkdir(parents=True)
    for name in files:
        (folder / name).write_text("x", encoding="utf-8")
    for name in folders:
        (folder / name).mkdir()
    assert Project.at(tmp_path).official_path(2021) == folder / expected


def _touch(path: Path, mtime: float = 1_600_000_000) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"x")
    os.utime(path, (mtime, mtime))
    return path


def test_build_inputs_are_what_decides_the_report(tmp_path: Path) -> None:
    for name in ("data/2021/report.yaml", "data/2021/indicators/完成情况.csv",
                 "data/2021/official.txt", "data/2021/official.docx",
                 "data/2021/diff-baseline.json", "data/2021/~$statistics.xlsx",
                 "data/2021/.report.yaml.swp", "data/2020/report.yaml",
                 "templates/report.docx", "templates/专栏/清单.txt", "templates/~$report.docx",
                 "output/2021/报告.docx"):
        _touch(tmp_path / name)
    project = Project.at(tmp_path)

    def inputs() -> list[str]:
        return sorted(p.relative_to(tmp_path).as_posix() for p in project.build_inputs(2021))

    assert inputs() == ["data/2021/indicators/完成情况.csv", "data/2021/report.yaml",
                        "templates/report.docx", "templates/专栏/清单.txt"]
    _touch(tmp_path / "reportgen.toml")
    assert inputs() == ["data/2021/indicators/完成情况.csv", "data/2021/report.yaml",
                        "reportgen.toml", "templates/report.docx", "templates/专栏/清单.txt"]


def test_newer_input_names_the_newest_input_newer_than_the_output(tmp_path: Path) -> None:
    project = Project.at(tmp_path)
    output = _touch(tmp_path / "output" / "2021" / "报告.docx", 2000)
    _touch(tmp_path / "data" / "2021" / "report.yaml", 1000)
    _touch(tmp_path / "templates" / "report.docx", 1500)
    assert project.newer_input(2021, output) is None
    _touch(tmp_path / "data" / "2021" / "official.txt", 3000)  # not an input
    assert project.newer_input(2021, output) is None
    _touch(tmp_path / "data" / "2021" / "narrative.txt", 2500)
    _touch(tmp_path / "templates" / "专栏" / "清单.txt", 2600)
    assert project.newer_input(2021, output) == tmp_path / "templates" / "专栏" / "清单.txt"


def test_an_output_as_old_as_its_newest_input_is_up_to_date(tmp_path: Path) -> None:
    output = _touch(tmp_path / "output" / "2021" / "报告.docx", 2000)
    _touch(tmp_path / "data" / "2021" / "report.yaml", 2000)
    assert Project.at(tmp_path).newer_input(2021, output) is None


def test_no_inputs_means_nothing_newer(tmp_path: Path) -> None:
    output = _touch(tmp_path / "output" / "2021" / "报告.docx", 2000)
    assert Project.at(tmp_path).newer_input(2021, output) is None


def test_output_reports_are_newest_first(tmp_path: Path) -> None:
    folder = tmp_path / "output" / "2021"
    assert Project.at(tmp_path).output_reports(2021) == []
    _touch(folder / "甲.docx", 100)
    _touch(folder / "丙.docx", 200)
    _touch(folder / "乙.docx", 200)  # as new as 丙: by name
    _touch(folder / "~$甲.docx", 300)  # Word's lock file
    _touch(folder / ".丁.docx.tmp", 300)
    _touch(folder / ".丁.docx", 300)
    _touch(folder / "报告.pdf", 300)
    (folder / "戊.docx").mkdir()
    names = [p.name for p in Project.at(tmp_path).output_reports(2021)]
    assert names == ["丙.docx", "乙.docx", "甲.docx"]
