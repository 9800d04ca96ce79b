"""Reading the user's files: cells as Excel shows them; any input gives a value or a clean error."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reportgen.data.cells import clean_text, header_key, number_text
from reportgen.data.schema import EXECUTION, INVESTMENT, PLAN, PROJECTS, STATISTICS
from reportgen.data.sheets import read_csv, read_workbook
from reportgen.data.validate import indicator_table, record_table
from reportgen.data.yamlfile import read_yaml
from reportgen.errors import Problems, ReportgenError, SourceRef
from reportgen.textfile import read_text

REF = SourceRef("data/2021/x.xlsx")


@pytest.mark.parametrize(("value", "fmt", "expected"), [
    (500.3, "0.00", "500.30"),  # the published precision comes from the cell's format
    (500.3, "General", "500.3"),
    (163.41, "General", "163.41"),
    (0.095, "0.0%", "9.5%"),
    (-0.095, "0.0%", "-9.5%"),
    (0.03, "0%", "3%"),
    (0.032, "0.0%", "3.2%"),
    (28542, "#,##0", "28542"),  # grouping in the format is dropped
    (1234567.891, "#,##0.00", "1234567.89"),
    (2.345, "0.00", "2.35"),  # Excel rounds half away from zero
    (58.0, "General", "58"),
    (1e-05, "General", "0.00001"),
    (12, '0.0_);[Red]\\(0.0\\)', "12.0"),
    (3.5, '0.0"亿元"', "3.5"),
])
def test_numbers_read_as_excel_shows_them(value: float, fmt: str, expected: str) -> None:
    assert number_text(value, fmt) == expected


@pytest.mark.parametrize(("header", "key"), [
    ("完成投资（亿元）", "完成投资"), ("增速(%)", "增速"), ("指  标  名  称", "指标名称"),
    ("计划目标", "计划目标"), ("（亿元）", "（亿元）"),
])
def test_header_keys(header: str, key: str) -> None:
    assert header_key(header) == key


def test_cell_line_breaks_join_chinese_text() -> None:
    assert clean_text(" 高庙度假区\n连接道（一期） ") == "高庙度假区连接道（一期）"


cells = st.one_of(
    st.none(), st.booleans(),
    st.integers(min_value=-10**12, max_value=10**12),
    st.floats(allow_nan=False, allow_infinity=False, width=32),
    st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
            max_size=20),
    st.sampled_from(["—", "7.5以上", "≥300", "预期性", "是", "58", "500.30", "-9.5%", "Ⅱ类"]),
    st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2100, 1, 1)),
)
names = st.sampled_from(
    EXECUTION.names + PROJECTS.names + STATISTICS.names + INVESTMENT.names + ["备注", "xx"])


def write_grid(path: Path, header: list[str], rows: list[list[object]]) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "完成情况"
    sheet.append(header)
    for row in rows:
        try:
            sheet.append(row)
        except openpyxl.utils.exceptions.IllegalCharacterError:
            sheet.append([None for _ in row])
    book.save(path)


@settings(max_examples=60)
@given(st.lists(names, min_size=1, max_size=8, unique=True),
       st.lists(st.lists(cells, max_size=8), max_size=12))
def test_a_sheet_with_a_header_for_every_column_always_reads(header: list[str],
                                                             rows: list[list[object]]) -> None:
    rows = [row[:len(header)] for row in rows]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "x.xlsx"
        write_grid(path, header, rows)
        table = read_workbook(path, REF)["完成情况"]
    assert table.headers == header
    assert len(table.rows) <= len(rows)
    for schema in (EXECUTION, PLAN):
        problems = Problems()
        indicator_table(table, schema, problems)
        assert all(str(p.ref).startswith("data/2021/x.xlsx") for p in problems.items)
    for schema in (PROJECTS, STATISTICS, INVESTMENT):
        problems = Problems()
        record_table(table, schema, problems)
        assert all(str(p.ref).startswith("data/2021/x.xlsx") for p in problems.items)


@settings(max_examples=30)
@given(st.lists(names, min_size=1, max_size=6, unique=True), st.data())
def test_a_repeated_header_or_a_value_without_one_is_refused_with_its_cell(
        header: list[str], data: st.DataObject) -> None:
    repeated = data.draw(st.booleans())
    if repeated:
        grid_header, rows = [*header, header[0]], []
        expected = "data/2021/x.xlsx[完成情况]!" + "ABCDEFGH"[len(header)] + "1"
    else:
        grid_header, rows = header, [[*(None for _ in header), "孤值"]]
        expected = "data/2021/x.xlsx[完成情况]!" + "ABCDEFGH"[len(header)] + "2"
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "x.xlsx"
        write_grid(path, grid_header, rows)
        refused = read_workbook(path, REF)["完成情况"].problem  # an error where it is read
    assert str(refused).startswith(expected), str(refused)


@settings(max_examples=80)
@given(st.binary(max_size=600), st.sampled_from(["x.xlsx", "x.csv", "x.yaml", "x.txt"]))
def test_random_bytes_give_a_value_or_a_clean_error(data: bytes, name: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / name
        path.write_bytes(data)
        reader = {"x.xlsx": lambda: read_workbook(path, REF),
                  "x.csv": lambda: read_csv(path, "x", REF),
                  "x.yaml": lambda: read_yaml(path, REF),
                  "x.txt": lambda: read_text(path, REF)}[name]
        try:
            reader()
        except ReportgenError as exc:
            assert str(exc).startswith("data/2021/x.xlsx")
            # UTF-8 text is always text
            assert name != "x.txt" or not _is_utf8(data)


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True




@settings(max_examples=60)
@given(st.lists(st.lists(st.text(st.characters(blacklist_categories=("Cs",),
                                               blacklist_characters="\x00"), max_size=12),
                        min_size=2, max_size=2), min_size=1, max_size=6))
def test_csv_cells_read_back_cleaned(rows: list[list[str]]) -> None:
    import csv

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "x.csv"
        with path.open("w", encoding="utf-8-sig", newline="") as handle:
            csv.writer(handle).writerows([["名称", "类别"], *rows])
        table = read_csv(path, "x", REF)
    written = [[clean_text(c) for c in row] for row in rows if any(clean_text(c) for c in row)]
    read = [[row.get("名称").text, row.get("类别").text] for row in table.rows]
    assert read == written


@settings(max_examples=40)
@given(st.data())
def test_a_damaged_workbook_gives_tables_or_one_clean_error(data: st.DataObject) -> None:
    import io
    import zipfile

    from helpers.project import REPO

    original = REPO / "data" / "2021" / "indicators.xlsx"
    assert "完成情况" in read_workbook(original, REF)  # undamaged, it reads
    source = original.read_bytes()
    with zipfile.ZipFile(io.BytesIO(source)) as package:
        entries = {info.filename: package.read(info) for info in package.infolist()}
    name = data.draw(st.sampled_from(sorted(entries)))
    blob = bytearray(entries[name])
    for _ in range(data.draw(st.integers(min_value=1, max_value=8))):
        position = data.draw(st.integers(min_value=0, max_value=len(blob) - 1))
        blob[position] = data.draw(st.integers(min_value=0, max_value=255))
    entries[name] = bytes(blob)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "x.xlsx"
        with zipfile.ZipFile(path, "w") as package:
            for entry, content in entries.items():
                package.writestr(entry, content)
        try:
            read_workbook(path, REF)
        except ReportgenError as exc:
            assert str(exc).startswith("data/2021/x.xlsx")
