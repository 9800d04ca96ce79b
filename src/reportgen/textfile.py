"""Reading the project's text files: UTF-8 with or without BOM, any line endings."""

from __future__ import annotations

from pathlib import Path

from reportgen.errors import ReportgenError, SourceRef
from reportgen.i18n import _


def read_text(path: Path, ref: SourceRef | str) -> str:
    """A UTF-8 text file (with or without BOM), line endings made "\\n"."""
    try:
        raw = path.read_bytes()
    except IsADirectoryError:
        raise ReportgenError(_("is a folder; expected a file"), ref) from None
    except OSError as exc:
        raise ReportgenError(_("cannot be read: {strerror}")
                               .format(strerror=exc.strerror), ref) from None
    try:
        return raw.decode("utf-8-sig").replace("\r\n", "\n").replace("\r", "\n")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise ReportgenError(
            _("is not UTF-8 text (byte {start})").format(start=exc.start + 1), f"{ref}:{line}",
            _("Save it as UTF-8 (in Notepad: 另存为, 编码 UTF-8)."),
        ) from None
