"""The GB/T 9704 checklist (gongwen-format §16, items 1-6 and 9) read from the built report's
XML, and the layout settings of reportgen.toml as the build applies them."""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

import pytest

from helpers.docx_xml import (
    NS,
    THEME_ATTR,
    Package,
    body_paragraphs,
    paragraph_style,
    text_of,
    text_runs,
    w,
)
from helpers.project import REPO
from reportgen.characters import printed_width as width
from reportgen.commands.build import build
from reportgen.project import Project
from reportgen.word import styles
from reportgen.word.layout import Layout

LAYOUT = Layout()
STYLE_IDS = [value for name, value in vars(styles).items() if name.isupper()]
EM_DASH = "\u2014"


@pytest.fixture(scope="module")
def doc(built_2021: Path) -> Package:
    return Package(built_2021)


# -- 1. page ---------------------------------------------------------------------------------

def test_page_is_a4_with_the_standard_margins(doc: Package) -> None:
    size = doc.sect.find(w("pgSz"))
    margins = doc.sect.find(w("pgMar"))
    assert (size.get(w("w")), size.get(w("h"))) == ("11906", "16838")
    assert size.get(w("orient")) in (None, "portrait")
    assert margins.get(w("top")) == "2098"
    assert margins.get(w("left")) in ("1587", "1588")
    assert margins.get(w("right")) == "1474"
    assert margins.get(w("bottom")) == "1984"
    assert margins.get(w("footer")) == "1307"  # — N — 7 mm below the 版心 (§7.2)


# -- 2. Normal style, fonts ------------------------------------------------------------------

def test_normal_style_is_sanhao_fangsong_on_exact_28_95_pt(doc: Package) -> None:
    assert doc.style_attr("Normal", "w:rPr/w:sz") == "32"
    assert doc.style_attr("Normal", "w:rPr/w:rFonts", "eastAsia") == "仿宋_GB2312"
    for slot in ("ascii", "hAnsi"):
        assert doc.style_attr("Normal", "w:rPr/w:rFonts", slot) == "Times New Roman"
    assert doc.style_attr("Normal", "w:pPr/w:spacing", "line") == "579"
    assert doc.style_attr("Normal", "w:pPr/w:spacing", "lineRule") == "exact"
    assert doc.style_attr("Normal", "w:pPr/w:ind", "firstLine") == "640"
    assert doc.style_attr("Normal", "w:pPr/w:jc") == "both"
    lang = doc.styles.find("w:docDefaults/w:rPrDefault/w:rPr/w:lang", NS)
    assert lang.get(w("eastAsia")) == "zh-CN"


def test_no_theme_fonts_are_left(doc: Package) -> None:
    for name in doc.raw:
        if name.startswith("word/") and name.endswith(".xml"):
            assert not THEME_ATTR.search(doc.text(name)), name
    assert "word/stylesWithEffects.xml" not in doc.raw


def test_every_report_style_names_its_chinese_font_for_east_asian_text(doc: Package) -> None:
    for style_id in STYLE_IDS:
        east_asia = doc.style_attr(style_id, "w:rPr/w:rFonts", "eastAsia")
        assert east_asia in (LAYOUT.body_font, LAYOUT.title_font, LAYOUT.heading1_font,
                             LAYOUT.heading2_font, LAYOUT.page_number_font), style_id
        latin = LAYOUT.page_number_font if style_id == styles.PAGE_NUMBER else LAYOUT.latin_font
        for slot in ("ascii", "hAnsi", "cs"):
            assert doc.style_attr(style_id, "w:rPr/w:rFonts", slot) == latin, style_id
    defaults = doc.styles.find("w:docDefaults/w:rPrDefault/w:rPr/w:rFonts", NS)
    assert defaults.get(w("eastAsia")) == LAYOUT.body_font


def test_the_font_table_names_fallbacks(doc: Package) -> None:
    entries = {f.get(w("name")): f for f in doc.font_table.findall(w("font"))}
    for name, fallback in (("仿宋_GB2312", "仿宋"), ("楷体_GB2312", "楷体"),
                           ("方正小标宋简体", "宋体")):
        assert entries[name].find(w("altName")).get(w("val")) == fallback
        assert entries[name].find(w("charset")).get(w("val")) == "86"


# -- 3. grid: 22 lines of 28 characters ------------------------------------------------------

