"""``reportgen draft``: next year's data folder from this year's, every value still to give
待填 (what becomes of each file: the README's "Drafting next year"). Stages: refuse an existing
year, read and validate the source year, roll its sheets and text files forward, write the new
folder all at once, then list what to fill in."""

from __future__ import annotations

import datetime as dt
import os
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
from reportgen.draft.texts import FILL, NewBox, boxes_text, narrative_text, report_text
from reportgen.errors import ReportgenError, SourceRef, UsageError
from reportgen.i18n import _
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
        raise UsageError(_("--from {source_year} is the year being drafted")
                         .format(source_year=source_year))
    if os.path.lexists(target):  # a link to nothing, too: never written through
        raise ReportgenError(
            _("exists already; reportgen draft never overwrites a year"), project.ref(target),
            _("Edit it to go on drafting, or move it away to draft it afresh."))
    raw, data = years.load(project, source_year)
    folder = raw.folder
    stamp = source_date(dt.date(year, 1, 1))
    files: dict[str, bytes] = {}
    made: dict[str, list[OutSheet]] = {}
    for name, build in (("indicators", indicator_sheets), ("projects", project_sheets),
                        ("statistics", statistics_sheets)):
        if name not in raw.workbook_refs:  # the year's report uses no such workbook
            continue
        source = raw.workbook_refs[name].file
        is_xlsx = source.endswith(".xlsx")
        widths = read_column_widths(folder / f"{name}.xlsx") if is_xlsx else {}
        readable = {n: t for n, t in raw.workbooks[name].items() if t.problem is None}
        made[name] = build(Sheets(readable, widths, data.meta.roles))
        if is_xlsx:
            files[f"{name}.xlsx"] = workbook_bytes(made[name], stamp)
        else:
            files.update({f"{name}/{s.name}.csv": csv_bytes(s) for s in made[name]})
    lists = {s.name for s in made.get("projects", [])}
    shown = {b.source for b in data.boxes.values()}
    carried = data.meta.roles.carried
    added = [NewBox(new, old, group) for new, old, group in carried
             if new in lists and new not in shown]
    short = data.meta.meeting_short
    title = years.rendered_title(data.meta, raw.report_ref)
    previous = (short if isinstance(short, str) and short else FILL,
                title if isinstance(title, str) else FILL)
    files[REPORT_YAML] = report_text(raw, year, previous).encode("utf-8")
    if (folder / BOXES_YAML).is_file():
        files[BOXES_YAML] = boxes_text(raw, added).encode("utf-8")
    narrative, placed = narrative_text(raw, data.boxes, added, (new for new, _, _ in carried))
    files[NARRATIVE] = narrative.encode("utf-8")
    write_new_folder(target, files, project.root)
    todo = checklist(project, raw, year, [] if placed else added)
    return Drafted(target, folder, todo)


def checklist(project: Project, raw: RawYear, year: int, unplaced: list[NewBox]) -> list[Todo]:
    """What the user fills in next, file by file: the drafted year read back and counted the
    way check and build count it (``report.todo``)."""
    from reportgen.errors import Problems
    from reportgen.report import year as years
    from reportgen.report.compose import compose
    from reportgen.report.todo import by_place, outstanding

    drafted_raw = years.read(project, year)
    data = years.collect(drafted_raw, Problems(), project)
    try:
        printed = compose(project, data)
        gaps, stale = outstanding(data, printed.gaps), printed.stale
    except ReportgenError:  # a template mistake: check will name it
        gaps, stale = outstanding(data), []
    new = project.ref(project.year_dir(year)).file
    old = project.ref(raw.folder).file
    review = year - 1
    notes = {
        EXECUTION_SHEET: _("{review}'s results against its targets").format(review=review),
        "上年重大项目": _("the {review} major projects, by 分组").format(review=review),
        "上年民心工程": _("what each 民心工程 achieved, and whether it was completed"),
        "上年完工项目": _("what each project due for completion achieved, and whether it was"),
        STATISTICS.sheet: _("the {review} figures the prose quotes").format(review=review),
        MAJOR_PROJECTS.sheet: _("{review}'s major projects by 投资类型").format(review=review),
        INVESTMENT.sheet: _("{year}'s planned projects by breakdown").format(year=year),
    }
    todo = []
    for place, found in by_place(gaps).items():
        first = found[0].ref
        sheet = first.sheet if isinstance(first, SourceRef) else None
        if sheet is None and place.endswith(".csv"):  # a sheet of a folder of CSV files
            sheet = place.rsplit("/", 1)[-1].removesuffix(".csv")
        if sheet is None:
            todo.append(Todo(place, "、".join(dict.fromkeys(g.what for g in found))
                             + _(" (marked 待填)")))
            continue
        if len(found) == 1 and isinstance(first, SourceRef) and first.row is None:
            before = place.replace(new, old, 1)
            projects = notes.get(sheet) or _("the {year} projects").format(year=year)
            todo.append(Todo(place, _("empty: list {projects}; last year's report: {before}")
                             .format(projects=projects, before=before)))
            continue
        columns = "、".join(dict.fromkeys(g.ref.column_name or "" for g in found
                                          if isinstance(g.ref, SourceRef)))
        values = notes.get(sheet) or _("the {year} values").format(year=year)
        todo.append(Todo(place, _("{values}: {count} cells to fill in ({columns})")
                         .format(values=values, count=len(found), columns=columns)))
    book = drafted_raw.workbook_refs.get("indicators")
    if book is not None:
        todo.append(Todo(str(book.at(sheet=PLAN_SHEET)), _("{year}'s targets, copied: edit "
                                                          "them into {year2}'s targets and 属性")
                                                           .format(year=raw.year, year2=year)))
    todo.append(Todo(f"{new}/narrative.txt", _("{year}'s prose, copied: rewrite it for "
                     "{review} and {year2}; {n_stale} paragraphs hold figures typed for "
                     "{year} (reportgen check {year2} lists them)")
                                               .format(year=raw.year, review=review, year2=year,
                                                       n_stale=len(stale))))
    for box in unplaced:
        todo.append(Todo(f"{new}/narrative.txt",
                         _("place the new 专栏 with a line [专栏：{key}]").format(key=box.key)))
    return todo


def run(project: Project, year: int, console: Console, source_year: int | None = None) -> int:
    """The command: draft the year, then print what to fill in next."""
    drafted = draft(project, year, source_year)
    new, old = (project.ref(p).file for p in (drafted.folder, drafted.source))
    console.out(_("drafted {new} from {old}; fill in next:").format(new=new, old=old))
    for item in drafted.todo:
        console.out(f"  {item}")
    console.out(_("then: reportgen check {year}, and reportgen build {year} (every value still "
                  "to fill in shows as a yellow 【待填：…】)").format(year=year))
    return 0
