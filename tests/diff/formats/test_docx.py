"""The Word file of tracked changes: accepting all gives b, rejecting all gives a - read back by
reportgen, by LibreOffice itself, and converted to PDF by LibreOffice without error."""

from __future__ import annotations

import io
import json
import re
import subprocess
import zipfile
from pathlib import Path

import pytest

from helpers.clients import need
from helpers.edits import all_edits, docx_side, txt_side
from reportgen.diff.changes import Comparison, compare
from reportgen.diff.normalise import Side, squeeze
from reportgen.diff.output import Options, encoded
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


# -- the redline in the report's form ------------------------------------------------------

HERE = Path(__file__).resolve().parent
AUTHOR = "重庆市綦江区发展和改革委员会"


def framed(comparison: Comparison, documents: tuple[bytes | None, bytes | None],
           direction: str = "a-to-b") -> bytes:
    return encoded("docx", comparison, Options(author=AUTHOR, direction=direction,
                                                documents=documents))


@pytest.fixture(scope="module")
def in_form(built_2021: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Comparison]:
    """edited official text -> built report, tracked in the built report itself."""
    comparison = compare(txt_side(all_edits(), "edited"), docx_side(built_2021))
    path = tmp_path_factory.mktemp("form") / "changes.docx"
    path.write_bytes(framed(comparison, (None, built_2021.read_bytes())))
    return path, comparison


def parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as package:
        return {name: package.read(name) for name in package.namelist()}


def test_the_redline_is_the_report_with_its_tables_and_styles(
        in_form: tuple[Path, Comparison], built_2021: Path) -> None:
    path, _ = in_form
    mine, report = parts(path), parts(built_2021)
    assert set(mine) == set(report)
    for name in ("word/styles.xml", "word/numbering.xml", "word/footer1.xml",
                 "word/settings.xml"):
        assert mine[name] == report[name], name
    document, original = mine["word/document.xml"].decode(), report["word/document.xml"].decode()
    for element in ("<w:tbl>", "<w:vMerge", "<w:gridSpan", "<w:tblHeader/>", "<w:sectPr"):
        assert document.count(element) == original.count(element), element
    assert docx_category(path) == "reportgen diff"
    assert set(re.findall(r'w:author="([^"]+)"', document)) == {AUTHOR}
    ids = re.findall(r'<w:(?:ins|del) w:id="(\d+)"', document)
    assert len(ids) == len(set(ids)) >= 10


def test_in_its_form_accept_all_gives_b_and_reject_all_gives_a(
        in_form: tuple[Path, Comparison]) -> None:
    path, comparison = in_form
    accepted = read_pieces(path, tracked="accept")
    assert [p.text for p in accepted] == [p.text for p in comparison.b.pieces]
    # the table cells are where they were: same table, row and cell
    assert [(p.table, p.row, p.cell) for p in accepted] == [
        (p.table, p.row, p.cell) for p in comparison.b.pieces]
    assert squeezed([p.text for p in read_pieces(path, tracked="reject")]) == comparison.a.norm


def test_the_changed_cell_is_tracked_in_its_cell(in_form: tuple[Path, Comparison]) -> None:
    path, _ = in_form
    document = parts(path)["word/document.xml"].decode()
    cell = re.search(r"<w:tc>(?:(?!</w:tc>).)*500\.31(?:(?!</w:tc>).)*</w:tc>", document)
    assert cell is not None
    assert re.search(r'<w:del [^>]*><w:r>(?:<w:rPr>.*?</w:rPr>)?<w:delText xml:space="preserve">'
                     r"500\.31</w:delText>", cell[0])
    assert re.search(r'<w:ins [^>]*><w:r>(?:<w:rPr>.*?</w:rPr>)?<w:t xml:space="preserve">'
                     r"500\.30</w:t>", cell[0])


