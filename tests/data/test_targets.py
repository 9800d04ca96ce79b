"""Plan targets as written in the tables, parsed into what a result is judged against."""

from __future__ import annotations

from decimal import Decimal

import pytest

from reportgen.data.targets import parse_target
from reportgen.errors import SourceRef

REF = SourceRef("data/2021/x.xlsx")


@pytest.mark.parametrize(("text", "op", "value"), [
    ("7.5以上", ">=", "7.5"), ("≥300", ">=", "300"), ("≤4.5", "<=", "4.5"), ("9", ">=", "9"),
    ("50%", ">=", "50"), ("提高1.5个百分点", "increase", "1.5"), ("5左右", "approx", "5"),
    ("Ⅲ类", "class", "3"), ("控制在5.5%以内", "<=", "5.5"),
    ("完成国家和市下达目标", "qualitative", None), ("与经济增长同步", "qualitative", None),
])
def test_targets_parse_as_written(text: str, op: str, value: str | None) -> None:
    target = parse_target(text)
    assert (target.op, target.value, str(target)) == (op, Decimal(value) if value else None, text)
