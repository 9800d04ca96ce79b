"""The text of a report file as the tests compare it: all whitespace removed."""

from __future__ import annotations

from pathlib import Path

from helpers.project import REPO
from reportgen.diff.normalise import squeeze
from reportgen.word.text import read_pieces

OFFICIAL_2021 = REPO / "data" / "2021" / "official.txt"


def report_text(path: Path) -> str:
    """A .docx (paragraphs and table cells in document order) or .txt, squeezed."""
    return squeeze("".join(piece.text for piece in read_pieces(path)))
