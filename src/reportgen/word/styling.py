"""GB/T 9704 layout written into a Word document's styles, section and settings.

Fonts go through ``w:rFonts`` with ``w:eastAsia`` for Chinese (python-docx's ``font.name``
sets only the Latin slots) and theme font attributes are removed, so Word never falls back to
a theme face. Child elements are inserted in schema order: Word rejects or ignores misplaced ones.
"""

from __future__ import annotations

from typing import Any

from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from reportgen.word.layout import Layout
from reportgen.word.stylesheet import StyleSpec, report_styles

# Twips: A4, margins 37/28/26/35 mm (GB/T 9704 §5), header 15 mm, footer 23.1 mm (§7.2).
PAGE = {"w": 11906, "h": 16838, "top": 2098, "left": 1587, "right": 1474, "bottom": 1984,
        "header": 851, "footer": 1307, "gutter": 0}
THEME_ATTRS = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")
#: Fonts the GB2312-era names fall back to where they are not installed (charset 86 = GB2312).
FONT_FALLBACKS = {"仿宋_GB2312": "仿宋", "楷体_GB2312": "楷体", "方正小标宋简体": "宋体",
                  "方正小标宋_GBK": "宋体", "黑体": "SimHei", "宋体": "SimSun"}

PPR_ORDER = ["pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl",
             "numPr", "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens",
             "kinsoku", "wordWrap", "overflowPunct", "topLinePunct", "autoSpaceDE",
             "autoSpaceDN", "bidi", "adjustRightInd", "snapToGrid", "spacing", "ind",
             "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc", "textDirection",
             "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr",
             "sectPr", "pPrChange"]
RPR_ORDER = ["rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike",
             "dstrike", "outline", "shadow", "emboss", "imprint", "noProof", "snapToGrid",
             "vanish", "webHidden", "color", "spacing", "w", "kern", "position", "sz", "szCs",
             "highlight", "u", "effect", "bdr", "shd", "fitText", "vertAlign", "rtl", "cs", "em",
             "lang", "eastAsianLayout", "specVanish", "oMath"]
SETTINGS_ORDER = ["writeProtection", "view", "zoom", "removePersonalInformation",
                  "removeDateAndTime", "doNotDisplayPageBoundaries", "displayBackgroundShape",
                  "printPostScriptOverText", "printFractionalCharacterWidth", "printFormsData",
                  "embedTrueTypeFonts", "embedSystemFonts", "saveSubsetFonts", "saveFormsData",
                  "mirrorMargins", "alignBordersAndEdges", "bordersDoNotSurroundHeader",
                  "bordersDoNotSurroundFooter", "gutterAtTop", "hideSpellingErrors",
                  "hideGrammaticalErrors", "activeWritingStyle", "proofState", "formsDesign",
                  "attachedTemplate", "linkStyles", "stylePaneFormatFilter",
                  "stylePaneSortMethod", "documentType", "mailMerge", "revisionView",
                  "trackRevisions", "doNotTrackMoves", "doNotTrackFormatting",
                  "documentProtection", "autoFormatOverride", "styleLockTheme",
                  "styleLockQFSet", "defaultTabStop", "autoHyphenation",
                  "consecutiveHyphenLimit", "hyphenationZone", "doNotHyphenateCaps",
                  "showEnvelope", "summaryLength", "clickAndTypeStyle", "defaultTableStyle",
                  "evenAndOddHeaders", "bookFoldRevPrinting", "bookFoldPrinting",
                  "bookFoldPrintingSheets", "drawingGridHorizontalSpacing",
                  "drawingGridVerticalSpacing", "displayHorizontalDrawingGridEvery",
                  "displayVerticalDrawingGridEvery", "doNotUseMarginsForDrawingGridOrigin",
                  "drawingGridHorizontalOrigin", "drawingGridVerticalOrigin",
                  "doNotShadeFormData", "noPunctuationKerning", "characterSpacingControl"]
SECT_ORDER = ["headerReference", "footerReference", "footnotePr", "endnotePr", "type", "pgSz",
              "pgMar", "paperSrc", "pgBorders", "lnNumType", "pgNumType", "cols", "formProt",
              "vAlign", "noEndnote", "titlePg", "textDirection", "bidi", "rtlGutter", "docGrid",
              "printerSettings", "sectPrChange"]