def test_line_grid_and_letter_spacing_give_22_lines_of_28_characters(doc: Package) -> None:
    grid = doc.sect.find(w("docGrid"))
    assert grid.get(w("type")) == "lines" and grid.get(w("linePitch")) == "579"
    assert grid.get(w("charSpace")) is None  # one mechanism, not both (§2.4)
    # 28 × (16 - 0.25) pt = 441 pt ≤ 442.2 pt, the 版心's width
    for style_id in (styles.BODY, styles.HEADING1, styles.HEADING2, styles.HEADING2_RUN_IN,
                     styles.SUBTITLE, styles.ISSUER, styles.SALUTATION):
        assert doc.style_attr(style_id, "w:rPr/w:spacing") == "-5", style_id


def test_tables_boxes_and_footers_are_off_the_grid(doc: Package) -> None:
    off_grid = {styles.TABLE_TEXT, styles.TABLE_HEADER, styles.BOX_TITLE, styles.BOX_TEXT,
                styles.BOX_HEADING, styles.PAGE_NUMBER, styles.TITLE}
    for style_id in off_grid:
        assert doc.style_attr(style_id, "w:pPr/w:snapToGrid") == "0", style_id
    for table in doc.body.iter(w("tbl")):
        for paragraph in table.iter(w("p")):
            assert paragraph_style(paragraph) in off_grid
    for kind in ("default", "even"):
        for paragraph in doc.footer(kind).iter(w("p")):
            assert paragraph_style(paragraph) == styles.PAGE_NUMBER


# -- 4. headings and paragraphs --------------------------------------------------------------

LEVEL1 = re.compile(r"^[一二三四五六七八九十]+、")
LEVEL2 = re.compile(r"^（[一二三四五六七八九十]+）")
LEVEL3 = re.compile(r"^(\d+\.|（\d+）)")


def test_headings_take_the_face_of_their_level(doc: Package) -> None:
    seen: dict[str, int] = defaultdict(int)
    for paragraph in body_paragraphs(doc):
        first = text_runs(paragraph)[0]
        font = doc.run_attr(first, paragraph, "rFonts", "eastAsia")
        text = text_of(paragraph)
        if LEVEL1.match(text):
            seen["一、"] += 1
            assert font == "黑体", text
            assert doc.para_attr(paragraph, "outlineLvl") == "0"
        elif LEVEL2.match(text):
            seen["（一）"] += 1
            assert font == "楷体_GB2312", text
            assert doc.para_attr(paragraph, "outlineLvl") == "1"
        elif LEVEL3.match(text):
            assert font == "仿宋_GB2312", text
        if LEVEL1.match(text) or LEVEL2.match(text):
            assert doc.para_attr(paragraph, "ind", "firstLine") == "640"
    assert seen == {"一、": 3, "（一）": 14}


def test_run_in_headings_and_lead_sentences_are_styled_runs(doc: Package) -> None:
    run_in = leads = 0
    for paragraph in body_paragraphs(doc):
        runs = text_runs(paragraph)
        if paragraph_style(paragraph) == styles.HEADING2_RUN_IN:
            run_in += 1
            assert text_of(runs[0]).endswith("。")
            assert doc.run_attr(runs[0], paragraph, "rFonts", "eastAsia") == "楷体_GB2312"
            assert doc.run_attr(runs[1], paragraph, "rFonts", "eastAsia") == "仿宋_GB2312"
            assert doc.para_attr(paragraph, "keepNext") is None
        style = runs[0].find("w:rPr/w:rStyle", NS)
        if style is not None and style.get(w("val")) == styles.LEAD:
            leads += 1
            assert text_of(runs[0]).endswith("。")
            assert doc.run_attr(runs[0], paragraph, "rFonts", "eastAsia") == "仿宋_GB2312"
            assert doc.bold(runs[0], paragraph) and not doc.bold(runs[1], paragraph)
    assert run_in == 9
    assert leads >= 15  # 疫情防控取得重大成果。…


def test_no_wrong_ordinal_forms_start_a_paragraph(doc: Package) -> None:
    for paragraph in doc.body.iter(w("p")):
        text = text_of(paragraph)
        assert not re.match(r"^（[一二三四五六七八九十\d]+）、|^\d+、|^\(\d+\)|^[一二三四五六七八九十]+\.",
                            text), text


