"""A 专栏's table read into a sheet and its definition, with the merges it had reconstructed.

An indicator table (指标表, a header naming 指标) - 类别 merged down or as rows across, 序号,
a group's ﹟ rows under its merged label, value columns under one or two header rows - becomes
a sheet of indicators.xlsx: 完成情况 when its columns are a plan's target against the result
(计划目标, 绝对值, 增速), 计划目标 when they are this year's targets and their 属性, else a
sheet of its own. A project table (项目表, a header naming 名称 or 项目) becomes a sheet of
projects.xlsx, its 类别 rows or column, its 序号 counted and its 合计 computed where the
figures add up to what it printed."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from reportgen.data.cells import parse_decimal
from reportgen.data.schema import (
    ATTRIBUTES,
    EXECUTION,
    EXECUTION_SHEET,
    INDICATORS,
    PLAN,
    PLAN_SHEET,
    PROJECTS,
)
from reportgen.data.sheet_writer import GENERAL, OutCell, OutSheet
from reportgen.data.values import DASHES
from reportgen.diff.normalise import squeeze
from reportgen.draft.sheets import guide
from reportgen.importer.grid import (
    Leaf,
    Row,
    filled,
    header_depth,
    is_whole,
    leaves,
    rows_of,
)
from reportgen.importer.made import Made, plain_name, sheet_name
from reportgen.importer.outline import with_years
from reportgen.importer.source import Table
from reportgen.report.boxes.indicator_table import LABELS, SUB_MARK

_CATEGORY = ("类别", "分类", "领域", "类型")
_NUMBER = ("序号", "编号")
_UNIT = re.compile(r"^(?P<name>.+?)（(?P<unit>[^（）]+)）$")
_TOTAL = re.compile(r"^(合计|总计)(（(?P<count>\d+)个）)?$")
_CN = "一二三四五六七八九十"
_CATEGORY_LABEL = re.compile(rf"^(?P<number>[{_CN}]+)、(?P<name>.+?)(（(?P<count>\d+)个）)?$")
#: What a table's column of units is headed.
_UNITS = ("单位", "计量单位")
#: What a column of this year's targets' 属性 is headed.
_ATTRIBUTE = ("属性", "备注", "指标属性", "性质")
#: The sheet columns a value column may not be named after (they lay out the table).
_STRUCTURE = ("类别", "序号", "指标名称", "分组", "单位", "名称")


@dataclass
class Names:
    """The sheet names and 专栏 keys taken so far, and whether 完成情况 and 计划目标 are."""

    sheets: set[str] = field(default_factory=set)
    keys: set[str] = field(default_factory=set)


def read_table(title: str, table: Table, years: tuple[int, int], names: Names) -> Made | None:
    """What a 专栏's table becomes, or None when it is neither kind of table."""
    rows = [row for row in rows_of(table) if filled(row)]
    if len(rows) < 2:
        return None
    depth = header_depth(rows)
    head = [squeeze(cell.text) for cell in rows[0]]
    if any("指标" in text for text in head):
        return _indicators(title, rows, depth, years, names)
    if any("名称" in text or text == "项目" for text in head):
        return _projects(title, rows, depth, years, names)
    return None


def _template(text: str, years: tuple[int, int]) -> str:
    return with_years(text, years)


def _year_names(text: str, years: tuple[int, int]) -> str:
    """A header's years as the sheet names them: 2020年完成 -> 上年完成."""
    return text.replace(f"{years[1]}年", "本年").replace(f"{years[0]}年", "上年")


def _fits(kind: str, texts: list[str]) -> bool:
    """Whether a column of ``kind`` (a schema type) reads these texts as written."""
    present = [t for t in texts if t not in DASHES]
    if kind == "measure":
        return all(t and (parse_decimal(t) is not None or not re.search(r"\d", t))
                   for t in present)
    if kind == "percent":
        return all(_percent(t) for t in present)
    if kind == "attribute":
        return all(t in ATTRIBUTES for t in texts)
    return kind in ("target", "text") and all(texts)


