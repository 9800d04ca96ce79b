"""Composing a year's report body: the narrative rendered and read into blocks, each 专栏
rendered by its kind, all inside the context the Word template sees (``正文``, ``标题``,
``题注`` …)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from reportgen.data.model import BoxSpec, Gap, YearData
from reportgen.errors import ReportgenError
from reportgen.i18n import _
from reportgen.project import NARRATIVE
from reportgen.report.boxes.base import BoxContext, TemplateFiles, framed_text
from reportgen.report.boxes.kinds import kind_of
from reportgen.report.front import front_matter
from reportgen.report.narrative import (
    BOX_LINE,
    Block,
    box_numbers,
    box_places,
    parse_blocks,
    text_box_lines,
)
from reportgen.report.placeholders import marked_typed, typed_gaps
from reportgen.report.stale import Stale, marked, stale_lines
from reportgen.templating.context import build_context
from reportgen.templating.environment import make_env, render_text
from reportgen.templating.linebreak import TITLE_CHARS, balance
from reportgen.templating.views import Lookup
from reportgen.textfile import read_text
from reportgen.word.blocks import BLOCK_KINDS
from reportgen.word.ooxml import Span, runs

#: How a paragraph carried over from last year with typed figures is marked for review (the
#: yellow of 【待填】 is for values).
REVIEW_HIGHLIGHT = "cyan"

if TYPE_CHECKING:
    from reportgen.project import Project


@dataclass(frozen=True)
class Composed:
    """A year ready for the Word template: the context (with the blocks of the body as 正文)
    and every value still to fill in that it prints."""

    data: YearData
    context: dict[str, Any]
    gaps: list[Gap]
    #: the narrative's lines that are last year's word for word with typed figures
    stale: list[Stale] = field(default_factory=list)


def compose(project: Project, data: YearData) -> Composed:
    """Render the narrative and the 专栏 into blocks, inside the template context; the
    paragraphs that repeat last year's with typed figures are marked for review."""
    gaps: list[Gap] = []
    env = make_env(gaps=gaps)
    numbers = box_numbers(data.narrative)
    context = build_context(data, numbers)
    context.update(front_matter(env, data.meta, context))
    stale = stale_lines(data.narrative, last_narrative(project, data.year))
    gaps.extend(typed_gaps(data.narrative, data.narrative_ref))
    text = render_text(env, marked_typed(marked(data.narrative, stale)), str(data.narrative_ref),
                       context, markup=True)
    boxes = BoxContext(data, env, context, TemplateFiles(project), gaps)
    parsed = parse_blocks(text)
    labels = attachment_labels(parsed)
    opened = text_box_lines(data.narrative)
    text_numbers = iter([numbers[name] for line, name in box_places(data.narrative)
                         if line in opened])
    blocks = []
    for index, block in enumerate(parsed):
        fields: list[tuple[str, Any]] = [("类型", block.kind)]
        if block.kind == "box" and block.body is not None:
            # a 专栏 of text: numbered where its [专栏：…] line is in the source
            content = framed_text(boxes.label(next(text_numbers)), block.box or "", block.body)
        elif block.kind == "box":
            name = block.box or ""
            box = placed_box(data, name, numbers)
            content = kind_of(box).render(box, numbers[name], boxes)
        else:
            written = BOX_LINE.match(block.text)
            if written:  # a value printed as a line of its own: never a 专栏 place
                raise by_expression(data, written.group(1))
            kind = BLOCK_KINDS[block.kind]
            spans = block.spans
            if index in labels:  # an 附件's title, balanced as the report's
                spans = (Span(balance(block.text, TITLE_CHARS)),)
                fields.append(("标签", labels[index]))
            content = runs(spans, kind.lead, kind.text, REVIEW_HIGHLIGHT if block.stale else None)
        blocks.append(Lookup("正文段落", [*fields, ("内容", content)]))
    context["正文"] = blocks
    return Composed(data, context, gaps, stale)


def attachment_labels(blocks: list[Block]) -> dict[int, str]:
    """The label of each 附件 by its place among ``blocks``: 附件 when the report has one,
    附件1, 附件2 … when it has several (GB/T 9704 §7.3.7)."""
    places = [index for index, block in enumerate(blocks) if block.kind == "attachment"]
    if len(places) == 1:
        return {places[0]: "附件"}
    return {index: f"附件{number}" for number, index in enumerate(places, start=1)}


def last_narrative(project: Project, year: int) -> str | None:
    """Last year's narrative, when its folder is there (and readable)."""
    path = project.year_dir(year - 1) / NARRATIVE
    try:
        return read_text(path, project.ref(path)) if path.is_file() else None
    except ReportgenError:
        return None


def placed_box(data: YearData, name: str, numbers: Mapping[str, int]) -> BoxSpec:
    """The definition of a 专栏 the rendered narrative places, once it is known to have one and
    a number (numbers come from the [专栏：…] lines of the narrative source)."""
    spec = data.boxes.get(name)
    if spec is None:
        line = next((n for n, placed in box_places(data.narrative) if placed == name), None)
        known = "、".join(data.boxes) or "none"
        raise ReportgenError(_("[专栏：{name}] is not defined in boxes.yaml (defined: {known})")
                               .format(name=name, known=known),
                             data.narrative_ref.at(line=line) if line else str(data.narrative_ref))
    if name not in numbers:
        raise by_expression(data, name)
    return spec


def by_expression(data: YearData, name: str) -> ReportgenError:
    return ReportgenError(_("[专栏：{name}] is written by a template expression; write the line "
                            "[专栏：{name}] itself, so that the 专栏 can be numbered")
                          .format(name=name), str(data.narrative_ref))
