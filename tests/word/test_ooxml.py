"""WordprocessingML fragments: escaped text, runs, paragraphs and tables as Word reads them."""

from __future__ import annotations

from typing import Any

import pytest
from docxtpl import DocxTemplate
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree
from markupsafe import escape

from helpers.docx_xml import NS, w
from helpers.project import REPO
from reportgen.characters import FORBIDDEN
from reportgen.templating.environment import make_env
from reportgen.word.ooxml import Span, TableCell, Xml, esc, paragraph, run, runs, table

#: Text a value may hold (no control characters, tabs or placeholder marks), without "\r"
#: (see test_esc_keeps_a_carriage_return), and with Jinja's and docxtpl's brace escapes likely.
TEXT = st.text(st.one_of(
    st.sampled_from(list("{}_%&<>\"' \n甲乙")),
    st.characters(blacklist_categories=("Cs",)),
).filter(lambda c: not FORBIDDEN.match(c) and c != "\r"), max_size=30)
LINE = TEXT.filter(lambda text: "\n" not in text)


def parse(xml: str, tag: str = "body") -> Any:
    return etree.fromstring(f'<w:{tag} xmlns:w="{NS["w"]}">{xml}</w:{tag}>')


def read_runs(root: Any) -> str:
    """The text of the runs under ``root``, a w:br read as a line break."""
    return "".join(child.text or "" if child.tag == w("t") else "\n"
                   for r in root.iter(w("r")) for child in r if child.tag in (w("t"), w("br")))


@given(LINE)
def test_any_text_parsed_back_from_a_text_node_is_the_text(text: str) -> None:
    assert (parse(esc(text), "t").text or "") == text


def test_esc_keeps_a_carriage_return() -> None:
    assert parse(esc("发展\r改革"), "t").text == "发展\r改革"


@pytest.mark.parametrize(("text", "escaped"), [
    ("a & b < c > d", "a &amp; b &lt; c &gt; d"),
    ("{_{ 上年 }_}", "{&#95;{ 上年 }&#95;}"),
    ("{_% if %_}", "{&#95;% if %&#95;}"),
    ("“引号”'\"", "“引号”'\""),
    ("", ""),
])
def test_esc(text: str, escaped: str) -> None:
    assert esc(text) == escaped


TEMPLATE = DocxTemplate(REPO / "templates" / "report.docx")


@given(TEXT)
def test_text_survives_docxtpl_rendering(text: str) -> None:
    """docxtpl turns {_{ }_} {_% %_} into braces and \\n into breaks after rendering: a run's
    text must come out of the Word template as it went in."""
    xml = TEMPLATE.render_xml_part("<w:p>{{ x }}</w:p>", None, {"x": Xml(run(text))},
                                   jinja_env=make_env(escape=esc))
    assert read_runs(parse(xml)) == text


@pytest.mark.parametrize(("text", "breaks"), [
    ("一行", 0), ("标题第一行\n第二行", 1), ("\n", 1), ("甲\n\n乙", 2), ("", 0)])
def test_a_run_turns_line_breaks_into_w_br(text: str, breaks: int) -> None:
    element = parse(run(text), "p").find(w("r"))
    assert len(element.findall(w("br"))) == breaks
    assert read_runs(element.getparent()) == text
    assert all(t.get("{http://www.w3.org/XML/1998/namespace}space") == "preserve"
               for t in element.iter(w("t")))
    assert element.find(w("rPr")) is None


def run_styles(xml: str) -> list[tuple[str | None, str]]:
    out = []
    for r in parse(xml, "p").iter(w("r")):
        style = r.find("w:rPr/w:rStyle", NS)
        out.append((None if style is None else style.get(w("val")),
                    "".join(t.text or "" for t in r.iter(w("t")))))
    return out


SPANS = (Span("疫情防控取得重大成果。", lead=True), Span("认真贯彻落实"), Span("<&>"))


