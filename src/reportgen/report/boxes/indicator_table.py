"""The indicator-table 专栏 (主要指标完成情况 / 主要指标计划): a sheet of indicators.xlsx as a Word
table with real merges.

    主要指标计划:
      标题: "{{ 本年 }}年国民经济和社会发展主要指标计划"
      指标表: 计划目标                       # the sheet
      列:                                    # the value columns after 类别, 序号, 指标名称
        - {标题: "{{ 本年 }}年计划目标", 字段: 计划目标}
        - {标题: 备注, 字段: 属性}           # 子列 for a two-level header, 格式 for a filter
      类别: 列                               # 列 (merged down), 行 (a row across), 无
      表头: {指标名称: {标题: 指标, 宽: 50}} # the label columns' headers and widths (mm)
      序号: 否                               # no 序号 column (default 是)

Grid: [类别] | [序号] | [分组] | 指标名称 | value columns…  A value column may show the 单位
(字段: 单位); the name is then printed without it. The 类别 cell is merged down over its
rows (a new 类别 value in the sheet starts a new cell), or written as a row across the table
before them; a group (能耗“双控”目标) merges its 序号 and label over its ﹟ rows; a row
outside a group spans 指标名称 over the 分组 column. The box title and the header rows repeat
on each page; a 类别's rows keep together where they fit.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from reportgen.characters import printed_width
from reportgen.data.cells import parse_decimal
from reportgen.data.model import BoxSpec, Gap, Indicator, IndicatorTable, YearData
from reportgen.data.schema import CATEGORY, GROUP, NAME, NUMBER, UNIT
from reportgen.data.yamlfile import line_ref
from reportgen.errors import Problems, SourceRef, did_you_mean
from reportgen.i18n import _
from reportgen.report.boxes.base import FULL_WIDTH, BoxContext, BoxKind, box_title
from reportgen.report.boxes.grid import (
    CELL_MARGINS,
    CHAR,
    MM,
    YES_NO,
    ColumnSpec,
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
from reportgen.word import styles
from reportgen.word.ooxml import TableCell, Xml, table

SUB_MARK = "﹟"
#: The label columns: their key in 表头, default header and width (twips).
LABELS = {"类别": ("类别", 700), "序号": ("序号", 600), "分组": ("", 1200),
          "指标名称": ("指  标  名  称", 2500)}
#: The name column's width when no row is in a group (it spans the 分组 column's place).
NAME_ALONE = 3500
CATEGORY_MODES = {"列": "column", "行": "row", "无": "none"}


@dataclass(frozen=True)
class TableOptions:
    """An indicator table's own part of its definition."""

    columns: tuple[ColumnSpec, ...]
    #: how 类别 shows: column, row or none; None: a column when the sheet has categories
    categories: str | None = None
    #: header text and width (mm) of the label columns, by their key in ``LABELS``
    labels: Mapping[str, str] = field(default_factory=dict)
    widths: Mapping[str, Decimal] = field(default_factory=dict)
    numbered: bool = True  # the table has a 序号 column

    def label(self, key: str) -> str:
        return self.labels.get(key, LABELS[key][0])


def table_options(spec: Mapping[str, Any], where: SourceRef, problems: Problems) -> TableOptions:
    columns = column_specs(spec.get("列"), where, problems)
    # 列: a column merged down, 行: a row across the table, 无: none
    mode = choice(spec, "类别", CATEGORY_MODES, where, problems)
    labels: dict[str, str] = {}
    widths: dict[str, Decimal] = {}
    header = spec.get("表头") or {}
    if not isinstance(header, dict):
        problems.error(line_ref(where, spec, "表头"), _("表头 maps 类别, 序号, 分组 or 指标名称 to "
                       "its header text, or to {标题: …, 宽: …}"))
        header = {}
    for key, value in header.items():
        at = line_ref(where, header, key)
        if key not in LABELS:
            problems.error(at, _("表头 has no column 「{key}」; it has ")
                                 .format(key=key) + "、".join(LABELS))
            continue
        if isinstance(value, dict):
            if "标题" in value:
                labels[key] = str(value["标题"])
            width = value.get("宽")
            if width is not None:
                if isinstance(width, bool) or not isinstance(width, (int, float)) or width <= 0:
                    problems.error(at, _("宽 「{width}」 is a width in mm, such as 30")
                                         .format(width=width))
                else:
                    widths[key] = Decimal(str(width))
        else:
            labels[key] = "" if value is None else str(value)
    numbered = choice(spec, "序号", YES_NO, where, problems, True)
    return TableOptions(columns, mode, labels, widths, numbered)


