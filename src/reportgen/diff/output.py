"""The diff's outputs in one registry: each format is a module of ``diff/formats`` with a
function ``render(comparison, options)``; a new format is that module and one entry here."""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import TYPE_CHECKING

from reportgen.i18n import N_

if TYPE_CHECKING:
    from reportgen.diff.changes import Comparison

#: The category stamped in the Word files ``diff`` writes, so they are never taken for a report.
DIFF_CATEGORY = "reportgen diff"


#: The author of a Word file's tracked changes when none is given.
AUTHOR = N_("reportgen diff")
#: The directions a Word file's tracked changes may go: from a to b (Accept All gives b) or back.
DIRECTIONS = ("a-to-b", "b-to-a")


@dataclass(frozen=True)
class Options:
    """How the outputs are drawn: colours and context in the terminal, the summary only, the
    baseline's name; for a Word file its category, the author and direction of its tracked
    changes, and the .docx files compared (a's, b's: the bytes, or None for a .txt), whose
    form it takes."""

    color: bool = False
    context: int = 20
    brief: bool = False
    baseline: str = ""
    category: str = DIFF_CATEGORY
    author: str = AUTHOR  # translated where the command fills it in (commands.diff)
    direction: str = DIRECTIONS[0]
    documents: tuple[bytes | None, bytes | None] = (None, None)


@dataclass(frozen=True)
class Format:
    name: str
    module: str  # in reportgen.diff.formats
    binary: bool  # bytes (a file), or text
    to_file: bool  # written to a file the user names, or printed


FORMATS: dict[str, Format] = {f.name: f for f in (
    Format("text", "text", binary=False, to_file=False),
    Format("json", "json", binary=False, to_file=False),
    Format("html", "html", binary=False, to_file=True),
    Format("docx", "docx", binary=True, to_file=True),
)}


def render(name: str, comparison: Comparison, options: Options = Options()) -> str | bytes:
    """The comparison in the format ``name``."""
    module = importlib.import_module(f"reportgen.diff.formats.{FORMATS[name].module}")
    return module.render(comparison, options)  # type: ignore[no-any-return]


def encoded(name: str, comparison: Comparison, options: Options = Options()) -> bytes:
    """The comparison in the format ``name``, as the bytes of a file."""
    result = render(name, comparison, options)
    return result if isinstance(result, bytes) else result.encode("utf-8")
