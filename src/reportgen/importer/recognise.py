"""A published report read into the parts of a year: the title block into report.yaml's
mapping, the body into lines of the narrative, each 专栏 into data where it reads as a list or
a table the build prints back (else text), each 附件 into its place - numbered as the build
numbers them, or written as paragraphs where the report numbered them otherwise."""

from __future__ import annotations

from typing import Any

from reportgen.data.model import BOX_LABEL
from reportgen.diff.normalise import squeeze
from reportgen.errors import ReportgenError, UsageError
from reportgen.i18n import _
from reportgen.importer.boxes import Attachment, Box, box_title, find, opening_of
from reportgen.importer.front import (
    Facts,
    Front,
    caption_template,
    facts,
    meeting_short,
    read_front,
    salutation_template,
    title_template,
)
from reportgen.importer.lists import read_list
from reportgen.importer.made import Made, plain_name, sheet_name, unique
from reportgen.importer.outline import escaped, mark, with_years
from reportgen.importer.source import Para, Source, Table
from reportgen.importer.tables import Names, read_table
from reportgen.importer.year import (
    DATA,
    PLAIN,
    TEXT,
    AttachmentPlan,
    BoxPlan,
    ImportedYear,
    Unit,
    box_lines,
    table_lines,
)
from reportgen.project import Project
from reportgen.templating.numerals import cn

TO_FILL = "待填"


def plan_year(found: Facts, given: int | None, where: str) -> int:
    """The year folder's year: as given, else the plan year the title names (the later of its
    two years), else the year of the meeting."""
    if given is not None:
        return given
    years = found.years
    if len(years) >= 2 and years[-1] == years[-2] + 1:
        return years[-1]
    if found.meeting_date is not None:
        return found.meeting_date.year
    if years:
        return years[-1]
    raise UsageError(_("{where}: its title and 会议题注 name no year; give the plan year with "
                       "--year YEAR").format(where=where))


def report_mapping(front: Front, found: Facts, year: int) -> dict[str, Any]:
    """report.yaml's keys for the title block read: the facts, and the lines as templates that
    print them as written (the defaults left out)."""
    years = (year - 1, year)
    short = meeting_short(found.meeting_name)
    report: dict[str, Any] = {
        "地区": found.region or TO_FILL,
        "报告单位": found.issuer or TO_FILL,
        "年份": {"上年": year - 1, "本年": year},
        "会议": {"日期": found.meeting_date or TO_FILL, "名称": found.meeting_name or TO_FILL,
                 "简称": short or TO_FILL},
        "标题": title_template(front, found, years),
    }
    caption = caption_template(front.caption, found)
    if caption is not None:
        report["题注"] = caption
    if front.signature is None:
        report["署名"] = ""
    elif found.speaker or squeeze(front.signature) != found.issuer:
        report["署名"] = escaped(front.signature)
    salutation = salutation_template(front.salutation)
    if salutation is not None:
        report["称谓"] = salutation
    return report


def recognise(project: Project, source: Source, shown: str, given: int | None
              ) -> tuple[ImportedYear, dict[str, str]]:
    """The year the report reads as, and its title block's lines as written (by name)."""
    front = read_front(source.blocks, shown)
    found = facts(front)
    year = plan_year(found, given, shown)
    years = (year - 1, year)
    report = report_mapping(front, found, year)
    bold = source.kind == "docx"
    names = Names()
    units: list[Unit] = []
    for item in find(source.blocks[front.used:]):
        if isinstance(item, Para):
            units.append(mark(item, bold))
        elif isinstance(item, Table):
            units += table_lines(item, bold)
        elif isinstance(item, Box):
            units.append(_box(project, item, years, names, bold))
        elif isinstance(item, Attachment):
            units.append(AttachmentPlan(item))
    opening = _numbered(units)
    if opening != BOX_LABEL:
        report["专栏编号"] = opening
    written = {"标题": front.title, "题注": front.caption or "", "署名": front.signature or "",
               "称谓": front.salutation or ""}
    if not any(isinstance(u, (BoxPlan, AttachmentPlan)) or u.text for u in units):
        raise ReportgenError(_("does not read as a report: there is nothing after its title"),
                             shown)
    return ImportedYear(year, years, report, units, source, shown,
                        speaker=found.speaker), written


def _box(project: Project, found: Box, years: tuple[int, int], names: Names,
         bold: bool) -> BoxPlan:
    lines = box_lines(found, bold)
    title = with_years(found.title, years)
    made: Made | None = None
    why = ""
    if found.table is not None:
        made = read_table(found.title, found.table, years, names)
        why = "" if made else _("its table reads as neither an indicator nor a project table")
    elif found.lines:
        listed = read_list(found.lines)
        if listed is None:
            why = _("its lines read as no list a 专栏 template writes")
        elif not (project.box_templates_dir / listed.template).is_file():
            why = _("the project has no templates/专栏/{template} to write it").format(
                template=listed.template)
        else:
            key = plain_name(title)
            sheet = sheet_name(key, names.sheets)
            definition = {"标题": title, "清单": sheet, "模板": listed.template,
                          "参数": {"编号": listed.numbering}}
            made = Made("清单", key, definition, "projects", listed.sheet(sheet),
                        len(listed.rows), listed.template)
    if made is not None:
        made.key = unique(made.key, names.keys)
    return BoxPlan(found, made, lines, DATA if made else TEXT, why)


def _numbered(units: list[Unit]) -> str:
    """The 专栏 the build numbers as the report did stay 专栏, the others become paragraphs;
    the 附件 likewise (附件 when there is one, 附件1, 附件2 … when several). The 专栏 titles
    open as the first one does (专栏1：, 专栏1 , 专栏一：): that opening, as 专栏编号's template."""
    number = 0
    opening: str | None = None
    for unit in units:
        if isinstance(unit, BoxPlan):
            found = box_title(unit.found.heading.text)
            this = opening_of(found) if found else None
            shown = found.group("number") if found else ""
            expected = str(number + 1) if shown.isdigit() else cn(number + 1)
            if found and shown == expected and (opening or this) == this \
                    and squeeze(unit.found.title):
                number += 1
                opening = this
            else:
                unit.mode, unit.why = PLAIN, _("its number or title cannot print as written")
    attachments = [u for u in units if isinstance(u, AttachmentPlan)]
    labels = ["附件"] if len(attachments) == 1 else [f"附件{n}" for n in
                                                      range(1, len(attachments) + 1)]
    if [squeeze(a.found.label.text) for a in attachments] != labels:
        for attachment in attachments:
            attachment.plain = True
    return opening or BOX_LABEL
