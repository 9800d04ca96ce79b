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
from reportgen.errors import ReportgenError, display_path, place_key
from reportgen.project import Project

#: The folder beside the report that holds the pictures of its pages and 专栏.
PREVIEW_DIR = "preview"


@dataclass(frozen=True)
class Built:
    path: Path
    gaps: list[Gap]
    warnings: tuple[str, ...]


def output_name(title: str) -> str:
    """The report's file name: its title on one line, without characters Windows refuses."""
    from reportgen.word.document import strip_gap_marks

    name = re.sub(r'[\\/:*?"<>|\s]+', "", strip_gap_marks(title))
    return (name[:120] or "report") + ".docx"


def build(project: Project, year: int, strict: bool = False) -> Built:
    """Build data/<year> into output/<year>/<title>.docx."""
    from reportgen.report import year as years
    from reportgen.report.compose import compose
    from reportgen.word.document import render_report
    from reportgen.word.layout import load_layout
    from reportgen.write import source_date, write_atomic

    layout, overrides = load_layout(project.config_path, project.ref(project.config_path))
    _, data = years.load(project, year)
    composed = compose(project, data)
    meeting = data.meta.meeting_date
    stamp = source_date(meeting if isinstance(meeting, dt.date) else dt.date(year, 1, 1))
    document = render_report(project.template_path, project.root, composed.context, overrides,
                             layout, composed.gaps, stamp)
    gaps = sorted(composed.gaps, key=lambda gap: place_key(gap.ref))
    if strict and gaps:
        raise ReportgenError(
            f"{len(gaps)} value(s) still to fill in; not building with --strict:\n"
            + "\n".join(f"  {gap.ref}: {gap.what}" for gap in gaps)
        )
    path = project.output_dir(year) / output_name(composed.context["标题"])
    write_atomic(path, document, project.root)
    return Built(path, gaps, data.warnings)


def export(docx: Path, root: Path | None = None, pictures: bool = False) -> list[Path]:
    """Write ``<docx>.pdf`` (LibreOffice) and, with ``pictures``, ``preview/page-NN.png`` and
    ``preview/box-N.png`` (poppler); returns what was written: the PDF, then the folder."""
    from reportgen.word.pdf import write_pdf
    from reportgen.word.preview import write_previews

    pdf = write_pdf(docx, root)
    if not pictures:
        return [pdf]
    folder = docx.parent / PREVIEW_DIR
    write_previews(pdf, folder, root)
    return [pdf, folder]


def run(project: Project, year: int, console: Console, strict: bool = False, pdf: bool = False,
        png: bool = False) -> int:
    """The command: build, list what is still to fill in, convert when asked; exit status."""
    built = build(project, year, strict=strict)
    for warning in built.warnings:
        console.err(f"warning: {warning}")
    if built.gaps:
        console.err(f"{len(built.gaps)} value(s) still to fill in (highlighted 【待填】 in the "
                    "document):")
        for gap in built.gaps:
            console.err(f"  {gap.ref}: {gap.what}")
    console.out(display_path(built.path, project.root))
    if pdf or png:
        console.err("converting with LibreOffice…")
        for path in export(built.path, project.root, pictures=png):
            console.out(display_path(path, project.root))
    return 0
