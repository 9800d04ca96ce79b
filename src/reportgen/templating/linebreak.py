"""Line shapes of centred title-block text: where a long title or 会议题注 breaks.

GB/T 9704 wants a multi-line title balanced (梯形 or 菱形) with words kept whole; a renderer
left to itself fills the first line and leaves a stub (``次会议上``). ``balance`` puts the
breaks itself, at the place nearest to equal lines where a word ends.
"""

from __future__ import annotations

import math

from markupsafe import Markup

from reportgen.characters import printed_width

#: A break is preferred after these (a place name, 在…, 发展, 情况, a clause) or before 第, 及.
_BREAK_AFTER = set("区县市州省盟旗镇乡在展况、，；：")
_BREAK_BEFORE = set("第及与")
#: Punctuation a line may not start with, or end with (line-breaking rules, 禁则).
_NO_LINE_START = set("、，。；：！？）》〉」』”’…—")
_NO_LINE_END = set("（《〈「『“‘")
#: How far (in characters) from the balanced position a preferred break may be.
_REACH = 3
#: The most characters of a title line: 20 二号 characters fill the 版心 to 2 pt, which a
#: digit face wider than Times New Roman (a fallback) overflows, leaving one character alone
#: on a line; one character of slack keeps every line whole.
TITLE_CHARS = 19


def full_lines(text: str, chars: int = TITLE_CHARS) -> list[tuple[int, float]]:
    """(line number, width) of each line of ``text`` wider than ``chars`` characters."""
    return [(number, printed_width(line)) for number, line in enumerate(text.split("\n"), 1)
            if printed_width(line) > chars]


def balance(text: object, chars: int = 28) -> str:
    """Break ``text`` into the fewest lines of at most ``chars`` characters, of near-equal
    length; text that fits, or that already holds a line break, is returned as it is.
    Escaped markup (a Word template with autoescape) stays markup."""
    value = str(text)
    if "\n" in value or printed_width(value) <= chars:
        return text if isinstance(text, Markup) else value
    count = math.ceil(printed_width(value) / chars)
    lines: list[str] = []
    rest = value
    for remaining in range(count, 1, -1):
        size = printed_width(rest)
        cut = _cut(rest, size / remaining, chars, size - (remaining - 1) * chars)
        if cut is None:
            break
        lines.append(rest[:cut])
        rest = rest[cut:]
    out = "\n".join([*lines, rest])
    return Markup(out) if isinstance(text, Markup) else out


def _cut(text: str, target: float, limit: int, least: float) -> int | None:
    """Index to cut ``text`` at: near ``target`` width, at least ``least`` (so the rest fits
    the lines left) and at most ``limit`` wide, never splitting a number or breaking a
    line-breaking rule, preferring a word end; None where no such place exists."""
    best: tuple[float, int] | None = None
    for index in range(1, len(text)):
        before, after = text[index - 1], text[index]
        if printed_width(text[:index]) > limit:
            break
        if printed_width(text[:index]) < least:
            continue
        if before.isascii() and after.isascii() and (before.isalnum() or before in ".%"):
            continue  # inside 2021, 3.5, PM2.5
        if before == after == "—" or after in _NO_LINE_START or before in _NO_LINE_END:
            continue
        distance = abs(printed_width(text[:index]) - target)
        preferred = before in _BREAK_AFTER or after in _BREAK_BEFORE
        score = distance if preferred and distance <= _REACH else distance + _REACH + 1
        if best is None or score < best[0]:
            best = (score, index)
    return best[1] if best else None
