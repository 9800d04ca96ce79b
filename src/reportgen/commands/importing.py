"""``reportgen import FILE [--year YEAR]``: a published report (.docx or .txt) in, a year
folder out that builds it back. Stages: read the file (refusing what is no report's), read its
parts into a year, refuse a year that exists, settle the parts against the build in memory,
bind the figures to the data and settle again, write the folder all at once with the report as
its official text, then build it and compare it with the report; the summary goes to stderr."""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from reportgen.console import Console
from reportgen.errors import ReportgenError, display_path
from reportgen.i18n import _
from reportgen.project import Project


@dataclass(frozen=True)
class Imported:
    folder: Path
    report: Path  # the report built from it
    same: bool  # the rebuilt report is the imported one, under the diff's rules
    summary: list[str]
    differences: str  # the diff's text, where they differ


def import_report(project: Project, path: Path, year: int | None = None) -> Imported:
    """Import the report at ``path`` as data/<year> (its plan year when not given)."""
    from reportgen.commands.build import build
    from reportgen.commands.diff import DiffRequest, run_diff
    from reportgen.diff.output import Options
    from reportgen.errors import Problems
    from reportgen.importer import summary
    from reportgen.importer.figures import Binder
    from reportgen.importer.recognise import recognise
    from reportgen.importer.source import compared, read_source
    from reportgen.importer.verify import raw_year, settle
    from reportgen.report import year as years
    from reportgen.word.text import read_pieces
    from reportgen.write import write_new_folder

    shown = display_path(path, project.root) if path.is_absolute() else path.as_posix()
    source = read_source(path, shown)
    imported, front = recognise(project, source, shown, year)
    folder = project.year_dir(imported.year)
    if os.path.lexists(folder):  # a link to nothing, too: never written through
        raise ReportgenError(_("exists already; reportgen import never overwrites a year"),
                             project.ref(folder),
                             _("Move it away, or import as another year with --year."))
    # the figures are bound to the data as it validates, then every part is settled at once
    data = years.collect(raw_year(project, imported), Problems(), project)
    tally = Binder(imported, data).bind()
    settle(project, imported, front)
    write_new_folder(folder, imported.files(), project.root)
    try:
        built = build(project, imported.year)
    except BaseException:  # all or nothing: no year left behind that does not build
        shutil.rmtree(folder, ignore_errors=True)
        raise
    # the diff's verdict under its default rules; where they differ, the diff's report of it
    same = compared(read_pieces(built.path)) == source.compared
    differences = "" if same else run_diff(project, DiffRequest(
        str(imported.year), options=Options(color=False))).output
    lines = summary.lines(imported, front, tally, project.ref(folder).file)
    lines.append(summary.rebuilt(project.ref(built.path).file, same, source.characters))
    return Imported(folder, built.path, same, lines, differences)


def run(project: Project, path: Path, year: int | None, console: Console) -> int:
    """The command: import, then report what it made; exit 1 when the rebuilt report
    differs from the one imported."""
    result = import_report(project, path, year)
    if result.differences:
        console.err(result.differences)
    for line in result.summary:
        console.err(line)
    console.out(project.ref(result.folder).file)
    return 0 if result.same else 1
