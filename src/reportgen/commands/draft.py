"""``reportgen draft``: next year's data folder from this year's, every value still to give 待填.

What maps to what (documented in the README's "Drafting next year"):

* report.yaml: 年份 moved on, 会议.日期 and 会议.名称 待填, 标题 kept (it is a template);
* indicators: 完成情况 <- the old 计划目标 rows (targets and 属性 copied, results 待填, "—"
  where last year's table had none, 上年值 from last year's result for 提高…个百分点 targets);
  计划目标 <- a copy of the old 计划目标, to edit;
* projects: the lists of last year's planned work become lists to report on (``REPORTED``),
  with 完成情况 and 是否完工 待填; every other list starts empty under its header;
* statistics: names, units, notes and breakdowns kept, every value 待填;
* narrative.txt copied (its years are {{ 上年 }}/{{ 本年 }}), boxes.yaml adapted.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from reportgen.data.folder import RawYear
from reportgen.data.schema import EXECUTION, PLAN, STAT_TABLES
from reportgen.data.sheet_writer import OutCell, OutSheet
from reportgen.data.sheets import Cell, Table
from reportgen.data.targets import parse_target
from reportgen.draft.texts import COMPLETED_BOX, FILL, boxes_text, narrative_text, report_text
from reportgen.errors import ReportgenError, UsageError
from reportgen.project import BOXES_YAML, NARRATIVE, REPORT_YAML, Project

#: Lists of last year's planned work that the new year reports on:
#: new sheet <- (old sheet, only the rows of this 分组 or all).
REPORTED = {
    "上年民心工程": ("本年民心工程", None),
    "上年完工项目": ("政府投资重点项目", "完工项目"),
}
_NUMERIC = ("number", "measure", "percent", "int")


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


class _Sheets:
    """Builds the new sheets of one workbook from the old one, keeping headers and widths."""

    def __init__(self, tables: dict[str, Table], widths: dict[str, dict[int, float]]):
        self.tables = tables
        self.widths = widths

    def start(self, name: str, keys: list[str], *like: str) -> OutSheet:
        """An empty sheet with these columns, headers and widths as the old sheets ``like``
        had them."""
        headers: list[str] = []
        widths: dict[int, float] = {}
        for index, key in enumerate(keys, start=1):
            for old in (self.tables[n] for n in like if n in self.tables):
                if key in old.header_refs:
                    headers.append(old.header_texts.get(key, key))
                    width = self.widths.get(old.name, {}).get(old.header_refs[key].column or 0)
                    if width:
                        widths[index] = width
                    break
            else:
                headers.append(key)
        return OutSheet(name, headers, widths=widths)

    def copy(self, table: Table, fill: tuple[str, ...] = ()) -> OutSheet:
        """The sheet as it is, but 待填 in the ``fill`` columns where it has a value."""
        sheet = self.start(table.name, table.headers, table.name)
        for row in table.rows:
            sheet.rows.append([_to_fill(row.get(k)) if k in fill and row.get(k).text
                               else _copy(row.get(k)) for k in table.headers])
        return sheet


def _copy(cell: Cell) -> OutCell:
    return OutCell(cell.text, cell.number_format)


def _to_fill(cell: Cell) -> OutCell:
    return OutCell(FILL, cell.number_format)


def execution_sheet(sheets: _Sheets) -> OutSheet | None:
    """The new 完成情况: last year's targets, results to fill in."""
    plan, done = sheets.tables.get("计划目标"), sheets.tables.get("完成情况")
    if plan is None:
        return None
    columns = EXECUTION.names
    sheet = sheets.start("完成情况", columns, "完成情况", "计划目标")
    previous = {row.get("指标名称").text: row for row in (done.rows if done else [])}
    for row in plan.rows:
        name = row.get("指标名称").text
        before = previous.get(name)
        cells = {key: _copy(row.get(key)) for key in PLAN.names}
        for key in ("绝对值", "增速"):
            old = before.get(key) if before else Cell("", row.ref)
            cells[key] = _copy(old) if old.text == "—" else _to_fill(old)
        if parse_target(row.get("计划目标").text).op == "increase":
            result = before and before.get("增速" if "增速" in name else "绝对值")
            cells["上年值"] = (_copy(result) if result and result.text not in ("", "—")
                             else OutCell(FILL))
        sheet.rows.append([cells.get(key, OutCell()) for key in columns])
    return sheet


