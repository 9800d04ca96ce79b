"""Pure computations on a validated year: totals from parts, and the breakdowns of investment."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from reportgen.data.model import Gap, Record, RecordTable, Value
from reportgen.data.schema import BREAKDOWN, COUNT, INVEST_TYPE, PLANNED
from reportgen.errors import Problem, SourceRef
from reportgen.i18n import _

TOTAL = "合计"


def total(values: Iterable[Value], what: str, ref: SourceRef | str) -> Decimal | Gap | None:
    """The sum of parts; a gap when any part is still to fill in, None when no part has a value."""
    numbers: list[Decimal] = []
    gaps: list[Gap] = []
    for value in values:
        if isinstance(value, Gap):
            gaps += value.listed()
        if isinstance(value, Decimal):
            numbers.append(value)
    if gaps:
        return Gap(what, gaps[0].ref, tuple(gaps))
    if not numbers:
        return None
    return sum(numbers, Decimal(0))


def column_totals(rows: Sequence[Record], columns: Sequence[str], what: str,
                  ref: SourceRef | str) -> dict[str, Value]:
    return {c: total((r.values.get(c) for r in rows), f"{what}·{c}", ref) for c in columns}


@dataclass(frozen=True)
class Breakdown:
    """One way of splitting an investment type (按领域, 按建设性质) into parts."""

    name: str
    parts: tuple[Record, ...]

    def complete(self, measure: str) -> bool:
        return bool(self.parts) and all(
            isinstance(p.values.get(measure), (Decimal, Gap)) for p in self.parts
        )


@dataclass(frozen=True)
class InvestmentType:
    name: str
    breakdowns: tuple[Breakdown, ...]
    stated: Record | None  # a 合计 row, for measures no breakdown gives
    totals: dict[str, Value]
    problems: tuple[Problem, ...]


MEASURES = (COUNT, PLANNED)


def _rows(records: Sequence[Record]) -> str:
    numbers = [r.ref.row for r in records if isinstance(r.ref, SourceRef) and r.ref.row]
    if not numbers:
        return "rows"
    low, high = min(numbers), max(numbers)
    return f"row {low}" if low == high else f"rows {low}–{high}"


def investment_types(table: RecordTable) -> list[InvestmentType]:
    """Group the 投资计划 rows by type and compute each type's totals from its breakdowns.

    A measure's total is the sum of any breakdown complete in that measure; every complete
    breakdown, and a stated 合计, must give the same figure (else a problem is recorded).
    """
    order: list[str] = []
    rows_by_type: dict[str, list[Record]] = {}
    for row in table.rows:
        name = str(row.values.get(INVEST_TYPE))
        if name not in rows_by_type:
            order.append(name)
            rows_by_type[name] = []
        rows_by_type[name].append(row)
    result = []
    for name in order:
        rows = rows_by_type[name]
        stated = next((r for r in rows if r.values.get(BREAKDOWN) == TOTAL), None)
        breakdown_names: list[str] = []
        for row in rows:
            kind = str(row.values.get(BREAKDOWN))
            if kind != TOTAL and kind not in breakdown_names:
                breakdown_names.append(kind)
        breakdowns = tuple(
            Breakdown(kind, tuple(r for r in rows if r.values.get(BREAKDOWN) == kind))
            for kind in breakdown_names
        )
        totals: dict[str, Value] = {}
        problems: list[Problem] = []
        for measure in MEASURES:
            candidates = [
                (b.name, b.parts, total((p.values.get(measure) for p in b.parts),
                                        f"{name}·{measure}", b.parts[0].ref))
                for b in breakdowns if b.complete(measure)
            ]
            stated_value = stated.values.get(measure) if stated else None
            if stated is not None and isinstance(stated_value, (Decimal, Gap)):
                candidates.append((TOTAL, (stated,), stated_value))
            numbers = [c for c in candidates if isinstance(c[2], Decimal)]
            for other_name, other_parts, other in numbers[1:]:
                first_name, first_parts, first = numbers[0]
                if other != first:
                    problems.append(Problem(
                        other_parts[0].cell(measure),
                        _("{name}·{measure}: {other_name} ({other_parts}) gives {other}, "
                          "but {first_name} ({first_parts}) gives {first}")
                          .format(name=name, measure=measure, other_name=other_name,
                                  other_parts=_rows(other_parts), other=other,
                                  first_name=first_name, first_parts=_rows(first_parts),
                                  first=first),
                    ))
            totals[measure] = candidates[0][2] if candidates else Gap(
                f"{name}·{measure}", rows[0].ref)
        result.append(InvestmentType(name, breakdowns, stated, totals, tuple(problems)))
    return result
