"""The filter registry: every own filter is documented, and Jinja's list filters become gap-aware."""

from __future__ import annotations

import ast
import inspect
import re
from collections.abc import Callable
from typing import Any

import jinja2
import pytest

from helpers.project import REPO
from reportgen.data.model import GAP_CLOSE, GAP_OPEN, Gap
from reportgen.errors import SourceRef
from reportgen.templating.environment import make_env, render_text
from reportgen.templating.filters import NUMBER_FILTERS, OWN, install_filters
from reportgen.templating.gaps import Partial
from reportgen.templating.linebreak import balance
from reportgen.templating.views import group

README = (REPO / "README.md").read_text(encoding="utf-8")
SECTION = README.split("### Number filters", 1)[1].split("\n### ", 1)[0]
GAP_AWARE = ("select", "reject", "selectattr", "rejectattr", "map", "list", "sort", "unique",
             "reverse", "length", "count", "join", "sum", "first", "last", "min", "max")


NO_DEFAULT = inspect.Parameter.empty


def table_entries() -> dict[str, list[tuple[str, Any]]]:
    """The filters of the README's table, each with its (parameter, default) as written."""
    lines = [line for line in SECTION.split("\n") if line.startswith("| `")]
    entries: dict[str, list[tuple[str, Any]]] = {}
    for line in lines:
        first = line.split("|")[1]
        for call in re.findall(r"`([^`]+)`", first):
            name, _, params = call.partition("(")
            function = ast.parse(f"def f({params.removesuffix(')')}): pass").body[0]
            args = function.args  # type: ignore[attr-defined]
            defaults = [NO_DEFAULT] * (len(args.args) - len(args.defaults)) + [
                ast.literal_eval(d) for d in args.defaults]
            entries[name] = [(a.arg, d) for a, d in zip(args.args, defaults, strict=True)]
    return entries


def test_the_readme_table_lists_exactly_the_number_filters() -> None:
    assert list(table_entries()) == list(NUMBER_FILTERS)


@pytest.mark.parametrize("name", list(NUMBER_FILTERS))
def test_the_readme_table_gives_each_filter_its_parameters_and_defaults(name: str) -> None:
    documented = table_entries()[name]
    parameters = list(inspect.signature(OWN[name]).parameters.values())[1:]  # after the value
    assert [p for p, _ in documented] == [p.name for p in parameters][:len(documented)]
    written = [(param, default, actual.default) for (param, default), actual
               in zip(documented, parameters, strict=False) if default is not NO_DEFAULT]
    assert [(param, default) for param, default, _ in written] == [
        (param, actual) for param, _, actual in written]


@pytest.mark.parametrize(("name", "written"), [("group", "`group(column)`"),
                                               ("balance", "`balance(chars)`")])
def test_the_other_own_filters_are_documented_below_the_table(name: str, written: str) -> None:
    assert name in OWN and written in SECTION


def test_own_is_the_number_filters_with_group_and_balance() -> None:
    assert dict(OWN) == {**NUMBER_FILTERS, "group": group, "balance": balance}


def installed() -> dict[str, Callable[..., Any]]:
    filters = dict(jinja2.filters.FILTERS)
    install_filters(filters)
    return filters


@pytest.mark.parametrize("name", GAP_AWARE)
def test_jinja_list_filters_are_replaced_by_gap_aware_wrappers(name: str) -> None:
    replaced = installed()[name]
    original = jinja2.filters.FILTERS[name]
    assert replaced is not original
    assert replaced.__wrapped__ is original  # type: ignore[attr-defined]
    # Jinja still passes the environment or context where the original asks for it
    assert getattr(replaced, "jinja_pass_arg", None) == getattr(original, "jinja_pass_arg", None)


def test_other_jinja_filters_are_kept_and_own_filters_are_added() -> None:
    filters = installed()
    assert filters["upper"] is jinja2.filters.FILTERS["upper"]
    assert filters["groupby"] is jinja2.filters.FILTERS["groupby"]
    assert {name: filters[name] for name in OWN} == OWN
    assert set(filters) == set(jinja2.filters.FILTERS) | set(OWN)


def test_an_own_filter_wins_over_one_already_there() -> None:
    filters: dict[str, Callable[..., Any]] = {**jinja2.filters.FILTERS, "num": str}
    install_filters(filters)
    assert filters["num"] is NUMBER_FILTERS["num"]


GAP = Gap("上年民心工程·是否完工", SourceRef("projects.xlsx", "上年民心工程", 2, 5))


@pytest.mark.parametrize(("source", "printed"), [
    ("{{ v|length }}", "【待填：上年民心工程·是否完工】"),
    ("{{ v|count }}", "【待填：上年民心工程·是否完工】"),
    ("{{ v|join('、') }}", "【待填：上年民心工程·是否完工】"),
    ("{{ v|list|first }}", "【待填：上年民心工程·是否完工】"),
    ("{{ v|reverse|last }}", "【待填：上年民心工程·是否完工】"),
    ("{{ v|unique|max }}", "【待填：上年民心工程·是否完工】"),
    ("{{ v|map('upper')|min }}", "【待填：上年民心工程·是否完工】"),
    ("{% for x in v|sort %}{{ x }}{% endfor %}", "ab"),  # the known items can be looped over
    ("{{ w|length }} {{ w|join('、') }}", "2 a、b"),  # a plain list is counted as before
])
def test_installed_filters_print_the_gap_of_a_partial_list(source: str, printed: str) -> None:
    gaps: list[Gap] = []
    text = render_text(make_env(gaps), source, "t.txt", {"v": Partial(["b", "a"], GAP),
                                                         "w": ["a", "b"]})
    assert text.replace(GAP_OPEN, "").replace(GAP_CLOSE, "") == printed
    assert gaps == ([GAP] if "待填" in printed else [])
