"""Characters: what a Word file cannot hold (and where it is), and how wide text prints."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

from reportgen.characters import (
    GAP_CLOSE,
    GAP_OPEN,
    STALE,
    display_width,
    forbidden_character,
    printed_width,
    xml_safe,
)

END = ", which a Word document cannot hold"


@pytest.mark.parametrize(("text", "expected"), [
    ("甲\t乙", "contains a tab at position 2" + END),
    ("\x00", "contains the control character U+0000 at position 1" + END),
    ("ab\x7f", "contains the control character U+007F at position 3" + END),  # DEL
    ("名称\x0b", "contains the control character U+000B at position 3" + END),
    ("a\x1fb\x01", "contains the control character U+001F at position 2" + END),  # the first
    ("x\ufffe", "contains the control character U+FFFE at position 2" + END),
    ("\ud800", "contains the control character U+D800 at position 1" + END),  # a lone surrogate
    (f"{GAP_OPEN}【待填：甲】", "contains the control character U+E000 at position 1" + END),
    (f"甲{GAP_CLOSE}", "contains the control character U+E001 at position 2" + END),
    (f"甲{STALE}", "contains the control character U+E002 at position 2" + END),
])
def test_a_forbidden_character_is_named_with_its_position(text: str, expected: str) -> None:
    assert forbidden_character(text) == expected


@pytest.mark.parametrize("text", [
    "", "重庆市綦江区", "第一行\n第二行\r\n", "\u3000全角空格", "& < > \" '", "😀𠀀", "\ufffd",
    "\ue003",
])
def test_what_a_document_can_hold_passes(text: str) -> None:
    assert forbidden_character(text) is None


SAFE = st.text(st.characters(codec="utf-8", exclude_categories=("Cc", "Cs", "Co", "Cn")),
               max_size=12)
FORBIDDEN = st.sampled_from(["\x00", "\x08", "\t", "\x0b", "\x0c", "\x0e", "\x1f", "\x7f",
                             "\ufffe", "\uffff", GAP_OPEN, GAP_CLOSE])


@given(SAFE, FORBIDDEN, st.text(max_size=6))
def test_the_position_counts_characters_from_one(prefix: str, bad: str, rest: str) -> None:
    message = forbidden_character(prefix + bad + rest)
    assert message is not None
    assert f" at position {len(prefix) + 1}," in message
    assert forbidden_character(prefix) is None


@pytest.mark.parametrize(("text", "expected"), [
    ("a\x00b", "a\ufffdb"),
    ("\x01\x1f", "\ufffd\ufffd"),
    ("甲\t乙\n丙\r", "甲\t乙\n丙\r"),  # XML holds tabs and line breaks
    ("\x7f", "\x7f"),  # and DEL
    ("\ufffe\uffff", "\ufffd\ufffd"),
    ("\ud800x", "\ufffdx"),
    ("重庆", "重庆"),
])
def test_xml_safe_replaces_what_xml_cannot_hold(text: str, expected: str) -> None:
    assert xml_safe(text) == expected


@given(st.text(max_size=30))
def test_xml_safe_text_always_goes_into_xml(text: str) -> None:
    safe = xml_safe(text)
    assert len(safe) == len(text)
    element = etree.Element("t")
    element.text = safe  # lxml refuses what XML 1.0 cannot hold
    assert (etree.fromstring(etree.tostring(element)).text or "") == safe
    assert xml_safe(safe) == safe


@pytest.mark.parametrize(("text", "ambiguous", "width"), [
    ("", 1, 0),
    ("abc", 1, 3),
    ("中文", 1, 4),
    ("ＡＢ", 1, 4),  # full-width forms
    ("ｱ", 1, 1),  # half-width katakana
    ("\u3000", 1, 2),
    ("😀", 1, 2),
    ("“”", 1, 2),  # ambiguous: narrow in a terminal
    ("“”", 2, 4),  # wide in print
    ("—…≤Ⅱ", 1, 4),
    ("—…≤Ⅱ", 2, 8),
    ("中a“", 1, 4),
    ("中a“", 2, 5),
])
def test_display_width(text: str, ambiguous: int, width: int) -> None:
    assert display_width(text, ambiguous=ambiguous) == width


def test_a_terminal_counts_ambiguous_characters_narrow_by_default() -> None:
    assert display_width("“进出口”") == 8


@pytest.mark.parametrize(("text", "width"), [
    ("中文", 2.0), ("2021年", 3.0), ("a", 0.5), ("“甲”", 3.0), ("（一）", 3.0), ("", 0.0),
])
def test_printed_width_counts_chinese_characters(text: str, width: float) -> None:
    assert printed_width(text) == width


@given(st.text(max_size=20), st.text(max_size=20))
def test_widths_add_up_and_ambiguous_ones_only_widen(a: str, b: str) -> None:
    assert printed_width(a + b) == printed_width(a) + printed_width(b)
    assert len(a) <= display_width(a) <= display_width(a, ambiguous=2) <= 2 * len(a)
