"""The compared texts as one marked-up document - b's paragraphs, with a's deleted text and b's
inserted text marked where they are - which the HTML page and the tracked-changes Word file draw.

Equal and inserted text is b's original text and deleted text a's, whitespace included, so
keeping the insertions and dropping the deletions gives b exactly, paragraph for paragraph;
dropping the insertions and keeping the deletions gives a under the comparison's rules. A
paragraph break inside a deletion or insertion is itself deleted or inserted; a paragraph (a
table cell) replaced whole keeps its break, so the replacement stays in its paragraph.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from reportgen.diff.changes import Comparison
from reportgen.diff.normalise import PARAGRAPH, Side
from reportgen.word.text import Piece

EQUAL, DELETE, INSERT = "equal", "delete", "insert"


@dataclass
class Run:
    kind: str  # EQUAL, DELETE or INSERT
    text: str  # original text: may hold "\n" (line break) and "\t"
    change: int | None = None  # the change's number, for marked runs


@dataclass
class Para:
    piece: Piece | None  # the piece of b this paragraph shows (None when b is empty)
    runs: list[Run] = field(default_factory=list)
    mark: str = EQUAL  # the paragraph break that ends it: equal, deleted or inserted
    mark_change: int | None = None

    @property
    def text(self) -> str:
        return "".join(run.text for run in self.runs)


def _segments(comparison: Comparison) -> list[Run]:
    """The changes as runs of original text, with b's equal text between them, each change's
    whitespace placed so that an edit inside a paragraph leaves its paragraph break alone,
    while a whole paragraph deleted or inserted takes its break with it."""
    a, b = comparison.a, comparison.b
    loose = not comparison.rules.strict  # strict: whitespace is compared, nothing to place
    runs: list[Run] = []
    ib = 0  # where b's equal text resumes after the last change
    for change in comparison.changes:
        if change.b_start > ib:
            runs.append(Run(EQUAL, b.raw_span(ib, change.b_start)))
        a_raw = a.raw_span(change.a_start, change.a_end)
        b_raw = b.raw_span(change.b_start, change.b_end)
        held = ""
        if loose and change.deleted and not _starts_paragraph(a, change.a_start):
            a_raw = a_raw.rstrip()
            if not change.inserted and runs and runs[-1].kind == EQUAL:
                previous = runs[-1].text
                runs[-1].text = previous.rstrip()
                held = previous[len(runs[-1].text):]
        if loose and change.inserted and not _starts_paragraph(b, change.b_start):
            body = b_raw.rstrip()
            b_raw, held = body, b_raw[len(body):]
        if loose and change.deleted and change.inserted:
            # a paragraph (a table cell) replaced by another keeps its break: b's
            a_body, b_body = a_raw.rstrip(), b_raw.rstrip()
            if PARAGRAPH in a_raw[len(a_body):] and PARAGRAPH in b_raw[len(b_body):]:
                a_raw, b_raw, held = a_body, b_body, b_raw[len(b_body):] + held
        if a_raw:
            runs.append(Run(DELETE, a_raw, change.number))
        if b_raw:
            runs.append(Run(INSERT, b_raw, change.number))
        if held:
            runs.append(Run(EQUAL, held))
        ib = change.b_end
    if len(b.norm) > ib:
        runs.append(Run(EQUAL, b.raw_span(ib, len(b.norm))))
    return runs


def _starts_paragraph(side: Side, i: int) -> bool:
    """Whether normalised character ``i`` of ``side`` opens a paragraph (or the text)."""
    if i <= 0 or i >= len(side.norm):
        return True
    start = side.cut(i - 1) + 1
    return PARAGRAPH in side.raw[start:side.cut(i)]


def redline(comparison: Comparison) -> list[Para]:
    """b's paragraphs with the changes marked, in order."""
    b_pieces = comparison.b.pieces
    b_index = 0
    paras = [Para(b_pieces[0] if b_pieces else None)]
    for run in _segments(comparison):
        parts = run.text.split(PARAGRAPH)
        for index, part in enumerate(parts):
            if part:
                paras[-1].runs.append(Run(run.kind, part, run.change))
            if index < len(parts) - 1:
                paras[-1].mark, paras[-1].mark_change = run.kind, run.change
                if run.kind != DELETE:
                    b_index += 1
                paras.append(Para(b_pieces[min(b_index, len(b_pieces) - 1)]
                                  if b_pieces else None))
    return paras


def accepted(paras: list[Para]) -> list[str]:
    """The paragraphs' text with every change accepted (b)."""
    return _resolve(paras, drop=DELETE)


def rejected(paras: list[Para]) -> list[str]:
    """The paragraphs' text with every change rejected (a, under the comparison's rules)."""
    return _resolve(paras, drop=INSERT)


def _resolve(paras: list[Para], drop: str) -> list[str]:
    out: list[str] = []
    carried = ""
    for para in paras:
        text = carried + "".join(r.text for r in para.runs if r.kind != drop)
        if para.mark == drop:
            carried = text
        else:
            out.append(text)
            carried = ""
    if carried:
        out.append(carried)
    return out
