"""Where a piece of a report is: its section (一、, or 附件1 and its title, › 一、 within it),
subsection (（一）), 专栏 and table row.

In a .docx a 专栏 is the table whose first cell starts "专栏N："; rows and cells come from the
table. A .txt has no tables (the official text gives one cell per line), so there a 专栏 runs
from its "专栏N：" line over the table lines (tab-indented, or continuing a cell) or the list
lines that follow, and ends at the next heading or ordinary paragraph (for a table, the first
line with a "。"; for a list, a short lead sentence that is not a numbered item) - a best
effort, used only to say where a change is.

A change is placed on both sides at once (``both``): where the two sides' headings differ only
in their figures - 一、2020年… in 2021's report, 一、2021年… in 2022's - the label names both,
as 一、2020→2021年…; every change of that section carries that one label, whichever side holds
its text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reportgen.word.text import Piece

_H1 = re.compile(r"[一二三四五六七八九十]+、")
_H2 = re.compile(r"（[一二三四五六七八九十]+）")
_BOX = re.compile(r"专栏(\d+)[：:]?(.*)")
_ATTACHMENT = re.compile(r"附件\d*")  # the label line of an 附件
_NUMBERED = re.compile(r"(\d+|[（(]\d+[）)])[．.、]")
_LEAD = re.compile(r"[^。：:、（(]{2,20}。")
_SPACE = re.compile(r"\s+")
_OPENERS = frozenset("一二三四五六七八九十（")


@dataclass(frozen=True)
class Place:
    """Where a piece is. ``paragraph`` counts the paragraphs of a .docx (table cells included)
    or the lines of a .txt (``line`` is then True)."""

    paragraph: int
    line: bool = False
    section: str = ""  # "一、2020年国民经济和社会发展计划执行情况"
    subsection: str = ""  # "（二）坚持发展第一要务…"
    box: str = ""  # "专栏3"
    box_title: str = ""
    table: int | None = None
    row: int | None = None
    cell: int | None = None

    @property
    def heading(self) -> str:
        """Section and subsection: "一、… › （二）…"."""
        return " › ".join(part for part in (self.section, self.subsection) if part)

    @property
    def position(self) -> str:
        """"line 84" in a .txt, "¶84" in a .docx."""
        return f"line {self.paragraph}" if self.line else f"¶{self.paragraph}"

    @property
    def in_box(self) -> str:
        """"专栏3 row 5, cell 2", "专栏1", "table 2 row 3" or ""."""
        parts = []
        if self.box:
            parts.append(self.box)
        if self.row is not None:
            table = "" if self.box else f"table {self.table} "
            parts.append(f"{table}row {self.row}, cell {self.cell}")
        return " ".join(parts)


def shorten(text: str, limit: int) -> str:
    """``text`` cut to ``limit`` characters, the last one "…" when it is cut."""
    return text if len(text) <= limit else text[:limit - 1] + "…"


def _heading_title(text: str) -> str:
    """A run-in heading ("（一）总体要求。坚持…") stops at its first full stop."""
    head, stop, _ = text.partition("。")
    return shorten(head + stop if stop else text, 30)


class Outline:
    """The places of a side's pieces: worked out in one pass, made into ``Place`` on demand
    (a comparison needs only the places of its changes)."""

    def __init__(self, pieces: list[Piece], plain_text: bool):
        self.pieces = pieces
        self.plain_text = plain_text
        self._states: list[tuple[str, str, str, str]] = []

    def _work_out(self) -> None:
        pieces, plain_text = self.pieces, self.plain_text
        boxes: dict[int, tuple[str, str]] = {}
        if not plain_text:
            for piece in pieces:
                if (piece.table is not None and piece.table not in boxes
                        and piece.text.lstrip()[:1] == "专"):
                    found = _BOX.match(_SPACE.sub("", piece.text))
                    if found:
                        boxes[piece.table] = (f"专栏{found[1]}", shorten(found[2], 40))
        section = subsection = ""
        attachment, titled = "", True  # the 附件 the pieces are in, and whether its title is read
        box = ("", "")
        box_has_table = False
        state = ("", "", "", "")
        for piece in pieces:
            raw = piece.text
            first = raw.lstrip()[:1]
            if plain_text:
                found = _BOX.match(_SPACE.sub("", raw)) if first == "专" else None
                if found:
                    box, box_has_table = (f"专栏{found[1]}", shorten(found[2], 40)), False
                elif box[0] and first:
                    if raw.startswith("\t"):
                        box_has_table = True
                    else:
                        text = _SPACE.sub("", raw)
                        if _H1.match(text) or _H2.match(text) or _ATTACHMENT.fullmatch(text) or (
                                "。" in text if box_has_table else _ends_list_box(text)):
                            box = ("", "")
            if first and piece.table is None and not (plain_text and box[0]):
                text = _SPACE.sub("", raw)
                if first == "附" and _ATTACHMENT.fullmatch(text):
                    attachment = section = text
                    subsection, titled = "", False
                elif not titled:  # the 附件's title
                    attachment = section = f"{attachment} {shorten(text, 30)}"
                    titled = True
                elif first in _OPENERS and _H1.match(text):
                    section = " › ".join(part for part in (attachment, shorten(text, 30)) if part)
                    subsection = ""
                elif first in _OPENERS and _H2.match(text):
                    subsection = _heading_title(text)
            in_box = box if plain_text or piece.table is None else boxes.get(piece.table, box)
            if (state[0] is not section or state[1] is not subsection
                    or state[2] is not in_box[0] or state[3] is not in_box[1]):
                state = (section, subsection, *in_box)
            self._states.append(state)

    def place(self, index: int) -> Place:
        if not self._states:
            self._work_out()
        piece = self.pieces[index]
        return Place(piece.paragraph, self.plain_text, *self._states[index], piece.table,
                     piece.row, piece.cell)


    def states(self) -> list[tuple[str, str, str, str]]:
        """Each distinct (section, subsection, 专栏, its title) of the side, in order."""
        if not self._states:
            self._work_out()
        return list(dict.fromkeys(self._states))


def joined(a: str, b: str) -> str:
    """One label for a heading as side a and side b write it: the same text once; where the
    two differ only in figures, each differing figure as a→b (2020→2021年); "" where they
    differ otherwise."""
    from reportgen.diff.figures import figures, skeleton

    if a == b:
        return a
    if skeleton(a) != skeleton(b):
        return ""
    found_a, found_b = figures(a), figures(b)
    out, at_a = [], 0
    for fa, fb in zip(found_a, found_b, strict=True):
        out.append(a[at_a:fa.start])
        old, new = a[fa.start:fa.end], b[fb.start:fb.end]
        unit_a, unit_b = a[fa.number_end:fa.end], b[fb.number_end:fb.end]
        if old == new:
            out.append(old)
        elif unit_a == unit_b:
            out.append(f"{a[fa.start:fa.number_end]}→{b[fb.start:fb.number_end]}{unit_a}")
        else:
            out.append(f"{old}→{new}")
        at_a = fa.end
    return "".join(out) + a[at_a:]


class Counterparts:
    """A side's headings and 专栏 by their skeleton (figures left out), to find the heading of
    the other side that corresponds to one of this side's."""

    def __init__(self, outline: Outline):
        from reportgen.diff.figures import skeleton

        self.sections: dict[str, str] = {}
        self.subsections: dict[tuple[str, str], str] = {}
        self.boxes: dict[tuple[str, str], tuple[str, str]] = {}
        for section, subsection, box, title in outline.states():
            self.sections.setdefault(skeleton(section), section)
            self.subsections.setdefault((skeleton(section), skeleton(subsection)), subsection)
            if box:
                self.boxes.setdefault((skeleton(box), skeleton(title)), (box, title))


