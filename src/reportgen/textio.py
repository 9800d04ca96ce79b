"""Read a report's text in document order: from .docx (paragraphs and table cells, each merged
cell once, tracked changes taken as accepted) or from .txt.

Each piece of text is a ``Piece`` that knows where it is: its paragraph number, and the table,
row and cell when inside one - what ``diff`` uses to say where a change is.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from .errors import ReportgenError, SourceRef

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_SKIP = {f"{W}del", f"{W}moveFrom", f"{W}delText", f"{W}instrText", f"{W}delInstrText",
         f"{W}fldSimple"}


@dataclass(frozen=True)
class Piece:
    """One paragraph of text, with where it sits."""

    text: str
    paragraph: int  # 1-based, counting every paragraph of the body in order
    table: int | None = None  # 1-based count of top-level tables
    row: int | None = None  # 1-based row within that table
    cell: int | None = None  # 1-based cell within that row


def _paragraph_text(p: object) -> str:
    parts: list[str] = []

    def walk(element: object) -> None:
        for child in element:  # type: ignore[attr-defined]
            tag = child.tag
            if tag in _SKIP:
                continue
            if tag == f"{W}t":
                parts.append(child.text or "")
            elif tag == f"{W}tab":
                parts.append("\t")
            elif tag in (f"{W}br", f"{W}cr"):
                parts.append("\n")
            elif tag == f"{W}pPr":
                continue
            else:
                walk(child)

    walk(p)
    return "".join(parts)


def _continues_merge(tc: object) -> bool:
    props = tc.find(f"{W}tcPr")  # type: ignore[attr-defined]
    if props is None:
        return False
    vmerge = props.find(f"{W}vMerge")
    if vmerge is not None and vmerge.get(f"{W}val", "continue") == "continue":
        return True
    hmerge = props.find(f"{W}hMerge")
    return hmerge is not None and hmerge.get(f"{W}val", "continue") == "continue"


def _blocks(container: object, pieces: list[Piece], counter: list[int],
            where: tuple[int | None, int | None, int | None]) -> None:
    for child in container:  # type: ignore[attr-defined]
        tag = child.tag
        if tag == f"{W}p":
            counter[0] += 1
            pieces.append(Piece(_paragraph_text(child), counter[0], *where))
        elif tag == f"{W}tbl":
            table = where[0]
            if table is None:
                counter[1] += 1
                table = counter[1]
            for row_index, tr in enumerate(child.iter(f"{W}tr"), start=1):
                if tr.getparent() is not child:
                    continue
                cells = [tc for tc in tr if tc.tag == f"{W}tc"]
                for cell_index, tc in enumerate(cells, start=1):
                    if _continues_merge(tc):
                        continue
                    position = (table, row_index, cell_index) if where[0] is None else where
                    _blocks(tc, pieces, counter, position)
        elif tag in (f"{W}sdt", f"{W}sdtContent", f"{W}ins", f"{W}moveTo", f"{W}customXml",
                     f"{W}smartTag"):
            _blocks(child, pieces, counter, where)


def docx_pieces(path: Path, ref: SourceRef | str | None = None) -> list[Piece]:
    """The body of a .docx in document order."""
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
    pieces: list[Piece] = []
    if body is not None:
        _blocks(body, pieces, [0, 0], (None, None, None))
    return pieces


def txt_pieces(path: Path, ref: SourceRef | str | None = None) -> list[Piece]:
    """A text file: one piece per line (tab-separated table rows stay one line each)."""
    from .load import read_text

    text = read_text(path, SourceRef(str(ref or path)))
    return [Piece(line, index) for index, line in enumerate(text.split("\n"), start=1)]


def read_pieces(path: Path, ref: SourceRef | str | None = None) -> list[Piece]:
    suffix = path.suffix.lower()
    if not path.is_file():
        raise ReportgenError("missing: no such file", ref or str(path))
    if suffix == ".docx":
        return docx_pieces(path, ref)
    if suffix in (".txt", ".text", ".md"):
        return txt_pieces(path, ref)
    raise ReportgenError("is neither .docx nor .txt", ref or str(path))


_WHITESPACE = re.compile(r"\s+")


def squeeze(text: str) -> str:
    """Text with all whitespace removed: how reports are compared by default."""
    return _WHITESPACE.sub("", text)
