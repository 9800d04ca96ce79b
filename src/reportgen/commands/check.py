"""``reportgen check``: every problem of a year at once, each with its place.

Stages: schema (validation), consistency (figures stated twice), plan vs actual (the status of
each indicator), templates (every name they use exists), then a dry run of the narrative and
专栏 that finds what is still to fill in. Pure apart from reading the files through ``load``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from reportgen.characters import display_width
from reportgen.data.compute import compared_value, status
from reportgen.data.folder import RawYear
from reportgen.data.model import Gap, YearData
from reportgen.data.yamlfile import line_ref
from reportgen.errors import (
    Problem,
    Problems,
    ReportgenError,
    SourceRef,
    did_you_mean,
    display_path,
    place_key,
)
from reportgen.project import Project

if TYPE_CHECKING:
    from reportgen.checks.names import TemplateChecker

STATUS_COLUMNS = ("序号", "指标", "计划目标", "结果", "状态", "说明")
#: More decimals than any figure of a report has: a computed value shown unformatted.
MAX_DECIMALS = 4


@dataclass(frozen=True)
class StatusRow:
    """One line of the plan-vs-actual table."""

    number: str
    name: str
    target: str
    result: str
    status: str
    reason: str

    def cells(self) -> tuple[str, ...]:
        return (self.number, self.name, self.target, self.result, self.status, self.reason)


@dataclass
class CheckResult:
    year: int
    problems: list[Problem] = field(default_factory=list)
    statuses: list[StatusRow] = field(default_factory=list)
    gaps: list[Gap] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.level == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.level != "error"]


def _shown(value: Any) -> str:
    from reportgen.templating.environment import finalize

    return "待填" if isinstance(value, Gap) else str(finalize(value))


def plan_vs_actual(data: YearData) -> list[StatusRow]:
    table = data.indicators.get("完成情况")
    rows = []
    for row in table.rows if table else ():
        state, reason = status(row)
        rows.append(StatusRow(str(row.number or ""), row.label,
                              _shown(row.values.get("计划目标")), _shown(compared_value(row)),
                              _shown(state), reason))
    return rows


def compare_with_last_year(project: Project, raw: RawYear, data: YearData,
                           problems: Problems) -> None:
    """The execution table against last year's plan, when that year's folder is there."""
    from reportgen.checks.consistency import targets_of_last_plan
    from reportgen.data.folder import read_year
    from reportgen.data.validate import validate_year

    year = data.year - 1
    folder = project.year_dir(year)
    if not folder.is_dir():
        return
    try:
        last_raw = read_year(year, folder, project.ref)
        last = validate_year(last_raw)
    except ReportgenError:
        problems.warning(project.ref(folder), f"not compared with {year}'s plan: that year has "
                         f"errors (reportgen check {year})")
        return
    targets_of_last_plan(raw, data, last_raw, last, problems)


def check_year(project: Project, year: int) -> CheckResult:
    """Check data/<year> and the templates; unreadable files raise, everything else is
    collected in the result."""
    from reportgen.checks import consistency
    from reportgen.data.folder import read_year
    from reportgen.data.validate import collect_year

    raw = read_year(year, project.existing_year_dir(year), project.ref)
    problems = Problems()
    data = collect_year(raw, problems)
    precision(raw, problems)
    consistency.breakdowns(raw, data, problems)
    consistency.statistics_and_results(raw, data, problems)
    compare_with_last_year(project, raw, data, problems)
    result = CheckResult(year, statuses=plan_vs_actual(data))
    if all(name in data.indicators for name in ("完成情况", "计划目标")):
        check_templates(project, raw, data, problems)
        if not problems.errors:
            result.gaps = dry_run(project, data, problems)
    result.problems = sorted(problems.items, key=lambda p: p.sort_key())
    return result


def dry_run(project: Project, data: YearData, problems: Problems) -> list[Gap]:
    """Render the narrative and 专栏 as the build does; the gaps it prints are what is left."""
    from reportgen.commands.build import compose

    meeting = [g for g in (data.meta.meeting_date, data.meta.meeting_name) if isinstance(g, Gap)]
    try:
        gaps = compose(project, data).gaps + meeting
        return list({str(gap.ref): gap for gap in reversed(gaps)}.values())[::-1]
    except ReportgenError as exc:
        problems.error(exc.ref or "", exc.message)
        return []


def check_templates(project: Project, raw: RawYear, data: YearData, problems: Problems) -> None:
    """Every name in the narrative, titles, 专栏 templates and the Word template exists."""
    from reportgen.checks.names import TemplateChecker
    from reportgen.report.narrative import box_order, box_places
    from reportgen.templating.context import build_context
    from reportgen.templating.environment import make_env
    from reportgen.templating.views import Lookup
    from reportgen.textfile import read_text

    order = box_order(data.narrative)
    context = build_context(data, {name: i for i, name in enumerate(order, start=1)})
    context["标题"] = ""
    checker = TemplateChecker(make_env(), context, problems)
    years = {data.meta.review_year: "上年", data.meta.plan_year: "本年"}

    def literal_years(where: SourceRef) -> Any:
        def look(text: str, line: int) -> None:
            for match in re.finditer(r"(?<!\d)(\d{4})年", text):
                name = years.get(int(match.group(1)))
                if name:
                    at = line + text[: match.start()].count("\n")
                    problems.warning(where.at(line=at), f"「{match.group(0)}」 is written out; "
                                     f"write {{{{ {name} }}}}年 so that it moves on with the year")
        return look

    narrative = data.narrative_ref
    checker.check(data.narrative, _lines(narrative), literal=literal_years(narrative))
    title_ref = line_ref(raw.report_ref, raw.report, "标题")
    checker.check(data.meta.title, _fixed(title_ref), literal=literal_years(title_ref))
    for name, spec in data.boxes.items():
        where = spec.ref if isinstance(spec.ref, SourceRef) else SourceRef(str(spec.ref))
        for title in [spec.title] + [c.title for col in spec.columns for c in (col, *col.children)]:
            checker.check(title, _fixed(where), literal=literal_years(where))
        if name not in order:
            problems.warning(where, f"专栏 「{name}」 is defined but the narrative never places "
                             f"it (a line [专栏：{name}])")
        if spec.kind != "list" or spec.template is None or spec.source not in data.projects:
            continue
        path = project.box_templates_dir / spec.template
        shown = SourceRef(display_path(path, project.root))
        if not path.is_file():
            problems.error(where, f"专栏 「{name}」: its 模板 {shown} does not exist")
            continue
        local = {"行": context["项目"][spec.source],
                 "参数": Lookup(f"专栏 「{name}」 的参数", spec.params.items())}
        try:
            source = read_text(path, shown)
        except ReportgenError as exc:
            problems.error(exc.ref or shown, exc.message)
            continue
        checker.check(source, _lines(shown), local)
    for line, name in box_places(data.narrative):
        if name not in data.boxes:
            problems.error(narrative.at(line=line), f"[专栏：{name}] is not defined in "
                           f"boxes.yaml" + did_you_mean(name, list(data.boxes)))
    _check_word_template(project, checker, problems)


def _check_word_template(project: Project, checker: TemplateChecker, problems: Problems) -> None:
    """The Word template's tags, one line per paragraph ({%p …%} read as {% … %}); it also
    sees 正文, the blocks of the body."""
    from reportgen.checks.names import plain_jinja
    from reportgen.templating.views import Lookup
    from reportgen.word.text import docx_pieces

    path = project.template_path
    if not path.is_file():
        return
    shown = display_path(path, project.root)
    try:
        text = "\n".join(piece.text for piece in docx_pieces(path, shown))
    except ReportgenError as exc:
        problems.error(exc.ref or shown, exc.message)
        return
    body = {"正文": [Lookup("正文段落", [("类型", "p"), ("内容", "")])]}
    checker.check(plain_jinja(text), lambda n: f"{shown} (paragraph {n})", body)


def precision(raw: RawYear, problems: Problems) -> None:
    """A number with more decimals than any report prints is a cell left at General with a
    computed value (500.29999999999995): its format should give the published decimals."""
    from reportgen.data.sheets import parse_decimal

    for tables in raw.workbooks.values():
        for table in tables.values():
            for row in table.rows:
                for cell in row.cells.values():
                    number = parse_decimal(cell.text.removesuffix("%"))
                    exponent = number.as_tuple().exponent if number is not None else 0
                    if isinstance(exponent, int) and -exponent > MAX_DECIMALS:
                        problems.warning(cell.ref, f"「{cell.text}」 has more decimals than a "
                                         "report prints; give the cell a number format with the "
                                         "published decimals (0.00)")


def _lines(ref: SourceRef) -> Callable[[int], SourceRef]:
    return lambda line: ref.at(line=line)


def _fixed(ref: SourceRef) -> Callable[[int], SourceRef]:
    return lambda line: ref


def status_table(rows: list[StatusRow]) -> str:
    """The plan-vs-actual table for a terminal, Chinese columns aligned: each column as wide as
    its widest cell, the 序号 numbers right-aligned to each other, one space between columns."""
    digits = max((len(row.number) for row in rows), default=0)
    lines = [list(STATUS_COLUMNS)]
    lines += [[row.number.rjust(digits), *row.cells()[1:]] for row in rows]
    widths = [max(map(display_width, column)) for column in zip(*lines, strict=True)]
    return "\n".join(" ".join(text + " " * (width - display_width(text))
                              for text, width in zip(line, widths, strict=True)).rstrip()
                     for line in lines)


def gap_lines(gaps: list[Gap]) -> list[str]:
    """Gaps grouped by sheet: ``data/2022/indicators.xlsx[完成情况]: G2 H2 G3``."""
    cells: dict[str, list[str]] = {}
    for gap in sorted(gaps, key=lambda g: place_key(g.ref)):
        ref = gap.ref
        if isinstance(ref, SourceRef) and ref.sheet is not None:
            place = str(SourceRef(ref.file, ref.sheet))
            cell = (str(ref.at(file="", sheet=None, column_name=None)).removeprefix("!")
                    if ref.row is not None else "(no rows yet)")
        else:
            place, cell = str(ref), gap.what
        if cell not in cells.setdefault(place, []):
            cells[place].append(cell)
    return [f"{place}: {' '.join(found)}" for place, found in cells.items()]
