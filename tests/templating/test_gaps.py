"""Gaps carried through lists: a count over values still to fill in prints the gap, not 0."""

from __future__ import annotations

from decimal import Decimal

import pytest

from reportgen.data.model import GAP_CLOSE, GAP_OPEN, Gap
from reportgen.errors import ReportgenError, SourceRef
from reportgen.templating.environment import make_env, render_text
from reportgen.templating.gaps import Partial, gap_of
from reportgen.templating.views import Lookup, Rows

SHEET = SourceRef("data/2022/projects.xlsx", "上年民心工程")


def project(name: str, done: object) -> Lookup:
    return Lookup(name, [("名称", name), ("是否完工", done)])


def render(source: str, **context: object) -> tuple[str, list[Gap]]:
    gaps: list[Gap] = []
    text = render_text(make_env(gaps), source, "test", dict(context))
    return text.replace(GAP_OPEN, "").replace(GAP_CLOSE, ""), gaps


def test_a_count_over_known_values_is_a_number() -> None:
    rows = Rows("上年民心工程", "名称", [project("甲", True), project("乙", False)])
    assert render('{{ 行|selectattr("是否完工")|list|length }}', 行=rows) == ("1", [])


def test_a_count_over_values_still_to_fill_in_is_a_gap() -> None:
    cells = [Gap("甲·是否完工", SHEET.at(row=2, column=3)), Gap("乙·是否完工", SHEET.at(row=3, column=3))]
    rows = Rows("上年民心工程", "名称", [project("甲", cells[0]), project("乙", cells[1]),
                                         project("丙", True)])
    text, gaps = render('等{{ 行|selectattr("是否完工")|list|length }}个', 行=rows)
    assert text == "等【待填：上年民心工程·是否完工】个"
    assert gaps == cells  # each cell to fill in is listed, not the count


@pytest.mark.parametrize("source", [
    '{{ 行|rejectattr("是否完工")|map(attribute="名称")|join("、") }}',
    '{{ 行|selectattr("是否完工")|first }}',
    '{{ 行|selectattr("是否完工")|sort|list|count }}',
])
def test_every_list_filter_carries_the_gap(source: str) -> None:
    rows = Rows("上年民心工程", "名称", [project("甲", Gap("甲·是否完工", SHEET.at(row=2)))])
    assert render(source, 行=rows)[0] == "【待填：上年民心工程·是否完工】"


def test_a_loop_over_a_partial_list_shows_the_known_items() -> None:
    rows = Rows("上年民心工程", "名称", [project("甲", Gap("甲·是否完工", SHEET.at(row=2))),
                                         project("乙", True)])
    text, _ = render('{% for p in 行|selectattr("是否完工") %}{{ p.名称 }}{% endfor %}', 行=rows)
    assert text == "乙"


def test_an_empty_list_still_to_fill_in_counts_as_a_gap() -> None:
    gap = Gap("本年民心工程清单", SHEET)
    rows = Rows("本年民心工程", "名称", [], gap=gap)
    assert render("{{ 行|length }}项", 行=rows) == ("【待填：本年民心工程清单】项", [gap])


def test_numbers_are_untouched() -> None:
    values = [Decimal("1.5"), Decimal("2")]
    assert render("{{ v|sum }} {{ v|max }} {{ v|list|length }}", v=values)[0] == "3.5 2 2"


def test_a_partial_is_a_list_that_carries_its_gap() -> None:
    gap = Gap("上年民心工程·是否完工", SHEET.at(row=2, column=3))
    partial = Partial(["甲", "乙"], gap)
    assert isinstance(partial, list) and list(partial) == ["甲", "乙"]
    assert gap_of(partial) is gap and gap_of(["甲", "乙"]) is None
    # looping over it is fine, a count of it is the gap
    assert render("{% for x in v %}{{ x }}{% endfor %}|{{ v|length }}", v=partial) == (
        "甲乙|【待填：上年民心工程·是否完工】", [gap])


def test_a_text_template_is_compiled_once_and_rendered_with_each_context() -> None:
    env = make_env()
    assert render_text(env, "{{ 上年 }}年", "a.txt", {"上年": 2020}) == "2020年"
    assert render_text(env, "{{ 上年 }}年", "a.txt", {"上年": 2021}) == "2021年"
    assert len(env.compiled) == 1
    with pytest.raises(ReportgenError, match=r"^b\.txt:1: undefined"):
        render_text(env, "{{ 上年 }}年", "b.txt", {})  # the same text elsewhere names its place
