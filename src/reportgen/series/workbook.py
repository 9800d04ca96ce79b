"""The series as files: an Excel workbook - the table, native Excel line charts of the headline
indicators (result against target, year by year) and the charts' figures - and the table as
CSV. Written through openpyxl as bytes, the same bytes for the same data."""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile
from decimal import Decimal
from itertools import groupby
from typing import Any

from reportgen.data.targets import parse_target
from reportgen.series.table import Series, SeriesRow
from reportgen.series.years import FIELDS, TO_FILL

#: The sheets of the workbook.
TABLE, CHARTS, CHART_DATA = "指标历年", "图表", "图表数据"
HEADER_FILL = "DDEBF7"
STATUS_FILLS = {"完成": "C6EFCE", "超额完成": "C6EFCE", "基本完成": "C6EFCE", "未完成": "FFC7CE",
                "需人工判断": "FFEB9C", TO_FILL: "FFFF00"}
RESULT, TARGET = "结果", "目标"
PROGRESS_HEADERS = ("完成度（%）", "时间进度（%）", "进度说明")
#: Charts per row of the chart sheet, and the rows and columns each takes.
CHARTS_ACROSS, CHART_ROWS, CHART_COLUMNS = 2, 16, 9


def five_year_header(series: Series) -> str:
    """The header of the five-year target column: the plan's name when there is one."""
    return f"“{series.plans[0]}”目标" if len(series.plans) == 1 else "五年规划目标"


def headers(series: Series) -> list[str]:
    """The table's columns in one row each (as the CSV has them)."""
    columns = ["类别", "指标", "属性"]
    columns += [f"{year}年{name}" for year in series.years for name in FIELDS]
    if series.plans:
        columns += [five_year_header(series), *PROGRESS_HEADERS]
    return columns


def _values(series: Series, row: SeriesRow) -> list[Any]:
    values = [row.category, row.name, row.attribute]
    values += [row.values[(year, name)] for year in series.years for name in FIELDS]
    if series.plans:
        moving = row.progress
        values += [(f"{row.plan.name}: " if len(series.plans) > 1 and row.plan else "")
                   + str(row.five_year) if row.five_year is not None else None,
                   moving.done if moving else None, moving.time if moving else None,
                   moving.text if moving else None]
    return values


