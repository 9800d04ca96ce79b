"""The command line: parse options, call one function, turn expected failures into messages.

Heavy imports (docxtpl, openpyxl, babel) happen inside the commands that need them, so
``reportgen --help`` stays instant.
"""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from reportgen import __version__
from reportgen.errors import ReportgenError, display_path

#: Exit status of an unexpected failure (1 is bad input, 2 a wrong command line).
INTERNAL_ERROR = 3


def reports_errors(func: Callable[..., Any]) -> Callable[..., Any]:
    """Expected failures print one message on stderr and exit with their code; no traceback."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except ReportgenError as exc:
            click.echo(f"error: {exc}", err=True)
            sys.exit(exc.exit_code)
        except KeyboardInterrupt:
            click.echo("interrupted", err=True)
            sys.exit(130)
        except Exception as exc:  # a bug, not bad input: still one message, no traceback
            if os.environ.get("REPORTGEN_DEBUG"):
                raise
            click.echo(f"internal error: {type(exc).__name__}: {exc}\n  This is a bug in "
                       "reportgen, not a problem with your files; please report it with the "
                       "command you ran (REPORTGEN_DEBUG=1 shows the traceback).", err=True)
            sys.exit(INTERNAL_ERROR)

    return wrapper


def year_argument(func: Callable[..., Any]) -> Callable[..., Any]:
    return click.argument("year", metavar="YEAR")(func)


def project_option(func: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "--project", "project_dir", type=click.Path(file_okay=False, path_type=Path),
        default=None, help="Project folder (holding data/ and templates/); default: here.",
    )(func)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="reportgen")
def main() -> None:
    """Build the annual 国民经济和社会发展计划执行情况及计划草案 report from data and templates.

    YEAR is the plan year: 2021 is the report given in 2021 (the 2020 execution and the 2021
    draft plan), built from data/2021/.
    """


@main.command()
@year_argument
@project_option
@click.option("--strict", is_flag=True, help="Refuse to build while values are still blank.")
@click.option("--pdf", is_flag=True, help="Also write the PDF (needs LibreOffice).")
@click.option("--png", is_flag=True,
              help="Also write the PDF and pictures of its pages and 专栏 in output/YEAR/preview/ "
                   "(needs LibreOffice and poppler).")
@reports_errors
def build(year: str, project_dir: Path | None, strict: bool, pdf: bool, png: bool) -> None:
    """Build output/YEAR/<title>.docx from data/YEAR and templates/."""
    from reportgen.commands.build import build as run_build
    from reportgen.project import Project, parse_year

    project = Project.at(project_dir)
    built = run_build(project, parse_year(year), strict=strict)
    for warning in built.warnings:
        click.echo(f"warning: {warning}", err=True)
    if built.gaps:
        click.echo(f"{len(built.gaps)} value(s) still to fill in (highlighted 【待填】 in the "
                   "document):", err=True)
        for gap in built.gaps:
            click.echo(f"  {gap.ref}: {gap.what}", err=True)
    click.echo(display_path(built.path, project.root))
    if pdf or png:
        from reportgen.word.export import export

        click.echo("converting with LibreOffice…", err=True)
        for path in export(built.path, project.root, pictures=png):
            click.echo(display_path(path, project.root))


@main.command()
@project_option
@click.option("--force", is_flag=True, help="Replace an existing templates/report.docx.")
@reports_errors
def template(project_dir: Path | None, force: bool) -> None:
    """Write the default Word template (templates/report.docx) from the layout settings."""
    from reportgen.project import Project
    from reportgen.word.layout import load_layout
    from reportgen.word.template import make_template
    from reportgen.write import write_atomic

    project = Project.at(project_dir)
    path = project.template_path
    if path.exists() and not force:
        raise ReportgenError("exists already; use --force to replace it",
                             project.ref(path).file)
    layout, _ = load_layout(project.config_path, project.ref(project.config_path))
    write_atomic(path, make_template(layout), project.root)
    click.echo(project.ref(path).file)


@main.command()
@year_argument
@project_option
@click.option("--from", "source", metavar="YEAR", default=None,
              help="Draft from this year's data (default: the year before).")
@reports_errors
def draft(year: str, project_dir: Path | None, source: str | None) -> None:
    """Create data/YEAR from last year's data, for drafting next year's report.

    Targets become the execution table to report on, last year's planned lists become lists
    to report on, and every value still to give is marked 待填. Never overwrites: if data/YEAR
    exists, nothing is changed. Prints what to fill in next.
    """
    from reportgen.commands.draft import draft as run_draft
    from reportgen.project import Project, parse_year

    project = Project.at(project_dir)
    drafted = run_draft(project, parse_year(year), parse_year(source) if source else None)
    new, old = (project.ref(p).file for p in (drafted.folder, drafted.source))
    click.echo(f"drafted {new} from {old}; fill in next:")
    for item in drafted.todo:
        click.echo(f"  {item}")
    click.echo(f"then: reportgen check {year}, and reportgen build {year} (every value still "
               "to fill in shows as a yellow 【待填：…】)")


@main.command()
@year_argument
@project_option
@click.option("--strict", is_flag=True,
              help="Fail (exit 1) on warnings and on values still to fill in, too.")
@reports_errors
def check(year: str, project_dir: Path | None, strict: bool) -> None:
    """Check data/YEAR and the templates; print every problem and each indicator's status.

    Finds every problem at once, each with its place: missing or misspelt files, sheets and
    columns, bad values, duplicates; figures stated twice that disagree; template names with
    no data. Prints the plan-vs-actual table of the execution indicators. Exit 1 on errors;
    warnings alone exit 0 unless --strict.
    """
    from collections import Counter

    from reportgen.commands.check import check_year, gap_lines, status_table
    from reportgen.project import Project, parse_year

    project = Project.at(project_dir)
    result = check_year(project, parse_year(year))
    if result.statuses:
        counts = Counter(row.status for row in result.statuses)
        click.echo(f"plan vs actual, {len(result.statuses)} indicators of 完成情况: "
                   + ", ".join(f"{status} {n}" for status, n in counts.most_common()))
        click.echo(status_table(result.statuses))
        click.echo("")
    if result.gaps:
        click.echo(f"{len(result.gaps)} value(s) still to fill in (shown as 【待填：…】):")
        for line in gap_lines(result.gaps):
            click.echo(f"  {line}")
    for problem in result.problems:
        click.echo(f"{problem.level}: {problem.ref}: {problem.message}")
    errors, warnings = len(result.errors), len(result.warnings)
    click.echo(f"check {year}: {errors} error(s), {warnings} warning(s), "
               f"{len(result.gaps)} value(s) to fill in", err=True)
    if errors or (strict and (warnings or result.gaps)):
        sys.exit(1)


@main.command()
@click.argument("first", metavar="YEAR|A")
@click.argument("second", metavar="[YEAR|B]", required=False)
@project_option
@click.option("--official", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Compare with this file instead of data/YEAR/official.txt or .docx.")
@click.option("--strict", is_flag=True,
              help="Whitespace and paragraph breaks count too (default: ignored).")
@click.option("--fold-width", is_flag=True,
              help="Full-width punctuation, digits and letters (U+FF01-FF5E, U+3000) equal "
                   "their half-width forms (default: they differ).")
@click.option("--html", "html_path", type=click.Path(dir_okay=False, path_type=Path),
              default=None, help="Also write the changes as one self-contained HTML page.")
@click.option("--docx", "docx_path", type=click.Path(dir_okay=False, path_type=Path),
              default=None, help="Also write a Word file with the changes as tracked changes.")
@click.option("--json", "as_json", is_flag=True,
              help="Print the changes and the summary as JSON instead of text.")
@click.option("-q", "--brief", is_flag=True, help="Print only the summary, not each change.")
@click.option("--context", type=click.IntRange(0, 1000), default=20, show_default=True,
              help="Characters of context shown around each change.")
@click.option("--color", type=click.Choice(["auto", "always", "never"]), default="auto",
              show_default=True, help="Colour the changes (auto: when printing to a terminal).")
@click.option("--update-baseline", is_flag=True,
              help="Accept the current differences: write them to data/YEAR/"
                   "diff-baseline.json, so that only new ones make the exit status 1.")
@reports_errors
def diff(first: str, second: str | None, project_dir: Path | None, official: Path | None,
         strict: bool, fold_width: bool, html_path: Path | None, docx_path: Path | None,
         as_json: bool, brief: bool, context: int, color: str, update_baseline: bool) -> None:
    """Compare texts character by character: a generated report with the official text.

    \b
      reportgen diff 2021               official text -> generated report of 2021
                                        (built first when missing or out of date)
      reportgen diff 2021 --official F  file F -> generated report of 2021
      reportgen diff A B                any two .docx or .txt files, A -> B
      reportgen diff 2021 2022          the generated reports of two years

    Whitespace is ignored; full-width and half-width punctuation differ. Exit status: 0 same
    (or only differences accepted in data/YEAR/diff-baseline.json), 1 different, 2 trouble.
    """
    from reportgen.commands.diff import DiffRequest, run_diff
    from reportgen.diff.normalise import Normalisation
    from reportgen.project import Project

    if color == "auto":
        colored = sys.stdout.isatty() and not os.environ.get("NO_COLOR")
    else:
        colored = color == "always"
    request = DiffRequest(first, second, official, Normalisation(strict, fold_width), html_path,
                          docx_path, as_json, brief, colored, context, update_baseline)
    try:
        outcome = run_diff(Project.at(project_dir), request,
                           lambda message: click.echo(message, err=True))
    except ReportgenError as exc:
        exc.exit_code = 2  # diff's "trouble", like GNU diff
        raise
    click.echo(outcome.output, color=colored)
    sys.exit(outcome.status)