def set_child(parent: Any, tag: str, order: list[str], **attrs: str) -> Any:
    """Get or create ``w:tag`` under ``parent`` at its schema position; set ``w:`` attributes."""
    element = parent.find(qn(f"w:{tag}"))
    if element is None:
        element = OxmlElement(f"w:{tag}")
        position = order.index(tag)
        later = {qn(f"w:{t}") for t in order[position + 1:]}
        anchor = next((child for child in parent if child.tag in later), None)
        if anchor is None:
            parent.append(element)
        else:
            anchor.addprevious(element)
    for key, value in attrs.items():
        element.set(qn(f"w:{key}"), value)
    return element


def remove_child(parent: Any, tag: str) -> None:
    for element in parent.findall(qn(f"w:{tag}")):
        parent.remove(element)


def set_fonts(rpr: Any, east_asia: str, latin: str) -> None:
    fonts = set_child(rpr, "rFonts", RPR_ORDER, ascii=latin, hAnsi=latin, cs=latin,
                      eastAsia=east_asia)
    fonts.set(qn("w:hint"), "eastAsia")
    for attr in THEME_ATTRS:
        fonts.attrib.pop(qn(attr), None)


def set_size(rpr: Any, points: float) -> None:
    half_points = str(round(points * 2))
    set_child(rpr, "sz", RPR_ORDER, val=half_points)
    set_child(rpr, "szCs", RPR_ORDER, val=half_points)


def twips(points: float) -> str:
    return str(round(points * 20))


def _font_name(layout: Layout, role: str) -> str:
    return str(getattr(layout, f"{role}_font"))


def apply_style(document: Any, spec: StyleSpec, layout: Layout) -> None:
    """Create or update one style so it carries ``spec`` under ``layout``."""
    kind = WD_STYLE_TYPE.PARAGRAPH if spec.kind == "paragraph" else WD_STYLE_TYPE.CHARACTER
    element = document.styles.element.get_by_id(spec.style_id)
    if element is None:
        style = document.styles.add_style(spec.name, kind)
        style.element.set(qn("w:styleId"), spec.style_id)
        if spec.kind == "paragraph":
            style.base_style = document.styles["Normal"]
        style.quick_style = True
        element = style.element
    # Start from nothing, so no property of the stock template (colours, bold, spacing before
    # headings, theme fonts) survives into the report's styles.
    for tag in ("rPr", "pPr"):
        remove_child(element, tag)
    rpr = element.get_or_add_rPr()
    east_asia = _font_name(layout, spec.font)
    latin = east_asia if spec.font == "page_number" else layout.latin_font
    set_fonts(rpr, east_asia, latin)
    bold = getattr(layout, spec.bold) if isinstance(spec.bold, str) else spec.bold
    if bold:
        set_child(rpr, "b", RPR_ORDER)
        set_child(rpr, "bCs", RPR_ORDER)
    if spec.kind == "paragraph":
        # 28 characters of 三号 in the 156 mm 版心: 16 pt glyphs on a 15.79 pt pitch, either by
        # the character grid or by -0.25 pt letter spacing (GB/T 9704 §5.2.1; gongwen §2).
        tighten = (spec.size or 16) == 16 and spec.snap_to_grid and not layout.char_grid
        letter = spec.letter_spacing if spec.letter_spacing is not None else \
            (-0.25 if tighten else 0)
        set_child(rpr, "spacing", RPR_ORDER, val=twips(letter))
    color = set_child(rpr, "color", RPR_ORDER, val="000000")
    color.attrib.pop(qn("w:themeColor"), None)
    if spec.size is not None:
        set_size(rpr, spec.size)
    if spec.kind == "character":
        return
    ppr = element.get_or_add_pPr()
    if spec.keep_next:
        set_child(ppr, "keepNext", PPR_ORDER)
    if spec.page_break:
        set_child(ppr, "pageBreakBefore", PPR_ORDER)
    set_child(ppr, "widowControl", PPR_ORDER, val="1" if spec.widow_control else "0")
    set_child(ppr, "kinsoku", PPR_ORDER, val="1")
    # Inside a 专栏 or table a hanging ，。 would cross the border.
    set_child(ppr, "overflowPunct", PPR_ORDER, val="1" if spec.hang_punctuation else "0")
    # No automatic space between Chinese and digits or Latin letters (gongwen §4.5).
    set_child(ppr, "autoSpaceDE", PPR_ORDER, val="0")
    set_child(ppr, "autoSpaceDN", PPR_ORDER, val="0")
    if not spec.snap_to_grid:
        set_child(ppr, "snapToGrid", PPR_ORDER, val="0")
    line = getattr(layout, spec.line) if isinstance(spec.line, str) else spec.line
    spacing = set_child(ppr, "spacing", PPR_ORDER, before="0", after="0")
    if line:
        spacing.set(qn("w:line"), twips(float(line)))
        spacing.set(qn("w:lineRule"), "exact")
    char = spec.size or 16
    set_child(ppr, "ind", PPR_ORDER, left="0", right="0",
              firstLine=twips(spec.indent_chars * char))
    if spec.align:
        set_child(ppr, "jc", PPR_ORDER, val=spec.align)
    if spec.outline is not None:
        set_child(ppr, "outlineLvl", PPR_ORDER, val=str(spec.outline))


