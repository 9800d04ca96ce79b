"""Mistakes in the narrative's markup that would print literally or misnumber the outline: a
heading marker without its space, full-width ＃ or ＊＊, an unclosed **, 【专栏：…】 or a 专栏
marker inside a paragraph, heading numbers repeated or out of sequence."""

from __future__ import annotations

import re

from reportgen.report.narrative import BOX_LINE
from reportgen.report.stale import source_lines

_CN = "零一二三四五六七八九"
_H1_NUMBER = re.compile(r"^#\s+\**([一二三四五六七八九十]+)、")
_H2_NUMBER = re.compile(r"^##\s+\**（([一二三四五六七八九十]+)）")


def cn_number(text: str) -> int | None:
    """一 -> 1, 十二 -> 12, 二十 -> 20 (up to 99)."""
    if not text or any(c not in _CN + "十" for c in text):
        return None
    if "十" not in text:
        return _CN.index(text) if len(text) == 1 else None
    tens, _, ones = text.partition("十")
    return (_CN.index(tens) if tens else 1) * 10 + (_CN.index(ones) if ones else 0)


def _chinese(number: int) -> str:
    if number < 10:
        return _CN[number]
    tens, ones = divmod(number, 10)
    return (_CN[tens] if tens > 1 else "") + "十" + (_CN[ones] if ones else "")


def markup_problems(source: str) -> list[tuple[int, str]]:
    """(line, what is wrong) for each markup mistake of a narrative source."""
    found: list[tuple[int, str]] = []
    h1 = h2 = 0
    for number, line in source_lines(source):
        text = line.strip()
        if not text:
            continue
        if re.match(r"^#{1,2}[^#\s]", text):
            marks = text[:len(text) - len(text.lstrip("#"))]
            found.append((number, f"「{text[:10]}」: the heading marker {marks} needs a space "
                                  f"after it: 「{marks} {text[len(marks):][:8]}…」"))
        if text.startswith(("＃", "＊＊")) or "＊＊" in text:
            found.append((number, "full-width ＃ or ＊＊ is not markup and prints as it is; "
                                  "write # or ** (half-width)"))
        if text.count("**") % 2:
            found.append((number, "a ** is not closed: the lead sentence is **…**"))
        if re.search(r"【专栏[：:]", text):
            found.append((number, "【专栏：…】 is not a 专栏 marker; write [专栏：名称] with "
                                  "half-width brackets, on a line of its own"))
        elif "[专栏" in text and not BOX_LINE.match(text):
            found.append((number, "a [专栏：…] marker must be a line of its own, not inside a "
                                  "paragraph"))
        heading = _H1_NUMBER.match(text)
        if heading and (value := cn_number(heading.group(1))) is not None:
            if value != h1 + 1:
                found.append((number, f"heading 「{heading.group(1)}、」 "
                                      f"{'repeats' if value <= h1 else 'skips'} a number: "
                                      f"expected 「{_chinese(h1 + 1)}、」"))
            h1, h2 = value, 0
        sub = _H2_NUMBER.match(text)
        if sub and (value := cn_number(sub.group(1))) is not None:
            if value != h2 + 1:
                found.append((number, f"heading 「（{sub.group(1)}）」 "
                                      f"{'repeats' if value <= h2 else 'skips'} a number: "
                                      f"expected 「（{_chinese(h2 + 1)}）」"))
            h2 = value
    return found
