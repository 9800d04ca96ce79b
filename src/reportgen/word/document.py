"""Render the Word template with the year's context and blocks into .docx bytes (never writes)."""

from __future__ import annotations

import copy
import datetime as dt
import io
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import jinja2

from reportgen.characters import GAP_CLOSE, GAP_OPEN
from reportgen.data.model import Gap
from reportgen.errors import ReportgenError, display_path
from reportgen.guard import confined
from reportgen.i18n import _
from reportgen.templating.environment import make_env, template_error
from reportgen.word.layout import Layout
from reportgen.word.ooxml import esc
from reportgen.write import fixed_zip

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _split_run(run: Any, target: Any) -> list[Any]:
    """Split ``run`` around its text element ``target`` into runs: before, pieces, after."""
    rpr = run.find(f"{_W}rPr")
    children = [c for c in run if c is not rpr]
    index = children.index(target)

    def new_run(items: list[Any], highlight: bool = False) -> Any:
        element = copy.deepcopy(run)
        for child in list(element):
            element.remove(child)
        props = copy.deepcopy(rpr) if rpr is not None else None
        if highlight:
            from reportgen.word.styling import RPR_ORDER, set_child

            if props is None:
                props = element.makeelement(f"{_W}rPr", {})
            set_child(props, "highlight", RPR_ORDER, val="yellow")
        if props is not None:
            element.append(props)
        for item in items:
            element.append(item)
        return element

    pieces = []
    if index:
        pieces.append(new_run([copy.deepcopy(c) for c in children[:index]]))
    text = target.text or ""
    while text:
        before, marker, rest = text.partition(GAP_OPEN)
        if before:
            pieces.append(_text_run(new_run, before, target, False))
        if not marker:
            break
        gap, _close, text = rest.partition(GAP_CLOSE)
        pieces.append(_text_run(new_run, gap, target, True))
    if index + 1 < len(children):
        pieces.append(new_run([copy.deepcopy(c) for c in children[index + 1:]]))
    return pieces


def _text_run(new_run: Any, text: str, template: Any, highlight: bool) -> Any:
    element = template.makeelement(template.tag, dict(template.attrib))
    element.text = text
    element.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    return new_run([element], highlight)


def highlight_gaps(root: Any) -> int:
    """Turn every 【待填：…】 placeholder into its own yellow-highlighted run; returns how many."""
    count = 0
    targets = [t for t in root.iter(f"{_W}t") if GAP_OPEN in (t.text or "")]
    pending: dict[Any, Any] = {}  # a run already split -> the run now holding the later texts
    for original in targets:
        run = original.getparent()
        while run in pending:
            run = pending[run]
        target = next(t for t in run.iter(f"{_W}t") if GAP_OPEN in (t.text or ""))
        count += (target.text or "").count(GAP_OPEN)
        parent = run.getparent()
        position = parent.index(run)
        parent.remove(run)
        pieces = _split_run(run, target)
        for offset, piece in enumerate(pieces):
            parent.insert(position + offset, piece)
        pending[run] = pieces[-1]
    return count


def strip_gap_marks(text: str) -> str:
    return text.replace(GAP_OPEN, "").replace(GAP_CLOSE, "")


def render_report(template_path: Path, root: Path, context: Mapping[str, Any],
                overrides: Mapping[str, Any], layout: Layout, gaps: list[Gap],
                stamp: dt.datetime) -> bytes:
    """The report as .docx bytes: template + context, gaps highlighted, reproducible."""
    from reportgen.word.whole import WholeTemplate

    where = display_path(template_path, root)
    if not template_path.is_file():
        raise ReportgenError(_("missing: the Word template"), where,
                             _("Run `reportgen template` to write the default one."))
    if confined(template_path.parent, template_path.name) is None:
        raise ReportgenError(_("is a link to a file outside templates/; the Word template is read "
                               "from that folder only"),
                             f"{display_path(template_path.parent, root)}/{template_path.name}")
    template = WholeTemplate(template_path)
    template.where = where
    try:
        template.init_docx()
    except Exception as exc:  # python-docx raises several kinds for a broken package
        raise ReportgenError(_("cannot be opened as a Word document ({kind})")
                               .format(kind=type(exc).__name__),
                             where) from None
    if overrides:
        from reportgen.word.styling import apply_layout

        apply_layout(template.docx, layout)
    env = make_env(gaps=gaps, escape=esc)
    try:
        template.render(dict(context), jinja_env=env, autoescape=True)
    except (jinja2.TemplateError, ArithmeticError, TypeError, ValueError, KeyError,
            AttributeError, RecursionError) as exc:
        error = template_error(exc, where)
        lines = [line.strip() for line in getattr(exc, "docx_context", []) if line.strip()]
        if lines:
            error.hint = "near: " + " / ".join(lines)[:200]
        raise error from None
    document = template.docx
    highlight_gaps(document.element.body)
    for section in document.sections:
        for part in (section.footer, section.even_page_footer, section.header):
            highlight_gaps(part._element)
    properties = document.core_properties
    # Set from the data, not rendered from the template: core properties are plain text, of at
    # most 255 characters (the document's own title block holds the whole title).
    properties.title = strip_gap_marks(str(context.get("标题", ""))).replace("\n", "")[:255]
    properties.author = strip_gap_marks(str(context.get("报告单位", "")))[:255]
    properties.created = properties.modified = stamp
    properties.revision = 1
    buffer = io.BytesIO()
    template.save(buffer)
    return fixed_zip(buffer.getvalue(), stamp)
