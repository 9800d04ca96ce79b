"""Placeholders typed in the narrative: 【待填】 or 【待填：what】 where text is still to write.
Each is a gap like a cell's: highlighted in the report, listed with its line by draft, check
and build, refused by ``build --strict``."""

from __future__ import annotations

import re

from reportgen.characters import GAP_CLOSE, GAP_OPEN
from reportgen.data.model import Gap
from reportgen.errors import SourceRef
from reportgen.report.narrative import uncommented

TYPED = re.compile(r"【待填(?:[：:]([^】]*))?】")
#: What a placeholder typed without saying what is for is listed as.
UNNAMED = "正文"


def typed_gaps(source: str, ref: SourceRef) -> list[Gap]:
    """The placeholders typed in ``source`` (not those in comments), each at its line."""
    return [Gap((found.group(1) or "").strip() or UNNAMED, ref.at(line=number))
            for number, line in enumerate(uncommented(source).split("\n"), start=1)
            for found in TYPED.finditer(line)]


def marked_typed(source: str) -> str:
    """``source`` with each typed placeholder marked, for the report to highlight it as it
    highlights the gaps of the data."""
    return TYPED.sub(lambda found: GAP_OPEN + found.group(0) + GAP_CLOSE, source)