#: The layout columns a 字段 may name besides the value columns.
STRUCTURE = {CATEGORY: "category", NUMBER: "number", NAME: "name", GROUP: "group", UNIT: "unit"}


def field_value(row: Indicator, field: str) -> Any:
    """The value a column shows: a value column's, or one of the layout columns'."""
    if field in STRUCTURE:
        return getattr(row, STRUCTURE[field])
    return row.values.get(field)


def _least(texts: Sequence[Sequence[str]]) -> list[int]:
    """What each value column needs so that no figure or short word wraps."""
    return [figure_width([t for t in column[1:] if _unbreakable(t)]) for column in texts]


def _value_widths(rest: int, leaves: Sequence[ColumnSpec],
                  texts: Sequence[Sequence[str]]) -> list[int]:
    """The value columns share ``rest`` by what their longest text (header or value) needs on
    one line: each gets at least 3.5 and up to 7 小四 characters, then up to 12 where room is
    left (完成国家和市下达目标 on one line in 专栏4, on two in 专栏3 rather than three); what
    still remains goes in proportion. Columns given a 宽 get it, the others share the rest;
    and where there is too little room for that, a figure or a short word (预期性) still keeps
    its line while long texts wrap."""
    least = _least(texts)
    if any(leaf.width is not None for leaf in leaves):
        return fair_widths(rest, [natural(t, 3.5, 12) for t in texts],
                           [leaf.width for leaf in leaves], least)
    longest = [max((printed_width(text) for text in column), default=0) for column in texts]
    need = [min(max(chars, 3.5), 7) * CHAR + CELL_MARGINS for chars in longest]
    want = [min(max(chars, 3.5), 12) * CHAR + CELL_MARGINS for chars in longest]
    if sum(want) <= rest:
        shares = [w + (rest - sum(want)) * w / sum(want) for w in want]
    elif sum(need) <= rest:
        extra = [w - n for w, n in zip(want, need, strict=True)]
        shares = [n + (rest - sum(need)) * e / sum(extra) for n, e in zip(need, extra, strict=True)]
    else:
        return fair_widths(rest, [int(n) for n in need], [None] * len(need), least)
    out = [int(share) for share in shares]
    out[-1] = rest - sum(out[:-1])
    if any(width < low for width, low in zip(out, least, strict=True)):
        return fair_widths(rest, [int(w) for w in want], [None] * len(want), least)
    return out


def _unbreakable(text: str) -> bool:
    """A cell text that must stay on one line: a figure, or a short word."""
    return printed_width(text) <= 4 or parse_decimal(text.rstrip("%％")) is not None


@dataclass(frozen=True)
class Layout:
    """Which label columns the grid has, and their widths in twips."""

    labels: tuple[str, ...]  # keys of LABELS, in order
    widths: tuple[int, ...]
    #: a column shows the unit, so the name is printed without it
    unit_column: bool = False

    def name(self, row: Indicator) -> str:
        return row.name if self.unit_column else row.label

    @property
    def has_category(self) -> bool:
        return "类别" in self.labels

    @property
    def has_groups(self) -> bool:
        return "分组" in self.labels


def _layout(options: TableOptions, data: IndicatorTable) -> Layout:
    mode = options.categories or ("column" if any(r.category for r in data.rows) else "none")
    has_groups = any(row.group is not None for row in data.rows)
    labels = (("类别",) if mode == "column" else ()) + (("序号",) if options.numbered else ()) \
        + (("分组",) if has_groups else ()) + ("指标名称",)
    widths = []
    for key in labels:
        default = NAME_ALONE if key == "指标名称" and not has_groups else LABELS[key][1]
        mm = options.widths.get(key)
        widths.append(int(mm * Decimal(MM)) if mm is not None else default)
    unit_column = any(leaf.field == UNIT for column in options.columns
                      for leaf in column.leaves())
    return Layout(labels, tuple(widths), unit_column)


def _header_labels(layout: Layout, options: TableOptions) -> list[tuple[str, int]]:
    """The label columns' header cells; 指标名称's spans the 分组 column."""
    return [(options.label(key), 2 if key == "指标名称" and layout.has_groups else 1)
            for key in layout.labels if key != "分组"]


