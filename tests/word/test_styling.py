"""The layout written into a document: children in schema order, fonts without theme attributes,
and every layout setting reaching the styles, the section and the settings."""

from __future__ import annotations

from typing import Any

import pytest
from docx import Document
from docx.oxml.ns import qn
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

from helpers.docx_xml import NS, THEME_ATTR, w
from reportgen.word import styles
from reportgen.word.layout import Layout
from reportgen.word.stylesheet import report_styles
from reportgen.word.styling import (
    FONT_FALLBACKS,
    PPR_ORDER,
    RPR_ORDER,
    SECT_ORDER,
    SETTINGS_ORDER,
    apply_layout,
    apply_style,
    remove_child,
    set_child,
    set_fonts,
)

ORDERS = {"pPr": PPR_ORDER, "rPr": RPR_ORDER, "sectPr": SECT_ORDER, "settings": SETTINGS_ORDER}


def tags(element: Any) -> list[str]:
    return [etree.QName(child).localname for child in element]


@pytest.mark.parametrize("parent", list(ORDERS))
@given(data=st.data())
def test_set_child_keeps_schema_order_whatever_the_order_of_calls(parent: str,
                                                                  data: st.DataObject) -> None:
    order = ORDERS[parent]
    calls = data.draw(st.lists(st.sampled_from(order), min_size=1, max_size=12))
    element = etree.Element(qn(f"w:{parent}"))
    for tag in calls:
        set_child(element, tag, order, val=tag)
    assert tags(element) == sorted(set(calls), key=order.index)
    assert all(child.get(w("val")) == etree.QName(child).localname for child in element)


def test_set_child_updates_the_existing_element() -> None:
    ppr = etree.Element(qn("w:pPr"))
    first = set_child(ppr, "spacing", PPR_ORDER, before="0", line="579")
    again = set_child(ppr, "spacing", PPR_ORDER, line="560", lineRule="exact")
    assert again is first
    assert tags(ppr) == ["spacing"]
    assert dict(first.attrib) == {w("before"): "0", w("line"): "560", w("lineRule"): "exact"}


def test_set_child_puts_a_new_child_before_later_ones_it_does_not_know() -> None:
    rpr = etree.fromstring(f'<w:rPr xmlns:w="{NS["w"]}"><w:lang w:val="zh-CN"/><w:foo/></w:rPr>')
    set_child(rpr, "sz", RPR_ORDER, val="32")
    set_child(rpr, "rFonts", RPR_ORDER, eastAsia="黑体")
    assert tags(rpr) == ["rFonts", "sz", "lang", "foo"]


def test_remove_child_removes_every_copy() -> None:
    ppr = etree.fromstring(f'<w:pPr xmlns:w="{NS["w"]}"><w:jc/><w:ind/><w:jc/></w:pPr>')
    remove_child(ppr, "jc")
    assert tags(ppr) == ["ind"]


def test_set_fonts_drops_theme_fonts() -> None:
    rpr = etree.fromstring(f'<w:rPr xmlns:w="{NS["w"]}"><w:rFonts w:asciiTheme="minorHAnsi" '
                           'w:eastAsiaTheme="minorEastAsia" w:hAnsiTheme="minorHAnsi" '
                           'w:cstheme="minorBidi"/></w:rPr>')
    set_fonts(rpr, "仿宋_GB2312", "Times New Roman")
    fonts = rpr.find(w("rFonts"))
    assert {etree.QName(k).localname: v for k, v in fonts.attrib.items()} == {
        "ascii": "Times New Roman", "hAnsi": "Times New Roman", "cs": "Times New Roman",
        "eastAsia": "仿宋_GB2312", "hint": "eastAsia"}


def style(document: Any, style_id: str) -> Any:
    return document.styles.element.get_by_id(style_id)


SPECS = {spec.style_id: spec for spec in report_styles(Layout())}
FONTS = {"body": "仿宋_GB2312", "title": "方正小标宋简体", "heading1": "黑体",
         "heading2": "楷体_GB2312", "page_number": "宋体"}


