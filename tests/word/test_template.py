"""The default Word template: reproducible bytes, its paragraphs and Jinja tags, and the body
loop placing each kind of block in its style when docxtpl renders it."""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from io import BytesIO
from pathlib import Path
from typing import Any

import jinja2
import pytest

from helpers.docx_xml import NS, Package, paragraph_style, text_of, w
from helpers.project import REPO
from reportgen.report.narrative import parse_line
from reportgen.templating.views import Lookup
from reportgen.word import styles
from reportgen.word.blocks import BLOCK_KINDS
from reportgen.word.document import render_report
from reportgen.word.layout import Layout
from reportgen.word.ooxml import Span, TableCell, paragraph, runs, table
from reportgen.word.template import BODY, STAMP, TITLE_BLOCK, body_loop, make_template

TAG = re.compile(r"\{%p .*?%\}|\{\{p .*?\}\}")


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "report.docx"
    path.write_bytes(make_template(Layout()))
    return path


@pytest.fixture(scope="module")
def package(template: Path) -> Package:
    return Package(template)


def test_the_same_layout_gives_the_same_bytes() -> None:
    layout = Layout(line_pitch=28, mirror_margins=True)
    first = make_template(layout)
    assert make_template(layout) == first
    assert make_template(Layout()) != first
    with zipfile.ZipFile(BytesIO(first)) as archive:
        assert {info.date_time for info in archive.infolist()} == {STAMP.timetuple()[:6]}


def test_the_committed_template_is_the_default_layouts(template: Path) -> None:
    assert (REPO / "templates" / "report.docx").read_bytes() == template.read_bytes(), \
        "templates/report.docx is stale: run `reportgen template --force` and commit it"


def test_the_body_is_the_title_block_then_the_loop(package: Package) -> None:
    written = [(paragraph_style(p), text_of(p)) for p in package.body.findall(w("p"))]
    assert written == TITLE_BLOCK + body_loop()
    assert package.body.findall(w("tbl")) == []


def test_every_style_the_template_names_is_defined(package: Package) -> None:
    for style_id, _ in BODY:
        assert style_id in package.by_id, style_id


def test_each_paragraph_tag_is_alone_in_its_paragraph_and_its_run(package: Package) -> None:
    tagged = [p for p in package.body.iter(w("p")) if re.search(r"\{%p|\{\{p", text_of(p))]
    # an if and an endif around each of 题注, 署名, the blank line and 称谓; then the loop:
    # for, a branch per kind but the paragraph, the 专栏's {{p }}, else, endif, endfor
    assert len(tagged) == sum(1 for _, text in BODY if TAG.search(text)) == \
        8 + len(BLOCK_KINDS) + 4
    for element in tagged:
        text = text_of(element)
        assert TAG.fullmatch(text), text
        assert len(element.findall(w("r"))) == 1
        assert len(element.findall("w:r/w:t", NS)) == 1


def test_every_block_tag_is_a_paragraph_tag(package: Package) -> None:
    inline = [text_of(p) for p in package.body.iter(w("p"))
              if "{%" in text_of(p) and "{%p" not in text_of(p)]
    assert inline == []


def test_the_tags_make_a_valid_jinja_template() -> None:
    source = "\n".join(re.sub(r"^\{([{%])[pr] ", r"{\1 ", text) for _, text in BODY)
    jinja2.Environment().parse(source)  # raises on an unclosed for or if
    opened = [t for _, t in BODY if re.match(r"\{%p (for|if) ", t)]
    closed = [t for _, t in BODY if re.match(r"\{%p end(for|if) ", t)]
    assert len(opened) == len(closed) == 6


def test_the_page_number_footers(package: Package) -> None:
    for kind, side in (("default", "right"), ("even", "left")):
        footer = package.footer(kind)
        element = footer.find(w("p"))
        assert paragraph_style(element) == styles.PAGE_NUMBER
        assert element.find("w:pPr/w:jc", NS).get(w("val")) == side
        assert element.find("w:pPr/w:ind", NS).get(w(side)) == "280"
        assert text_of(element) == "— 1 —"
    assert package.settings.find(w("evenAndOddHeaders")) is not None


def test_the_stock_thumbnail_and_styles_with_effects_are_dropped(package: Package) -> None:
    assert not [name for name in package.raw if "thumbnail" in name
                or "stylesWithEffects" in name]
    properties = package.text("docProps/core.xml")
    assert "<dc:title>国民经济和社会发展计划报告模板</dc:title>" in properties
    assert "<dc:creator>reportgen</dc:creator>" in properties


LINES = ["# 一、执行情况", "## （一）稳增长", "## **（二）主要目标。**综合分析", "[专栏：框]",
         "**工业经济持续向好。**实现增加值", "全区经济运行稳中有进。", "### 1.创新策源",
         "#### （1）科技创新", "# **二、总体考虑。**综合", "### **2.开放。**新增",
         "#### **（2）人才。**引进", "[附件：重点项目计划表]", "附件的正文。"]


def block(line: str) -> Lookup:
    parsed = parse_line(line)
    assert parsed is not None
    if parsed.kind == "box":
        content = table([8844], [[TableCell(paragraph(runs([Span("专栏1：框")]),
                                                      styles.BOX_TITLE))]])
    else:
        kind = BLOCK_KINDS[parsed.kind]
        content = runs(parsed.spans, kind.lead, kind.text)
    label = [("标签", "附件1")] if parsed.kind == "attachment" else []
    return Lookup("正文段落", [("类型", parsed.kind), ("内容", content), *label])