def reported_sheet(sheets: _Sheets, name: str) -> OutSheet | None:
    """A list of last year's planned work, to report on: 完成情况 and 是否完工 待填."""
    source_name, group = REPORTED[name]
    source = sheets.tables.get(source_name)
    if source is None:
        return None
    rows = [r for r in source.rows if group is None or r.get("分组").text == group]
    if group is not None and not rows:
        return None
    keys = [k for k in source.headers if k not in ("完成情况", "是否完工")
            and not (group is not None and k == "分组")] + ["完成情况", "是否完工"]
    sheet = sheets.start(name, keys, name, source_name)
    for row in rows:
        sheet.rows.append([OutCell(FILL) if k in ("完成情况", "是否完工") else _copy(row.get(k))
                           for k in keys])
    return sheet


def project_sheets(sheets: _Sheets) -> list[OutSheet]:
    out: list[OutSheet] = []
    added = [n for n in REPORTED if n not in sheets.tables]
    for name, table in sheets.tables.items():
        made = reported_sheet(sheets, name) if name in REPORTED else None
        out.append(made or sheets.start(name, table.headers, name))
        if name in REPORTED:
            out += [s for n in added if (s := reported_sheet(sheets, n)) is not None]
            added = []
    return out + [s for n in added if (s := reported_sheet(sheets, n)) is not None]


def statistics_sheets(sheets: _Sheets) -> list[OutSheet]:
    schemas = {s.sheet: s for s in STAT_TABLES}
    out = []
    for name, table in sheets.tables.items():
        schema = schemas.get(name)
        fill = tuple(c.name for c in schema.columns if c.type in _NUMERIC) if schema else ()
        out.append(sheets.copy(table, fill))
    return out


def indicator_sheets(sheets: _Sheets) -> list[OutSheet]:
    out = []
    for name, table in sheets.tables.items():
        if name == "完成情况":
            continue
        if name == "计划目标":
            execution = execution_sheet(sheets)
            out += [execution] if execution else []
        out.append(sheets.copy(table))
    return out


def draft(project: Project, year: int, source_year: int | None = None) -> Drafted:
    """Create data/<year> from data/<source_year> (default: the year before); never overwrites."""
    from reportgen.data.folder import read_year
    from reportgen.data.sheet_writer import csv_bytes, workbook_bytes
    from reportgen.data.sheets import read_column_widths
    from reportgen.data.validate import validate_year
    from reportgen.write import source_date, write_new_folder

    source_year = source_year or year - 1
    target = project.year_dir(year)
    if source_year == year:
        raise UsageError(f"--from {source_year} is the year being drafted")
    if target.exists():
        raise ReportgenError(
            "exists already; reportgen draft never overwrites a year", project.ref(target),
            "Edit it to go on drafting, or move it away to draft it afresh.")
    folder = project.existing_year_dir(source_year)
    raw = read_year(source_year, folder, project.ref)
    data = validate_year(raw)
    stamp = source_date(dt.date(year, 1, 1))
    files: dict[str, bytes] = {}
    made: dict[str, list[OutSheet]] = {}
    for name, build in (("indicators", indicator_sheets), ("projects", project_sheets),
                        ("statistics", statistics_sheets)):
        source = raw.workbook_refs[name].file
        is_xlsx = source.endswith(".xlsx")
        widths = read_column_widths(folder / f"{name}.xlsx") if is_xlsx else {}
        made[name] = build(_Sheets(raw.workbooks[name], widths))
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
        "完成情况": f"{review}'s results against its targets",
        "计划目标": f"{raw.year}'s targets, copied: edit them into {year}'s targets and 属性",
        "上年重大项目": f"the {review} major projects, by 分组",
        "上年民心工程": "what each 民心工程 achieved, and whether it was completed",
        "上年完工项目": "what each project due for completion achieved, and whether it was",
        "统计": f"the {review} figures the prose quotes",
        "重大项目执行": f"{review}'s major projects by 投资类型",
        "投资计划": f"{year}'s planned projects by breakdown",
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
            elif sheet.name == "计划目标":
                todo.append(Todo(here, note))
    todo.append(Todo(f"{new}/narrative.txt", f"{raw.year}'s prose, copied: rewrite it for "
                     f"{review} and {year} (its years follow report.yaml)"))
    if not box_placed:
        todo.append(Todo(f"{new}/narrative.txt",
                         f"place the new 专栏 with a line [专栏：{COMPLETED_BOX}]"))
    return todo
