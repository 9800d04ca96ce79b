"""Line shapes of centred title-block text: where a long title or 会议题注 breaks.

GB/T 9704 wants a multi-line title balanced (梯形 or 菱形) with words kept whole; a renderer
left to itself fills the first line and leaves a stub (``次会议上``). ``balance`` puts the
breaks itself, at the place nearest to equal lines where a word ends.
"""

from __future__ import annotations

import bisect
import itertools
import math

from markupsafe import Markup

from reportgen.characters import display_width, printed_width
from reportgen.i18n import _
from reportgen.templating.numfmt import FilterError

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
    if isinstance(chars, bool) or not isinstance(chars, int) or chars < 1:
        raise FilterError(_("balance needs a width of at least 1 character, not {chars}")
                            .format(chars=chars))
    value = str(text)
    # widths[i]: the printed width of value[:i], in half characters (exact, and at hand in
    # one step, so that a long text is broken in time proportional to its length)
    widths = list(itertools.accumulate((display_width(c, ambiguous=2) for c in value),
                                       initial=0))
    if "\n" in value or widths[-1] / 2 <= chars:
        return text if isinstance(text, Markup) else value
    count = math.ceil(widths[-1] / 2 / chars)
    lines: list[str] = []
    start = 0
    for remaining in range(count, 1, -1):
        size = (widths[-1] - widths[start]) / 2
        cut = _cut(value, widths, start, size / remaining, chars, size - (remaining - 1) * chars)
        if cut is None:
            break
        lines.append(value[start:cut])
        start = cut
    out = "\n".join([*lines, value[start:]])
    return Markup(out) if isinstance(text, Markup) else out


def _cut(text: str, widths: list[int], start: int, target: float, limit: int,
         least: float) -> int | None:
    """Index to cut ``text`` at, after ``start``: near ``target`` width, at least ``least``
    (so the rest fits the lines left) and at most ``limit`` wide, never splitting a number or
    breaking a line-breaking rule, preferring a word end; None where no such place exists."""
    best: tuple[float, int] | None = None
    first = max(start + 1, bisect.bisect_left(widths, widths[start] + 2 * least))
    for index in range(first, len(text)):
        width = (widths[index] - widths[start]) / 2
        before, after = text[index - 1], text[index]
        if width > limit:
            break
        if before.isascii() and after.isascii() and (before.isalnum() or before in ".%"):
            continue  # inside 2021, 3.5, PM2.5
        if before == after == "—" or after in _NO_LINE_START or before in _NO_LINE_END:
            continue
        distance = abs(width - target)
        preferred = before in _BREAK_AFTER or after in _BREAK_BEFORE
        score = distance if preferred and distance <= _REACH else distance + _REACH + 1
        if best is None or score < best[0]:
            best = (score, index)
    return best[1] if best else None
