"""Read a whole year folder - its YAML, narrative and workbooks - reporting every unreadable
file at once."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reportgen.data.sheets import Table, read_csv, read_workbook, readable
from reportgen.data.yamlfile import read_yaml
from reportgen.errors import ReportgenError, SourceRef
from reportgen.guard import LINK_TO_NOTHING
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
                         ) -> tuple[dict[str, Table], SourceRef]:
    """``name.xlsx``, or a folder ``name/`` of CSV files, one per sheet."""
    xlsx = folder / f"{name}.xlsx"
    csv_dir = folder / name
    if xlsx.exists() and csv_dir.is_dir():
        raise ReportgenError(
            f"both {name}.xlsx and the CSV folder {name}/ exist; keep one of them",
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
            raise ReportgenError(LINK_TO_NOTHING, ref_of(candidate))
        if candidate.exists():
            if candidate.is_dir():
                raise ReportgenError("is a folder; expected an .xlsx workbook", ref_of(candidate))
            return read_workbook(candidate, ref_of(candidate)), ref_of(candidate)
    raise ReportgenError(
        f"missing: expected {name}.xlsx (or a folder {name}/ of UTF-8 CSV files)",
        ref_of(xlsx),
    )


def read_year(year: int, folder: Path, ref_of: Any) -> RawYear:
    """Read every file of a year folder; all missing or unreadable files are reported at once."""
    failures: list[ReportgenError] = []

    def attempt(func: Any, *args: Any) -> Any:
        try:
            return func(*args)
        except ReportgenError as exc:
            failures.append(exc)
            return None

    def text_file(name: str) -> tuple[Path, SourceRef]:
        path = folder / name
        if not path.exists():
            failures.append(ReportgenError(LINK_TO_NOTHING if path.is_symlink() else
                                           "missing: every year folder needs this file",
                                           ref_of(path)))
        return path, ref_of(path)

    report_path, report_ref = text_file(REPORT_YAML)
    boxes_path, boxes_ref = text_file(BOXES_YAML)
    narrative_path, narrative_ref = text_file(NARRATIVE)
    report = attempt(read_yaml, report_path, report_ref) if report_path.exists() else None
    boxes = attempt(read_yaml, boxes_path, boxes_ref) if boxes_path.exists() else None
    narrative = (attempt(read_text, narrative_path, narrative_ref)
                 if narrative_path.exists() else None)
    workbooks: dict[str, dict[str, Table]] = {}
    workbook_refs: dict[str, SourceRef] = {}
    for name in WORKBOOKS:
        found = attempt(read_workbook_or_csv, folder, name, ref_of)
        if found is not None:
            workbooks[name], workbook_refs[name] = found
    if failures:
        if len(failures) == 1:
            raise failures[0]
        raise ReportgenError(
            f"{len(failures)} problems reading {ref_of(folder)}:\n"
            + "\n".join(f"  {failure}" for failure in failures)
        )
    return RawYear(year, folder, report, report_ref, boxes, boxes_ref, narrative or "",
                   narrative_ref, workbooks, workbook_refs)
