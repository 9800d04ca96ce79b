"""Whether the year import made gives the report back, found before anything is written: the
year's files are read as the build reads them - from memory, the workbooks as they will read
once written - and composed as the build composes them, and what each title line, paragraph,
专栏 and 附件 prints is set against what the report printed there.

Where a part does not come back as it stood, ``settle`` writes it more plainly and tries again:
a line's figures typed as they stood, a 专栏 of data as text, a 专栏 or 附件 whose number or
label cannot print as the report has it as paragraphs.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from reportgen.characters import GAP_CLOSE, GAP_OPEN
from reportgen.data.folder import RawYear
from reportgen.data.sheet_writer import OutSheet, read_back
from reportgen.data.sheets import Table
from reportgen.data.yamlfile import parse_yaml
from reportgen.diff.normalise import squeeze
from reportgen.errors import Problems, ReportgenError, SourceRef
from reportgen.i18n import _
from reportgen.importer.outline import Line
from reportgen.importer.year import (
    DATA,
    PLAIN,
    TEXT,
    AttachmentPlan,
    BoxPlan,
    ImportedYear,
    expected,
    literal,
)
from reportgen.project import BOXES_YAML, NARRATIVE, REPORT_YAML, Project

_TEXT = re.compile(r"<w:t(?: [^>]*)?>([^<]*)</w:t>")
#: The title block's names, and the keys of report.yaml that write them.
FRONT = ("标题", "题注", "署名", "称谓")
ROUNDS = 6


@dataclass(frozen=True)
class Mismatch:
    """A part that does not print as the report has it: a unit (by index), or a line of the
    title block (by its name)."""

    unit: int | None
    front: str | None
    wanted: str
    got: str


def raw_year(project: Project, imported: ImportedYear) -> RawYear:
    """The year's files as ``read_year`` would read them once written."""
    folder = project.year_dir(imported.year)
    ref = project.ref
    texts = imported.texts()
    report_ref, boxes_ref = ref(folder / REPORT_YAML), ref(folder / BOXES_YAML)
    workbooks, refs = {}, {}
    for name, sheets in imported.sheets().items():
        refs[name] = ref(folder / f"{name}.xlsx")
        workbooks[name] = {sheet.name: _read_back(imported, sheet, refs[name])
                           for sheet in sheets}
    return RawYear(imported.year, folder, parse_yaml(texts[REPORT_YAML], report_ref), report_ref,
                   parse_yaml(texts[BOXES_YAML], boxes_ref) if BOXES_YAML in texts else None,
                   boxes_ref, texts[NARRATIVE], ref(folder / NARRATIVE), workbooks, refs)


def _read_back(imported: ImportedYear, sheet: OutSheet, ref: SourceRef) -> Table:
    """A sheet as it will read once written; a sheet of a 专栏, read once."""
    known = imported.read_back.get(id(sheet))
    if known is not None and known[0] is sheet:
        return known[1]  # type: ignore[no-any-return]
    table = read_back(sheet, ref)
    imported.read_back[id(sheet)] = (sheet, table)
    return table


def xml_text(xml: str) -> str:
    """The text a fragment of WordprocessingML prints, without whitespace."""
    text = "".join(html.unescape(found) for found in _TEXT.findall(xml))
    return squeeze(text.replace(GAP_OPEN, "").replace(GAP_CLOSE, ""))


class Failed(Exception):
    """The year does not read or compose: the units to write more plainly, or all of them."""

    def __init__(self, units: set[int] | None, message: str):
        super().__init__(message)
        self.units = units
        self.message = message


