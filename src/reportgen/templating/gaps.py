"""Lists a gap leaves undecided, and the Jinja list filters that carry the gap to what is printed.

A list still to fill in (an empty project sheet), or one filtered on a value still to fill in
(``项目.上年民心工程|selectattr("是否完工")``), is only partly known. Its items can be looped
over, but a count, a sum or a joined text of it would print a wrong figure with no warning, so
those print the gap instead: 【待填：上年民心工程·是否完工】.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from typing import Any

from reportgen.data.model import Gap
from reportgen.errors import SourceRef


class Partial(list):  # type: ignore[type-arg]
    """The known items of a list whose full content waits for ``gap``."""

    def __init__(self, items: Iterable[Any], gap: Gap):
        super().__init__(items)
        self.gap = gap


def gap_of(value: Any) -> Gap | None:
    """The gap that leaves ``value`` undecided, if any (a Partial, or Rows of an empty sheet)."""
    gap = getattr(value, "gap", None)
    return gap if isinstance(gap, Gap) else None


def _item(item: Any, attribute: str) -> Any:
    for part in attribute.split("."):
        item = item.get(part) if isinstance(item, dict) else getattr(item, part, None)
    return item


def _summary(gaps: list[Gap], attribute: str | None) -> Gap:
    first = gaps[0]
    sheet = first.ref.sheet if isinstance(first.ref, SourceRef) else None
    what = f"{sheet}·{attribute}" if sheet and attribute else first.what
    return Gap(what, first.ref, tuple(gaps))


def _value_position(func: Callable[..., Any]) -> int:
    return 1 if getattr(func, "jinja_pass_arg", None) is not None else 0


def _carrying(func: Callable[..., Any], tests: str | None) -> Callable[..., Any]:
    """``func`` returning a Partial when its input is one, or when the items it tests (or the
    attribute ``tests`` == "attribute" names) include a gap."""
    at = _value_position(func)

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        value = args[at]
        gap = gap_of(value)
        if tests is not None:
            items = list(value)
            args = (*args[:at], items, *args[at + 1:])
            attribute = str(args[at + 1]) if tests == "attribute" and len(args) > at + 1 \
                else None
            found = [v for v in (_item(i, attribute) if attribute else i for i in items)
                     if isinstance(v, Gap)]
            if found and gap is None:
                gap = _summary(found, attribute)
        result = func(*args, **kwargs)
        return Partial(result, gap) if gap is not None else result

    return wrapper


def _summarizing(func: Callable[..., Any]) -> Callable[..., Any]:
    """``func`` printing the gap of a partly known list instead of a wrong figure."""
    at = _value_position(func)

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        gap = gap_of(args[at])
        return gap if gap is not None else func(*args, **kwargs)

    return wrapper


_TESTING = {"select": "item", "reject": "item", "selectattr": "attribute",
            "rejectattr": "attribute"}
_CARRYING = ("map", "list", "sort", "unique", "reverse")
_SUMMARIZING = ("length", "count", "join", "sum", "first", "last", "min", "max")


def gap_aware(filters: dict[str, Callable[..., Any]]) -> dict[str, Callable[..., Any]]:
    """Replacements for Jinja's list filters (taken from ``filters``) that carry gaps."""
    replaced: dict[str, Callable[..., Any]] = {}
    for name, tests in _TESTING.items():
        replaced[name] = _carrying(filters[name], tests)
    for name in _CARRYING:
        replaced[name] = _carrying(filters[name], None)
    for name in _SUMMARIZING:
        replaced[name] = _summarizing(filters[name])
    return replaced
