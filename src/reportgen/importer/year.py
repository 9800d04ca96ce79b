"""The year folder import writes, from the parts it read - report.yaml, narrative.txt,
boxes.yaml, the workbooks its 专栏 and figures need, and the report itself as the year's
official text - and what each part must print for the build to give the report back: every
line, 专栏 and 附件 in the order it stood.

A 专栏 is written as data (its definition and sheet), as a 专栏 of text (its lines between
[专栏：…] and [/专栏]), or - where its number or title cannot print as the report has it -
as paragraphs; an 附件 as [附件：…] or, likewise, as paragraphs.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

import yaml

from reportgen.data.schema import STATISTICS
from reportgen.data.sheet_writer import GENERAL, OutCell, OutSheet
from reportgen.diff.normalise import squeeze
from reportgen.draft.sheets import guide
from reportgen.importer.boxes import Attachment, Box
from reportgen.importer.made import Made
from reportgen.importer.outline import Line, escaped, mark, one_line, with_years
from reportgen.importer.source import Para, Source, Table
from reportgen.project import BOXES_YAML, NARRATIVE, REPORT_YAML

DATA, TEXT, PLAIN = "data", "text", "plain"
WORKBOOKS = ("indicators", "projects", "statistics")


@dataclass
class BoxPlan:
    """A 专栏 and how it is written: as data (``made``), text or paragraphs (``mode``)."""

    found: Box
    made: Made | None
    lines: list[Line]  # its text, for a 专栏 of text or paragraphs
    mode: str = DATA
    why: str = ""  # why it is not written as data

    def content(self) -> str:
        """What it prints after its title."""
        if self.found.table is not None:
            return "".join(c.text for row in self.found.table.rows for c in row)
        return "".join(p.text for p in self.found.lines)


@dataclass
class AttachmentPlan:
    found: Attachment
    plain: bool = False


@dataclass
class Stat:
    """A figure of the prose lifted into statistics.xlsx[统计]."""

    name: str
    value: str
    unit: str = ""
    growth: str = ""
    note: str = ""


Unit = Line | BoxPlan | AttachmentPlan


@dataclass
class ImportedYear:
    year: int
    years: tuple[int, int]  # 上年, 本年
    report: dict[str, Any]  # report.yaml's mapping
    units: list[Unit]
    source: Source
    shown: str  # the report's file as the user named it
    statistics: dict[str, Stat] = field(default_factory=dict)
    speaker: bool = False  # the 署名 is a speaker's line
    #: each sheet as it reads back once written, by the sheet (verify reads them every round)
    read_back: dict[int, tuple[OutSheet, Any]] = field(default_factory=dict, repr=False)
    #: the narrative line each unit starts on, once written
    lines_of: dict[int, int] = field(default_factory=dict)

    def boxes(self) -> list[BoxPlan]:
        return [u for u in self.units if isinstance(u, BoxPlan)]

    def used_statistics(self) -> list[Stat]:
        names = {s.partition(":")[2] for u in self.units for line in _lines_of(u)
                 for s in line.sources if s.startswith("统计:")}
        return [stat for name, stat in self.statistics.items() if name in names]

    # --- the files ---------------------------------------------------------------------

    def narrative(self) -> str:
        out = _head(self.shown).split("\n")
        self.lines_of = {}
        for index, unit in enumerate(self.units):
            self.lines_of[index] = len(out) + 1
            out += _unit_lines(unit, self.years)
        return "\n".join(out) + "\n"

    def boxes_yaml(self) -> str | None:
        made = {plan.made.key: plan.made.definition for plan in self.boxes()
                if plan.mode == DATA and plan.made}
        if not made:
            return None
        return ("# 专栏的定义（reportgen import 读出），在 narrative.txt 中以 [专栏：名称] 放置；"
                "说明见 README 的“专栏”一节。\n\n" + _dump(made, blank_lines=True))

    def report_yaml(self) -> str:
        return ("# 报告的基本信息（reportgen import 读出）。标题、题注、署名里的 {{ … }} 由 "
                "reportgen 填入；各键的说明见 README 的 report.yaml 一节。\n" + _dump(self.report))

    def sheets(self) -> dict[str, list[OutSheet]]:
        out: dict[str, list[OutSheet]] = {}
        for plan in self.boxes():
            if plan.mode == DATA and plan.made:
                out.setdefault(plan.made.workbook, []).append(plan.made.sheet)
        stats = self.used_statistics()
        if stats:
            sheet = OutSheet(STATISTICS.sheet or "统计", ["指标", "数值", "单位", "增速（%）",
                                                         "说明"])
            sheet.rows = [[OutCell(s.name), OutCell(s.value), OutCell(s.unit),
                           OutCell(s.growth, "0%" if s.growth.endswith("%") else GENERAL),
                           OutCell(s.note)] for s in stats]
            out["statistics"] = [guide(sheet, STATISTICS)]
        return out

    def texts(self) -> dict[str, str]:
        """The year's text files, by name."""
        files = {REPORT_YAML: self.report_yaml(), NARRATIVE: self.narrative()}
        boxes = self.boxes_yaml()
        if boxes is not None:
            files[BOXES_YAML] = boxes
        return files

    def files(self) -> dict[str, bytes]:
        """Every file of the year folder, by name."""
        from reportgen.data.sheet_writer import workbook_bytes
        from reportgen.write import source_date

        meeting = self.report.get("会议", {}).get("日期")
        stamp = source_date(meeting if isinstance(meeting, dt.date) else dt.date(self.year, 1, 1))
        files = {name: text.encode("utf-8") for name, text in self.texts().items()}
        for workbook, sheets in self.sheets().items():
            files[f"{workbook}.xlsx"] = workbook_bytes(sheets, stamp)
        files[self.source.official_name] = self.source.official
        return files


