"""专栏 (boxed panels) from their boxes.yaml definitions: list boxes and indicator-table boxes.

A list box renders its text template (templates/专栏/*.txt) with the rows of its sheet as
``行`` and its 参数; the lines it writes use the narrative markup (``# `` for a numbered group
heading). An indicator-table box is built by ``tables``. Either way the result is one bordered
table, so the box survives page breaks and editing in Word.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from reportgen.data.model import BoxSpec, Gap, YearData
from reportgen.errors import ReportgenError, SourceRef, display_path
from reportgen.report.boxes.indicator_table import FULL_WIDTH, box_title, indicator_box
from reportgen.report.narrative import parse_blocks
from reportgen.templating.environment import ReportEnvironment, finalize, render_text
from reportgen.templating.views import Lookup
from reportgen.textfile import read_text
from reportgen.word import styles
from reportgen.word.ooxml import TableCell, Xml, paragraph, runs, table

#: Space between a 专栏's border and its text, in twips: (top and bottom, left and right).
BOX_PADDING = (57, 113)


def list_box(spec: BoxSpec, number: int, title: str, text: str) -> Xml:
    """A bordered one-column table of two rows, with no line between them.

    The first row - the title, any group heading and the first paragraph of text - does not
    split, so the title is never left alone at the foot of a page; the second row holds the
    rest and flows across pages, each part closed by the border.
    """
    first = [box_title(number, title)]
    rest: list[str] = []
    has_text = False  # the first row holds its first paragraph of text
    for block in parse_blocks(text):
        heading = block.kind in ("h1", "h2")
        xml = paragraph(runs(block.spans, styles.LEAD),
                        styles.BOX_HEADING if heading else styles.BOX_TEXT)
        if has_text:
            rest.append(xml)
        else:
            first.append(xml)
            has_text = not heading
    top_bottom, sides = BOX_PADDING
    rows = [[TableCell("".join(first), pad=(top_bottom, 0 if rest else top_bottom))]]
    if rest:
        rows.append([TableCell("".join(rest), pad=(0, top_bottom))])
    return table([FULL_WIDTH], rows, inner=None, cant_split=[True, False][:len(rows)],
                 padding=(0, sides))


def build_box(spec: BoxSpec, number: int, data: YearData, env: ReportEnvironment,
              context: Mapping[str, Any], read_template: Callable[[str], tuple[str, str]],
              gaps: list[Gap]) -> Xml:
    """The XML of one 专栏; ``read_template(name)`` gives (source, display path) of a list
    template."""
    def render_title(text: str) -> str:
        return render_text(env, text, str(spec.ref), dict(context)).strip()

    title = render_title(spec.title)
    if spec.kind == "table":
        return indicator_box(spec, number, title, data.indicators[spec.source], render_title,
                             gaps)
    assert spec.template is not None
    source, where = read_template(spec.template)
    local = dict(context)
    rows = local["行"] = context["项目"][spec.source]
    local["参数"] = Lookup(f"专栏 「{spec.key}」 的参数", spec.params.items())
    text = render_text(env, source, where, local)
    if rows.gap is not None and not text.strip():
        # An empty list shows what to fill in, not an empty box.
        text = finalize(rows.gap, gaps)
    return list_box(spec, number, title, text)


def template_reader(folder: Path, root: Path) -> Callable[[str], tuple[str, str]]:
    """Reads list templates from templates/专栏/, once each."""
    cache: dict[str, tuple[str, str]] = {}

    def read(name: str) -> tuple[str, str]:
        if name not in cache:
            path = folder / name
            where = display_path(path, root)
            if not path.is_file():
                raise ReportgenError("missing: the 专栏 template named in boxes.yaml", where)
            cache[name] = (read_text(path, SourceRef(where)), where)
        return cache[name]

    return read
