"""What import makes of a 专栏 it recognises - its definition in boxes.yaml, the sheet holding
its data, what kind it is and how many rows - and the names it gets: a 专栏's key and its
sheet's, from its title without the year."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from reportgen.data.sheet_writer import OutSheet
from reportgen.diff.normalise import squeeze

#: Characters a sheet name may not hold (Excel), and its longest length.
_NOT_IN_SHEET = re.compile(r"[\[\]:*?/\\：]")
SHEET_LENGTH = 31


@dataclass
class Made:
    """A 专栏 as data: ``kind`` 清单, 指标表 or 项目表; ``definition`` its boxes.yaml mapping
    (with 标题); ``sheet`` in the workbook ``workbook``; ``detail`` what the summary says of
    it (the list template, the sheet's part)."""

    kind: str
    key: str
    definition: dict[str, Any]
    workbook: str
    sheet: OutSheet
    rows: int
    detail: str = ""
    #: the indicator table's part when it plays one (完成情况, 计划目标): what the prose calls
    #: it (完成, 目标), else 指标表.<sheet>
    role: str | None = None
    notes: list[str] = field(default_factory=list)


def plain_name(title: str) -> str:
    """A 专栏's name from its title: without a leading year and whitespace."""
    name = squeeze(re.sub(r"^\s*(\d{4}年|\{\{\s*(上年|本年)\s*\}\}年)", "", title))
    return name or squeeze(title)


def unique(name: str, taken: set[str], length: int | None = None) -> str:
    """``name`` (cut to ``length``), or with a number after it where it is taken already."""
    base = name[:length] if length else name
    candidate, number = base, 2
    while candidate in taken:
        suffix = f"（{number}）"
        candidate = (base[:length - len(suffix)] if length else base) + suffix
        number += 1
    taken.add(candidate)
    return candidate


def sheet_name(name: str, taken: set[str]) -> str:
    return unique(_NOT_IN_SHEET.sub("", name) or "表", taken, SHEET_LENGTH)