def _lines_of(unit: Unit) -> list[Line]:
    if isinstance(unit, Line):
        return [unit]
    if isinstance(unit, BoxPlan):
        return unit.lines
    return []


def _head(shown: str) -> str:
    """The narrative's opening comment: the starter's, saying how the markup reads."""
    starter = resources.files("reportgen").joinpath("starter", NARRATIVE).read_text("utf-8")
    comment = starter[:starter.index("#}") + 2]
    return comment.replace("{#", "{#\n  由 reportgen import 从 " + shown.replace("#}", "# }")
                           + " 读出。", 1)


def _unit_lines(unit: Unit, years: tuple[int, int]) -> list[str]:
    if isinstance(unit, Line):
        return [unit.markup(years)]
    if isinstance(unit, AttachmentPlan):
        label, title = unit.found.label, unit.found.title
        if unit.plain:
            return [mark(label, False).markup(years), mark(title, False).markup(years)]
        return [f"[附件：{with_years(one_line(title.text), years)}]"]
    found = unit.found
    if unit.mode == DATA and unit.made:
        return [f"[专栏：{unit.made.key}]"]
    inner = [line.markup(years) for line in unit.lines]
    if unit.mode == TEXT:
        return [f"[专栏：{with_years(found.title, years)}]", *inner, "[/专栏]"]
    return [mark(found.heading, False).markup(years), *inner]


def box_lines(found: Box, bold_leads: bool) -> list[Line]:
    """A 专栏's text as lines of the narrative: its lines, or its table's cells."""
    paras: list[Para] = list(found.lines)
    if found.table is not None:
        paras = [p for row in found.table.rows for c in row for p in c.paras]
    return [mark(para, bold_leads) for para in paras]


def table_lines(table: Table, bold_leads: bool) -> list[Line]:
    """A table outside any 专栏, as paragraphs: each cell's text in turn."""
    return [mark(p, bold_leads) for row in table.rows for c in row for p in c.paras]


def expected(unit: Unit) -> list[str]:
    """What the unit's blocks print, one text per block of the body, without whitespace."""
    if isinstance(unit, Line):
        return [squeeze(unit.text)]
    if isinstance(unit, AttachmentPlan):
        texts = [squeeze(unit.found.label.text), squeeze(unit.found.title.text)]
        return texts if unit.plain else ["".join(texts)]
    if unit.mode == PLAIN:
        return [squeeze(unit.found.heading.text), *(squeeze(line.text) for line in unit.lines)]
    return [squeeze(unit.found.heading.text) + squeeze(unit.content())]


class _Dumper(yaml.SafeDumper):
    """YAML as people edit it: a text of several lines double-quoted, its breaks as \\n."""


_Dumper.add_representer(str, lambda dumper, value: dumper.represent_scalar(
    "tag:yaml.org,2002:str", value, style='"' if "\n" in value else None))


def _dump(data: dict[str, Any], blank_lines: bool = False) -> str:
    text = yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100,
                     default_flow_style=None)
    if blank_lines:  # a blank line between the 专栏
        text = "\n".join(("\n" + line) if line and not line.startswith(" ") and index else line
                         for index, line in enumerate(text.split("\n")))
    return text


def literal(text: str) -> str:
    """Text of the report for a template of report.yaml: printed as written."""
    return escaped(text)