def test_the_title_block(doc: Package) -> None:
    paragraphs = body_paragraphs(doc)
    title, subtitle, issuer, salutation, first = paragraphs[:5]
    assert paragraph_style(title) == styles.TITLE
    for run in text_runs(title):
        assert doc.run_attr(run, title, "sz") == "44"
        assert doc.run_attr(run, title, "rFonts", "eastAsia") == "方正小标宋简体"
    assert doc.para_attr(title, "jc") == "center"
    lines = "".join(t.text if t.tag == w("t") else "\n" for t in title.iter(w("t"), w("br")))
    assert [width(line) <= 20 for line in lines.split("\n")] == [True, True]
    for paragraph in (subtitle, issuer):
        assert doc.para_attr(paragraph, "jc") == "center"
        run = text_runs(paragraph)[0]
        assert doc.run_attr(run, paragraph, "rFonts", "eastAsia") == "楷体_GB2312"
    assert text_of(subtitle).startswith(EM_DASH * 2)
    assert subtitle.find(f".//{w('br')}") is not None  # balanced on two lines
    assert text_of(salutation) == "各位代表："
    assert doc.para_attr(salutation, "jc") == "left"
    assert doc.para_attr(salutation, "ind", "firstLine") == "0"
    assert doc.para_attr(first, "ind", "firstLine") == "640"
    # one blank line between title and 会议题注, and before 各位代表：
    children = list(doc.body)
    assert not text_of(children[children.index(title) + 1]).strip()
    assert not text_of(children[children.index(salutation) - 1]).strip()


# -- 5. no bold on 黑体 / 小标宋 ----------------------------------------------------------------

def test_heiti_and_xiaobiaosong_are_never_bold(doc: Package) -> None:
    checked = 0
    for paragraph in doc.body.iter(w("p")):
        for run in text_runs(paragraph):
            font = doc.run_attr(run, paragraph, "rFonts", "eastAsia")
            if font in ("黑体", "方正小标宋简体"):
                checked += 1
                assert not doc.bold(run, paragraph), text_of(run)
    assert checked > 20  # headings, 专栏 titles, table headers


# -- 6. page numbers -------------------------------------------------------------------------

@pytest.mark.parametrize(("kind", "side"), [("default", "right"), ("even", "left")])
def test_page_numbers_are_page_fields_between_em_dashes(doc: Package, kind: str,
                                                       side: str) -> None:
    assert doc.settings.find(w("evenAndOddHeaders")) is not None
    footer = doc.footer(kind)
    paragraph = footer.find(w("p"))
    assert doc.para_attr(paragraph, "jc") == side
    assert doc.para_attr(paragraph, "ind", side) == "280"  # one 四号 character in
    pieces = []
    for run in paragraph.iter(w("r")):
        for child in run:
            if child.tag == w("t"):
                pieces.append(child.text)
            elif child.tag == w("instrText"):
                pieces.append(f"[{child.text.strip()}]")
            elif child.tag == w("fldChar"):
                pieces.append(f"<{child.get(w('fldCharType'))}>")
    assert "".join(pieces) == f"{EM_DASH} <begin>[PAGE]<separate>1<end> {EM_DASH}"
    for run in paragraph.iter(w("r")):
        assert doc.run_attr(run, paragraph, "sz") == "28"
        for slot in ("eastAsia", "ascii", "hAnsi"):
            assert doc.run_attr(run, paragraph, "rFonts", slot) == "宋体"


# -- 专栏 ---------------------------------------------------------------------------------------

def boxes(doc: Package) -> list:
    return doc.body.findall(w("tbl"))


def test_every_box_is_a_bordered_table_with_its_title_and_a_blank_line_around(
        doc: Package) -> None:
    tables = boxes(doc)
    assert len(tables) == 7
    children = list(doc.body)
    for number, table in enumerate(tables, start=1):
        borders = table.find("w:tblPr/w:tblBorders", NS)
        for edge in ("top", "left", "bottom", "right"):
            assert borders.find(w(edge)).get(w("val")) == "single"
        title = table.find(".//w:p", NS)
        assert paragraph_style(title) == styles.BOX_TITLE
        assert text_of(title).startswith(f"专栏{number}：")
        index = children.index(table)
        assert not text_of(children[index - 1]).strip()
        assert not text_of(children[index + 1]).strip()
    assert doc.style_attr(styles.BOX_TITLE, "w:rPr/w:rFonts", "eastAsia") == "黑体"
    assert doc.style_attr(styles.BOX_TEXT, "w:rPr/w:rFonts", "eastAsia") == "仿宋_GB2312"
    assert int(doc.style_attr(styles.BOX_TEXT, "w:rPr/w:sz")) < 32  # smaller than the body


