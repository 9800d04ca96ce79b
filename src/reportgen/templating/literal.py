"""Values stay literal in text that the narrative's markup reads (the narrative, the lines of a
专栏 template): markup belongs to a template's own text, never to what a value holds.

Every value a text template prints has the characters the markup reads - ``#`` (headings),
``*`` (lead sentences), ``[`` (专栏 places) and line breaks - replaced by stand-ins that the
markup never reads: Unicode noncharacters, which no input may hold (``characters.FORBIDDEN``).
Once the markup has been read, or for a text that is not markup (a title), ``restore`` puts the
characters back, as text.
"""

from __future__ import annotations

_MARKS = "#*[\n"
#: U+FDD0…: noncharacters, "permanently reserved for internal use".
_STAND_INS = "\ufdd0\ufdd1\ufdd2\ufdd3"
_PROTECT = str.maketrans(_MARKS, _STAND_INS)
_RESTORE = str.maketrans(_STAND_INS, _MARKS)


def protect(text: str) -> str:
    """``text`` as a value printed into markup: nothing in it reads as markup."""
    return text.translate(_PROTECT)


def restore(text: str) -> str:
    """Markup text (or a part of it) with its values' characters put back."""
    return text.translate(_RESTORE)