def test_the_other_direction_goes_from_the_report(built_2021: Path, tmp_path: Path) -> None:
    """b-to-a: Accept All gives the edited text (a .txt), Reject All the report exactly; the
    redline still has the report's form."""
    comparison = compare(txt_side(all_edits(), "edited"), docx_side(built_2021))
    path = tmp_path / "back.docx"
    path.write_bytes(framed(comparison, (None, built_2021.read_bytes()), "b-to-a"))
    assert squeezed([p.text for p in read_pieces(path, tracked="accept")]) == comparison.a.norm
    assert [p.text for p in read_pieces(path, tracked="reject")] == [
        p.text for p in comparison.b.pieces]
    assert parts(path)["word/document.xml"].count(b"<w:tbl>") == 7


def edited_report(built: Path, target: Path) -> Path:
    """The built report as a leader's 修改稿: two figures and a word changed in Word."""
    with zipfile.ZipFile(built) as source:
        files = {name: source.read(name) for name in source.namelist()}
    document = files["word/document.xml"].decode("utf-8")
    for old, new in (("163.41亿元", "165.41亿元"), (">500.30<", ">512.37<"), ("抗洪救灾", "防汛救灾")):
        assert old in document
        document = document.replace(old, new, 1)
    files["word/document.xml"] = document.encode("utf-8")
    with zipfile.ZipFile(target, "w") as out:
        for name, data in files.items():
            out.writestr(name, data)
    return target


def test_two_reports_frame_on_the_one_accept_gives(built_2021: Path, tmp_path: Path) -> None:
    edited = edited_report(built_2021, tmp_path / "修改稿.docx")
    comparison = compare(Side("修改稿", "e", read_pieces(edited), txt_side([""]).rules, False),
                         docx_side(built_2021))
    assert sorted((c.deleted, c.inserted) for c in comparison.changes) == [
        ("165.41", "163.41"), ("512.37", "500.30"), ("防汛", "抗洪")]
    for direction, frame, other in (("a-to-b", comparison.b, comparison.a),
                                    ("b-to-a", comparison.a, comparison.b)):
        path = tmp_path / f"{direction}.docx"
        path.write_bytes(framed(comparison, (edited.read_bytes(), built_2021.read_bytes()),
                                direction))
        # whichever file Accept All gives frames the redline, and comes back exactly
        assert [p.text for p in read_pieces(path, tracked="accept")] == [
            p.text for p in frame.pieces]
        assert squeezed([p.text for p in read_pieces(path, tracked="reject")]) == other.norm
        assert parts(path)["word/document.xml"].count(b"<w:tbl>") == 7


def test_a_frame_it_cannot_cut_gives_the_flat_file(built_2021: Path, tmp_path: Path) -> None:
    """A document that holds tracked changes already is not cut: the flat redline instead."""
    comparison = compare(txt_side(all_edits(), "edited"), docx_side(built_2021))
    tracked_already = framed(comparison, (None, built_2021.read_bytes()))
    again = compare(txt_side(all_edits(), "edited"),
                    Side("b", "b", read_pieces_bytes(tracked_already, tmp_path),
                         txt_side([""]).rules, False))
    flat = framed(again, (None, tracked_already))
    document = zipfile.ZipFile(io.BytesIO(flat)).read("word/document.xml")
    assert b"<w:tbl>" not in document and b'w:author="' + AUTHOR.encode() + b'"' in document


def read_pieces_bytes(data: bytes, folder: Path) -> list:  # type: ignore[type-arg]
    path = folder / "given.docx"
    path.write_bytes(data)
    return read_pieces(path)


def test_libreoffice_opens_the_redline_with_its_tables(in_form: tuple[Path, Comparison],
                                                       tmp_path: Path) -> None:
    path, comparison = in_form
    python = need("uno")
    need("soffice")
    result = subprocess.run([python, str(HELPERS / "lo_tracked.py"), str(path), str(tmp_path)],
                            capture_output=True, text=True, timeout=240)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["redlines"] >= 10
    accepted = read_pieces(tmp_path / "accept.docx")
    assert squeezed([p.text for p in accepted]) == comparison.b.norm
    assert squeezed([p.text for p in read_pieces(tmp_path / "reject.docx")]) == comparison.a.norm
    # LibreOffice kept the tables: the 专栏3 cell is a cell of its table still
    cell = next(p for p in accepted if p.text == "500.30")
    assert (cell.table, cell.row) == (3, 4)