def csv_bytes(series: Series) -> bytes:
    """The table as UTF-8 CSV with a BOM (what Excel and WPS open as Chinese text)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(headers(series))
    for row in series.rows:
        writer.writerow(["" if v is None else str(v) for v in _values(series, row)])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def _number_format(value: Decimal) -> str:
    places = max(0, -int(value.as_tuple().exponent))
    return "0." + "0" * places if places else "0"


def _put(cell: Any, value: Any) -> None:
    if isinstance(value, Decimal):
        cell.value = value
        cell.number_format = _number_format(value)
    elif isinstance(value, str):
        cell.value = value
        cell.data_type = "s"  # text, never a formula
    else:
        cell.value = value


def _table_sheet(sheet: Any, series: Series) -> None:
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter

    line = Side(style="thin", color="8C959F")
    border = Border(left=line, right=line, top=line, bottom=line)
    centre = Alignment(horizontal="center", vertical="center", wrap_text=True)
    fixed = ["类别", "指标", "属性"]
    tail = [five_year_header(series), *PROGRESS_HEADERS] if series.plans else []
    column = 1
    for name in fixed:
        sheet.cell(1, column, name)
        sheet.merge_cells(start_row=1, start_column=column, end_row=2, end_column=column)
        column += 1
    for year in series.years:
        sheet.cell(1, column, f"{year}年")
        sheet.merge_cells(start_row=1, start_column=column, end_row=1,
                          end_column=column + len(FIELDS) - 1)
        for offset, name in enumerate(FIELDS):
            sheet.cell(2, column + offset, name)
        column += len(FIELDS)
    for name in tail:
        sheet.cell(1, column, name)
        sheet.merge_cells(start_row=1, start_column=column, end_row=2, end_column=column)
        column += 1
    width = column - 1
    for header_row in (1, 2):
        for index in range(1, width + 1):
            cell = sheet.cell(header_row, index)
            cell.font, cell.alignment, cell.border = Font(bold=True), centre, border
            cell.fill = PatternFill("solid", fgColor=HEADER_FILL)
    for number, row in enumerate(series.rows, start=3):
        for index, value in enumerate(_values(series, row), start=1):
            cell = sheet.cell(number, index)
            _put(cell, value)
            cell.border = border
            left = index in (1, 2, width)
            cell.alignment = Alignment(vertical="center", wrap_text=True,
                                       horizontal=None if left else "center")
            if value in STATUS_FILLS:
                cell.fill = PatternFill("solid", fgColor=STATUS_FILLS[value])
    # 类别 merged over the rows that share it, as the report prints it
    first = 3
    for _, group in groupby(row.category for row in series.rows):
        count = len(list(group))
        if count > 1:
            sheet.merge_cells(start_row=first, start_column=1, end_row=first + count - 1,
                              end_column=1)
        first += count
    widths = {1: 12, 2: 30, 3: 8}
    for index in range(1, width + 1):
        letter = get_column_letter(index)
        sheet.column_dimensions[letter].width = widths.get(index, 11)
    if tail:
        sheet.column_dimensions[get_column_letter(width)].width = 36
    sheet.freeze_panes = "D3"
    sheet.print_title_rows = "1:2"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True


def _target_value(value: Any) -> Decimal | None:
    if value in (None, TO_FILL):
        return None
    return parse_target(str(value)).value


def _charts(book: Any, series: Series) -> None:
    """A line chart per headline indicator: its result and its target, year by year."""
    from openpyxl.chart import LineChart, Reference
    from openpyxl.chart.series import SeriesLabel

    rows = series.headline
    if not rows:
        return
    data = book.create_sheet(CHART_DATA)
    data.cell(1, 1, "年份")
    for number, year in enumerate(series.years, start=2):
        data.cell(number, 1, year)
    for index, row in enumerate(rows):
        result_column, target_column = 2 + 2 * index, 3 + 2 * index
        data.cell(1, result_column, f"{row.name}{RESULT}")
        data.cell(1, target_column, f"{row.name}{TARGET}")
        for number, year in enumerate(series.years, start=2):
            result = row.values[(year, RESULT)]
            _put(data.cell(number, result_column), result if isinstance(result, Decimal)
                 else None)
            _put(data.cell(number, target_column), _target_value(row.values[(year, TARGET)]))
    sheet = book.create_sheet(CHARTS, 1)
    last = len(series.years) + 1
    years = Reference(data, min_col=1, min_row=2, max_row=last)
    for index, row in enumerate(rows):
        chart = LineChart()
        chart.title = row.name
        chart.height, chart.width = 7.5, 15
        chart.y_axis.title = row.name.rpartition("（")[2].rstrip("）") or None
        chart.x_axis.title = "年份"
        chart.add_data(Reference(data, min_col=2 + 2 * index, max_col=3 + 2 * index,
                                 min_row=1, max_row=last), titles_from_data=True)
        chart.set_categories(years)
        result, target = chart.series
        result.tx, target.tx = SeriesLabel(v=RESULT), SeriesLabel(v=TARGET)
        result.marker.symbol, target.marker.symbol = "circle", "triangle"
        result.smooth = target.smooth = False
        target.graphicalProperties.line.dashStyle = "dash"
        # openpyxl hides the axes unless told otherwise (LibreOffice and WPS follow it)
        chart.x_axis.delete = chart.y_axis.delete = False
        across, down = index % CHARTS_ACROSS, index // CHARTS_ACROSS
        anchor = sheet.cell(1 + down * CHART_ROWS, 1 + across * CHART_COLUMNS).coordinate
        sheet.add_chart(chart, anchor)
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True


def workbook_bytes(series: Series, stamp: dt.datetime) -> bytes:
    """The workbook: the table, the charts, the charts' figures; stamped ``stamp``."""
    import openpyxl
    from openpyxl.writer.excel import ExcelWriter

    from reportgen.write import fixed_zip

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = TABLE
    _table_sheet(sheet, series)
    _charts(book, series)
    book.properties.creator = "reportgen"
    book.properties.title = TABLE
    book.properties.created = book.properties.modified = stamp
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(book, archive).save()
    return fixed_zip(buffer.getvalue(), stamp)
