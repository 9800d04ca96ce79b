"""Data is never markup: a value that starts with ``# ``, holds ``**…**``, a line break or a 专栏
marker prints as typed - in the narrative and in a 专栏's lines - while the templates' own
markup keeps working (``templating.literal``)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from lxml import etree

from helpers.docx_xml import NS, text_of, w
from helpers.failures import append_line, assert_refused
from helpers.project import Cli
from helpers.sheets import set_cell

Y = Path("data/2021")


def paragraphs(path: Path) -> list[tuple[str, str, list[str]]]:
    """(style, text, character styles of its runs) of every paragraph of the report's body,
    table cells included."""
    import zipfile

    body = etree.fromstring(zipfile.ZipFile(path).read("word/document.xml"))
    found = []
    for paragraph in body.iter(w("p")):
        style = paragraph.find("w:pPr/w:pStyle", NS)
        runs = [r.find("w:rPr/w:rStyle", NS) for r in paragraph.iter(w("r")) if text_of(r)]
        found.append((style.get(w("val")) if style is not None else "Normal", text_of(paragraph),
                      [r.get(w("val")) if r is not None else "" for r in runs]))
    return found


def the_paragraph(path: Path, text: str, style: str) -> list[str]:
    """The run styles of the one paragraph of ``style`` holding ``text``."""
    found = [runs for found, whole, runs in paragraphs(path) if found == style and text in whole]
    assert len(found) == 1, (text, style, paragraphs(path))
    return found[0]


def statistic_note(note: str, line: str = "{{ 统计.服务业增加值.说明 }}") -> Callable[[Path], None]:
    """统计's 服务业增加值 has the 说明 ``note``, and a line of the narrative prints it."""
    def apply(root: Path) -> None:
        set_cell(root / Y / "statistics.xlsx", "统计", "指标", "服务业增加值", "说明", note)
        append_line(root / Y / "narrative.txt", line)
    return apply


def project(column: str, value: str, name: str = "发展大道三期") -> Callable[[Path], None]:
    """A project of 政府投资重点项目 (a 分组清单 专栏: 类别：名称、… lines) gets ``value``."""
    def apply(root: Path) -> None:
        set_cell(root / Y / "projects.xlsx", "政府投资重点项目", "名称", name, column, value)
    return apply


def meeting_name(value: str) -> Callable[[Path], None]:
    def apply(root: Path) -> None:
        report = root / Y / "report.yaml"
        text = report.read_text(encoding="utf-8")
        old = "  名称: 重庆市綦江区第二届人民代表大会第六次会议\n"
        assert old in text
        quoted = value.replace("\n", "\\n")
        report.write_text(text.replace(old, f'  名称: "{quoted}"\n'), encoding="utf-8")
        append_line(root / Y / "narrative.txt", "{{ 会议.名称 }}")
    return apply


PLAIN, BOX = "Normal", "BoxText"
# (id, setup, the text the report holds, its paragraph style)
CASES: list[tuple[str, Callable[[Path], None], str, str]] = [
    ("heading-1-in-a-cell", statistic_note("# 一、不是标题"), "# 一、不是标题", PLAIN),
    ("heading-2-in-a-cell", statistic_note("## （一）不是标题"), "## （一）不是标题", PLAIN),
    ("lead-in-a-cell", statistic_note("**不是引导句。**正文"), "**不是引导句。**正文", PLAIN),
    ("run-in-heading-in-a-cell", statistic_note("## **（一）不是标题。**正文"),
     "## **（一）不是标题。**正文", PLAIN),
    ("box-marker-with-text", statistic_note("[专栏：民心工程]之后"), "[专栏：民心工程]之后", PLAIN),
    ("value-then-literal-star", statistic_note("*", "{{ 统计.服务业增加值.说明 }}*重点**工作"),
     "**重点**工作", PLAIN),
    ("value-then-literal-space", statistic_note("#", "{{ 统计.服务业增加值.说明 }} 不是标题"),
     "# 不是标题", PLAIN),
    ("line-break-then-heading", meeting_name("第一行\n# 第二行"), "第一行# 第二行", PLAIN),
    ("line-break-then-box-marker", meeting_name("第一行\n[专栏：民心工程]"),
     "第一行[专栏：民心工程]", PLAIN),
    ("category-as-heading", project("类别", "# 不是标题"), "# 不是标题：发展大道三期", BOX),
    ("category-as-lead", project("类别", "**交通路网**"), "**交通路网**：发展大道三期", BOX),
]


