"""The figures a comparison changed: within each change, a's figures paired with b's, each pair
with the label of what it counts, taken from the words before it (清理淤泥 150 → 160 余万平方米)
or, for a figure standing alone as in a table cell, from its row (地区生产总值增速（%）)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from diff_match_patch import diff_match_patch

from reportgen.diff.figures import Figure, Found, figures, split_figure, strip_figures

if TYPE_CHECKING:
    from reportgen.diff.normalise import Side

#: What ends the stretch of text a figure's label is taken from.
_CLAUSES = re.compile("[，。；：！？,;:!?（(《“\u2029]")
_LABEL_SKIP = re.compile(r"[、\s—]")
_NOT_A_NAME = re.compile(r"[以上下内左右≥≤＞＜<>~～—\-－（）()%％]")
#: Characters of a label before it is cut, from the left.
LABEL_LIMIT = 12
#: Pieces looked back through for the name of a figure standing alone (a table cell).
LOOK_BACK = 8


@dataclass(frozen=True)
class FigureChange:
    """A figure of a replaced by a figure of b (or one figure deleted or inserted alone),
    with the label of what it counts: 清理淤泥 150 → 160 余万平方米."""

    label: str
    old: str  # as in a, with its unit: "150余万平方米"; "" when inserted
    new: str

    @property
    def unit(self) -> str:
        """The unit both figures share ("" when they differ or have none)."""
        old, new = split_figure(self.old), split_figure(self.new)
        return old[1] if old and new and old[1] == new[1] else ""

    @property
    def numbers(self) -> tuple[str | None, str | None]:
        """The two figures' numbers, without their units (None for no figure)."""
        old, new = split_figure(self.old), split_figure(self.new)
        return (old[0] if old else None), (new[0] if new else None)

    @property
    def values(self) -> tuple[str, str]:
        """The two figures as shown: their numbers when the unit is shared, else whole."""
        unit = self.unit
        if not unit:
            return self.old or "—", self.new or "—"
        return self.old[:-len(unit)], self.new[:-len(unit)]

    def __str__(self) -> str:
        old, new = self.values
        text = f"{old} → {new}" + (f" {self.unit}" if self.unit else "")
        return f"{self.label} {text}" if self.label else text


def _tokens(text: str, found: list[Figure], start: int, end: int) -> list[str]:
    """``text[start:end]``: its figures one token each, other characters one each."""
    tokens: list[str] = []
    at = start
    for figure in found:
        tokens += list(text[at:figure.start])
        tokens.append(text[figure.start:figure.end])
        at = figure.end
    return tokens + list(text[at:end])


def _whole(found: Found, start: int, end: int) -> tuple[list[Figure], int, int]:
    """The figures [start, end) touches, and the range widened to them."""
    touched = found.touching(start, end)
    if touched:
        start, end = min(start, touched[0].start), max(end, touched[-1].end)
    return touched, start, end


