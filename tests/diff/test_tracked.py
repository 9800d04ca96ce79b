"""Tracked changes cut into a Word file's own runs: properties, bookmarks and fields kept, the
other side's text beside the run it replaces, and what cannot be cut exactly refused."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from reportgen.diff.changes import compare
from reportgen.diff.normalise import Normalisation, Side
from reportgen.diff.redline import redline
from reportgen.diff.tracked import Unsupported, document_xml
from reportgen.word.text import docx_pieces

NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def body(paragraphs: str) -> bytes:
    return f'<w:document {NS}><w:body>{paragraphs}<w:sectPr/></w:body></w:document>'.encode()


def redlined(xml: bytes, a_lines: list[str], tmp_path: Path, flip: bool = False) -> str:
    """``xml`` as the frame (side b), a's text as given, the result as text."""
    import zipfile

    frame = tmp_path / "frame.docx"
    with zipfile.ZipFile(frame, "w") as package:
        package.writestr("word/document.xml", xml)
    pieces = docx_pieces(frame)
    rules = Normalisation()
    from reportgen.word.text import Piece

    a = Side("a", "a", [Piece(t, n) for n, t in enumerate(a_lines, 1)], rules, True)
    b = Side("b", "b", pieces, rules, False)
    comparison = compare(a, b)
    return document_xml(xml, pieces, redline(comparison), "审阅人", flip).decode("utf-8")


PARAGRAPH = ('<w:p><w:pPr><w:pStyle w:val="Body"/></w:pPr>'
             '<w:r><w:rPr><w:b/></w:rPr><w:t>实现工业增加值</w:t></w:r>'
             '<w:bookmarkStart w:id="0" w:name="gdp"/>'
             '<w:r><w:rPr><w:i/></w:rPr><w:t>163.41亿元</w:t></w:r>'
             '<w:bookmarkEnd w:id="0"/></w:p>')


def test_a_change_inside_a_run_keeps_its_properties(tmp_path: Path) -> None:
    xml = redlined(body(PARAGRAPH), ["实现工业增加值165.41亿元"], tmp_path)
    assert ('<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">实现工业增加值</w:t></w:r>'
            '<w:bookmarkStart w:id="0" w:name="gdp"/>') in xml
    # a's figure takes the properties of the run it stands in, b's keeps its own
    assert re.search(r'<w:del w:id="\d+" w:author="审阅人"><w:r><w:rPr><w:i/></w:rPr>'
                     r'<w:delText xml:space="preserve">165\.41</w:delText></w:r></w:del>'
                     r'<w:ins w:id="\d+" w:author="审阅人"><w:r><w:rPr><w:i/></w:rPr>'
                     r'<w:t xml:space="preserve">163\.41</w:t></w:r></w:ins>'
                     r'<w:r><w:rPr><w:i/></w:rPr><w:t xml:space="preserve">亿元</w:t></w:r>'
                     r'<w:bookmarkEnd w:id="0"/></w:p>', xml)
    assert '<w:pStyle w:val="Body"/>' in xml


def test_revision_ids_follow_the_documents_own(tmp_path: Path) -> None:
    xml = redlined(body(PARAGRAPH.replace('w:id="0"', 'w:id="41"')), ["实现工业增加值1亿元"],
                   tmp_path)
    assert sorted(int(n) for n in re.findall(r'<w:(?:ins|del) w:id="(\d+)"', xml)) == [42, 43]


def test_a_paragraph_of_the_other_side_gets_the_frames_properties(tmp_path: Path) -> None:
    xml = redlined(body('<w:p><w:pPr><w:pStyle w:val="Body"/></w:pPr><w:r><w:t>甲。</w:t></w:r>'
                        "</w:p>"), ["删去的段落。", "甲。"], tmp_path)
    assert re.search(r'<w:p><w:pPr><w:pStyle w:val="Body"/><w:rPr><w:del w:id="\d+" '
                     r'w:author="审阅人"/></w:rPr></w:pPr><w:del [^>]+><w:r>'
                     r'<w:delText xml:space="preserve">删去的段落。</w:delText></w:r></w:del></w:p>',
                     xml)


def test_flipped_the_frames_own_text_is_deleted(tmp_path: Path) -> None:
    xml = redlined(body(PARAGRAPH), ["实现工业增加值165.41亿元"], tmp_path, flip=True)
    assert re.search(r'<w:ins [^>]+><w:r><w:rPr><w:i/></w:rPr><w:t xml:space="preserve">'
                     r"165\.41</w:t></w:r></w:ins><w:del [^>]+><w:r><w:rPr><w:i/></w:rPr>"
                     r'<w:delText xml:space="preserve">163\.41</w:delText>', xml)


@pytest.mark.parametrize("paragraph", [
    '<w:p><w:hyperlink><w:r><w:t>实现工业增加值163.41亿元</w:t></w:r></w:hyperlink></w:p>',
    '<w:p><w:ins w:id="1" w:author="x"><w:r><w:t>实现工业增加值163.41亿元</w:t></w:r></w:ins></w:p>',
    '<w:p><w:pPr><w:rPr><w:del w:id="1" w:author="x"/></w:rPr></w:pPr>'
    '<w:r><w:t>实现工业增加值163.41亿元</w:t></w:r></w:p>',
])
def test_what_cannot_be_cut_exactly_is_refused(paragraph: str, tmp_path: Path) -> None:
    with pytest.raises(Unsupported):
        redlined(body(paragraph), ["实现工业增加值165.41亿元"], tmp_path)