@pytest.mark.parametrize(("lead_style", "text_style", "expected"), [
    (None, None, [None, None, None]),
    ("LeadSentence", None, ["LeadSentence", None, None]),
    (None, "RunInBody", [None, "RunInBody", "RunInBody"]),
    ("LeadSentence", "RunInBody", ["LeadSentence", "RunInBody", "RunInBody"]),
])
def test_runs_give_lead_and_text_their_styles(lead_style: str | None, text_style: str | None,
                                              expected: list[str | None]) -> None:
    xml = runs(SPANS, lead_style, text_style)
    assert isinstance(xml, Xml)
    assert run_styles(xml) == list(zip(expected, [s.text for s in SPANS], strict=True))


def test_markup_is_not_escaped_again() -> None:
    xml = paragraph(run("<&>"))
    assert str(escape(xml)) == str(xml)
    assert str(escape("<&>")) != "<&>"


@pytest.mark.parametrize("style", [None, "BoxTitle"])
@pytest.mark.parametrize("align", [None, "center"])
@pytest.mark.parametrize("keep_next", [False, True])
def test_paragraph_properties_in_schema_order(style: str | None, align: str | None,
                                              keep_next: bool) -> None:
    element = parse(paragraph(run("专栏"), style, align, keep_next)).find(w("p"))
    ppr = element.find(w("pPr"))
    expected = ["pStyle"] * bool(style) + ["keepNext"] * keep_next + ["jc"] * bool(align)
    assert ([etree.QName(c).localname for c in ppr] if ppr is not None else []) == expected
    if style:
        assert ppr.find(w("pStyle")).get(w("val")) == style
    if align:
        assert ppr.find(w("jc")).get(w("val")) == align
    assert read_runs(element) == "专栏"


def cell(text: str, **kwargs: Any) -> TableCell:
    return TableCell(paragraph(run(text)), **kwargs)


def tags(element: Any) -> list[str]:
    return [etree.QName(child).localname for child in element]


WIDTHS = [1000, 2000, 3000]
ROWS = [
    [cell("专栏3", span=3)],
    [cell("类别", merge="restart"), cell("完成", span=2)],
    [cell("", merge="continue"), cell("绝对值"), cell("增速")],
    [cell("发展", pad=(20, 30)), cell("500.30"), cell("3%")],
]


@pytest.fixture(scope="module")
def grid() -> Any:
    return parse(table(WIDTHS, ROWS, header_rows=3)).find(w("tbl"))


def test_the_table_is_the_sum_of_its_widths(grid: Any) -> None:
    assert grid.find("w:tblPr/w:tblW", NS).get(w("w")) == "6000"
    assert [c.get(w("w")) for c in grid.iter(w("gridCol"))] == ["1000", "2000", "3000"]
    assert grid.find("w:tblPr/w:jc", NS).get(w("val")) == "center"
    assert grid.find("w:tblPr/w:tblLayout", NS).get(w("type")) == "fixed"


def test_cells_span_their_columns(grid: Any) -> None:
    rows = [[(c.find("w:tcPr/w:tcW", NS).get(w("w")),
              getattr(c.find("w:tcPr/w:gridSpan", NS), "attrib", {}).get(w("val")))
             for c in tr.findall(w("tc"))] for tr in grid.findall(w("tr"))]
    assert rows == [[("6000", "3")], [("1000", None), ("5000", "2")],
                    [("1000", None), ("2000", None), ("3000", None)],
                    [("1000", None), ("2000", None), ("3000", None)]]


def test_vertical_merges_restart_and_continue(grid: Any) -> None:
    merges = [[None if (m := c.find("w:tcPr/w:vMerge", NS)) is None else
               m.get(w("val"), "continue (no val)") for c in tr.findall(w("tc"))]
              for tr in grid.findall(w("tr"))]
    assert merges == [[None], ["restart", None], ["continue (no val)", None, None],
                      [None, None, None]]


def test_header_rows_repeat_and_every_row_is_kept_whole(grid: Any) -> None:
    assert [tags(tr.find(w("trPr"))) for tr in grid.findall(w("tr"))] == [
        ["cantSplit", "tblHeader"], ["cantSplit", "tblHeader"], ["cantSplit", "tblHeader"],
        ["cantSplit"]]