def changed_figures(a: Side, b: Side, found_a: Found, found_b: Found, a_range: tuple[int, int],
                    b_range: tuple[int, int]) -> list[FigureChange]:
    """The figures one change replaces: within each stretch of changed text, a's figures and
    b's paired in order when there are as many on each side and the two of a pair have the
    same label (a rewritten sentence changes no figure); a figure deleted or inserted on its
    own, with nothing else, stands alone."""
    a_figures, a_start, a_end = _whole(found_a, *a_range)
    b_figures, b_start, b_end = _whole(found_b, *b_range)
    tokens_a = _tokens(a.text, a_figures, a_start, a_end)
    tokens_b = _tokens(b.text, b_figures, b_start, b_end)
    codes: dict[str, str] = {}
    for token in (*tokens_a, *tokens_b):
        codes.setdefault(token, chr(0x100 + len(codes)))
    engine = diff_match_patch()
    engine.Diff_Timeout = 0
    ops = engine.diff_main("".join(codes[t] for t in tokens_a),
                           "".join(codes[t] for t in tokens_b), False)
    found: list[FigureChange] = []
    deleted: list[tuple[str, int]] = []  # (token, position)
    inserted: list[tuple[str, int]] = []

    def flush() -> None:
        old = [(t, p) for t, p in deleted if len(t) > 1 or split_figure(t)]
        new = [(t, p) for t, p in inserted if len(t) > 1 or split_figure(t)]
        if old and len(old) == len(new):
            for (token, at_a), (token_b, at_b) in zip(old, new, strict=True):
                named = label(b, at_b)
                if label(a, at_a) == named:  # the same thing counted, not a rewrite
                    found.append(FigureChange(named, token, token_b))
        elif len(deleted) + len(inserted) == 1 and old + new:
            token, position = (old or new)[0]
            found.append(FigureChange(label(a if old else b, position),
                                      token if old else "", "" if old else token))
        deleted.clear()
        inserted.clear()

    at = {-1: a_start, 1: b_start}
    index = {-1: 0, 1: 0}
    tokens = {-1: tokens_a, 1: tokens_b}
    pending = {-1: deleted, 1: inserted}
    for op, encoded in ops:
        for _ in encoded:
            for side in (-1, 1):
                if op in (0, side):
                    token = tokens[side][index[side]]
                    if op:
                        pending[side].append((token, at[side]))
                    index[side] += 1
                    at[side] += len(token)
        if op == 0:
            flush()
    flush()
    return found


def label(side: Side, position: int) -> str:
    """What the figure at ``position`` of ``side`` counts: for a figure standing alone, as in a
    table cell, the name of its row; else the words before it in its clause, other figures left
    out (地区生产总值, 增长), with the clause before when those are a bare verb (外贸进出口总额实现
    增长), or the words after it when none come before (158个年度重大项目: 年度重大项目)."""
    piece = side.piece_at(position)
    if len(_own_text(side, piece)) <= LABEL_LIMIT:
        name = _row_name(side, piece)
        if name:
            return name
    before = side.text[side.starts[piece]:position]
    clauses = _CLAUSES.split(before)
    words = _words(clauses[-1])
    if not words:
        after = side.text[position:side.starts[piece] + len(_own_text(side, piece))]
        found = figures(after)
        rest = after[found[0].end:] if found and found[0].start == 0 else after
        words = _words(_CLAUSES.split(re.split(r"[0-9０-９]", rest, maxsplit=1)[0])[0])
    elif len(words) <= 2 and len(clauses) > 1:
        words = _words(clauses[-2]) + words
    return words if len(words) <= LABEL_LIMIT else "…" + words[-(LABEL_LIMIT - 1):]


def _words(text: str) -> str:
    return _LABEL_SKIP.sub("", strip_figures(text))


def _is_name(text: str) -> bool:
    """A cell that names its row: words, not a figure, a target or a qualifier."""
    return len(_NOT_A_NAME.sub("", strip_figures(text))) >= 3 and "目标" not in text


def _row_name(side: Side, index: int) -> str:
    """The name of the row a cell is in: in a .docx table, the longest cell of its row that is
    a name (the 指标名称 rather than the 类别); in a .txt, whose tables are one cell per line,
    the nearest line before it that is a name."""
    piece = side.pieces[index]
    if piece.table is not None:
        row = [i for i in range(max(index - LOOK_BACK, 0), min(index + LOOK_BACK, len(side.pieces)))
               if i != index and (side.pieces[i].table, side.pieces[i].row) == (piece.table,
                                                                                 piece.row)]
        names = [_own_text(side, i) for i in row if _is_name(_own_text(side, i))]
        text = max(names, key=len, default="")
    else:
        text = next((_own_text(side, i) for i in range(index - 1, max(index - 1 - LOOK_BACK, -1),
                                                        -1) if _is_name(_own_text(side, i))), "")
    return text if len(text) <= LABEL_LIMIT else text[:LABEL_LIMIT - 1] + "…"


def _own_text(side: Side, index: int) -> str:
    end = side.starts[index + 1] if index + 1 < len(side.starts) else len(side.text)
    return side.text[side.starts[index]:end]
