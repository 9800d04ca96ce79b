"""What one spreadsheet cell holds, and how reportgen reads it: as text, the way the report prints
it, without losing a digit that was typed.

A number is read at the more of two precisions: the decimals its number format shows, and the
decimals of the value as typed (Excel keeps 15 significant digits of what is typed). So 500.3
in a ``0.00`` cell reads 500.30, 0.081 in a ``0%`` cell reads 8.1%, and 27.5 in a ``0`` cell
reads 27.5 - the last two with what Excel *shows* (8%, 28) kept beside, for check to warn
about. A formula's result reads as Excel shows it: its format is the rounding its author chose.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal, InvalidOperation, localcontext
from typing import Any

from reportgen.errors import SourceRef

_LINEBREAKS = re.compile(r"[ \t\u3000]*[\r\n]+[ \t\u3000]*")
_UNIT_SUFFIX = re.compile(r"\s*[（(][^（）()]*[）)]\s*$")
_QUOTED = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]|_.|\*.')
#: Significant digits Excel keeps of a number as typed.
TYPED_DIGITS = 15
#: What a cell is besides its text: a formula's result, an Excel error value (#N/A), or a
#: formula saved without its result.
FORMULA, ERROR, UNCOMPUTED = "formula", "error", "uncomputed"


@dataclass(frozen=True)
class Cell:
    """A cell as read: ``text`` is what reportgen reads; ``shown`` what Excel shows, when that
    differs (digits its format hides); ``kind`` one of FORMULA, ERROR, UNCOMPUTED or ""."""

    text: str
    ref: SourceRef
    number_format: str = "General"  # the xlsx cell's, so that ``draft`` can keep it
    shown: str | None = None
    kind: str = ""

    @property
    def blank(self) -> bool:
        return self.text == ""


def clean_text(text: str) -> str:
    """Cell text as the report uses it: trimmed, with in-cell line breaks removed.

    Chinese has no spaces between words, so a line break typed inside a cell (Alt+Enter)
    joins its two halves directly.
    """
    return _LINEBREAKS.sub("", text).strip()


def header_key(header: str) -> str:
    """The column name a header stands for: "完成投资（亿元）" -> "完成投资"."""
    text = clean_text(header).replace(" ", "").replace("\u3000", "")
    stripped = _UNIT_SUFFIX.sub("", text)
    return stripped or text


def header_unit(header: str) -> str | None:
    """The unit a header carries in parentheses: "总投资（亿元）" -> "亿元"; None when none."""
    match = re.search(r"[（(]([^（）()]+)[）)]\s*$", clean_text(header))
    return match.group(1) if match else None


def format_decimals(number_format: str) -> tuple[int | None, bool]:
    """(the most decimal places shown, is-percent) of the positive section of an Excel number
    format; ``None`` decimals means General: the number at its natural precision."""
    least, most, percent = format_places(number_format)
    return most, percent


def format_places(number_format: str) -> tuple[int | None, int | None, bool]:
    """(decimals always shown, decimals shown at most, is-percent) of a number format:
    "0.00" shows 2, "0.00##" 2 to 4 (512.3 shows 512.30, 27.555 shows 27.555)."""
    section = _QUOTED.sub("", (number_format or "General").split(";")[0])
    if section.strip().lower() in ("", "general", "@"):
        return None, None, False
    percent = "%" in section
    if not re.search(r"[0#?]", section):
        return None, None, percent
    _, dot, frac = section.partition(".")
    digits = re.match(r"[0#?]*", frac).group(0) if dot else ""  # type: ignore[union-attr]
    return len(digits.rstrip("#?")), len(digits), percent


def _decimal(value: float | int | Decimal) -> Decimal:
    return Decimal(value) if isinstance(value, (int, Decimal)) else Decimal(repr(value))


def number_text(value: float | int | Decimal, number_format: str = "General") -> str:
    """The text Excel shows for a numeric cell, without thousands separators."""
    least, decimals, percent = format_places(number_format)
    number = _decimal(value)
    with localcontext() as context:  # enough digits for any number a cell holds
        context.prec = max(28, number.adjusted() + (decimals or 0) + 6)
        if percent:
            number = number * 100
        if decimals is None:
            number = typed(number)
        else:
            number = number.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
            if least is not None and least < decimals:  # optional places (#) drop their zeros
                trimmed = number.normalize() if not number.is_zero() else Decimal(0)
                shown = max(least, -min(0, trimmed.as_tuple().exponent))  # type: ignore[operator]
                number = number.quantize(Decimal(1).scaleb(-shown))
    return _plain(number) + ("%" if percent else "")


def typed(number: Decimal) -> Decimal:
    """A number as it was typed: at Excel's 15 significant digits, without trailing zeros (so
    the float 0.30000000000000004 of a pasted 0.1 + 0.2 is 0.3)."""
    if number.is_zero():
        return Decimal(0)
    with localcontext() as context:
        context.prec = max(28, abs(number.adjusted()) + TYPED_DIGITS + 6)
        exponent = number.adjusted() - TYPED_DIGITS + 1
        rounded = number.quantize(Decimal(1).scaleb(exponent), rounding=ROUND_HALF_EVEN)
        whole = rounded == rounded.to_integral_value()
        return rounded.quantize(1) if whole else rounded.normalize()


def _plain(number: Decimal) -> str:
    return format(number, "f")


def read_number(value: float | int | Decimal, number_format: str, formula: bool
                ) -> tuple[str, str | None]:
    """(text reportgen reads, text Excel shows when that differs) of a numeric cell."""
    shown = number_text(value, number_format)
    decimals, percent = format_decimals(number_format)
    if formula or decimals is None:
        return shown, None
    number = _decimal(value)
    with localcontext() as context:
        context.prec = max(28, number.adjusted() + TYPED_DIGITS + 8)
        exact = typed(number * 100 if percent else number)
        places = max(0, -exact.as_tuple().exponent)  # type: ignore[operator]
        if places <= decimals:
            return shown, None
        text = _plain(exact) + ("%" if percent else "")
    return text, shown


def cell_text(value: Any, number_format: str = "General") -> str:
    """The text of a cell's value that is not a number read with ``read_number``."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, (int, float, Decimal)):
        return number_text(value, number_format)
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0):
            return value.date().isoformat()
        return value.isoformat(sep=" ")
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    return clean_text(str(value))


def parse_decimal(text: str) -> Decimal | None:
    """A plain decimal number written as text, or None; "1,234.5" is not accepted."""
    if not re.fullmatch(r"[+-]?(\d+(\.\d*)?|\.\d+)", text):
        return None
    try:
        return Decimal(text)
    except InvalidOperation:  # pragma: no cover - the pattern already excludes these
        return None