def test_a_list_box_keeps_its_title_with_its_first_paragraph_and_its_end_whole(
        doc: Package) -> None:
    for table in boxes(doc):
        if len(table.findall("w:tblGrid/w:gridCol", NS)) != 1:
            continue
        rows = table.findall(w("tr"))
        assert table.find("w:tblPr/w:tblBorders/w:insideH", NS) is None  # one box, no lines
        first = [paragraph_style(p) for p in rows[0].iter(w("p"))]
        assert first[0] == styles.BOX_TITLE and first[-1] == styles.BOX_TEXT
        assert set(first[1:-1]) <= {styles.BOX_HEADING}
        split = [row.find("w:trPr/w:cantSplit", NS) is None for row in rows]
        # the first row and the last paragraph do not split; the rows between flow on
        assert split == [False, True, False][:len(rows)] if len(rows) == 3 else \
            split == [False] * len(rows)
        if len(rows) > 1:
            assert len(list(rows[-1].iter(w("p")))) == 1


# -- 9. tables -------------------------------------------------------------------------------

def grid_of(table) -> list[list[tuple[str, str | None]]]:
    """Rows as lists of (text, alignment) per grid column; a merged cell's text in its first
    grid column, '' in the others."""
    rows = []
    for tr in table.findall(w("tr")):
        row: list[tuple[str, str | None]] = []
        for tc in tr.findall(w("tc")):
            span = tc.find("w:tcPr/w:gridSpan", NS)
            paragraph = tc.find(w("p"))
            jc = paragraph.find("w:pPr/w:jc", NS)
            row.append((text_of(tc), jc.get(w("val")) if jc is not None else None))
            row += [("", None)] * (int(span.get(w("val"))) - 1 if span is not None else 0)
        rows.append(row)
    return rows


def test_tables_fit_the_type_area(doc: Package) -> None:
    for table in boxes(doc):
        assert int(table.find("w:tblPr/w:tblW", NS).get(w("w"))) <= 8844
        assert sum(int(c.get(w("w"))) for c in table.iter(w("gridCol"))) <= 8844
        assert table.find("w:tblPr/w:jc", NS).get(w("val")) == "center"


def indicator_tables(doc: Package) -> list:
    return [t for t in boxes(doc) if t.find(".//w:tblHeader", NS) is not None]


def test_indicator_tables_repeat_their_heads_and_keep_rows_whole(doc: Package) -> None:
    tables = indicator_tables(doc)
    assert len(tables) == 2
    for table in tables:
        rows = table.findall(w("tr"))
        header = [row.find("w:trPr/w:tblHeader", NS) is not None for row in rows]
        depth = header.index(False)
        assert depth >= 2 and not any(header[depth:])  # title row + header rows, on top
        assert all(row.find("w:trPr/w:cantSplit", NS) is not None for row in rows)
        for cell in table.iter(w("tc")):
            assert cell.find("w:tcPr/w:vAlign", NS).get(w("val")) == "center"


def test_a_category_is_kept_together_and_the_header_with_the_first_row(doc: Package) -> None:
    """Every row but the last of its 类别 (a merged first cell that continues below) keeps with
    the next; the header rows keep with the first row: no 类别 cut across pages where it fits,
    no header alone at a page foot."""
    for table in indicator_tables(doc):
        rows = table.findall(w("tr"))
        depth = [row.find("w:trPr/w:tblHeader", NS) is not None for row in rows].index(False)

        def kept(row) -> bool:
            marks = [p.find("w:pPr/w:keepNext", NS) is not None for p in row.iter(w("p"))]
            assert len(set(marks)) == 1  # all the row's paragraphs alike
            return marks[0]

        def continues(row) -> bool:  # the row's 类别 cell goes on from the row above
            merge = row.find("w:tc/w:tcPr/w:vMerge", NS)
            return merge is not None and merge.get(w("val")) != "restart"

        body = rows[depth:]
        assert all(kept(row) for row in rows[:depth])
        assert [kept(row) for row in body] == [continues(after) for after in body[1:]] + [False]


