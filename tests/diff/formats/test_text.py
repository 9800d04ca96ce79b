"""The terminal view: each change in context, word-diff marks or colours, the summary."""

from __future__ import annotations

from helpers.edits import EDITS, OFFICIAL_LINES, all_edits, txt_side
from helpers.snapshots import assert_snapshot
from reportgen.diff.changes import compare
from reportgen.diff.formats.text import shown
from reportgen.diff.output import Options, render


def comparison(lines: list[str]):  # type: ignore[no-untyped-def]
    return compare(txt_side(OFFICIAL_LINES, "official"), txt_side(lines, "edited"))


def test_a_change_in_context_plain() -> None:
    text = render("text", comparison(EDITS["replace"][0](OFFICIAL_LINES)), Options(context=10))
    assert text.startswith("--- official: official\n+++ edited: edited\n")
    assert ("@@ 1/1 replace · 一、2020年国民经济和社会发展计划执行情况 › （二）坚持发展第一要务，"
            "加快构建支撑高质量发展的现代产业体系 · official line 15, edited line 15 @@") in text
    assert "\n…成长，实现工业增加值[-163.41-]{+163.42+}亿元、增长3.2%。…\n" in text
    assert "1 change (1 replace): 6 characters deleted, 6 inserted; similarity 99.95%" in text
    assert text.endswith("\nfigures changed (1):\n     1  实现工业增加值 163.41 → 163.42 亿元")
    assert "\x1b[" not in text


def test_colours_like_git_word_diff() -> None:
    text = render("text", comparison(EDITS["replace"][0](OFFICIAL_LINES)), Options(color=True))
    assert "增加值\x1b[31m163.41\x1b[m\x1b[32m163.42\x1b[m亿元" in text
    assert "[-" not in text


def test_paragraph_breaks_and_moves_are_shown() -> None:
    text = render("text", comparison(all_edits()))
    assert "move-from (to 6)" in text and "move-to (from 2)" in text
    assert "¶" in text
    assert "专栏3" in text and "by 专栏:" in text and "by section:" in text
    brief = render("text", comparison(all_edits()), Options(brief=True))
    assert "@@" not in brief and "7 changes" in brief


def test_no_differences() -> None:
    text = render("text", comparison(OFFICIAL_LINES))
    assert text.endswith("no differences (official 12,971 characters, edited 12,971; "
                         "whitespace ignored; full-width and half-width punctuation differ)")


def test_shown_puts_text_on_one_line() -> None:
    assert shown("甲\u2029乙\n丙\t  丁 ") == "甲¶乙↵丙 丁"


def test_the_terminal_output_is_as_stored() -> None:
    """The whole report of every kind of edit, as a reviewer reads it in the terminal."""
    assert_snapshot("diff-terminal.txt", render("text", comparison(all_edits())) + "\n")
