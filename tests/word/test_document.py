"""Rendering details: gap placeholders become their own highlighted runs."""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from reportgen.data.model import Gap
from reportgen.word.document import highlight_gaps

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def paragraph(inner: str) -> etree._Element:
    return etree.fromstring(f'<w:p xmlns:w="{W}">{inner}</w:p>')


def runs(p: etree._Element) -> list[tuple[str, bool]]:
    out = []
    for run in p.iter(f"{{{W}}}r"):
        text = "".join(t.text or "" for t in run.iter(f"{{{W}}}t"))
        breaks = len(run.findall(f"{{{W}}}br"))
        lit = run.find(f"{{{W}}}rPr/{{{W}}}highlight") is not None
        out.append(("\n" * breaks + text, lit))
    return out


def test_each_gap_becomes_a_highlighted_run_keeping_the_run_style() -> None:
    a, b = str(Gap("会议日期", "x")), str(Gap("会议名称", "x"))
    p = paragraph(f'<w:r><w:rPr><w:rStyle w:val="Lead"/><w:sz w:val="32"/></w:rPr>'
                  f'<w:t>——{a}在{b}上</w:t></w:r>')
    assert highlight_gaps(p) == 2
    assert runs(p) == [("——", False), ("【待填：会议日期】", True), ("在", False),
                       ("【待填：会议名称】", True), ("上", False)]
    for run in p.iter(f"{{{W}}}r"):
        props = [child.tag.split("}")[1] for child in run.find(f"{{{W}}}rPr")]
        assert props[0] == "rStyle" and props.index("sz") < props.index("highlight") \
            if "highlight" in props else props == ["rStyle", "sz"]


def test_gaps_in_several_texts_of_one_run_are_all_found() -> None:
    a, b = str(Gap("一", "x")), str(Gap("二", "x"))
    p = paragraph(f"<w:r><w:t>甲{a}</w:t><w:br/><w:t>乙{b}丙</w:t></w:r>")
    assert highlight_gaps(p) == 2
    texts = runs(p)
    assert [t for t, lit in texts if lit] == ["【待填：一】", "【待填：二】"]
    assert "".join(t for t, _ in texts) == "甲【待填：一】\n乙【待填：二】丙"


def test_text_without_gaps_is_untouched() -> None:
    p = paragraph("<w:r><w:t>地区生产总值500.30亿元</w:t></w:r>")
    before = etree.tostring(p)
    assert highlight_gaps(p) == 0
    assert etree.tostring(p) == before


def test_text_the_word_template_prints_is_escaped(project: Path) -> None:
    """report.yaml's values go into the Word template's XML as text: & < > stay as typed, and
    so do docxtpl's own escapes of braces ({_{ }_}), which it would turn into {{ }}."""
    from helpers.text import report_text
    from reportgen.commands.build import build
    from reportgen.project import Project

    report = project / "data" / "2021" / "report.yaml"
    text = report.read_text(encoding="utf-8")
    text = text.replace("报告单位: 重庆市綦江区发展和改革委员会", '报告单位: "发展&改革<委员会> & 局{_{甲}_}"')
    text = text.replace("名称: 重庆市綦江区第二届人民代表大会第六次会议",
                        '名称: "第二届<人大>&第六次会议"')
    report.write_text(text, encoding="utf-8")
    built = report_text(build(Project.at(project), 2021).path)
    assert "发展&改革<委员会>&局{_{甲}_}" in built
    assert "在第二届<人大>&第六次会议上" in built
