"""A report read into paragraphs and tables: a .txt's cell runs (one cell per line, a cell going
on over lines; or one row per line), a .docx's grid and bold openings, the encodings a text
file may be in, and the files refused."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from helpers.docx_xml import bare_docx
from reportgen.errors import ReportgenError
from reportgen.importer.source import Para, Table, decode, read_source, txt_blocks
from reportgen.word.text import text_pieces


def blocks(text: str) -> list[Para | Table]:
    return txt_blocks(text_pieces(text))


def cells(table: Para | Table) -> list[list[str]]:
    assert isinstance(table, Table)
    return [[cell.text for cell in row] for row in table.rows]


def test_a_text_files_table_one_cell_a_line() -> None:
    """A blank line ends a row; a line without a tab goes on in the cell before it - after a
    blank line too, where it is short and the row's next cell follows (能耗“双控”/目标)."""
    text = ("专栏3：指标\n\t类别\n\t序号\n\t指标\n\n\t发展\n综合\n\t1\n\t地区生产总值\n\n"
            "\t\n\t2\n\t能耗“双控”\n\n目标\n\t﹟能耗强度\n\n\n下一段正文。\n")
    found = blocks(text)
    assert found[0] == Para("专栏3：指标", place=1)
    assert cells(found[1]) == [["类别", "序号", "指标"], ["发展综合", "1", "地区生产总值"],
                               ["", "2", "能耗“双控”目标", "﹟能耗强度"]]
    assert found[2] == Para("下一段正文。", place=19)


def test_a_table_ends_at_a_paragraph_after_a_blank_line() -> None:
    found = blocks("\t甲\n\t乙\n\n二、下一节\n（一）小节\n专栏2：项目\n\t序号\n")
    assert cells(found[0]) == [["甲", "乙"]]
    assert [b.text for b in found[1:4] if isinstance(b, Para)] == ["二、下一节", "（一）小节",
                                                                   "专栏2：项目"]


def test_a_text_files_table_one_row_a_line() -> None:
    found = blocks("指标\t单位\t目标\n地区生产总值\t亿元\t6\n\t%\t5\n正文。\n")
    assert cells(found[0]) == [["指标", "单位", "目标"], ["地区生产总值", "亿元", "6"],
                               ["", "%", "5"]]
    assert found[1] == Para("正文。", place=4)


def test_paragraphs_lose_their_indent_and_blank_lines_count_for_nothing() -> None:
    assert blocks("\u3000\u3000正文一。\n \n  正文二。\n") == [Para("正文一。", place=1),
                                                           Para("正文二。", place=3)]


@pytest.mark.parametrize(("raw", "encoding"), [
    ("甲乙".encode(), "utf-8"),
    (codecs.BOM_UTF8 + "甲乙".encode(), "utf-8-sig"),
    (codecs.BOM_UTF16_LE + "甲乙".encode("utf-16-le"), "utf-16"),
    ("关于某某区计划的报告".encode("gb18030"), "gb18030"),
])
def test_the_encodings_a_text_file_may_be_in(raw: bytes, encoding: str) -> None:
    text, found = decode(raw, "x.txt")
    assert found == encoding and text.lstrip("\ufeff") in ("甲乙", "关于某某区计划的报告")


@pytest.mark.parametrize("raw", [b"\x80\x81\x82 abc", "abc".encode("utf-16-le"),
                                 "Caf\xe9 r\xe9sum\xe9 na\xefve".encode("cp1252")])
def test_text_in_no_known_encoding_is_refused(raw: bytes) -> None:
    with pytest.raises(ReportgenError, match="x.txt: is text in an encoding reportgen does not"):
        decode(raw, "x.txt")


def test_a_docx_gives_its_grid_and_bold_openings(tmp_path: Path) -> None:
    body = ('<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>引导句。</w:t></w:r><w:r><w:t>正文</w:t></w:r>'
            "</w:p><w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val=\"2\"/></w:tcPr><w:p><w:r>"
            "<w:t>标题</w:t></w:r></w:p></w:tc></w:tr><w:tr><w:tc><w:tcPr><w:vMerge "
            'w:val="restart"/></w:tcPr><w:p><w:r><w:t>类</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r>'
            "<w:t>一</w:t></w:r></w:p></w:tc></w:tr><w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr>"
            "<w:p/></w:tc><w:tc><w:p><w:r><w:t>二</w:t></w:r></w:p></w:tc></w:tr></w:tbl>")
    path = bare_docx(tmp_path / "r.docx", body)
    source = read_source(path)
    assert source.kind == "docx" and source.official == path.read_bytes()
    assert source.blocks[0] == Para("引导句。正文", "引导句。", 1)
    table = source.blocks[1]
    assert isinstance(table, Table) and table.gridded and table.width == 2
    assert [[(c.text, c.column, c.span) for c in row] for row in table.rows] == [
        [("标题", 1, 2)], [("类", 1, 1), ("一", 2, 1)], [("二", 2, 1)]]
    assert source.compared == "引导句。正文标题类一二" and source.characters == 11


def test_a_whole_bold_paragraph_has_no_lead(tmp_path: Path) -> None:
    path = bare_docx(tmp_path / "r.docx",
                     "<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>一、全部粗体</w:t></w:r></w:p>")
    assert read_source(path).blocks[0] == Para("一、全部粗体", "", 1)


def test_a_text_file_is_kept_as_it_is_or_as_utf8(tmp_path: Path) -> None:
    crlf = tmp_path / "a.txt"
    crlf.write_bytes("关于\r\n正文\r\n".encode())
    kept = read_source(crlf)
    assert kept.official == crlf.read_bytes() and kept.official_name == "official.txt"
    assert [b.text for b in kept.blocks if isinstance(b, Para)] == ["关于", "正文"]
    gbk = tmp_path / "b.txt"
    gbk.write_bytes("关于报告\n正文".encode("gb18030"))
    assert read_source(gbk).official == "关于报告\n正文".encode()
