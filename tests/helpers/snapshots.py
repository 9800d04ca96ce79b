"""Snapshot files: outputs people read (check's table, the diff's terminal, HTML and JSON),
stored as readable files in tests/snapshots/ and compared byte for byte.

Refresh them all, after a change that is meant to alter them, with

    .venv/bin/python -m pytest tests --update-snapshots

and read the git diff of tests/snapshots/ before committing it.
"""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest

FOLDER = Path(__file__).resolve().parent.parent / "snapshots"
COMMAND = ".venv/bin/python -m pytest tests --update-snapshots"
#: Set by conftest from the --update-snapshots option.
UPDATE = False


def assert_snapshot(name: str, text: str) -> None:
    """``text`` is what tests/snapshots/<name> holds; with --update-snapshots, it becomes so."""
    path = FOLDER / name
    if UPDATE:
        path.write_text(text, encoding="utf-8", newline="\n")
        return
    if not path.is_file():
        pytest.fail(f"no snapshot {path.relative_to(FOLDER.parent.parent)}; run `{COMMAND}` "
                    "to write it")
    stored = path.read_text(encoding="utf-8")
    if stored != text:
        diff = "".join(list(difflib.unified_diff(
            stored.splitlines(keepends=True), text.splitlines(keepends=True),
            f"snapshots/{name}", "now", n=1))[:60])
        pytest.fail(f"the output differs from tests/snapshots/{name}; if the change is meant, "
                    f"run `{COMMAND}` and review the diff.\n{diff}")
