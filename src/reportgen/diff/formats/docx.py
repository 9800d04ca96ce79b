"""The comparison as a Word file with real tracked changes (``w:ins``/``w:del``, paragraph marks
included) that Word, WPS and LibreOffice can accept or reject one by one or all at once:
accepting all gives b, paragraph for paragraph; rejecting all gives a (under the comparison's
rules: with whitespace ignored, a's text in b's paragraphs).

The document is b's text in reading order, one paragraph per paragraph or table cell (as the
official text lists them), table cells set smaller and indented. It is written from scratch as
WordprocessingML: no template, no python-docx, the same bytes for the same comparison.
"""

from __future__ import annotations

import datetime as dt
import re

from reportgen.characters import xml_safe
from reportgen.diff.changes import Comparison
from reportgen.diff.outline import heading_level
from reportgen.diff.output import Options
from reportgen.diff.redline import DELETE, EQUAL, INSERT, Para, redline
from reportgen.word.ooxml import esc
from reportgen.write import zip_parts

AUTHOR = "reportgen diff"
_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'

_CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
<Default Extension="xml" ContentType="application/xml"/>\
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-\
officedocument.wordprocessingml.document.main+xml"/>\
<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-\
officedocument.wordprocessingml.styles+xml"/>\
<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-\
officedocument.wordprocessingml.settings+xml"/>\
<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-\
package.core-properties+xml"/>\
</Types>"""

_PACKAGE_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/\
relationships/officeDocument" Target="word/document.xml"/>\
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/\
metadata/core-properties" Target="docProps/core.xml"/>\
</Relationships>"""

_DOCUMENT_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/\
relationships/styles" Target="styles.xml"/>\
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/\
relationships/settings" Target="settings.xml"/>\
</Relationships>"""

_SETTINGS = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:settings {_NS}><w:zoom w:percent="100"/><w:defaultTabStop w:val="420"/>\
<w:characterSpacingControl w:val="compressPunctuation"/>\
<w:compat><w:doNotExpandShiftReturn/></w:compat></w:settings>"""


def _fonts(east_asia: str) -> str:
    return (f'<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" '
            f'w:eastAsia="{east_asia}" w:cs="Times New Roman"/>')


_STYLES = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles {_NS}>\
<w:docDefaults><w:rPrDefault><w:rPr>{_fonts("宋体")}<w:sz w:val="24"/><w:szCs w:val="24"/>\
<w:lang w:val="en-US" w:eastAsia="zh-CN"/></w:rPr></w:rPrDefault>\
<w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="400" w:lineRule="exact"/>\
<w:jc w:val="both"/></w:pPr></w:pPrDefault></w:docDefaults>\
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/>\
<w:pPr><w:ind w:firstLineChars="200" w:firstLine="480"/></w:pPr></w:style>\
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/>\
<w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr>\
<w:rPr>{_fonts("黑体")}</w:rPr></w:style>\
<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/>\
<w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr>\
<w:rPr>{_fonts("楷体")}<w:b/></w:rPr></w:style>\
<w:style w:type="paragraph" w:styleId="TableText"><w:name w:val="Table Text"/>\
<w:basedOn w:val="Normal"/><w:pPr><w:spacing w:line="320" w:lineRule="exact"/>\
<w:ind w:left="840" w:firstLineChars="0" w:firstLine="0"/><w:jc w:val="left"/></w:pPr>\
<w:rPr><w:sz w:val="21"/><w:szCs w:val="21"/></w:rPr></w:style>\
</w:styles>"""

_SECTION = ('<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="2098" w:right="1474" '
            'w:bottom="1984" w:left="1588" w:header="851" w:footer="992" w:gutter="0"/>'
            "</w:sectPr>")


def _escape(text: str) -> str:
    """Compared text for an XML text node; characters XML cannot hold become U+FFFD."""
    return esc(xml_safe(text))


def _run(text: str, deleted: bool) -> str:
    tag = "w:delText" if deleted else "w:t"
    parts = []
    for chunk in re.split(r"(\n|\t)", text):
        if chunk == "\n":
            parts.append("<w:br/>")
        elif chunk == "\t":
            parts.append("<w:tab/>")
        elif chunk:
            parts.append(f'<{tag} xml:space="preserve">{_escape(chunk)}</{tag}>')
    return f"<w:r>{''.join(parts)}</w:r>"


class _Ids:
    def __init__(self) -> None:
        self.next = 0

    def attributes(self) -> str:
        self.next += 1
        return f'w:id="{self.next}" w:author="{AUTHOR}"'


def _paragraph(para: Para, ids: _Ids) -> str:
    style = ""
    piece = para.piece
    if piece is not None:
        if piece.table is not None:
            style = "TableText"
        elif level := heading_level(piece.text):
            style = f"Heading{level}"
    properties = f'<w:pStyle w:val="{style}"/>' if style else ""
    if para.mark in (DELETE, INSERT):
        tag = "w:del" if para.mark == DELETE else "w:ins"
        properties += f"<w:rPr><{tag} {ids.attributes()}/></w:rPr>"
    body = []
    for run in para.runs:
        if run.kind == EQUAL:
            body.append(_run(run.text, deleted=False))
        elif run.kind == DELETE:
            body.append(f"<w:del {ids.attributes()}>{_run(run.text, deleted=True)}</w:del>")
        else:
            body.append(f"<w:ins {ids.attributes()}>{_run(run.text, deleted=False)}</w:ins>")
    pPr = f"<w:pPr>{properties}</w:pPr>" if properties else ""
    return f"<w:p>{pPr}{''.join(body)}</w:p>"


def document_xml(comparison: Comparison) -> str:
    ids = _Ids()
    paragraphs = "".join(_paragraph(para, ids) for para in redline(comparison))
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f"<w:document {_NS}><w:body>{paragraphs}{_SECTION}</w:body></w:document>")


def _core(comparison: Comparison, category: str) -> str:
    title = f"{comparison.a.label} → {comparison.b.label}: {comparison.b.source}"
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/'
            'metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">'
            f"<dc:title>{_escape(title)}</dc:title>"
            f"<dc:description>{_escape(comparison.a.source)} → {_escape(comparison.b.source)}; "
            f"{_escape(comparison.rules.describe())}</dc:description>"
            f"<dc:creator>{AUTHOR}</dc:creator><cp:category>{_escape(category)}</cp:category>"
            "</cp:coreProperties>")


def render(comparison: Comparison, options: Options) -> bytes:
    """The .docx file's bytes; the options' category goes into its document properties."""
    category = options.category
    parts = {
        "[Content_Types].xml": _CONTENT_TYPES,
        "_rels/.rels": _PACKAGE_RELS,
        "docProps/core.xml": _core(comparison, category),
        "word/_rels/document.xml.rels": _DOCUMENT_RELS,
        "word/document.xml": document_xml(comparison),
        "word/styles.xml": _STYLES,
        "word/settings.xml": _SETTINGS,
    }
    return zip_parts(((name, text.encode("utf-8")) for name, text in parts.items()),
                     dt.datetime(1980, 1, 1))
