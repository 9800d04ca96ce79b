"""Text files: UTF-8 with or without BOM, any line endings."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from reportgen.errors import SourceRef
from reportgen.textfile import read_text

REF = SourceRef("data/2021/x.txt")


text_without_nul = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"))


@settings(max_examples=60)
@given(st.lists(text_without_nul, max_size=5), st.sampled_from(["\n", "\r\n", "\r"]),
       st.booleans())
def test_any_utf8_text_reads_back_with_its_lines(lines: list[str], end: str, bom: bool) -> None:
    lines = [line.replace("\r", "").replace("\n", "") for line in lines]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "x.txt"
        path.write_bytes(("\ufeff" if bom else "").encode() + end.join(lines).encode("utf-8"))
        assert read_text(path, REF) == "\n".join(lines)
