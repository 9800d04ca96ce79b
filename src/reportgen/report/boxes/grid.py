"""What the table 专栏 kinds share: the value columns as boxes.yaml lists them, the cells, the
header rows over one or two levels, and the columns' widths.

A column of ``列``::

    - 标题: "{{ 本年 }}年计划投资（亿元）"   # the header (a template)
      字段: 年度计划投资                    # the column of the sheet it shows
      格式: amount("亿元", source="万元")   # a number filter, with its arguments
      宽: 30                                # width in mm (default: from its content)
      对齐: 左                              # 左, 中 or 右 (default: 中; long text 左)
      合计: 否                              # in a 合计 row (default: when its values add up)
    - 标题: "{{ 上年 }}年完成"
      子列: [{标题: 绝对值, 字段: 绝对值}, {标题: 增速, 字段: 增速, 格式: pct}]
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from reportgen.characters import GAP_CLOSE, GAP_OPEN, printed_width
from reportgen.data.model import BoxSpec, Gap
from reportgen.data.yamlfile import line_ref
from reportgen.errors import Problems, SourceRef, did_you_mean
from reportgen.i18n import _
from reportgen.templating.environment import finalize
from reportgen.templating.filters import apply_call, filter_call
from reportgen.word import styles
from reportgen.word.ooxml import Span, TableCell, paragraph, runs

ALIGN = {"左": "left", "中": "center", "右": "right"}
YES_NO = {"是": True, "否": False, True: True, False: False}
#: Twips per millimetre.
MM = 56.7
#: One 小四 (12 pt) character and a cell's left and right margins, in twips.
CHAR, CELL_MARGINS = 240, 2 * 57 + 20
#: A text column whose longest value is wider than this (in characters) is set flush left.
LONG_TEXT = 12


@dataclass(frozen=True)
class ColumnSpec:
    """A value column of a table 专栏: header text, data field, optional filter, and how it
    is laid out."""

    title: str
    field: str | None = None
    fmt: str | None = None
    children: tuple[ColumnSpec, ...] = ()
    width: Decimal | None = None  # mm
    align: str | None = None  # left, center, right; None: from the content
    total: bool | None = None  # in a 合计 row; None: when the column adds up

    def leaves(self) -> list[ColumnSpec]:
        return [leaf for child in self.children for leaf in child.leaves()] or [self]


def column_specs(items: Any, ref: SourceRef, problems: Problems) -> tuple[ColumnSpec, ...]:
    """``列`` of a definition read into columns, every problem recorded with its line."""
    if not isinstance(items, list) or not items:
        problems.error(ref, _("「列」 must list the columns, each with 标题 and 字段"))
        return ()
    specs = []
    for item in items:
        where = line_ref(ref, item, "标题")
        if not isinstance(item, dict) or "标题" not in item:
            problems.error(where, _("each column needs a 标题"))
            continue
        children = column_specs(item["子列"], where, problems) if "子列" in item else ()
        field = item.get("字段")
        if not children and not field:
            problems.error(where, _("column 「{title}」 needs a 字段 (or 子列)")
                           .format(title=item['标题']))
        fmt = item.get("格式")
        if fmt is not None:
            try:
                filter_call(str(fmt))
            except ValueError as exc:
                problems.error(line_ref(ref, item, "格式"), f"格式 {exc}")
                fmt = None
        specs.append(ColumnSpec(str(item["标题"]), str(field) if field else None,
                                str(fmt) if fmt is not None else None, children,
                                _width(item, ref, problems), choice(item, "对齐", ALIGN, ref,
                                                                    problems),
                                choice(item, "合计", YES_NO, ref, problems)))
    return tuple(specs)


def _width(item: dict[str, Any], ref: SourceRef, problems: Problems) -> Decimal | None:
    value = item.get("宽")
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value <= 0:
        problems.error(line_ref(ref, item, "宽"), _("宽 「{value}」 is a width in mm, such as 30")
                                                   .format(value=value))
        return None
    return Decimal(str(value))


def choice(item: Mapping[str, Any], key: str, choices: Mapping[Any, Any], ref: SourceRef,
           problems: Problems, default: Any = None) -> Any:
    """What ``item[key]`` chooses among ``choices`` (written word -> meaning); ``default``
    when it is not written, or - with a problem naming the words - when it is none of them."""
    value = item.get(key)
    if value is None:
        return default
    if value not in choices:
        problems.error(line_ref(ref, item, key), _("{key} 「{value}」 must be ")
                                                   .format(key=key, value=value)
                       + " or ".join(str(c) for c in choices if isinstance(c, str)))
        return default
    return choices[value]


def check_fields(box: BoxSpec, columns: Sequence[ColumnSpec], sheet: str, fields: list[str],
                 problems: Problems) -> None:
    """Each column's 字段 is one of the sheet's ``fields``."""
    for leaf in (leaf for column in columns for leaf in column.leaves()):
        if leaf.field and leaf.field not in fields:
            problems.error(box.ref, _("专栏 「{key}」: column 「{title}」 reads 字段 "
                           "「{field}」, which sheet 「{sheet}」 does not have; it has "
                           "{fields}")
                                      .format(key=box.key, title=leaf.title, field=leaf.field,
                                              sheet=sheet, fields='、'.join(fields))
                           + did_you_mean(leaf.field, fields))


def cell(text: str, style: str = styles.TABLE_TEXT, span: int = 1, merge: str | None = None,
         align: str = "center", keep: bool = False) -> TableCell:
    """A cell of one paragraph; ``keep`` keeps its row on the page of the next row."""
    return TableCell(paragraph(runs([Span(text)]), style, align, keep_next=keep), span, merge)


def header_rows(labels: Sequence[tuple[str, int]], columns: Sequence[ColumnSpec],
                title: Callable[[str], str]) -> list[list[TableCell]]:
    """The header: ``labels`` (text, columns spanned) first, then the value columns; two rows
    when a column has 子列, the others merged down over both. Every header row keeps with the
    next, so a header never stands alone at a page foot."""
    two = any(column.children for column in columns)
    restart = "restart" if two else None
    first = [cell(text, styles.TABLE_HEADER, span, restart, keep=True) for text, span in labels]
    second = [cell("", styles.TABLE_HEADER, span, "continue", keep=True) for _, span in labels]
    for column in columns:
        leaves = column.leaves()
        if column.children:
            first.append(cell(title(column.title), styles.TABLE_HEADER, len(leaves), keep=True))
            second += [cell(title(leaf.title), styles.TABLE_HEADER, keep=True) for leaf in leaves]
        else:
            first.append(cell(title(column.title), styles.TABLE_HEADER, merge=restart, keep=True))
            second.append(cell("", styles.TABLE_HEADER, merge="continue", keep=True))
    return [first, second] if two else [first]


def header_depth(columns: Sequence[ColumnSpec]) -> int:
    return 2 if any(column.children for column in columns) else 1


#: What a table cell still to fill in shows: its row and column say what it is (the list of
#: what is left names it in full).
CELL_GAP = f"{GAP_OPEN}【待填】{GAP_CLOSE}"


def format_value(value: Any, fmt: str | None, gaps: list[Gap]) -> str:
    """A cell's text: the value through its 格式 (a filter, with its arguments), else as a bare
    ``{{ value }}`` prints it; a value still to fill in is a short highlighted 【待填】; a cell
    left blank (where nothing is to be filled in) is blank - a — is typed as one."""
    if value is None:
        return ""
    if isinstance(value, Gap):
        finalize(value, gaps)  # listed with the others
        return CELL_GAP
    if fmt:
        return str(apply_call(filter_call(fmt), value))
    return str(finalize(value, gaps))


def alignment(leaf: ColumnSpec, texts: Sequence[str]) -> str:
    """A column's alignment: as set, else flush left for long text, centred otherwise."""
    if leaf.align:
        return leaf.align
    return "left" if max((printed_width(t) for t in texts), default=0) > LONG_TEXT else "center"