def both(a: Place, b: Place, main_is_a: bool, a_parts: Counterparts,
         b_parts: Counterparts) -> Place:
    """One place for a change at ``a`` on side a and ``b`` on side b. The main side (a for a
    deletion, b otherwise) holds the change's text; each heading is joined with its
    counterpart on the other side - the other place's own when it corresponds, else the one
    of the other side that does - so that a section is named alike by all its changes."""
    from reportgen.diff.figures import skeleton

    main, other = (a, b) if main_is_a else (b, a)
    other_parts = b_parts if main_is_a else a_parts

    def pair(mine: str, theirs: str | None) -> str:
        if theirs is None:
            return mine
        first, second = (mine, theirs) if main_is_a else (theirs, mine)
        return joined(first, second) or mine

    def counterpart(mine: str, theirs: str, table: dict[str, str]) -> str | None:
        return theirs if skeleton(mine) == skeleton(theirs) else table.get(skeleton(mine))

    section = counterpart(main.section, other.section, other_parts.sections)
    subsection = (other.subsection
                  if skeleton(main.subsection) == skeleton(other.subsection)
                  and skeleton(main.section) == skeleton(other.section)
                  else other_parts.subsections.get((skeleton(main.section),
                                                    skeleton(main.subsection))))
    if other.box and (not main.box or main.row is None and other.row is not None):
        box, title = other.box, other.box_title  # the side that knows the 专栏 (a .docx's)
    else:
        box, title = main.box, main.box_title
        key = (skeleton(box), skeleton(title))
        theirs = ((other.box, other.box_title)
                  if other.box and (skeleton(other.box), skeleton(other.box_title)) == key
                  else other_parts.boxes.get(key) if box else None)
        if theirs is not None:
            box, title = pair(box, theirs[0]), pair(title, theirs[1])
    row_side = main if main.row is not None or other.row is None else other
    return Place(main.paragraph, main.line, pair(main.section, section),
                 pair(main.subsection, subsection), box, title, row_side.table, row_side.row,
                 row_side.cell)


def outline(pieces: list[Piece], plain_text: bool) -> list[Place]:
    """The place of every piece, in order."""
    found = Outline(pieces, plain_text)
    return [found.place(index) for index in range(len(pieces))]


def heading_level(text: str) -> int:
    """1 for a 一、 heading, 2 for a （一） heading standing alone (not run into its paragraph),
    0 for anything else."""
    text = _SPACE.sub("", text)
    if _H1.match(text) and len(text) <= 40:
        return 1
    if _H2.match(text) and "。" not in text and len(text) <= 40:
        return 2
    return 0


def _ends_list_box(text: str) -> bool:
    """Whether a .txt line after a list 专栏 is ordinary text again: a paragraph opening with
    a short lead sentence (工业经济持续向好。/ 各位代表，…。) that is not a numbered item."""
    return not _NUMBERED.match(text) and bool(_LEAD.match(text))
