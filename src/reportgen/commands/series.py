"""``reportgen series``: every year folder's indicators side by side.

Stages: find the year folders (data/NNNN), read each as the report reads it
(``report.year.load``: every problem of a year raised at once, with its place), put the years
side by side (``series.table``, with pandas), write output/series/指标历年.xlsx - the table and
line charts of the headline indicators - and 指标历年.csv. pandas is imported here only, never
by the build.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from reportgen.console import Console
from reportgen.errors import ReportgenError
from reportgen.i18n import N_, _
from reportgen.project import Project

#: The folder and the name of what ``series`` writes.
FOLDER, NAME = "series", "指标历年"
#: What the command says, in one place for translation.
TEXTS = {
    "no years": N_("no year folders (data/2021 …)"),
    "no years hint": N_("Run reportgen in the project folder, or pass --project DIR."),
    "reading": N_("reading {folders}"),
    "done": N_("{indicators} indicators over {years} year folder(s), {charts} charted"),
}


@dataclass(frozen=True)
class Written:
    years: list[int]  # the year folders read
    indicators: int
    charts: int
    paths: list[Path]


def year_folders(project: Project) -> list[int]:
    """The years that have a folder in data/, oldest first."""
    found = sorted(int(p.name) for p in project.data_dir.glob("[0-9][0-9][0-9][0-9]")
                   if p.is_dir())
    if not found:
        raise ReportgenError(_(TEXTS["no years"]), project.ref(project.data_dir),
                             _(TEXTS["no years hint"]))
    return found


def run_series(project: Project, notify: Callable[[str], None] = lambda _: None) -> Written:
    """Read every year, put them side by side, write the workbook and the CSV."""
    from reportgen.data.model import Gap
    from reportgen.report.year import load
    from reportgen.series.table import series
    from reportgen.series.workbook import csv_bytes, workbook_bytes
    from reportgen.series.years import all_records
    from reportgen.write import source_date, write_atomic

    years = year_folders(project)
    notify(_(TEXTS["reading"]).format(folders=", ".join(f"data/{y}" for y in years)))
    data = [load(project, year)[1] for year in years]
    table = series(all_records(data))
    newest = data[-1].meta.meeting_date
    stamp = source_date(newest if not isinstance(newest, Gap) else dt.date(years[-1], 1, 1))
    folder = project.root / "output" / FOLDER
    paths = [folder / f"{NAME}.xlsx", folder / f"{NAME}.csv"]
    write_atomic(paths[0], workbook_bytes(table, stamp), project.root)
    write_atomic(paths[1], csv_bytes(table), project.root)
    return Written(years, len(table.rows), len(table.headline), paths)


def run(project: Project, console: Console) -> int:
    written = run_series(project, console.err)
    console.err(_(TEXTS["done"]).format(indicators=written.indicators, years=len(written.years),
                                        charts=written.charts))
    for path in written.paths:
        console.out(project.ref(path).file)
    return 0
