"""Every name the templates use exists in the data: the narrative, the title block's lines in
report.yaml (标题, 题注, 署名, 称谓), the titles in boxes.yaml, the 专栏 templates and the Word
template; and years written out where a name would move on with the year."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from reportgen.checks.names import TemplateChecker, plain_jinja
from reportgen.data.folder import RawYear
from reportgen.data.model import YearData
from reportgen.data.yamlfile import line_ref
from reportgen.errors import Problems, ReportgenError, SourceRef, did_you_mean, display_path
from reportgen.i18n import _
from reportgen.project import Project
from reportgen.report.boxes.base import TemplateFiles
from reportgen.report.boxes.kinds import kind_of
from reportgen.report.front import changed_lines, front_templates
from reportgen.report.narrative import box_numbers, box_places, parse_blocks, text_box_lines
from reportgen.templating.context import build_context
from reportgen.templating.environment import make_env
from reportgen.templating.views import Lookup
from reportgen.word.blocks import PARAGRAPH
from reportgen.word.text import docx_pieces


def check_templates(project: Project, raw: RawYear, data: YearData, problems: Problems) -> None:
    """Every name in the narrative, titles, 专栏 templates and the Word template exists."""
    numbers = box_numbers(data.narrative)
    context = build_context(data, numbers)
    templates = front_templates(data.meta)
    context.update(dict.fromkeys(templates, ""))
    checker = TemplateChecker(make_env(), context, problems)
    years = {data.meta.review_year: "上年", data.meta.plan_year: "本年"}

    def literal_years(where: Callable[[int], SourceRef]) -> Any:
        """Warn of the years written out in a template; ``where`` places a line of it."""
        def look(text: str, line: int) -> None:
            for match in re.finditer(r"(?<!\d)(\d{4})年", text):
                name = years.get(int(match.group(1)))
                if name:
                    at = line + text[: match.start()].count("\n")
                    problems.warning(where(at), _("「{group}」 is written out; "
                                     "write {{{{ {name} }}}}年 so that it moves on with the year")
                                                  .format(group=match.group(0), name=name))
        return look

    narrative = data.narrative_ref
    checker.check(data.narrative, _lines(narrative), literal=literal_years(_lines(narrative)))
    for name, template in templates.items():
        if template is not None:
            at = _fixed(line_ref(raw.report_ref, raw.report, name))
            checker.check(template, at, literal=literal_years(at))
    files = TemplateFiles(project)
    for name, box in data.boxes.items():
        where = box.ref if isinstance(box.ref, SourceRef) else SourceRef(str(box.ref))
        kind = kind_of(box)
        for title in kind.titles(box):
            checker.check(title, _fixed(where), literal=literal_years(_fixed(where)))
        if name not in numbers:
            problems.warning(where, _("专栏 「{name}」 is defined but the narrative never places "
                             "it (a line [专栏：{name}])").format(name=name))
        kind.check_templates(box, files, checker, context, problems)
    text_boxes = text_box_lines(data.narrative)
    for line, name in box_places(data.narrative):
        if name in data.boxes and line in text_boxes:
            problems.warning(narrative.at(line=line), _("[专栏：{name}] is closed by a [/专栏], "
                             "so it prints the text between as a 专栏 of its own, not the 专栏 "
                             "「{name}」 of boxes.yaml; remove the [/专栏] to place that one")
                                                        .format(name=name))
        if name not in data.boxes and line not in text_boxes:
            problems.error(narrative.at(line=line), _("[专栏：{name}] is not defined in "
                           "boxes.yaml").format(name=name) + did_you_mean(name, list(data.boxes)))
    text = _check_word_template(project, checker, problems)
    if text is not None:
        _check_template_places(text, display_path(project.template_path, project.root),
                               data.narrative, changed_lines(data.meta), problems)


def _check_word_template(project: Project, checker: TemplateChecker, problems: Problems
                         ) -> str | None:
    """The Word template's tags, one line per paragraph ({%p …%} read as {% … %}); it also
    sees 正文, the blocks of the body (an 附件's with its 标签). Returns its text, if read."""
    path = project.template_path
    if not path.is_file():
        return None
    shown = display_path(path, project.root)
    try:
        text = "\n".join(piece.text for piece in docx_pieces(path, shown))
    except ReportgenError as exc:
        problems.error(exc.ref or shown, exc.message)
        return None
    body = {"正文": [Lookup("正文段落", [("类型", "p"), ("内容", ""), ("标签", "")])]}
    checker.check(plain_jinja(text), lambda n: f"{shown} (paragraph {n})", body)
    return text


def _check_template_places(text: str, shown: str, narrative: str, lines: list[str],
                           problems: Problems) -> None:
    """A Word template made before the narrative's kinds of block or report.yaml's lines under
    the title existed (or edited without them) prints them wrongly or not at all: say so."""
    fresh = (_("`reportgen template --force` writes one that has (replacing this one; restyle "
               "it again, or copy what is missing into this one)"))
    kinds = dict.fromkeys(block.kind for block in parse_blocks(narrative))
    for kind in kinds:
        if kind != PARAGRAPH and f"b.类型 == '{kind}'" not in text:
            problems.warning(shown, _("has no place for the narrative's blocks of kind 「{kind}」 "
                                      "(b.类型 == '{kind}'): they print as body paragraphs; ")
                                      .format(kind=kind)
                                    + fresh)
    for name in lines:
        if not re.search(r"\{[{%][^}]*(?<![\w.])" + re.escape(name) + r"(?!\w)", text):
            problems.warning(shown, _("does not use report.yaml's 「{name}」: it prints its own "
                                      "instead; ").format(name=name) + fresh)


def _lines(ref: SourceRef) -> Callable[[int], SourceRef]:
    return lambda line: ref.at(line=line)


def _fixed(ref: SourceRef) -> Callable[[int], SourceRef]:
    return lambda line: ref
