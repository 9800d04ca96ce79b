"""Progress toward a five-year plan's target, from the results of the plan's years so far: the
share of the target reached (完成度) against the share of the plan's time gone (时间进度) - the
mid-term review's 时间过半、任务过半.

- a growth rate (…增速) with a target of N: the average annual growth of the years so far,
  compounded, against N (年均 8.1%, target 7: 115.7%);
- a level to reach (≥ T, T, a range from T): the way from the year before the plan (the base)
  to T gone so far, (result − base) / (T − base); without a base below T, result / T;
- a ceiling (≤ T): 100% while the result stays within it, else T / result;
- 提高N个百分点: the points gained since the base, over N;
- a qualitative target: none.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from reportgen.data.targets import parse_target
from reportgen.i18n import N_, _
from reportgen.series.years import FiveYearPlan

HUNDRED = Decimal(100)
_ONE_PLACE = Decimal("0.1")
#: How each progress is explained (the 进度说明 column), in one place for translation.
TEXTS = {
    "qualitative": N_("a qualitative target"),
    "no result": N_("no result of {start}–{end} yet"),
    "no growth": N_("the growth rates compound to nothing"),
    "growth": "年均 {average}%（{span}），目标 {target}",
    "ceiling": "{year}年 {latest}，目标 {target}",
    "no base": N_("提高…个百分点 needs the {year} result"),
    "increase": "{year}年 {latest} − {base_year}年 {base} = {gained}，目标 {target}",
    "level": "({latest} − {base}) / ({goal} − {base})，{base_year}年为基数",
    "target": "目标 {target}",
    "ratio": "{latest} / {goal}",
}


@dataclass(frozen=True)
class Progress:
    done: Decimal | None  # 完成度, % of the target reached (None: cannot be said)
    time: Decimal | None  # 时间进度, % of the plan's years with a result
    text: str  # how it was worked out


def _round(value: Decimal) -> Decimal:
    return value.quantize(_ONE_PLACE, ROUND_HALF_UP)


def progress(plan: FiveYearPlan, target_text: str, growth: bool,
             results: Mapping[int, Any]) -> Progress:
    """Progress toward ``target_text``, the plan's target, from ``results`` by year."""
    target = parse_target(str(target_text))
    if target.value is None or target.op in ("class", "qualitative"):
        return Progress(None, None, _(TEXTS["qualitative"]))
    years = sorted(y for y, r in results.items()
                   if plan.start <= y <= plan.end and isinstance(r, Decimal))
    if not years:
        return Progress(None, None, _(TEXTS["no result"]).format(start=plan.start, end=plan.end))
    time = _round(Decimal(years[-1] - plan.start + 1) * HUNDRED / 5)
    latest: Decimal = results[years[-1]]
    goal = target.value
    if growth:
        product = Decimal(1)
        for year in years:
            product *= 1 + results[year] / HUNDRED
        if product <= 0:
            return Progress(None, time, _(TEXTS["no growth"]))
        average = _round((product ** (Decimal(1) / len(years)) - 1) * HUNDRED)
        done = _round(average * HUNDRED / goal) if goal else None
        span = f"{years[0]}–{years[-1]}" if len(years) > 1 else f"{years[0]}"
        return Progress(done, time, TEXTS["growth"].format(average=average, span=span,
                                                           target=target))
    base = results.get(plan.start - 1)
    if target.op == "<=":
        done = HUNDRED if latest <= goal else _round(goal * HUNDRED / latest)
        return Progress(done, time, TEXTS["ceiling"].format(year=years[-1], latest=latest,
                                                            target=target))
    if target.op == "increase":
        if not isinstance(base, Decimal):
            return Progress(None, time, _(TEXTS["no base"]).format(year=plan.start - 1))
        gained = latest - base
        return Progress(_round(gained * HUNDRED / goal), time, TEXTS["increase"].format(
            year=years[-1], latest=latest, base_year=plan.start - 1, base=base, gained=gained,
            target=target))
    if isinstance(base, Decimal) and goal > base:
        done = _round((latest - base) * HUNDRED / (goal - base))
        return Progress(done, time, TEXTS["level"].format(latest=latest, base=base, goal=goal,
                                                          base_year=plan.start - 1))
    if not goal:
        return Progress(None, time, TEXTS["target"].format(target=target))
    return Progress(_round(latest * HUNDRED / goal), time,
                    TEXTS["ratio"].format(latest=latest, goal=goal))
