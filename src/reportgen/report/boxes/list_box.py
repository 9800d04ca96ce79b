"""The list 专栏: lines written by a text template (``templates/专栏/*.txt``) from the rows of
a sheet of projects.xlsx.

The template sees the rows as ``行`` and the definition's 参数; the lines it writes use the
narrative markup (``# `` for a numbered group heading, ``**…**`` for a lead).

    重大项目完成情况:
      标题: "{{ 上年 }}年重大项目完成情况"
      清单: 上年重大项目          # the sheet
      模板: 分组清单.txt          # the template
      参数: {编号: "1．"}
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from reportgen.data.model import BoxSpec, YearData
from reportgen.errors import Problems, ReportgenError, SourceRef, did_you_mean
from reportgen.i18n import _
from reportgen.report.boxes.base import (
    BoxContext,
    BoxKind,
    NameChecker,
    TemplateFiles,
    framed_text,
)
from reportgen.templating.environment import finalize, render_text
from reportgen.templating.views import Lookup
from reportgen.word.ooxml import Xml


class ListBox(BoxKind):
    name = "list"
    key = "清单"
    names = _("a sheet of projects.xlsx")

    def options(self, box: str, spec: Mapping[str, Any], where: SourceRef,
                problems: Problems) -> Any:
        template = spec.get("模板")
        if not template:
            problems.error(where, _("专栏 「{box}」 needs a 模板 (a file in templates/专栏/)")
                                    .format(box=box))
        return str(template) if template else None

    def check(self, box: BoxSpec, data: YearData, problems: Problems) -> None:
        if data.refuse_unread(box, "projects", box.source, problems):
            return
        if not data.projects:
            problems.error(box.ref, _("专栏 「{key}」 shows the sheet 「{source}」 of "
                           "projects.xlsx, which the year does not have (nor a folder projects/ "
                           "of CSV files)").format(key=box.key, source=box.source))
        elif box.source not in data.projects:
            problems.error(box.ref, _("专栏 「{key}」: projects.xlsx has no sheet "
                           "「{source}」; it has {projects}")
                                      .format(key=box.key, source=box.source,
                                              projects='、'.join(data.projects))
                           + did_you_mean(box.source, list(data.projects)))

    @staticmethod
    def local(box: BoxSpec, context: Mapping[str, Any]) -> dict[str, Any]:
        """The names the list template sees besides the year's: its rows and its 参数."""
        return {"行": context["项目"][box.source],
                "参数": Lookup(f"专栏 「{box.key}」 的参数", box.params.items())}

    def check_templates(self, box: BoxSpec, templates: TemplateFiles, checker: NameChecker,
                        context: Mapping[str, Any], problems: Problems) -> None:
        if box.options is None or box.source not in context["项目"]:
            return
        refused = templates.outside(box.options)
        if refused:
            problems.error(box.ref, f"专栏 「{box.key}」: {refused}")
            return
        if not templates.exists(box.options):
            problems.error(box.ref, _("专栏 「{key}」: its 模板 "
                           "{options} does not exist")
                                      .format(key=box.key, options=templates.where(box.options)))
            return
        try:
            source, where = templates.read(box.options)
        except ReportgenError as exc:
            problems.error(exc.ref or templates.where(box.options), exc.message)
            return
        shown = SourceRef(where)
        checker.check(source, lambda line: shown.at(line=line), self.local(box, context))

    def render(self, box: BoxSpec, number: int, ctx: BoxContext) -> Xml:
        source, where = ctx.templates.read(box.options, box.ref)
        local = {**ctx.context, **self.local(box, ctx.context)}
        text = render_text(ctx.env, source, where, local, markup=True)
        rows = local["行"]
        if rows.gap is not None and not text.strip():
            # An empty list shows what to fill in, not an empty box.
            text = finalize(rows.gap, ctx.gaps)
        return framed_text(ctx.label(number), ctx.render(box, box.title), text)
