"""Same input, same bytes; atomic, concurrent-safe writes; literal escaping; the sandbox."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from helpers.project import REPO, Cli, copy_project
from helpers.sheets import set_cell
from helpers.text import report_text
from reportgen import write
from reportgen.commands.build import build
from reportgen.diff.normalise import squeeze
from reportgen.project import Project

REPORTGEN = [sys.executable, "-m", "reportgen"]


def test_two_builds_of_the_same_input_are_byte_identical(tmp_path: Path) -> None:
    first = build(Project.at(copy_project(tmp_path / "a")), 2021).path.read_bytes()
    second = build(Project.at(copy_project(tmp_path / "b")), 2021).path.read_bytes()
    assert first == second


def test_times_come_from_the_data_or_source_date_epoch(project: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    path = build(Project.at(project), 2021).path
    with zipfile.ZipFile(path) as package:
        assert {info.date_time[:3] for info in package.infolist()} == {(2021, 3, 10)}
        assert b"2021-03-10T00:00:00Z" in package.read("docProps/core.xml")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")  # 2023-11-14 22:13:20 UTC
    path = build(Project.at(project), 2021).path
    with zipfile.ZipFile(path) as package:
        assert {info.date_time for info in package.infolist()} == {(2023, 11, 14, 22, 13, 20)}
        assert b"2023-11-14T22:13:20Z" in package.read("docProps/core.xml")


def test_the_template_command_writes_the_committed_template(cli: Cli, project: Path) -> None:
    template = project / "templates" / "report.docx"
    template.unlink()
    cli("template")
    assert template.read_bytes() == (REPO / "templates" / "report.docx").read_bytes()


def test_a_failed_write_leaves_the_previous_file_and_no_temporary(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch
                                                                   ) -> None:
    target = tmp_path / "out" / "report.docx"
    write.write_atomic(target, b"first")

    def broken_replace(src: object, dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(write.ReportgenError, match="No space left on device"):
        write.write_atomic(target, b"second, longer")
    assert target.read_bytes() == b"first"
    assert [p.name for p in target.parent.iterdir()] == ["report.docx"]


def test_concurrent_builds_do_not_corrupt_each_other(project: Path) -> None:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    processes = [subprocess.Popen([*REPORTGEN, "build", "2021"], cwd=project, env=env,
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE)
                 for _ in range(3)]
    outputs = [p.communicate(timeout=120) for p in processes]
    assert [p.returncode for p in processes] == [0, 0, 0], outputs
    files = [p for p in (project / "output" / "2021").iterdir()]
    assert len(files) == 1 and files[0].suffix == ".docx"
    with zipfile.ZipFile(files[0]) as package:
        assert package.testzip() is None
    assert files[0].read_bytes() == build(Project.at(project), 2021).path.read_bytes()


NASTY = [
    "A&B<C>D\"E'F",
    "</w:t></w:r><w:r><w:t>注入",
    "{{ 上年 }}{% if 1 %}x{% endif %}{_{ }_}",
    "表情🎉与𠀀扩展B区汉字",
    "   前后空格 ",
    "很长的项目名称" * 400,
    "]]><![CDATA[x",
    "&amp;&lt;",
]


@pytest.mark.parametrize("name", NASTY, ids=range(len(NASTY)))
def test_any_typed_text_renders_literally(project: Path, name: str) -> None:
    set_cell(project / "data" / "2021" / "projects.xlsx", "本年民心工程", "名称",
             "农村公路危桥改造工程", "名称", name)
    path = build(Project.at(project), 2021).path
    with zipfile.ZipFile(path) as package:
        etree.fromstring(package.read("word/document.xml"))  # well-formed, strictly parsed
    text = report_text(path)
    assert f"10．{squeeze(name)}。" in text


ESCAPES = [
    "{{ ''.__class__.__mro__ }}",
    "{{ 完成.__class__.__init__.__globals__ }}",
    "{{ lipsum.__globals__['os'] }}",
    "{{ cycler.__init__.__globals__.os.environ }}",
    "{{ self.__init__.__globals__ }}",
    "{{ 完成.by_key.missing.__func__.__globals__ }}",
    "{% for i in range(10**9) %}{% endfor %}",
    "{{ 'x' * 1000000000 }}",
    "{{ 2 ** 100000000 }}",
    "{% include '/etc/passwd' %}",
    "{% import 'os' as os %}",
    "{{ config }}",
]


@pytest.mark.parametrize("attempt", ESCAPES, ids=range(len(ESCAPES)))
def test_templates_cannot_escape_the_sandbox(cli: Cli, project: Path, attempt: str) -> None:
    narrative = project / "data" / "2021" / "narrative.txt"
    lines = narrative.read_text(encoding="utf-8").split("\n")
    narrative.write_text("\n".join(lines) + attempt + "\n", encoding="utf-8")
    result = cli("build", "2021", code=1)
    assert f"data/2021/narrative.txt:{len(lines)}:" in result.stderr
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr


def test_the_word_template_renders_in_the_same_sandbox(cli: Cli, project: Path) -> None:
    import docx

    template = project / "templates" / "report.docx"
    document = docx.Document(template)
    document.paragraphs[0].runs[0].text = "{{ 完成.__class__.__mro__ }}"
    document.save(template)
    result = cli("build", "2021", code=1)
    assert "templates/report.docx" in result.stderr and "not allowed" in result.stderr


def test_a_large_year_builds(tmp_path: Path) -> None:
    sys.path.insert(0, str(REPO / "benchmarks"))
    from synthetic import grow

    root = copy_project(tmp_path / "big")
    grow(root / "data" / "2021", projects=10_000, indicators=500)
    path = build(Project.at(root), 2021).path
    text = report_text(path)
    assert "第4组测试项目1999号（含&<>\"'符号）" in text
    assert "测试指标499" in text
    assert text.count("测试项目") == 10_000
