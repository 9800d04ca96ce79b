"""The regression guard: the built 2021 report is the official text, every character of it."""

from __future__ import annotations

import difflib
from pathlib import Path

from helpers.text import OFFICIAL_2021, report_text
from reportgen.word.text import read_pieces


def explain(official: str, generated: str) -> str:
    matcher = difflib.SequenceMatcher(None, official, generated, autojunk=False)
    lines = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag != "equal":
            lines.append(f"{tag} at official[{i1}]: …{official[max(0, i1 - 15):i2 + 15]}… "
                         f"→ …{generated[max(0, j1 - 15):j2 + 15]}…")
    return "\n".join(lines[:20])


def test_built_2021_text_equals_the_official_text(built_2021: Path) -> None:
    official = report_text(OFFICIAL_2021)
    generated = report_text(built_2021)
    assert len(official) > 12_000
    assert generated == official, "the built report differs from official.txt:\n" + explain(
        official, generated)


def test_the_build_does_not_read_the_official_text(project: Path) -> None:
    from reportgen.commands.build import build
    from reportgen.project import Project

    (project / "data" / "2021" / "official.txt").unlink()
    path = build(Project.at(project), 2021).path
    assert "国民经济和社会发展主要指标完成情况" in "".join(p.text for p in read_pieces(path))
