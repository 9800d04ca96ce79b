"""What every 专栏 kind shares: the numbered title, the framed text table, the 专栏 templates."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from lxml import etree

from reportgen.data.model import BoxSpec
from reportgen.errors import Problems, ReportgenError, SourceRef
from reportgen.project import Project
from reportgen.report.boxes.base import (
    BOX_PADDING,
    FULL_WIDTH,
    BoxContext,
    BoxKind,
    TemplateFiles,
    box_title,
    framed_text,
)
from reportgen.templating.environment import make_env

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def q(name: str) -> str:
    return f"{{{W}}}{name}"


def parse(xml: str) -> Any:
    return etree.fromstring(f'<w:body xmlns:w="{W}">{xml}</w:body>')


def paragraphs(element: Any) -> list[tuple[str | None, str, list[str | None]]]:
    """Each paragraph as (paragraph style, text, the run style of each run)."""
    out = []
    for p in element.iter(q("p")):
        style = p.find(f"{q('pPr')}/{q('pStyle')}")
        run_styles = []
        for r in p.iter(q("r")):
            rstyle = r.find(f"{q('rPr')}/{q('rStyle')}")
            run_styles.append(None if rstyle is None else rstyle.get(q("val")))
        out.append((None if style is None else style.get(q("val")),
                    "".join(t.text or "" for t in p.iter(q("t"))), run_styles))
    return out


def rows(xml: str) -> list[dict[str, Any]]:
    """Each table row: whether it may split, its cell's (top, bottom) margin, its paragraphs."""
    table = parse(xml).find(q("tbl"))
    out = []
    for tr in table.findall(q("tr")):
        cells = tr.findall(q("tc"))
        assert len(cells) == 1
        mar = cells[0].find(f"{q('tcPr')}/{q('tcMar')}")
        out.append({
            "cant_split": tr.find(f"{q('trPr')}/{q('cantSplit')}") is not None,
            "pad": (int(mar.find(q("top")).get(q("w"))), int(mar.find(q("bottom")).get(q("w")))),
            "paragraphs": paragraphs(cells[0]),
        })
    return out


TITLE = ("BoxTitle", "专栏2：重大项目", [None])


def test_a_box_title_is_a_centred_numbered_paragraph() -> None:
    root = parse(box_title("专栏3：", "{{ 甲 }} & <乙>"))
    p = root.find(q("p"))
    assert paragraphs(root) == [("BoxTitle", "专栏3：{{ 甲 }} & <乙>", [None])]
    assert p.find(f"{q('pPr')}/{q('jc')}").get(q("val")) == "center"
    assert "&amp; &lt;乙&gt;" in box_title("专栏3：", "{{ 甲 }} & <乙>")  # the text is escaped


def test_the_first_row_holds_the_title_headings_and_first_paragraph_the_last_its_last() -> None:
    found = rows(framed_text("专栏2：", "重大项目", "# 1．社会投资项目\n**交通：**甲、乙\n第二段\n# 2．政府投资项目\n第三段"))
    top, _ = BOX_PADDING
    assert found == [
        {"cant_split": True, "pad": (top, 0), "paragraphs": [
            TITLE, ("BoxHeading", "1．社会投资项目", [None]),
            ("BoxText", "交通：甲、乙", ["LeadSentence", None])]},
        {"cant_split": False, "pad": (0, 0), "paragraphs": [
            ("BoxText", "第二段", [None]), ("BoxHeading", "2．政府投资项目", [None])]},
        # the last paragraph does not split: the box never ends in one line on a new page
        {"cant_split": True, "pad": (0, top), "paragraphs": [("BoxText", "第三段", [None])]},
    ]


def test_a_box_of_two_paragraphs_is_two_rows_that_do_not_split() -> None:
    top, _ = BOX_PADDING
    assert rows(framed_text("专栏2：", "重大项目", "一\n二")) == [
        {"cant_split": True, "pad": (top, 0), "paragraphs": [TITLE, ("BoxText", "一", [None])]},
        {"cant_split": True, "pad": (0, top), "paragraphs": [("BoxText", "二", [None])]}]


