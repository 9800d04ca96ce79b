"""The command line: each command parses its options and calls one function of ``commands/``.

Expected failures are ``ReportgenError``s, click exceptions that carry their message and exit
status; anything else is a bug, printed as one line by the group's one handler. Heavy imports
(docxtpl, openpyxl, babel) happen inside the commands that need them, so ``reportgen --help``
stays instant.
"""

from __future__ import annotations

from reportgen import signals

_LOADING = signals.starting()  # a signal while the modules below load ends reportgen quietly

import os  # noqa: E402
import sys  # noqa: E402
from typing import Any  # noqa: E402

import click  # noqa: E402

from reportgen import __version__  # noqa: E402
from reportgen.console import Console  # noqa: E402
from reportgen.errors import ReportgenError  # noqa: E402
from reportgen.helpformat import WideContext  # noqa: E402
from reportgen.i18n import N_, _, cleandoc, translate_click  # noqa: E402

#: Exit status of an unexpected failure (1 is bad input, 2 a wrong command line).
INTERNAL_ERROR = 3
#: Exit status after Ctrl-C, as shells give it.
INTERRUPTED = 130


class ReportCommand(click.Command):
    """A command whose expected failures exit with ``trouble`` (1, or 2 for ``diff``, whose 1
    means "different", as GNU diff's)."""

    context_class = WideContext  # its help wrapped by the columns Chinese takes

    def __init__(self, *args: Any, trouble: int = 1, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.trouble = trouble


def localise(command: click.Command) -> None:
    """The help texts of ``command`` and of its subcommands and options in the chosen language:
    they are marked (``N_``, or a command's docstring) and kept in English, and translated each
    time the command line runs - the language is the one of that run's environment."""
    commands = [command, *getattr(command, "commands", {}).values()]
    for item in [*commands, *(param for c in commands for param in c.params)]:
        for attribute in ("help", "short_help"):
            english = item.__dict__.setdefault(f"english_{attribute}",
                                               getattr(item, attribute, None))
            if english:
                setattr(item, attribute, _(cleandoc(english)))
        if isinstance(item, click.Command):
            item._help_option = None  # click keeps its --help option, help text and all


class ReportGroup(click.Group):
    """The reportgen group: the one place where failures become messages and exit statuses."""

    command_class = ReportCommand
    context_class = WideContext

    def main(self, *args: Any, **kwargs: Any) -> Any:
        """The command in the chosen language (reportgen's texts and click's own), ended by
        SIGTERM or SIGHUP as by Ctrl-C: temporary files removed."""
        translate_click()
        localise(self)
        with signals.handled():
            try:
                return super().main(*args, **kwargs)
            except signals.Terminated as exc:
                click.echo(_("terminated"), err=True)
                sys.exit(exc.status)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except ReportgenError as exc:
            command = self.get_command(ctx, ctx.invoked_subcommand or "")
            exc.show()
            trouble = command.trouble if isinstance(command, ReportCommand) else 1
            ctx.exit(trouble if exc.exit_code == 1 else exc.exit_code)
        except (click.exceptions.Exit, click.ClickException, click.Abort):
            raise
        except KeyboardInterrupt:
            click.echo(_("interrupted"), err=True)
            ctx.exit(INTERRUPTED)
        except Exception as exc:  # a bug, not bad input: still one message, no traceback
            if os.environ.get("REPORTGEN_DEBUG"):
                raise
            click.echo(_("internal error: {kind}: {exc}\n  This is a bug in "
                         "reportgen, not a problem with your files; please report it with the "
                         "command you ran (REPORTGEN_DEBUG=1 shows the traceback).")
                         .format(kind=type(exc).__name__, exc=exc), err=True)
            ctx.exit(INTERNAL_ERROR)


def _bar(items: Any, label: str) -> Any:
    """A progress bar on stderr, that leaves its line when done."""
    def shown() -> Any:
        with click.progressbar(items, label=label, file=sys.stderr, show_pos=True) as bar:
            yield from bar
    return shown()


def console(color: bool | None = None) -> Console:
    return Console(lambda text: click.echo(text, color=color),
                   lambda text: click.echo(text, err=True),
                   _bar if sys.stderr.isatty() else None)


def _version(ctx: click.Context, asked: bool) -> None:
    """``--version``: click's own, but in the language of the run (click's decorator fixes
    its text when the module is imported)."""
    if asked and not ctx.resilient_parsing:
        click.echo(_("%(prog)s, version %(version)s") % {"prog": "reportgen",
                                                         "version": __version__})
        ctx.exit()


def year_argument(func: Any) -> Any:
    return click.argument("year", metavar="YEAR")(func)


def project_option(func: Any) -> Any:
    return click.option(
        "--project", "project_dir", type=click.Path(file_okay=False),
        default=None, help=N_("Project folder (holding data/ and templates/); default: the one "
                             "the current folder is in."),
    )(func)


def project_of(project_dir: str | None) -> Any:
    """The project a command works on: ``--project`` after the command, else before it, else
    the one the current folder is in (looking upward). Paths are then shown from the current
    folder when it is inside the project."""
    from pathlib import Path

    from reportgen.errors import view_from
    from reportgen.project import Project

    chosen = project_dir or click.get_current_context().find_root().params.get("project_dir")
    project = Project.found(chosen)
    here = Path.cwd().resolve()
    view_from(here if here.is_relative_to(project.root) and here != project.root else None)
    return project


@click.group(cls=ReportGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--version", is_flag=True, expose_value=False, is_eager=True,
              callback=lambda ctx, param, value: _version(ctx, value),
              help=N_("Show the version and exit."))
@project_option
def main(project_dir: str | None) -> None:
    """Build the annual 国民经济和社会发展计划执行情况及计划草案 report from data and templates.

    YEAR is the plan year: 2021 is the report given in 2021 (the 2020 execution and the 2021
    draft plan), built from data/2021/.
    """


@main.command()
@year_argument
@project_option
@click.option("--strict", is_flag=True, help=N_("Refuse to build while values are still blank."))
@click.option("--pdf", is_flag=True, help=N_("Also write the PDF (needs LibreOffice)."))
@click.option("--png", is_flag=True,
              help=N_("Also write the PDF and pictures of its pages and 专栏 in "
                      "output/YEAR/preview/ (needs LibreOffice and poppler)."))
@click.pass_context
def build(ctx: click.Context, year: str, project_dir: str | None, strict: bool, pdf: bool,
          png: bool) -> None:
    """Build output/YEAR/<title>.docx from data/YEAR and templates/."""
    from reportgen.commands import build as command
    from reportgen.project import parse_year

    ctx.exit(command.run(project_of(project_dir), parse_year(year), console(), strict=strict,
                         pdf=pdf, png=png))


@main.command()
@click.argument("folder", metavar="[DIR]", default=".", type=click.Path(file_okay=False))
@click.option("--year", metavar="YEAR", default=None,
              help=N_("The plan year of the first year folder (default: next year from July on, "
                     "else this year)."))
@click.pass_context
def init(ctx: click.Context, folder: str, year: str | None) -> None:
    """Start a project for another district in DIR (new or empty; default: here).

    Writes the Word template, the standard 专栏 templates, reportgen.toml, 填写说明.md and a
    first year folder: report.yaml, narrative and 专栏 to edit, and guided workbooks whose
    values are all 待填. It builds as it is, every blank a highlighted placeholder.
    """
    import datetime as dt
    from pathlib import Path

    from reportgen.commands import init as command
    from reportgen.project import parse_year

    plan_year = parse_year(year) if year else command.default_year(dt.date.today())
    ctx.exit(command.run(Path(folder), plan_year, console()))


@main.command("import")
@click.argument("file", metavar="FILE", type=click.Path(dir_okay=False))
@project_option
@click.option("--year", metavar="YEAR", default=None,
              help=N_("The plan year of the folder to write (default: the plan year the title "
                     "names)."))
@click.pass_context
def import_(ctx: click.Context, file: str, project_dir: str | None, year: str | None) -> None:
    """Import a published report (.docx or .txt) as data/YEAR, so that build gives it back.

    Writes report.yaml, narrative.txt, boxes.yaml and the workbooks its 专栏 and figures need,
    keeps FILE as the year's official text, then builds the year and compares it with FILE.
    Never overwrites a year. Prints the summary on stderr; exit 1 when the rebuilt report
    differs.
    """
    from pathlib import Path

    from reportgen.commands import importing as command
    from reportgen.project import Project, parse_year

    ctx.exit(command.run(Project.at(project_dir), Path(file), parse_year(year) if year else None,
                         console()))


@main.command()
@project_option
@click.option("--force", is_flag=True, help=N_("Replace an existing templates/report.docx."))
@click.pass_context
def template(ctx: click.Context, project_dir: str | None, force: bool) -> None:
    """Write the default Word template (templates/report.docx) from the layout settings."""
    from reportgen.commands import template as command

    ctx.exit(command.run(project_of(project_dir), console(), force=force))


@main.command()
@year_argument
@project_option
@click.option("--from", "source", metavar="YEAR", default=None,
              help=N_("Draft from this year's data (default: the year before)."))
@click.pass_context
def draft(ctx: click.Context, year: str, project_dir: str | None, source: str | None) -> None:
    """Create data/YEAR from last year's data, for drafting next year's report.

    Targets become the execution table to report on, last year's planned lists become lists
    to report on, and every value still to give is marked 待填. Never overwrites: if data/YEAR
    exists, nothing is changed. Prints what to fill in next.
    """
    from reportgen.commands import draft as command
    from reportgen.project import parse_year

    ctx.exit(command.run(project_of(project_dir), parse_year(year), console(),
                         parse_year(source) if source else None))


@main.command()
@year_argument
@project_option
@click.option("--strict", is_flag=True,
              help=N_("Fail (exit 1) on warnings and on values still to fill in, too."))
@click.pass_context
def check(ctx: click.Context, year: str, project_dir: str | None, strict: bool) -> None:
    """Check data/YEAR and the templates; print every problem and each indicator's status.

    Finds every problem at once, each with its place: missing or misspelt files, sheets and
    columns, bad values, duplicates; figures stated twice that disagree; template names with
    no data. Prints the plan-vs-actual table of the execution indicators. Exit 1 on errors;
    warnings alone exit 0 unless --strict.
    """
    from reportgen.commands import check as command
    from reportgen.project import parse_year

    ctx.exit(command.run(project_of(project_dir), parse_year(year), console(), strict=strict))


@main.command()
@project_option
@click.pass_context
def series(ctx: click.Context, project_dir: str | None) -> None:
    """Every year's indicators side by side: output/series/指标历年.xlsx and .csv.

    One row per indicator; for each year its target, result and status, from the year
    folders' 完成情况 and 计划目标; a five-year plan's target where a sheet has a column for it
    (“十四五”目标), with the progress toward it. The workbook charts the headline indicators.
    """
    from reportgen.commands import series as command

    ctx.exit(command.run(project_of(project_dir), console()))


@main.command(trouble=2)
@click.argument("first", metavar="YEAR|A")
@click.argument("second", metavar="[YEAR|B]", required=False)
@project_option
@click.option("--official", type=click.Path(dir_okay=False), default=None,
              help=N_("Compare with this file instead of data/YEAR/official.txt or .docx."))
@click.option("--strict", is_flag=True,
              help=N_("Whitespace and paragraph breaks count too (default: ignored), and two "
                     "years' reports are compared with their years as written (default: the "
                     "years moving on compare equal)."))
@click.option("--fold-width", is_flag=True,
              help=N_("Full-width punctuation, digits and letters (U+FF01-FF5E, U+3000) equal "
                     "their half-width forms (default: they differ)."))
@click.option("--html", "html_path", type=click.Path(dir_okay=False),
              default=None, help=N_("Also write the changes as one self-contained HTML page."))
@click.option("--docx", "docx_path", type=click.Path(dir_okay=False),
              default=None, help=N_("Also write a Word file with the changes as tracked changes, "
                                   "in the form of the report (its styles and tables)."))
@click.option("--docx-direction", type=click.Choice(["a-to-b", "b-to-a"]), default="a-to-b",
              show_default=True,
              help=N_("Which way the Word file's changes go: a-to-b, Accept All gives b (the "
                     "generated draft, for reportgen diff YEAR); b-to-a, Accept All gives a (the "
                     "official text or 修改稿)."))
@click.option("--author", default=None,
              help=N_("Author of the Word file's tracked changes (default: 报告单位 in "
                     "report.yaml)."))
@click.option("--json", "as_json", is_flag=True,
              help=N_("Print the changes and the summary as JSON instead of text."))
@click.option("-q", "--brief", is_flag=True, help=N_("Print only the summary, not each change."))
@click.option("--context", type=click.IntRange(0, 1000), default=20, show_default=True,
              help=N_("Characters of context shown around each change."))
@click.option("--color", type=click.Choice(["auto", "always", "never"]), default="auto",
              show_default=True, help=N_("Colour the changes (auto: when printing to a terminal)."))
@click.option("--update-baseline", is_flag=True,
              help=N_("Accept the current differences: write them to data/YEAR/"
                     "diff-baseline.json, so that only new ones make the exit status 1."))
@click.pass_context
def diff(ctx: click.Context, first: str, second: str | None, project_dir: str | None,
         official: str | None, strict: bool, fold_width: bool, html_path: str | None,
         docx_path: str | None, docx_direction: str, author: str | None, as_json: bool,
         brief: bool, context: int, color: str, update_baseline: bool) -> None:
    """Compare texts character by character: a generated report with the official text.

    \b
      reportgen diff 2021               official text -> generated report of 2021
                                        (built first when missing or out of date)
      reportgen diff 2021 --official F  file F -> generated report of 2021
      reportgen diff A B                any two .docx or .txt files, A -> B
      reportgen diff 2021 2022          the generated reports of two years, the years
                                        moving on (2020/2021 -> 2021/2022) compared equal

    Whitespace is ignored; full-width and half-width punctuation differ; a figure (150万元,
    3.2%) changes whole, and the summary lists the figures changed. Exit status: 0 same (or
    only differences accepted in data/YEAR/diff-baseline.json), 1 different, 2 trouble.
    """
    from pathlib import Path

    from reportgen.commands import diff as command
    from reportgen.diff.normalise import Normalisation
    from reportgen.diff.output import Options

    if color == "auto":
        colored = sys.stdout.isatty() and not os.environ.get("NO_COLOR")
    else:
        colored = color == "always"
    files = tuple((name, Path(path)) for name, path in (("html", html_path), ("docx", docx_path))
                  if path is not None)
    request = command.DiffRequest(first, second, Path(official) if official else None,
                                  Normalisation(strict, fold_width),
                                  files, "json" if as_json else "text",
                                  Options(colored, context, brief, direction=docx_direction),
                                  update_baseline, author)
    ctx.exit(command.run(project_of(project_dir), request, console(colored)))


signals.started(_LOADING)