def _body_rows(rows: Sequence[Indicator], values: Sequence[Sequence[str]], layout: Layout,
               category_rows: bool, span: int, aligns: Sequence[str]) -> list[list[TableCell]]:
    """One row per indicator, a 类别 as a merged first column or a row across before its rows;
    every row but the last of its 类别 is kept with the next, so that a 类别 starts on the
    page it fits on whole (and its merged cell is not cut)."""
    numbered = "序号" in layout.labels
    out = []
    for index, (row, texts) in enumerate(zip(rows, values, strict=True)):
        grouped = layout.has_category or category_rows
        keep = grouped and index + 1 < len(rows) and not rows[index + 1].starts_category
        if category_rows and row.starts_category:
            out.append([cell(row.category, styles.TABLE_HEADER, span, align="left", keep=True)])
        cells = []
        if layout.has_category:
            cells.append(cell(row.category if row.starts_category else "",
                              merge="restart" if row.starts_category else "continue",
                              keep=keep))
        in_group = row.group is not None and (row.number is None or row.starts_group)
        number = str(row.number) if row.number is not None else ""
        label = layout.name(row)
        if in_group:
            merge = "restart" if row.starts_group else "continue"
            if numbered:
                cells.append(cell(number, merge=merge, keep=keep))
            cells.append(cell(row.group if row.starts_group and row.group else "", merge=merge,
                              keep=keep))
            cells.append(cell(SUB_MARK + label, align="left", keep=keep))
        else:
            if numbered:
                cells.append(cell(number, keep=keep))
            cells.append(cell(label, span=2 if layout.has_groups else 1, align="left",
                              keep=keep))
        cells += [cell(text, align=align, keep=keep)
                  for text, align in zip(texts, aligns, strict=True)]
        out.append(cells)
    return out


def indicator_box(options: TableOptions, opening: str, title: str, data: IndicatorTable,
                  render_title: Callable[[str], str], gaps: list[Gap]) -> Xml:
    """The whole 专栏: title row, header rows, one row per indicator."""
    layout = _layout(options, data)
    leaves = [leaf for column in options.columns for leaf in column.leaves()]
    depth = header_depth(options.columns)
    values = [[format_value(field_value(row, leaf.field or ""), leaf.fmt, gaps) for leaf in leaves]
              for row in data.rows]
    texts = [[render_title(leaf.title), *(row[index] for row in values)]
             for index, leaf in enumerate(leaves)]
    labels = list(layout.widths)
    # the name column (its long names wrap well) gives the value columns what their figures
    # need, down to six characters, unless its width is set
    short = sum(_least(texts)) - (FULL_WIDTH - sum(labels))
    name = layout.labels.index("指标名称")
    if short > 0 and "指标名称" not in options.widths:
        labels[name] = max(labels[name] - short, 6 * CHAR + CELL_MARGINS)
    widths = [*labels, *_value_widths(FULL_WIDTH - sum(labels), leaves, texts)]
    title_row = [TableCell(box_title(opening, title, keep=True), span=len(widths))]
    rows = [title_row, *header_rows(_header_labels(layout, options), options.columns,
                                    render_title),
            *_body_rows(data.rows, values, layout, options.categories == "row", len(widths),
                        [leaf.align or "center" for leaf in leaves])]
    return table(widths, rows, header_rows=1 + depth)


class IndicatorTableBox(BoxKind):
    name = "table"
    key = "指标表"
    names = _("a sheet of indicators.xlsx")

    def options(self, box: str, spec: Mapping[str, Any], where: SourceRef,
                problems: Problems) -> Any:
        return table_options(spec, where, problems)

    def check(self, box: BoxSpec, data: YearData, problems: Problems) -> None:
        table = data.indicators.get(box.source)
        if table is None and data.refuse_unread(box, "indicators", box.source, problems):
            return
        if table is None:
            has = _("; it has {sheets}").format(sheets="、".join(data.indicators)) \
                if data.indicators else _(" (the year has no indicators.xlsx)")
            problems.error(box.ref, _("专栏 「{key}」: indicators.xlsx has no sheet "
                                      "「{source}」{has}").format(key=box.key, source=box.source,
                                                                has=has)
                           + did_you_mean(box.source, list(data.indicators)))
            return
        check_fields(box, box.options.columns, box.source, [*table.columns, *STRUCTURE],
                     problems)

    def titles(self, box: BoxSpec) -> list[str]:
        return [box.title, *box.options.labels.values()] + [
            c.title for column in box.options.columns for c in (column, *column.children)]

    def render(self, box: BoxSpec, number: int, ctx: BoxContext) -> Xml:
        return indicator_box(box.options, ctx.label(number), ctx.render(box, box.title),
                             ctx.data.indicators[box.source],
                             lambda text: ctx.render(box, text), ctx.gaps)
