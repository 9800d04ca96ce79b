"""A published report read into what import works on: its paragraphs and tables in document
order, from the pieces ``word.text`` reads - and refused with one message naming the file when
it is not one a report can be read from (a .doc, an encrypted or corrupt .docx, text in an
encoding reportgen does not know).

A .docx gives its tables with their grid (a vertically merged cell once, in its first row) and
each paragraph's bold opening. A .txt writes a table one cell per line, each line led by a tab
and a blank line after each row - a cell's text may go on over lines of its own, even after a
blank one, as ``data/2021/official.txt`` does - or one row per line, its cells between tabs.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from pathlib import Path

from reportgen.characters import too_long
from reportgen.diff.normalise import squeeze
from reportgen.errors import ReportgenError
from reportgen.i18n import _
from reportgen.word.text import Piece, docx_pieces, text_pieces

#: The first bytes of an OLE compound file: an old .doc, or a .docx saved with a password.
_COMPOUND = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
         (codecs.BOM_UTF16_BE, "utf-16"))
#: The longest text that goes on in a table cell of a .txt after a blank line.
_GOING_ON = 12
_CJK = re.compile(r"[\u3400-\u9fff\u3000-\u303f\uff00-\uffef]")


@dataclass(frozen=True)
class Para:
    """A paragraph as written, without the spaces around it; ``lead`` is the bold text a .docx
    opens it with (when not all of it); ``place`` its line (.txt) or paragraph (.docx)."""

    text: str
    lead: str = ""
    place: int = 0


@dataclass(frozen=True)
class Cell:
    paras: tuple[Para, ...]
    column: int  # 1-based grid column; in a .txt, its place in the row
    span: int = 1

    @property
    def text(self) -> str:
        return "".join(para.text for para in self.paras)


@dataclass(frozen=True)
class Table:
    rows: tuple[tuple[Cell, ...], ...]
    place: int
    #: the grid is known (a .docx): a row lacks the cells merged down from the row above
    gridded: bool = False

    @property
    def width(self) -> int:
        return max((cell.column + cell.span - 1 for row in self.rows for cell in row), default=0)


Block = Para | Table


@dataclass(frozen=True)
class Source:
    path: Path
    kind: str  # "docx" or "txt"
    blocks: tuple[Block, ...]
    #: what the year keeps as its official text, and under which name
    official: bytes
    official_name: str
    encoding: str  # the text's encoding ("" for a .docx)
    compared: str  # what the diff compares: the text without its whitespace

    @property
    def characters(self) -> int:
        return len(self.compared)


def read_source(path: Path, shown: str | None = None) -> Source:
    """The report in ``path`` (.docx or .txt); ``shown`` names it in messages."""
    where = shown or str(path)
    if not path.is_file():
        raise ReportgenError(_("missing: no such file") if not path.exists() else
                             _("is not a file"), where)
    suffix = path.suffix.lower()
    if suffix == ".doc":
        raise ReportgenError(_("is an old Word .doc file; reportgen imports .docx or .txt"), where,
                             _("Open it in Word or WPS and save it as Word 文档 (*.docx)."))
    if suffix not in (".docx", ".txt", ".text"):
        raise ReportgenError(_("is neither a .docx nor a .txt file; reportgen imports a report "
                               "saved as Word 文档 (*.docx) or as text"), where)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ReportgenError(_("cannot be read: {strerror}")
                               .format(strerror=exc.strerror), where) from None
    if not raw.strip():
        raise ReportgenError(_("is empty: there is no report in it"), where)
    if suffix == ".docx":
        return _whole_paragraphs(_docx(path, raw, where), where)
    text, encoding = decode(raw, where)
    pieces = text_pieces(text.replace("\r\n", "\n").replace("\r", "\n"))
    official = raw if encoding in ("utf-8", "utf-8-sig") else text.encode("utf-8")
    return _whole_paragraphs(Source(path, "txt", tuple(txt_blocks(pieces)), official,
                                    "official.txt", encoding, compared(pieces)), where)


def _whole_paragraphs(source: Source, where: str) -> Source:
    """``source``, refused when a paragraph of it is longer than a report's may be (the year
    made of it could not be built)."""
    for block in source.blocks:
        paras = [block] if isinstance(block, Para) else \
            [para for row in block.rows for cell in row for para in cell.paras]
        for para in paras:
            if (problem := too_long(para.text)) is not None:
                kind = "line" if source.kind == "txt" else "paragraph"
                raise ReportgenError(f"{kind} {para.place}: 「{para.text[:20]}…」 {problem}",
                                     where)
    return source


def _docx(path: Path, raw: bytes, where: str) -> Source:
    if raw.startswith(_COMPOUND):
        raise ReportgenError(_("is password-protected (encrypted), or an old .doc renamed .docx; "
                               "reportgen cannot read it"), where,
                             _("Open it in Word or WPS, remove the password (or save it as "
                               "*.docx) and import that file."))
    if not raw.startswith(b"PK"):
        raise ReportgenError(_("is not a Word .docx file (it is not a zip package): corrupt, or "
                               "another kind of file renamed"), where)
    pieces = docx_pieces(path, where)
    return Source(path, "docx", tuple(docx_blocks(pieces)), raw, "official.docx", "",
                  compared(pieces))


def decode(raw: bytes, where: str) -> tuple[str, str]:
    """A text file's text and its encoding: UTF-8 (with or without BOM), UTF-16 with a BOM,
    or GB18030 (GBK) where that reads as Chinese; anything else is refused."""
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            try:
                return raw.decode(encoding), encoding
            except UnicodeDecodeError:
                break
    else:
        if b"\x00" not in raw:
            try:
                return raw.decode("utf-8"), "utf-8"
            except UnicodeDecodeError:
                pass
            try:
                text = raw.decode("gb18030")
            except UnicodeDecodeError:
                text = ""
            wide = [c for c in text if ord(c) > 127 and not c.isspace()]
            if wide and sum(1 for c in wide if _CJK.match(c)) >= 0.9 * len(wide):
                return text, "gb18030"
    raise ReportgenError(_("is text in an encoding reportgen does not know (neither UTF-8, "
                           "UTF-16 nor GB18030/GBK), or not text at all"), where,
                         _("Save it as UTF-8 (in Notepad: 另存为, 编码 UTF-8) and import again."))


def compared(pieces: list[Piece]) -> str:
    """The text of ``pieces`` as the diff compares it by default: without whitespace."""
    return squeeze("".join(piece.text for piece in pieces))


def _lead(piece: Piece) -> str:
    """The bold text a piece opens with, when something not bold follows it."""
    if not piece.bold:
        return ""
    start, end = piece.bold[0]
    text = piece.text
    if text[:start].strip() or not text[end:].strip():
        return ""
    return text[start:end].strip()


def docx_blocks(pieces: list[Piece]) -> list[Block]:
    """Paragraphs outside tables and each table's cells, in document order."""
    blocks: list[Block] = []
    cells: dict[tuple[int, int], list[Piece]] = {}  # the current table's, by (row, cell)

    def close() -> None:
        if not cells:
            return
        rows: dict[int, list[Cell]] = {}
        for (row, _column), found in sorted(cells.items()):
            paras = tuple(Para(p.text.strip(), _lead(p), p.paragraph) for p in found
                          if p.text.strip())
            rows.setdefault(row, []).append(Cell(paras, found[0].column or 1, found[0].span))
        place = min(found[0].paragraph for found in cells.values())
        blocks.append(Table(tuple(tuple(row) for row in rows.values()), place, gridded=True))
        cells.clear()

    current: int | None = None
    for piece in pieces:
        if piece.table != current:
            close()
            current = piece.table
        if piece.table is not None:
            cells.setdefault((piece.row or 0, piece.cell or 0), []).append(piece)
        elif piece.text.strip():
            blocks.append(Para(piece.text.strip(), _lead(piece), piece.paragraph))
    close()
    return blocks


