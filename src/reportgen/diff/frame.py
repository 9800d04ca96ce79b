"""A Word body as the redline cuts it: its paragraphs in the order ``word.text`` reads them, and
each paragraph as tokens - one per character of its text, with the run (and the run's child)
it comes from, and one per element that holds no text (bookmarks, fields' markers) - so that a
paragraph can be written again cut anywhere, each piece keeping its run's properties."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = f"{{{_NS}}}"
#: The elements of a run that are text, and the character each stands for (w:t: its text).
TEXT = {f"{W}t": None, f"{W}tab": "\t", f"{W}br": "\n", f"{W}cr": "\n"}
#: Elements of a paragraph that hold no text of their own and may sit between its runs.
_ZERO_WIDTH = {f"{W}{tag}" for tag in ("bookmarkStart", "bookmarkEnd", "proofErr", "permStart",
                                        "permEnd", "commentRangeStart", "commentRangeEnd")}
#: Parts of a run that are no text (left where they are, at the character that follows).
_RUN_SKIP = {f"{W}rPr"}


class Unsupported(Exception):
    """The frame holds something the redline cannot cut exactly."""


def _continues_merge(tc: Any) -> bool:
    props = tc.find(f"{W}tcPr")
    if props is None:
        return False
    for tag in ("vMerge", "hMerge"):
        merge = props.find(f"{W}{tag}")
        if merge is not None and merge.get(f"{W}val", "continue") == "continue":
            return True
    return False


def paragraphs(body: Any) -> Iterator[Any]:
    """The paragraphs of a body in the order ``word.text`` reads them: table cells row by row,
    a merged cell once, the containers it looks into."""
    for child in body:
        tag = child.tag
        if tag == f"{W}p":
            yield child
        elif tag == f"{W}tbl":
            for tr in child.iterchildren(f"{W}tr"):
                for tc in tr.iterchildren(f"{W}tc"):
                    if not _continues_merge(tc):
                        yield from paragraphs(tc)
        elif tag in (f"{W}sdt", f"{W}sdtContent", f"{W}customXml", f"{W}smartTag"):
            yield from paragraphs(child)


class Token:
    """One character of a paragraph's text (or a zero-width element) and where it comes from."""

    __slots__ = ("run", "child", "text")

    def __init__(self, run: Any, child: Any, text: str):
        self.run, self.child, self.text = run, child, text


def read_tokens(p: Any) -> list[Token]:
    found: list[Token] = []
    for child in p:
        if child.tag == f"{W}pPr":
            continue
        if child.tag in _ZERO_WIDTH:
            found.append(Token(None, child, ""))
            continue
        if child.tag != f"{W}r":
            if any(t.tag in TEXT for t in child.iter()):
                raise Unsupported(child.tag)
            found.append(Token(None, child, ""))
            continue
        for part in child:
            if part.tag in _RUN_SKIP:
                continue
            if part.tag in TEXT:
                text = part.text or "" if part.tag == f"{W}t" else TEXT[part.tag]
                found += [Token(child, part, char) for char in text or ""]
                if part.tag == f"{W}t" and not text:
                    found.append(Token(child, part, ""))
            elif any(t.tag in TEXT for t in part.iter()):
                raise Unsupported(part.tag)  # a text box, a drawing with text
            else:
                found.append(Token(child, part, ""))
    return found


def index(tokens: list[Token], at: int) -> int:
    """The index of the token holding character ``at``, the zero-width tokens before it
    included; past the last character, the index after it."""
    seen = 0
    after_last = 0
    for number, token in enumerate(tokens):
        if token.text:
            if seen == at:
                while number > 0 and not tokens[number - 1].text:
                    number -= 1
                return number
            seen += 1
            after_last = number + 1
    return after_last


def beside(tokens: list[Token], at: int) -> Any:
    """The run whose properties text inserted at character ``at`` takes: the run of the
    character there, else of the one before."""
    texts = [t for t in tokens if t.text and t.run is not None]
    if not texts:
        return None
    return texts[min(at, len(texts) - 1)].run


