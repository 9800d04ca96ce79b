"""Drafted spreadsheets read back as exactly the text they were written from."""

from __future__ import annotations

import datetime as dt
import io
import subprocess
import sys
import time
import zipfile
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from reportgen.data.cells import cell_text
from reportgen.data.sheet_writer import (
    OutCell,
    OutSheet,
    excel_value,
    read_back,
    workbook_bytes,
)
from reportgen.data.sheets import read_workbook
from reportgen.errors import SourceRef

STAMP = dt.datetime(2022, 1, 1)


def test_cells_read_back_as_written(tmp_path) -> None:  # type: ignore[no-untyped-def]
    texts = [("500.30", "0.00"), ("9", "General"), ("9.5%", "0.0%"), ("50%", "General"),
             ("7.5以上", "General"), ("待填", "0.00"), ("—", "0%"), ("=SUM(A1)", "General"),
             ("0.050", "General"), ("-82.6", "0.0"), ("", "General")]
    sheet = OutSheet("表", ["文本"], [[OutCell(t, f)] for t, f in texts])
    path = tmp_path / "book.xlsx"
    path.write_bytes(workbook_bytes([sheet], STAMP))
    table = read_workbook(path, SourceRef("book.xlsx"))["表"]
    assert [row.get("文本").text for row in table.rows] == [t for t, _ in texts if t]


def test_a_sheet_reads_back_as_its_workbook_would(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """read_back gives, without writing, the texts and formats the written workbook reads as."""
    cells = [("500.30", "General"), ("-9.5%", "0%"), ("3%", "0%"), ("0.081", "General"),
             ("7.5以上", "General"), ("—", "General"), ("1.0", "General"), ("", "General")]
    sheet = OutSheet("表", ["值", "说明"], [[OutCell(t, f), OutCell("甲")] for t, f in cells])
    path = tmp_path / "book.xlsx"
    path.write_bytes(workbook_bytes([sheet], STAMP))
    written = read_workbook(path, SourceRef("book.xlsx"))["表"]
    kept = read_back(sheet, SourceRef("book.xlsx"))

    def seen(table):  # type: ignore[no-untyped-def]
        return [[(c.text, c.number_format) for c in row.cells.values()] for row in table.rows]

    assert seen(kept) == seen(written)
    assert kept.headers == written.headers == ["值", "说明"]
    assert str(kept.rows[1].get("值").ref) == "book.xlsx[表]!A3（值）"


def test_same_input_same_bytes_whenever_written() -> None:
    """Two processes, at different times, write the same bytes, every entry stamped alike."""
    script = ("import datetime as dt, sys; from reportgen.data.sheet_writer import OutCell, "
              "OutSheet, workbook_bytes; sys.stdout.buffer.write(workbook_bytes([OutSheet('表', "
              "['数值'], [[OutCell('1.50', '0.00')]])], dt.datetime(2022, 1, 1)))")
    first = subprocess.run([sys.executable, "-c", script], capture_output=True, check=True).stdout
    time.sleep(1.1)  # past a second boundary of the clock a zip entry would otherwise carry
    second = subprocess.run([sys.executable, "-c", script], capture_output=True, check=True).stdout
    assert first == second
    with zipfile.ZipFile(io.BytesIO(first)) as book:
        assert {info.date_time for info in book.infolist()} == {(2022, 1, 1, 0, 0, 0)}


def test_a_plain_number_keeps_the_general_format() -> None:
    assert excel_value("9", "General") == (Decimal("9"), "General")
    assert excel_value("11.2", "General") == (Decimal("11.2"), "General")
    assert excel_value("500.30", "General") == (Decimal("500.30"), "0.00")


@given(st.decimals(min_value=-10**9, max_value=10**9, places=3, allow_nan=False),
       st.sampled_from(["General", "0", "0.0", "0.00", "0%", "0.0%"]))
def test_numbers_round_trip(number: Decimal, number_format: str) -> None:
    text = cell_text(number, number_format)
    value, chosen = excel_value(text, number_format)
    assert cell_text(float(value), chosen) == text  # type: ignore[arg-type]


def test_the_workbook_carries_the_stamp_not_the_clock() -> None:
    with zipfile.ZipFile(io.BytesIO(workbook_bytes([OutSheet("表", ["数值"])], STAMP))) as book:
        core = book.read("docProps/core.xml").decode("utf-8")
    assert core.count("2022-01-01T00:00:00Z") == 2  # created and modified
