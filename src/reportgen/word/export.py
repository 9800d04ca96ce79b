"""The report's other forms, written beside the .docx: the PDF, and pictures of its pages and
专栏 in ``preview/`` for people who would rather look than read."""

from __future__ import annotations

from pathlib import Path

PREVIEW_DIR = "preview"


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