def apply_doc_defaults(document: Any, layout: Layout) -> None:
    """Document defaults: body fonts without theme attributes, zh-CN, no paragraph spacing."""
    root = document.styles.element
    defaults = root.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = OxmlElement("w:docDefaults")
        root.insert(0, defaults)
    rpr_default = set_child(defaults, "rPrDefault", ["rPrDefault", "pPrDefault"])
    rpr = set_child(rpr_default, "rPr", ["rPr"])
    set_fonts(rpr, layout.body_font, layout.latin_font)
    set_size(rpr, 16)
    set_child(rpr, "lang", RPR_ORDER, val="en-US", eastAsia="zh-CN", bidi="ar-SA")
    ppr_default = set_child(defaults, "pPrDefault", ["rPrDefault", "pPrDefault"])
    ppr = set_child(ppr_default, "pPr", ["pPr"])
    set_child(ppr, "autoSpaceDE", PPR_ORDER, val="0")
    set_child(ppr, "autoSpaceDN", PPR_ORDER, val="0")
    set_child(ppr, "spacing", PPR_ORDER, before="0", after="0", line="240", lineRule="auto")
    for fonts in root.iter(qn("w:rFonts")):
        for attr in THEME_ATTRS:
            fonts.attrib.pop(qn(attr), None)


def apply_section(section: Any, layout: Layout) -> None:
    sect = section._sectPr
    set_child(sect, "pgSz", SECT_ORDER, w=str(PAGE["w"]), h=str(PAGE["h"]))
    set_child(sect, "pgMar", SECT_ORDER, **{k: str(PAGE[k]) for k in
                                            ("top", "right", "bottom", "left", "header",
                                             "footer", "gutter")})
    pitch = twips(layout.line_pitch)
    grid = set_child(sect, "docGrid", SECT_ORDER, linePitch=pitch)
    if layout.char_grid:
        # Cells of 15.79 pt for a 16 pt Normal: 28 per line in the 156 mm 版心.
        grid.set(qn("w:type"), "linesAndChars")
        grid.set(qn("w:charSpace"), "-849")
    else:
        grid.set(qn("w:type"), "lines")
        grid.attrib.pop(qn("w:charSpace"), None)


def apply_font_table(document: Any, layout: Layout) -> None:
    """Font-table entries so that machines without the GB2312 faces substitute 仿宋/楷体."""
    from lxml import etree

    part = next((p for p in document.part.package.iter_parts()
                 if str(p.partname) == "/word/fontTable.xml"), None)
    if part is None:
        return
    root = etree.fromstring(part.blob)
    used = {layout.title_font, layout.body_font, layout.heading1_font, layout.heading2_font,
            layout.page_number_font, layout.latin_font}
    for name in sorted(used):
        entry = next((f for f in root.findall(qn("w:font")) if f.get(qn("w:name")) == name), None)
        if entry is None:
            entry = etree.SubElement(root, qn("w:font"))
            entry.set(qn("w:name"), name)
        for child in list(entry):
            entry.remove(child)
        if name in FONT_FALLBACKS:
            etree.SubElement(entry, qn("w:altName")).set(qn("w:val"), FONT_FALLBACKS[name])
        cjk = name != layout.latin_font
        for tag, value in (("charset", "86" if cjk else "00"),
                           ("family", "modern" if cjk else "roman"),
                           ("pitch", "fixed" if cjk else "variable")):
            etree.SubElement(entry, qn(f"w:{tag}")).set(qn("w:val"), value)
    part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def apply_layout(document: Any, layout: Layout) -> None:
    """Everything the layout settings decide: defaults, styles, page, grid, font table."""
    apply_doc_defaults(document, layout)
    for spec in report_styles(layout):
        apply_style(document, spec, layout)
    for section in document.sections:
        apply_section(section, layout)
    settings = document.settings.element
    if layout.mirror_margins:
        set_child(settings, "mirrorMargins", SETTINGS_ORDER)
    else:
        remove_child(settings, "mirrorMargins")
    apply_font_table(document, layout)
