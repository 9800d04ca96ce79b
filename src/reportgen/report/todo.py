"""What is left to fill in: every value of the year still 待填 (or blank where one is needed)
and every placeholder the report prints, one per cell - the one list that draft, check and
build all give, by file and sheet."""

from __future__ import annotations

from collections.abc import Iterable

from reportgen.data.model import Gap, Value, YearData
from reportgen.errors import SourceRef, place_key
from reportgen.i18n import _


def _listed(values: Iterable[Value]) -> list[Gap]:
    return [gap for value in values if isinstance(value, Gap) for gap in value.listed()]


def data_gaps(data: YearData) -> list[Gap]:
    """The values still to fill in that the data holds: cells, the meeting in report.yaml, and
    the lists a 专栏 shows that have no rows yet."""
    meta = data.meta
    written = [meta.region, meta.issuer, meta.meeting_date, meta.meeting_name,
               meta.meeting_short, meta.previous_meeting, meta.previous_report]
    # a field report.yaml does not have is needed only when a template prints it (and then
    # its placeholder is listed with the printed ones)
    gaps = [g for g in _listed(written) if isinstance(g.ref, SourceRef) and g.ref.line]
    for table in data.indicators.values():
        for row in table.rows:
            gaps += _listed(row.values.values())
    tables = [*data.projects.values(), data.statistics, data.major_projects, data.investment]
    for records in tables:
        for record in records.rows:
            gaps += _listed(record.values.values())
    shown = {box.source for box in data.boxes.values()}
    for name, records in data.projects.items():
        if not records.rows and name in shown:
            gaps.append(Gap(f"{name}清单", records.ref))
    return gaps


def outstanding(data: YearData, printed: Iterable[Gap] = ()) -> list[Gap]:
    """Everything left to fill in, each cell once, in the order of the files and sheets."""
    found: dict[str, Gap] = {}
    for gap in [*data_gaps(data), *_listed(printed)]:
        found.setdefault(str(gap.ref), gap)
    return sorted(found.values(), key=lambda gap: place_key(gap.ref))


def place_of(gap: Gap) -> str:
    """The file and sheet a gap is in: data/2022/indicators.xlsx[完成情况]."""
    ref = gap.ref
    if isinstance(ref, SourceRef):
        return str(SourceRef(ref.file, ref.sheet))
    return str(ref)


def by_place(gaps: Iterable[Gap]) -> dict[str, list[Gap]]:
    grouped: dict[str, list[Gap]] = {}
    for gap in gaps:
        grouped.setdefault(place_of(gap), []).append(gap)
    return grouped


def where_in(gap: Gap) -> str:
    """Where in its file or sheet a gap is, as the list prints it: "G2（绝对值）: ", "line 8: "."""
    ref = gap.ref
    if not isinstance(ref, SourceRef):
        return ""
    if ref.line is not None:
        return _("line {line}: ").format(line=ref.line)
    if ref.row is None and ref.column is None:
        return ""
    return str(SourceRef("", None, ref.row, ref.column, ref.column_name)).removeprefix("!") + ": "


def todo_lines(gaps: list[Gap]) -> list[str]:
    """The list, a file or sheet a line with its count, then each cell and what goes there:

        data/2022/indicators.xlsx[完成情况]: 33
          G2（绝对值）: 地区生产总值增速·绝对值
    """
    lines = []
    for place, found in by_place(gaps).items():
        lines.append(f"{place}: {len(found)}")
        for gap in found:
            lines.append(f"  {where_in(gap)}{gap.what}")
    return lines
