"""Chinese numerals, ordinals and dates for reports, as Jinja filters: 11 → 十一, 2025 → 二〇二五,
ordinal(3, "（一）") → （三）, 2021-03-10 → 2021年3月10日. A value that is not one passes through
(text, a gap); a plan target is refused, naming its cell - 三百 for ≥300 would lose its 以上."""

from __future__ import annotations

import datetime as dt
from typing import Any

from babel.dates import format_date

from reportgen.i18n import _
from reportgen.templating.numfmt import LOCALE, FilterError, number_of, passthrough

_CN_DIGITS = "零一二三四五六七八九"
_CN_YEAR_DIGITS = "〇一二三四五六七八九"
_CN_UNITS = ((10**8, "亿"), (10**4, "万"), (1000, "千"), (100, "百"), (10, "十"))
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


def date(value: Any, pattern: str = "y年M月d日") -> Any:
    """A date the 公文 way, without zero padding: 2021-03-10 → "2021年3月10日"."""
    if isinstance(value, dt.date):
        return format_date(value, pattern, locale=LOCALE)
    return passthrough(value)


def cn(value: Any) -> Any:
    """A whole number in Chinese numerals: 11 → "十一", 20 → "二十", 105 → "一百零五"."""
    number = number_of(value, "cn")
    if number is None or number != number.to_integral_value() or abs(number) >= 10**16:
        return passthrough(value)
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
    number = number_of(value, "cn_year")
    if number is None or number != number.to_integral_value() or number < 0:
        return passthrough(value)
    return "".join(_CN_YEAR_DIGITS[int(d)] for d in str(int(number)))


def ordinal(value: Any, style: str = "一、") -> Any:
    """Heading and list numbering, by example: ordinal(3, "（一）") → "（三）".

    Styles: "一、", "（一）", "1.", "1．", "1、", "（1）", "①" (up to 20).
    """
    number = number_of(value, "ordinal")
    if number is None or number != number.to_integral_value() or number < 1:
        return passthrough(value)
    n = int(number)
    if style == "①":
        return _CIRCLED[n - 1] if n <= len(_CIRCLED) else f"（{n}）"
    if "一" in style:
        return style.replace("一", _cn_int(n), 1)
    if "1" in style:
        return style.replace("1", str(n), 1)
    raise FilterError(_("unknown ordinal style 「{style}」; use 一、 （一） 1. 1． （1） or ①")
                        .format(style=style))