@pytest.mark.parametrize(("cant_split", "expected"), [
    (False, [None, None]),
    ([True, False], [["cantSplit"], None]),
    ([False, True], [None, ["cantSplit"]]),
])
def test_cant_split_for_all_rows_or_per_row(cant_split: Any, expected: list[Any]) -> None:
    element = parse(table([100], [[cell("甲")], [cell("乙")]], cant_split=cant_split))
    assert [None if (p := tr.find(w("trPr"))) is None else tags(p)
            for tr in element.iter(w("tr"))] == expected


def test_cells_are_centred_with_their_properties_in_schema_order(grid: Any) -> None:
    order = ["tcW", "gridSpan", "vMerge", "tcMar", "vAlign"]
    for tc in grid.iter(w("tc")):
        properties = tags(tc.find(w("tcPr")))
        assert properties == sorted(properties, key=order.index)
        assert tc.find("w:tcPr/w:vAlign", NS).get(w("val")) == "center"


def test_cell_padding(grid: Any) -> None:
    margins = grid.find("w:tblPr/w:tblCellMar", NS)
    assert [(tag, margins.find(w(tag)).get(w("w"))) for tag in tags(margins)] == [
        ("top", "0"), ("left", "57"), ("bottom", "0"), ("right", "57")]
    padded = [tc for tc in grid.iter(w("tc")) if tc.find("w:tcPr/w:tcMar", NS) is not None]
    assert len(padded) == 1
    own = padded[0].find("w:tcPr/w:tcMar", NS)
    assert [tags(own), own.find(w("top")).get(w("w")), own.find(w("bottom")).get(w("w"))] == [
        ["top", "bottom"], "20", "30"]
    wide = parse(table([100], [[cell("甲")]], padding=(57, 113))).find("w:tbl/w:tblPr", NS)
    assert [m.get(w("w")) for m in wide.find(w("tblCellMar"))] == ["57", "113", "57", "113"]


@pytest.mark.parametrize(("inner", "edges"), [
    (4, ["top", "left", "bottom", "right", "insideH", "insideV"]),
    (None, ["top", "left", "bottom", "right"]),
])
def test_borders(inner: int | None, edges: list[str]) -> None:
    element = parse(table([100], [[cell("甲")]], border=12, inner=inner, style="TableGrid"))
    properties = element.find("w:tbl/w:tblPr", NS)
    assert tags(properties) == ["tblStyle", "tblW", "jc", "tblBorders", "tblLayout",
                                "tblCellMar", "tblLook"]
    borders = properties.find(w("tblBorders"))
    assert tags(borders) == edges
    assert [b.get(w("sz")) for b in borders] == ["12"] * 4 + ["4"] * (len(edges) - 4)
    assert properties.find(w("tblStyle")).get(w("val")) == "TableGrid"


@st.composite
def grids(draw: Any) -> tuple[list[int], list[list[int]]]:
    widths = draw(st.lists(st.integers(1, 5000), min_size=1, max_size=6))
    rows = []
    for _ in range(draw(st.integers(1, 4))):
        spans, left = [], len(widths)
        while left:
            span = draw(st.integers(1, left))
            spans.append(span)
            left -= span
        rows.append(spans)
    return widths, rows


@given(grids())
def test_every_row_fills_the_grid(case: tuple[list[int], list[list[int]]]) -> None:
    widths, spans = case
    element = parse(table(widths, [[cell("x", span=s) for s in row] for row in spans]))
    for tr, row in zip(element.iter(w("tr")), spans, strict=True):
        cells = tr.findall(w("tc"))
        assert sum(int(c.find("w:tcPr/w:tcW", NS).get(w("w"))) for c in cells) == sum(widths)
        assert [int(getattr(c.find("w:tcPr/w:gridSpan", NS), "attrib", {}).get(w("val"), 1))
                for c in cells] == row
