"""WordprocessingML fragments as text: runs, paragraphs, tables. The one place that writes XML.

Fragments are ``Xml`` strings: docxtpl inserts them unescaped (``{{p block }}``,
``{{r block }}``) while every piece of user text inside them is escaped here.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass


class Xml(str):
    """Markup that is already valid WordprocessingML; Jinja's autoescape leaves it alone."""

    def __html__(self) -> str:
        return str(self)


def esc(text: str) -> str:
    """Text for an XML text node. ``{_`` and ``_}`` become character references because docxtpl
    turns them into ``{`` ``{`` after rendering (its escape for literal Jinja braces)."""
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace("{_", "{&#95;").replace("_}", "&#95;}").replace("\r", "&#13;"))


@dataclass(frozen=True)
class Span:
    """A piece of paragraph text: plain, or a run-in lead sentence (引导句)."""

    text: str
    lead: bool = False


def run(text: str, style: str | None = None, highlight: str | None = None) -> str:
    """One run; line breaks in ``text`` become ``w:br``. Gap placeholders are highlighted
    later, over the whole rendered document (``document.highlight_gaps``)."""
    props = (f'<w:rStyle w:val="{style}"/>' if style else "") + (
        f'<w:highlight w:val="{highlight}"/>' if highlight else "")
    rpr = f"<w:rPr>{props}</w:rPr>" if props else ""
    parts = [f'<w:t xml:space="preserve">{esc(line)}</w:t>' for line in text.split("\n")]
    return f"<w:r>{rpr}{'<w:br/>'.join(parts)}</w:r>"


def runs(spans: Iterable[Span], lead_style: str | None = None,
         text_style: str | None = None, highlight: str | None = None) -> Xml:
    return Xml("".join(run(s.text, lead_style if s.lead else text_style, highlight)
                       for s in spans))


def paragraph(body: str, style: str | None = None, align: str | None = None,
              keep_next: bool = False) -> Xml:
    props = ""
    if style:
        props += f'<w:pStyle w:val="{style}"/>'
    if keep_next:
        props += "<w:keepNext/>"
    if align:
        props += f'<w:jc w:val="{align}"/>'
    ppr = f"<w:pPr>{props}</w:pPr>" if props else ""
    return Xml(f"<w:p>{ppr}{body}</w:p>")


@dataclass(frozen=True)
class TableCell:
    """One grid cell, ``span`` columns wide; ``merge`` is "restart"/"continue" (vertical)."""

    body: str  # paragraph XML
    span: int = 1
    merge: str | None = None
    pad: tuple[int, int] | None = None  # (top, bottom) margin in twips, if not the table's


def _borders(tag: str, size: int, inside: int | None) -> str:
    edges = ["top", "left", "bottom", "right"]
    parts = [f'<w:{e} w:val="single" w:sz="{size}" w:space="0" w:color="000000"/>' for e in edges]
    if inside is not None:
        parts += [f'<w:{e} w:val="single" w:sz="{inside}" w:space="0" w:color="000000"/>'
                  for e in ("insideH", "insideV")]
    return f"<w:{tag}>{''.join(parts)}</w:{tag}>"


def table(widths: Sequence[int], rows: Sequence[Sequence[TableCell]], header_rows: int = 0,
          border: int = 8, inner: int | None = 4, style: str | None = None,
          cant_split: bool | Sequence[bool] = True, padding: tuple[int, int] = (0, 57)) -> Xml:
    """A fixed-layout table the width of the sum of ``widths`` (twips), centred.

    The first ``header_rows`` rows repeat on each page; rows do not split across pages unless
    ``cant_split`` is off (for all rows, or per row); every cell is vertically centred;
    ``padding`` is the cells' (top and bottom, left and right) margin in twips.
    """
    total = sum(widths)
    tbl_style = f'<w:tblStyle w:val="{style}"/>' if style else ""
    vertical, horizontal = padding
    margins = "".join(f'<w:{side} w:w="{size}" w:type="dxa"/>' for side, size in
                      (("top", vertical), ("left", horizontal), ("bottom", vertical),
                       ("right", horizontal)))
    tblpr = (
        f"<w:tblPr>{tbl_style}<w:tblW w:w=\"{total}\" w:type=\"dxa\"/><w:jc w:val=\"center\"/>"
        f"{_borders('tblBorders', border, inner)}<w:tblLayout w:type=\"fixed\"/>"
        f"<w:tblCellMar>{margins}</w:tblCellMar>"
        '<w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" '
        'w:lastColumn="0" w:noHBand="1" w:noVBand="1"/></w:tblPr>'
    )
    keep = [cant_split] * len(rows) if isinstance(cant_split, bool) else list(cant_split)
    grid = "<w:tblGrid>" + "".join(f'<w:gridCol w:w="{w}"/>' for w in widths) + "</w:tblGrid>"
    out = [f"<w:tbl>{tblpr}{grid}"]
    for index, row in enumerate(rows):
        trpr = ""
        if keep[index]:
            trpr += "<w:cantSplit/>"
        if index < header_rows:
            trpr += "<w:tblHeader/>"
        out.append(f"<w:tr>{f'<w:trPr>{trpr}</w:trPr>' if trpr else ''}")
        column = 0
        for cell in row:
            width = sum(widths[column:column + cell.span])
            column += cell.span
            tcpr = f'<w:tcW w:w="{width}" w:type="dxa"/>'
            if cell.span > 1:
                tcpr += f'<w:gridSpan w:val="{cell.span}"/>'
            if cell.merge == "restart":
                tcpr += '<w:vMerge w:val="restart"/>'
            elif cell.merge == "continue":
                tcpr += "<w:vMerge/>"
            if cell.pad is not None:
                tcpr += (f'<w:tcMar><w:top w:w="{cell.pad[0]}" w:type="dxa"/>'
                         f'<w:bottom w:w="{cell.pad[1]}" w:type="dxa"/></w:tcMar>')
            tcpr += '<w:vAlign w:val="center"/>'
            out.append(f"<w:tc><w:tcPr>{tcpr}</w:tcPr>{cell.body}</w:tc>")
        out.append("</w:tr>")
    out.append("</w:tbl>")
    return Xml("".join(out))
