"""The marked-up document: keeping insertions gives b exactly, keeping deletions gives a."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from edits import OFFICIAL_LINES, all_edits, txt_side
from reportgen.diff import compare
from reportgen.normalise import Normalisation, Side
from reportgen.redline import DELETE, EQUAL, INSERT, accepted, redline, rejected
from reportgen.textio import Piece, read_pieces


def side(texts: list[str], label: str) -> Side:
    return Side(label, label, [Piece(t, i) for i, t in enumerate(texts, start=1)],
                Normalisation(), True)


def marks(a: list[str], b: list[str]) -> list[list[tuple[str, str]]]:
    """Each paragraph as (kind, text) runs followed by ("mark", kind of its break)."""
    paras = redline(compare(side(a, "a"), side(b, "b")))
    return [[(r.kind, r.text) for r in p.runs] + [("mark", p.mark)] for p in paras]


@pytest.mark.parametrize(("a", "b", "expected"), [
    # a character replaced: the paragraph break stays where it was
    (["各位代表:", "受区"], ["各位代表：", "受区"],
     [[(EQUAL, "各位代表"), (DELETE, ":"), (INSERT, "："), ("mark", EQUAL)],
      [(EQUAL, "受区"), ("mark", EQUAL)]]),
    # deleted at the end of a paragraph: still in that paragraph
    (["甲删掉", "乙"], ["甲", "乙"],
     [[(EQUAL, "甲"), (DELETE, "删掉"), ("mark", EQUAL)], [(EQUAL, "乙"), ("mark", EQUAL)]]),
    # a whole paragraph deleted: its break goes with it
    (["甲", "乙", "丙"], ["甲", "丙"],
     [[(EQUAL, "甲"), ("mark", EQUAL)], [(DELETE, "乙"), ("mark", DELETE)],
      [(EQUAL, "丙"), ("mark", EQUAL)]]),
    # a whole paragraph inserted
    (["甲", "丙"], ["甲", "乙", "丙"],
     [[(EQUAL, "甲"), ("mark", EQUAL)], [(INSERT, "乙"), ("mark", INSERT)],
      [(EQUAL, "丙"), ("mark", EQUAL)]]),
    # inserted at the end of a paragraph
    (["甲", "乙"], ["甲新增", "乙"],
     [[(EQUAL, "甲"), (INSERT, "新增"), ("mark", EQUAL)], [(EQUAL, "乙"), ("mark", EQUAL)]]),
])
def test_paragraph_breaks_stay_with_their_paragraph(a: list[str], b: list[str],
                                                    expected: list[list[tuple[str, str]]]) -> None:
    assert marks(a, b) == expected


def test_accept_and_reject_all_on_the_real_text(built_2021: Path) -> None:
    a = txt_side(all_edits(), "edited")
    b = Side("generated", "report.docx", read_pieces(built_2021), Normalisation(), False)
    paras = redline(compare(a, b))
    assert accepted(paras) == [p.text for p in b.pieces]
    assert re.sub(r"\s", "", "".join(rejected(paras))) == a.norm


def test_strict_comparisons_keep_paragraphs_exactly() -> None:
    rules = Normalisation(strict=True)
    a, b = txt_side(all_edits(), "a", rules), txt_side(OFFICIAL_LINES, "b", rules)
    paras = redline(compare(a, b))
    assert accepted(paras) == OFFICIAL_LINES
    assert rejected(paras) == all_edits()
