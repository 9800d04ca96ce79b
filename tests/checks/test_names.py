"""The template checker: names are followed through the data, locals are local."""

from __future__ import annotations

from decimal import Decimal

import pytest

from reportgen.checks.names import TemplateChecker, plain_jinja
from reportgen.errors import Problems, SourceRef
from reportgen.templating.environment import make_env
from reportgen.templating.views import Lookup, Rows

WHERE = SourceRef("narrative.txt")


def context() -> dict[str, object]:
    row = Lookup("完成 「地区生产总值增速」", [("绝对值", Decimal("500.30")), ("增速", Decimal(3))])
    items = [Lookup("项目 「甲」", [("名称", "甲"), ("分组", "一")])]
    return {
        "上年": 2020,
        "完成": Rows("完成", "指标名称", [Lookup("x", {"指标名称": "地区生产总值增速", **row})]),
        "项目": Lookup("项目", [("清单", Rows("清单", "名称", items))]),
    }


def problems_of(source: str, **local: object) -> list[str]:
    problems = Problems()
    TemplateChecker(make_env(), context(), problems).check(
        source, lambda line: WHERE.at(line=line), local)
    return [str(p) for p in problems.items]


@pytest.mark.parametrize("source", [
    "{{ 上年 }}年{{ 完成.地区生产总值增速.绝对值 }}{{ 完成['地区生产总值增速'].增速|growth }}",
    "{% for 项 in 项目.清单 %}{{ 项.名称 }}{{ loop.index }}{% endfor %}",
    "{% for 组 in 项目.清单|group('分组') %}{{ 组.名称 }}{% for 项 in 组.行 %}{{ 项.名称 }}"
    "{% endfor %}{% endfor %}",
    "{% set 行 = 完成.地区生产总值增速 %}{{ 行.绝对值 }}",
    "{% if 完成.没有 is defined %}{{ 1 }}{% endif %}{{ range(3)|list|length }}",
    "{% macro f(a) %}{{ a.anything }}{% endmacro %}{{ f(1) }}",
    "{{ 完成|length }}{{ 完成.地区生产总值增速.items()|list }}",
])
def test_valid_templates_pass(source: str) -> None:
    assert problems_of(source) == []


def test_each_unknown_name_is_reported_with_its_line() -> None:
    source = ("第一行\n{{ 完成.地区生产总值增长.绝对值 }}\n"
              "{% for 项 in 项目.清单 %}{{ 项.名字 }}{% endfor %}\n{{ 上上年 }}{{ 上年|groth }}")
    assert problems_of(source) == [
        "narrative.txt:2: 完成 has no 「地区生产总值增长」; did you mean 「地区生产总值增速」?",
        "narrative.txt:3: 项目 「甲」 has no 「名字」; did you mean 「名称」?",
        "narrative.txt:4: 「上上年」 is not a name templates see; did you mean 「上年」?",
        "narrative.txt:4: no filter 「groth」; did you mean 「growth」?",
    ]


def test_a_name_used_twice_on_a_line_is_reported_once() -> None:
    assert len(problems_of("{{ 不存在 }}{{ 不存在 }}")) == 1


def test_a_loop_variable_is_local_to_its_loop() -> None:
    assert problems_of("{% for 项 in 项目.清单 %}{% endfor %}{{ 项 }}") == [
        "narrative.txt:1: 「项」 is not a name templates see; did you mean 「项目」?"]


def test_locals_given_by_the_caller() -> None:
    assert problems_of("{{ 参数.编号 }}", 参数=Lookup("参数", [("序", ".")])) == [
        "narrative.txt:1: 参数 has no 「编号」"]


def test_a_syntax_error_has_its_line() -> None:
    assert problems_of("ok\n{{ 上年 }\n") == [
        "narrative.txt:2: template syntax error: unexpected '}'"]


def test_docxtpl_tags_read_as_jinja() -> None:
    assert plain_jinja("{%p for b in 正文 %}{{r b.内容 }}{{p b.内容 }}{%tr endfor %}") == (
        "{% for b in 正文 %}{{ b.内容 }}{{ b.内容 }}{% endfor %}")
    assert plain_jinja("{{ rate }}{{rate}}") == "{{ rate }}{{rate}}"
