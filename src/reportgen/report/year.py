"""A year as the report sees it, read and validated in one place: the data files (``data/``),
then the 专栏 definitions of boxes.yaml through the kinds' registry, checked against the data.
``build``, ``check`` and ``draft`` all read a year this way."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from reportgen.data.folder import RawYear, read_year
from reportgen.data.meta import meta_of
from reportgen.data.model import Gap, Meta, YearData
from reportgen.data.validate import collect_year
from reportgen.data.yamlfile import read_yaml
from reportgen.errors import Problems, ReportgenError, SourceRef
from reportgen.project import REPORT_YAML
from reportgen.report.boxes.kinds import box_specs, check_sources
from reportgen.templating.environment import make_env, render_text

if TYPE_CHECKING:
    from reportgen.project import Project


def read(project: Project, year: int) -> RawYear:
    """The files of data/<year>, read (an unreadable or missing file raises)."""
    return read_year(year, project.existing_year_dir(year), project.ref)


def collect(raw: RawYear, problems: Problems, project: Project | None = None) -> YearData:
    """The year as far as it validates, every problem recorded in ``problems``; the warnings
    go with the data, for the commands to print. With ``project``, last year's folder (when
    it is there) names the meeting that approved last year's plan, and that report.

    A value that does not validate is None, a missing indicator sheet is absent: callers that
    go on despite errors (``check``) must expect that.
    """
    data = collect_year(raw, problems)
    if project is not None:
        data = replace(data, meta=previous_meeting(project, data.meta))
    data = replace(data, boxes=box_specs(raw.boxes, raw.boxes_ref, problems))
    check_sources(data, problems)
    return replace(data, warnings=tuple(w.located() for w in problems.warnings))


def load(project: Project, year: int) -> tuple[RawYear, YearData]:
    """The year read and validated; every error found is raised at once (``DataErrors``)."""
    raw = read(project, year)
    problems = Problems()
    data = collect(raw, problems, project)
    problems.raise_if_any()
    return raw, data


def previous_meeting(project: Project, meta: Meta) -> Meta:
    """``meta`` with last year's meeting (its 会议.简称) and report (its title, rendered) as
    last year's folder gives them; as report.yaml's 上年会议 says when there is none."""
    year = meta.plan_year - 1
    path = project.year_dir(year) / REPORT_YAML
    if year < 1 or not path.is_file():
        return meta
    where = project.ref(path)
    try:
        last = meta_of(read_yaml(path, where), where, year, Problems())
    except ReportgenError:
        return meta  # that year's own check reports it
    return replace(meta, previous_meeting=last.meeting_short or Gap("上年会议简称", where),
                   previous_report=rendered_title(last, where))


def rendered_title(meta: Meta, where: SourceRef, lines: bool = False) -> str | Gap:
    """A year's title rendered with its own names, on one line (for another year to quote),
    or - with ``lines`` - with its line breaks."""
    names = {"地区": meta.region, "报告单位": meta.issuer, "上年": meta.review_year,
             "本年": meta.plan_year}
    try:
        text = render_text(make_env(), meta.title, f"{where} (标题)", names).strip()
        return text if lines else text.replace("\n", "")
    except ReportgenError:
        return Gap("上年报告标题", where)