def natural(texts: Sequence[str], low: float, high: float) -> int:
    """The width a column's longest text needs on one line, between ``low`` and ``high``
    characters, in twips."""
    chars = max((printed_width(text) for text in texts), default=0)
    return int(min(max(chars, low), high) * CHAR + CELL_MARGINS)


#: The width of a digit or Latin letter, in Chinese characters, for a figure that must not
#: wrap: Times New Roman's are half a character, the faces that stand in for it (DejaVu) up to 0.64.
NARROW = 0.65


def figure_width(texts: Sequence[str]) -> int:
    """The width in twips that the widest of ``texts`` needs on one line in any face."""
    def chars(text: str) -> float:
        narrow = sum(1 for c in text if printed_width(c) == 0.5)
        return printed_width(text) + (NARROW - 0.5) * narrow
    return int(max((chars(text) for text in texts), default=0) * CHAR + CELL_MARGINS)


def fair_widths(total: int, wanted: Sequence[int], set_mm: Sequence[Decimal | None],
                least: Sequence[int] | None = None) -> list[int]:
    """Share ``total`` twips among columns: those given a width in mm get it (scaled down if
    they ask for more than there is); the others share what is left - each gets what it
    wants if that is less than an even share, and never less than its ``least`` (a figure
    must not wrap); the rest split what remains evenly (so a long text column wraps, short
    ones stay on one line); any room left goes in proportion."""
    least = list(least) if least is not None else [0] * len(wanted)
    room = total - sum(int(mm * Decimal(MM)) for mm in set_mm if mm is not None)
    if sum(low for low, mm in zip(least, set_mm, strict=True) if mm is None) > room > 0:
        # not even the figures fit: each column gets its share of what there is
        scale = room / sum(low for low, mm in zip(least, set_mm, strict=True) if mm is None)
        least = [int(low * scale) for low in least]
    wanted = [max(want, low) for want, low in zip(wanted, least, strict=True)]
    fixed = {i: int(mm * Decimal(MM)) for i, mm in enumerate(set_mm) if mm is not None}
    if sum(fixed.values()) > total:
        scale = total / sum(fixed.values())
        fixed = {i: int(width * scale) for i, width in fixed.items()}
    out = dict(fixed)
    free = [i for i in range(len(wanted)) if i not in fixed]
    left = total - sum(fixed.values())
    while free:
        share = left / len(free)
        settled = {i: wanted[i] if wanted[i] <= share else least[i] for i in free
                   if wanted[i] <= share or least[i] >= share}
        if not settled:
            for i in free:
                out[i] = int(share)
            break
        out.update(settled)
        left -= sum(settled.values())
        free = [i for i in free if i not in settled]
    spare = total - sum(out.values())
    growable = [i for i in range(len(wanted)) if i not in fixed]
    if spare > 0 and growable:
        weight = sum(out[i] for i in growable)
        for i in growable:
            out[i] += int(spare * out[i] / weight)
    widths = [out[i] for i in range(len(wanted))]
    widths[-1] += total - sum(widths)
    return widths