@pytest.fixture(scope="module")
def rendered(template: Path, tmp_path_factory: pytest.TempPathFactory) -> Any:
    return render(template, tmp_path_factory.mktemp("rendered"), FRONT,
                  [block(line) for line in LINES])


FRONT = {"标题": "关于2020年计划执行情况的报告", "题注": "——2021年3月10日在人代会上",
         "署名": "发展和改革委员会", "称谓": "各位代表："}


def render(template: Path, folder: Path, front: dict[str, str], body: list[Lookup]) -> Package:
    context = {**front, "报告单位": "发展和改革委员会", "正文": body}
    out = render_report(template, template.parent, context, {}, Layout(), [],
                        dt.datetime(2021, 3, 10))
    path = folder / "report.docx"
    path.write_bytes(out)
    return Package(path)


def test_the_title_block_renders(rendered: Package) -> None:
    paragraphs = [(paragraph_style(p), text_of(p)) for p in rendered.body.findall(w("p"))][:6]
    assert paragraphs == [(styles.TITLE, "关于2020年计划执行情况的报告"), (styles.BODY, ""),
                          (styles.SUBTITLE, "——2021年3月10日在人代会上"),
                          (styles.ISSUER, "发展和改革委员会"), (styles.BODY, ""),
                          (styles.SALUTATION, "各位代表：")]


TITLE, BLANK = (styles.TITLE, FRONT["标题"]), (styles.BODY, "")
CAPTION, ISSUER = (styles.SUBTITLE, FRONT["题注"]), (styles.ISSUER, FRONT["署名"])
SALUTATION = (styles.SALUTATION, "各位代表：")


@pytest.mark.parametrize(("missing", "expected"), [
    ((), [TITLE, BLANK, CAPTION, ISSUER, BLANK, SALUTATION]),
    (("题注",), [TITLE, BLANK, ISSUER, BLANK, SALUTATION]),
    (("署名",), [TITLE, BLANK, CAPTION, BLANK, SALUTATION]),
    (("称谓",), [TITLE, BLANK, CAPTION, ISSUER, BLANK]),
    (("题注", "署名"), [TITLE, BLANK, SALUTATION]),
    (("题注", "署名", "称谓"), [TITLE, BLANK]),
])
def test_a_line_the_report_has_not_leaves_no_empty_paragraph(
        template: Path, tmp_path: Path, missing: tuple[str, ...],
        expected: list[tuple[str, str]]) -> None:
    front = {name: "" if name in missing else text for name, text in FRONT.items()}
    body = [block("全区经济运行稳中有进。")]
    package = render(template, tmp_path, front, body)
    paragraphs = [(paragraph_style(p), text_of(p)) for p in package.body.findall(w("p"))]
    assert paragraphs == [*expected, (styles.BODY, "全区经济运行稳中有进。")]


def test_a_long_caption_is_balanced_and_a_speaker_line_kept(template: Path,
                                                           tmp_path: Path) -> None:
    front = {**FRONT, "题注": "——2021年3月10日在重庆市綦江区第二届人民代表大会第六次会议上",
             "署名": "区人民政府区长\u3000某某"}
    package = render(template, tmp_path, front, [])
    caption, issuer = package.body.findall(w("p"))[2:4]
    lines = [t.text for t in caption.iter(w("t"))]
    assert len(caption.findall(".//w:br", NS)) == 1
    assert "".join(lines) == front["题注"][:] and all(len(line) <= 28 for line in lines)
    assert text_of(issuer) == "区人民政府区长\u3000某某"


def test_the_loop_places_each_kind_in_its_style(rendered: Package) -> None:
    body = [(child.tag, paragraph_style(child) if child.tag == w("p") else None, text_of(child))
            for child in list(rendered.body)[6:] if child.tag in (w("p"), w("tbl"))]
    p, tbl = w("p"), w("tbl")
    assert body == [
        (p, styles.HEADING1, "一、执行情况"),
        (p, styles.HEADING2, "（一）稳增长"),
        (p, styles.HEADING2_RUN_IN, "（二）主要目标。综合分析"),
        (p, styles.BODY, ""), (tbl, None, "专栏1：框"), (p, styles.BODY, ""),
        (p, styles.BODY, "工业经济持续向好。实现增加值"),
        (p, styles.BODY, "全区经济运行稳中有进。"),
        (p, styles.HEADING3, "1.创新策源"),
        (p, styles.HEADING4, "（1）科技创新"),
        (p, styles.HEADING1_RUN_IN, "二、总体考虑。综合"),
        (p, styles.HEADING3_RUN_IN, "2.开放。新增"),
        (p, styles.HEADING4_RUN_IN, "（2）人才。引进"),
        (p, styles.ATTACHMENT_LABEL, "附件1"), (p, styles.BODY, ""),
        (p, styles.ATTACHMENT_TITLE, "重点项目计划表"), (p, styles.BODY, ""),
        (p, styles.BODY, "附件的正文。"),
    ]
    assert "{%" not in rendered.text("word/document.xml")
