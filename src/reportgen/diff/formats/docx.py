"""The comparison as a Word file with real tracked changes (``w:ins``/``w:del``, paragraph marks
included) that Word, WPS and LibreOffice can accept or reject one by one or all at once. The
options' direction says which way they go: a-to-b (Accept All gives b, Reject All a) or b-to-a;
their author is the options' (the 报告单位, for a year).

**In the report's form** wherever one of the two texts is a .docx: the redline is that file
itself - its styles, 专栏 tables with their merges, page layout, headers and footers - with
the changes tracked in its body (``diff/tracked.py``). The file Accept All gives is the frame
when it is a .docx, so accepting gives it exactly, paragraph for paragraph; else the other
side's .docx frames it and Reject All gives that one exactly (accepting gives the other text,
under the comparison's rules, in its paragraphs).

**Flat** when neither is (two .txt files) or the frame cannot be cut exactly: the text Accept
All gives, in reading order, one paragraph per paragraph or table cell, written from scratch as
WordprocessingML. Either way the same comparison gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from reportgen.characters import xml_safe
from reportgen.diff.changes import Comparison
from reportgen.diff.outline import heading_level
from reportgen.diff.output import DIRECTIONS, Options
from reportgen.diff.redline import DELETE, EQUAL, INSERT, Para, redline
from reportgen.word.ooxml import esc
from reportgen.write import zip_parts

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
    def __init__(self, author: str) -> None:
        self.next = 0
        self.author = author

    def attributes(self) -> str:
        self.next += 1
        return f'w:id="{self.next}" w:author="{_escape(self.author)}"'


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


def document_xml(comparison: Comparison, author: str) -> str:
    """The flat document: b's paragraphs in reading order."""
    ids = _Ids(author)
    paragraphs = "".join(_paragraph(para, ids) for para in redline(comparison))
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f"<w:document {_NS}><w:body>{paragraphs}{_SECTION}</w:body></w:document>")


def _core(comparison: Comparison, category: str, author: str) -> str:
    title = f"{comparison.a.label} → {comparison.b.label}: {comparison.b.source}"
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/'
            'metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">'
            f"<dc:title>{_escape(title)}</dc:title>"
            f"<dc:description>{_escape(comparison.a.source)} → {_escape(comparison.b.source)}; "
            f"{_escape(comparison.rules.describe())}</dc:description>"
            f"<dc:creator>{_escape(author)}</dc:creator>"
            f"<cp:category>{_escape(category)}</cp:category>"
            "</cp:coreProperties>")


_CORE_TYPE = ('<Override PartName="/docProps/core.xml" ContentType="application/vnd.'
              'openxmlformats-package.core-properties+xml"/>')
_CORE_REL = ('<Relationship Id="rIdReportgenCore" Type="http://schemas.openxmlformats.org/'
             'package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>')


def _framed(comparison: Comparison, options: Options, core: str) -> bytes | None:
    """The redline in the form of one of the compared .docx files (see the module's note):
    the one Accept All gives, else the other; None when neither can frame it."""
    from reportgen.diff import tracked

    source, target = options.documents
    replaced = {"docProps/core.xml": core.encode("utf-8")}
    for frame, document, flip in ((comparison, target, False),
                                  (comparison.reversed(), source, True)):
        if document is None:
            continue
        parts = tracked.framed(document, frame.b.pieces, redline(frame), options.author, flip,
                               replaced, join=not comparison.rules.strict)
        if parts is None:
            continue
        names = dict(parts)
        if "docProps/core.xml" not in names or _CORE_TYPE not in names.get(
                "[Content_Types].xml", b"").decode("utf-8", "replace"):
            parts = [(name, _registered(name, data)) for name, data in parts]
        return zip_parts(parts, dt.datetime(1980, 1, 1))
    return None


def _registered(name: str, data: bytes) -> bytes:
    """A frame's content types and package relationships naming docProps/core.xml."""
    text = data.decode("utf-8")
    if name == "[Content_Types].xml" and "/docProps/core.xml" not in text:
        return text.replace("</Types>", _CORE_TYPE + "</Types>").encode("utf-8")
    if name == "_rels/.rels" and "docProps/core.xml" not in text:
        return text.replace("</Relationships>", _CORE_REL + "</Relationships>").encode("utf-8")
    return data


def render(comparison: Comparison, options: Options) -> bytes:
    """The .docx file's bytes; the options' category goes into its document properties."""
    if options.direction not in DIRECTIONS:
        raise ValueError(f"direction {options.direction!r}")
    if options.direction == "b-to-a":
        comparison = comparison.reversed()
        options = replace(options, documents=options.documents[::-1])
    core = _core(comparison, options.category, options.author)
    framed = _framed(comparison, options, core)
    if framed is not None:
        return framed
    parts = {
        "[Content_Types].xml": _CONTENT_TYPES,
        "_rels/.rels": _PACKAGE_RELS,
        "docProps/core.xml": core,
        "word/_rels/document.xml.rels": _DOCUMENT_RELS,
        "word/document.xml": document_xml(comparison, options.author),
        "word/styles.xml": _STYLES,
        "word/settings.xml": _SETTINGS,
    }
    return zip_parts(((name, text.encode("utf-8")) for name, text in parts.items()),
                     dt.datetime(1980, 1, 1))
