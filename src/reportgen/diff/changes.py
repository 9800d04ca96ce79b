"""Compare two texts character by character: the changes, where each one is, and the summary.

Pure: sides in (``normalise.Side``), a ``Comparison`` out. Side a is the reference ("from"),
side b the other ("to"): a deletion is text of a missing from b, an insertion text of b that a
lacks. The character diff itself is ``align.diff``; this module widens its changes to whole
figures (``figures.atomic``), turns them into ``Change`` records with their places on both
sides (``outline.both``) and the figures they change, pairs moved passages, and sums up. A
change whose two sides read the same - a year that only moved on, compared under
``fold_years`` - is no change.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from reportgen.diff import align
from reportgen.diff.normalise import Normalisation, Side
from reportgen.diff.outline import Outline, Place
from reportgen.i18n import _

if TYPE_CHECKING:
    from reportgen.diff.changed import FigureChange

#: A deleted and an inserted passage with the same text, at least this long, are a move.
MOVE_MINIMUM = 10
#: Characters of context kept with each change (for the terminal, the baseline).
CONTEXT = 20


@dataclass
class Change:
    """One change: text of a (``deleted``) replaced by text of b (``inserted``), normalised.

    ``a_start:a_end`` and ``b_start:b_end`` are its ranges in the sides' normalised streams.
    ``where`` is its place named on both sides (``outline.both``); ``figures`` the figures it
    changes.
    """

    number: int
    a_start: int
    a_end: int
    b_start: int
    b_end: int
    deleted: str
    inserted: str
    before: str  # normalised context, from b
    after: str
    a_place: Place
    b_place: Place
    moved: int | None = None  # the number of the change this text moved from or to
    accepted: bool = False  # listed in the year's baseline of accepted differences
    where: Place | None = None
    figures: tuple[FigureChange, ...] = ()

    @property
    def kind(self) -> str:
        if self.moved is not None:
            return "move-from" if self.deleted else "move-to"
        if self.deleted and self.inserted:
            return "replace"
        return "delete" if self.deleted else "insert"

    @property
    def place(self) -> Place:
        """Where the change is, as one place: ``where`` when the comparison has placed it on
        both sides; else the section of the side that holds its text (a for a deletion, b
        otherwise), and the 专栏 and table row of whichever side knows them."""
        if self.where is not None:
            return self.where
        main, other = (self.a_place, self.b_place) if not self.inserted else (
            self.b_place, self.a_place)
        if main.row is None and other.row is not None:
            return Place(main.paragraph, main.line, main.section, main.subsection,
                         other.box or main.box, other.box_title or main.box_title,
                         other.table, other.row, other.cell)
        if not main.box and other.box:
            return Place(main.paragraph, main.line, main.section, main.subsection, other.box,
                         other.box_title, main.table, main.row, main.cell)
        return main


@dataclass
class Summary:
    a_chars: int
    b_chars: int
    equal: int
    deleted: int
    inserted: int
    changes: int
    accepted: int
    by_section: list[tuple[str, int]] = field(default_factory=list)
    by_box: list[tuple[str, int]] = field(default_factory=list)

    @property
    def similarity(self) -> float:
        """Share of characters in common, in percent: 2 × equal / (len a + len b)."""
        total = self.a_chars + self.b_chars
        return 100.0 if not total else 200.0 * self.equal / total

    @property
    def similarity_text(self) -> str:
        """Two decimals; never rounded up to 100% while something differs."""
        value = self.similarity
        if value < 100 and round(value, 2) >= 100:
            return "99.99%"
        return f"{value:.2f}%".replace(".00%", "%")


@dataclass
class Comparison:
    a: Side
    b: Side
    ops: list[align.Op]
    changes: list[Change]

    @property
    def rules(self) -> Normalisation:
        """The rules both sides were normalised by."""
        return self.a.rules

    @property
    def same(self) -> bool:
        return not self.changes

    @property
    def outstanding(self) -> list[Change]:
        """The changes not accepted by a baseline."""
        return [c for c in self.changes if not c.accepted]

    @property
    def figures(self) -> list[tuple[Change, FigureChange]]:
        """Every figure changed, with its change, in order."""
        return [(change, figure) for change in self.changes for figure in change.figures]

    def reversed(self) -> Comparison:
        """The same comparison the other way, from b to a: each deletion an insertion."""
        from reportgen.diff.changed import FigureChange

        a, b = self.a, self.b
        ops: list[align.Op] = []
        ib = 0
        for op, text in self.ops:
            if op == align.EQUAL:
                ops.append((op, b.norm[ib:ib + len(text)]))
            else:
                ops.append((-op, text))
            if op != align.DELETE:
                ib += len(text)
        changes = [Change(c.number, c.b_start, c.b_end, c.a_start, c.a_end, c.inserted,
                          c.deleted, a.text[max(c.a_start - CONTEXT, 0):c.a_start],
                          a.text[c.a_end:c.a_end + CONTEXT], c.b_place, c.a_place, c.moved,
                          c.accepted, c.where,
                          tuple(FigureChange(f.label, f.new, f.old) for f in c.figures))
                   for c in self.changes]
        return Comparison(b, a, align.merge(ops), changes)

    def summary(self) -> Summary:
        equal = sum(len(text) for op, text in self.ops if op == align.EQUAL)
        by_section: Counter[str] = Counter()
        by_box: Counter[str] = Counter()
        boxes: dict[str, str] = {}
        for change in self.outstanding:
            place = change.place
            by_section[place.heading or _("(before the first section)")] += 1
            if place.box:
                by_box[place.box] += 1
                boxes[place.box] = place.box_title
        return Summary(
            len(self.a.norm), len(self.b.norm), equal,
            sum(len(c.deleted) for c in self.changes),
            sum(len(c.inserted) for c in self.changes),
            len(self.changes), len(self.changes) - len(self.outstanding),
            list(by_section.items()),
            [(f"{box} {boxes[box]}".strip(), count) for box, count in by_box.items()],
        )


def compare(a: Side, b: Side) -> Comparison:
    """The changes from side a to side b."""
    ops = align.diff(a.norm, b.norm)
    if all(op == align.EQUAL for op, _ in ops):  # the same: no figures, no places to name
        return Comparison(a, b, ops, [])
    from reportgen.diff.changed import changed_figures
    from reportgen.diff.figures import Found, atomic
    from reportgen.diff.outline import Counterparts, both

    found_a, found_b = Found.of_side(a), Found.of_side(b)
    ops = _literal(atomic(ops, a.norm, b.norm, found_a, found_b), a, b)
    places_a = Outline(a.pieces, a.plain_text)
    places_b = Outline(b.pieces, b.plain_text)
    parts: list[Counterparts] = []

    def place(side: Side, places: Outline, i: int) -> Place:
        return places.place(side.piece_at(i)) if side.pieces else Place(0, side.plain_text)

    def where(a_place: Place, b_place: Place, deletion: bool) -> Place:
        if not parts:
            parts.extend((Counterparts(places_a), Counterparts(places_b)))
        return both(a_place, b_place, deletion, *parts)

    changes: list[Change] = []
    ia = ib = 0
    deleted = inserted = 0
    for op, text in [*ops, (align.EQUAL, "")]:
        if op == align.DELETE:
            deleted = len(text)
        elif op == align.INSERT:
            inserted = len(text)
        else:
            if deleted or inserted:
                a_end, b_end = ia + deleted, ib + inserted
                a_place, b_place = place(a, places_a, ia), place(b, places_b, ib)
                changes.append(Change(
                    len(changes) + 1, ia, a_end, ib, b_end, a.text[ia:a_end], b.text[ib:b_end],
                    b.text[max(ib - CONTEXT, 0):ib], b.text[b_end:b_end + CONTEXT],
                    a_place, b_place, where=where(a_place, b_place, not inserted),
                    figures=tuple(changed_figures(a, b, found_a, found_b, (ia, a_end),
                                                  (ib, b_end)))))
                ia, ib, deleted, inserted = a_end, b_end, 0, 0
            ia += len(text)
            ib += len(text)
    _pair_moves(changes, a, b)
    return Comparison(a, b, ops, changes)


def _literal(ops: list[align.Op], a: Side, b: Side) -> list[align.Op]:
    """``ops`` with each change whose two sides read the same as written made equal."""
    if a.norm is a.text and b.norm is b.text:
        return ops
    out: list[align.Op] = []
    ia = ib = 0
    pending: dict[int, str] = {}
    for op, text in [*ops, (align.EQUAL, "")]:
        if op != align.EQUAL:
            pending[op] = text
            continue
        if pending:
            old, new = pending.get(align.DELETE, ""), pending.get(align.INSERT, "")
            if a.text[ia:ia + len(old)] == b.text[ib:ib + len(new)]:
                out.append((align.EQUAL, old))
            else:
                out += [(kind, pending[kind]) for kind in (align.DELETE, align.INSERT)
                        if kind in pending]
            ia, ib = ia + len(old), ib + len(new)
            pending = {}
        out.append((op, text))
        ia += len(text)
        ib += len(text)
    return align.merge(out)


def _pair_moves(changes: list[Change], a: Side, b: Side) -> None:
    """A passage deleted in one place and inserted unchanged in another is a move (compared
    as normalised: with the years folded, a passage moved as the years moved on)."""
    waiting: dict[str, list[Change]] = {}
    for change in changes:
        if change.deleted and not change.inserted and len(change.deleted) >= MOVE_MINIMUM:
            waiting.setdefault(a.norm[change.a_start:change.a_end], []).append(change)
    for change in changes:
        moved = b.norm[change.b_start:change.b_end]
        if change.inserted and not change.deleted and waiting.get(moved):
            source = waiting[moved].pop(0)
            source.moved, change.moved = change.number, source.number
