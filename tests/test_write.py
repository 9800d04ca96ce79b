"""Writing outputs: the time stamped in them, fixed zips, atomic files, all-or-nothing folders."""

from __future__ import annotations

import datetime as dt
import errno
import io
import os
import zipfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reportgen.errors import ReportgenError
from reportgen.write import fixed_zip, source_date, write_atomic, write_new_folder, zip_parts

MEETING = dt.date(2021, 3, 10)


# --- the time stamped into outputs ----------------------------------------------------------


def test_without_source_date_epoch_the_date_from_the_data_is_used(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    assert source_date(MEETING) == dt.datetime(2021, 3, 10, 0, 0, 0)


@pytest.mark.parametrize(("epoch", "expected"), [
    ("0", dt.datetime(1970, 1, 1)),
    ("1615334400", dt.datetime(2021, 3, 10)),
    (" 1615377600\n", dt.datetime(2021, 3, 10, 12, 0)),  # in UTC
    ("", dt.datetime(2021, 3, 10)),  # empty: as if unset
    ("   ", dt.datetime(2021, 3, 10)),
])
def test_source_date_epoch_wins(monkeypatch: pytest.MonkeyPatch, epoch: str,
                                expected: dt.datetime) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)
    assert source_date(MEETING) == expected
    assert source_date(MEETING).tzinfo is None


@pytest.mark.parametrize(("epoch", "shown"), [
    ("abc", "abc"), ("1.5", "1.5"), ("1e9", "1e9"), (" 2021-03-10 ", "2021-03-10"),
    ("99999999999999999999", "99999999999999999999"),
])
def test_a_bad_source_date_epoch_is_refused(monkeypatch: pytest.MonkeyPatch, epoch: str,
                                            shown: str) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)
    with pytest.raises(ReportgenError) as refused:
        source_date(MEETING)
    assert str(refused.value) == f"SOURCE_DATE_EPOCH 「{shown}」 is not a Unix time in seconds"


# --- zips ------------------------------------------------------------------------------------

PARTS = [("[Content_Types].xml", b"<Types/>"), ("word/document.xml", "<w:document>报告".encode()),
         ("docProps/core.xml", b"<core/>")]
WHEN = dt.datetime(2021, 3, 10, 8, 30, 44)


def _entries(data: bytes) -> list[tuple[str, tuple[int, ...], int, int, int, bytes]]:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return [(i.filename, i.date_time, i.compress_type, i.create_system, i.external_attr,
                 package.read(i)) for i in package.infolist()]


def test_zip_parts_keep_their_order_and_carry_one_stamp() -> None:
    # attributes: zipfile's own fixed rw------- for an entry given none
    assert _entries(zip_parts(PARTS, WHEN)) == [
        (name, (2021, 3, 10, 8, 30, 44), zipfile.ZIP_DEFLATED, 0, 0o600 << 16, data)
        for name, data in PARTS]


def test_a_stamp_before_1980_is_zips_first_day() -> None:
    assert {e[1] for e in _entries(zip_parts(PARTS, dt.datetime(1970, 1, 1)))} == {
        (1980, 1, 1, 0, 0, 0)}


def test_the_same_parts_give_the_same_bytes() -> None:
    assert zip_parts(PARTS, WHEN) == zip_parts(list(PARTS), WHEN)
    assert zip_parts(PARTS, WHEN) != zip_parts(PARTS, WHEN.replace(day=11))
    assert zip_parts(PARTS, WHEN) != zip_parts(PARTS[::-1], WHEN)


def test_a_stamp_after_2107_is_zips_last_time() -> None:
    assert {e[1] for e in _entries(zip_parts(PARTS, dt.datetime(2210, 3, 10)))} == {
        (2107, 12, 31, 23, 59, 58)}


def test_fixed_zip_restamps_a_zip_in_its_order() -> None:
    written = io.BytesIO()
    with zipfile.ZipFile(written, "w", zipfile.ZIP_STORED) as package:
        for name, data in PARTS:
            info = zipfile.ZipInfo(name, date_time=(2024, 5, 6, 7, 8, 10))
            info.external_attr = 0o644 << 16
            info.create_system = 3
            package.writestr(info, data)
    assert fixed_zip(written.getvalue(), WHEN) == zip_parts(PARTS, WHEN)


@given(st.lists(st.tuples(st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")),
                                  min_size=1, max_size=8).map(lambda s: s.replace("/", "_")),
                          st.binary(max_size=64)),
                max_size=5, unique_by=lambda part: part[0]),
       st.datetimes(min_value=dt.datetime(1980, 1, 1), max_value=dt.datetime(2100, 12, 31)))
