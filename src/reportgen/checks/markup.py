"""Mistakes in the narrative's markup that would print literally or misnumber the outline: a
heading marker without its space, more than four #, full-width ＃ or ＊＊, an unclosed **,
【专栏：…】 or 【附件：…】, a 专栏 or 附件 marker inside a paragraph, heading numbers repeated or
out of sequence (counted afresh in each 附件)."""

from __future__ import annotations

import re

from reportgen.i18n import _
from reportgen.report.narrative import ATTACHMENT_LINE, BOX_END, BOX_LINE, text_box_lines
from reportgen.report.stale import source_lines
from reportgen.templating.numerals import ordinal

_CN = "零一二三四五六七八九"
#: Each level's marker and number (一、 （一） 1. （1）), and how ordinal() writes it.
_NUMBERS = (
    (re.compile(r"^#\s+\**([一二三四五六七八九十]+)、"), "一、"),
    (re.compile(r"^##\s+\**（([一二三四五六七八九十]+)）"), "（一）"),
    (re.compile(r"^###\s+\**(\d+)[.．]"), "1."),
    (re.compile(r"^####\s+\**（(\d+)）"), "（1）"),
)
#: A heading marker run into what looks like a heading: ##**（四）, #一、, ###1. - but not
#: text that starts with # (#1机组, a lone #).
_NO_SPACE = re.compile(r"^(#{1,4})(?=\*\*|[一二三四五六七八九十]+、|（|\d+[.．])")


def cn_number(text: str) -> int | None:
    """一 -> 1, 十二 -> 12, 二十 -> 20 (up to 99)."""
    if not text or any(c not in _CN + "十" for c in text):
        return None
    if "十" not in text:
        return _CN.index(text) if len(text) == 1 else None
    tens, _ten, ones = text.partition("十")
    return (_CN.index(tens) if tens else 1) * 10 + (_CN.index(ones) if ones else 0)


def _heading_number(text: str) -> tuple[int, int] | None:
    """(level 0-3, number) of a heading line that starts with its number."""
    for level, (pattern, _style) in enumerate(_NUMBERS):
        found = pattern.match(text)
        if found:
            value = cn_number(found[1]) if level < 2 else int(found[1])
            return None if value is None else (level, value)
    return None


def markup_problems(source: str) -> list[tuple[int, str]]:
    """(line, what is wrong) for each markup mistake of a narrative source."""
    found: list[tuple[int, str]] = []
    numbers = [0, 0, 0, 0]  # the last number of each level, 0 before its first
    text_boxes = text_box_lines(source)
    in_box = False  # inside a 专栏 of text, whose headings are its own
    for number, line in source_lines(source):
        text = line.strip()
        if not text:
            continue
        if BOX_END.match(text):
            if not in_box:
                found.append((number, _("[/专栏] closes no 专栏: a 专栏 of text opens with a line "
                                        "[专栏：标题] and ends with [/专栏]")))
            in_box = False
            continue
        if BOX_LINE.match(text):
            in_box = number in text_boxes
            continue
        marks = _NO_SPACE.match(text)
        if marks:
            found.append((number, _("「{text}」: the heading marker {marks} needs a "
                                    "space after it: 「{marks} {marks2}…」")
                                    .format(text=text[:10], marks=marks[1],
                                            marks2=text[len(marks[1]):][:8])))
        if re.match(r"^#{5,}\s", text):
            found.append((number, _("only # to #### mark headings (levels 一、 （一） 1. （1））; "
                                    "this line prints as it is")))
        if text.startswith(("＃", "＊＊")) or "＊＊" in text:
            found.append((number, _("full-width ＃ or ＊＊ is not markup and prints as it is; "
                                    "write # or ** (half-width)")))
        if text.count("**") % 2:
            found.append((number, _("a ** is not closed: the lead sentence is **…**")))
        for what, line_marker, example in (("专栏", BOX_LINE, "名称"),
                                           ("附件", ATTACHMENT_LINE, "标题")):
            if re.search(f"【{what}[：:]", text):
                found.append((number, _("【{what}：…】 is not a {what} marker; write "
                                        "[{what}：{example}] with half-width brackets, on a line "
                                        "of its own").format(what=what, example=example)))
            elif f"[{what}" in text and not line_marker.match(text):
                found.append((number, _("a [{what}：…] marker must be a line of its own, not "
                                        "inside a paragraph").format(what=what)))
        if ATTACHMENT_LINE.match(text):
            numbers = [0, 0, 0, 0]  # an 附件's headings count afresh
        heading = None if in_box else _heading_number(text)
        if heading:
            level, value = heading
            if value != numbers[level] + 1:
                style = _NUMBERS[level][1]
                expected = ordinal(numbers[level] + 1, style)
                wrong = (_("heading 「{heading}」 repeats a number: expected 「{expected}」")
                         if value <= numbers[level] else
                         _("heading 「{heading}」 skips a number: expected 「{expected}」"))
                found.append((number, wrong.format(heading=ordinal(value, style),
                                                   expected=expected)))
            numbers[level:] = [value] + [0] * (3 - level)
    return found