@pytest.mark.parametrize(("setup", "text", "style"), [case[1:] for case in CASES],
                         ids=[case[0] for case in CASES])
def test_a_value_prints_as_typed(cli: Cli, project: Path, setup: Callable[[Path], None],
                                 text: str, style: str) -> None:
    setup(project)
    result = cli("build", "2021")
    assert "Traceback" not in result.stderr
    path = project / result.stdout.strip()
    assert "LeadSentence" not in the_paragraph(path, text, style)
    headings = [s for s, _, _ in paragraphs(path) if s.startswith("Heading")]
    assert len(headings) == 17  # the narrative's own: 一、 … and （一） …


def test_a_lead_in_a_value_inside_the_templates_lead_stays_one_lead(cli: Cli,
                                                                    project: Path) -> None:
    statistic_note("甲**乙", "**引导{{ 统计.服务业增加值.说明 }}句。**正文")(project)
    path = project / cli("build", "2021").stdout.strip()
    found = [(whole, runs) for _, whole, runs in paragraphs(path) if "引导甲**乙句。" in whole]
    assert found == [("引导甲**乙句。正文", ["LeadSentence", ""])]


@pytest.mark.parametrize("name", ["# 新项目", "**新项目**", "## （一）新项目"])
def test_a_project_name_that_starts_a_line_prints_as_typed(cli: Cli, project: Path,
                                                           name: str) -> None:
    book = project / Y / "projects.xlsx"
    set_cell(book, "政府投资重点项目", "名称", "智能制造产业园蝴蝶谷片区子项目", "类别", None)
    set_cell(book, "政府投资重点项目", "名称", "智能制造产业园蝴蝶谷片区子项目", "名称", name)
    path = project / cli("build", "2021").stdout.strip()
    assert the_paragraph(path, f"{name}等项目。", BOX) == [""]


def test_the_templates_own_markup_still_reads(cli: Cli, project: Path) -> None:
    append_line(project / Y / "narrative.txt", "## （七）{{ 统计.服务业增加值.数值 }}新标题")
    append_line(project / Y / "narrative.txt", "**{{ 统计.服务业增加值.数值 }}亿元。**正文")
    path = project / cli("build", "2021").stdout.strip()
    assert the_paragraph(path, "（七）212.37新标题", "Heading2") == [""]
    assert the_paragraph(path, "212.37亿元。正文", PLAIN) == ["LeadSentence", ""]


def test_a_value_printed_as_a_box_marker_is_refused(cli: Cli, project: Path) -> None:
    statistic_note("[专栏：民心工程]")(project)
    assert_refused(cli("build", "2021", code=None), 1, [
        "error: data/2021/narrative.txt: [专栏：民心工程] is written by a template expression; "
        "write the line [专栏：民心工程] itself, so that the 专栏 can be numbered"])


def test_a_value_that_completes_a_box_marker_is_refused(cli: Cli, project: Path) -> None:
    statistic_note("[专栏：民心工程", "{{ 统计.服务业增加值.说明 }}]")(project)
    assert_refused(cli("build", "2021", code=None), 1, [
        "[专栏：民心工程] is written by a template expression"])


def test_a_title_with_markup_prints_as_typed(cli: Cli, project: Path) -> None:
    report = project / Y / "report.yaml"
    text = report.read_text(encoding="utf-8")
    report.write_text(text.replace('标题: "关于', '标题: "# **关于', 1), encoding="utf-8")
    path = project / cli("build", "2021").stdout.strip()
    titles = [whole for style, whole, _ in paragraphs(path) if style == "ReportTitle"]
    assert titles and titles[0].startswith("# **关于"), titles


def test_a_stand_in_character_in_the_data_is_refused(cli: Cli, project: Path) -> None:
    set_cell(project / Y / "statistics.xlsx", "统计", "指标", "服务业增加值", "说明", "甲\ufdd0乙")
    assert_refused(cli("build", "2021", code=None), 1, [
        "data/2021/statistics.xlsx[统计]!E2（说明）: contains the noncharacter U+FDD0 at "
        "position 2, which a Word document cannot hold"])
