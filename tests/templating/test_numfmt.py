"""Chinese number formatting: cases taken from the official 2021 text, and properties."""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import replace
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reportgen.data.model import Gap
from reportgen.data.targets import parse_target
from reportgen.templating import numerals, numfmt
from reportgen.templating.filters import NUMBER_FILTERS

D = Decimal


@pytest.mark.parametrize(("value", "kwargs", "expected"), [
    (D("500.30"), {}, "500.30"),  # 地区生产总值500.30亿元: published precision kept
    (D("163.41"), {}, "163.41"),
    (D("28542"), {}, "28542"),  # no thousands separator
    (D("12345678.9"), {}, "12345678.9"),
    (D("2.345"), {"places": 2}, "2.35"),  # half-up, not banker's rounding
    (D("2.355"), {"places": 2}, "2.36"),
    (D("-2.345"), {"places": 2}, "-2.35"),
    (D("0.04"), {"places": 1}, "0.0"),  # no negative zero after rounding
    (D("-0.04"), {"places": 1}, "0.0"),
    (D("0.46"), {}, "0.46"),  # the leading zero stays
    (7, {}, "7"),
    ("—", {}, "—"),
    ("Ⅱ类", {}, "Ⅱ类"),
    (None, {}, "—"),
])
def test_num(value: object, kwargs: dict, expected: str) -> None:
    assert numfmt.num(value, **kwargs) == expected


@pytest.mark.parametrize(("value", "expected"), [
    (D("3"), "增长3%"),  # 地区生产总值…增长3%
    (D("3.2"), "增长3.2%"),  # 工业增加值163.41亿元、增长3.2%
    (D("-9.5"), "下降9.5%"),  # never 增长-9.5%
    (D("0"), "持平"),
    (D("0.0"), "持平"),
    (D("-82.6"), "下降82.6%"),
])
def test_growth_in_prose(value: Decimal, expected: str) -> None:
    assert numfmt.growth(value) == expected


@pytest.mark.parametrize(("value", "expected"), [
    (D("3"), "3%"), (D("-9.5"), "-9.5%"), (D("33.3"), "33.3%"), (D("20"), "20%"),
])
def test_pct_is_signed_for_tables(value: Decimal, expected: str) -> None:
    assert numfmt.pct(value) == expected


def test_growth_words_and_rounding() -> None:
    assert numfmt.growth(D("12.34"), places=1) == "增长12.3%"
    assert numfmt.growth(D("-0.04"), places=1) == "持平"
    assert numfmt.growth(D("2.5"), up="上涨", down="回落") == "上涨2.5%"


@pytest.mark.parametrize(("value", "kwargs", "expected"), [
    (D("1.5"), {}, "1.5个百分点"),
    (D("1.5"), {"up": "提高"}, "提高1.5个百分点"),
    (D("-0.3"), {"up": "高于", "down": "低于"}, "低于0.3个百分点"),
    (D("0.08"), {"up": "提高"}, "提高0.08个百分点"),
])
def test_points(value: Decimal, kwargs: dict, expected: str) -> None:
    assert numfmt.points(value, **kwargs) == expected


@pytest.mark.parametrize(("value", "args", "kwargs", "expected"), [
    (D("500.30"), ("亿元",), {}, "500.30亿元"),
    (D("627.4"), ("万人次",), {}, "627.4万人次"),
    (D("1429000"), ("亿元",), {"source": "万元"}, "142.9亿元"),
    (D("1.65"), ("人",), {"source": "万人"}, "16500人"),
    (D("12359"), ("元",), {}, "12359元"),
])
def test_amount(value: Decimal, args: tuple, kwargs: dict, expected: str) -> None:
    assert numfmt.amount(value, *args, **kwargs) == expected


def test_amount_refuses_to_convert_between_different_units() -> None:
    with pytest.raises(ValueError, match="cannot convert"):
        numfmt.amount(D("1"), "亿元", source="万人")


@pytest.mark.parametrize(("value", "expected"), [
    (dt.date(2021, 3, 10), "2021年3月10日"),  # ——2021年3月10日在…会议上
    (dt.date(2025, 1, 5), "2025年1月5日"),  # no zero padding
])
def test_date(value: dt.date, expected: str) -> None:
    assert numerals.date(value) == expected