def test_any_parts_read_back_as_given(parts: list[tuple[str, bytes]], when: dt.datetime) -> None:
    data = zip_parts(parts, when)
    stamp = when.replace(second=when.second // 2 * 2, microsecond=0).timetuple()[:6]
    assert [(e[0], e[1], e[5]) for e in _entries(data)] == [(n, stamp, d) for n, d in parts]
    assert fixed_zip(data, when) == data


# --- one file, atomically -------------------------------------------------------------------


def test_write_atomic_creates_the_folder_and_the_file(tmp_path: Path) -> None:
    target = tmp_path / "output" / "2021" / "报告.docx"
    write_atomic(target, b"new", tmp_path)
    assert target.read_bytes() == b"new"
    assert target.stat().st_mode & 0o777 == 0o644
    assert os.listdir(target.parent) == ["报告.docx"]


def test_write_atomic_replaces_the_previous_file(tmp_path: Path) -> None:
    target = tmp_path / "报告.docx"
    target.write_bytes(b"old")
    write_atomic(target, b"new")
    assert target.read_bytes() == b"new"
    assert os.listdir(tmp_path) == ["报告.docx"]


def test_a_failed_write_keeps_the_previous_file_and_no_partial_one(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "output" / "报告.docx"
    target.parent.mkdir()
    target.write_bytes(b"old")

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(ReportgenError) as refused:
        write_atomic(target, b"new", tmp_path)
    assert str(refused.value) == ("output/报告.docx: cannot write the file: No space left on device"
                                  "\n  Is it open in Word or WPS? Close it and build again.")
    assert target.read_bytes() == b"old"
    assert os.listdir(target.parent) == ["报告.docx"]


def test_an_interrupted_write_leaves_no_temporary_file(tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "报告.docx"
    target.write_bytes(b"old")

    def interrupt(fd: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupt)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(target, b"new")
    assert target.read_bytes() == b"old"
    assert os.listdir(tmp_path) == ["报告.docx"]


def test_a_folder_in_the_files_place_is_one_message(tmp_path: Path) -> None:
    target = tmp_path / "output" / "报告.docx"
    target.mkdir(parents=True)
    with pytest.raises(ReportgenError) as refused:
        write_atomic(target, b"new", tmp_path)
    assert str(refused.value) == ("output/报告.docx: is a folder, not a file; an output replaces "
                                  "only a file\n  Name a file for the output.")
    assert os.listdir(tmp_path / "output") == ["报告.docx"]


@pytest.mark.parametrize(("target", "message"), [
    ("output/报告.docx", "output: cannot create the output folder: File exists"),
    ("output/2021/报告.docx", "output/2021: cannot create the output folder: Not a directory"),
])
def test_a_file_in_the_folders_place_is_one_message(tmp_path: Path, target: str,
                                                    message: str) -> None:
    (tmp_path / "output").write_bytes(b"")
    with pytest.raises(ReportgenError) as refused:
        write_atomic(tmp_path / target, b"new", tmp_path)
    assert str(refused.value) == message
    assert os.listdir(tmp_path) == ["output"]


# --- a new folder, all or nothing -----------------------------------------------------------

FILES = {"report.yaml": "地区: 甲".encode(), "indicators/完成情况.csv": b"a,b\n",
         "indicators/计划目标.csv": b"c\n"}


def _tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_write_new_folder_writes_every_file(tmp_path: Path) -> None:
    target = tmp_path / "data" / "2022"
    write_new_folder(target, FILES, tmp_path)
    assert _tree(target) == FILES
    assert target.stat().st_mode & 0o777 == 0o755
    assert {(p.stat().st_mode & 0o777) for p in target.rglob("*") if p.is_file()} == {0o644}
    assert os.listdir(tmp_path / "data") == ["2022"]


@pytest.mark.parametrize("mine", ["2022/report.yaml", "2022"])  # a folder, or a file in its place
def test_an_existing_folder_is_never_overwritten(tmp_path: Path, mine: str) -> None:
    target = tmp_path / "data" / "2022"
    (tmp_path / "data" / mine).parent.mkdir(parents=True)
    (tmp_path / "data" / mine).write_bytes(b"mine")
    with pytest.raises(ReportgenError) as refused:
        write_new_folder(target, FILES, tmp_path)
    assert str(refused.value) == "data/2022: exists already; reportgen never overwrites it"
    assert os.listdir(tmp_path / "data") == ["2022"]
    assert (tmp_path / "data" / mine).read_bytes() == b"mine"
    assert _tree(tmp_path / "data") == {mine: b"mine"}


def test_a_failure_midway_leaves_nothing(tmp_path: Path) -> None:
    target = tmp_path / "data" / "2022"
    (tmp_path / "data").mkdir()
    with pytest.raises(ReportgenError) as refused:
        # "a" is written as a file, then needed as a folder
        write_new_folder(target, {"a": b"1", "a/b": b"2"}, tmp_path)
    assert str(refused.value) == "data/2022: cannot write the folder: File exists"
    assert os.listdir(tmp_path / "data") == []


def test_a_folder_made_meanwhile_is_not_overwritten(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "data" / "2022"
    chmod = os.chmod

    def race(path: Path, mode: int) -> None:
        chmod(path, mode)
        if mode == 0o755:  # the new folder is complete: someone else creates the target now
            target.mkdir()
            (target / "theirs.txt").write_bytes(b"theirs")

    monkeypatch.setattr(os, "chmod", race)
    with pytest.raises(ReportgenError) as refused:
        write_new_folder(target, FILES, tmp_path)
    assert str(refused.value) == "data/2022: exists already; reportgen never overwrites it"
    assert _tree(target) == {"theirs.txt": b"theirs"}
    assert os.listdir(tmp_path / "data") == ["2022"]


def test_a_file_in_the_parents_place_is_one_message(tmp_path: Path) -> None:
    (tmp_path / "data").write_bytes(b"")
    with pytest.raises(ReportgenError) as refused:
        write_new_folder(tmp_path / "data" / "2022", FILES, tmp_path)
    assert str(refused.value) == "data: cannot create the folder: File exists"
