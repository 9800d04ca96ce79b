"""A report's text in document order, as pieces: from a .docx (paragraphs and table cells, each
merged cell once, tracked changes taken as accepted - or, on request, as rejected) or from a
.txt (one piece per line).

Each piece of text is a ``Piece`` that knows where it is: its paragraph number, and the table,
row and cell when inside one - what ``diff`` uses to say where a change is.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from reportgen.errors import ReportgenError, SourceRef
from reportgen.guard import LINK_TO_NOTHING
from reportgen.textfile import read_text

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_SKIP = {f"{W}instrText", f"{W}delInstrText", f"{W}fldSimple", f"{W}pPr"}

#: How tracked changes are resolved: "accept" reads the document as if every change were
#: accepted (insertions kept, deletions dropped); "reject" as if every change were rejected.
Tracked = Literal["accept", "reject"]
#: The elements whose content a resolution drops, and the one it keeps.
_DROPPED = {"accept": {f"{W}del", f"{W}moveFrom", f"{W}delText"},
            "reject": {f"{W}ins", f"{W}moveTo"}}
_TEXT = {"accept": {f"{W}t"}, "reject": {f"{W}t", f"{W}delText"}}
#: The revision mark, in a paragraph mark's or a row's properties, that removes it.
_REMOVAL = {"accept": f"{W}del", "reject": f"{W}ins"}


@dataclass(frozen=True)
class Piece:
    """One paragraph of text, with where it sits."""

    text: str
    paragraph: int  # 1-based, counting every paragraph of the body in order
    table: int | None = None  # 1-based count of top-level tables
    row: int | None = None  # 1-based row within that table
    cell: int | None = None  # 1-based cell within that row
    column: int | None = None  # 1-based grid column where that cell starts
    span: int = 1  # grid columns the cell spans


def _paragraph_text(p: object, tracked: Tracked = "accept") -> str:
    parts: list[str] = []
    dropped, text = _DROPPED[tracked], _TEXT[tracked]

    def walk(element: object) -> None:
        for child in element:  # type: ignore[attr-defined]
            tag = child.tag
            if tag in _SKIP or tag in dropped:
                continue
            if tag in text:
                parts.append(child.text or "")
            elif tag == f"{W}tab":
                parts.append("\t")
            elif tag in (f"{W}br", f"{W}cr"):
                parts.append("\n")
            else:
                walk(child)

    walk(p)
    return "".join(parts)


def _removed(element: object, properties: str, tracked: Tracked) -> bool:
    """Whether a paragraph mark (``properties`` pPr/rPr) or a table row (trPr) goes away under
    ``tracked``: a deleted one when accepting, an inserted one when rejecting. A paragraph
    whose mark goes away joins the next."""
    props = element.find(properties)  # type: ignore[attr-defined]
    return props is not None and props.find(_REMOVAL[tracked]) is not None


def _grid_span(tc: object) -> int:
    span = tc.find(f"{W}tcPr/{W}gridSpan")  # type: ignore[attr-defined]
    try:
        return max(int(span.get(f"{W}val", "1")), 1) if span is not None else 1
    except ValueError:
        return 1


def _continues_merge(tc: object) -> bool:
    props = tc.find(f"{W}tcPr")  # type: ignore[attr-defined]
    if props is None:
        return False
    vmerge = props.find(f"{W}vMerge")
    if vmerge is not None and vmerge.get(f"{W}val", "continue") == "continue":
        return True
    hmerge = props.find(f"{W}hMerge")
    return hmerge is not None and hmerge.get(f"{W}val", "continue") == "continue"


_CONTAINERS = {f"{W}sdt", f"{W}sdtContent", f"{W}customXml", f"{W}smartTag"}
_REVISIONS = {f"{W}ins", f"{W}moveTo", f"{W}del", f"{W}moveFrom"}
#: table, row, cell, column, span of the blocks being read (all None/1 outside tables)
_Where = tuple[int | None, int | None, int | None, int | None, int]
_BODY: _Where = (None, None, None, None, 1)


class _Reader:
    """Walks a body, numbering paragraphs and tables; a paragraph whose mark is removed by
    the resolution of tracked changes is carried over into the next one."""

    def __init__(self, tracked: Tracked):
        self.tracked = tracked
        self.pieces: list[Piece] = []
        self.paragraphs = 0
        self.tables = 0
        self.carried: tuple[str, int] | None = None

    def blocks(self, container: object, where: _Where) -> None:
        for child in container:  # type: ignore[attr-defined]
            tag = child.tag
            if tag == f"{W}p":
                self.paragraph(child, where)
            elif tag == f"{W}tbl":
                self.flush(where)
                self.table(child, where)
            elif tag in _CONTAINERS or (tag in _REVISIONS
                                        and tag not in _DROPPED[self.tracked]):
                self.blocks(child, where)
        self.flush(where)

    def paragraph(self, p: object, where: _Where) -> None:
        self.paragraphs += 1
        text, number = _paragraph_text(p, self.tracked), self.paragraphs
        if self.carried is not None:
            text, number = self.carried[0] + text, self.carried[1]
            self.carried = None
        if _removed(p, f"{W}pPr/{W}rPr", self.tracked):
            self.carried = (text, number)
        else:
            self.pieces.append(Piece(text, number, *where))

    def flush(self, where: _Where) -> None:
        if self.carried is not None:
            self.pieces.append(Piece(self.carried[0], self.carried[1], *where))
            self.carried = None

    def table(self, tbl: object, where: _Where) -> None:
        table = where[0]
        if table is None:
            self.tables += 1
            table = self.tables
        rows = [tr for tr in tbl if tr.tag == f"{W}tr"]  # type: ignore[attr-defined]
        rows = [tr for tr in rows if not _removed(tr, f"{W}trPr", self.tracked)]
        for row_index, tr in enumerate(rows, start=1):
            cells = [tc for tc in tr if tc.tag == f"{W}tc"]
            column = 1
            for cell_index, tc in enumerate(cells, start=1):
                span = _grid_span(tc)
                if not _continues_merge(tc):
                    self.blocks(tc, (table, row_index, cell_index, column, span)
                                if where[0] is None else where)
                column += span


def docx_pieces(path: Path, ref: SourceRef | str | None = None,
                tracked: Tracked = "accept") -> list[Piece]:
    """The body of a .docx in document order, tracked changes resolved as ``tracked`` says."""
    from lxml import etree

    where = ref or str(path)
    try:
        with zipfile.ZipFile(path) as package:
            xml = package.read("word/document.xml")
    except (zipfile.BadZipFile, KeyError, OSError) as exc:
        raise ReportgenError(f"cannot be read as a Word .docx file ({type(exc).__name__})",
                             where) from None
    try:
        root = etree.fromstring(xml, parser=etree.XMLParser(resolve_entities=False,
                                                            no_network=True, huge_tree=True))
    except etree.XMLSyntaxError as exc:
        raise ReportgenError(f"its document.xml is not well-formed XML: {exc}", where) from None
    body = root.find(f"{W}body")
    reader = _Reader(tracked)
    if body is not None:
        reader.blocks(body, _BODY)
    return reader.pieces


def docx_category(path: Path) -> str:
    """The category in a .docx's document properties ("" when none or unreadable): how
    ``diff`` tells its own Word output from a built report."""
    from lxml import etree

    try:
        with zipfile.ZipFile(path) as package:
            root = etree.fromstring(package.read("docProps/core.xml"),
                                    parser=etree.XMLParser(resolve_entities=False,
                                                           no_network=True))
    except (zipfile.BadZipFile, KeyError, OSError, etree.XMLSyntaxError):
        return ""
    found = root.find("{http://schemas.openxmlformats.org/package/2006/metadata/"
                      "core-properties}category")
    return (found.text or "") if found is not None else ""


def txt_pieces(path: Path, ref: SourceRef | str | None = None) -> list[Piece]:
    """A text file: one piece per line (tab-separated table rows stay one line each)."""
    text = read_text(path, SourceRef(str(ref or path)))
    return [Piece(line, index) for index, line in enumerate(text.split("\n"), start=1)]


def read_pieces(path: Path, ref: SourceRef | str | None = None,
                tracked: Tracked = "accept") -> list[Piece]:
    """A .docx or .txt file's text in document order (``tracked`` applies to .docx)."""
    suffix = path.suffix.lower()
    if not path.is_file():
        raise ReportgenError(LINK_TO_NOTHING if path.is_symlink() and not path.exists() else
                             "missing: no such file", ref or str(path))
    if suffix == ".docx":
        return docx_pieces(path, ref, tracked)
    if suffix in (".txt", ".text", ".md"):
        return txt_pieces(path, ref)
    raise ReportgenError("is neither .docx nor .txt", ref or str(path))
