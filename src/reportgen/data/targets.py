"""Parse plan-target expressions as written in the tables into comparable Targets."""

from __future__ import annotations

import re
from decimal import Decimal

from reportgen.data.model import Target

_NUM = r"([+-]?\d+(?:\.\d+)?)"
_ROMAN = "ⅠⅡⅢⅣⅤⅥ"

_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(rf"^(?:≥|>=|＞＝|不低于|不少于|大于等于){_NUM}%?$"), ">="),
    (re.compile(rf"^(?:>|＞|高于|大于){_NUM}%?$"), ">="),
    (re.compile(rf"^{_NUM}%?(?:以上|及以上)$"), ">="),
    (re.compile(rf"^(?:≤|<=|＜＝|不高于|不超过|小于等于|控制在){_NUM}%?(?:以内|以下)?$"), "<="),
    (re.compile(rf"^{_NUM}%?(?:以内|以下)$"), "<="),
    (re.compile(rf"^(?:提高|增加|提升){_NUM}个百分点(?:以上)?$"), "increase"),
    (re.compile(rf"^{_NUM}%?(?:左右)$"), "approx"),
    (re.compile(rf"^(?:增长)?{_NUM}%?$"), ">="),
]


def parse_target(text: str) -> Target:
    """A Target for any text; what cannot be judged mechanically is ``qualitative``.

    A bare number ("9", "50%") is a floor: the result meets it when at least as large.
    Where a smaller result is better the table writes "≤4.5" or "4.5以内".
    """
    compact = text.replace(" ", "").replace("\u3000", "")
    for pattern, op in _PATTERNS:
        match = pattern.match(compact)
        if match:
            return Target(text, op, Decimal(match.group(1)))
    roman = re.fullmatch(rf"([{_ROMAN}])类", compact)
    if roman:
        return Target(text, "class", Decimal(_ROMAN.index(roman.group(1)) + 1))
    return Target(text, "qualitative")


def water_class(text: str) -> int | None:
    """Ⅱ类 -> 2; None for anything else."""
    match = re.fullmatch(rf"\s*([{_ROMAN}])类\s*", text)
    return _ROMAN.index(match.group(1)) + 1 if match else None
