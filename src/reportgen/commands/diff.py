"""``reportgen diff``: decide what to compare, compare it, write the requested outputs.

- ``diff 2021``: the official text of 2021 (a) against the generated report (b), built first
  when missing or older than data/2021/, templates/ or reportgen.toml; ``official`` replaces
  the official text with another file. The year's baseline of accepted differences applies.
- ``diff A B``: any two files (.docx or .txt); a four-digit argument stands for that year's
  generated report, so ``diff 2021 2022`` compares two years - with the years moving on folded
  (each side's 上年/本年, from its report.yaml, compare equal), unless ``--strict``.

The exit status is GNU diff's: 0 same (or only accepted differences), 1 different; trouble
raises ``ReportgenError`` and the command exits 2.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from reportgen.console import Console
from reportgen.diff import output
from reportgen.diff.changes import Comparison, compare
from reportgen.diff.normalise import Normalisation, Side
from reportgen.diff.output import DIFF_CATEGORY
from reportgen.errors import ReportgenError, UsageError, display_path
from reportgen.i18n import _, ngettext
from reportgen.project import REPORT_YAML, Project, is_year, parse_year
from reportgen.textfile import read_text
from reportgen.word.text import docx_category, read_pieces

if TYPE_CHECKING:
    from reportgen.data.model import Meta


@dataclass(frozen=True)
class DiffRequest:
    first: str
    second: str | None = None
    official: Path | None = None
    rules: Normalisation = Normalisation()
    #: The files to write, by format (html, docx), and the format printed (text, json).
    files: tuple[tuple[str, Path], ...] = ()
    printed: str = "text"
    options: output.Options = output.Options()
    update_baseline: bool = False
    #: the author of the Word file's tracked changes; None: the 报告单位 of report.yaml
    author: str | None = None


@dataclass(frozen=True)
class Outcome:
    status: int  # 0 same, 1 different
    output: str  # what goes to stdout


@dataclass(frozen=True)
class _Input:
    path: Path
    label: str
    year: int | None = None
    #: the report's 上年 and 本年, when the side is a year's generated report
    years: tuple[int, int] | None = None


def report_meta(project: Project, year: int) -> Meta:
    """A year's report.yaml, read as the build reads it (for its years and 报告单位)."""
    from reportgen.data.meta import meta_of
    from reportgen.data.yamlfile import read_yaml
    from reportgen.errors import Problems

    path = project.year_dir(year) / REPORT_YAML
    where = project.ref(path)
    problems = Problems()
    meta = meta_of(read_yaml(path, where), where, year, problems)
    problems.raise_if_any()
    return meta


def generated_report(project: Project, year: int, notify: Callable[[str], None]) -> Path:
    """output/<year>/<title>.docx, built first when missing or older than its inputs."""
    project.existing_year_dir(year)
    reports = [p for p in project.output_reports(year) if docx_category(p) != DIFF_CATEGORY]
    if reports:
        report = reports[0]
        newer = project.newer_input(year, report)
        if newer is None:
            if len(reports) > 1:
                folder = display_path(report.parent, project.root)
                notify(_("note: {n_reports} reports in {folder}/, comparing the newest: "
                         "{name}").format(n_reports=len(reports), folder=folder, name=report.name))
            return report
        reason = _("{file} is newer than {name}").format(file=project.ref(newer).file,
                                                          name=report.name)
    else:
        reason = _("no report built yet")
    notify(_("building {year} ({reason})").format(year=year, reason=reason))
    from reportgen.commands.build import build

    built = build(project, year)
    for warning in built.warnings:
        notify(_("warning: {warning}").format(warning=warning))
    return built.path


def _inputs(project: Project, request: DiffRequest,
            notify: Callable[[str], None]) -> tuple[_Input, _Input]:
    if request.second is None:
        if not is_year(request.first):
            raise UsageError(_("「{first}」 is not a year: give a year (reportgen diff "
                               "2021) or two files (reportgen diff A.docx B.txt)")
                               .format(first=request.first))
        year = parse_year(request.first)
        official = request.official
        if official is None:
            project.existing_year_dir(year)
            official = project.official_path(year)
            if official is None:
                raise ReportgenError(
                    _("no official text for {year}: neither official.txt nor official.docx")
                      .format(year=year),
                    project.ref(project.year_dir(year)),
                    _("Put the published text there, or name a file with --official PATH."))
        generated = generated_report(project, year, notify)
        return (_Input(official, _("official"), year),
                _Input(generated, _("generated"), year))
    if request.official is not None:
        raise UsageError(_("--official goes with a single year (reportgen diff 2021 --official "
                           "FILE); with two arguments, name both files"))
    sides = []
    for argument, label in ((request.first, "a"), (request.second, "b")):
        if is_year(argument):
            year = parse_year(argument)
            report = generated_report(project, year, notify)
            meta = report_meta(project, year)
            sides.append(_Input(report, str(year), year, (meta.review_year, meta.plan_year)))
        else:
            sides.append(_Input(Path(argument), label))
    if sides[0].label == sides[1].label:  # the same year twice
        sides = [replace(sides[0], label="a"), replace(sides[1], label="b")]
    return sides[0], sides[1]


