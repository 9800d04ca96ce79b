"""Figures in compared text: what a figure is, and changes widened so that none is ever split
(the figures a comparison changed, with their labels, are ``changed``).

A figure is a number - its sign, digits, decimal point and a following %, ％ or ‰ - and the unit
written right after it (亿元, 万人次, 个百分点, 余万平方米 …). The number is an atom: a change
that touches any of it covers all of it, so 150 → 160 reads ``[-150-]{+160+}``, never
``1[-5-]{+6+}0``. The unit is an atom with its number: a change inside the unit covers the whole
figure (``[-150万元-]{+150亿元+}``), while a changed number leaves an unchanged unit outside.

Figures are found in each piece (paragraph, table cell, line) as written, so whitespace ends a
figure - the cells 500.30 and 3% are two figures though the compared text joins them - and
their positions are those of the side's normalised text (``Side.text``).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reportgen.diff.normalise import Side

_DIGITS = "0-9０-９"
_NUMBER = (rf"(?:(?<![{_DIGITS}A-Za-z.．])[+\-−＋－](?=[{_DIGITS}]))?"
           rf"(?<![{_DIGITS}.．])[{_DIGITS}]+(?:[.．][{_DIGITS}]+)?[%％‰]?")
#: Units that follow a number, longest first so that 个百分点 wins over 个 and 万元 over 万.
UNITS = sorted((
    "个百分点", "百分点", "万亿元", "亿美元", "万美元", "亿元", "万元", "千元", "元", "美元",
    "万人次", "人次", "万人", "人", "万户", "户", "万平方米", "平方米", "平方公里", "公里", "千米",
    "米", "万吨", "吨", "万千瓦时", "千瓦时", "万千瓦", "千瓦", "万亩", "亩", "公顷", "万辆", "辆",
    "万个", "个", "家", "项", "所", "座", "条", "件", "台", "套", "张", "间", "处", "批", "支",
    "名", "位", "次", "天", "小时", "倍", "年", "月", "日", "万", "亿",
), key=len, reverse=True)
_ANY_DIGIT = re.compile(f"[{_DIGITS}]")
#: What the default rules keep of a piece: the stretches between whitespace (and U+200B, U+FEFF).
_STRETCH = re.compile(r"[^\s\u200b\ufeff]+")
_FIGURE = re.compile(f"(?P<number>{_NUMBER})(?P<unit>[余多]?(?:{'|'.join(UNITS)}))?")


@dataclass(frozen=True)
class Figure:
    start: int
    number_end: int  # where the number ends and its unit starts
    end: int


def figures(text: str) -> list[Figure]:
    """The figures of ``text``, in order."""
    return [Figure(m.start(), m.end("number"), m.end()) for m in _FIGURE.finditer(text)]


def split_figure(text: str) -> tuple[str, str] | None:
    """A figure's number and unit ("150余万平方米" -> ("150", "余万平方米")); None for text
    that is not one figure."""
    found = _FIGURE.fullmatch(text)
    return (found["number"], found["unit"] or "") if found else None


def strip_figures(text: str) -> str:
    return _FIGURE.sub("", text)


def skeleton(text: str) -> str:
    """``text`` with each figure as "#": what two texts share when only figures differ."""
    return _FIGURE.sub("#", text)


class Found:
    """The figures of a text, and those touching a range of it. The text is cut into pieces
    (a side's paragraphs and cells) that no figure crosses; a piece's figures are found when a
    range first reaches it, so a comparison reads only the pieces its changes are in."""

    def __init__(self, starts: list[int], texts: Callable[[int], list[str]], length: int):
        self._starts = starts  # where each piece starts
        self._texts = texts  # a piece's stretches (between whitespace), in order
        self._length = length
        self._found: dict[int, list[Figure]] = {}

    @classmethod
    def of_text(cls, text: str) -> Found:
        return cls([0], lambda _: [text], len(text))

    @classmethod
    def of_side(cls, side: Side) -> Found:
        """The figures of each piece of ``side`` as written, placed in ``side.text``: found in
        each stretch of the piece between whitespace, which the compared text drops."""
        def texts(index: int) -> list[str]:
            text = side.pieces[index].text
            if not _ANY_DIGIT.search(text):
                return []
            return [text] if side.rules.strict else _STRETCH.findall(text)
        return cls(side.starts, texts, len(side.text))

    @property
    def items(self) -> list[Figure]:
        """Every figure, in order."""
        return [f for index in range(len(self._starts)) for f in self._piece(index)]

    def _piece(self, index: int) -> list[Figure]:
        found = self._found.get(index)
        if found is None:
            found, at = [], self._starts[index]
            for stretch in self._texts(index):
                found += [Figure(at + f.start, at + f.number_end, at + f.end)
                          for f in figures(stretch)]
                at += len(stretch)
            self._found[index] = found
        return found

    def touching(self, start: int, end: int) -> list[Figure]:
        """The figures that overlap [start, end) - or, for an empty range, hold it strictly
        inside - in order."""
        if not self._starts:
            return []
        first = max(bisect_right(self._starts, start) - 1, 0)
        last = max(bisect_right(self._starts, max(end - 1, start)) - 1, first)
        return [f for index in range(first, last + 1) for f in self._piece(index)
                if f.end > start and ((f.start < end) if start < end else (f.start < start))]

    def widened(self, cs: int, ce: int) -> tuple[int, int]:
        """The range [cs, ce) widened to whole numbers and, where it reaches into a unit, to
        whole figures."""
        for figure in self.touching(cs, ce):
            if cs == ce:  # an insertion point
                if cs == figure.number_end:
                    continue  # between a number and its unit
                into_unit = cs > figure.number_end
            else:
                into_unit = ce > figure.number_end and figure.number_end < figure.end
            cs, ce = min(cs, figure.start), max(ce, figure.end if into_unit else figure.number_end)
        return cs, ce


def atomic(ops: Sequence[tuple[int, str]], a: str, b: str, found_a: Found | None = None,
           found_b: Found | None = None) -> list[tuple[int, str]]:
    """``ops`` (a character diff of ``a`` and ``b``: -1, 0, 1 with their text) with every
    change widened to whole figures on both sides (the figures of ``a`` and ``b``, or those
    given: of texts of the same lengths); neighbouring changes that meet merge."""
    changes: list[list[int]] = []  # [a_start, a_end, b_start, b_end]
    ia = ib = 0
    for op, text in ops:
        if op == 0:
            ia += len(text)
            ib += len(text)
            continue
        if not changes or changes[-1][1] != ia or changes[-1][3] != ib:
            changes.append([ia, ia, ib, ib])
        if op < 0:
            ia += len(text)
            changes[-1][1] = ia
        else:
            ib += len(text)
            changes[-1][3] = ib
    found_a, found_b = found_a or Found.of_text(a), found_b or Found.of_text(b)
    out: list[list[int]] = []
    index = 0
    while index < len(changes):
        change = changes[index]
        index += 1
        while True:
            as_, ae = found_a.widened(change[0], change[1])
            bs, be = found_b.widened(change[2], change[3])
            back = max(change[0] - as_, change[2] - bs)
            ahead = max(ae - change[1], be - change[3])
            if not back and not ahead:
                break
            change = [change[0] - back, change[1] + ahead, change[2] - back, change[3] + ahead]
            while out and change[0] <= out[-1][1]:  # reached the change before: start with it
                previous = out.pop()
                change = [previous[0], change[1], previous[2], change[3]]
            while index < len(changes) and change[1] >= changes[index][0]:  # and the next
                # it ends where the next ends, on both sides; widening again reaches on
                following = changes[index]
                index += 1
                change = [change[0], following[1], change[2], following[3]]
        out.append(change)
    result: list[tuple[int, str]] = []
    ia = 0
    for as_, ae, bs, be in out:
        result += [(0, a[ia:as_]), (-1, a[as_:ae]), (1, b[bs:be])]
        ia = ae
    result.append((0, a[ia:]))
    return [(op, text) for op, text in result if text]
