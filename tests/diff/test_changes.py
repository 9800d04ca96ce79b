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
from reportgen.word.text import Piece

#: What the edits of ``EDITS`` that change a digit are found as: whole figures, never a digit
#: (helpers.edits gives the characters the edits replace).
WHOLE = {"replace": [("replace", "163.41", "163.42")],
         "table cell": [("replace", "500.30", "500.31")]}


def expected_changes(name: str) -> list[tuple[str, str, str]]:
    return WHOLE.get(name, EDITS[name][1])


def run(edited: list[str], b: Side | None = None, rules: Normalisation = DEFAULT) -> Comparison:
    """official.txt -> edited text; or, given ``b``, edited text -> b."""
    if b is None:
        return compare(txt_side(OFFICIAL_LINES, "official", rules),
                       txt_side(edited, "edited", rules))
    return compare(txt_side(edited, "edited", rules), b)


@pytest.mark.parametrize("name", sorted(EDITS))
def test_each_edit_is_found_exactly(name: str) -> None:
    edit, _, subsection = EDITS[name]
    expected = expected_changes(name)
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
    assert found == {(inserted, deleted) for name in EDITS
                     for _, deleted, inserted in expected_changes(name)}
    assert sum(c.moved is not None for c in comparison.changes) == 2
    cell = next(c for c in comparison.changes if c.deleted == "500.31" and c.inserted == "500.30")
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


def test_every_change_of_a_section_is_named_on_both_sides() -> None:
    """A deletion sits in a's section, an insertion in b's: both carry the one label that
    names the section as each side writes it."""
    rules = Normalisation(fold_years=True)
    a = ["一、2020年国民经济和社会发展计划执行情况", "（一）稳增长", "甲乙丙。原有的话。",
         "末尾删去的句子。", "二、2021年国民经济和社会发展计划总体考虑", "丁戊己。"]
    b = ["一、2021年国民经济和社会发展计划执行情况", "（一）稳增长", "甲乙丙。新增的话。",
         "二、2022年国民经济和社会发展计划总体考虑", "丁戊己。加上的。"]
    comparison = compare(Side("2021", "a", [Piece(t, i) for i, t in enumerate(a, 1)], rules,
                              True, (2020, 2021)),
                         Side("2022", "b", [Piece(t, i) for i, t in enumerate(b, 1)], rules,
                              True, (2021, 2022)))
    first = "一、2020→2021年国民经济和社会发展计划执行情况 › （一）稳增长"
    second = "二、2021→2022年国民经济和社会发展计划总体考虑"
    assert [(c.deleted, c.inserted, c.place.heading) for c in comparison.changes] == [
        ("原有", "新增", first), ("末尾删去的句子。", "", first), ("", "加上的。", second)]
    # the deletion's place in b is the next section's heading: still named by its own
    assert comparison.changes[1].b_place.section.startswith("二、2022年")
    assert comparison.summary().by_section == [(first, 2), (second, 1)]


def test_a_comparison_reversed_goes_from_b_to_a() -> None:
    comparison = run(all_edits())
    back = comparison.reversed()
    assert (back.a, back.b) == (comparison.b, comparison.a)
    assert [(c.deleted, c.inserted) for c in back.changes] == [
        (c.inserted, c.deleted) for c in comparison.changes]
    assert "".join(t for op, t in back.ops if op <= 0) == comparison.b.norm
    assert "".join(t for op, t in back.ops if op >= 0) == comparison.a.norm
    assert [str(f) for _, f in back.figures] == [
        "实现工业增加值 163.42 → 163.41 亿元", "地区生产总值增速（%） 500.31 → 500.30"]
