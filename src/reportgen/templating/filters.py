"""The filters templates see, in one registry: the number filters (``numfmt``, ``numerals``),
``group`` and ``balance``, over Jinja's own - whose list filters are replaced by gap-aware ones
(``gaps``). A new filter is one entry here."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from reportgen.data.model import Gap
from reportgen.errors import did_you_mean
from reportgen.i18n import _
from reportgen.templating.gaps import gap_aware, gap_of
from reportgen.templating.linebreak import balance
from reportgen.templating.numerals import cn, cn_year, date, ordinal
from reportgen.templating.numfmt import amount, grow, growth, num, pct, points
from reportgen.templating.views import group

#: The number filters (numfmt, numerals): what a 专栏 column's 格式 may name.
NUMBER_FILTERS: dict[str, Callable[..., Any]] = {
    "num": num, "pct": pct, "growth": growth, "points": points, "amount": amount, "grow": grow,
    "date": date, "cn": cn, "cn_year": cn_year, "ordinal": ordinal,
}
#: reportgen's own filters, by name.
OWN: dict[str, Callable[..., Any]] = {**NUMBER_FILTERS, "group": group, "balance": balance}


def pending(value: Any) -> bool:
    """``is pending``: the value waits on something still to fill in (a gap, or a list a gap
    leaves undecided) - so that a template can print its placeholder rather than decide."""
    return isinstance(value, Gap) or gap_of(value) is not None


#: reportgen's own tests, by name.
TESTS: dict[str, Callable[..., Any]] = {"pending": pending}


def install_filters(filters: dict[str, Callable[..., Any]],
                    tests: Any = None) -> None:
    """Put reportgen's filters into an environment's ``filters`` (Jinja's built-ins), and its
    tests into ``tests``."""
    filters.update(gap_aware(filters))
    filters.update(OWN)
    if tests is not None:
        tests.update(TESTS)


#: A filter named with its arguments, as boxes.yaml's 格式 writes it: amount("亿元", source="万元").
FilterCall = tuple[str, tuple[Any, ...], dict[str, Any]]


def filter_call(text: str) -> FilterCall:
    """``name`` or ``name(arguments)`` -> (name, args, kwargs), the arguments literals only; a
    ValueError saying what is wrong otherwise."""
    import ast

    try:
        node = ast.parse(text.strip(), mode="eval").body
    except SyntaxError:
        raise ValueError(_("「{text}」 is not a filter such as num or amount(\"亿元\")")
                           .format(text=text)) from None
    if isinstance(node, ast.Name):
        name, args, kwargs = node.id, (), {}
    elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
        try:
            args = tuple(ast.literal_eval(arg) for arg in node.args)
            kwargs = {k.arg: ast.literal_eval(k.value) for k in node.keywords if k.arg}
        except ValueError:
            raise ValueError(_("「{text}」: a filter's arguments are numbers or texts in quotes")
                               .format(text=text)) \
                from None
        name = node.func.id
    else:
        raise ValueError(_("「{text}」 is not a filter such as num or amount(\"亿元\")")
                           .format(text=text))
    if name not in NUMBER_FILTERS:
        raise ValueError(_("「{name}」 is not a number filter; they are ").format(name=name)
                         + ", ".join(NUMBER_FILTERS) + did_you_mean(name, list(NUMBER_FILTERS)))
    return name, args, kwargs


def apply_call(call: FilterCall, value: Any) -> Any:
    name, args, kwargs = call
    return NUMBER_FILTERS[name](value, *args, **kwargs)
