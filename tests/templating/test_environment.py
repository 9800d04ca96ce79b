"""The template environment: how values print, the sandbox and its bounds, errors with their place."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from markupsafe import Markup

from reportgen.data.model import GAP_CLOSE, GAP_OPEN, Gap
from reportgen.data.targets import parse_target
from reportgen.errors import ReportgenError, SourceRef
from reportgen.templating.environment import (
    MAX_POWER,
    MAX_REPEAT,
    finalize,
    make_env,
    render_text,
)
from reportgen.templating.views import Lookup, Rows
from reportgen.word.ooxml import Xml

SHEET = SourceRef("data/2021/statistics.xlsx", "统计")


def render(source: str, **context: Any) -> str:
    return render_text(make_env(), source, "t.txt", dict(context))


def failure(source: str, **context: Any) -> str:
    with pytest.raises(ReportgenError) as caught:
        render(source, **context)
    return str(caught.value)


@pytest.mark.parametrize(("value", "printed"), [
    (Decimal("500.30"), "500.30"),  # the published precision is kept
    (Decimal("-9.5"), "-9.5"),
    (Decimal("3"), "3"),
    (True, "是"),
    (False, "否"),
    (dt.date(2021, 3, 10), "2021年3月10日"),
    (parse_target("7.5以上"), "7.5以上"),
    (parse_target("提高1.5个百分点"), "提高1.5个百分点"),
    (None, "—"),
    ("文字", "文字"),
    (2020, 2020),  # other values are left to Jinja
])
def test_finalize_prints_each_kind_of_value(value: Any, printed: Any) -> None:
    assert finalize(value) == printed


def test_finalize_prints_a_gap_and_lists_its_cells_once() -> None:
    cells = (Gap("甲·数值", SHEET.at(row=2, column=2)), Gap("乙·数值", SHEET.at(row=3, column=2)))
    total = Gap("合计", SHEET, cells)
    gaps: list[Gap] = [cells[0]]
    assert finalize(total, gaps) == f"{GAP_OPEN}【待填：合计】{GAP_CLOSE}"
    assert gaps == list(cells)  # the parts are listed, the one already there not again
    assert finalize(cells[1], None) == f"{GAP_OPEN}【待填：乙·数值】{GAP_CLOSE}"


def test_a_bare_value_prints_through_finalize() -> None:
    gaps: list[Gap] = []
    gap = Gap("接待游客·数值", SHEET.at(row=5, column=2))
    text = render_text(make_env(gaps), "{{ a }}、{{ b }}、{{ c }}、{{ d }}、{{ e }}", "t.txt",
                       {"a": Decimal("1.50"), "b": None, "c": True, "d": gap,
                        "e": dt.date(2020, 12, 31)})
    assert text == f"1.50、—、是、{GAP_OPEN}【待填：接待游客·数值】{GAP_CLOSE}、2020年12月31日"
    assert gaps == [gap]


@pytest.mark.parametrize(("source", "message"), [
    ("{{ 上年.__class__ }}",
     "not allowed in a template: access to attribute '__class__' of 'int' object is unsafe."),
    ("{{ ''.__class__.__mro__ }}",
     "not allowed in a template: access to attribute '__class__' of 'str' object is unsafe."),
    ("{{ 完成.__init__.__globals__ }}",
     "not allowed in a template: access to attribute '__init__' of 'Lookup' object is unsafe."),
    (f"{{{{ 2 ** {MAX_POWER + 1} }}}}", "not allowed in a template: the power 65 is too large"),
    (f"{{{{ 2 ** -{MAX_POWER + 1} }}}}", "not allowed in a template: the power -65 is too large"),
    ("{{ 2.0 ** 100 }}", "not allowed in a template: the power 100 is too large"),
    (f"{{{{ 'a' * {MAX_REPEAT + 1} }}}}",
     "not allowed in a template: a repeated text or list would be too long"),
    (f"{{{{ {MAX_REPEAT + 1} * 'a' }}}}",
     "not allowed in a template: a repeated text or list would be too long"),
    (f"{{{{ 'ab' * {MAX_REPEAT // 2 + 1} }}}}",
     "not allowed in a template: a repeated text or list would be too long"),
    (f"{{{{ [1] * -{MAX_REPEAT + 1} }}}}",
     "not allowed in a template: a repeated text or list would be too long"),
])
def test_the_sandbox_refuses_python_internals_and_unbounded_arithmetic(
        source: str, message: str) -> None:
    context = {"上年": 2020, "完成": Lookup("完成")}
    assert failure(source, **context) == f"t.txt:1: {message}\n    | {source}"


@pytest.mark.parametrize(("source", "printed"), [
    (f"{{{{ 2 ** {MAX_POWER} }}}}", str(2 ** MAX_POWER)),
    (f"{{{{ ('ab' * {MAX_REPEAT // 2})|length }}}}", str(MAX_REPEAT)),
    ("{{ 3 * 'a' }}{{ [0] * 2 }}", "aaa[0, 0]"),
    ("{{ 1.5 * 2 }}", "3.0"),
])
def test_arithmetic_within_the_bounds_is_allowed(source: str, printed: str) -> None:
    assert render(source) == printed


def test_a_power_of_a_power_is_bounded_too() -> None:
    assert failure("{{ (((2 ** 64) ** 64) ** 64) ** 64 > 0 }}").startswith(
        "t.txt:1: not allowed in a template:")


def test_padding_a_text_is_bounded_like_repeating_it() -> None:
    assert failure(f"{{{{ 'a'.ljust({MAX_REPEAT + 1})|length }}}}").startswith(
        "t.txt:1: not allowed in a template:")


def context() -> dict[str, Any]:
    row = Lookup("完成 「地区生产总值增速」", [("指标名称", "地区生产总值增速"),
                                                ("绝对值", Decimal("500.30"))])
    return {"上年": 2020,
            "完成": Rows("完成", "指标名称", [row], unavailable={
                "未完成预期性": "sheet 「完成情况」 has no 属性 column"}),
            "统计": Lookup("统计", [("接待游客", Decimal("627.41"))])}


@pytest.mark.parametrize(("source", "message"), [
    ("{{ 完成.地区生产总值增长 }}",
     "t.txt:1: undefined: 完成 has no 「地区生产总值增长」; did you mean 「地区生产总值增速」?"),
    ("第一行\n第二行\n{{ 完成.地区生产总值增速.绝对 }}",
     "t.txt:3: undefined: 完成 「地区生产总值增速」 has no 「绝对」; did you mean 「绝对值」?"),
    ("{{ 统计['接待'] }}", "t.txt:1: undefined: 统计 has no 「接待」; did you mean 「接待游客」?"),
    ("{{ 统计.人口 }}", "t.txt:1: undefined: 统计 has no 「人口」"),
    ("{{ 完成.未完成预期性 }}",
     "t.txt:1: undefined: 完成.未完成预期性 is not available: sheet 「完成情况」 has no 属性 column"),
    ("{{ 本年 }}", "t.txt:1: undefined: '本年' is undefined"),
])
def test_an_unknown_name_is_an_error_naming_the_file_and_line(source: str, message: str) -> None:
    last = source.split("\n")[-1]
    assert failure(source, **context()) == f"{message}\n    | {last}"


def test_other_failures_name_the_line_they_happen_on() -> None:
    assert failure("{{ 上年 }}\n{{ 上年|amount(\"亿元\", 2, 3, 4, 5) }}", 上年=2020) == (
        "t.txt:2: TypeError: amount() takes from 1 to 5 positional arguments but 6 were given"
        "\n    | {{ 上年|amount(\"亿元\", 2, 3, 4, 5) }}")
    assert failure("a\n{% for %}") == (
        "t.txt:2: template syntax error: Expected an expression, got 'end of statement block'"
        "\n    | {% for %}")
    assert failure("{{ 1 / 0 }}") == "t.txt:1: ZeroDivisionError: division by zero\n    | {{ 1 / 0 }}"


def test_list_and_dict_methods_are_left_to_jinja() -> None:
    assert render("{{ 完成|length }} {{ 统计.items()|list|length }} {{ 完成.index(完成[0]) }}",
                  **context()) == "1 1 0"


def test_a_text_template_is_compiled_once_per_source_and_place() -> None:
    env = make_env()
    first = env.text_template("{{ 上年 }}年", "a.txt")
    assert env.text_template("{{ 上年 }}年", "a.txt") is first
    assert env.text_template("{{ 上年 }}年", "b.txt") is not first
    assert env.text_template("{{ 本年 }}年", "a.txt") is not first
    assert list(env.compiled) == [("{{ 上年 }}年", "a.txt"), ("{{ 上年 }}年", "b.txt"),
                                  ("{{ 本年 }}年", "a.txt")]
    assert first.render({"上年": 2020}) == "2020年"


def test_the_environment_trims_blocks_and_keeps_the_last_newline() -> None:
    assert render("{% for x in v %}\n  {{ x }}\n{% endfor %}\n", v=[1, 2]) == "  1\n  2\n"
    assert render("甲\n") == "甲\n"


def escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def test_escape_marks_printed_text_as_markup() -> None:
    env = make_env(escape=escape)
    assert env.autoescape is True and make_env().autoescape is False
    text = render_text(env, "<w:t>{{ a }}|{{ b }}|{{ c }}|{{ d }}</w:t>", "w", {
        "a": "R&D <研发>", "b": Xml('<w:br/>'), "c": Markup("<i>已标记</i>"), "d": None})
    # the template's own text stays as written, values already markup pass as they are
    assert text == "<w:t>R&amp;D &lt;研发&gt;|<w:br/>|<i>已标记</i>|—</w:t>"


def test_without_escape_text_prints_as_it_is() -> None:
    assert render("{{ a }}", a="R&D <研发>") == "R&D <研发>"


@given(st.decimals(allow_nan=False, allow_infinity=False, places=3,
                   min_value=-10**6, max_value=10**6))
def test_a_decimal_prints_with_its_own_decimals(value: Decimal) -> None:
    printed = finalize(value)
    assert Decimal(printed) == value
    assert printed.partition(".")[2] == str(value).partition(".")[2]
