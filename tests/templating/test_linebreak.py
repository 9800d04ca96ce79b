"""Line shapes of the title block: balanced breaks, words and numbers kept whole."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from markupsafe import Markup

from reportgen.characters import printed_width as width
from reportgen.templating.linebreak import balance


@pytest.mark.parametrize(("text", "chars", "lines"), [
    # the 2021 会议题注: 30.5 characters, broken after the district, not before 次会议上
    ("——2021年3月10日在重庆市綦江区第二届人民代表大会第六次会议上", 28,
     ["——2021年3月10日在重庆市綦江区", "第二届人民代表大会第六次会议上"]),
    ("——2025年1月5日在北京市朝阳区第十六届人民代表大会第五次会议上", 28,
     ["——2025年1月5日在北京市朝阳区", "第十六届人民代表大会第五次会议上"]),
    # a title of 37 二号 characters, 20 to a line: after 发展, not inside 社会发展
    ("关于重庆市綦江区2020年国民经济和社会发展计划执行情况及2021年计划草案的报告", 20,
     ["关于重庆市綦江区2020年国民经济和社会发展", "计划执行情况及2021年计划草案的报告"]),
])
def test_long_lines_break_where_a_word_ends(text: str, chars: int, lines: list[str]) -> None:
    assert balance(text, chars).split("\n") == lines


def test_text_that_fits_or_is_broken_by_hand_is_left_alone() -> None:
    assert balance("重庆市綦江区发展和改革委员会") == "重庆市綦江区发展和改革委员会"
    by_hand = "关于重庆市綦江区2020年国民经济和社会\n发展计划执行情况及2021年计划草案的报告"
    assert balance(by_hand, 20) == by_hand


def test_width_counts_half_width_characters_as_half() -> None:
    assert width("2021年") == 3
    assert width("——") == 2
    assert width("（%）") == 2.5


def test_escaped_markup_stays_markup() -> None:
    text = Markup("——2021年3月10日在重庆市綦江区第二届人民代表大会第六次会议上")
    assert isinstance(balance(text), Markup)
    assert isinstance(balance(Markup("短")), Markup)


@given(st.text(alphabet="关于区县第届人民代表大会0123456789.年月日在—、，。“", min_size=1,
               max_size=90),
       st.integers(min_value=8, max_value=30))
def test_breaks_keep_the_text_and_never_split_a_number(text: str, chars: int) -> None:
    lines = balance(text, chars).split("\n")
    assert "".join(lines) == text and all(lines)
    for before, after in zip(lines, lines[1:], strict=False):
        assert not (before[-1] in "0123456789." and after[0] in "0123456789.")
        assert after[0] not in "、，。" and before[-1] != "“"


@given(st.text(alphabet="关于区县第届人民代表大会年月日在", min_size=1, max_size=90),
       st.integers(min_value=8, max_value=30))
def test_chinese_text_takes_the_fewest_lines_within_the_limit(text: str, chars: int) -> None:
    lines = balance(text, chars).split("\n")
    assert len(lines) == -(-len(text) // chars)
    assert all(len(line) <= chars for line in lines)