@pytest.mark.parametrize("style_id", list(SPECS))
def test_apply_style_gives_the_east_asian_font_without_theme_attributes(style_id: str) -> None:
    document = Document()
    spec = SPECS[style_id]
    apply_style(document, spec, Layout())
    element = style(document, style_id)
    assert element.get(qn("w:type")) == spec.kind
    fonts = element.find("w:rPr/w:rFonts", NS)
    latin = FONTS["page_number"] if spec.font == "page_number" else "Times New Roman"
    assert (fonts.get(w("eastAsia")), fonts.get(w("ascii")), fonts.get(w("hAnsi")),
            fonts.get(w("cs"))) == (FONTS[spec.font], latin, latin, latin)
    xml = etree.tostring(element).decode()
    assert not THEME_ATTR.search(xml)
    assert "themeColor" not in xml
    assert element.find("w:rPr/w:color", NS).get(w("val")) == "000000"
    assert tags(element.find(w("rPr"))) == sorted(tags(element.find(w("rPr"))),
                                                  key=RPR_ORDER.index)
    if spec.kind == "paragraph":
        properties = tags(element.find(w("pPr")))
        assert properties == sorted(properties, key=PPR_ORDER.index)
    else:
        assert element.find(w("pPr")) is None


def test_apply_style_replaces_what_the_stock_style_had() -> None:
    document = Document()
    before = style(document, styles.HEADING1)
    assert before.find("w:rPr/w:b", NS) is not None  # the stock heading is bold, blue, themed
    apply_style(document, SPECS[styles.HEADING1], Layout())
    element = style(document, styles.HEADING1)
    assert tags(element.find(w("rPr"))) == ["rFonts", "color", "spacing"]
    assert tags(element.find(w("pPr"))) == ["keepNext", "widowControl", "kinsoku",
                                            "overflowPunct", "autoSpaceDE", "autoSpaceDN",
                                            "spacing", "ind", "jc", "outlineLvl"]
    assert element.find("w:pPr/w:spacing", NS).get(w("before")) == "0"


def test_a_new_style_keeps_its_id_and_name() -> None:
    document = Document()
    assert style(document, styles.BOX_TITLE) is None
    apply_style(document, SPECS[styles.BOX_TITLE], Layout())
    element = style(document, styles.BOX_TITLE)
    assert element.find("w:name", NS).get(w("val")) == "专栏标题"
    assert element.find("w:basedOn", NS).get(w("val")) == "Normal"


def test_style_names_are_unique() -> None:
    names = [spec.name for spec in report_styles(Layout())]
    assert len(set(names)) == len(names)


# style id -> (east-Asian font, outline level, kept with the next paragraph)
HEADINGS = {
    styles.HEADING1: ("黑体", "0", True), styles.HEADING1_RUN_IN: ("黑体", "0", False),
    styles.HEADING2: ("楷体_GB2312", "1", True), styles.HEADING2_RUN_IN: ("楷体_GB2312", "1", False),
    styles.HEADING3: ("仿宋_GB2312", "2", True), styles.HEADING3_RUN_IN: ("仿宋_GB2312", "2", False),
    styles.HEADING4: ("仿宋_GB2312", "3", True), styles.HEADING4_RUN_IN: ("仿宋_GB2312", "3", False),
}


@pytest.mark.parametrize("style_id", list(HEADINGS))
def test_a_heading_level_is_its_face_in_三号_indented_two_characters(style_id: str) -> None:
    font, level, keep = HEADINGS[style_id]
    element = style(laid_out(Layout()), style_id)
    assert element.find("w:rPr/w:rFonts", NS).get(w("eastAsia")) == font
    assert element.find("w:rPr/w:sz", NS) is None  # the Normal 三号
    assert element.find("w:rPr/w:b", NS) is None  # not bold by default
    assert element.find("w:pPr/w:ind", NS).get(w("firstLine")) == "640"
    assert element.find("w:pPr/w:outlineLvl", NS).get(w("val")) == level
    assert (element.find("w:pPr/w:keepNext", NS) is not None) is keep


def test_a_bold_level_3_leaves_the_text_after_a_run_in_heading_plain() -> None:
    document = laid_out(Layout(heading3_bold=True))
    assert style(document, styles.HEADING3).find("w:rPr/w:b", NS) is not None
    assert style(document, styles.HEADING3_LEAD).find("w:rPr/w:b", NS) is not None
    # A run-in paragraph style that were bold would make its body text bold in Word: a
    # character style cannot turn the bold of its paragraph's style off.
    assert style(document, styles.HEADING3_RUN_IN).find("w:rPr/w:b", NS) is None
    assert style(document, styles.RUN_IN_BODY).find("w:rPr/w:b", NS) is None


