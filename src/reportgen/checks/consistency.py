"""Figures the data states twice must agree: breakdowns of one total, a statistic that is also an
indicator's result, and the targets last year's plan set."""

from __future__ import annotations

from decimal import Decimal

from reportgen.data.compute import investment_types
from reportgen.data.model import Gap, Indicator, Record, YearData
from reportgen.data.schema import GROWTH, NOTE, RESULT, STAT, TARGET, VALUE
from reportgen.errors import Problems
from reportgen.i18n import _


def breakdowns(data: YearData, problems: Problems) -> None:
    """Each investment type's complete breakdowns, and a stated 合计, give the same totals."""
    for kind in investment_types(data.investment):
        for problem in kind.problems:
            problems.error(problem.ref, problem.message)


def _base(name: str) -> str:
    return name.removesuffix(GROWTH).removeprefix("其中：")


def statistics_and_results(data: YearData, problems: Problems) -> None:
    """A 统计 row that names an indicator of 完成情况 must give its figures.

    The same name (less 增速) is the same figure: a difference is an error. A name that
    contains the other (外贸进出口总额 / 进出口总额增速) may be another measure: a difference is a
    warning until 说明 explains it.
    """
    table = data.execution
    if table is None:
        return
    for record in data.statistics.rows:
        name = str(record.values.get(STAT))
        for row in table.rows:
            base = _base(row.name)
            if len(base) < 2 or base not in name:
                continue
            same = name.removesuffix(GROWTH) == base
            explained = bool(record.values.get(NOTE))
            if not same and explained:
                continue
            for mine, theirs in ((VALUE, RESULT), (GROWTH, GROWTH)):
                _compare(record, mine, row, theirs, same, problems)


def _compare(record: Record, mine: str, row: Indicator, theirs: str, same: bool,
             problems: Problems) -> None:
    value, other = record.values.get(mine), row.values.get(theirs)
    if not (isinstance(value, Decimal) and isinstance(other, Decimal)) or value == other:
        return
    where, there = record.cell(mine), row.cell(theirs)
    name = record.values.get(STAT)
    if same:
        problems.error(where, _("统计 「{name}」 {mine} is {value}, but 完成情况 「{name2}」 "
                       "{theirs} is {other} ({there}): one figure, two values")
                                .format(name=name, mine=mine, value=value, name2=row.name,
                                        theirs=theirs, other=other, there=there))
    else:
        problems.warning(where, _("统计 「{name}」 {mine} is {value}, but 完成情况 「{name2}」 "
                         "{theirs} is {other} ({there}); if they are different measures, say "
                         "so in 说明")
                                  .format(name=name, mine=mine, value=value, name2=row.name,
                                          theirs=theirs, other=other, there=there))


def targets_of_last_plan(data: YearData, last: YearData, problems: Problems) -> None:
    """The execution table reports on the targets last year's plan set, all of them."""
    execution, plan = data.execution, last.plan
    if execution is None or plan is None:
        return
    reported = {row.name: row for row in execution.rows}
    for planned in plan.rows:
        row = reported.get(planned.name)
        set_to = planned.values.get(TARGET)
        there = planned.cell(TARGET)
        if row is None:
            problems.warning(execution.ref, _("「{name}」, a target of {year}'s plan "
                             "({there}), is not reported on")
                                              .format(name=planned.name, year=last.year,
                                                      there=there))
            continue
        target = row.values.get(TARGET)
        if isinstance(target, Gap) or isinstance(set_to, Gap) or str(target) == str(set_to):
            continue
        problems.warning(row.cell("计划目标"),
                         _("「{name}」: 计划目标 「{target}」, but {year}'s plan set "
                           "「{set_to}」 ({there})")
                           .format(name=row.name, target=target, year=last.year, set_to=set_to,
                                   there=there))
