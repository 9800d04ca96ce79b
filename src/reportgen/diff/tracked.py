"""Tracked changes written into a .docx's own body: the redline drawn in the form of one of the
compared Word files - its styles, tables with their merges, page layout, headers and footers.

The frame is the document whose paragraphs the redline follows (``redline.redline`` gives them,
one ``Para`` or more per paragraph and table cell of the frame). Its body is walked in the order
``word.text`` reads it; each paragraph is written again as its ``Para``s: the frame's own runs,
cut where a change starts or ends (their properties kept), inserted text in ``w:ins``, the other
side's text as new runs in ``w:del`` taking the properties of the run beside them, and a
paragraph mark of the other side as a new paragraph with the frame's paragraph properties. With
``flip`` the kinds swap: the frame is the side the changes go *from* (Reject All gives it).
In a cell of a table of several columns the other side's paragraphs - the cells of rows the
frame lacks - are run together, a space between them, unless whitespace counts (``join``), so
that a cell is not stretched down the page by them; a one-column 专栏 keeps them as paragraphs.

Only what can be cut exactly is cut: a document that holds tracked changes already, or text in
anything but plain runs (hyperlinks, content controls, fields written as ``w:fldSimple``, text
boxes), gives ``None``, and the caller writes the flat document instead.
"""

from __future__ import annotations

import copy
import zipfile
from io import BytesIO
from typing import Any

from reportgen.characters import xml_safe
from reportgen.diff.frame import Token, Unsupported, W, beside, index, paragraphs, read_tokens
from reportgen.diff.redline import DELETE, EQUAL, INSERT, Para, Run
from reportgen.i18n import _
from reportgen.word.text import Piece

_REVISIONS = ("ins", "del", "moveFrom", "moveTo", "pPrChange", "rPrChange")


class Writer:
    """Writes the frame's paragraphs again with the changes tracked."""

    def __init__(self, root: Any, author: str, flip: bool):
        self.author = author
        self.flip = flip
        ids = [int(v) for v in (e.get(f"{W}id") for e in root.iter()) if v and v.isdigit()]
        self.next_id = max(ids, default=0)

    def _kind(self, kind: str) -> str:
        if not self.flip or kind == EQUAL:
            return kind
        return INSERT if kind == DELETE else DELETE

    def _mark(self, tag: str) -> Any:
        from lxml import etree

        self.next_id += 1
        return etree.Element(f"{W}{tag}", {f"{W}id": str(self.next_id), f"{W}author": self.author})

    def _run(self, source: Any, parts: list[Any]) -> Any:
        from lxml import etree

        run = etree.Element(f"{W}r")
        if source is not None:
            for name, value in source.attrib.items():
                run.set(name, value)
            props = source.find(f"{W}rPr")
            if props is not None:
                run.append(copy.deepcopy(props))
        run.extend(parts)
        return run

    def _copied(self, tokens: list[Token]) -> list[Any]:
        """The runs (and zero-width elements) holding ``tokens``, in order."""
        from lxml import etree

        out: list[Any] = []
        group: list[Token] = []

        def flush() -> None:
            if not group:
                return
            parts: list[Any] = []
            for token in group:
                if token.child.tag == f"{W}t":
                    if parts and parts[-1].tag == f"{W}t" and parts[-1].get("_from") == str(
                            id(token.child)):
                        parts[-1].text += token.text
                        continue
                    text = etree.Element(f"{W}t", {"_from": str(id(token.child))})
                    text.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
                    text.text = token.text
                    parts.append(text)
                else:
                    parts.append(copy.deepcopy(token.child))
            for part in parts:
                part.attrib.pop("_from", None)
            out.append(self._run(group[0].run, parts))
            group.clear()

        for token in tokens:
            if token.run is None:
                flush()
                out.append(copy.deepcopy(token.child))
            else:
                if group and group[-1].run is not token.run:
                    flush()
                group.append(token)
        flush()
        return out

    def _written(self, text: str, like: Any, tag: str) -> Any:
        """A run of the other side's text, taking the properties of ``like``: its text in
        ``tag`` elements (delText where it is deleted, t where a flipped redline inserts it),
        its line breaks and tabs as theirs."""
        from lxml import etree

        parts = []
        for chunk in _chunks(text):
            if chunk in ("\n", "\t"):
                parts.append(etree.Element(f"{W}{'br' if chunk == chr(10) else 'tab'}"))
            else:
                element = etree.Element(f"{W}{tag}")
                element.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
                element.text = xml_safe(chunk)
                parts.append(element)
        return self._run(like, parts)

    def _wrapped(self, tag: str, content: list[Any]) -> list[Any]:
        """``content`` in ``w:ins``/``w:del`` marks, zero-width elements left outside."""
        out: list[Any] = []
        mark = None
        for element in content:
            if element.tag != f"{W}r":
                out.append(element)
                mark = None
                continue
            if mark is None:
                mark = self._mark(tag)
                out.append(mark)
            mark.append(element)
        return out

    def paragraph(self, p: Any, paras: list[Para]) -> list[Any]:
        """``p`` written again as ``paras`` (its text, the other side's around it)."""
        from lxml import etree

        tokens = read_tokens(p)
        own = "".join(t.text for t in tokens)
        shown = "".join(r.text for para in paras for r in para.runs if r.kind != DELETE)
        if own != shown:
            raise Unsupported(_("the paragraph's text is not the piece's"))
        properties = p.find(f"{W}pPr")
        at = 0  # characters of the frame's text written
        next_token = 0  # tokens written
        out: list[Any] = []
        for number, para in enumerate(paras):
            last = number == len(paras) - 1
            # the paragraph's own identity (w14:paraId …) stays with the one that keeps its mark
            new = etree.Element(p.tag, dict(p.attrib) if last else {})
            ppr = copy.deepcopy(properties) if properties is not None else None
            if ppr is not None and not last:
                for found in ppr.findall(f"{W}sectPr"):
                    ppr.remove(found)
            mark = self._kind(para.mark)
            if mark != EQUAL:
                if ppr is None:
                    ppr = etree.Element(f"{W}pPr")
                rpr = ppr.find(f"{W}rPr")
                if rpr is None:
                    rpr = etree.Element(f"{W}rPr")
                    section = ppr.find(f"{W}sectPr")
                    if section is not None:
                        section.addprevious(rpr)
                    else:
                        ppr.append(rpr)
                rpr.insert(0, self._mark("ins" if mark == INSERT else "del"))
            if ppr is not None:
                new.append(ppr)
            for run in para.runs:
                kind = self._kind(run.kind)
                if run.kind == DELETE:  # the other side's text, after what stands before it
                    while next_token < len(tokens) and not tokens[next_token].text:
                        new.extend(self._copied([tokens[next_token]]))
                        next_token += 1
                    like = beside(tokens, at)
                    content = [self._written(run.text, like,
                                             "delText" if kind == DELETE else "t")]
                    new.extend(self._wrapped("del" if kind == DELETE else "ins", content))
                    continue
                at += len(run.text)
                end = index(tokens, at)
                taken, next_token = tokens[next_token:end], end
                if kind == EQUAL:
                    new.extend(self._copied(taken))
                elif kind == INSERT:
                    new.extend(self._wrapped("ins", self._copied(taken)))
                else:  # the frame's own text, deleted (a flipped redline)
                    new.extend(self._wrapped("del", [_as_deleted(e) for e in self._copied(taken)]))
            if last:
                new.extend(self._copied(tokens[next_token:]))
            out.append(new)
        return out


