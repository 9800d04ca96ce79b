"""A report's text in document order, as pieces: from a .docx (paragraphs and table cells, each
merged cell once, tracked changes taken as accepted - or, on request, as rejected) or from a
.txt (one piece per line).

Each piece of text is a ``Piece`` that knows where it is: its paragraph number, and the table,
row and cell when inside one - what ``diff`` uses to say where a change is - and, from a .docx,
which of its characters are bold (a lead sentence, for ``import``): set on the run, or by its
character or paragraph style.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from reportgen.errors import ReportgenError, SourceRef
from reportgen.guard import LINK_TO_NOTHING
from reportgen.i18n import _
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
    #: the (start, end) ranges of ``text`` printed bold, in order; formatting, not text
    bold: tuple[tuple[int, int], ...] = field(default=(), compare=False)


_OFF = ("0", "false", "off", "none")


class _Styles:
    """Which styles of a document are bold (their own ``w:b`` or the one they are based on)."""

    def __init__(self, root: object | None = None):
        self.bold: dict[str, bool | None] = {}
        self.based: dict[str, str] = {}
        for style in (root if root is not None else ()):  # type: ignore[attr-defined]
            if style.tag != f"{W}style":
                continue
            name = style.get(f"{W}styleId", "")
            self.bold[name] = _bold_of(style.find(f"{W}rPr"))
            based = style.find(f"{W}basedOn")
            if based is not None:
                self.based[name] = based.get(f"{W}val", "")

    def is_bold(self, name: str | None) -> bool | None:
        seen: set[str] = set()
        while name and name not in seen:
            seen.add(name)
            if self.bold.get(name) is not None:
                return self.bold[name]
            name = self.based.get(name)
        return None


def _bold_of(rpr: object | None) -> bool | None:
    """A run properties element's own bold: True, False, or None when it says nothing."""
    b = rpr.find(f"{W}b") if rpr is not None else None  # type: ignore[attr-defined]
    if b is None:
        return None
    return b.get(f"{W}val", "1").lower() not in _OFF


def _run_bold(r: object, paragraph_bold: bool, styles: _Styles) -> bool:
    rpr = r.find(f"{W}rPr")  # type: ignore[attr-defined]
    own = _bold_of(rpr)
    if own is not None:
        return own
    style = rpr.find(f"{W}rStyle") if rpr is not None else None
    by_style = styles.is_bold(style.get(f"{W}val")) if style is not None else None
    return paragraph_bold if by_style is None else by_style


def _paragraph_text(p: object, tracked: Tracked = "accept",
                    styles: _Styles | None = None) -> tuple[str, tuple[tuple[int, int], ...]]:
    """A paragraph's text, and the ranges of it that are bold."""
    parts: list[str] = []
    bold: list[tuple[int, int]] = []
    dropped, text = _DROPPED[tracked], _TEXT[tracked]
    styles = styles or _Styles()
    style = p.find(f"{W}pPr/{W}pStyle")  # type: ignore[attr-defined]
    paragraph_bold = bool(styles.is_bold(style.get(f"{W}val"))) if style is not None else False
    length = 0

    def add(piece: str, is_bold: bool) -> None:
        nonlocal length
        if is_bold and piece:
            if bold and bold[-1][1] == length:
                bold[-1] = (bold[-1][0], length + len(piece))
            else:
                bold.append((length, length + len(piece)))
        parts.append(piece)
        length += len(piece)

    def walk(element: object, is_bold: bool) -> None:
        for child in element:  # type: ignore[attr-defined]
            tag = child.tag
            if tag in _SKIP or tag in dropped:
                continue
            if tag == f"{W}r":
                walk(child, _run_bold(child, paragraph_bold, styles))
            elif tag in text:
                add(child.text or "", is_bold)
            elif tag == f"{W}tab":
                add("\t", False)
            elif tag == f"{W}br" and child.get(f"{W}type") in ("page", "column"):
                continue  # where a page begins (an 附件's, say) is layout, not text
            elif tag in (f"{W}br", f"{W}cr"):
                add("\n", False)
            elif tag != f"{W}rPr":
                walk(child, is_bold)

    walk(p, paragraph_bold)
    return "".join(parts), tuple(bold)


def _joined(first: tuple[tuple[int, int], ...], second: tuple[tuple[int, int], ...],
            shift: int) -> tuple[tuple[int, int], ...]:
    """The bold ranges of two texts joined, the second ``shift`` characters on."""
    ranges = list(first)
    for start, end in second:
        if ranges and ranges[-1][1] == start + shift:
            ranges[-1] = (ranges[-1][0], end + shift)
        else:
            ranges.append((start + shift, end + shift))
    return tuple(ranges)


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

    def __init__(self, tracked: Tracked, styles: _Styles):
        self.tracked = tracked
        self.styles = styles
        self.pieces: list[Piece] = []
        self.paragraphs = 0
        self.tables = 0
        #: a paragraph whose mark is removed: its text, number and bold ranges
        self.carried: tuple[str, int, tuple[tuple[int, int], ...]] | None = None

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
        text, bold = _paragraph_text(p, self.tracked, self.styles)
        number = self.paragraphs
        if self.carried is not None:
            before, number, bold_before = self.carried
            text, bold = before + text, _joined(bold_before, bold, len(before))
            self.carried = None
        if _removed(p, f"{W}pPr/{W}rPr", self.tracked):
            self.carried = (text, number, bold)
        else:
            self.pieces.append(Piece(text, number, *where, bold=bold))

    def flush(self, where: _Where) -> None:
        if self.carried is not None:
            text, number, bold = self.carried
            self.pieces.append(Piece(text, number, *where, bold=bold))
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
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)
    try:
        with zipfile.ZipFile(path) as package:
            xml = package.read("word/document.xml")
            names = set(package.namelist())
            style_xml = package.read("word/styles.xml") if "word/styles.xml" in names else None
    except (zipfile.BadZipFile, KeyError, OSError) as exc:
        raise ReportgenError(_("cannot be read as a Word .docx file ({kind})")
                               .format(kind=type(exc).__name__),
                             where) from None
    try:
        root = etree.fromstring(xml, parser=parser)
    except etree.XMLSyntaxError as exc:
        raise ReportgenError(_("its document.xml is not well-formed XML: {exc}")
                               .format(exc=exc), where) from None
    try:
        styles = _Styles(etree.fromstring(style_xml, parser=parser) if style_xml else None)
    except etree.XMLSyntaxError:
        styles = _Styles()  # the text reads without them; only what is bold is unknown
    body = root.find(f"{W}body")
    reader = _Reader(tracked, styles)
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
    return text_pieces(read_text(path, SourceRef(str(ref or path))))


def text_pieces(text: str) -> list[Piece]:
    """Text already read (line endings "\\n"): one piece per line."""
    return [Piece(line, index) for index, line in enumerate(text.split("\n"), start=1)]


def read_pieces(path: Path, ref: SourceRef | str | None = None,
                tracked: Tracked = "accept") -> list[Piece]:
    """A .docx or .txt file's text in document order (``tracked`` applies to .docx)."""
    suffix = path.suffix.lower()
    if not path.is_file():
        raise ReportgenError(_(LINK_TO_NOTHING) if path.is_symlink() and not path.exists() else
                             _("missing: no such file"), ref or str(path))
    if suffix == ".docx":
        return docx_pieces(path, ref, tracked)
    if suffix in (".txt", ".text", ".md"):
        return txt_pieces(path, ref)
    raise ReportgenError(_("is neither .docx nor .txt"), ref or str(path))
