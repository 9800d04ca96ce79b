"""Read a whole year folder - its YAML, narrative and workbooks - reporting every unreadable
file at once."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from textwrap import indent
from typing import Any

from reportgen.data.sheets import Table, read_csv, read_workbook, readable
from reportgen.data.yamlfile import read_yaml
from reportgen.errors import ReportgenError, SourceRef
from reportgen.guard import LINK_TO_NOTHING
from reportgen.i18n import _
from reportgen.project import BOXES_YAML, NARRATIVE, REPORT_YAML, WORKBOOKS
from reportgen.textfile import read_text


@dataclass
class RawYear:
    """The files of one year folder, read but not yet interpreted."""

    year: int
    folder: Path
    report: Any
    report_ref: SourceRef
    boxes: Any
    boxes_ref: SourceRef
    narrative: str
    narrative_ref: SourceRef
    workbooks: dict[str, dict[str, Table]]
    workbook_refs: dict[str, SourceRef]


def read_workbook_or_csv(folder: Path, name: str, ref_of: Any
                         ) -> tuple[dict[str, Table], SourceRef] | None:
    """``name.xlsx``, or a folder ``name/`` of CSV files, one per sheet; None when the year
    has neither."""
    xlsx = folder / f"{name}.xlsx"
    csv_dir = folder / name
    if xlsx.exists() and csv_dir.is_dir():
        raise ReportgenError(
            _("both {name}.xlsx and the CSV folder {name}/ exist; keep one of them")
              .format(name=name),
            ref_of(folder),
        )
    if csv_dir.is_dir():
        tables = {}
        for path in sorted(csv_dir.glob("*.csv")):
            tables[path.stem] = readable(lambda p=path: read_csv(p, p.stem, ref_of(p)),
                                         path.stem, ref_of(path))
        return tables, ref_of(csv_dir)
    for candidate in (xlsx, folder / f"{name}.xls"):
        if candidate.is_symlink() and not candidate.exists():
            raise ReportgenError(_(LINK_TO_NOTHING), ref_of(candidate))
        if candidate.exists():
            if candidate.is_dir():
                raise ReportgenError(_("is a folder; expected an .xlsx workbook"),
                                     ref_of(candidate))
            return read_workbook(candidate, ref_of(candidate)), ref_of(candidate)
    return None


def read_year(year: int, folder: Path, ref_of: Any) -> RawYear:
    """Read every file of a year folder; all missing or unreadable files are reported at once."""
    failures: list[ReportgenError] = []

    def attempt(func: Any, *args: Any) -> Any:
        try:
            return func(*args)
        except ReportgenError as exc:
            failures.append(exc)
            return None

    def text_file(name: str, reader: Any, needed: bool = True) -> tuple[Any, SourceRef]:
        path = folder / name
        if path.exists():
            return attempt(reader, path, ref_of(path)), ref_of(path)
        if needed or path.is_symlink():
            failures.append(ReportgenError(_(LINK_TO_NOTHING) if path.is_symlink() else
                                           _("missing: every year folder needs this file"),
                                           ref_of(path)))
        return None, ref_of(path)

    report, report_ref = text_file(REPORT_YAML, read_yaml)
    boxes, boxes_ref = text_file(BOXES_YAML, read_yaml, needed=False)  # a report with no 专栏
    narrative, narrative_ref = text_file(NARRATIVE, read_text)
    workbooks: dict[str, dict[str, Table]] = {}
    workbook_refs: dict[str, SourceRef] = {}
    for name in WORKBOOKS:  # a year holds the workbooks its report uses
        found = attempt(read_workbook_or_csv, folder, name, ref_of)
        if found:
            workbooks[name], workbook_refs[name] = found
    if failures:
        if len(failures) == 1:
            raise failures[0]
        raise ReportgenError(
            _("{n_failures} problems reading {folder}:\n")
              .format(n_failures=len(failures), folder=ref_of(folder))
            + "\n".join(indent(str(failure), "  ") for failure in failures)
        )
    return RawYear(year, folder, report, report_ref, boxes, boxes_ref, narrative or "",
                   narrative_ref, workbooks, workbook_refs)