def _side(project: Project, given: _Input, rules: Normalisation) -> Side:
    source = project.ref(given.path).file if given.path.is_absolute() else given.path.as_posix()
    pieces = read_pieces(given.path, source)
    return Side(given.label, source, pieces, rules, given.path.suffix.lower() != ".docx",
                given.years)


def default_author(project: Project, years: list[int]) -> str:
    """Who the Word file's tracked changes are by: the 报告单位 of the (later) year compared,
    or of the project's newest year for two files; reportgen's name when there is none."""
    if not years:
        found = sorted(p.name for p in project.data_dir.glob("[0-9][0-9][0-9][0-9]")
                       if (p / REPORT_YAML).is_file())
        years = [int(found[-1])] if found else []
    if not years:
        return _(output.AUTHOR)
    try:
        issuer = report_meta(project, max(years)).issuer
        return issuer if isinstance(issuer, str) and issuer else _(output.AUTHOR)
    except ReportgenError:  # that year's check reports it; the file needs a name only
        return _(output.AUTHOR)


def _document(given: _Input) -> bytes | None:
    """A compared .docx file's bytes, for the Word output to take its form."""
    if given.path.suffix.lower() != ".docx":
        return None
    try:
        return given.path.read_bytes()
    except OSError as exc:
        raise ReportgenError(_("cannot be read: {strerror}")
                               .format(strerror=exc.strerror), given.path.as_posix()) from None


def _apply_baseline(project: Project, year: int, comparison: Comparison, update: bool,
                    notify: Callable[[str], None]) -> str:
    """Mark the changes the year's baseline accepts, after rewriting it to accept them all
    when ``update``; returns the baseline's name as the user sees it."""
    from reportgen.diff import baseline

    path = project.year_dir(year) / baseline.NAME
    where = project.ref(path)
    previous: list[baseline.Accepted] = []
    if path.is_file():
        previous = baseline.parse(read_text(path, where), where)
    if update:
        from reportgen.write import write_atomic

        updated = baseline.dump(comparison, previous)
        write_atomic(path, updated.encode("utf-8"), project.root, owned=True)
        notify(ngettext("wrote {file} ({count} accepted difference)",
                        "wrote {file} ({count} accepted differences)", len(comparison.changes))
               .format(file=where.file, count=len(comparison.changes)))
        previous = baseline.parse(updated, where)
    unused = baseline.apply(comparison, previous)
    if unused:
        notify(_("note: {n_unused} accepted difference(s) in {file} no longer "
                 "occur; --update-baseline drops them")
                 .format(n_unused=len(unused), file=where.file))
    return where.file


def run_diff(project: Project, request: DiffRequest,
             notify: Callable[[str], None] = lambda message: None) -> Outcome:
    """Compare as ``request`` says; write its HTML and Word outputs; return the exit status
    and the text for stdout."""
    own_official = request.second is None and request.official is None
    if request.update_baseline and not own_official:
        raise UsageError(_("--update-baseline goes with a single year compared with its own "
                           "official text (reportgen diff 2021 --update-baseline)"))
    first, second = _inputs(project, request, notify)
    rules = request.rules
    if first.years and second.years and first.years != second.years:
        rules = replace(rules, fold_years=True)  # two years: the years moving on are equal
    comparison = compare(_side(project, first, rules), _side(project, second, rules))
    baseline_name = ""
    if own_official and first.year is not None:
        baseline_name = _apply_baseline(project, first.year, comparison,
                                        request.update_baseline, notify)
    options = replace(request.options, baseline=baseline_name)
    if any(name == "docx" for name, _path in request.files):
        options = replace(options, author=request.author or default_author(
            project, [side.year for side in (first, second) if side.year is not None]),
            documents=(_document(first), _document(second)))
    from reportgen.guard import check_output, landing
    from reportgen.write import write_atomic

    reads = (first.path, second.path)
    landed: dict[Path, str] = {}
    for name, path in request.files:  # every output is checked before any is written
        check_output(path, project.root, reads)
        if landing(path) in landed:
            raise UsageError(_("--{first} and --{second} name the same file")
                             .format(first=landed[landing(path)], second=name),
                             display_path(path, project.root))
        landed[landing(path)] = name
    for name, path in request.files:
        write_atomic(path, output.encoded(name, comparison, options), project.root, reads)
        notify(_("wrote {file}").format(file=path.as_posix()))
    printed = output.render(request.printed, comparison, options)
    assert isinstance(printed, str)
    return Outcome(1 if comparison.outstanding else 0, printed)


def run(project: Project, request: DiffRequest, console: Console) -> int:
    """The command: the comparison printed; exit 0 same, 1 different."""
    outcome = run_diff(project, request, console.err)
    console.out(outcome.output)
    return outcome.status
