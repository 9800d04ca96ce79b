"""A cache of work that the inputs alone decide - a workbook's cells, a template's compiled code -
keyed on the inputs' content and on the code that did the work, never on a file's age.

The same input gives the same result whether or not it comes from here, and a changed input
(or a changed reportgen) has another key, so nothing stale is ever served. Entries live in the
user's own cache folder (``~/.cache/reportgen``, ``%LOCALAPPDATA%\\reportgen\\cache`` on
Windows, ``REPORTGEN_CACHE_DIR`` to choose), not in the project: a project folder shared with
others cannot plant compiled code. ``REPORTGEN_CACHE=off`` turns the cache off. A cache that
cannot be read or written is no error: the work is done again.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import sys
from functools import cache
from pathlib import Path

from reportgen import __version__, signals


@cache
def folder() -> Path | None:
    """Where entries are kept; None when the cache is off."""
    if os.environ.get("REPORTGEN_CACHE", "").lower() in ("0", "off", "no", "false"):
        return None
    chosen = os.environ.get("REPORTGEN_CACHE_DIR")
    if chosen:
        return Path(chosen)
    if sys.platform == "win32" and os.environ.get("LOCALAPPDATA"):
        return Path(os.environ["LOCALAPPDATA"]) / "reportgen" / "cache"
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "reportgen"


@cache
def code_of(module_file: str) -> bytes:
    """What the cached work of a module depends on in reportgen itself: its version and the
    module's source (so a changed module never reads what an older one stored)."""
    try:
        return __version__.encode() + Path(module_file).read_bytes()
    except OSError:
        return __version__.encode()


def key(*parts: bytes | str) -> str:
    digest = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        digest.update(len(data).to_bytes(8, "little"))
        digest.update(data)
    return digest.hexdigest()


def load(kind: str, name: str) -> bytes | None:
    """The entry ``name`` of ``kind``, or None."""
    root = folder()
    if root is None:
        return None
    try:
        return (root / kind / name[:2] / name).read_bytes()
    except OSError:
        return None


def store(kind: str, name: str, data: bytes) -> None:
    """Keep ``data`` as the entry ``name`` of ``kind`` (written whole, or not at all)."""
    root = folder()
    if root is None:
        return
    target = root / kind / name[:2] / name
    temporary: str | None = None
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        import tempfile  # only to store: a start-up that reads the cache does without it

        with signals.deferred():  # no signal between making the file and taking it in charge
            handle = tempfile.NamedTemporaryFile(dir=target.parent, prefix=".", suffix=".tmp",
                                                 delete=False)
            temporary = handle.name
        with handle:
            handle.write(data)
        os.replace(temporary, target)
    except BaseException as exc:  # an interrupted store leaves nothing behind either
        if temporary is not None:
            handle.close()
            with contextlib.suppress(OSError):
                os.unlink(temporary)
        if not isinstance(exc, OSError):
            raise
