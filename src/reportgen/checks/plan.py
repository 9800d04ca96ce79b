"""The plan-vs-actual table of ``check``: each indicator of last year's execution table with its
target, result and status, laid out for a terminal."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from reportgen.characters import display_width
from reportgen.data.model import Gap, YearData
from reportgen.data.schema import TARGET
from reportgen.data.status import compared_value, status
from reportgen.templating.environment import finalize

STATUS_COLUMNS = ("序号", "指标", "计划目标", "结果", "状态", "说明")


@dataclass(frozen=True)
class StatusRow:
    """One line of the plan-vs-actual table."""

    number: str
    name: str
    target: str
    result: str
    status: str
    reason: str

    def cells(self) -> tuple[str, ...]:
        return (self.number, self.name, self.target, self.result, self.status, self.reason)


def _shown(value: Any) -> str:
    return "待填" if isinstance(value, Gap) else str(finalize(value))


def plan_vs_actual(data: YearData) -> list[StatusRow]:
    table = data.execution
    rows = []
    for row in table.rows if table else ():
        state, reason = status(row)
        rows.append(StatusRow(str(row.number or ""), row.label,
                              _shown(row.values.get(TARGET)), _shown(compared_value(row)),
                              _shown(state), reason))
    return rows


def status_table(rows: list[StatusRow]) -> str:
    """The plan-vs-actual table for a terminal, Chinese columns aligned: each column as wide as
    its widest cell, the 序号 numbers right-aligned to each other, one space between columns."""
    digits = max((len(row.number) for row in rows), default=0)
    lines = [list(STATUS_COLUMNS)]
    lines += [[row.number.rjust(digits), *row.cells()[1:]] for row in rows]
    widths = [max(map(display_width, column)) for column in zip(*lines, strict=True)]
    return "\n".join(" ".join(text + " " * (width - display_width(text))
                              for text, width in zip(line, widths, strict=True)).rstrip()
                     for line in lines)


