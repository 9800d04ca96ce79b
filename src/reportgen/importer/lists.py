"""A 专栏 of project lines read into one record per project, for a list template to write back:
``分组清单.txt`` (numbered groups, then ``交通路网：甲、乙等项目。`` per 类别), ``完成情况清单.txt``
(``1．名称：完成情况``) or ``编号清单.txt`` (``1．名称。``); the numbering (1． 1. （1） 一、 …)
is read from the first number and each must follow in turn."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from reportgen.data.schema import PROJECTS
from reportgen.data.sheet_writer import OutCell, OutSheet
from reportgen.diff.normalise import squeeze
from reportgen.draft.sheets import guide
from reportgen.importer.source import Para
from reportgen.templating.numerals import ordinal

GROUPED, PROGRESS, NUMBERED = "分组清单.txt", "完成情况清单.txt", "编号清单.txt"
#: The words a 分组清单 line ends with after its names.
_LIST_END = "等项目。"
_DIGITS = r"(\d{1,2}|[一二三四五六七八九十]{1,3})"
_NUMBER = re.compile(rf"^(?:[（(]{_DIGITS}[）)]|{_DIGITS}[.．、](?!\d)|[①-⑳])")
_OPEN, _CLOSE = "（(“‘《〈[【", "）)”’》〉]】"
#: A group heading of a 分组清单: numbered, short, no sentence in it.
_HEADING_LENGTH = 30


@dataclass(frozen=True)
class ProjectList:
    """A list read: its template, numbering, columns and rows (by column)."""

    template: str
    numbering: str
    columns: tuple[str, ...]
    rows: tuple[dict[str, str], ...]

    def sheet(self, name: str) -> OutSheet:
        out = OutSheet(name, list(self.columns))
        out.rows = [[OutCell(row.get(column, "")) for column in self.columns]
                    for row in self.rows]
        return guide(out, PROJECTS)


def style_of(text: str) -> str | None:
    """The numbering style a line opens with, as ``ordinal`` writes it (1． 一、 （1） ①),
    when it opens with number one."""
    found = _NUMBER.match(text)
    if not found:
        return None
    mark = found.group(0)
    return mark if mark == "①" or (found.group(1) or found.group(2)) in ("1", "一") else None


def numbered(text: str, style: str, number: int) -> str | None:
    """The text after number ``number`` in ``style``, when ``text`` opens with it."""
    mark = str(ordinal(number, style))
    return text[len(mark):] if text.startswith(mark) else None


def split_names(text: str) -> list[str]:
    """Names listed with 、 between them (not the 、 inside brackets or quotes)."""
    names, depth, current = [], 0, ""
    for char in text:
        if char in _OPEN:
            depth += 1
        elif char in _CLOSE:
            depth = max(0, depth - 1)
        if char == "、" and depth == 0:
            names.append(current)
            current = ""
        else:
            current += char
    names.append(current)
    return names


def logical_lines(paras: Sequence[Para]) -> list[str]:
    """The 专栏's lines as the list wrote them: a line broken in the middle (a name cut at a
    page's edge) joined to the rest, without the whitespace (which is no difference)."""
    out: list[str] = []
    current = ""
    for para in paras:
        text = squeeze(para.text)
        if not text:
            continue
        if not current and _is_heading(text):
            out.append(text)
            continue
        current += text
        if current.endswith(("。", "；")):
            out.append(current)
            current = ""
    if current:
        out.append(current)
    return out


def _is_heading(text: str) -> bool:
    return bool(_NUMBER.match(text)) and len(text) <= _HEADING_LENGTH \
        and not re.search(r"[。；：，]", text)


def read_list(paras: Sequence[Para]) -> ProjectList | None:
    """The list the lines are, if one of the three templates writes them back."""
    lines = logical_lines(paras)
    found = (_grouped(lines) or _numbered_items(lines)) if lines else None
    if found is None:
        return None
    names = [row["名称"] for row in found.rows]
    return found if len(set(names)) == len(names) else None  # 名称 is a list's key


def _grouped(lines: list[str]) -> ProjectList | None:
    style = style_of(lines[0])
    if style is None or not _is_heading(lines[0]):
        return None
    rows: list[dict[str, str]] = []
    group, number, categories = "", 0, [""]
    for line in lines:
        if _is_heading(line):
            number += 1
            name = numbered(line, style, number)
            if not name or name == group or not categories:
                return None  # a group with no line of projects would not be written
            group, categories = name, []
            continue
        if not line.endswith(_LIST_END) or not group:
            return None
        body = line[:-len(_LIST_END)]
        category, colon, names = body.partition("：")
        if not colon or "、" in category or len(category) > 20:
            category, names = "", body
        if categories and categories[-1] == category:
            return None  # two lines of one 类别 in a row would be written as one
        categories.append(category)
        parts = split_names(names)
        if not all(parts):
            return None
        rows += [{"分组": group, "类别": category, "名称": part} for part in parts]
    if not rows or not categories:
        return None
    return ProjectList(GROUPED, style, ("分组", "类别", "名称"), tuple(rows))


def _numbered_items(lines: list[str]) -> ProjectList | None:
    style = style_of(lines[0])
    if style is None:
        return None
    items = [numbered(line, style, number) for number, line in enumerate(lines, start=1)]
    if any(not item for item in items):
        return None
    texts = [item for item in items if item]
    if all("：" in text for text in texts):
        rows = []
        for text in texts:
            name, _, progress = text.partition("：")
            if not name or not progress:
                return None
            rows.append({"名称": name, "完成情况": progress})
        return ProjectList(PROGRESS, style, ("名称", "完成情况"), tuple(rows))
    if all(text.endswith("。") and len(text) > 1 for text in texts):
        return ProjectList(NUMBERED, style, ("名称",),
                           tuple({"名称": text[:-1]} for text in texts))
    return None