def _percent(text: str) -> bool:
    return parse_decimal(text.removesuffix("%")) is not None


def _cell(text: str, percent: bool) -> OutCell:
    return OutCell(text, "0%" if percent and text.endswith("%") else GENERAL)


# --- indicator tables ----------------------------------------------------------------------


@dataclass
class _Indicator:
    category: str
    number: str
    name: str
    unit: str
    group: str
    values: list[str]


def _label_columns(head: Row) -> tuple[bool, bool, int] | None:
    """(has 类别, has 序号, index of the first value header) of an indicator header."""
    texts = [squeeze(cell.text) for cell in head]
    index = 0
    has_category = index < len(texts) and texts[index] in _CATEGORY
    index += has_category
    has_number = index < len(texts) and texts[index] in _NUMBER
    index += has_number
    if index >= len(texts) or "指标" not in texts[index]:
        return None
    return has_category, has_number, index + 1


def _indicators(title: str, rows: list[Row], depth: int, years: tuple[int, int],
                names: Names) -> Made | None:
    labels = _label_columns(rows[0])
    if labels is None or depth > 2:
        return None
    has_category, has_number, start = labels
    columns = leaves(rows[0], rows[1] if depth == 2 else None, start)
    if not columns:
        return None
    width = len(columns)
    lead = has_category + has_number  # the label cells before the name
    unit_at = next((i for i, leaf in enumerate(columns) if squeeze(leaf.title) in _UNITS), None)
    body: list[_Indicator] = []
    category_rows = False
    group = ""
    for row in rows[depth:]:
        cells = list(row)
        texts = [cell.text for cell in cells]
        if len(cells) < width + lead + 1 and len(filled(row)) == 1 and not has_category:
            category_rows = True
            body.append(_Indicator(cells[0].text, "", "", "", "", []))
            continue
        if len(texts) < width + lead + 1:
            return None
        values, rest = texts[-width:], texts[:-width]
        category = rest.pop(0) if has_category else ""
        number = rest.pop(0) if has_number else ""
        if (number and not is_whole(number)) or (not has_number and len(rest) != 1):
            return None
        if len(rest) == 1:
            label, group_label = rest[0], ""
        elif len(rest) == 2:
            group_label, label = rest
        else:
            return None
        grouped = label.startswith(SUB_MARK)
        if number:
            group = group_label if grouped else ""
            if group_label and not grouped:
                return None
        elif grouped != bool(group) or group_label:
            return None  # a ﹟ row outside a group, or a plain row inside one
        label = label.removeprefix(SUB_MARK)
        unit = _UNIT.match(label) if unit_at is None else None
        name, unit_text = (unit.group("name"), unit.group("unit")) if unit else (label, "")
        if unit_at is not None:  # the table's own 单位 column
            unit_text = values[unit_at]
        if not name:
            return None
        body.append(_Indicator(category, number, name, unit_text,
                               group_label if number and grouped else "", values))
    indicators = [row for row in body if row.name]
    if not indicators or len({row.name for row in indicators}) != len(indicators):
        return None
    if category_rows:  # a 类别 row across the table: its first row carries the 类别
        carried, pending = [], ""
        for indicator in body:
            if not indicator.name:
                pending = indicator.category
                continue
            indicator.category, pending = pending, ""
            carried.append(indicator)
        body = carried
    return _indicator_sheet(title, rows[0], start, columns, body, _Shape(
        has_category or category_rows, category_rows, has_number, unit_at), years, names)