@pytest.mark.parametrize(("value", "expected"), [
    (1, "一"), (10, "十"), (11, "十一"), (19, "十九"), (20, "二十"), (21, "二十一"),
    (100, "一百"), (105, "一百零五"), (110, "一百一十"), (1010, "一千零一十"),
    (10000, "一万"), (100000, "十万"), (110000, "十一万"), (10**8, "一亿"), (0, "零"),
])
def test_cn(value: int, expected: str) -> None:
    assert numerals.cn(value) == expected


@pytest.mark.parametrize(("value", "style", "expected"), [
    (1, "一、", "一、"), (3, "（一）", "（三）"), (11, "一、", "十一、"), (2, "1.", "2."),
    (2, "1．", "2．"), (4, "（1）", "（4）"), (3, "①", "③"),
])
def test_ordinal(value: int, style: str, expected: str) -> None:
    assert numerals.ordinal(value, style) == expected


def test_cn_year() -> None:
    assert numerals.cn_year(2025) == "二〇二五"


#: Each target form through each filter, as reports write them (None: the filter refuses).
TARGETS = [
    # target,            num,            pct,              growth,               amount 亿元
    ("7.5以上",          "7.5以上",      "7.5%以上",       "增长7.5%以上",       "7.5亿元以上"),
    ("≥6.5",             "6.5以上",      "6.5%以上",       "增长6.5%以上",       "6.5亿元以上"),
    ("6.5%以上",         "6.5以上",      "6.5%以上",       "增长6.5%以上",       "6.5亿元以上"),
    ("≥320",             "320以上",      "320%以上",       "增长320%以上",       "320亿元以上"),
    ("≤4.5",             "4.5以内",      "4.5%以内",       "增长4.5%以内",       "4.5亿元以内"),
    ("4.5以下",          "4.5以下",      "4.5%以下",       "增长4.5%以下",       "4.5亿元以下"),
    ("控制在3%以内",     "3以内",        "3%以内",         "增长3%以内",         "3亿元以内"),
    ("6.5左右",          "6.5左右",      "6.5%左右",       "增长6.5%左右",       "6.5亿元左右"),
    ("6-6.5",            "6—6.5",        "6%—6.5%",        "增长6%—6.5%",        "6亿元—6.5亿元"),
    ("6%～6.5%",         "6～6.5",       "6%～6.5%",       "增长6%～6.5%",       "6亿元～6.5亿元"),
    ("7",                "7",            "7%",             "增长7%",             "7亿元"),
    ("提高1.5个百分点",  None,           None,             None,                 None),
    ("Ⅲ类",              None,           None,             None,                 None),
    ("完成国家和市下达目标", "完成国家和市下达目标", "完成国家和市下达目标", "完成国家和市下达目标",
     "完成国家和市下达目标"),
]


@pytest.mark.parametrize(("text", "as_num", "as_pct", "as_growth", "as_amount"), TARGETS)
def test_a_target_keeps_its_meaning_in_every_filter(text: str, as_num: str | None,
                                                    as_pct: str | None, as_growth: str | None,
                                                    as_amount: str | None) -> None:
    target = replace(parse_target(text), ref="data/2022/indicators.xlsx[计划目标]!F2（计划目标）")
    for func, expected in ((numfmt.num, as_num), (numfmt.pct, as_pct),
                           (numfmt.growth, as_growth),
                           (lambda v: numfmt.amount(v, "亿元"), as_amount)):
        if expected is None:
            with pytest.raises(numfmt.FilterError) as refused:
                func(target)
            assert str(refused.value).endswith(
                f"cannot print the target 「{text}」 (data/2022/indicators.xlsx[计划目标]!F2（计划目标）)")
        else:
            assert func(target) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("提高1.5个百分点", "提高1.5个百分点"), ("提高1个百分点以上", "提高1个百分点以上"),
    ("1.5", "提高1.5个百分点"), ("≥1.5", "提高1.5个百分点以上"),
])
def test_points_print_a_rise_with_its_word(text: str, expected: str) -> None:
    assert numfmt.points(parse_target(text), up="提高") == expected


def test_a_fall_is_never_a_negative_growth_target() -> None:
    with pytest.raises(numfmt.FilterError, match="a fall is written 下降"):
        numfmt.growth(parse_target("≥-2"))
    assert numfmt.growth(parse_target("-2")) == "下降2%"  # a bare figure reads as a fall


@pytest.mark.parametrize("name", ["cn", "cn_year", "ordinal"])
def test_numerals_refuse_a_target(name: str) -> None:
    with pytest.raises(numfmt.FilterError, match=f"^{name} cannot print the target 「≥300」"):
        NUMBER_FILTERS[name](parse_target("≥300"))


