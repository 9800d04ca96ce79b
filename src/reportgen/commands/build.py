"""``reportgen build``: a year's data and the templates -> the report, as a list of stages."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reportgen.data.model import BoxSpec, Gap, YearData
from reportgen.errors import ReportgenError, place_key
from reportgen.project import Project


@dataclass(frozen=True)
class Composed:
    """A year ready for the Word template: the context and the blocks of the body."""

    data: YearData
    context: dict[str, Any]
    gaps: list[Gap]


@dataclass(frozen=True)
class Built:
    path: Path
    gaps: list[Gap]
    warnings: tuple[str, ...]


def load_year(project: Project, year: int) -> YearData:
    """Read and validate a year folder (every problem reported at once)."""
    from reportgen.data.folder import read_year
    from reportgen.data.validate import validate_year

    folder = project.existing_year_dir(year)
    return validate_year(read_year(year, folder, project.ref))


def compose(project: Project, data: YearData) -> Composed:
    """Render the narrative and the 专栏 into blocks, inside the template context."""
    from reportgen.report.boxes.list_box import build_box, template_reader
    from reportgen.report.narrative import box_order, parse_blocks
    from reportgen.templating.context import build_context
    from reportgen.templating.environment import make_env, render_text
    from reportgen.templating.views import Lookup
    from reportgen.word import styles
    from reportgen.word.ooxml import runs

    gaps: list[Gap] = []
    env = make_env(gaps=gaps)
    order = box_order(data.narrative)
    numbers = {name: index for index, name in enumerate(order, start=1)}
    context = build_context(data, numbers)
    context["标题"] = render_text(env, data.meta.title, f"{data.meta.ref} (标题)", context).strip()
    narrative_where = str(data.narrative_ref)
    text = render_text(env, data.narrative, narrative_where, context)
    read_template = template_reader(project.box_templates_dir, project.root)
    blocks = []
    for block in parse_blocks(text):
        kind = block.kind
        if block.kind == "box":
            name = block.box or ""
            content = build_box(_placed_box(data, name, numbers), numbers[name], data, env,
                                context, read_template, gaps)
        elif block.kind == "h2":
            # Only the text after a run-in heading is body text; a heading alone keeps the
            # heading font of its paragraph style.
            run_in = block.spans[0].lead and any(not span.lead for span in block.spans)
            content = runs(block.spans, None, styles.RUN_IN_BODY if run_in else None)
            if run_in:
                kind = "h2-run-in"
        elif block.kind == "h1":
            content = runs(block.spans)
        else:
            content = runs(block.spans, styles.LEAD)
        blocks.append(Lookup("正文段落", [("类型", kind), ("内容", content)]))
    context["正文"] = blocks
    return Composed(data, context, gaps)


def _placed_box(data: YearData, name: str, numbers: Mapping[str, int]) -> BoxSpec:
    """The definition of a 专栏 the rendered narrative places, once it is known to have one and
    a number (numbers come from the [专栏：…] lines of the narrative source)."""
    from reportgen.report.narrative import box_places

    spec = data.boxes.get(name)
    if spec is None:
        line = next((n for n, placed in box_places(data.narrative) if placed == name), None)
        known = "、".join(data.boxes) or "none"
        raise ReportgenError(f"[专栏：{name}] is not defined in boxes.yaml (defined: {known})",
                             data.narrative_ref.at(line=line) if line else str(data.narrative_ref))
    if name not in numbers:
        raise ReportgenError(f"[专栏：{name}] is written by a template expression; write the line "
                             f"[专栏：{name}] itself, so that the 专栏 can be numbered",
                             str(data.narrative_ref))
    return spec


def output_name(title: str) -> str:
    """The report's file name: its title on one line, without characters Windows refuses."""
    from reportgen.word.document import strip_gap_marks

    name = re.sub(r'[\\/:*?"<>|\s]+', "", strip_gap_marks(title))
    return (name[:120] or "report") + ".docx"


def build(project: Project, year: int, strict: bool = False) -> Built:
    """Build data/<year> into output/<year>/<title>.docx."""
    from reportgen.word.document import render_docx
    from reportgen.word.layout import load_layout
    from reportgen.write import source_date, write_atomic

    layout, overrides = load_layout(project.config_path, project.ref(project.config_path))
    data = load_year(project, year)
    composed = compose(project, data)
    meeting = data.meta.meeting_date
    stamp = source_date(meeting if isinstance(meeting, dt.date) else dt.date(year, 1, 1))
    document = render_docx(project.template_path, project.root, composed.context, overrides,
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