def _fields(columns: list[Leaf], body: list[_Indicator], years: tuple[int, int],
            names: Names) -> tuple[str | None, list[str]]:
    """The part the table plays (完成情况, 计划目标 or None) and the field of each column."""
    values = [[row.values[i] for row in body] for i in range(len(columns))]
    known: list[str | None] = []
    for leaf, texts in zip(columns, values, strict=True):
        title = squeeze(leaf.title)
        whole = squeeze(f"{leaf.parent or ''}{leaf.title}")
        if title in _UNITS:
            known.append("单位")
        elif "目标" in whole:
            known.append("计划目标")
        elif title == "绝对值":
            known.append("绝对值")
        elif title in ("增速", "增长", "增幅", "增速（%）") and _fits("percent", texts):
            known.append("增速")
        elif title in _ATTRIBUTE and _fits("attribute", texts):
            known.append("属性")
        else:
            known.append(None)
    chosen = [k for k in known if k]
    if sorted(chosen) == sorted(["计划目标", "绝对值", "增速"]) and None not in known \
            and EXECUTION_SHEET not in names.sheets and all(all(t for t in v) for v in values) \
            and _fits("measure", values[known.index("绝对值")]):
        return EXECUTION_SHEET, [k or "" for k in known]
    if sorted(chosen) == sorted(["计划目标", "属性"]) and None not in known \
            and PLAN_SHEET not in names.sheets and all(all(t for t in v) for v in values):
        return PLAN_SHEET, [k or "" for k in known]
    out: list[str] = []
    for leaf, texts, kind in zip(columns, values, known, strict=True):
        if kind == "单位":
            out.append("单位")
            continue
        base = _field_name(leaf, years)
        schema_column = INDICATORS.column(base)
        if base in _STRUCTURE or (schema_column and not _fits(schema_column.type, texts)) \
                or base in out:
            base = next(f"{base}{n}" for n in range(2, 99) if f"{base}{n}" not in out)
        out.append(base)
    return None, out


def _field_name(leaf: Leaf, years: tuple[int, int]) -> str:
    """A value column's name in its sheet: its header (under the one over it), the years as
    上年 and 本年, without the unit."""
    text = squeeze(f"{leaf.parent}{leaf.title}" if leaf.parent else leaf.title)
    return _year_names(re.sub(r"[（(][^（）()]*[）)]$", "", text) or text, years)


@dataclass(frozen=True)
class _Shape:
    """What an indicator table's label columns are."""

    categories: bool  # its rows have 类别 (a column, or rows across)
    category_rows: bool  # 类别 as rows across the table
    numbered: bool  # a 序号 column
    unit_at: int | None  # the value column showing the 单位, if any


def _indicator_sheet(title: str, head: Row, start: int, columns: list[Leaf],
                     body: list[_Indicator], shape: _Shape, years: tuple[int, int],
                     names: Names) -> Made | None:
    role, fields = _fields(columns, body, years, names)
    values = [[row.values[i] for row in body] for i in range(len(columns))]
    percent = [bool([t for t in v if t not in DASHES]) and all(
        t.endswith("%") for t in v if t not in DASHES) for v in values]
    kept = [i for i in range(len(columns)) if i != shape.unit_at]  # 单位 is a label column
    headers = (["类别"] if shape.categories else []) + (["序号"] if shape.numbered else []) + [
        "指标名称", "分组", "单位"] + [
        f"{fields[i]}（%）" if percent[i] and role is None else fields[i] for i in kept]
    if role == EXECUTION_SHEET:
        headers = [h if h != "增速" else "增速（%）" for h in headers]
    key = plain_name(_template(title, years))
    name = role or sheet_name(key, names.sheets)
    names.sheets.add(name)
    sheet = OutSheet(name, headers)
    for row in body:
        cells = ([OutCell(row.category)] if shape.categories else []) + (
            [OutCell(row.number)] if shape.numbered else []) + [
            OutCell(row.name), OutCell(row.group), OutCell(row.unit)]
        cells += [_cell(row.values[i], percent[i]) for i in kept]
        sheet.rows.append(cells)
    schema = EXECUTION if role == EXECUTION_SHEET else PLAN if role == PLAN_SHEET \
        else INDICATORS
    definition: dict[str, Any] = {"标题": _template(title, years), "指标表": name,
                                  "列": _columns(columns, fields, percent, years)}
    if shape.category_rows:
        definition["类别"] = "行"
    if not shape.numbered:
        definition["序号"] = "否"
    header = _header_labels(head, start, shape.categories and not shape.category_rows,
                            shape.numbered)
    if header:
        definition["表头"] = header
    return Made("指标表", key, definition, "indicators", guide(sheet, schema), len(body),
                role or name, role)


