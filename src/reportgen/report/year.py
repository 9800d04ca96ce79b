"""A year as the report sees it, read and validated in one place: the data files (``data/``),
then the 专栏 definitions of boxes.yaml through the kinds' registry, checked against the data.
``build``, ``check`` and ``draft`` all read a year this way."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from reportgen.data.folder import RawYear, read_year
from reportgen.data.model import YearData
from reportgen.data.validate import collect_year
from reportgen.errors import Problems
from reportgen.report.boxes.kinds import box_specs, check_sources

if TYPE_CHECKING:
    from reportgen.project import Project


def read(project: Project, year: int) -> RawYear:
    """The files of data/<year>, read (an unreadable or missing file raises)."""
    return read_year(year, project.existing_year_dir(year), project.ref)


def collect(raw: RawYear, problems: Problems) -> YearData:
    """The year as far as it validates, every problem recorded in ``problems``; the warnings
    go with the data, for the commands to print.

    A value that does not validate is None, a missing indicator sheet is absent: callers that
    go on despite errors (``check``) must expect that.
    """
    data = collect_year(raw, problems)
    data = replace(data, boxes=box_specs(raw.boxes, raw.boxes_ref, problems))
    check_sources(data, problems)
    return replace(data, warnings=tuple(str(w) for w in problems.warnings))


def load(project: Project, year: int) -> tuple[RawYear, YearData]:
    """The year read and validated; every error found is raised at once (``DataErrors``)."""
    raw = read(project, year)
    problems = Problems()
    data = collect(raw, problems)
    problems.raise_if_any()
    return raw, data
