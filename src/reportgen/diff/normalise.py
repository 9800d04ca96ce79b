"""What counts as a difference, and each side of a comparison as the text that is compared.

The rules (``Normalisation``):

- **Default: whitespace is not a difference.** Every whitespace character is removed before
  comparing - spaces, tabs, line breaks, paragraph and table-cell boundaries, the ideographic
  space U+3000, no-break spaces (everything ``str.isspace`` accepts) - and the invisible
  zero-width space U+200B and byte-order mark U+FEFF. So line wrapping, "指  标  名  称" and
  blank table cells never show up.
- **Full-width and half-width punctuation differ by default** ("：" vs ":" matters in a 公文).
  ``fold_width`` folds the full-width forms U+FF01-FF5E (！＂＃…：；…Ａ…ｚ…～, digits and letters
  included) to their ASCII twins U+0021-007E, and U+3000 to a plain space. Nothing else is
  folded: “” ‘’ 、 。 《》 and the other CJK punctuation have no ASCII twin and stay as they are.
- ``strict``: whitespace counts too, and every paragraph or table cell ends with a paragraph
  break (U+2029), so a paragraph split in two or an extra blank cell is a difference.
- ``fold_years`` (two years' reports, unless ``strict``): each side's 上年 and 本年 - the years
  its report looks back on and plans, ``Side.years`` - and the year before 上年 (the one that
  last year's report, which it names, looked back on) compare equal to the other side's, so
  2020年…执行情况 in 2021's report and 2021年…执行情况 in 2022's are the same text. Other years
  (2025年, 十四五) are compared as they are.

Positions stay in the original: a ``Side`` keeps the pieces as read, the normalised stream that
is compared (``norm``), the same stream with its years as written (``text``, what changes
quote), and the way from a position in that stream back to the original text.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from itertools import accumulate

from reportgen.i18n import _
from reportgen.word.text import Piece

#: Separates the pieces (paragraphs, table cells) of a side's original text. It is
#: whitespace, so only ``strict`` comparisons see it.
PARAGRAPH = "\u2029"

_INVISIBLE = re.compile(r"[\s\u200b\ufeff]+")
_INVISIBLE_IN_PARAGRAPH = re.compile(r"[^\S\u2029]+|[\u200b\ufeff]+")
_VISIBLE = re.compile(r"[^\s\u200b\ufeff]")
_FOLD = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}
_YEAR = re.compile(r"(?<![0-9])[0-9]{4}(?![0-9])")
#: What a side's year before 上年, 上年 and 本年 become in the compared stream when years are
#: folded: private characters, four of them so that positions stay those of the text.
FOLDED_YEARS = ("\ue100" * 4, "\ue101" * 4, "\ue102" * 4)


@dataclass(frozen=True)
class Normalisation:
    """The comparison rules; the default ignores whitespace and keeps character widths."""

    strict: bool = False
    fold_width: bool = False
    fold_years: bool = False

    def __call__(self, text: str) -> str:
        if self.fold_width:
            text = text.translate(_FOLD)
        return text if self.strict else _INVISIBLE.sub("", text)

    def describe(self) -> str:
        space = _("whitespace counts") if self.strict else _("whitespace ignored")
        width = (_("full-width punctuation folded to half-width") if self.fold_width
                 else _("full-width and half-width punctuation differ"))
        years = _("; the years moving on compare equal") if self.folds_years else ""
        return _("{space}; {width}{years}").format(space=space, width=width, years=years)

    @property
    def folds_years(self) -> bool:
        return self.fold_years and not self.strict


@dataclass
class Side:
    """One side of a comparison: its pieces, their normalised stream, and the way back.

    ``norm`` is what is compared. Each position ``i`` of it comes from the original text
    ``raw`` (the pieces joined by ``PARAGRAPH``) at ``cut(i)``; the whitespace that follows a
    character belongs to it, so the spans ``raw[cut(i):cut(j)]`` of consecutive ranges tile the
    whole original text.
    """

    label: str  # short name used in reports: "official", "generated", "2021", "a"
    source: str  # the file, as the user names it
    pieces: list[Piece]
    rules: Normalisation
    plain_text: bool  # True for .txt (paragraph numbers are line numbers)
    #: the side's 上年 and 本年 (the report's years), folded when the rules say so
    years: tuple[int, int] | None = None
    norm: str = field(init=False)
    text: str = field(init=False)  # ``norm`` with the years as written
    raw: str = field(init=False)
    starts: list[int] = field(init=False)  # norm offset where each piece starts
    raw_starts: list[int] = field(init=False)  # raw offset where each piece starts
    _visible: dict[int, list[int]] = field(init=False, default_factory=dict)

    def __post_init__(self) -> None:
        originals = [p.text for p in self.pieces]
        self.raw = PARAGRAPH.join(originals)
        if self.rules.strict:
            last = len(originals) - 1
            texts = [self.rules(text) + (PARAGRAPH if i < last else "")
                     for i, text in enumerate(originals)]
        elif self.raw.count(PARAGRAPH) == len(originals) - 1:
            # the common case, done on the whole text at once: fold, drop whitespace but the
            # paragraph breaks, then split at them
            folded = self.raw.translate(_FOLD) if self.rules.fold_width else self.raw
            texts = _INVISIBLE_IN_PARAGRAPH.sub("", folded).split(PARAGRAPH)
        else:  # a piece holding U+2029 itself
            texts = [self.rules(text) for text in originals]
        self.norm = self.text = "".join(texts)
        if self.rules.folds_years and self.years:
            self.norm = fold_years(self.text, self.years)
        self.starts = [0, *accumulate(map(len, texts))][:-1]
        self.raw_starts = [0, *accumulate(len(text) + 1 for text in originals)][:-1]

    def piece_at(self, i: int) -> int:
        """Index of the piece holding normalised character ``i`` (the last piece with text
        for the end of the stream)."""
        if i >= len(self.norm):
            i = len(self.norm) - 1
        return max(bisect_right(self.starts, max(i, 0)) - 1, 0)

    def cut(self, i: int) -> int:
        """Where normalised character ``i`` is in ``raw``; ``len(raw)`` for the end."""
        if i <= 0:
            return 0
        if i >= len(self.norm):
            return len(self.raw)
        index = self.piece_at(i)
        offset = i - self.starts[index]
        if not self.rules.strict:
            positions = self._visible.get(index)
            if positions is None:
                text = self.pieces[index].text
                positions = self._visible[index] = visible_positions(text)
            offset = positions[offset]
        return self.raw_starts[index] + offset

    def raw_span(self, i: int, j: int) -> str:
        """The original text of normalised range [i, j), with the whitespace that follows."""
        return self.raw[self.cut(i):self.cut(j)]


def visible_positions(text: str) -> list[int]:
    """Where the characters the default rules compare are in ``text``."""
    return [m.start() for m in _VISIBLE.finditer(text)]


def fold_years(text: str, years: tuple[int, int]) -> str:
    """``text`` with the years of ``years`` (上年, 本年) and the year before as
    ``FOLDED_YEARS``."""
    review, plan = years
    folded = {str(year): token
              for year, token in zip((review - 1, review, plan), FOLDED_YEARS, strict=True)}
    return _YEAR.sub(lambda m: folded.get(m[0], m[0]), text)


def squeeze(text: str) -> str:
    """Text with all whitespace removed, as the default rules compare it."""
    return _INVISIBLE.sub("", text)
