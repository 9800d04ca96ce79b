"""What counts as a difference: table-driven cases for each rule, and the way back to the
original text."""

from __future__ import annotations

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from helpers.edits import txt_side
from reportgen.diff.normalise import PARAGRAPH, Normalisation, Side
from reportgen.word.text import Piece

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


YEARS = Normalisation(fold_years=True)


@pytest.mark.parametrize(("a", "b", "same"), [
    # 2021's report looks back on 2020 and plans 2021; 2022's on 2021 and 2022
    ("一、2020年国民经济和社会发展计划执行情况", "一、2021年国民经济和社会发展计划执行情况", True),
    ("2021年计划草案", "2022年计划草案", True),
    ("2020年计划草案", "2022年计划草案", False),  # 上年 against 本年
    # last year's report, named: the year it looked back on moves on too
    ("关于2019年…执行情况与2020年计划草案的报告", "关于2020年…执行情况与2021年计划草案的报告", True),
    ("到2025年", "到2025年", True),  # other years are what they say
    ("到2025年", "到2026年", False),
    ("20201年", "20212年", False),  # not a year: part of a longer number
])
def test_the_years_moving_on_compare_equal(a: str, b: str, same: bool) -> None:
    side_a = Side("2021", "a", [Piece(a, 1)], YEARS, True, (2020, 2021))
    side_b = Side("2022", "b", [Piece(b, 1)], YEARS, True, (2021, 2022))
    assert (side_a.norm == side_b.norm) is same
    assert (side_a.text, side_b.text) == (a, b)  # what changes quote: the years as written
    assert len(side_a.norm) == len(side_a.text)


def test_strict_compares_the_years_as_written() -> None:
    rules = Normalisation(strict=True, fold_years=True)
    side = Side("2021", "a", [Piece("2020年", 1)], rules, True, (2020, 2021))
    assert side.norm == side.text == "2020年"
    assert not rules.folds_years and "years" not in rules.describe()
    assert YEARS.describe().endswith("; the years moving on compare equal")