def _columns(columns: list[Leaf], fields: list[str], percent: list[bool],
             years: tuple[int, int]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for leaf, name, pct in zip(columns, fields, percent, strict=True):
        column: dict[str, Any] = {"标题": _template(leaf.title, years), "字段": name}
        if pct:
            column["格式"] = "pct"
        if leaf.parent is None:
            out.append(column)
        elif out and out[-1].get("_parent") == leaf.parent:
            out[-1]["子列"].append(column)
        else:
            out.append({"_parent": leaf.parent, "标题": _template(leaf.parent, years),
                        "子列": [column]})
    for column in out:
        column.pop("_parent", None)
    return out


def _header_labels(head: Row, start: int, has_category: bool, numbered: bool
                   ) -> dict[str, str]:
    """The label columns' headers where they are not the default ones."""
    keys = (["类别"] if has_category else []) + (["序号"] if numbered else []) + ["指标名称"]
    texts = [cell.text for cell in head[:start]]
    return {key: text for key, text in zip(keys, texts, strict=False)
            if squeeze(text) != squeeze(LABELS[key][0])}


# --- project tables ------------------------------------------------------------------------


def _projects(title: str, rows: list[Row], depth: int, years: tuple[int, int],
              names: Names) -> Made | None:
    if depth != 1:
        return None
    head = rows[0]
    titles = [cell.text for cell in head]
    plain = [squeeze(text) for text in titles]
    width = len(head)
    name_at = next((i for i, t in enumerate(plain) if "名称" in t or t == "项目"), None)
    if name_at is None:
        return None
    category_column = plain[0] in _CATEGORY and name_at > 0
    fields: list[str] = []
    for index, text in enumerate(plain):
        if index == name_at:
            fields.append("名称")
        elif index == 0 and category_column:
            fields.append("类别")
        elif text in _NUMBER:
            fields.append("序号")
        else:
            base = re.sub(r"[（(][^（）()]*[）)]$", "", text) or text
            base = _year_names(base, years)
            fields.append(base if base not in fields and base not in _STRUCTURE
                          else f"{base}{index}")
    records: list[dict[str, str]] = []
    total: tuple[str, list[str]] | None = None
    total_first = False
    category, category_labels = "", []
    for row in rows[1:]:
        texts = [cell.text for cell in row]
        first = next((t for t in texts if t), "")
        if _TOTAL.match(squeeze(first)) and total is None:
            total = (squeeze(first), texts)
            total_first = not records
            continue
        if len(filled(row)) == 1 and len(texts) < width and not category_column:
            category = first
            category_labels.append(first)
            continue
        if len(texts) != width:
            return None
        record = dict(zip(fields, texts, strict=True))
        if category_column:
            record["类别"] = record["类别"] or category
            category = record["类别"]
        elif category_labels:
            record["类别"] = category
        records.append(record)
    return _project_sheet(title, titles, fields, records, total, total_first, category_labels,
                          category_column, years, names)


def _project_sheet(title: str, titles: list[str], fields: list[str],
                   records: list[dict[str, str]], total: tuple[str, list[str]] | None,
                   total_first: bool, category_labels: list[str], category_column: bool,
                   years: tuple[int, int], names: Names) -> Made | None:
    if not records or len({r["名称"] for r in records}) != len(records) or \
            not all(r["名称"] for r in records):
        return None
    definition: dict[str, Any] = {"标题": _template(title, years)}
    key = plain_name(definition["标题"])
    name = sheet_name(key, names.sheets)
    definition["项目表"] = name
    counted = "序号" in fields and _counted(records, category_column or bool(category_labels))
    if "序号" in fields and counted is None:
        return None
    columns = [f for f in fields if not (f == "类别" and category_column)]
    stored = [f for f in fields if f != "序号"]
    if category_labels or category_column:
        stored = ["类别", *[f for f in stored if f != "类别"]]
    sheet_headers = [_sheet_header(f, t, years) for f, t in zip(fields, titles, strict=True)
                     if f in stored]
    if "类别" in stored and "类别" not in fields:
        sheet_headers.insert(0, "类别")
    numeric = {f for f in stored if f not in ("类别", "名称") and all(
        parse_decimal(r.get(f, "")) is not None for r in records if r.get(f, ""))
        and any(r.get(f, "") for r in records)}
    definition["列"] = []
    for field_name in columns:
        title_text = titles[fields.index(field_name)]
        column: dict[str, Any] = {"标题": _template(title_text, years), "字段": field_name}
        definition["列"].append(column)
    if category_column:
        definition["类别"] = "列"
        definition["类别标题"] = titles[0]
    elif category_labels:
        definition["类别"] = "行"
        label = _category_label(category_labels, records)
        if label is None:
            return None
        definition["类别标签"] = label
    else:
        definition["类别"] = "无"
    if total is None:
        definition["合计"] = "否"
    else:
        label, texts = total
        count = _TOTAL.match(label)
        definition["合计"] = "合计（{{ 个数 }}个）" if count and count.group("count") == str(
            len(records)) else label
        if total_first:
            definition["合计位置"] = "首"
        if not _sums_agree(fields, texts, records, numeric, definition["列"]):
            return None
    if counted == "category":
        definition["编号"] = "按类别"
    sheet = OutSheet(name, sheet_headers)
    sheet.rows = [[OutCell(r.get(f, "")) for f in stored] for r in records]
    return Made("项目表", key, definition, "projects", guide(sheet, PROJECTS), len(records), name)


def _sheet_header(field_name: str, title: str, years: tuple[int, int]) -> str:
    unit = re.search(r"[（(]([^（）()]+)[）)]$", squeeze(title))
    return f"{field_name}（{unit.group(1)}）" if unit and field_name not in ("名称", "类别") \
        else field_name


def _counted(records: list[dict[str, str]], by_category: bool) -> str | None:
    """How the table numbers its rows: running (连续) or afresh in each 类别; None when the
    numbers are neither."""
    numbers = [r.get("序号", "") for r in records]
    if numbers == [str(i) for i in range(1, len(records) + 1)]:
        return "running"
    if by_category:
        expected, count, last = [], 0, None
        for record in records:
            count = 1 if record.get("类别") != last else count + 1
            last = record.get("类别")
            expected.append(str(count))
        if numbers == expected:
            return "category"
    return None


def _category_label(labels: list[str], records: list[dict[str, str]]) -> str | None:
    """The template of the 类别 rows' label (编号, 名称, 个数), the 类别 taking its 名称."""
    from reportgen.templating.numerals import cn

    templates = set()
    for index, label in enumerate(labels, start=1):
        found = _CATEGORY_LABEL.match(squeeze(label))
        rows = [r for r in records if r.get("类别") == label]
        if found and found.group("number") != cn(index):
            return None
        if found:
            name = found.group("name")
            for record in rows:
                record["类别"] = name
            count = found.group("count")
            if count is not None and count != str(len(rows)):
                return None
            templates.add("{{ 编号 }}、{{ 名称 }}" + ("（{{ 个数 }}个）" if count else ""))
        else:
            templates.add("{{ 名称 }}")
    return templates.pop() if len(templates) == 1 else None


def _sums_agree(fields: list[str], texts: list[str], records: list[dict[str, str]],
                numeric: set[str], columns: list[dict[str, Any]]) -> bool:
    """Whether the 合计 row is the sums of its columns: its cells after the label, from the
    right, stand under the last columns; a column of figures it leaves blank is not summed
    (合计: 否)."""
    from reportgen.templating.numfmt import num

    after = texts[1:]
    shown = dict(zip(fields[len(fields) - len(after):], after, strict=False)) if after else {}
    for name in fields:
        if name not in numeric and shown.get(name):
            return False
    for column in columns:
        name = column["字段"]
        if name not in numeric:
            continue
        printed = shown.get(name, "")
        if not printed:
            column["合计"] = "否"
            continue
        total = sum((Decimal(r[name]) for r in records if r.get(name)), Decimal(0))
        if num(total) != printed:
            return False
    return True
