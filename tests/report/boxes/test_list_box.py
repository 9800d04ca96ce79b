"""The list 专栏: lines written by a text template from a project sheet, and the checks of it."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest

from reportgen.checks.names import TemplateChecker
from reportgen.data.model import GAP_CLOSE, GAP_OPEN, BoxSpec, Gap, RecordTable, YearData
from reportgen.errors import Problems, ReportgenError, SourceRef
from reportgen.project import Project
from reportgen.report import year
from reportgen.report.boxes.base import BoxContext, TemplateFiles
from reportgen.report.boxes.list_box import ListBox
from reportgen.templating.context import build_context
from reportgen.templating.environment import make_env
from reportgen.templating.views import Lookup

BOXES = SourceRef("data/2021/boxes.yaml", line=48)
BOX = BoxSpec("民心工程", "{{ 本年 }}年民心工程", "list", "本年民心工程", {"编号": "1．"}, BOXES,
              "编号清单.txt")
FIRST = ["1．城区老旧小区改造提升工程。", "2．城区环卫设施改造提升工程。"]


def write_template(project: Path, name: str, text: str) -> None:
    (project / "templates" / "专栏" / name).write_text(text, encoding="utf-8")


def loaded(project: Path) -> YearData:
    return year.load(Project.at(project), 2021)[1]


def render(project: Path, box: BoxSpec, data: YearData | None = None,
           gaps: list[Gap] | None = None) -> list[str]:
    """The 专栏 rendered as number 5; the text of each paragraph."""
    data = data or loaded(project)
    gaps = gaps if gaps is not None else []
    ctx = BoxContext(data, make_env(gaps), build_context(data, {box.key: 5}),
                     TemplateFiles(Project.at(project)), gaps)
    xml = ListBox().render(box, 5, ctx)
    return ["".join(re.findall(r"<w:t[^>]*>([^<]*)</w:t>", p))
            for p in re.findall(r"<w:p>.*?</w:p>", xml)]


def test_the_shipped_template_writes_a_numbered_line_per_row(project: Path) -> None:
    lines = render(project, BOX)
    assert lines[:3] == ["专栏5：2021年民心工程", *FIRST]
    assert len(lines) == 1 + 12  # the title, then the 12 projects of 本年民心工程


def test_the_template_sees_its_rows_and_its_parameters(project: Path) -> None:
    write_template(project, "自定义.txt", "# {{ 参数.标题 }}共{{ 行|length }}项\n"
                                       "{% for 项 in 行 %}{{ 参数.记号 }}{{ 项.名称 }}\n{% endfor %}")
    box = replace(BOX, params={"标题": "一、民心工程", "记号": "★"}, options="自定义.txt")
    assert render(project, box)[:4] == ["专栏5：2021年民心工程", "一、民心工程共12项",
                                        "★城区老旧小区改造提升工程", "★城区环卫设施改造提升工程"]


def test_local_names_are_the_rows_of_its_sheet_and_its_parameters(project: Path) -> None:
    context = build_context(loaded(project), {})
    local = ListBox.local(BOX, context)
    assert list(local) == ["行", "参数"]
    assert local["行"] is context["项目"]["本年民心工程"]
    assert isinstance(local["参数"], Lookup) and dict(local["参数"]) == {"编号": "1．"}
    assert local["参数"].missing("序号") == "专栏 「民心工程」 的参数 has no 「序号」; did you mean 「编号」?"


def empty_sheet(data: YearData, sheet: str) -> YearData:
    ref = SourceRef("data/2021/projects.xlsx", sheet)
    return replace(data, projects={**data.projects, sheet: RecordTable(sheet, ref, ("名称",), ())})


def test_an_empty_list_shows_what_to_fill_in(project: Path) -> None:
    gaps: list[Gap] = []
    lines = render(project, BOX, empty_sheet(loaded(project), "本年民心工程"), gaps)
    assert lines == ["专栏5：2021年民心工程", f"{GAP_OPEN}【待填：本年民心工程清单】{GAP_CLOSE}"]
    assert gaps == [Gap("本年民心工程清单", SourceRef("data/2021/projects.xlsx", "本年民心工程"))]


def test_an_empty_list_whose_template_writes_lines_keeps_them(project: Path) -> None:
    write_template(project, "有标题.txt", "# 一、民心工程\n{% for 项 in 行 %}{{ 项.名称 }}\n{% endfor %}")
    box = replace(BOX, options="有标题.txt")
    assert render(project, box, empty_sheet(loaded(project), "本年民心工程")) == [
        "专栏5：2021年民心工程", "一、民心工程"]


def test_a_render_error_names_the_template_and_line(project: Path) -> None:
    write_template(project, "错.txt", "{% for 项 in 行 %}\n{{ 参数.序号 }}{{ 项.名称 }}\n{% endfor %}\n")
    with pytest.raises(ReportgenError) as caught:
        render(project, replace(BOX, options="错.txt"))
    assert str(caught.value) == (
        "templates/专栏/错.txt:2: undefined: 专栏 「民心工程」 的参数 has no 「序号」; did you mean "
        "「编号」?\n    | {{ 参数.序号 }}{{ 项.名称 }}")


def test_options_need_a_template() -> None:
    problems = Problems()
    assert ListBox().options("甲", {"模板": "编号清单.txt"}, BOXES, problems) == "编号清单.txt"
    assert ListBox().options("甲", {"模板": ""}, BOXES, problems) is None
    assert [str(p) for p in problems.items] == [
        "data/2021/boxes.yaml:48: 专栏 「甲」 needs a 模板 (a file in templates/专栏/)"]
    assert ListBox().titles(BOX) == ["{{ 本年 }}年民心工程"]


def template_problems(project: Path, *boxes: BoxSpec) -> list[str]:
    data = loaded(project)
    context = build_context(data, {})
    problems = Problems()
    checker = TemplateChecker(make_env(), context, problems)
    for box in boxes:
        ListBox().check_templates(box, TemplateFiles(Project.at(project)), checker, context,
                                  problems)
    return [str(p) for p in problems.items]


def test_the_shipped_template_passes_the_check(project: Path) -> None:
    assert template_problems(project, BOX) == []


def test_check_templates_reports_unknown_names_with_their_line(project: Path) -> None:
    write_template(project, "错.txt", "{% for 项 in 行 %}\n{{ 参数.序号 }}{{ 项.名字 }}\n{% endfor %}\n"
                                    "{{ 行数 }}\n")
    assert template_problems(project, replace(BOX, options="错.txt")) == [
        "templates/专栏/错.txt:2: 专栏 「民心工程」 的参数 has no 「序号」; did you mean 「编号」?",
        "templates/专栏/错.txt:2: 本年民心工程 「城区老旧小区改造提升工程」 has no 「名字」; "
        "did you mean 「名称」?",
        "templates/专栏/错.txt:4: 「行数」 is not a name templates see; did you mean 「行」?",
    ]


def test_check_templates_reports_a_missing_or_unreadable_template(project: Path) -> None:
    (project / "templates" / "专栏" / "坏.txt").write_bytes(b"\xff")
    assert template_problems(project, replace(BOX, options="没有.txt"),
                             replace(BOX, options="坏.txt")) == [
        "data/2021/boxes.yaml:48: 专栏 「民心工程」: its 模板 templates/专栏/没有.txt does not exist",
        "templates/专栏/坏.txt:1: is not UTF-8 text (byte 1)",
    ]


def test_check_templates_leaves_what_other_checks_report(project: Path) -> None:
    # no 模板 (box_specs reports it), a sheet that is not there (check reports it)
    assert template_problems(project, replace(BOX, options=None),
                             replace(BOX, source="不存在", options="没有.txt")) == []


def test_check_needs_the_sheet(project: Path) -> None:
    problems = Problems()
    data = loaded(project)
    ListBox().check(BOX, data, problems)
    ListBox().check(replace(BOX, source="本年民心"), data, problems)
    assert [str(p) for p in problems.items] == [
        "data/2021/boxes.yaml:48: 专栏 「民心工程」: projects.xlsx has no sheet 「本年民心」; "
        "it has 上年重大项目、上年民心工程、政府投资重点项目、产业发展重点项目、本年民心工程; "
        "did you mean 「本年民心工程」?"]
