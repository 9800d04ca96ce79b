"""What the year prints, found before it is written - composed from memory as the build
composes it - and the parts that do not come back written more plainly until they do."""

from __future__ import annotations

from pathlib import Path

from helpers.project import copy_project
from reportgen.importer.outline import Expr, Line
from reportgen.importer.recognise import recognise
from reportgen.importer.source import read_source
from reportgen.importer.verify import mismatches, settle, xml_text
from reportgen.importer.year import DATA, TEXT
from reportgen.project import Project

REPORT = ("关于甲区2020年计划执行情况及2021年计划草案的报告\n"
          "——2021年1月5日在甲区第一届人民代表大会第二次会议上\n甲区发展和改革委员会\n各位代表：\n"
          "一、执行情况\n全年实现地区生产总值210.5亿元，增长5.1%。\n专栏1：2021年重点项目\n"
          "1．产业项目\n甲、乙等项目。\n2．基础设施项目\n交通路网：丙等项目。\n")


def imported_in(root: Path, tmp_path: Path):  # type: ignore[no-untyped-def]
    path = tmp_path / "r.txt"
    path.write_text(REPORT, encoding="utf-8")
    return recognise(Project.at(root), read_source(path), "r.txt", None)


def test_what_prints_as_written_settles_at_once(tmp_path: Path) -> None:
    project = Project.at(copy_project(tmp_path / "p", years=()))
    imported, front = imported_in(project.root, tmp_path)
    assert mismatches(project, imported, front) == []
    assert settle(project, imported, front) == [] and imported.boxes()[0].mode == DATA
    assert not project.year_dir(2021).exists()  # nothing is written


def test_a_template_that_writes_otherwise_leaves_the_box_as_text(tmp_path: Path) -> None:
    root = copy_project(tmp_path / "p", years=())
    (root / "templates" / "专栏" / "分组清单.txt").write_text(
        "{% for 项 in 行 %}{{ 项.名称 }}\n{% endfor %}", encoding="utf-8")
    project = Project.at(root)
    imported, front = imported_in(root, tmp_path)
    (found,) = mismatches(project, imported, front)
    assert found.unit is not None and found.wanted.startswith("专栏1：2021年重点项目1．产业项目")
    assert settle(project, imported, front) == []
    assert imported.boxes()[0].mode == TEXT and "did not print as written" in imported.boxes()[0].why


def test_a_figure_that_does_not_print_as_it_stood_is_typed_again(tmp_path: Path) -> None:
    project = Project.at(copy_project(tmp_path / "p", years=()))
    imported, front = imported_in(project.root, tmp_path)
    index = next(i for i, u in enumerate(imported.units)
                 if isinstance(u, Line) and "210.5" in u.text)
    imported.units[index] = Line("p", body=["全年实现地区生产总值", Expr("上年", "210.5", ("x",)),
                                            "亿元，增长5.1%。"])
    assert settle(project, imported, front) == []
    assert imported.units[index].markup((2020, 2021)) == "全年实现地区生产总值210.5亿元，增长5.1%。"


def test_a_title_block_line_that_does_not_print_is_written_as_it_stood(tmp_path: Path) -> None:
    project = Project.at(copy_project(tmp_path / "p", years=()))
    imported, front = imported_in(project.root, tmp_path)
    imported.report["标题"] = "{{ 地区 }}的报告"  # not what the report has
    assert settle(project, imported, front) == []
    assert imported.report["标题"] == "关于甲区2020年计划执行情况及2021年计划草案的报告"


def test_the_text_of_word_xml() -> None:
    assert xml_text('<w:p><w:r><w:t xml:space="preserve">甲 &amp; 乙</w:t></w:r><w:r><w:t>'
                    "\ue000【待填】\ue001</w:t></w:r></w:p>") == "甲&乙【待填】"
