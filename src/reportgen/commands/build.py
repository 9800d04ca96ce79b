"""``reportgen build``: a year's data and the templates -> the report, as a list of stages:
layout settings, the year read and validated, the body composed, the Word template rendered,
the file written; then, on request, the PDF and pictures of it."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from reportgen.console import Console
from reportgen.data.model import Gap
from reportgen.errors import ReportgenError, display_path
from reportgen.i18n import _
from reportgen.project import Project

#: The folder beside the report that holds the pictures of its pages and 专栏.
PREVIEW_DIR = "preview"


@dataclass(frozen=True)
class Built:
    path: Path
    gaps: list[Gap]  # everything left to fill in (report.todo)
    warnings: tuple[str, ...]
    stale: tuple[str, ...] = ()  # paragraphs carried over from last year, for review


#: The most bytes (UTF-8) of a report's file name: a file name has at most 255 - in bytes, so
#: that 85 Chinese characters fill it - and LibreOffice's lock file (.~lock.<name>#) and the
#: PDF beside the report need room too.
MAX_NAME_BYTES = 200


def output_name(title: str) -> str:
    """The report's file name: its title on one line, without characters Windows refuses, cut
    where it would be longer than a file name may be."""
    from reportgen.word.document import strip_gap_marks

    name = re.sub(r'[\\/:*?"<>|\s]+', "", strip_gap_marks(title)).lstrip(".")  # not hidden
    room = MAX_NAME_BYTES - len(".docx")
    name = name.encode("utf-8")[:room].decode("utf-8", errors="ignore")
    return (name or "report") + ".docx"


def build(project: Project, year: int, strict: bool = False) -> Built:
    """Build data/<year> into output/<year>/<title>.docx."""
    from reportgen.checks.markup import markup_problems
    from reportgen.report import year as years
    from reportgen.report.compose import compose
    from reportgen.report.stale import message
    from reportgen.report.todo import outstanding
    from reportgen.word.document import render_report
    from reportgen.word.layout import load_layout
    from reportgen.write import source_date, write_atomic

    layout, overrides = load_layout(project.config_path, project.ref(project.config_path))
    _raw, data = years.load(project, year)
    composed = compose(project, data)
    meeting = data.meta.meeting_date
    stamp = source_date(meeting if isinstance(meeting, dt.date) else dt.date(year, 1, 1))
    document = render_report(project.template_path, project.root, composed.context, overrides,
                             layout, composed.gaps, stamp)
    gaps = outstanding(data, composed.gaps)
    where = data.narrative_ref
    stale = tuple(f"{where.at(line=item.line)}: {message(item, year)}"
                  for item in composed.stale)
    if strict and (gaps or stale):
        raise ReportgenError(
            _("{n_gaps} value(s) still to fill in and {n_stale} paragraph(s) of last "
              "year's to review; not building with --strict:\n")
              .format(n_gaps=len(gaps), n_stale=len(stale))
            + "\n".join([*(f"  {gap.ref}: {gap.what}" for gap in gaps),
                         *(f"  {line}" for line in stale)]))
    path = project.output_dir(year) / output_name(composed.context["标题"])
    write_atomic(path, document, project.root)
    warnings = data.warnings + tuple(f"{where.at(line=line)}: {what}"
                                     for line, what in markup_problems(data.narrative))
    return Built(path, gaps, warnings, stale)


def export(docx: Path, root: Path | None = None, pictures: bool = False,
           console: Console | None = None) -> list[Path]:
    """Write ``<docx>.pdf`` (LibreOffice) and, with ``pictures``, ``preview/page-NN.png`` and
    ``preview/box-N.png`` (poppler); returns what was written: the PDF, then the folder. Each
    step is shown on ``console`` with the time it took."""
    from reportgen.word.pdf import write_pdf
    from reportgen.word.preview import write_previews

    console = console or Console()
    with console.step(_("converting to PDF with LibreOffice")):
        pdf = write_pdf(docx, root)
    if not pictures:
        return [pdf]
    folder = docx.parent / PREVIEW_DIR
    with console.step(_("making pictures of the pages and 专栏")):
        write_previews(pdf, folder, root, console=console)
    return [pdf, folder]


def run(project: Project, year: int, console: Console, strict: bool = False, pdf: bool = False,
        png: bool = False) -> int:
    """The command: build, list what is still to fill in, convert when asked; exit status."""
    from reportgen.report.todo import todo_lines

    built = build(project, year, strict=strict)
    for warning in built.warnings:
        console.err(_("warning: {warning}").format(warning=warning))
    if built.stale:
        console.err(_("{n_stale} paragraph(s) are last year's word for word, with "
                      "typed figures (marked in the document):").format(n_stale=len(built.stale)))
        for line in built.stale:
            console.err(f"  {line}")
    if built.gaps:
        console.err(_("{n_gaps} value(s) still to fill in (those the report prints are "
                      "highlighted 【待填】 in the document):").format(n_gaps=len(built.gaps)))
        for line in todo_lines(built.gaps):
            console.err(f"  {line}")
    console.out(display_path(built.path, project.root))
    if pdf or png:
        for path in export(built.path, project.root, pictures=png, console=console):
            console.out(display_path(path, project.root))
    return 0
