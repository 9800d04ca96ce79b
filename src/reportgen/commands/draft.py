"""``reportgen draft``: next year's data folder from this year's, every value still to give
待填 (what becomes of each file: the README's "Drafting next year"). Stages: refuse an existing
year, read and validate the source year, roll its sheets and text files forward, write the new
folder all at once, then list what to fill in."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from reportgen.console import Console
from reportgen.data.folder import RawYear
from reportgen.data.schema import (
    EXECUTION_SHEET,
    INVESTMENT,
    MAJOR_PROJECTS,
    PLAN_SHEET,
    STATISTICS,
)
from reportgen.data.sheet_writer import OutSheet
from reportgen.draft.sheets import Sheets, indicator_sheets, project_sheets, statistics_sheets
from reportgen.draft.texts import COMPLETED_BOX, FILL, boxes_text, narrative_text, report_text
from reportgen.errors import ReportgenError, UsageError
from reportgen.project import BOXES_YAML, NARRATIVE, REPORT_YAML, Project


@dataclass(frozen=True)
class Todo:
    """One line of the checklist printed after drafting."""

    place: str
    what: str

    def __str__(self) -> str:
        return f"[ ] {self.place}: {self.what}"


@dataclass(frozen=True)
class Drafted:
    folder: Path
    source: Path
    todo: list[Todo]


def draft(project: Project, year: int, source_year: int | None = None) -> Drafted:
    """Create data/<year> from data/<source_year> (default: the year before); never overwrites."""
    from reportgen.data.sheet_writer import csv_bytes, workbook_bytes
    from reportgen.data.sheets import read_column_widths
    from reportgen.report import year as years
    from reportgen.write import source_date, write_new_folder

    source_year = source_year or year - 1
    target = project.year_dir(year)
    if source_year == year:
        raise UsageError(f"--from {source_year} is the year being drafted")
    if target.exists():
        raise ReportgenError(
            "exists already; reportgen draft never overwrites a year", project.ref(target),
            "Edit it to go on drafting, or move it away to draft it afresh.")
    raw, data = years.load(project, source_year)
    folder = raw.folder
    stamp = source_date(dt.date(year, 1, 1))
    files: dict[str, bytes] = {}
    made: dict[str, list[OutSheet]] = {}
    for name, build in (("indicators", indicator_sheets), ("projects", project_sheets),
                        ("statistics", statistics_sheets)):
        source = raw.workbook_refs[name].file
        is_xlsx = source.endswith(".xlsx")
        widths = read_column_widths(folder / f"{name}.xlsx") if is_xlsx else {}
        made[name] = build(Sheets(raw.workbooks[name], widths))
        if is_xlsx:
            files[f"{name}.xlsx"] = workbook_bytes(made[name], stamp)
        else:
            files.update({f"{name}/{s.name}.csv": csv_bytes(s) for s in made[name]})
    lists = {s.name for s in made["projects"]}
    add_box = "上年完工项目" in lists and not any(
        b.source == "上年完工项目" for b in data.boxes.values())
    files[REPORT_YAML] = report_text(raw, year).encode("utf-8")
    files[BOXES_YAML] = boxes_text(raw, add_box).encode("utf-8")
    narrative, placed = narrative_text(raw, data.boxes, add_box)
    files[NARRATIVE] = narrative.encode("utf-8")
    write_new_folder(target, files, project.root)
    todo = checklist(project, raw, year, made, placed or not add_box)
    return Drafted(target, folder, todo)


def _place(folder: str, book: str, sheet: str, xlsx: bool) -> str:
    return f"{folder}/{book}.xlsx[{sheet}]" if xlsx else f"{folder}/{book}/{sheet}.csv"


def checklist(project: Project, raw: RawYear, year: int, made: dict[str, list[OutSheet]],
              box_placed: bool) -> list[Todo]:
    """What the user fills in next, file by file."""
    new = project.ref(project.year_dir(year)).file
    old = project.ref(raw.folder).file
    review = year - 1
    todo = [Todo(f"{new}/report.yaml", "会议.日期 and 会议.名称 (marked 待填)")]
    notes = {
        EXECUTION_SHEET: f"{review}'s results against its targets",
        PLAN_SHEET: f"{raw.year}'s targets, copied: edit them into {year}'s targets and 属性",
        "上年重大项目": f"the {review} major projects, by 分组",
        "上年民心工程": "what each 民心工程 achieved, and whether it was completed",
        "上年完工项目": "what each project due for completion achieved, and whether it was",
        STATISTICS.sheet: f"the {review} figures the prose quotes",
        MAJOR_PROJECTS.sheet: f"{review}'s major projects by 投资类型",
        INVESTMENT.sheet: f"{year}'s planned projects by breakdown",
    }
    for book, sheets in made.items():
        xlsx = raw.workbook_refs[book].file.endswith(".xlsx")
        for sheet in sheets:
            note = notes.get(sheet.name, f"the {year} projects")
            marked = [sheet.headers[i] for i in range(len(sheet.headers))
                      if any(len(r) > i and r[i].text == FILL for r in sheet.rows)]
            count = sum(c.text == FILL for r in sheet.rows for c in r)
            here = _place(new, book, sheet.name, xlsx)
            if not sheet.rows and book == "projects":
                before = (f"; last year's report: {_place(old, book, sheet.name, xlsx)}"
                          if sheet.name in raw.workbooks[book] else "")
                todo.append(Todo(here, f"empty: list {note}{before}"))
            elif count:
                todo.append(Todo(here, f"{note}: {count} cells marked 待填 "
                                       f"({'、'.join(marked)})"))
            elif sheet.name == PLAN_SHEET:
                todo.append(Todo(here, note))
    todo.append(Todo(f"{new}/narrative.txt", f"{raw.year}'s prose, copied: rewrite it for "
                     f"{review} and {year} (its years follow report.yaml)"))
    if not box_placed:
        todo.append(Todo(f"{new}/narrative.txt",
                         f"place the new 专栏 with a line [专栏：{COMPLETED_BOX}]"))
    return todo


def run(project: Project, year: int, console: Console, source_year: int | None = None) -> int:
    """The command: draft the year, then print what to fill in next."""
    drafted = draft(project, year, source_year)
    new, old = (project.ref(p).file for p in (drafted.folder, drafted.source))
    console.out(f"drafted {new} from {old}; fill in next:")
    for item in drafted.todo:
        console.out(f"  {item}")
    console.out(f"then: reportgen check {year}, and reportgen build {year} (every value still "
                "to fill in shows as a yellow 【待填：…】)")
    return 0
