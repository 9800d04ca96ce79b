"""The character diff: exact, right on repeated passages, readable on rewrites."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from helpers.text import OFFICIAL_2021, report_text
from reportgen.diff import align
from reportgen.diff.align import DELETE, EQUAL, INSERT

OFFICIAL = report_text(OFFICIAL_2021)


def sides(ops: list[align.Op]) -> tuple[str, str]:
    return ("".join(t for op, t in ops if op != INSERT), "".join(t for op, t in ops if op != DELETE))


def changes(ops: list[align.Op]) -> list[tuple[int, str]]:
    return [(op, t) for op, t in ops if op != EQUAL]


@settings(max_examples=300)
@given(st.text(alphabet="的一是。，：）发展计划\u2029", max_size=60),
       st.text(alphabet="的一是。，：）发展计划\u2029", max_size=60))
def test_the_diff_gives_back_both_texts(a: str, b: str) -> None:
    ops = align.diff(a, b)
    assert sides(ops) == (a, b)
    assert all(text for _, text in ops)
    assert all(x[0] != y[0] for x, y in zip(ops, ops[1:], strict=False) if EQUAL in (x[0], y[0]))


def test_one_character_changed_in_the_report() -> None:
    position = OFFICIAL.index("163.41") + 5
    b = OFFICIAL[:position] + "2" + OFFICIAL[position + 1:]
    ops = align.diff(OFFICIAL, b)
    assert changes(ops) == [(DELETE, "1"), (INSERT, "2")]
    assert ops[0] == (EQUAL, OFFICIAL[:position])


def test_an_edit_in_repeated_text_is_found_in_its_copy() -> None:
    a = OFFICIAL * 3
    position = len(OFFICIAL) * 2 + OFFICIAL.index("163.41")
    b = a[:position] + "新增" + a[position:]
    ops = align.diff(a, b)
    assert changes(ops) == [(INSERT, "新增")]
    assert ops[0] == (EQUAL, a[:position])


def test_a_clause_rewritten_reads_as_one_replacement() -> None:
    a = "全面落实减税降费政策，新增企业减负9.93亿元。"
    b = "认真执行各项惠企措施，新增企业减负9.93亿元。"
    assert changes(align.diff(a, b)) == [(DELETE, "全面落实减税降费政策"),
                                         (INSERT, "认真执行各项惠企措施")]


def test_long_rewrites_are_paired_sentence_by_sentence() -> None:
    sentences = align.sentences(OFFICIAL)
    a_part, b_part = sentences[5:40], sentences[290:325]
    assert not set(a_part) & set(b_part) and len("".join(a_part)) > 1500
    # keep one sentence of a in b, slightly edited, among unrelated ones
    kept = a_part[20]
    b_part[20] = kept.replace("。", "，并取得新进展。")
    a, b = "".join(a_part), "".join(b_part)
    ops = align.diff(a, b)
    assert sides(ops) == (a, b)
    assert (INSERT, "，并取得新进展") in ops
    assert any(op == EQUAL and kept[:-1] in text for op, text in ops)


def test_sentences_are_cut_after_sentence_ends() -> None:
    assert align.sentences("一、总体要求。坚持（一）：发展；完成！是吗？尾") == [
        "一、总体要求。", "坚持（一）", "：", "发展；", "完成！", "是吗？", "尾"]


def test_similarity() -> None:
    assert align.similarity("发展计划", "发展计划") == 1.0
    assert align.similarity("发展计划", "执行情况") == 0.0
    assert 0 < align.similarity("发展计划草案", "发展计划执行") < 1


def test_anchors_pair_unique_and_equally_repeated_sentences() -> None:
    a = ["甲。", "乙。", "丙。", "乙。", "丁。"]
    b = ["甲。", "乙。", "戊。", "乙。", "丁。", "丙。"]
    # 乙 twice on both sides: first with first, second with second; 丙 moved: not both kept
    assert align.anchors(a, b) == [(0, 0), (1, 1), (3, 3), (4, 4)]
    assert align.anchors(["乙。", "乙。"], ["乙。"]) == []  # counts differ: no anchor


def test_a_moved_sentence_next_to_a_like_ending_keeps_its_full_stop() -> None:
    a = "甲。乙。丙。丁。"
    b = "甲。丙。丁。乙。"
    assert align.diff(a, b) == [(EQUAL, "甲。"), (DELETE, "乙。"), (EQUAL, "丙。丁。"),
                                (INSERT, "乙。")]