def mismatches(project: Project, imported: ImportedYear, front: dict[str, str]
               ) -> list[Mismatch]:
    """Every part of the year that does not print as the report has it (``front``: the title
    block's lines as written, by name)."""
    from reportgen.report import year as years
    from reportgen.report.compose import compose

    raw = raw_year(project, imported)
    problems = Problems()
    data = years.collect(raw, problems, project)
    if problems.errors:
        raise Failed(_units_of(imported, [str(p.ref) for p in problems.errors]),
                     "; ".join(str(p) for p in problems.errors[:3]))
    try:
        composed = compose(project, data)
    except ReportgenError as exc:
        raise Failed(_units_of(imported, [str(exc.ref or "")]), str(exc)) from None
    context = composed.context
    found: list[Mismatch] = []
    for name in FRONT:
        got, wanted = squeeze(str(context.get(name, ""))), squeeze(front.get(name) or "")
        if got != wanted:
            found.append(Mismatch(None, name, wanted, got))
    blocks = [squeeze(str(block.get("标签", ""))) + xml_text(str(block["内容"]))
              for block in context["正文"]]
    wanted_blocks = [(index, text) for index, unit in enumerate(imported.units)
                     for text in expected(unit)]
    for position, (index, text) in enumerate(wanted_blocks):
        got = blocks[position] if position < len(blocks) else ""
        if got != text:
            found.append(Mismatch(index, None, text, got))
            if len(blocks) != len(wanted_blocks):
                break  # the rest are out of step: one part at a time
    return found


def _units_of(imported: ImportedYear, places: list[str]) -> set[int] | None:
    """The units the problems at ``places`` are about: a 专栏's sheet, a line of the
    narrative; None when they are about something else."""
    units: set[int] = set()
    for place in places:
        line = re.search(rf"{NARRATIVE}:(\d+)", place)
        if line:
            number = int(line.group(1))
            before = [(start, index) for index, start in imported.lines_of.items()
                      if start <= number]
            if before:
                units.add(max(before)[1])
            continue
        for index, unit in enumerate(imported.units):
            if isinstance(unit, BoxPlan) and unit.made and unit.mode == DATA and (
                    f"[{unit.made.sheet.name}]" in place or f"「{unit.made.key}」" in place):
                units.add(index)
        if "statistics" in place:
            units |= {i for i, u in enumerate(imported.units)
                      if isinstance(u, Line) and any(s.startswith("统计:") for s in u.sources)}
    return units or None


def plainer(imported: ImportedYear, index: int, why: str) -> bool:
    """Write unit ``index`` one step more plainly; False when it is as plain as it gets."""
    unit = imported.units[index]
    if isinstance(unit, Line):
        if unit.sources:
            imported.units[index] = unit.typed()
            return True
        return False
    if isinstance(unit, AttachmentPlan):
        if unit.plain:
            return False
        unit.plain = True
        return True
    if unit.mode == DATA:
        unit.mode, unit.why = TEXT, why
        _typed_readers(imported, unit)
        return True
    if unit.mode == TEXT:
        unit.mode, unit.why = PLAIN, why
        return True
    changed = False
    for line_index, line in enumerate(unit.lines):
        if line.sources:
            unit.lines[line_index] = line.typed()
            changed = True
    return changed


def _typed_readers(imported: ImportedYear, plan: BoxPlan) -> None:
    """The figures bound to a 专栏's data, typed again when the 专栏 is no longer data."""
    if plan.made is None:
        return
    source = f"sheet:{plan.made.sheet.name}"
    for index, unit in enumerate(imported.units):
        if isinstance(unit, Line) and source in unit.sources:
            imported.units[index] = unit.typed()


def settle(project: Project, imported: ImportedYear, front: dict[str, str]) -> list[Mismatch]:
    """Write plainer the parts that do not come back, until they all do or none can be; the
    parts that still differ."""
    for _round in range(ROUNDS):
        try:
            found = mismatches(project, imported, front)
        except Failed as failure:
            targets = failure.units if failure.units is not None else set(
                range(len(imported.units)))
            if not any([plainer(imported, i, failure.message) for i in sorted(targets)]):
                raise ReportgenError(_("the year it reads does not build: {message}")
                                       .format(message=failure.message)) \
                    from None
            continue
        changed = False
        for mismatch in found:
            if mismatch.front is not None:
                changed |= _front_plainer(imported, mismatch.front, front)
            elif mismatch.unit is not None:
                changed |= plainer(imported, mismatch.unit, _("it did not print as written"))
        if not found or not changed:
            return found
    return mismatches(project, imported, front)


def _front_plainer(imported: ImportedYear, name: str, front: dict[str, str]) -> bool:
    """A line of the title block written as it stood, not by names."""
    text = front.get(name) or ""
    written = literal(text)
    if imported.report.get(name) == written:
        return False
    imported.report[name] = written
    return True