def laid_out(*layouts: Layout) -> Any:
    document = Document()
    for layout in layouts:
        apply_layout(document, layout)
    return document


def probe(document: Any, where: str, path: str, attr: str) -> str | None:
    """``where`` is a style id, "sect", "settings", "defaults" or "fonts:<name>"; ``attr`` ""
    asks whether the element is there."""
    if where == "sect":
        root = document.sections[0]._sectPr
    elif where == "settings":
        root = document.settings.element
    elif where == "defaults":
        root = document.styles.element.find(qn("w:docDefaults"))
    elif where.startswith("fonts:"):
        part = next(p for p in document.part.package.iter_parts()
                    if str(p.partname) == "/word/fontTable.xml")
        root = next((f for f in etree.fromstring(part.blob).findall(w("font"))
                     if f.get(w("name")) == where[6:]), None)
    else:
        root = style(document, where)
    element = None if root is None else root.find(path, NS)
    if element is None:
        return None
    return "present" if attr == "" else element.get(w(attr))


# setting -> (place, path, attribute, under the defaults, under the setting)
CHANGES: dict[str, tuple[dict[str, Any], list[tuple[str, str, str, str | None, str | None]]]] = {
    "line_pitch": ({"line_pitch": 28.0}, [
        ("Normal", "w:pPr/w:spacing", "line", "579", "560"),
        (styles.HEADING2, "w:pPr/w:spacing", "line", "579", "560"),
        ("sect", "w:docGrid", "linePitch", "579", "560")]),
    "char_grid": ({"char_grid": True}, [
        ("sect", "w:docGrid", "type", "lines", "linesAndChars"),
        ("sect", "w:docGrid", "charSpace", None, "-849"),
        ("Normal", "w:rPr/w:spacing", "val", "-5", "0"),
        (styles.HEADING1, "w:rPr/w:spacing", "val", "-5", "0"),
        (styles.TITLE, "w:rPr/w:spacing", "val", "-10", "-10")]),
    "mirror_margins": ({"mirror_margins": True}, [
        ("settings", "w:mirrorMargins", "", None, "present")]),
    "lead_bold": ({"lead_bold": False}, [
        (styles.LEAD, "w:rPr/w:b", "", "present", None),
        (styles.LEAD, "w:rPr/w:bCs", "", "present", None)]),
    "heading3_bold": ({"heading3_bold": True}, [
        (styles.HEADING3, "w:rPr/w:b", "", None, "present"),
        (styles.HEADING3_LEAD, "w:rPr/w:bCs", "", None, "present"),
        (styles.HEADING3_RUN_IN, "w:rPr/w:b", "", None, None)]),
    "box_font_size": ({"box_font_size": 15.0}, [
        (styles.BOX_TEXT, "w:rPr/w:sz", "val", "28", "30"),
        (styles.BOX_TEXT, "w:pPr/w:ind", "firstLine", "560", "600"),
        (styles.BOX_TITLE, "w:rPr/w:szCs", "val", "28", "30")]),
    "box_line_pitch": ({"box_line_pitch": 20.0}, [
        (styles.BOX_HEADING, "w:pPr/w:spacing", "line", "440", "400")]),
    "table_font_size": ({"table_font_size": 10.5}, [
        (styles.TABLE_TEXT, "w:rPr/w:sz", "val", "24", "21")]),
    "table_line_pitch": ({"table_line_pitch": 20.0}, [
        (styles.TABLE_HEADER, "w:pPr/w:spacing", "line", "360", "400")]),
    "body_font": ({"body_font": "仿宋"}, [
        ("Normal", "w:rPr/w:rFonts", "eastAsia", "仿宋_GB2312", "仿宋"),
        ("defaults", "w:rPrDefault/w:rPr/w:rFonts", "eastAsia", "仿宋_GB2312", "仿宋")]),
    "title_font": ({"title_font": "方正小标宋_GBK"}, [
        (styles.TITLE, "w:rPr/w:rFonts", "eastAsia", "方正小标宋简体", "方正小标宋_GBK")]),
    "heading1_font": ({"heading1_font": "方正黑体_GBK"}, [
        (styles.BOX_TITLE, "w:rPr/w:rFonts", "eastAsia", "黑体", "方正黑体_GBK"),
        (styles.TABLE_HEADER, "w:rPr/w:rFonts", "eastAsia", "黑体", "方正黑体_GBK")]),
    "heading2_font": ({"heading2_font": "楷体"}, [
        (styles.ISSUER, "w:rPr/w:rFonts", "eastAsia", "楷体_GB2312", "楷体")]),
    "page_number_font": ({"page_number_font": "仿宋"}, [
        (styles.PAGE_NUMBER, "w:rPr/w:rFonts", "ascii", "宋体", "仿宋")]),
    "latin_font": ({"latin_font": "Arial"}, [
        (styles.BODY, "w:rPr/w:rFonts", "hAnsi", "Times New Roman", "Arial"),
        (styles.LEAD, "w:rPr/w:rFonts", "ascii", "Times New Roman", "Arial")]),
}
def test_every_layout_setting_is_tried() -> None:
    from reportgen.word.layout import layout_fields

    assert set(CHANGES) == {name for name, _, _ in layout_fields()}


