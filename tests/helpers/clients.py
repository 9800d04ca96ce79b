"""The programs some tests need: LibreOffice, poppler, Chromium, a Python with LibreOffice's uno.

A test asks for one with ``need(name)``: where the program is missing the test is skipped -
but where ``REPORTGEN_REQUIRE_CLIENTS=1`` (``.ci/run`` sets it) it fails, so CI can never pass
by skipping what it was meant to try.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Callable
from functools import cache

import pytest


def _which(*names: str) -> Callable[[], str | None]:
    return lambda: next((found for name in names if (found := shutil.which(name))), None)


@cache
def _python_with_uno() -> str | None:
    for candidate in ("/usr/bin/python3", shutil.which("python3")):
        if candidate and subprocess.run([candidate, "-c", "import uno"],
                                        capture_output=True).returncode == 0:
            return candidate
    return None


FINDERS: dict[str, tuple[Callable[[], str | None], str]] = {
    "soffice": (_which("soffice", "libreoffice"), "LibreOffice (libreoffice-writer-nogui)"),
    "pdftotext": (_which("pdftotext"), "poppler (poppler-utils)"),
    "pdftoppm": (_which("pdftoppm"), "poppler (poppler-utils)"),
    "chromium": (_which("chromium", "chromium-browser", "google-chrome"), "Chromium"),
    "uno": (_python_with_uno, "a Python with LibreOffice's uno (python3-uno)"),
}


def need(name: str) -> str:
    """The path of the program ``name``, or skip (fail, where clients are required)."""
    find, what = FINDERS[name]
    found = find()
    if found:
        return found
    message = f"{what} is not installed"
    if os.environ.get("REPORTGEN_REQUIRE_CLIENTS") == "1":
        pytest.fail(f"{message}, and REPORTGEN_REQUIRE_CLIENTS=1 says every test must run")
    pytest.skip(message)
