"""The Word file of tracked changes: accepting all gives b, rejecting all gives a - read back by
reportgen, by LibreOffice itself, and converted to PDF by LibreOffice without error."""

from __future__ import annotations

import json
import re
import subprocess
import zipfile
from pathlib import Path

import pytest

from helpers.clients import need
from helpers.edits import all_edits, docx_side, txt_side
from reportgen.diff.changes import Comparison, compare
from reportgen.diff.normalise import squeeze
from reportgen.diff.output import encoded
from reportgen.word.text import docx_category, read_pieces

HELPERS = Path(__file__).resolve().parent.parent.parent / "helpers"


def squeezed(texts: list[str]) -> str:
    return squeeze("".join(texts))


@pytest.fixture(scope="module")
def tracked(built_2021: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Comparison]:
    """edited official text -> built report, as tracked changes."""
    a = txt_side(all_edits(), "edited")
    b = docx_side(built_2021)
    comparison = compare(a, b)
    path = tmp_path_factory.mktemp("tracked") / "changes.docx"
    path.write_bytes(encoded("docx", comparison))
    return path, comparison


def test_accept_all_gives_b_and_reject_all_gives_a(tracked: tuple[Path, Comparison]) -> None:
    path, comparison = tracked
    accepted = [p.text for p in read_pieces(path, tracked="accept")]
    rejected = [p.text for p in read_pieces(path, tracked="reject")]
    assert accepted == [p.text for p in comparison.b.pieces]
    assert squeezed(rejected) == comparison.a.norm
    assert squeezed(accepted) != squeezed(rejected)


def test_the_package_is_well_formed_and_reproducible(tracked: tuple[Path, Comparison],
                                                      built_2021: Path) -> None:
    path, comparison = tracked
    with zipfile.ZipFile(path) as package:
        assert package.testzip() is None
        document = package.read("word/document.xml").decode("utf-8")
        assert {info.date_time for info in package.infolist()} == {(1980, 1, 1, 0, 0, 0)}
    from lxml import etree

    etree.fromstring(document.encode("utf-8"))
    ins, dels = document.count("<w:ins "), document.count("<w:del ")
    assert ins >= 6 and dels >= 6
    ids = re.findall(r'w:id="(\d+)"', document)
    assert len(ids) == len(set(ids))
    assert docx_category(path) == "reportgen diff"
    # the same texts compared afresh give the same bytes
    again = compare(txt_side(all_edits(), "edited"), docx_side(built_2021))
    assert again is not comparison and encoded("docx", again) == path.read_bytes()


def test_markup_characters_read_back_as_text(tmp_path: Path) -> None:
    a = txt_side(["甲<乙&丙{_丁_}", "x"], "a")
    b = txt_side(["甲<乙&丙{_戊_}\x01", "x"], "b")
    path = tmp_path / "markup.docx"
    path.write_bytes(encoded("docx", compare(a, b)))
    assert [p.text for p in read_pieces(path)] == ["甲<乙&丙{_戊_}\ufffd", "x"]
    assert [p.text for p in read_pieces(path, tracked="reject")] == ["甲<乙&丙{_丁_}", "x"]


def test_libreoffice_converts_it_to_pdf(tracked: tuple[Path, Comparison], tmp_path: Path) -> None:
    path, _ = tracked
    soffice, pdftotext = need("soffice"), need("pdftotext")
    result = subprocess.run(
        [soffice, "--headless", f"-env:UserInstallation=file://{tmp_path / 'profile'}",
         "--convert-to", "pdf", "--outdir", str(tmp_path), str(path)],
        capture_output=True, text=True, timeout=180)
    pdf = tmp_path / "changes.pdf"
    assert result.returncode == 0 and pdf.is_file(), result.stderr
    assert pdf.read_bytes().startswith(b"%PDF") and pdf.stat().st_size > 20_000
    text = subprocess.run([pdftotext, str(pdf), "-"], capture_output=True, text=True).stdout
    assert "各位代表" in text


def test_libreoffice_accepts_and_rejects_all(tracked: tuple[Path, Comparison]) -> None:
    path, comparison = tracked
    python = need("uno")
    need("soffice")
    result = subprocess.run([python, str(HELPERS / "lo_tracked.py"), str(path)],
                            capture_output=True, text=True, timeout=240)
    assert result.returncode == 0, result.stderr
    office = json.loads(result.stdout)
    assert office["redlines"] >= 7
    assert office["accept"] == [p.text for p in comparison.b.pieces]
    assert squeezed(office["reject"]) == comparison.a.norm
