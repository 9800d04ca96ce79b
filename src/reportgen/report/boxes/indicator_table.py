"""Indicator-table 专栏 (主要指标完成情况 / 主要指标计划) as Word tables with real merges.

Grid: 类别 | 序号 | [分组] | 指标名称 | value columns…  The 类别 cell is merged down over its rows
(a new 类别 value in the sheet starts a new cell); a group (能耗“双控”目标) merges its 序号 and
label over its ﹟ rows; a row outside a group spans 指标名称 over the 分组 column. The box
title and the header rows repeat on each page.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from reportgen.characters import printed_width
from reportgen.data.model import BoxSpec, ColumnSpec, Gap, Indicator, IndicatorTable
from reportgen.templating.environment import finalize
from reportgen.templating.filters import OWN
from reportgen.word import styles
from reportgen.word.ooxml import Span, TableCell, Xml, paragraph, runs, table

#: Text width of the 版心 in twips (156 mm).
FULL_WIDTH = 8844
SUB_MARK = "﹟"
HEADER_LABELS = ("类别", "序号", "指  标  名  称")
_FIXED = {"类别": 700, "序号": 600, "分组": 1200, "名称": 2500, "名称单独": 3500}
#: One 小四 (12 pt) character and a cell's left and right margins, in twips.
_CHAR, _CELL_MARGINS = 240, 2 * 57 + 20


def _cell_paragraph(text: str, style: str, align: str = "center") -> str:
    return paragraph(runs([Span(text)]), style, align)


def box_title(number: int, title: str) -> str:
    """The title paragraph of a 专栏 of either kind: 专栏3：…, centred."""
    return _cell_paragraph(f"专栏{number}：{title}", styles.BOX_TITLE)


def cell(text: str, style: str = styles.TABLE_TEXT, span: int = 1, merge: str | None = None,
         align: str = "center") -> TableCell:
    return TableCell(_cell_paragraph(text, style, align), span, merge)


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
                  merge=restart) for label in HEADER_LABELS]
    second = [cell("", styles.TABLE_HEADER, span=name_span if label.startswith("指") else 1,
                   merge="continue") for label in HEADER_LABELS]
    for column in columns:
        leaves = column.leaves()
        if column.children:
            first.append(cell(title(column.title), styles.TABLE_HEADER, span=len(leaves)))
            second += [cell(title(leaf.title), styles.TABLE_HEADER) for leaf in leaves]
        else:
            first.append(cell(title(column.title), styles.TABLE_HEADER, merge=restart))
            second.append(cell("", styles.TABLE_HEADER, merge="continue"))
    return [first, second] if depth == 2 else [first]


def format_value(value: Any, fmt: str | None, gaps: list[Gap]) -> str:
    if fmt and not isinstance(value, Gap):
        return str(OWN[fmt](value))
    return str(finalize(value, gaps))


def _body_rows(rows: Sequence[Indicator], values: Sequence[Sequence[str]],
               has_groups: bool) -> list[list[TableCell]]:
    out = []
    for row, texts in zip(rows, values, strict=True):
        cells = [cell(row.category if row.starts_category else "",
                      merge="restart" if row.starts_category else "continue")]
        in_group = row.group is not None and (row.number is None or row.starts_group)
        number = str(row.number) if row.number is not None else ""
        if in_group:
            merge = "restart" if row.starts_group else "continue"
            cells.append(cell(number, merge=merge))
            cells.append(cell(row.group if row.starts_group and row.group else "", merge=merge))
            cells.append(cell(SUB_MARK + row.label, align="left"))
        else:
            cells.append(cell(number))
            cells.append(cell(row.label, span=2 if has_groups else 1, align="left"))
        cells += [cell(text) for text in texts]
        out.append(cells)
    return out


def indicator_box(spec: BoxSpec, number: int, title: str, data: IndicatorTable,
                  render_title: Callable[[str], str], gaps: list[Gap]) -> Xml:
    """The whole 专栏: title row, header rows, one row per indicator."""
    has_groups = any(row.group is not None for row in data.rows)
    leaves = [leaf for column in spec.columns for leaf in column.leaves()]
    depth = 2 if any(column.children for column in spec.columns) else 1
    values = [[format_value(row.values.get(leaf.field or ""), leaf.fmt, gaps) for leaf in leaves]
              for row in data.rows]
    widths = _widths(has_groups, [[render_title(leaf.title), *(row[index] for row in values)]
                                  for index, leaf in enumerate(leaves)])
    name_span = 2 if has_groups else 1
    title_row = [TableCell(box_title(number, title), span=len(widths))]
    rows = [title_row, *_header_rows(spec.columns, name_span, depth, render_title),
            *_body_rows(data.rows, values, has_groups)]
    return table(widths, rows, header_rows=1 + depth)