def _chunks(text: str) -> list[str]:
    out: list[str] = []
    for char in text:
        if char in "\n\t" or not out or out[-1] in ("\n", "\t"):
            out.append(char)
        else:
            out[-1] += char
    return out


def _as_deleted(element: Any) -> Any:
    for text in element.iter(f"{W}t"):
        text.tag = f"{W}delText"
    return element


def _narrow(p: Any) -> bool:
    """Whether ``p`` is in a cell of a table of more than one column."""
    cell = next((a for a in p.iterancestors(f"{W}tc")), None)
    if cell is None:
        return False
    table = next(cell.iterancestors(f"{W}tbl"))
    grid = table.find(f"{W}tblGrid")
    return grid is not None and len(grid.findall(f"{W}gridCol")) > 1


def _run_together(paras: list[Para]) -> list[Para]:
    """``paras`` with the other side's paragraph breaks (DELETE marks) made spaces."""
    out: list[Para] = []
    for para in paras:
        if out and out[-1].mark == DELETE:
            before = out.pop()
            para = Para(para.piece, [*before.runs, Run(DELETE, " ", before.mark_change),
                                     *para.runs], para.mark, para.mark_change)
        out.append(para)
    return out


def document_xml(xml: bytes, pieces: list[Piece], paras: list[Para], author: str,
                 flip: bool, join: bool = True) -> bytes:
    """``xml`` (a document.xml whose body reads as ``pieces``) written again with ``paras``."""
    from lxml import etree

    root = etree.fromstring(xml, parser=etree.XMLParser(resolve_entities=False,
                                                        no_network=True, huge_tree=True))
    if next(root.iter(*(f"{W}{tag}" for tag in _REVISIONS)), None) is not None:
        raise Unsupported(_("the document holds tracked changes"))
    body = root.find(f"{W}body")
    found = list(paragraphs(body)) if body is not None else []
    if len(found) != len(pieces):
        raise Unsupported(_("its paragraphs are not the pieces read"))
    index = {id(piece): number for number, piece in enumerate(pieces)}
    groups: dict[int, list[Para]] = {}
    for para in paras:
        if para.piece is None:
            raise Unsupported(_("an empty frame"))
        groups.setdefault(index[id(para.piece)], []).append(para)
    writer = Writer(root, author, flip)
    for number, p in enumerate(found):
        group = groups.get(number, [Para(pieces[number])])
        if join and len(group) > 1 and _narrow(p):
            group = _run_together(group)
        written = writer.paragraph(p, group)
        for element in written:
            p.addprevious(element)
        p.getparent().remove(p)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def framed(package: bytes, pieces: list[Piece], paras: list[Para], author: str,
           flip: bool, replaced: dict[str, bytes],
           join: bool = True) -> list[tuple[str, bytes]] | None:
    """The parts of ``package`` (a .docx) with its body redlined and the parts of ``replaced``
    put in; None when its body cannot be cut exactly."""
    try:
        with zipfile.ZipFile(BytesIO(package)) as source:
            parts = [(info.filename, source.read(info.filename)) for info in source.infolist()]
    except (zipfile.BadZipFile, OSError):
        return None
    names = {name for name, _ in parts}
    if "word/document.xml" not in names:
        return None
    try:
        body = document_xml(dict(parts)["word/document.xml"], pieces, paras, author, flip,
                            join)
    except (Unsupported, ValueError):
        return None
    out = [(name, body if name == "word/document.xml" else replaced.get(name, data))
           for name, data in parts]
    out += [(name, data) for name, data in replaced.items() if name not in names]
    return out
