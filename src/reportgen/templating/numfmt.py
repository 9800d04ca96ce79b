"""Chinese number formatting for reports (GB/T 15835 and 计划报告 practice), as Jinja filters.

Every filter takes the value as the data holds it (Decimal at published precision) and:

* keeps the published precision unless ``places`` asks for rounding, which is half-up (四舍五入)
  unless ``rounding`` says "down" (a figure quoted as "1万人以上" must not round up) or "up";
* never writes thousands separators; digits, ``.``, ``-`` and ``%`` are half-width;
* prints a plan target with its meaning: the word after its figure (7.5以上 → 增长7.5%以上,
  ≤4.5 → 4.5%以内, 6.5左右 → 增长6.5%左右) and both ends of a range (6-6.5 → 增长6%—6.5%); a
  target a filter cannot print (growth of 提高1.5个百分点) is an error naming its cell;
* passes text through unchanged ("—", "Ⅱ类", a qualitative target) and a gap (【待填：…】)
  through untouched, so a template never fails on a value that is not a number.

Digits and symbols come from babel's zh_CN locale data.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import ROUND_DOWN, ROUND_HALF_UP, ROUND_UP, Decimal, localcontext
from typing import Any

from babel import Locale
from babel.numbers import format_decimal

from reportgen.data.model import Gap, Target
from reportgen.i18n import _

#: Parsed once: babel re-parses a locale given by name on every call, which dominates large builds.
LOCALE = Locale.parse("zh_CN")
_SCALES = (("万亿", Decimal(10) ** 12), ("亿", Decimal(10) ** 8), ("万", Decimal(10) ** 4))
_ROUNDING = {"half-up": ROUND_HALF_UP, "down": ROUND_DOWN, "up": ROUND_UP}
#: Target forms a figure can be printed for (the others are text: Ⅲ类, qualitative).
_FIGURES = (">=", "<=", "approx", "range")


class FilterError(ValueError):
    """A value a filter cannot print without changing its meaning; the message names it."""


def _refuse(name: str, value: Target, why: str = "") -> FilterError:
    where = f" ({value.ref})" if value.ref else ""
    return FilterError(_("{name} cannot print the target 「{text}」{where}")
                         .format(name=name, text=value.text, where=where)
                       + (f": {why}" if why else ""))


def number_of(value: Any, name: str) -> Decimal | None:
    """The Decimal behind a plain value, None when it is not a number (text, gap); a target
    is refused, since ``name`` would print its figure without its meaning."""
    if isinstance(value, Target):
        if value.quantitative:
            raise _refuse(name, value)
        return None
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, Decimal):
        return value if value.is_finite() else None
    return None


#: The most decimals a filter prints a figure with (``places``).
MAX_PLACES = 30


def passthrough(value: Any) -> Any:
    if isinstance(value, Gap):
        return value
    if value is None or isinstance(value, Decimal):  # a Decimal here is NaN or infinite
        return "—"
    return str(value)


def _digits(number: Decimal, places: int | None, rounding: str = "half-up") -> str:
    """Rounded as asked (half-up by default), locale digits, no grouping, no negative zero."""
    if rounding not in _ROUNDING:
        raise FilterError(_("rounding 「{rounding}」 is not one of {choices}")
                            .format(rounding=rounding, choices=', '.join(_ROUNDING)))
    if places is not None and (isinstance(places, bool) or not isinstance(places, int)):
        raise FilterError(_("places 「{places}」 is not a whole number of decimals")
                            .format(places=places))
    if places is not None and places > MAX_PLACES:
        raise FilterError(_("places {places} is more decimals than a figure is printed with "
                            "(at most {most})").format(places=places, most=MAX_PLACES))
    if places is None:
        places = max(0, -number.as_tuple().exponent)  # type: ignore[operator]
    places = max(0, int(places))
    pattern = "0" + ("." + "0" * places if places else "")
    with localcontext() as context:
        context.rounding = _ROUNDING[rounding]
        context.prec = max(28, number.adjusted() + places + 4)
        rounded = number.quantize(Decimal(1).scaleb(-places))
        if rounded.is_zero():
            rounded = abs(rounded)
        return format_decimal(rounded, format=pattern, locale=LOCALE, group_separator=False)


def _printed(value: Any, name: str, figure: Callable[[Decimal], str],
             plain: Callable[[Decimal], str] | None = None) -> Any:
    """``value`` printed: a number through ``plain`` (default ``figure``), a target's figures
    through ``figure`` with the target's word after them, anything else passed through."""
    if isinstance(value, Target):
        if value.op not in _FIGURES:
            if value.quantitative:
                raise _refuse(name, value)
            return value.text
        assert value.value is not None
        if value.op == "range":
            assert value.high is not None
            return figure(value.value) + value.dash + figure(value.high)
        return figure(value.value) + value.word
    number = number_of(value, name)
    if number is None:
        return passthrough(value)
    return (plain or figure)(number)


