"""The cache of what the inputs decide: the same bytes with it or without it, never stale, and
never in the project."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from helpers.project import copy_project
from helpers.sheets import set_cell
from helpers.text import report_text
from reportgen import cache
from reportgen.commands.build import build
from reportgen.project import Project


@pytest.fixture
def own_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("REPORTGEN_CACHE_DIR", str(folder))
    cache.folder.cache_clear()
    yield folder
    cache.folder.cache_clear()


def entries(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file()) if folder.exists() else []


def test_a_build_gives_the_same_bytes_with_or_without_the_cache(
        tmp_path: Path, own_cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = Project.at(copy_project(tmp_path / "p"))
    first = build(project, 2021).path.read_bytes()  # fills the cache
    assert {p.parent.parent.name for p in entries(own_cache)} == {"workbooks", "templates"}
    assert build(project, 2021).path.read_bytes() == first  # served from it
    monkeypatch.setenv("REPORTGEN_CACHE", "off")
    cache.folder.cache_clear()
    assert build(project, 2021).path.read_bytes() == first


def test_a_changed_workbook_is_read_again(tmp_path: Path, own_cache: Path) -> None:
    root = copy_project(tmp_path / "p")
    project = Project.at(root)
    assert "地区生产总值500.30亿元" in report_text(build(project, 2021).path)
    set_cell(root / "data" / "2021" / "indicators.xlsx", "完成情况", "指标名称", "地区生产总值增速",
             "绝对值", 512.25)
    assert "地区生产总值512.25亿元" in report_text(build(project, 2021).path)


def test_a_changed_template_is_compiled_again(tmp_path: Path, own_cache: Path) -> None:
    root = copy_project(tmp_path / "p")
    project = Project.at(root)
    build(project, 2021)
    template = root / "templates" / "专栏" / "编号清单.txt"
    assert "（已改）" not in report_text(build(project, 2021).path)
    template.write_text(template.read_text(encoding="utf-8").replace("}}。", "}}（已改）。"),
                        encoding="utf-8")
    assert report_text(build(project, 2021).path).count("（已改）") == 12  # 12 项民心工程


def test_a_damaged_cache_is_no_error(tmp_path: Path, own_cache: Path) -> None:
    project = Project.at(copy_project(tmp_path / "p"))
    first = build(project, 2021).path.read_bytes()
    for entry in entries(own_cache):
        entry.write_bytes(b"\x00garbage")
    assert build(project, 2021).path.read_bytes() == first


def test_the_cache_is_never_in_the_project(tmp_path: Path, own_cache: Path) -> None:
    root = copy_project(tmp_path / "p")
    before = {p for p in root.rglob("*")}
    built = build(Project.at(root), 2021).path
    after = {p for p in root.rglob("*")}
    assert after - before == {built, built.parent, built.parent.parent}
    assert entries(own_cache)


def test_off_writes_nothing(tmp_path: Path, own_cache: Path,
                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REPORTGEN_CACHE", "off")
    cache.folder.cache_clear()
    build(Project.at(copy_project(tmp_path / "p")), 2021)
    assert entries(own_cache) == [] and not os.path.exists(own_cache)
