"""The HTML page: self-contained, every change listed and linked, and it renders in a real
browser (headless Chromium takes a screenshot)."""

from __future__ import annotations

import re
import struct
import subprocess
from collections.abc import Callable
from html import unescape
from pathlib import Path

import pytest

from helpers.clients import need
from helpers.edits import OFFICIAL_LINES, all_edits, docx_side, replace_once, txt_side
from helpers.snapshots import assert_snapshot
from reportgen.diff.changes import Comparison, compare
from reportgen.diff.figures import Found
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


MARKER = "\x00"


def b_text_with_markers(html: str) -> str:
    """The article's text as b reads it (deleted text dropped), each change's tag a MARKER."""
    article = html.split("<article>", 1)[1].split("</article>", 1)[0]
    article = re.sub(r'<a class="ref"[^>]*>\d+</a>', MARKER, article)
    article = re.sub(r"<del\b[^>]*>.*?</del>", "", article)
    return unescape(re.sub(r"<[^>]+>", "", article)).replace("\u200b", "").replace("\u2060", "")


@pytest.mark.parametrize("edit", [
    replace_once("实现工业增加值163.41亿元", "实现工业增加值165.41亿元"),
    replace_once("清理淤泥150余万平方米", "清理淤泥160余万平方米"),
    replace_once("增长3.2%", "增长13.2%"),
    replace_once("\t500.30", "\t540.50"),
])
def test_a_change_tag_is_never_inside_a_figure(edit: Callable[[list[str]], list[str]],
                                              built_2021: Path) -> None:
    comparison = compare(txt_side(edit(OFFICIAL_LINES), "edited"), docx_side(built_2021))
    text = b_text_with_markers(render("html", comparison))
    marks = [i - n for n, i in enumerate(m.start() for m in re.finditer(MARKER, text))]
    assert len(marks) == 1
    plain = text.replace(MARKER, "")
    found = Found.of_text(plain)
    assert not any(f.start < mark < f.end for f in found.items for mark in marks)
    # the tag stands right before the figure that changed, joined to it
    assert re.match(r"\d", plain[marks[0]:])
    assert re.search(r'<a class="ref" href="#l\d+">\d+</a>&#8288;<del ', render("html", comparison))


def test_the_list_shows_each_change_in_its_context(page: tuple[str, Comparison]) -> None:
    html, _ = page
    item = re.search(r'<li id="l4">.*?</li>', html)
    assert item is not None
    assert ('<span class="snippet"><span class="context">…，实现工业增加值</span><del>163.42</del>'
            '<ins>163.41</ins><span class="context">亿元、增长3.2…</span></span>') in item[0]
    assert ('<h2>Figures changed (2)</h2>\n<ol>\n<li class="figure"><a href="#c4">'
            '<span class="n">4</span>实现工业增加值 163.42 → 163.41 亿元</a></li>') in html


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