def num(value: Any, places: int | None = None, rounding: str = "half-up") -> Any:
    """A number at its published precision: 500.30 → "500.30"; ``places`` rounds (half-up, or
    as ``rounding`` says: "down", "up"); a target keeps its word: "7.5以上", "6—6.5"."""
    return _printed(value, "num", lambda n: _digits(n, places, rounding))


def pct(value: Any, places: int | None = None) -> Any:
    """A percentage, signed in tables: 3 → "3%", -9.5 → "-9.5%" (the value is already in %);
    a target keeps its word: "7.5%以上", "6.5%左右", "6%—6.5%"."""
    return _printed(value, "pct", lambda n: _digits(n, places) + "%")


def _worded(number: Decimal, places: int | None, up: str, down: str, same: str,
            suffix: str) -> str:
    text = _digits(abs(number), places)
    if Decimal(text) == 0:
        return same
    return (up if number > 0 else down) + text + suffix


def growth(value: Any, places: int | None = None, up: str = "增长", down: str = "下降",
           same: str = "持平") -> Any:
    """Growth in prose: 3 → "增长3%", -9.5 → "下降9.5%", 0 → "持平"; never "增长-9.5%"; a
    target keeps its word: "增长7.5%以上", "增长6.5%左右", "增长6%—6.5%"."""
    if isinstance(value, Target) and value.op == ">=" and not value.word:
        assert value.value is not None  # a bare figure: a planned fall reads 下降2%
        return _worded(value.value, places, up, down, same, "%")
    if isinstance(value, Target) and value.op in _FIGURES:
        ends = [value.value, value.high] if value.op == "range" else [value.value]
        if any(end is None or end < 0 for end in ends):
            raise _refuse("growth", value, _("a fall is written 下降, not a negative growth"))
        return up + _printed(value, "growth", lambda n: _digits(n, places) + "%")
    return _printed(value, "growth", lambda n: _digits(n, places) + "%",
                    lambda n: _worded(n, places, up, down, same, "%"))


def points(value: Any, places: int | None = None, up: str | None = None,
           down: str | None = None, same: str = "持平") -> Any:
    """A difference of two rates: 1.5 → "1.5个百分点"; with up/down words, "提高1.5个百分点";
    a target keeps its word: 提高1个百分点以上 → "提高1个百分点以上" with up="提高"."""
    def figure(number: Decimal) -> str:
        return _digits(number, places) + "个百分点"

    worded = up is not None or down is not None
    if isinstance(value, Target) and value.op == "increase":
        assert value.value is not None
        return (up or "提高" if worded else "") + figure(value.value) + value.word
    if isinstance(value, Target) and value.op in _FIGURES and worded:
        return (up or "提高") + _printed(value, "points", figure)
    if not worded:
        return _printed(value, "points", figure)
    return _printed(value, "points", figure,
                    lambda n: _worded(n, places, up or "提高", down or "降低", same, "个百分点"))


def _unit_scale(unit: str) -> tuple[Decimal, str]:
    for prefix, factor in _SCALES:
        if unit.startswith(prefix) and len(unit) > len(prefix):
            return factor, unit[len(prefix):]
    return Decimal(1), unit


def amount(value: Any, unit: str = "", places: int | None = None, source: str | None = None,
           rounding: str = "half-up") -> Any:
    """An amount with its unit: amount(500.30, "亿元") → "500.30亿元"; a target keeps its word:
    "320天以上", "6亿元—6.5亿元".

    ``source`` converts between 万/亿 scales of one unit: amount(1429000, "亿元", source="万元")
    → "142.9亿元". Without ``places`` a converted amount drops trailing zeros.
    """
    for label, text in (("unit", unit), ("source", source)):
        if text is not None and not isinstance(text, str):
            raise FilterError(_("amount's {label} 「{text}」 is not a unit such as \"亿元\"")
                                .format(label=label, text=text))
    factor = Decimal(1)
    if source and source != unit:
        src_factor, src_base = _unit_scale(source)
        dst_factor, dst_base = _unit_scale(unit)
        if src_base != dst_base:
            raise FilterError(_("amount cannot convert {source} to {unit}")
                                .format(source=source, unit=unit))
        factor = src_factor / dst_factor

    def figure(number: Decimal) -> str:
        if factor != 1:
            number = number * factor
            if places is None:
                whole = number == number.to_integral_value()
                number = number.quantize(1) if whole else number.normalize()
        return _digits(number, places, rounding) + unit

    return _printed(value, "amount", figure)


def grow(value: Any, rate: Any) -> Any:
    """A figure grown by a rate in %: grow(5, 8.5) → 5.425 (a target rate counts its figure:
    the lower end of a range); print it with num or amount. A gap passes through."""
    for operand in (value, rate):
        if isinstance(operand, Gap):
            return operand
    if isinstance(rate, Target):
        if rate.op not in _FIGURES or rate.value is None:
            raise _refuse("grow", rate)
        rate = rate.value
    base, by = number_of(value, "grow"), number_of(rate, "grow")
    if base is None or by is None:
        raise FilterError(_("grow needs two numbers, not 「{value}」 and "
                            "「{rate}」").format(value=passthrough(value), rate=passthrough(rate)))
    return base * (1 + by / 100)
