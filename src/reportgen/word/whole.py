"""docxtpl's rendering of the Word template, with nothing of the rendered document dropped.

docxtpl reads the XML it rendered with libxml2's ``recover`` option, which silently drops
everything after a text too long for libxml2 (10 MB without its "huge" option) - the report
would end inside a long paragraph, and the build succeed. Here that XML is first read strictly
and whole: a paragraph longer than a report's may be is refused with its beginning, XML that is
not well-formed with libxml2's message, and docxtpl's own reading must then find every element.
"""

from __future__ import annotations

from typing import Any

from docxtpl import DocxTemplate
from lxml import etree

from reportgen.characters import MAX_PARAGRAPH as MAX_TEXT
from reportgen.errors import ReportgenError
from reportgen.i18n import _

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_STRICT = etree.XMLParser(huge_tree=True, resolve_entities=False)


class WholeTemplate(DocxTemplate):
    """A docxtpl template whose rendered body is read whole, or the build refused; ``where``
    names the Word template in messages."""

    where = ""  # the Word template's place; unset: it is named in words

    def _where(self) -> str:
        return self.where or _("the Word template")

    def fix_tables(self, xml: str) -> Any:
        try:
            whole = etree.fromstring(xml.encode("utf-8"), _STRICT)
        except etree.XMLSyntaxError as exc:
            raise ReportgenError(_("renders to XML that is not well-formed ({exc}); check its "
                                   "{{%p %}}, {{%tr %}} and {{%tc %}} tags")
                                   .format(exc=exc), self._where()) from None
        for paragraph in whole.iter(f"{_W}p"):
            text = "".join(t.text or "" for t in paragraph.iter(f"{_W}t"))
            if len(text) > MAX_TEXT:
                raise ReportgenError(
                    _("the report would have a paragraph of {count:,} characters, more than "
                      "{most:,}: the one that begins 「{text}」; split it into "
                      "paragraphs or shorten it")
                    .format(count=len(text), most=MAX_TEXT, text=text[:20]))
        tree = super().fix_tables(xml)
        if sum(1 for _ in tree.iter()) != sum(1 for _ in whole.iter()):
            raise ReportgenError(_("renders to XML that docxtpl cannot read whole; nothing was "
                                   "written"), self._where())
        return tree