@pytest.mark.parametrize("name", list(CHANGES))
def test_a_layout_setting_reaches_the_xml(name: str) -> None:
    setting, probes = CHANGES[name]
    document = laid_out(Layout())
    assert [probe(document, *p[:3]) for p in probes] == [p[3] for p in probes]
    # as the build applies reportgen.toml over the template, and back again
    apply_layout(document, Layout(**setting))
    assert [probe(document, *p[:3]) for p in probes] == [p[4] for p in probes]
    apply_layout(document, Layout())
    assert [probe(document, *p[:3]) for p in probes] == [p[3] for p in probes]


def test_a_font_set_in_the_layout_gets_its_font_table_entry() -> None:
    where = "fonts:方正小标宋_GBK"
    assert probe(laid_out(Layout()), where, "w:altName", "val") is None
    document = laid_out(Layout(title_font="方正小标宋_GBK"))
    assert probe(document, where, "w:altName", "val") == "宋体"
    assert probe(document, where, "w:charset", "val") == "86"


def test_applying_a_layout_twice_changes_nothing() -> None:
    layout = Layout(char_grid=True, mirror_margins=True)
    once, twice = laid_out(layout), laid_out(layout, layout)
    for part in ("styles", "settings"):
        assert etree.tostring(getattr(once, part).element) == \
            etree.tostring(getattr(twice, part).element), part
    assert etree.tostring(once.sections[0]._sectPr) == etree.tostring(twice.sections[0]._sectPr)


def test_the_section_and_settings_stay_in_schema_order() -> None:
    document = laid_out(Layout(char_grid=True, mirror_margins=True))
    for root, order in ((document.sections[0]._sectPr, SECT_ORDER),
                        (document.settings.element, SETTINGS_ORDER)):
        known = [tag for tag in tags(root) if tag in order]
        assert known == sorted(known, key=order.index)
    margins = document.sections[0]._sectPr.find(qn("w:pgMar"))
    assert {etree.QName(k).localname: v for k, v in margins.attrib.items()} == {
        "top": "2098", "right": "1474", "bottom": "1984", "left": "1587", "header": "851",
        "footer": "1307", "gutter": "0"}


def test_no_theme_font_is_left_in_the_styles() -> None:
    document = laid_out(Layout())
    assert THEME_ATTR.search(etree.tostring(Document().styles.element).decode())
    assert not THEME_ATTR.search(etree.tostring(document.styles.element).decode())
    lang = document.styles.element.find("w:docDefaults/w:rPrDefault/w:rPr/w:lang", NS)
    assert lang.get(w("eastAsia")) == "zh-CN"


def test_the_font_table_names_fallbacks_for_every_font_used() -> None:
    document = laid_out(Layout())
    entries = {name: {tag: probe(document, f"fonts:{name}", f"w:{tag}", "val")
                      for tag in ("altName", "charset", "family", "pitch")}
               for name in ("仿宋_GB2312", "方正小标宋简体", "黑体", "楷体_GB2312", "宋体",
                            "Times New Roman")}
    for name, entry in entries.items():
        assert entry["altName"] == FONT_FALLBACKS.get(name), name
    assert entries["仿宋_GB2312"] == {"altName": "仿宋", "charset": "86", "family": "modern",
                                     "pitch": "fixed"}
    assert entries["Times New Roman"] == {"altName": None, "charset": "00", "family": "roman",
                                          "pitch": "variable"}
