"""Plan against actual: the status of each indicator of last year's execution table, from its
target and its result."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from reportgen.data.model import Gap, Indicator, Target, Value
from reportgen.data.schema import BASE, GROWTH, RESULT, STATE, TARGET
from reportgen.data.targets import water_class
from reportgen.i18n import _

DONE, NOT_DONE, HUMAN, NO_TARGET = "完成", "未完成", "需人工判断", "—"


def compared_column(unit: str, target: Any, has_growth: bool, declared: str | None = None) -> str:
    """The column whose result a target judges: as declared (the row's or the table's 比较),
    else the growth rate for a target of growth (增长7%) or an indicator in % that has one,
    else the absolute value - so the name of an indicator never decides it."""
    if declared in (RESULT, GROWTH):
        return declared
    wants_growth = isinstance(target, Target) and target.growth or unit in ("%", "％")
    return GROWTH if wants_growth and has_growth else RESULT


def compared_column_of(row: Indicator) -> str:
    """The column whose result the row's target judges (``compared_column``)."""
    growth = row.values.get(GROWTH)
    return compared_column(row.unit, row.values.get(TARGET), isinstance(growth, (Decimal, Gap)),
                           row.compared)


def compared_value(row: Indicator) -> Value:
    """The result a target is judged on (``compared_column``)."""
    return row.values.get(compared_column_of(row))


def _judged(met: bool, text: str) -> tuple[str, str]:
    return (DONE if met else NOT_DONE), text


def status(row: Indicator) -> tuple[str | Gap, str]:
    """(status, reason) of one execution-table row; the status is the gap of the target or the
    result while that is still to fill in (never 完成 or 无目标 before it is known)."""
    override = row.values.get(STATE)
    if isinstance(override, str) and override:
        return override, _("set in the data (完成状态)")
    target = row.values.get(TARGET)
    if isinstance(target, Gap):
        return target, _("the target is still to fill in")
    if target is None:
        return NO_TARGET, _("no target")
    assert isinstance(target, Target)
    result = compared_value(row)
    if isinstance(result, Gap):
        return result, _("the result is still to fill in")
    if target.op == "class":
        found = water_class(result) if isinstance(result, str) else None
        if found is None:
            return HUMAN, _("result 「{result}」 is not a water class").format(result=result)
        return _judged(found <= int(target.value or 0), _("{result}, target {target}")
                                                          .format(result=result, target=target))
    if not target.quantitative:
        why = _("a target of about (左右)") if target.op == "approx" else _("a qualitative target")
        return HUMAN, why
    if not isinstance(result, Decimal):
        return HUMAN, _("result 「{result}」 is not a number").format(result=result)
    assert target.value is not None
    if target.op == "increase":
        base = row.values.get(BASE)
        if isinstance(base, Gap):
            return base, _("the 上年值 is still to fill in")
        if not isinstance(base, Decimal):
            return HUMAN, _("提高…个百分点 needs the 上年值 column")
        rise = result - base
        return _judged(rise >= target.value, _("{result} - {base} = {rise}, target +{value}")
                                               .format(result=result, base=base, rise=rise,
                                                       value=target.value))
    if target.op in (">=", "range"):  # a range is met from its lower end
        met = result >= target.value
        return _judged(met, f"{result} {'≥' if met else '<'} {target.value}")
    met = result <= target.value
    return _judged(met, f"{result} {'≤' if met else '>'} {target.value}")
