"""Figures with more decimals than a report prints: a computed value in a cell left at General
(500.29999999999995), whose format should give the published decimals."""

from __future__ import annotations

from reportgen.data.cells import parse_decimal
from reportgen.data.folder import RawYear
from reportgen.errors import Problems
from reportgen.i18n import _

#: More decimals than any figure of a report has: a computed value shown unformatted.
MAX_DECIMALS = 4


def precision(raw: RawYear, problems: Problems) -> None:
    """A number with more decimals than any report prints is a cell left at General with a
    computed value (500.29999999999995): its format should give the published decimals."""
    for tables in raw.workbooks.values():
        for table in tables.values():
            for row in table.rows:
                for cell in row.cells.values():
                    number = parse_decimal(cell.text.removesuffix("%"))
                    exponent = number.as_tuple().exponent if number is not None else 0
                    if isinstance(exponent, int) and -exponent > MAX_DECIMALS:
                        problems.warning(cell.ref, _("「{text}」 has more decimals than a "
                                         "report prints; give the cell a number format with the "
                                         "published decimals (0.00)").format(text=cell.text))
