"""The project-table 专栏: a sheet of projects.xlsx as a Word table with any columns, its
类别 as rows across or as a column merged down, and its 合计 (and 小计) computed, never typed.

    重点项目:
      标题: "{{ 本年 }}年重点建设项目"
      项目表: 重点项目                  # the sheet (重点项目·新开工项目: only that 分组's rows)
      列:
        - {标题: 序号, 字段: 序号}        # counted by the table
        - {标题: 项目名称, 字段: 名称}
        - {标题: 建设内容, 字段: 建设内容}
        - {标题: 总投资（万元）, 字段: 总投资}
        - {标题: 年度计划投资（万元）, 字段: 年度计划投资}
      类别: 行                          # 行 (a row across before each), 列 (merged down), 无
      类别标签: "{{ 编号 }}、{{ 名称 }}"  # a 类别's label: 编号 一 二 …, 名称, 个数
      小计: 是                          # each 类别's sums: in its row (行) or a row below (列)
      合计: "合计（{{ 个数 }}个）"        # the 合计 row's label; 否: none
      合计位置: 首                      # 首 (below the header) or 末 (default)
      编号: 按类别                      # 序号 restarts in each 类别 (default: 连续)

The sums are those of the columns whose values add up (a unit in the header, or numbers
only), unless a column says 合计: 否; the prose reads the same sums (项目.重点项目.合计.总投资,
项目.重点项目.按类别.交通.合计.总投资), so the table and the text cannot disagree.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from reportgen.data.compute import column_totals
from reportgen.data.model import BoxSpec, Gap, Record, RecordTable, YearData
from reportgen.data.schema import CATEGORY, GROUP
from reportgen.data.yamlfile import line_ref
from reportgen.errors import Problems, SourceRef, did_you_mean
from reportgen.i18n import _
from reportgen.report.boxes.base import FULL_WIDTH, BoxContext, BoxKind, box_title
from reportgen.report.boxes.grid import (
    YES_NO,
    ColumnSpec,
    alignment,
    cell,
    check_fields,
    choice,
    column_specs,
    fair_widths,
    figure_width,
    format_value,
    header_depth,
    header_rows,
    natural,
)
from reportgen.templating.environment import finalize
from reportgen.templating.numerals import cn
from reportgen.word import styles
from reportgen.word.ooxml import TableCell, Xml, table

#: The 字段 a column may name that the table counts itself.
NUMBER = "序号"
CATEGORY_MODES = {"行": "row", "列": "column", "无": "none"}
PLACES = {"首": "top", "末": "bottom"}
NUMBERING = {"连续": "running", "按类别": "category"}


@dataclass(frozen=True)
class ProjectOptions:
    columns: tuple[ColumnSpec, ...]
    categories: str | None = None  # row, column, none; None: rows when the sheet has 类别
    category_label: str = "{{ 名称 }}"
    subtotals: bool = False
    total: str | None = "合计"  # the 合计 row's label; None: no such row
    total_place: str = "bottom"
    numbering: str = "running"
    category_title: str = "类别"  # the header of a 类别 column


def project_options(spec: Mapping[str, Any], where: SourceRef,
                    problems: Problems) -> ProjectOptions:
    def chosen(key: str, choices: Mapping[Any, Any], default: Any) -> Any:
        return choice(spec, key, choices, where, problems, default)

    total = spec.get("合计", "合计")
    if total is False or total == "否":
        total = None
    elif not isinstance(total, str):
        problems.error(line_ref(where, spec, "合计"), _("合计 is the label of the 合计 row (a "
                       "template: 合计（{{ 个数 }}个）), or 否 for none"))
        total = "合计"
    return ProjectOptions(
        column_specs(spec.get("列"), where, problems), chosen("类别", CATEGORY_MODES, None),
        str(spec.get("类别标签") or "{{ 名称 }}"), chosen("小计", YES_NO, False), total,
        chosen("合计位置", PLACES, "bottom"), chosen("编号", NUMBERING, "running"),
        str(spec.get("类别标题") or "类别"))


def source_sheet(source: str) -> tuple[str, str | None]:
    """``重点项目·新开工项目`` -> the sheet and the 分组 whose rows it shows."""
    sheet, _dot, group = source.partition("·")
    return sheet.strip(), group.strip() or None


def chosen_rows(table: RecordTable, group: str | None) -> list[Record]:
    return [row for row in table.rows if group is None or row.values.get(GROUP) == group]


def summed(table: RecordTable, leaves: Sequence[ColumnSpec]) -> list[str]:
    """The fields whose sums the 合计 and 小计 rows show."""
    return [leaf.field for leaf in leaves if leaf.field and leaf.field != NUMBER
            and (leaf.total if leaf.total is not None else table.numeric(leaf.field))]


@dataclass(frozen=True)
class Category:
    name: str
    rows: list[Record]


def categories(rows: Sequence[Record]) -> list[Category]:
    """Runs of consecutive rows of one 类别, in report order."""
    out: list[Category] = []
    for row in rows:
        value = row.values.get(CATEGORY)
        name = value if isinstance(value, str) else ""
        if not out or out[-1].name != name:
            out.append(Category(name, []))
        out[-1].rows.append(row)
    return out


@dataclass
class _Grid:
    """The table being laid out: the value columns, what is summed, the text of a value."""

    leaves: list[ColumnSpec]
    sums: list[str]
    text: Callable[[Any, ColumnSpec], str]
    aligns: list[str]
    #: what the 合计 and 小计 rows print, by field: their columns must hold it
    printed: dict[str, list[str]] = field(default_factory=dict)


def _summary_cells(grid: _Grid, label: str, totals: Mapping[str, Any], style: str,
                   lead: int, keep: bool, align: str = "center") -> list[TableCell]:
    """A row of sums: ``label`` spanning the columns before the first summed one (and the
    ``lead`` columns before the value columns), the sums below their columns."""
    first = max(1, next((i for i, leaf in enumerate(grid.leaves) if leaf.field in grid.sums),
                        len(grid.leaves)))
    cells = [cell(label, style, lead + first, align=align, keep=keep)]
    for leaf in grid.leaves[first:]:
        value = totals.get(leaf.field or "") if leaf.field in grid.sums else None
        shown = "" if value is None else grid.text(value, leaf)
        grid.printed.setdefault(leaf.field or "", []).append(shown)
        cells.append(cell(shown, style, keep=keep))
    return cells


def _label(render: Callable[[str, Mapping[str, Any]], str], template: str, name: str,
           index: int, count: int) -> str:
    return render(template, {"名称": name, "编号": cn(index), "个数": count})


def project_box(options: ProjectOptions, opening: str, title: str, table_data: RecordTable,
                rows: Sequence[Record], render: Callable[[str, Mapping[str, Any]], str],
                gaps: list[Gap]) -> Xml:
    """The whole 专栏: title row, header rows, the 类别 and project rows, the 合计 row."""
    leaves = [leaf for column in options.columns for leaf in column.leaves()]
    groups = categories(rows)
    has_categories = any(group.name for group in groups)
    mode = options.categories or ("row" if has_categories else "none")
    lead = 1 if mode == "column" else 0
    sums = summed(table_data, leaves)
    what = table_data.name

    def text(value: Any, leaf: ColumnSpec) -> str:
        return format_value(value, leaf.fmt, gaps)

    def row_texts(row: Record, counted: int) -> list[str]:
        texts = []
        for leaf in leaves:
            field = leaf.field or ""
            value = row.values.get(field)
            if field == NUMBER and NUMBER not in row.values:
                texts.append(str(counted))
            elif value is None and not table_data.numeric(field):
                texts.append("")  # a text cell left blank
            else:
                texts.append(text(value, leaf))
        return texts

    values: list[list[list[str]]] = []  # per 类别, per row
    counted = 0
    for group in groups:
        counted = 0 if options.numbering == "category" else counted
        values.append([row_texts(row, counted := counted + 1) for row in group.rows])
    every_row = [texts for group_values in values for texts in group_values]
    headers = [render(leaf.title, {}) for leaf in leaves]
    aligns = [alignment(leaf, [r[i] for r in every_row]) for i, leaf in enumerate(leaves)]
    grid = _Grid(leaves, sums, text, aligns)

    body: list[list[TableCell]] = []
    for index, (group, group_values) in enumerate(zip(groups, values, strict=True), start=1):
        totals = column_totals(group.rows, sums, f"{what}·{group.name}·小计", table_data.ref)
        label = _label(render, options.category_label, group.name, index, len(group.rows))
        if mode == "row" and group.name:
            if options.subtotals and sums:
                body.append(_summary_cells(grid, label, totals, styles.TABLE_HEADER, 0, True,
                                           align="left"))
            else:
                body.append([cell(label, styles.TABLE_HEADER, len(leaves), align="left",
                                  keep=True)])
        for offset, texts in enumerate(group_values):
            last = offset == len(group_values) - 1
            # a 类别's rows keep together (with its 小计 below, where there is one)
            keep = mode != "none" and (not last or (mode == "column" and options.subtotals))
            cells = []
            if mode == "column":
                cells.append(cell(label if offset == 0 else "",
                                  merge="restart" if offset == 0 else "continue", keep=keep))
            cells += [cell(t, align=a, keep=keep) for t, a in zip(texts, aligns, strict=True)]
            body.append(cells)
        if mode == "column" and options.subtotals and sums:
            body.append([cell("", merge="continue"),
                         *_summary_cells(grid, "小计", totals, styles.TABLE_TEXT, 0, False)])
    if not rows:  # a list still to fill in shows so, not an empty table
        gap = Gap(f"{what}清单", table_data.ref)
        body.append([cell(str(finalize(gap, gaps)), span=lead + len(leaves))])
    elif options.total is not None:
        totals = column_totals(rows, sums, f"{what}·合计", table_data.ref)
        label = render(options.total, {"个数": len(rows)})
        total_row = _summary_cells(grid, label, totals, styles.TABLE_HEADER, lead,
                                   options.total_place == "top")
        body = [total_row, *body] if options.total_place == "top" else [*body, total_row]

    # a header may take two lines: half of it counts, as much as its longest value
    wanted = [max(natural([r[i] for r in every_row], 2, 30), natural([header], 2, 30) // 2)
              for i, header in enumerate(headers)]
    set_mm = [leaf.width for leaf in leaves]
    # a figure never wraps: a column of numbers is at least as wide as its widest
    least = [figure_width([*(r[i] for r in every_row), *grid.printed.get(leaf.field or "", [])])
             if leaf.field in sums or table_data.numeric(leaf.field or "") else 0
             for i, leaf in enumerate(leaves)]
    if lead:
        names = [options.category_title, *(group.name for group in groups)]
        wanted, set_mm, least = [natural(names, 2, 6), *wanted], [None, *set_mm], [0, *least]
    widths = fair_widths(FULL_WIDTH, wanted, set_mm, least)
    label_cells = [(render(options.category_title, {}), 1)] if lead else []
    head = header_rows(label_cells, options.columns, lambda t: render(t, {}))
    title_row = [TableCell(box_title(opening, title, keep=True), span=len(widths))]
    depth = header_depth(options.columns)
    return table(widths, [title_row, *head, *body], header_rows=1 + depth)


class ProjectTableBox(BoxKind):
    name = "projects"
    key = "项目表"
    names = _("a sheet of projects.xlsx (or 清单·分组 for one 分组 of it)")

    def options(self, box: str, spec: Mapping[str, Any], where: SourceRef,
                problems: Problems) -> Any:
        return project_options(spec, where, problems)

    def check(self, box: BoxSpec, data: YearData, problems: Problems) -> None:
        sheet, group = source_sheet(box.source)
        if data.refuse_unread(box, "projects", sheet, problems):
            return
        if not data.projects:
            problems.error(box.ref, _("专栏 「{key}」 shows the sheet 「{sheet}」 of "
                           "projects.xlsx, which the year does not have (nor a folder projects/ "
                           "of CSV files)").format(key=box.key, sheet=sheet))
            return
        found = data.projects.get(sheet)
        if found is None:
            problems.error(box.ref, _("专栏 「{key}」: projects.xlsx has no sheet 「{sheet}」; "
                           "it has {projects}")
                                      .format(key=box.key, sheet=sheet,
                                              projects='、'.join(data.projects))
                           + did_you_mean(sheet, list(data.projects)))
            return
        check_fields(box, box.options.columns, sheet, [*found.columns, NUMBER], problems)
        if group is not None and not chosen_rows(found, group):
            groups = sorted({str(r.values.get(GROUP)) for r in found.rows
                             if r.values.get(GROUP)})
            problems.error(box.ref, _("专栏 「{key}」: sheet 「{sheet}」 has no row of 分组 "
                           "「{group}」")
                                      .format(key=box.key, sheet=sheet,
                                              group=group) + (_("; its 分组 are {groups}")
                                             .format(groups='、'.join(groups)) if groups
                                            else _("; it has no 分组 column"))
                           + did_you_mean(group, groups))

    def titles(self, box: BoxSpec) -> list[str]:
        options: ProjectOptions = box.options
        return [box.title, options.category_title] + [
            c.title for column in options.columns for c in (column, *column.children)]

    def render(self, box: BoxSpec, number: int, ctx: BoxContext) -> Xml:
        sheet, group = source_sheet(box.source)
        found = ctx.data.projects[sheet]

        def render(text: str, local: Mapping[str, Any]) -> str:
            return ctx.render(box, text, local)

        return project_box(box.options, ctx.label(number), ctx.render(box, box.title), found,
                           chosen_rows(found, group), render, ctx.gaps)
