"""`reportgen series` over ten year folders against the import of the libraries it loads.

    python benchmarks/bench_series.py [--rounds N] [--years N]

The scratch project holds ten years, 2012-2021: the shipped 2021 folder copied under each year,
its 年份 moved back and its results changed a little per year (so no two years share a workbook,
nor a cache entry), and a “十四五”目标 column in the newest plan. Each round runs the commands as
new processes, alternating; medians are compared. Goal: series / `import pandas, openpyxl`
<= 2. Timed with the cache of workbook cells as a second run finds it, and with
REPORTGEN_CACHE=off, as the first run over new workbooks does.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from decimal import Decimal
from pathlib import Path

import openpyxl
from common import BIN, alternate, report, scratch_project


def _results(book: Path, shift: int) -> None:
    """Move every number of 完成情况's 绝对值 and 增速 by ``shift`` tenths."""
    workbook = openpyxl.load_workbook(book)
    sheet = workbook["完成情况"]
    headers = [str(c.value or "").split("（")[0] for c in sheet[1]]
    for name in ("绝对值", "增速"):
        column = headers.index(name) + 1
        for row in range(2, sheet.max_row + 1):
            cell = sheet.cell(row, column)
            if isinstance(cell.value, (int, float)) and not isinstance(cell.value, bool):
                cell.value = float(Decimal(str(cell.value)) + Decimal(shift) / 10)
    workbook.save(book)


def ten_years(root: Path, count: int) -> Path:
    project = scratch_project(root)
    source = project / "data" / "2021"
    for year in range(2021 - count + 1, 2021):
        target = project / "data" / str(year)
        shutil.copytree(source, target)
        meta = (target / "report.yaml").read_text("utf-8")
        meta = meta.replace("上年: 2020", f"上年: {year - 1}")
        meta = meta.replace("本年: 2021", f"本年: {year}")
        (target / "report.yaml").write_text(meta, encoding="utf-8")
        _results(target / "indicators.xlsx", 2021 - year)
    book = openpyxl.load_workbook(source / "indicators.xlsx")
    sheet = book["计划目标"]
    column = sheet.max_column + 1
    sheet.cell(1, column).value = "“十四五”目标"
    for row in range(2, sheet.max_row + 1):
        if sheet.cell(row, 3).value == "地区生产总值增速":
            sheet.cell(row, column).value = "7"
    book.save(source / "indicators.xlsx")
    return project


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--years", type=int, default=10)
    args = parser.parse_args()
    reportgen = str(BIN / "reportgen")
    with tempfile.TemporaryDirectory() as tmp:
        project = ten_years(Path(tmp) / "project", args.years)
        os.environ["REPORTGEN_CACHE_DIR"] = str(Path(tmp) / "cache")
        off = [sys.executable, "-c", "import os, sys; os.environ['REPORTGEN_CACHE'] = 'off'; "
               "from reportgen.cli import main; sys.argv[0] = 'reportgen'; main()", "series"]
        times = alternate({
            "import pandas, openpyxl": [sys.executable, "-c", "import pandas, openpyxl"],
            f"reportgen series ({args.years} y)": [reportgen, "series"],
            "series, cache off": off,
        }, project, args.rounds)
        written = (project / "output" / "series" / "指标历年.csv").read_text("utf-8-sig")
    print(f"cold processes, alternated ({len(written.splitlines()) - 1} indicators):")
    medians = report(times)
    floor = medians["import pandas, openpyxl"]
    print(f"ratio series / import pandas, openpyxl = "
          f"{medians[f'reportgen series ({args.years} y)'] / floor:.2f}  (goal <= 2)")
    print(f"ratio series with the cache off / import pandas, openpyxl = "
          f"{medians['series, cache off'] / floor:.2f}")


if __name__ == "__main__":
    main()
