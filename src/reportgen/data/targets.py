"""Plan targets as written in the tables, parsed into what a result is judged against and how
reports word them: "7.5以上" is at least 7.5, printed 增长7.5%以上; "≤4.5" at most 4.5, printed
4.5%以内; "6-6.5" a range, printed 增长6%—6.5%."""

from __future__ import annotations

import re
from decimal import Decimal

from reportgen.data.model import Target

_NUM = r"([+-]?\d+(?:\.\d+)?)"
_PCT = r"[%％]?"
_ROMAN = "ⅠⅡⅢⅣⅤⅥ"
_GROWTH_WORDS = ("增长", "增速", "增幅")
_GROW = r"(?:增长|增速|增幅)?"

#: (pattern, op, the word after the figure; None: the word the pattern's second group found,
#: else the op's default word)
_PATTERNS: list[tuple[re.Pattern[str], str, str | None]] = [
    (re.compile(rf"^{_GROW}(?:≥|>=|＞＝|不低于|不少于|大于等于){_NUM}{_PCT}(?:以上)?$"), ">=",
     "以上"),
    (re.compile(rf"^{_GROW}(?:>|＞|高于|大于|超过){_NUM}{_PCT}$"), ">=", "以上"),
    (re.compile(rf"^{_GROW}{_NUM}{_PCT}(?:及以上|以上)$"), ">=", "以上"),
    (re.compile(rf"^{_GROW}(?:≤|<=|＜＝|不高于|不超过|小于等于|控制在){_NUM}{_PCT}(以内|以下)?$"),
     "<=", None),
    (re.compile(rf"^{_GROW}{_NUM}{_PCT}(以内|以下)$"), "<=", None),
    (re.compile(rf"^(?:提高|增加|提升){_NUM}个百分点(以上)?$"), "increase", None),
    (re.compile(rf"^{_GROW}{_NUM}{_PCT}左右$"), "approx", "左右"),
    (re.compile(rf"^{_GROW}{_NUM}{_PCT}$"), ">=", ""),
]
_DEFAULT_WORD = {"<=": "以内"}
_RANGE = re.compile(rf"^{_GROW}{_NUM}{_PCT}\s*([-－–~～—]|——|至|到)\s*{_NUM}{_PCT}$")


def parse_target(text: str) -> Target:
    """A Target for any text; what cannot be judged mechanically is ``qualitative``.

    A bare number ("9", "50%") is a floor: the result meets it when at least as large.
    Where a smaller result is better the table writes "≤4.5" or "4.5以内".
    """
    compact = text.replace(" ", "").replace("\u3000", "")
    for pattern, op, word in _PATTERNS:
        match = pattern.match(compact)
        if match:
            if word is None:
                word = match.group(2) or _DEFAULT_WORD.get(op, "")
            return Target(text, op, Decimal(match.group(1)), word=word,
                          growth=compact.startswith(_GROWTH_WORDS))
    ranged = _RANGE.match(compact)
    if ranged:
        low, dash, high = Decimal(ranged.group(1)), ranged.group(2), Decimal(ranged.group(3))
        if low <= high:
            return Target(text, "range", low, high, dash="～" if dash in "~～" else "—",
                          growth=compact.startswith(_GROWTH_WORDS))
    roman = re.fullmatch(rf"([{_ROMAN}])类", compact)
    if roman:
        return Target(text, "class", Decimal(_ROMAN.index(roman.group(1)) + 1))
    return Target(text, "qualitative")


def water_class(text: str) -> int | None:
    """Ⅱ类 -> 2; None for anything else."""
    match = re.fullmatch(rf"\s*([{_ROMAN}])类\s*", text)
    return _ROMAN.index(match.group(1)) + 1 if match else None
