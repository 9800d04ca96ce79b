"""The marked-up document: keeping insertions gives b exactly, keeping deletions gives a."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from helpers.edits import OFFICIAL_LINES, all_edits, docx_side, txt_side
from reportgen.diff.changes import compare
from reportgen.diff.normalise import Normalisation, squeeze
from reportgen.diff.redline import DELETE, EQUAL, INSERT, accepted, redline, rejected


def marks(a: list[str], b: list[str]) -> list[list[tuple[str, str]]]:
    """Each paragraph as (kind, text) runs followed by ("mark", kind of its break)."""
    paras = redline(compare(txt_side(a, "a"), txt_side(b, "b")))
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
    b = docx_side(built_2021)
    paras = redline(compare(a, b))
    assert accepted(paras) == [p.text for p in b.pieces]
    assert squeeze("".join(rejected(paras))) == a.norm


def test_strict_comparisons_keep_paragraphs_exactly() -> None:
    rules = Normalisation(strict=True)
    a, b = txt_side(all_edits(), "a", rules), txt_side(OFFICIAL_LINES, "b", rules)
    paras = redline(compare(a, b))
    assert accepted(paras) == OFFICIAL_LINES
    assert rejected(paras) == all_edits()


texts = st.lists(st.text(alphabet="甲乙丙。， \t\n\u3000", max_size=8), min_size=1, max_size=6)


@settings(max_examples=300)
@given(texts, texts, st.booleans())
def test_accept_gives_b_and_reject_gives_a(a: list[str], b: list[str], strict: bool) -> None:
    rules = Normalisation(strict=strict)
    side_a, side_b = txt_side(a, "a", rules), txt_side(b, "b", rules)
    assume(side_b.norm)  # a b of whitespace only comes back empty: no op carries its text
    paras = redline(compare(side_a, side_b))
    assert accepted(paras) == b
    if strict:
        assert rejected(paras) == a
    else:
        assert squeeze("".join(rejected(paras))) == side_a.norm


def test_a_cell_replaced_whole_keeps_its_paragraph() -> None:
    assert marks(["\t7.5以上", "\t500.31", "\t3%"], ["\t7.5以上", "\t500.30", "\t3%"]) == [
        [(EQUAL, "\t7.5以上"), ("mark", EQUAL)],
        [(EQUAL, "\t"), (DELETE, "500.31"), (INSERT, "500.30"), ("mark", EQUAL)],
        [(EQUAL, "\t"), (EQUAL, "3%"), ("mark", EQUAL)]]
