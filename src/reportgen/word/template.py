"""Write the default Word template: styles and page per the layout, the title block, the loop
that places the narrative's blocks, and odd/even page-number footers.

Users restyle the result in Word or WPS; what it must keep are the Jinja tags (each ``{%p %}``
alone in its paragraph) and the style ids of ``styles``.
"""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

from reportgen.templating.linebreak import TITLE_CHARS
from reportgen.word import styles
from reportgen.word.blocks import BLOCK_KINDS, PARAGRAPH
from reportgen.word.layout import Layout
from reportgen.word.styling import PPR_ORDER, apply_layout, set_child
from reportgen.write import fixed_zip

#: The time stamped into the template's zip entries (the stock template's own date).
STAMP = dt.datetime(2013, 12, 23, 23, 15)


def _if(test: str, *paragraphs: tuple[str, str]) -> list[tuple[str, str]]:
    """Paragraphs that are there only when ``test`` holds: no empty paragraph otherwise."""
    return [(styles.BODY, f"{{%p if {test} %}}"), *paragraphs, (styles.BODY, "{%p endif %}")]


#: The title block: (style id, text) per paragraph. Each line under the title is there when
#: the report has it (report.yaml's 题注, 署名, 称谓), and so is the blank line after the two
#: centred ones.
TITLE_BLOCK: list[tuple[str, str]] = [
    (styles.TITLE, f"{{{{ 标题|balance({TITLE_CHARS}) }}}}"),
    (styles.BODY, ""),
    *_if("题注", (styles.SUBTITLE, "{{ 题注|balance(28) }}")),
    *_if("署名", (styles.ISSUER, "{{ 署名 }}")),
    *_if("题注 or 署名", (styles.BODY, "")),
    *_if("称谓", (styles.SALUTATION, "{{ 称谓 }}")),
]


def body_loop() -> list[tuple[str, str]]:
    """The loop that places the body's blocks, one branch per block kind (``blocks``)."""
    loop = [(styles.BODY, "{%p for b in 正文 %}")]
    kinds = [kind for kind in BLOCK_KINDS.values() if kind.name != PARAGRAPH]
    for index, kind in enumerate(kinds):
        loop.append((styles.BODY, f"{{%p {'if' if index == 0 else 'elif'} "
                                  f"b.类型 == '{kind.name}' %}}"))
        loop += kind.paragraphs()
    loop += [(styles.BODY, "{%p else %}"), *BLOCK_KINDS[PARAGRAPH].paragraphs(),
             (styles.BODY, "{%p endif %}"), (styles.BODY, "{%p endfor %}")]
    return loop


#: The title block and the body loop: (style id, text) per paragraph.
BODY: list[tuple[str, str]] = TITLE_BLOCK + body_loop()


def _page_field(paragraph: Any) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    def run_with(tag: str, **attrs: str) -> None:
        run = paragraph.add_run()._r
        element = OxmlElement(f"w:{tag}")
        for key, value in attrs.items():
            element.set(qn(f"w:{key}"), value)
        if tag == "instrText":
            element.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            element.text = " PAGE "
        run.append(element)

    paragraph.add_run("— ")
    run_with("fldChar", fldCharType="begin")
    run_with("instrText")
    run_with("fldChar", fldCharType="separate")
    paragraph.add_run("1")
    run_with("fldChar", fldCharType="end")
    paragraph.add_run(" —")


def _footer(footer: Any, side: str) -> None:
    """— N — one character (四号 = 280 twips) in from the outer edge of the 版心."""
    paragraph = footer.paragraphs[0]
    ppr = paragraph._p.get_or_add_pPr()
    set_child(ppr, "pStyle", PPR_ORDER, val=styles.PAGE_NUMBER)
    set_child(ppr, "ind", PPR_ORDER, **({"right": "280"} if side == "right" else {"left": "280"}),
              firstLine="0")
    set_child(ppr, "jc", PPR_ORDER, val=side)
    _page_field(paragraph)


def _drop_stock_parts(document: Any) -> None:
    """Drop the stock template's thumbnail (a picture of some other document) and its Word 2010
    copy of the styles (stock styles with theme fonts, which this template replaces)."""
    for rels in (document.part.package.rels, document.part.rels):
        for rid, rel in list(rels.items()):
            if rel.reltype.endswith(("/thumbnail", "/stylesWithEffects")):
                rels.pop(rid)


def make_template(layout: Layout) -> bytes:
    """The default template as .docx bytes, the same bytes for the same layout."""
    from docx import Document

    document = Document()
    _drop_stock_parts(document)
    body = document.element.body
    for child in list(body):
        if child.tag.endswith("}p"):
            body.remove(child)
    apply_layout(document, layout)
    for style_id, text in BODY:
        paragraph = document.add_paragraph(text)
        set_child(paragraph._p.get_or_add_pPr(), "pStyle", PPR_ORDER, val=style_id)
    document.settings.odd_and_even_pages_header_footer = True
    section = document.sections[0]
    section.footer.is_linked_to_previous = False
    _footer(section.footer, "right")
    section.even_page_footer.is_linked_to_previous = False
    _footer(section.even_page_footer, "left")
    properties = document.core_properties
    properties.title = "国民经济和社会发展计划报告模板"
    properties.author = "reportgen"
    properties.subject = ""
    properties.comments = ""
    properties.keywords = ""
    properties.last_modified_by = "reportgen"
    buffer = io.BytesIO()
    document.save(buffer)
    return fixed_zip(buffer.getvalue(), STAMP)
