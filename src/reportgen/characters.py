"""Characters as the report treats them: which ones a Word file cannot hold, and how wide
each one prints - one rule for the terminal, the spreadsheets and the page."""

from __future__ import annotations

import re
import unicodedata

from reportgen.i18n import _

#: Private-use marks around a 【待填：…】 placeholder in rendered text, so that the document
#: writer can find and highlight it after it has passed through template text.
GAP_OPEN = "\ue000"
GAP_CLOSE = "\ue001"
#: Put before a line of the narrative that is last year's word for word with typed figures, so
#: that its paragraph can be marked in the document for review.
STALE = "\ue002"

#: Characters XML 1.0 cannot hold at all.
XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
#: What a value or a line of the narrative may not contain: what XML cannot hold, tabs and
#: DEL, the placeholder marks and the noncharacters U+FDD0-FDEF (templating.literal's).
FORBIDDEN = re.compile(
    f"[\x00-\x08\x09\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff{GAP_OPEN}{GAP_CLOSE}{STALE}\ud800-\udfff"
    "\ufdd0-\ufdef]")


def forbidden_character(text: str) -> str | None:
    """A description of the first character in ``text`` that cannot go into the document."""
    match = FORBIDDEN.search(text)
    if not match:
        return None
    char = match.group(0)
    if char == "\t":
        name = _("a tab")
    elif "\ufdd0" <= char <= "\ufdef":
        name = _("the noncharacter U+{code:04X}").format(code=ord(char))
    else:
        name = _("the control character U+{code:04X}").format(code=ord(char))
    return _("contains {name} at position {position}, which a Word document cannot hold").format(
        name=name, position=match.start() + 1)


def visible(text: str) -> str:
    """``text`` with the characters that print as nothing (U+200B, U+FEFF, U+00AD, direction
    marks, controls other than the line break) written as <U+200B>: a message that quotes a
    name shows what it holds."""
    return "".join(f"<U+{ord(c):04X}>" if c != "\n" and (
        unicodedata.category(c) in ("Cf", "Cc") or c in _INVISIBLE_SPACES) else c for c in text)


#: Spaces that print as nothing at all (the ordinary and wide spaces print as spaces).
_INVISIBLE_SPACES = frozenset("\u180e\u2800\u3164\uffa0")


#: The most characters one paragraph of a report may have: far more than a report's paragraph,
#: and few enough that python-docx (and so ``reportgen diff``) can read the document back.
MAX_PARAGRAPH = 1_000_000


def too_long(text: str) -> str | None:
    """Why ``text`` cannot be one paragraph of the report, if it cannot."""
    if len(text) <= MAX_PARAGRAPH:
        return None
    return (_("is {count:,} characters long, more than a paragraph of the report may be "
              "({most:,}); split it into paragraphs or shorten it")
              .format(count=len(text), most=MAX_PARAGRAPH))


def xml_safe(text: str) -> str:
    """``text`` with the characters XML cannot hold replaced by U+FFFD."""
    return XML_INVALID.sub("\ufffd", text)


def display_width(text: str, ambiguous: int = 1) -> int:
    """Columns ``text`` takes: wide and full-width characters (Chinese) count two, the others
    one - but the ambiguous-width ones (“ ” — … ≤), which count ``ambiguous``: one in a
    terminal, which draws them narrow; two in print and in Excel, where a Chinese font draws
    them as wide as a Chinese character."""
    return sum(2 if (kind := unicodedata.east_asian_width(c)) in ("W", "F")
               else ambiguous if kind == "A" else 1 for c in text)


def printed_width(text: str) -> float:
    """Printed width in Chinese characters (a Chinese font's ambiguous forms are wide): a
    half-width letter, digit or sign is one half."""
    return display_width(text, ambiguous=2) / 2
