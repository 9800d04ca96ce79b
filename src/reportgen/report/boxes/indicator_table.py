"""The indicator-table 专栏 (主要指标完成情况 / 主要指标计划): a sheet of indicators.xlsx as a Word
table with real merges.

    主要指标计划:
      标题: "{{ 本年 }}年国民经济和社会发展主要指标计划"
      指标表: 计划目标                       # the sheet
      列:                                    # the value columns after 类别, 序号, 指标名称
        - {标题: "{{ 本年 }}年计划目标", 字段: 计划目标}
        - {标题: 备注, 字段: 属性}           # 子列 for a two-level header, 格式 for a filter

Grid: 类别 | 序号 | [分组] | 指标名称 | value columns…  The 类别 cell is merged down over its rows
(a new 类别 value in the sheet starts a new cell); a group (能耗“双控”目标) merges its 序号 and
label over its ﹟ rows; a row outside a group spans 指标名称 over the 分组 column. The box
title and the header rows repeat on each page.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from reportgen.characters import printed_width
from reportgen.data.model import BoxSpec, Gap, Indicator, IndicatorTable, YearData
from reportgen.data.schema import CATEGORY, GROUP, NAME, NUMBER, UNIT
from reportgen.data.yamlfile import line_ref
from reportgen.errors import Problems, SourceRef, did_you_mean
from reportgen.report.boxes.base import FULL_WIDTH, BoxContext, BoxKind, box_title
from reportgen.templating.environment import finalize
from reportgen.templating.filters import apply_call, filter_call
from reportgen.word import styles
from reportgen.word.ooxml import Span, TableCell, Xml, paragraph, runs, table

SUB_MARK = "﹟"
HEADER_LABELS = ("类别", "序号", "指  标  名  称")
_FIXED = {"类别": 700, "序号": 600, "分组": 1200, "名称": 2500, "名称单独": 3500}
#: One 小四 (12 pt) character and a cell's left and right margins, in twips.
_CHAR, _CELL_MARGINS = 240, 2 * 57 + 20


@dataclass(frozen=True)
class ColumnSpec:
    """A value column of the table: header text, data field, optional filter."""

    title: str
    field: str | None = None
    fmt: str | None = None
    children: tuple[ColumnSpec, ...] = ()

    def leaves(self) -> list[ColumnSpec]:
        return [leaf for child in self.children for leaf in child.leaves()] or [self]


def column_specs(items: Any, ref: SourceRef, problems: Problems) -> tuple[ColumnSpec, ...]:
    if not isinstance(items, list) or not items:
        problems.error(ref, "「列」 must list the value columns, each with 标题 and 字段")
        return ()
    specs = []
    for item in items:
        where = line_ref(ref, item, "标题")
        if not isinstance(item, dict) or "标题" not in item:
            problems.error(where, "each column needs a 标题")
            continue
        children = column_specs(item["子列"], where, problems) if "子列" in item else ()
        field = item.get("字段")
        if not children and not field:
            problems.error(where, f"column 「{item['标题']}」 needs a 字段 (or 子列)")
        specs.append(ColumnSpec(str(item["标题"]), field, item.get("格式"), children))
    return tuple(specs)


def cell(text: str, style: str = styles.TABLE_TEXT, span: int = 1, merge: str | None = None,
         align: str = "center", keep: bool = False) -> TableCell:
    """A cell of one paragraph; ``keep`` keeps its row on the page of the next row."""
    return TableCell(paragraph(runs([Span(text)]), style, align, keep_next=keep), span, merge)


def _widths(has_groups: bool, columns: Sequence[Sequence[str]]) -> list[int]:
    """Fixed widths for the label columns; the value columns share the rest by what their
    longest text (header or value) needs on one line: each gets at least 3.5 and up to 7 小四
    characters, then up to 12 where room is left (完成国家和市下达目标 on one line in 专栏4,
    on two in 专栏3 rather than three); what still remains goes in proportion."""
    fixed = [_FIXED["类别"], _FIXED["序号"]]
    fixed += [_FIXED["分组"], _FIXED["名称"]] if has_groups else [_FIXED["名称单独"]]
    rest = FULL_WIDTH - sum(fixed)
    longest = [max((printed_width(text) for text in texts), default=0) for texts in columns]
    need = [min(max(chars, 3.5), 7) * _CHAR + _CELL_MARGINS for chars in longest]
    want = [min(max(chars, 3.5), 12) * _CHAR + _CELL_MARGINS for chars in longest]
    if sum(want) <= rest:
        shares = [w + (rest - sum(want)) * w / sum(want) for w in want]
    elif sum(need) <= rest:
        extra = [w - n for w, n in zip(want, need, strict=True)]
        shares = [n + (rest - sum(need)) * e / sum(extra) for n, e in zip(need, extra, strict=True)]
    else:
        shares = [n * rest / sum(need) for n in need]
    out = [int(share) for share in shares]
    out[-1] = rest - sum(out[:-1])
    return fixed + out


def _header_rows(columns: Sequence[ColumnSpec], name_span: int, depth: int,
                 title: Callable[[str], str]) -> list[list[TableCell]]:
    restart = "restart" if depth == 2 else None
    first = [cell(label, styles.TABLE_HEADER, span=name_span if label.startswith("指") else 1,
                  merge=restart, keep=True) for label in HEADER_LABELS]
    second = [cell("", styles.TABLE_HEADER, span=name_span if label.startswith("指") else 1,
                   merge="continue", keep=True) for label in HEADER_LABELS]
    for column in columns:
        leaves = column.leaves()
        if column.children:
            first.append(cell(title(column.title), styles.TABLE_HEADER, span=len(leaves),
                              keep=True))
            second += [cell(title(leaf.title), styles.TABLE_HEADER, keep=True) for leaf in leaves]
        else:
            first.append(cell(title(column.title), styles.TABLE_HEADER, merge=restart, keep=True))
            second.append(cell("", styles.TABLE_HEADER, merge="continue", keep=True))
    return [first, second] if depth == 2 else [first]


def format_value(value: Any, fmt: str | None, gaps: list[Gap]) -> str:
    """A cell's text: the value through its 格式 (a filter, with its arguments), else as a bare
    ``{{ value }}`` prints it."""
    if fmt and not isinstance(value, Gap):
        return str(apply_call(filter_call(fmt), value))
    return str(finalize(value, gaps))


#: The layout columns a 字段 may name besides the value columns.
STRUCTURE = {CATEGORY: "category", NUMBER: "number", NAME: "name", GROUP: "group", UNIT: "unit"}


def field_value(row: Indicator, field: str) -> Any:
    """The value a column shows: a value column's, or one of the layout columns'."""
    if field in STRUCTURE:
        return getattr(row, STRUCTURE[field])
    return row.values.get(field)


def _body_rows(rows: Sequence[Indicator], values: Sequence[Sequence[str]],
               has_groups: bool) -> list[list[TableCell]]:
    """One row per indicator; every row but the last of its 类别 is kept with the next, so
    that a 类别 starts on the page it fits on whole (and its merged cell is not cut)."""
    out = []
    for index, (row, texts) in enumerate(zip(rows, values, strict=True)):
        keep = index + 1 < len(rows) and not rows[index + 1].starts_category
        cells = [cell(row.category if row.starts_category else "",
                      merge="restart" if row.starts_category else "continue", keep=keep)]
        in_group = row.group is not None and (row.number is None or row.starts_group)
        number = str(row.number) if row.number is not None else ""
        if in_group:
            merge = "restart" if row.starts_group else "continue"
            cells.append(cell(number, merge=merge, keep=keep))
            cells.append(cell(row.group if row.starts_group and row.group else "", merge=merge,
                              keep=keep))
            cells.append(cell(SUB_MARK + row.label, align="left", keep=keep))
        else:
            cells.append(cell(number, keep=keep))
            cells.append(cell(row.label, span=2 if has_groups else 1, align="left", keep=keep))
        cells += [cell(text, keep=keep) for text in texts]
        out.append(cells)
    return out


def indicator_box(columns: Sequence[ColumnSpec], number: int, title: str,
                  data: IndicatorTable, render_title: Callable[[str], str],
                  gaps: list[Gap]) -> Xml:
    """The whole 专栏: title row, header rows, one row per indicator."""
    has_groups = any(row.group is not None for row in data.rows)
    leaves = [leaf for column in columns for leaf in column.leaves()]
    depth = 2 if any(column.children for column in columns) else 1
    values = [[format_value(field_value(row, leaf.field or ""), leaf.fmt, gaps) for leaf in leaves]
              for row in data.rows]
    widths = _widths(has_groups, [[render_title(leaf.title), *(row[index] for row in values)]
                                  for index, leaf in enumerate(leaves)])
    name_span = 2 if has_groups else 1
    title_row = [TableCell(box_title(number, title, keep=True), span=len(widths))]
    rows = [title_row, *_header_rows(columns, name_span, depth, render_title),
            *_body_rows(data.rows, values, has_groups)]
    return table(widths, rows, header_rows=1 + depth)


class IndicatorTableBox(BoxKind):
    name = "table"
    key = "指标表"
    names = "a sheet of indicators.xlsx"

    def options(self, box: str, spec: Mapping[str, Any], where: SourceRef,
                problems: Problems) -> Any:
        return column_specs(spec.get("列"), where, problems)

    def check(self, box: BoxSpec, data: YearData, problems: Problems) -> None:
        table = data.indicators.get(box.source)
        if table is None:
            has = f"; it has {'、'.join(data.indicators)}" if data.indicators else \
                " (the year has no indicators.xlsx)"
            problems.error(box.ref, f"专栏 「{box.key}」: indicators.xlsx has no sheet "
                           f"「{box.source}」{has}"
                           + did_you_mean(box.source, list(data.indicators)))
            return
        fields = [*table.columns, *STRUCTURE]
        for leaf in (leaf for column in box.options for leaf in column.leaves()):
            if leaf.field and leaf.field not in fields:
                problems.error(box.ref, f"专栏 「{box.key}」: column 「{leaf.title}」 reads "
                               f"字段 「{leaf.field}」, which sheet 「{box.source}」 does not "
                               f"have; it has {'、'.join(fields)}"
                               + did_you_mean(leaf.field, fields))
            if leaf.fmt:
                try:
                    filter_call(str(leaf.fmt))
                except ValueError as exc:
                    problems.error(box.ref, f"专栏 「{box.key}」: 格式 {exc}")

    def titles(self, box: BoxSpec) -> list[str]:
        return [box.title] + [c.title for column in box.options
                              for c in (column, *column.children)]

    def render(self, box: BoxSpec, number: int, ctx: BoxContext) -> Xml:
        return indicator_box(box.options, number, ctx.render(box, box.title),
                             ctx.data.indicators[box.source],
                             lambda text: ctx.render(box, text), ctx.gaps)
