"""Synthetic edits of every kind on the real 2021 text, each found exactly and placed."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers.edits import (
    DEFAULT,
    EDITS,
    MOVED,
    OFFICIAL_LINES,
    all_edits,
    docx_side,
    move_paragraph,
    replace_once,
    txt_side,
)
from reportgen.diff.changes import Comparison, compare
from reportgen.diff.normalise import Normalisation, Side


def run(edited: list[str], b: Side | None = None, rules: Normalisation = DEFAULT) -> Comparison:
    """official.txt -> edited text; or, given ``b``, edited text -> b."""
    if b is None:
        return compare(txt_side(OFFICIAL_LINES, "official", rules),
                       txt_side(edited, "edited", rules))
    return compare(txt_side(edited, "edited", rules), b)


@pytest.mark.parametrize("name", sorted(EDITS))
def test_each_edit_is_found_exactly(name: str) -> None:
    edit, expected, subsection = EDITS[name]
    comparison = run(edit(OFFICIAL_LINES))
    found = [(c.kind, c.deleted, c.inserted) for c in comparison.changes]
    assert found == expected
    assert comparison.changes[0].place.subsection.startswith(subsection)


def test_a_moved_paragraph_is_one_move() -> None:
    comparison = run(move_paragraph(OFFICIAL_LINES))
    kinds = [(c.kind, c.moved) for c in comparison.changes]
    assert kinds == [("move-from", 2), ("move-to", 1)]
    source, target = comparison.changes
    assert source.deleted == target.inserted and source.deleted.startswith(MOVED)
    assert source.place.subsection.startswith("（一）")
    assert target.place.subsection.startswith("（三）")


def test_all_edits_together_against_the_built_report(built_2021: Path) -> None:
    edited = all_edits()
    generated = docx_side(built_2021)
    comparison = run(edited, generated)
    # a is the edited text, b the report: each edit comes back reversed
    found = {(c.deleted, c.inserted) for c in comparison.changes if c.moved is None}
    assert found == {(inserted, deleted) for _, cases, _ in EDITS.values()
                     for _, deleted, inserted in cases}
    assert sum(c.moved is not None for c in comparison.changes) == 2
    cell = next(c for c in comparison.changes if c.deleted == "1" and c.inserted == "0")
    assert cell.place.box == "专栏3"
    assert (cell.place.table, cell.place.row, cell.place.cell) == (3, 4, 5)
    assert cell.b_place.position.startswith("¶") and cell.a_place.position.startswith("line ")


def test_the_real_pair_is_the_same(built_2021: Path) -> None:
    generated = docx_side(built_2021)
    comparison = compare(txt_side(OFFICIAL_LINES), generated)
    assert comparison.same
    summary = comparison.summary()
    assert summary.similarity == 100.0 and summary.similarity_text == "100%"
    assert summary.a_chars == summary.b_chars > 12_000


def test_width_is_a_difference_unless_folded() -> None:
    edited = replace_once("各位代表：", "各位代表:")(OFFICIAL_LINES)
    assert not run(edited).same
    assert run(edited, rules=Normalisation(fold_width=True)).same


def test_whitespace_counts_only_when_strict() -> None:
    edited = replace_once("指  标  名  称", "指标名称")(OFFICIAL_LINES)
    assert run(edited).same
    strict = run(edited, rules=Normalisation(strict=True))
    # the spaces go; the semantic clean-up shows it as one replacement
    assert [(c.deleted, c.inserted) for c in strict.changes] == [("  标  名  ", "标名")]


def test_summary_counts_and_similarity() -> None:
    edit, _, _ = EDITS["delete"]
    summary = run(edit(OFFICIAL_LINES)).summary()
    assert (summary.deleted, summary.inserted, summary.changes) == (13, 0, 1)
    assert summary.similarity_text == "99.95%"
    assert summary.by_section == [("一、2020年国民经济和社会发展计划执行情况 › "
                                   "（一）坚持人民至上、生命至上，全力以赴交出大战大考合格答卷", 1)]
    box = run(EDITS["table cell"][0](OFFICIAL_LINES)).summary()
    assert box.by_box == [("专栏3 2020年国民经济和社会发展主要指标完成情况", 1)]


def test_similarity_is_never_rounded_up_to_100() -> None:
    lines = [OFFICIAL_LINES[0] + "一"] + OFFICIAL_LINES[1:]
    assert run(lines).summary().similarity_text == "99.99%"


@pytest.mark.parametrize(("a", "b", "expected"), [
    (["甲乙丙。丁戊己"], ["甲乙丙。丁戊庚"], [("replace", "己", "庚")]),  # the very last character
    (["甲乙丙。丁戊己"], ["甲乙丙。丁戊己庚"], [("insert", "", "庚")]),  # added at the end
    (["甲乙丙。丁戊己"], ["甲乙丙。丁戊"], [("delete", "己", "")]),  # removed at the end
    (["甲乙丙。丁戊己"], ["乙乙丙。丁戊己"], [("replace", "甲", "乙")]),  # the very first one
    (["甲"], [""], [("delete", "甲", "")]),
    ([""], ["甲"], [("insert", "", "甲")]),
])
def test_a_change_at_either_end_of_the_text_is_found(a: list[str], b: list[str],
                                                     expected: list[tuple[str, str, str]]) -> None:
    found = compare(txt_side(a, "a"), txt_side(b, "b")).changes
    assert [(c.kind, c.deleted, c.inserted) for c in found] == expected
