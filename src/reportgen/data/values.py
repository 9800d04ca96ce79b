"""One cell's value under its column's type (schema.TYPES): a Decimal, a Target, a Gap still to
fill in, 是/否 as a bool, text - or a problem recorded with the cell's place."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace
from decimal import Decimal

from reportgen.characters import forbidden_character
from reportgen.data.cells import ERROR, UNCOMPUTED, Cell, format_decimals, parse_decimal
from reportgen.data.model import TO_FILL, Gap, Value
from reportgen.data.schema import ATTRIBUTES, STATUSES, Column
from reportgen.data.targets import parse_target
from reportgen.errors import Problems
from reportgen.i18n import _

#: Column types whose values are numbers: a format that hides their digits is worth a warning.
NUMERIC = ("int", "number", "measure", "percent", "target")
#: Chinese numerals, common and financial (大写): their digit, or the power of ten they count.
_DIGITS = {**dict.fromkeys("零〇", 0), **dict(zip("一二三四五六七八九", range(1, 10), strict=True)),
           **dict(zip("壹贰叁肆伍陆柒捌玖", range(1, 10), strict=True)), "两": 2}
_POWERS = {"十": 1, "拾": 1, "百": 2, "佰": 2, "千": 3, "仟": 3}
_NUMERAL = "".join(_DIGITS) + "".join(_POWERS) + "万亿"
#: A number written in Chinese words (二百一十二点三七, 百分之三点二, 十, 三百亿元): digits are
#: what a report prints. Text that only begins with one (一类, 二级) is text.
_IN_WORDS = re.compile(f"(?:百分之)?[负正]?([{_NUMERAL}]+)(?:点([{''.join(_DIGITS)}]+))?"
                       "(?:[%％]|亿元|万元|元|万人|人|个|项|家|公里|千米|吨|亩|户|倍)?")


def _whole(words: str) -> int:
    """The whole number Chinese numerals write (一亿零五百万: 105000000)."""
    for unit, scale in (("亿", 100_000_000), ("万", 10_000)):
        if unit in words:
            head, _unit, tail = words.rpartition(unit)
            return (_whole(head) if head else 1) * scale + (_whole(tail) if tail else 0)
    total = digit = 0
    for char in words:
        if char in _POWERS:
            total += (digit or 1) * 10 ** _POWERS[char]
            digit = 0
        else:  # digits in a row (二〇二一) read as written
            digit = digit * 10 + _DIGITS[char]
    return total + digit


def in_words(text: str) -> str | None:
    """The digits of a number written in Chinese words (二百一十二点三七: 212.37), or None when
    ``text`` is not one."""
    found = _IN_WORDS.fullmatch(text)
    if found is None:
        return None
    number = str(_whole(found.group(1)))
    if found.group(2):
        number += "." + "".join(str(_DIGITS[c]) for c in found.group(2))
    return ("-" if "负" in text else "") + number


#: What programs write where a number should be and is not: no report prints it as a value.
_NON_NUMBERS = frozenset(["nan", "inf", "infinity", "∞", "true", "false", "#num!", "null",
                          "none", "undefined"])


def _number_like(text: str) -> bool:
    """Whether ``text`` is meant as a number, or stands where one should be."""
    bare = text.strip().lstrip("+-−").casefold()
    return bare in _NON_NUMBERS or any(unicodedata.category(c) in ("Nd", "No") for c in text)


def _in_words_problem(text: str) -> str | None:
    digits = in_words(text)
    if digits is None:
        return None
    return _("「{text}」 is a number written in words; type it in digits ({digits})").format(
        text=text, digits=digits)

#: What a numeric cell may hold where the report has no value, printed as —.
DASHES = ("—", "－", "-", "–", "——")
_YES = ("是", "TRUE", "Y", "YES", "√")
_NO = ("否", "FALSE", "N", "NO", "×")


#: Significant digits reportgen computes with (Decimal's; Excel keeps 15 of what is typed): a
#: number with more would lose digits in every total.
MAX_DIGITS = 28


def _digits_problem(text: str, number: Decimal | None) -> str | None:
    if number is None or len(number.as_tuple().digits) <= MAX_DIGITS:
        return None
    return (_("「{text}」 has {digits} significant digits; a "
              "figure has at most {most} (Excel keeps 15)")
              .format(text=text[:40], digits=len(number.as_tuple().digits),
                      most=MAX_DIGITS))


def cell_problem(cell: Cell) -> str | None:
    """What makes a cell unreadable whatever its column: a character a Word file cannot hold,
    an Excel error value, a formula saved without its result."""
    bad = forbidden_character(cell.text)
    if bad:
        return bad
    if cell.kind == ERROR:
        return (_("holds the Excel error 「{text}」, not a value; correct the formula or "
                  "type the value").format(text=cell.text))
    if cell.kind == UNCOMPUTED:
        return (_("holds a formula whose result was not saved (the program that wrote the file "
                  "does not calculate); open and save it in Excel or WPS, or type the value"))
    return None


def parse_cell(cell: Cell, column: Column, what: str, problems: Problems) -> Value:
    """The value of one cell under its column's type; a problem is recorded when it does not fit."""
    text = cell.text
    bad = cell_problem(cell)
    if bad:
        problems.error(cell.ref, bad)
        return None
    if cell.shown is not None and column.type in NUMERIC:
        problems.warning(cell.ref, hidden_digits(cell))
    if not text:
        return Gap(what, cell.ref) if column.fill else None
    if text in TO_FILL:
        return Gap(what, cell.ref)
    kind = column.type
    if kind == "text":
        return text
    if kind in ("number", "measure", "percent") and text in DASHES:
        return "—"
    number = parse_decimal(text.removesuffix("%").removesuffix("％"))
    if kind in NUMERIC and kind != "target" and (words := _in_words_problem(text)):
        problems.error(cell.ref, words)
        return None
    if kind in NUMERIC and (too_long := _digits_problem(text, number)):
        problems.error(cell.ref, too_long)
        return None
    if kind == "int":
        number = parse_decimal(text)
        if number is None or number != number.to_integral_value():
            problems.error(cell.ref, _("「{text}」 is not a whole number").format(text=text))
            return None
        return Decimal(int(number))
    if kind in ("number", "measure"):
        # a cell Excel formats as a percentage (0.0%) shows its number with a %
        shown_percent = format_decimals(cell.number_format)[1] and text.endswith("%")
        number = parse_decimal(text.removesuffix("%") if shown_percent else text)
        if number is not None:
            return number
        # A measure may be text (Ⅱ类), but not a mistyped number: text with digits in it (3², ٣
        # included; Ⅱ is a letter) or what a program writes for no number (NaN, inf, TRUE); a
        # number in words is refused above.
        if kind == "measure" and not _number_like(text):
            return text
        hint = _(" (write it without thousands separators)") if "," in text else ""
        problems.error(cell.ref, _("「{text}」 is not a number{hint}").format(text=text,
                                                                               hint=hint))
        return None
    if kind == "percent":
        number = parse_decimal(text.removesuffix("%").removesuffix("％"))
        if number is None:
            problems.error(cell.ref, _("「{text}」 is not a percentage such as 3.2 or 3.2%")
                                       .format(text=text))
        return number
    if kind == "target":
        return replace(parse_target(text), ref=cell.ref)
    if kind == "attribute":
        if text not in ATTRIBUTES:
            problems.error(cell.ref, _("「{text}」 must be 预期性 or 约束性").format(text=text))
        return text
    if kind == "status":
        if text not in STATUSES:
            problems.error(cell.ref, _("「{text}」 must be one of {choices}")
                                       .format(text=text, choices='、'.join(STATUSES)))
        return text
    if kind == "compared":
        if text not in ("绝对值", "增速"):
            problems.error(cell.ref, _("「{text}」 must be 绝对值 or 增速 (the result the target "
                           "judges)").format(text=text))
            return None
        return text
    if kind == "yesno":
        if text.upper() in _YES:
            return True
        if text.upper() in _NO:
            return False
        problems.error(cell.ref, _("「{text}」 must be 是 or 否").format(text=text))
        return None
    raise AssertionError(_("unknown column type {kind}").format(kind=kind))  # pragma: no cover


def hidden_digits(cell: Cell) -> str:
    """The warning for a cell whose format hides digits it holds."""
    _places, percent = format_decimals(cell.number_format)
    places = len(cell.text.rstrip("%").partition(".")[2])
    wanted = ("0." + "0" * places if places else "0") + ("%" if percent else "")
    return (_("Excel shows 「{shown}」 but the cell holds {text}, which the report "
              "prints; give the cell the number format {wanted} so that both agree")
              .format(shown=cell.shown, text=cell.text, wanted=wanted))