NUMBER = re.compile(r"^[-≥≤]?(\d+(?:\.(\d+))?)(?:%|以上)?$")
#: Value columns whose published figures mix decimal places (500.30 beside 2.3): the tables
#: print each as published (gongwen §17: reproducing the official text wins), so the places
#: are the data's and only the alignment can be uniform.
MIXED_AS_PUBLISHED = {
    ("专栏3", "2020年计划目标"): {0, 1, 2},
    ("专栏3", "绝对值"): {0, 1, 2},
    ("专栏3", "增速"): {0, 1},
    ("专栏4", "2021年计划目标"): {0, 1, 2},
}


def test_numbers_are_aligned_alike_in_each_column(doc: Package) -> None:
    mixed = {}
    for table in indicator_tables(doc):
        rows = grid_of(table)
        name = text_of(table.find(".//w:p", NS)).split("：")[0]
        depth = sum(r.find("w:trPr/w:tblHeader", NS) is not None for r in table.findall(w("tr")))
        heads = rows[depth - 1]
        for column in range(len(heads)):
            cells = [row[column] for row in rows[depth:] if NUMBER.match(row[column][0])]
            if not cells:
                continue
            assert {align for _, align in cells} == {"center"}, (name, column)
            places = {len(NUMBER.match(text).group(2) or "") for text, _ in cells}
            title = heads[column][0] or rows[depth - 2][column][0]
            if column >= 3 and len(places) > 1:
                mixed[(name, title)] = places
    assert mixed == MIXED_AS_PUBLISHED


# -- the template and the layout settings ----------------------------------------------------

def test_the_committed_template_is_what_reportgen_template_writes() -> None:
    from reportgen.word.template import make_template

    assert make_template(Layout()) == (REPO / "templates" / "report.docx").read_bytes(), \
        "templates/report.docx is stale: run `reportgen template --force` and commit it"


def test_the_template_defines_every_style_the_build_uses() -> None:
    package = Package(REPO / "templates" / "report.docx")
    assert len(STYLE_IDS) == 24
    for style_id in STYLE_IDS:
        assert style_id in package.by_id, style_id


def test_layout_settings_override_the_template(project: Path) -> None:
    (project / "reportgen.toml").write_text(
        '[layout]\nline_pitch = 28\nchar_grid = true\nbody_font = "仿宋"\n'
        'heading2_font = "楷体"\n', encoding="utf-8")
    doc = Package(build(Project.at(project), 2021).path)
    assert doc.style_attr("Normal", "w:pPr/w:spacing", "line") == "560"
    grid = doc.sect.find(w("docGrid"))
    assert (grid.get(w("type")), grid.get(w("linePitch")), grid.get(w("charSpace"))) == \
        ("linesAndChars", "560", "-849")
    assert doc.style_attr("Normal", "w:rPr/w:spacing") == "0"  # the grid, not letter spacing
    assert doc.style_attr("Normal", "w:rPr/w:rFonts", "eastAsia") == "仿宋"
    assert doc.style_attr(styles.HEADING2, "w:rPr/w:rFonts", "eastAsia") == "楷体"
    assert doc.style_attr(styles.TITLE, "w:rPr/w:rFonts", "eastAsia") == "方正小标宋简体"


def test_the_readme_documents_every_layout_setting() -> None:
    from reportgen.word.layout import layout_fields

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    table = readme.split("<!-- layout-settings -->")[1].split("<!-- /layout-settings -->")[0]
    rows = {line.split("|")[1].strip(" `"): line.split("|")[2].strip()
            for line in table.strip().splitlines()[2:]}
    shown = {True: "true", False: "false"}
    assert rows == {name: shown.get(default, f"{default:g}" if isinstance(default, float)
                                    else str(default)) for name, default, _ in layout_fields()}


def test_the_readme_pictures_exist() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    pictures = re.findall(r'src="(\.github/readme/[^"]+)"', readme)
    assert pictures == [".github/readme/page-1.png", ".github/readme/box-3.png"]
    for picture in pictures:
        assert (REPO / picture).read_bytes().startswith(b"\x89PNG")
