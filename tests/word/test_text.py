"""Reading .docx text: tracked changes accepted or rejected, paragraph marks, table grid places."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from reportgen.word.text import Piece, docx_category, read_pieces

NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def make_docx(path: Path, body: str) -> Path:
    with zipfile.ZipFile(path, "w") as package:
        package.writestr("word/document.xml",
                         f'<?xml version="1.0"?><w:document {NS}><w:body>{body}</w:body></w:document>')
    return path


def texts(path: Path, tracked: str = "accept") -> list[str]:
    return [p.text for p in read_pieces(path, tracked=tracked)]  # type: ignore[arg-type]


INS = '<w:ins w:id="1" w:author="x"><w:r><w:t>{}</w:t></w:r></w:ins>'
DEL = '<w:del w:id="2" w:author="x"><w:r><w:delText>{}</w:delText></w:r></w:del>'


@pytest.mark.parametrize(("body", "accepted", "rejected"), [
    # a word replaced inside a paragraph
    (f"<w:p><w:r><w:t>增长</w:t></w:r>{DEL.format('3')}{INS.format('4')}<w:r><w:t>%</w:t></w:r></w:p>",
     ["增长4%"], ["增长3%"]),
    # an inserted paragraph: its text and its mark are insertions
    ('<w:p><w:r><w:t>甲</w:t></w:r></w:p>'
     f'<w:p><w:pPr><w:rPr><w:ins w:id="3" w:author="x"/></w:rPr></w:pPr>{INS.format("乙")}</w:p>'
     '<w:p><w:r><w:t>丙</w:t></w:r></w:p>',
     ["甲", "乙", "丙"], ["甲", "丙"]),
    # a deleted paragraph mark joins two paragraphs when accepted
    ('<w:p><w:pPr><w:rPr><w:del w:id="4" w:author="x"/></w:rPr></w:pPr><w:r><w:t>上</w:t></w:r></w:p>'
     '<w:p><w:r><w:t>下</w:t></w:r></w:p>',
     ["上下"], ["上", "下"]),
    # an inserted table row
    ('<w:tbl><w:tr><w:tc><w:p><w:r><w:t>一</w:t></w:r></w:p></w:tc></w:tr>'
     '<w:tr><w:trPr><w:ins w:id="5" w:author="x"/></w:trPr><w:tc><w:p>'
     f'{INS.format("二")}</w:p></w:tc></w:tr></w:tbl>',
     ["一", "二"], ["一"]),
])
def test_tracked_changes_accepted_or_rejected(tmp_path: Path, body: str, accepted: list[str],
                                              rejected: list[str]) -> None:
    path = make_docx(tmp_path / "t.docx", body)
    assert texts(path) == accepted
    assert texts(path, "reject") == rejected


def test_cells_know_their_grid_column_and_span(built_2021: Path) -> None:
    pieces = read_pieces(built_2021)
    header = next(p for p in pieces if p.text == "2020年完成")
    assert (header.table, header.row, header.cell, header.column, header.span) == (3, 2, 5, 6, 2)
    growth = next(p for p in pieces if p.text == "增速" and p.table == 3)
    assert (growth.row, growth.column, growth.span) == (3, 7, 1)
    assert pieces[0] == Piece(pieces[0].text, 1)  # outside tables: no table place


def test_category_of_a_docx(tmp_path: Path, built_2021: Path) -> None:
    assert docx_category(built_2021) == ""
    assert docx_category(make_docx(tmp_path / "bare.docx", "")) == ""
    assert docx_category(tmp_path / "missing.docx") == ""


@pytest.mark.parametrize(("body", "expected"), [
    # a line break is a line of its own; a page or column break is where a page begins
    ("<w:p><w:r><w:t>关于</w:t><w:br/><w:t>报告</w:t></w:r></w:p>", ["关于\n报告"]),
    ('<w:p><w:r><w:br w:type="page"/><w:t>附件1</w:t></w:r></w:p>', ["附件1"]),
    ('<w:p><w:r><w:t>正文</w:t><w:br w:type="column"/></w:r></w:p>', ["正文"]),
    ('<w:p><w:r><w:br w:type="textWrapping"/></w:r></w:p>', ["\n"]),
    ('<w:p><w:pPr><w:pageBreakBefore/></w:pPr><w:r><w:lastRenderedPageBreak/>'
     "<w:t>附件</w:t></w:r></w:p>", ["附件"]),
])
def test_page_breaks_are_not_text(tmp_path: Path, body: str, expected: list[str]) -> None:
    assert texts(make_docx(tmp_path / "breaks.docx", body)) == expected


def _with_styles(path: Path, body: str, styles: str) -> Path:
    with zipfile.ZipFile(path, "w") as package:
        package.writestr("word/document.xml",
                         f'<?xml version="1.0"?><w:document {NS}><w:body>{body}</w:body></w:document>')
        package.writestr("word/styles.xml", f'<?xml version="1.0"?><w:styles {NS}>{styles}</w:styles>')
    return path


def _bold_texts(path: Path) -> list[list[str]]:
    return [[p.text[a:b] for a, b in p.bold] for p in read_pieces(path)]


@pytest.mark.parametrize(("body", "styles", "expected"), [
    # set on the run, turned off again, and through a run's character style
    ("<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>引导句。</w:t></w:r><w:r><w:t>正文</w:t></w:r></w:p>",
     "", [["引导句。"]]),
    ('<w:p><w:r><w:rPr><w:b w:val="0"/></w:rPr><w:t>不粗</w:t></w:r></w:p>', "", [[]]),
    ('<w:p><w:r><w:rPr><w:rStyle w:val="Lead"/></w:rPr><w:t>甲。</w:t></w:r>'
     "<w:r><w:t>乙</w:t></w:r></w:p>",
     '<w:style w:type="character" w:styleId="Base"><w:rPr><w:b/></w:rPr></w:style>'
     '<w:style w:type="character" w:styleId="Lead"><w:basedOn w:val="Base"/></w:style>',
     [["甲。"]]),
    # a bold paragraph style makes every run bold but the ones that say otherwise
    ('<w:p><w:pPr><w:pStyle w:val="Strong"/></w:pPr><w:r><w:t>全</w:t></w:r>'
     '<w:r><w:rPr><w:b w:val="false"/></w:rPr><w:t>不</w:t></w:r></w:p>',
     '<w:style w:type="paragraph" w:styleId="Strong"><w:rPr><w:b/></w:rPr></w:style>',
     [["全"]]),
    # runs next to each other are one range; a deleted paragraph mark carries them on
    ("<w:p><w:pPr><w:rPr><w:del w:id=\"1\" w:author=\"x\"/></w:rPr></w:pPr>"
     "<w:r><w:rPr><w:b/></w:rPr><w:t>上</w:t></w:r></w:p>"
     "<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>下</w:t></w:r><w:r><w:t>文</w:t></w:r></w:p>",
     "", [["上下"]]),
])
def test_bold_ranges(tmp_path: Path, body: str, styles: str, expected: list[list[str]]) -> None:
    assert _bold_texts(_with_styles(tmp_path / "bold.docx", body, styles)) == expected


def test_the_built_reports_leads_read_bold(built_2021: Path) -> None:
    lead = next(p for p in read_pieces(built_2021) if p.text.startswith("疫情防控取得重大成果。"))
    assert [lead.text[a:b] for a, b in lead.bold] == ["疫情防控取得重大成果。"]