@pytest.mark.parametrize(("value", "places", "rounding", "expected"), [
    ("1.05", 0, "down", "1"), ("1.95", 0, "down", "1"), ("1.05", 0, "half-up", "1"),
    ("1.5", 0, "half-up", "2"), ("1.01", 0, "up", "2"), ("-1.5", 0, "down", "-1"),
])
def test_rounding_can_be_chosen(value: str, places: int, rounding: str, expected: str) -> None:
    assert numfmt.num(D(value), places, rounding) == expected


def test_a_figure_grows_by_a_rate() -> None:
    assert numfmt.grow(D("5"), parse_target("8.5")) == D("5.425")
    assert numfmt.num(numfmt.grow(D("5"), D("8.5")), 1) == "5.4"
    gap = Gap("x", "y")
    assert numfmt.grow(gap, D("8.5")) is gap and numfmt.grow(D("5"), gap) is gap
    with pytest.raises(numfmt.FilterError, match="grow needs two numbers"):
        numfmt.grow("—", D("8.5"))


def test_gaps_pass_through_every_filter() -> None:
    gap = Gap("地区生产总值·绝对值", "indicators.xlsx")
    for name, func in NUMBER_FILTERS.items():
        assert (func(gap, Decimal(1)) if name == "grow" else func(gap)) is gap, name


def test_every_filter_is_documented_in_module_and_readme() -> None:
    from helpers.project import REPO

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    for name, func in NUMBER_FILTERS.items():
        assert func.__doc__ and len(func.__doc__) > 20, name
        assert f"`{name}" in readme, f"filter {name} is not in the README"


# --- properties ----------------------------------------------------------------------------

finite = st.decimals(allow_nan=False, allow_infinity=False)
ALLOWED = re.compile(r"^-?\d+(\.\d+)?$")


@given(finite)
def test_num_round_trips_at_published_precision(value: Decimal) -> None:
    text = numfmt.num(value)
    assert ALLOWED.match(text), text
    assert Decimal(text) == value
    if value != 0:
        assert Decimal(text).as_tuple().exponent == min(0, value.as_tuple().exponent)


def half_up(value: Decimal, places: int) -> Fraction:
    """四舍五入 by exact rational arithmetic: away from zero when the rest is one half or more."""
    scaled = Fraction(value) * 10**places
    whole = math.floor(abs(scaled) + Fraction(1, 2))
    return Fraction(whole if scaled >= 0 else -whole, 10**places)


@given(finite, st.integers(min_value=0, max_value=6))
def test_rounding_is_half_up(value: Decimal, places: int) -> None:
    text = numfmt.num(value, places=places)
    assert Fraction(Decimal(text)) == half_up(value, places)
    assert len(text.partition(".")[2]) == places
    assert ALLOWED.match(text)


@given(st.decimals())
def test_filters_never_raise_and_use_only_allowed_characters(value: Decimal) -> None:
    allowed = re.compile(r"^[0-9.\-%增长下降持平个百分点提高降低亿万元—一二三四五六七八九十百千零负]*$")
    for func in (numfmt.num, numfmt.pct, numfmt.growth, numfmt.points, numerals.cn):
        out = func(value)
        assert isinstance(out, str)
        assert allowed.match(out), (func.__name__, value, out)
    assert numfmt.amount(value, "亿元").replace("亿元", "") == numfmt.num(value) or \
        not value.is_finite()


@given(finite)
def test_growth_never_says_growth_of_a_negative(value: Decimal) -> None:
    text = numfmt.growth(value)
    assert "增长-" not in text and "负增长" not in text
    if value > 0 and Decimal(numfmt.num(value)) > 0:
        assert text.startswith("增长")
    if value < 0 and Decimal(numfmt.num(-value)) > 0:
        assert text.startswith("下降")


@given(st.integers(min_value=0, max_value=10**12))
def test_cn_uses_only_chinese_numerals(value: int) -> None:
    assert re.fullmatch(r"[零一二三四五六七八九十百千万亿]+", numerals.cn(value))
    assert not numerals.cn(value).startswith("一十")


@given(st.integers(min_value=1, max_value=99))
def test_ordinal_styles(value: int) -> None:
    assert numerals.ordinal(value, "（一）") == f"（{numerals.cn(value)}）"
    assert numerals.ordinal(value, "1.") == f"{value}."
