"""``reportgen check``: every problem of a year at once, each with its place.

Stages: schema (validation), precision, consistency (figures stated twice, last year's plan),
plan vs actual (the status of each indicator), templates (every name they use exists), then a
dry run of the narrative and 专栏 that finds what is still to fill in.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from reportgen.characters import visible
from reportgen.checks import consistency
from reportgen.checks.markup import markup_problems
from reportgen.checks.plan import StatusRow, plan_vs_actual, status_table
from reportgen.checks.precision import precision
from reportgen.checks.templates import check_templates
from reportgen.checks.wording import lint, source_findings
from reportgen.console import Console
from reportgen.data.model import Gap, YearData
from reportgen.data.yamlfile import line_ref
from reportgen.errors import Problem, Problems, ReportgenError
from reportgen.i18n import _
from reportgen.project import Project
from reportgen.report import year as years
from reportgen.report.compose import compose, last_narrative
from reportgen.report.stale import message, stale_lines
from reportgen.report.todo import outstanding, todo_lines
from reportgen.templating.linebreak import TITLE_CHARS, balance, full_lines


@dataclass
class CheckResult:
    year: int
    problems: list[Problem] = field(default_factory=list)
    statuses: list[StatusRow] = field(default_factory=list)
    gaps: list[Gap] = field(default_factory=list)
    #: the wording lint's findings (GB/T 15834/15835), (place, what): advice, which an
    #: official text may not follow (the report is reproduced as published)
    notes: list[tuple[str, str]] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.level == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.level != "error"]


def compare_with_last_year(project: Project, data: YearData, problems: Problems) -> None:
    """The execution table against last year's plan, when that year's folder is there."""
    year = data.year - 1
    folder = project.year_dir(year)
    if not folder.is_dir():
        return
    try:
        _raw, last = years.load(project, year)
    except ReportgenError:
        problems.warning(project.ref(folder), _("not compared with {year}'s plan: that year has "
                         "errors (reportgen check {year})").format(year=year))
        return
    consistency.targets_of_last_plan(data, last, problems)


def check_year(project: Project, year: int) -> CheckResult:
    """Check data/<year> and the templates; unreadable files raise, everything else is
    collected in the result."""
    raw = years.read(project, year)
    problems = Problems()
    data = years.collect(raw, problems, project)
    precision(raw, problems)
    consistency.breakdowns(data, problems)
    consistency.statistics_and_results(data, problems)
    compare_with_last_year(project, data, problems)
    result = CheckResult(year, statuses=plan_vs_actual(data))
    for line, what in markup_problems(data.narrative):
        problems.warning(data.narrative_ref.at(line=line), what)
    for item in stale_lines(data.narrative, last_narrative(project, year)):
        problems.warning(data.narrative_ref.at(line=item.line), message(item, year))
    check_templates(project, raw, data, problems)
    title = years.rendered_title(data.meta, raw.report_ref, lines=True)
    printed = balance(title, TITLE_CHARS) if isinstance(title, str) else None  # as built
    result.notes = wording_notes(data, printed,
                                 line_ref(raw.report_ref, raw.report, "标题"))
    if not problems.errors:
        result.gaps = outstanding(data, dry_run(project, data, problems))
    result.problems = sorted(problems.items, key=lambda p: p.sort_key())
    return result


def wording_notes(data: YearData, title: str | None = None,
                  title_ref: object = None) -> list[tuple[str, str]]:
    """The wording lint over what the user typed: the narrative (its lines), and the text
    cells of the sheets (project names, 完成情况 …, each at its cell); and each line of the
    rendered ``title`` that fills a whole line."""
    notes = [(str(data.narrative_ref.at(line=f.line)), f.explained())
             for f in source_findings(data.narrative)]
    for number, width in full_lines(title or ""):
        notes.append((str(title_ref or data.meta.ref),
                      _("the title's line {number} is {width:g} characters wide, a whole "
                        "line: where the digits' face is wider than Times New Roman, its last "
                        "character wraps alone; break it within {most} characters "
                        "[title-line]").format(number=number, width=width, most=TITLE_CHARS)))
    tables = [*data.projects.values(), data.statistics, data.major_projects, data.investment]
    for table in tables:
        for record in table.rows:
            for column, value in record.values.items():
                if isinstance(value, str):
                    notes += [(str(record.cell(column)), f.explained()) for f in lint(value)]
    return notes


def dry_run(project: Project, data: YearData, problems: Problems) -> list[Gap]:
    """Render the narrative and 专栏 as the build does; the placeholders it prints."""
    try:
        return compose(project, data).gaps
    except ReportgenError as exc:
        problems.error(exc.ref or "", exc.message)
        return []


def run(project: Project, year: int, console: Console, strict: bool = False) -> int:
    """The command: the plan-vs-actual table, what is left to fill in, every problem; the exit
    status is 1 on errors (and, with ``strict``, on warnings and values to fill in)."""
    result = check_year(project, year)
    if result.statuses:
        counts = Counter(row.status for row in result.statuses)
        console.out(_("plan vs actual, {count} indicators of 完成情况: {statuses}").format(
            count=len(result.statuses),
            statuses=_(", ").join(f"{status} {n}" for status, n in counts.most_common())))
        console.out(visible(status_table(result.statuses)))
        console.out("")
    if result.gaps:
        console.out(_("{count} value(s) still to fill in:").format(count=len(result.gaps)))
        for line in todo_lines(result.gaps):
            console.out(visible(f"  {line}"))
    for problem in result.problems:  # a name's invisible characters shown (<U+200B>)
        line = (_("error: {place}: {message}") if problem.level == "error" else
                _("warning: {place}: {message}"))
        console.out(visible(line.format(place=problem.ref, message=problem.message)))
    for place, what in result.notes:
        console.out(visible(_("note: {place}: {what}").format(place=place, what=what)))
    errors, warnings = len(result.errors), len(result.warnings)
    notes = (_("; {count} wording note(s)").format(count=len(result.notes)) if result.notes
             else "")
    console.err(_("check {year}: {errors} error(s), {warnings} warning(s), "
                  "{n_gaps} value(s) to fill in{notes}")
                  .format(year=year, errors=errors, warnings=warnings, n_gaps=len(result.gaps),
                          notes=notes))
    return 1 if errors or (strict and (warnings or result.gaps)) else 0