def _cell_line(line: str) -> bool:
    """A line of a table: led by a tab, or cells with tabs between them."""
    return line.startswith("\t") or ("\t" in line.strip() and bool(line.strip()))


def txt_blocks(pieces: list[Piece]) -> list[Block]:
    """A text file's lines: paragraphs, and the runs of table lines as tables."""
    lines = [piece.text for piece in pieces]
    blocks: list[Block] = []
    index = 0
    while index < len(lines):
        if _cell_line(lines[index]):
            table, index = _txt_table(lines, index)
            blocks.append(table)
            continue
        text = lines[index].strip()
        if text:
            blocks.append(Para(text, place=index + 1))
        index += 1
    return blocks


def _txt_table(lines: list[str], start: int) -> tuple[Table, int]:
    """The table starting at line ``start`` and the line after it."""
    first = lines[start]
    by_row = first.strip("\t").count("\t") > 0 or first.count("\t") > 1
    rows: list[list[list[Para]]] = []
    index = start
    if by_row:
        while index < len(lines) and (_cell_line(lines[index]) or not lines[index].strip()):
            line = lines[index]
            if line.strip():
                rows.append([[Para(text.strip(), place=index + 1)] if text.strip() else []
                             for text in line.split("\t")])
            index += 1
        return _table(rows, start), index
    blank = True  # a new row starts at the first cell line
    while index < len(lines):
        line = lines[index]
        if line.startswith("\t"):
            if blank or not rows:
                rows.append([])
            rows[-1].append([Para(line.strip(), place=index + 1)] if line.strip() else [])
            blank = False
        elif not line.strip():
            blank = True
        else:
            group_end = index
            while group_end < len(lines) and lines[group_end].strip() \
                    and not lines[group_end].startswith("\t"):
                group_end += 1
            # after a blank line, only a short line with the row's next cell right below it
            # goes on in the cell (an empty paragraph in it); anything else ends the table
            continues = not blank or (group_end == index + 1 and group_end < len(lines)
                                      and lines[group_end].startswith("\t")
                                      and len(line.strip()) <= _GOING_ON)
            if not continues or not rows or not rows[-1]:
                break
            # text going on in the last cell, after a line break or an empty paragraph
            rows[-1][-1] += [Para(text.strip(), place=number + 1)
                             for number, text in enumerate(lines[index:group_end], start=index)]
            index = group_end
            blank = False
            continue
        index += 1
    return _table(rows, start), index


def _table(rows: list[list[list[Para]]], start: int) -> Table:
    return Table(tuple(tuple(Cell(tuple(paras), column) for column, paras in
                             enumerate(row, start=1)) for row in rows), start + 1)
