"""What counts as a difference: table-driven cases for each rule, and the way back to the
original text."""

from __future__ import annotations

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from helpers.edits import txt_side
from reportgen.diff.normalise import PARAGRAPH, Normalisation

DEFAULT = Normalisation()
FOLD = Normalisation(fold_width=True)
STRICT = Normalisation(strict=True)
STRICT_FOLD = Normalisation(strict=True, fold_width=True)


# (a pieces, b pieces, same under default, fold-width, strict, strict + fold-width)
CASES = [
    (["指  标  名  称"], ["指标名称"], True, True, False, False),
    (["关于…发展", "计划执行情况"], ["关于…发展\n计划执行情况"], True, True, False, False),
    (["\t类别", "\t", "\t序号"], ["类别", "序号"], True, True, False, False),
    (["各位代表："], ["各位代表:"], False, True, False, True),
    (["增长3%，固定"], ["增长3%,固定"], False, True, False, True),
    (["（一）"], ["(一)"], False, True, False, True),
    (["Ｒ＆Ｄ经费１２亿元"], ["R&D经费12亿元"], False, True, False, True),
    (["“两新一重”"], ['"两新一重"'], False, False, False, False),  # “” are not folded
    (["绿色、开放"], ["绿色,开放"], False, False, False, False),  # nor 、
    (["完成。"], ["完成."], False, False, False, False),  # nor 。
    (["一\u3000二"], ["一 二"], True, True, False, True),  # U+3000 is a space
    (["一\u200b二\ufeff"], ["一二"], True, True, False, False),  # invisible characters
    (["一\u00a0二"], ["一二"], True, True, False, False),
    (["同样"], ["同样"], True, True, True, True),
    (["甲", "乙"], ["甲乙"], True, True, False, False),  # a paragraph break counts when strict
]


@pytest.mark.parametrize("a, b, default, fold, strict, strict_fold", CASES)
def test_rules(a: list[str], b: list[str], default: bool, fold: bool, strict: bool,
               strict_fold: bool) -> None:
    for rules, expected in ((DEFAULT, default), (FOLD, fold), (STRICT, strict),
                            (STRICT_FOLD, strict_fold)):
        assert (txt_side(a, rules=rules).norm == txt_side(b, rules=rules).norm) is expected, rules


def test_fold_covers_exactly_the_full_width_block() -> None:
    folded = FOLD("".join(chr(c) for c in range(0xFF01, 0xFF5F)))
    assert folded == "".join(chr(c) for c in range(0x21, 0x7F))
    assert FOLD("｟｠｡､￥“”‘’、。《》【】…—") == "｟｠｡､￥“”‘’、。《》【】…—"


def test_describe() -> None:
    assert DEFAULT.describe() == ("whitespace ignored; full-width and half-width punctuation "
                                  "differ")
    assert "folded" in FOLD.describe() and "counts" in STRICT.describe()


def test_positions_go_back_to_the_original_text() -> None:
    s = txt_side(["  指  标", "", "名称 "])
    assert s.norm == "指标名称"
    assert s.raw == f"  指  标{PARAGRAPH}{PARAGRAPH}名称 "
    assert s.raw_span(1, 3) == f"标{PARAGRAPH}{PARAGRAPH}名"
    assert [s.piece_at(i) for i in range(5)] == [0, 0, 2, 2, 2]
    assert s.raw_span(0, 4) == s.raw


pieces = st.lists(st.text(alphabet="甲乙 ：:\t\n\u3000Ａa", max_size=8), min_size=1, max_size=6)


@given(pieces, st.sampled_from([DEFAULT, FOLD, STRICT, STRICT_FOLD]), st.data())
def test_spans_tile_the_original_text(texts: list[str], rules: Normalisation,
                                      data: st.DataObject) -> None:
    s = txt_side(texts, rules=rules)
    assume(s.norm)  # with nothing to compare there are no spans
    cuts = sorted(data.draw(st.lists(st.integers(0, len(s.norm)), max_size=4)))
    bounds = [0, *cuts, len(s.norm)]
    spans = [s.raw_span(i, j) for i, j in zip(bounds, bounds[1:], strict=False)]
    assert "".join(spans) == s.raw
    assert all(rules(span) == s.norm[i:j] or rules.strict
               for span, i, j in zip(spans, bounds, bounds[1:], strict=False))
