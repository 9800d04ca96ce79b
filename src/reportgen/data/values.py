"""One cell's value under its column's type (schema.TYPES): a Decimal, a Target, a Gap still to
fill in, 是/否 as a bool, text - or a problem recorded with the cell's place."""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

from reportgen.characters import forbidden_character
from reportgen.data.cells import ERROR, UNCOMPUTED, Cell, format_decimals, parse_decimal
from reportgen.data.model import TO_FILL, Gap, Value
from reportgen.data.schema import ATTRIBUTES, STATUSES, Column
from reportgen.data.targets import parse_target
from reportgen.errors import Problems

#: Column types whose values are numbers: a format that hides their digits is worth a warning.
NUMERIC = ("int", "number", "measure", "percent", "target")
#: A number written in Chinese words (二百一十二点三七): digits are what a report prints.
_IN_WORDS = re.compile("[零〇一二三四五六七八九十百千万亿两点负]{2,}")

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
    return (f"「{text[:40]}」 has {len(number.as_tuple().digits)} significant digits; a "
            f"figure has at most {MAX_DIGITS} (Excel keeps 15)")


def cell_problem(cell: Cell) -> str | None:
    """What makes a cell unreadable whatever its column: a character a Word file cannot hold,
    an Excel error value, a formula saved without its result."""
    bad = forbidden_character(cell.text)
    if bad:
        return bad
    if cell.kind == ERROR:
        return (f"holds the Excel error 「{cell.text}」, not a value; correct the formula or "
                "type the value")
    if cell.kind == UNCOMPUTED:
        return ("holds a formula whose result was not saved (the program that wrote the file "
                "does not calculate); open and save it in Excel or WPS, or type the value")
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
    if kind in NUMERIC and (too_long := _digits_problem(text, number)):
        problems.error(cell.ref, too_long)
        return None
    if kind == "int":
        number = parse_decimal(text)
        if number is None or number != number.to_integral_value():
            problems.error(cell.ref, f"「{text}」 is not a whole number")
            return None
        return Decimal(int(number))
    if kind in ("number", "measure"):
        # a cell Excel formats as a percentage (0.0%) shows its number with a %
        shown_percent = format_decimals(cell.number_format)[1] and text.endswith("%")
        number = parse_decimal(text.removesuffix("%") if shown_percent else text)
        if number is not None:
            return number
        # A measure may be text (Ⅱ类), but text with digits in it is a mistyped number, and
        # text of Chinese numerals only is a number in words.
        if kind == "measure" and _IN_WORDS.fullmatch(text):
            problems.error(cell.ref, f"「{text}」 is a number written in words; type it in "
                           "digits (212.37)")
            return None
        if kind == "measure" and not re.search(r"[0-9０-９]", text):
            return text
        hint = " (write it without thousands separators)" if "," in text else ""
        problems.error(cell.ref, f"「{text}」 is not a number{hint}")
        return None
    if kind == "percent":
        number = parse_decimal(text.removesuffix("%").removesuffix("％"))
        if number is None and _IN_WORDS.fullmatch(text.removeprefix("百分之")):
            problems.error(cell.ref, f"「{text}」 is a number written in words; type it in "
                           "digits (3.2)")
            return None
        if number is None:
            problems.error(cell.ref, f"「{text}」 is not a percentage such as 3.2 or 3.2%")
        return number
    if kind == "target":
        return replace(parse_target(text), ref=cell.ref)
    if kind == "attribute":
        if text not in ATTRIBUTES:
            problems.error(cell.ref, f"「{text}」 must be 预期性 or 约束性")
        return text
    if kind == "status":
        if text not in STATUSES:
            problems.error(cell.ref, f"「{text}」 must be one of {'、'.join(STATUSES)}")
        return text
    if kind == "compared":
        if text not in ("绝对值", "增速"):
            problems.error(cell.ref, f"「{text}」 must be 绝对值 or 增速 (the result the target "
                           "judges)")
            return None
        return text
    if kind == "yesno":
        if text.upper() in _YES:
            return True
        if text.upper() in _NO:
            return False
        problems.error(cell.ref, f"「{text}」 must be 是 or 否")
        return None
    raise AssertionError(f"unknown column type {kind}")  # pragma: no cover


def hidden_digits(cell: Cell) -> str:
    """The warning for a cell whose format hides digits it holds."""
    _, percent = format_decimals(cell.number_format)
    places = len(cell.text.rstrip("%").partition(".")[2])
    wanted = ("0." + "0" * places if places else "0") + ("%" if percent else "")
    return (f"Excel shows 「{cell.shown}」 but the cell holds {cell.text}, which the report "
            f"prints; give the cell the number format {wanted} so that both agree")
