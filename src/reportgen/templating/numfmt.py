"""Chinese number formatting for reports (GB/T 15835 and 计划报告 practice), as Jinja filters.

Every filter takes the value as the data holds it (Decimal at published precision) and:

* keeps the published precision unless ``places`` asks for rounding, which is half-up (四舍五入);
* never writes thousands separators; digits, ``.``, ``-`` and ``%`` are half-width;
* passes text through unchanged ("—", "Ⅱ类") and a gap (【待填：…】) through untouched, so a
  template never fails on a value that is not a number.

Digits and symbols come from babel's zh_CN locale data; dates use babel's date patterns.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import ROUND_HALF_UP, Decimal, localcontext
from typing import Any

from babel import Locale
from babel.dates import format_date
from babel.numbers import format_decimal

from reportgen.data.model import Gap, Target

#: Parsed once: babel re-parses a locale given by name on every call, which dominates large builds.
LOCALE = Locale.parse("zh_CN")
_CN_DIGITS = "零一二三四五六七八九"
_CN_YEAR_DIGITS = "〇一二三四五六七八九"
_CN_UNITS = ((10**8, "亿"), (10**4, "万"), (1000, "千"), (100, "百"), (10, "十"))
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_SCALES = (("万亿", Decimal(10) ** 12), ("亿", Decimal(10) ** 8), ("万", Decimal(10) ** 4))


def _number(value: Any) -> Decimal | None:
    """The Decimal behind a value, or None when the value is not a number (text, gap)."""
    if isinstance(value, Target):
        return value.value if value.quantitative else None
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, Decimal):
        return value if value.is_finite() else None
    return None


def _passthrough(value: Any) -> Any:
    if isinstance(value, Gap):
        return value
    if value is None or isinstance(value, Decimal):  # a Decimal here is NaN or infinite
        return "—"
    return str(value)


def _digits(number: Decimal, places: int | None) -> str:
    """Half-up rounded, locale digits, no grouping, no negative zero."""
    if places is None:
        places = max(0, -number.as_tuple().exponent)  # type: ignore[operator]
    places = max(0, int(places))
    pattern = "0" + ("." + "0" * places if places else "")
    with localcontext() as context:
        context.rounding = ROUND_HALF_UP
        context.prec = max(28, number.adjusted() + places + 4)
        rounded = number.quantize(Decimal(1).scaleb(-places))
        if rounded.is_zero():
            rounded = abs(rounded)
        return format_decimal(rounded, format=pattern, locale=LOCALE, group_separator=False)


def num(value: Any, places: int | None = None) -> Any:
    """A number at its published precision: 500.30 → "500.30"; ``places`` rounds half-up."""
    number = _number(value)
    return _digits(number, places) if number is not None else _passthrough(value)


def _about(value: Any) -> Decimal | None:
    """The number of a 左右 target ("6.5左右"), which is not one a result is judged against."""
    if isinstance(value, Target) and value.op == "approx" and value.value is not None:
        return value.value
    return None


def pct(value: Any, places: int | None = None) -> Any:
    """A percentage, signed in tables: 3 → "3%", -9.5 → "-9.5%" (the value is already in %);
    a 左右 target keeps its word: "6.5%左右"."""
    about = _about(value)
    if about is not None:
        return _digits(about, places) + "%左右"
    number = _number(value)
    return _digits(number, places) + "%" if number is not None else _passthrough(value)


def _worded(number: Decimal, places: int | None, up: str, down: str, same: str,
            suffix: str) -> str:
    text = _digits(abs(number), places)
    if Decimal(text) == 0:
        return same
    return (up if number > 0 else down) + text + suffix


def growth(value: Any, places: int | None = None, up: str = "增长", down: str = "下降",
           same: str = "持平") -> Any:
    """Growth in prose: 3 → "增长3%", -9.5 → "下降9.5%", 0 → "持平"; never "增长-9.5%";
    a 左右 target keeps its word: "增长6.5%左右"."""
    about = _about(value)
    if about is not None:
        return _worded(about, places, up, down, same, "%左右")
    number = _number(value)
    if number is None:
        return _passthrough(value)
    return _worded(number, places, up, down, same, "%")


def points(value: Any, places: int | None = None, up: str | None = None,
           down: str | None = None, same: str = "持平") -> Any:
    """A difference of two rates: 1.5 → "1.5个百分点"; with up/down words, "提高1.5个百分点"."""
    number = _number(value)
    if number is None:
        return _passthrough(value)
    if up is None and down is None:
        return _digits(number, places) + "个百分点"
    return _worded(number, places, up or "提高", down or "降低", same, "个百分点")


def _unit_scale(unit: str) -> tuple[Decimal, str]:
    for prefix, factor in _SCALES:
        if unit.startswith(prefix) and len(unit) > len(prefix):
            return factor, unit[len(prefix):]
    return Decimal(1), unit


def amount(value: Any, unit: str = "", places: int | None = None, source: str | None = None) -> Any:
    """An amount with its unit: amount(500.30, "亿元") → "500.30亿元".

    ``source`` converts between 万/亿 scales of one unit: amount(1429000, "亿元", source="万元")
    → "142.9亿元". Without ``places`` a converted amount drops trailing zeros.
    """
    number = _number(value)
    if number is None:
        return _passthrough(value)
    if source and source != unit:
        src_factor, src_base = _unit_scale(source)
        dst_factor, dst_base = _unit_scale(unit)
        if src_base != dst_base:
            raise ValueError(f"cannot convert {source} to {unit}")
        number = number * src_factor / dst_factor
        if places is None:
            whole = number == number.to_integral_value()
            number = number.quantize(1) if whole else number.normalize()
    return _digits(number, places) + unit


def date(value: Any, pattern: str = "y年M月d日") -> Any:
    """A date the 公文 way, without zero padding: 2021-03-10 → "2021年3月10日"."""
    if isinstance(value, dt.date):
        return format_date(value, pattern, locale=LOCALE)
    return _passthrough(value)


def cn(value: Any) -> Any:
    """A whole number in Chinese numerals: 11 → "十一", 20 → "二十", 105 → "一百零五"."""
    number = _number(value)
    if number is None or number != number.to_integral_value() or abs(number) >= 10**16:
        return _passthrough(value)
    whole = int(number)
    text = _cn_int(abs(whole))
    return ("负" + text) if whole < 0 else text


def _cn_int(n: int) -> str:
    if n < 10:
        return _CN_DIGITS[n]
    for factor, name in _CN_UNITS:
        if n >= factor:
            high, low = divmod(n, factor)
            head = _cn_int(high)
            if factor == 10 and high == 1:
                head = ""  # 十一, not 一十一
            if low == 0:
                return head + name
            gap = "零" if low < factor // 10 else ""
            tail = _cn_int(low)
            if factor > 10 and low < 20 and low >= 10:
                tail = "一" + tail  # 一百一十, not 一百十
            return head + name + gap + tail
    raise AssertionError(n)  # pragma: no cover


def cn_year(value: Any) -> Any:
    """A year in Chinese numerals, digit by digit with 〇: 2025 → "二〇二五"."""
    number = _number(value)
    if number is None or number != number.to_integral_value() or number < 0:
        return _passthrough(value)
    return "".join(_CN_YEAR_DIGITS[int(d)] for d in str(int(number)))


def ordinal(value: Any, style: str = "一、") -> Any:
    """Heading and list numbering, by example: ordinal(3, "（一）") → "（三）".

    Styles: "一、", "（一）", "1.", "1．", "1、", "（1）", "①" (up to 20).
    """
    number = _number(value)
    if number is None or number != number.to_integral_value() or number < 1:
        return _passthrough(value)
    n = int(number)
    if style == "①":
        return _CIRCLED[n - 1] if n <= len(_CIRCLED) else f"（{n}）"
    if "一" in style:
        return style.replace("一", _cn_int(n), 1)
    if "1" in style:
        return style.replace("1", str(n), 1)
    raise ValueError(f"unknown ordinal style 「{style}」; use 一、 （一） 1. 1． （1） or ①")


FILTERS: dict[str, Callable[..., Any]] = {
    "num": num,
    "pct": pct,
    "growth": growth,
    "points": points,
    "amount": amount,
    "date": date,
    "cn": cn,
    "cn_year": cn_year,
    "ordinal": ordinal,
}
