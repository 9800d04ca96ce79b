"""The HTML page: self-contained, every change listed and linked, and it renders in a real
browser (headless Chromium takes a screenshot)."""

from __future__ import annotations

import re
import struct
import subprocess
from pathlib import Path

import pytest

from helpers.clients import need
from helpers.edits import all_edits, docx_side, txt_side
from helpers.snapshots import assert_snapshot
from reportgen.diff.changes import Comparison, compare
from reportgen.diff.output import render


@pytest.fixture(scope="module")
def page(built_2021: Path) -> tuple[str, Comparison]:
    a = txt_side(all_edits(), "edited")
    b = docx_side(built_2021)
    comparison = compare(a, b)
    return render("html", comparison), comparison


def test_self_contained(page: tuple[str, Comparison]) -> None:
    html, _ = page
    assert "<script" not in html and "@import" not in html
    assert not re.search(r'(src|href)="(?!#)', html)
    assert "http://" not in html and "https://" not in html


def test_every_change_is_listed_and_linked(page: tuple[str, Comparison]) -> None:
    html, comparison = page
    for change in comparison.changes:
        assert f'<li id="l{change.number}"' in html
        assert f'href="#c{change.number}"' in html
        assert html.count(f' id="c{change.number}"') == 1
    assert "<del" in html and "<ins" in html
    assert 'class="table"' in html and "grid-row:" in html  # tables drawn as tables


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def test_the_page_renders_in_chromium(page: tuple[str, Comparison], tmp_path: Path) -> None:
    chromium = need("chromium")
    html, _ = page
    file = tmp_path / "changes.html"
    file.write_text(html, encoding="utf-8")
    shot = tmp_path / "changes.png"
    result = subprocess.run(
        [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
         "--no-first-run", "--disable-background-networking", "--disable-component-update",
         "--disable-sync", f"--user-data-dir={tmp_path / 'profile'}", "--hide-scrollbars",
         f"--screenshot={shot}", "--window-size=1280,2000", file.as_uri()],
        capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert png_size(shot) == (1280, 2000)
    # a blank page compresses to a few kilobytes; text and highlights do not
    assert shot.stat().st_size > 100_000


def test_the_page_is_as_stored(page: tuple[str, Comparison]) -> None:
    html, _ = page
    assert_snapshot("diff.html", html)
