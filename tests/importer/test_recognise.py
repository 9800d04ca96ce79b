"""A report read into a year: the plan year, report.yaml's mapping for its title block, and the
专栏 and 附件 kept as the build numbers them - the others written as paragraphs."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from helpers.project import copy_project
from reportgen.errors import UsageError
from reportgen.importer.front import Facts, Front
from reportgen.importer.recognise import plan_year, recognise, report_mapping
from reportgen.importer.source import read_source
from reportgen.importer.year import DATA, PLAIN, TEXT, AttachmentPlan, BoxPlan
from reportgen.project import Project


def facts(years: tuple[int, ...] = (), date: dt.date | None = None) -> Facts:
    return Facts(years, None, date, None, None, False)


@pytest.mark.parametrize(("found", "given", "year"), [
    (facts((2020, 2021)), None, 2021), (facts((2020, 2021)), 2030, 2030),
    (facts((), dt.date(2023, 2, 2)), None, 2023), (facts((2021, 2025), dt.date(2022, 1, 9)), None,
                                                   2022),
    (facts((2022,)), None, 2022),
])
def test_the_plan_year(found: Facts, given: int | None, year: int) -> None:
    assert plan_year(found, given, "r.txt") == year


def test_no_year_at_all_asks_for_one() -> None:
    with pytest.raises(UsageError, match="r.txt: its title and 会议题注 name no year; give the "
                                         "plan year with --year YEAR"):
        plan_year(facts(), None, "r.txt")


def test_the_title_blocks_mapping_leaves_out_the_defaults() -> None:
    front = Front("政府工作报告", None, "区长\u3000张三", None, 3)
    found = Facts((), "甲区", None, None, "区长", True)
    assert report_mapping(front, found, 2023) == {
        "地区": "甲区", "报告单位": "区长", "年份": {"上年": 2022, "本年": 2023},
        "会议": {"日期": "待填", "名称": "待填", "简称": "待填"}, "标题": "政府工作报告",
        "题注": "", "署名": "区长\u3000张三", "称谓": ""}


def text_of(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "r.txt"
    path.write_text("关于甲区2020年计划执行情况及2021年计划草案的报告\n各位代表：\n" + body,
                    encoding="utf-8")
    return path


def test_boxes_numbered_otherwise_and_attachments_labelled_otherwise_are_paragraphs(
        tmp_path: Path) -> None:
    project = Project.at(copy_project(tmp_path / "p", years=()))
    path = text_of(tmp_path, "一、执行情况\n专栏2：错了号的专栏\n1．甲工程。\n专栏1：2021年工程\n"
                             "1．乙工程。\n附件1\n附表\n正文。\n")
    imported, front = recognise(project, read_source(path), "r.txt", None)
    boxes = [u for u in imported.units if isinstance(u, BoxPlan)]
    assert [(b.found.number, b.mode) for b in boxes] == [("2", PLAIN), ("1", DATA)]
    assert boxes[1].made is not None and boxes[1].made.key == "工程"
    attachment = next(u for u in imported.units if isinstance(u, AttachmentPlan))
    assert attachment.plain  # the only 附件 prints as 附件, not 附件1
    assert front["称谓"] == "各位代表：" and imported.year == 2021


def test_a_list_no_template_of_the_project_writes_is_text(tmp_path: Path) -> None:
    root = copy_project(tmp_path / "p", years=())
    (root / "templates" / "专栏" / "编号清单.txt").unlink()
    path = text_of(tmp_path, "一、执行情况\n专栏1：工程\n1．乙工程。\n")
    imported, _ = recognise(Project.at(root), read_source(path), "r.txt", None)
    (plan,) = imported.boxes()
    assert plan.mode == TEXT and plan.why == "the project has no templates/专栏/编号清单.txt to write it"