@pytest.mark.parametrize(("text", "first"), [
    ("只有一段", [TITLE, ("BoxText", "只有一段", [None])]),
    ("", [TITLE]),
    ("\n\n", [TITLE]),
    ("# 1．甲\n# 2．乙", [TITLE, ("BoxHeading", "1．甲", [None]), ("BoxHeading", "2．乙", [None])]),
])
def test_a_box_with_nothing_after_its_first_paragraph_is_one_row(
        text: str, first: list[Any]) -> None:
    top, _ = BOX_PADDING
    assert rows(framed_text("专栏2：", "重大项目", text)) == [
        {"cant_split": True, "pad": (top, top), "paragraphs": first}]


def test_the_framed_table_is_the_full_width_with_a_border_and_no_inner_lines() -> None:
    table = parse(framed_text("专栏1：", "甲", "一\n二")).find(q("tbl"))
    pr = table.find(q("tblPr"))
    assert pr.find(q("tblW")).get(q("w")) == str(FULL_WIDTH) == "8844"
    assert [c.get(q("w")) for c in table.find(q("tblGrid"))] == ["8844"]
    borders = pr.find(q("tblBorders"))
    assert [etree.QName(b).localname for b in borders] == ["top", "left", "bottom", "right"]
    margins = pr.find(q("tblCellMar"))
    assert [(etree.QName(m).localname, m.get(q("w"))) for m in margins] == [
        ("top", "0"), ("left", "113"), ("bottom", "0"), ("right", "113")]


def files(project: Path) -> TemplateFiles:
    return TemplateFiles(Project.at(project))


def test_a_template_is_read_once(project: Path) -> None:
    templates = files(project)
    path = project / "templates" / "专栏" / "编号清单.txt"
    source, where = templates.read("编号清单.txt")
    assert where == "templates/专栏/编号清单.txt"
    assert source == path.read_text(encoding="utf-8")
    path.write_text("changed", encoding="utf-8")
    assert templates.read("编号清单.txt") == (source, where)  # the first reading is kept
    assert files(project).read("编号清单.txt") == ("changed", where)


def test_a_missing_template_names_its_path(project: Path) -> None:
    templates = files(project)
    assert templates.exists("编号清单.txt") and not templates.exists("没有.txt")
    assert templates.where("没有.txt") == "templates/专栏/没有.txt"
    with pytest.raises(ReportgenError) as caught:
        templates.read("没有.txt")
    assert str(caught.value) == "templates/专栏/没有.txt: missing: the 专栏 template named in boxes.yaml"


def test_a_template_that_is_not_utf8_names_its_line(project: Path) -> None:
    (project / "templates" / "专栏" / "坏.txt").write_bytes("第一行\n".encode() + b"\xff")
    with pytest.raises(ReportgenError) as caught:
        files(project).read("坏.txt")
    assert caught.value.ref == "templates/专栏/坏.txt:2"
    assert caught.value.message == "is not UTF-8 text (byte 11)"


def box(title: str = "{{ 上年 }}年民心工程") -> BoxSpec:
    return BoxSpec("民心工程", title, "list", "本年民心工程", {}, SourceRef("boxes.yaml", line=7))


def test_a_title_renders_in_the_context_stripped_and_errors_name_the_definition(
        project: Path) -> None:
    ctx = BoxContext(None, make_env(), {"上年": 2020}, files(project), [])  # type: ignore[arg-type]
    assert ctx.render(box(), "  {{ 上年 }}年民心工程 \n") == "2020年民心工程"
    with pytest.raises(ReportgenError) as caught:
        ctx.render(box(), "{{ 本年 }}年")
    assert str(caught.value).startswith("boxes.yaml:7:1: undefined: '本年' is undefined")


def test_a_kind_must_implement_its_parts_and_has_defaults_for_the_rest() -> None:
    kind = BoxKind()
    problems = Problems()
    with pytest.raises(NotImplementedError):
        kind.options("甲", {}, SourceRef("boxes.yaml"), problems)
    with pytest.raises(NotImplementedError):
        kind.check(box(), None, problems)  # type: ignore[arg-type]
    with pytest.raises(NotImplementedError):
        kind.render(box(), 1, None)  # type: ignore[arg-type]
    assert kind.titles(box("标题")) == ["标题"]
    assert kind.check_templates(box(), None, None, {}, problems) is None  # type: ignore[arg-type, func-returns-value]
    assert problems.items == []
