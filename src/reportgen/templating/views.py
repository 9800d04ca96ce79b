"""What templates see of the data: named tables (``Lookup``), rows in report order that are also
reachable by key (``Rows``), and runs of rows (``group``) - with the one rule for looking a
name up in them, which the sandbox and the template-name checker both follow."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from reportgen.data.model import Gap
from reportgen.errors import did_you_mean
from reportgen.i18n import _


class Lookup(dict):  # type: ignore[type-arg]
    """A name -> value table for templates (完成, 目标, 统计 …) that explains a wrong name.

    ``unavailable`` maps names the data cannot provide to why, for a better message than
    "has no".
    """

    def __init__(self, label: str, items: Iterable[tuple[str, Any]] | Mapping[str, Any] = (),
                 unavailable: Mapping[str, str] | None = None):
        super().__init__(items)
        self.label = label
        self.unavailable = dict(unavailable or {})

    def missing(self, key: object) -> str:
        if key in self.unavailable:
            return _("{label}.{key} is not available: {why}").format(
                label=self.label, key=key, why=self.unavailable[str(key)])
        return _("{label} has no 「{key}」").format(label=self.label, key=key) + did_you_mean(
            key, self, cutoff=0.4)


class Rows(list):  # type: ignore[type-arg]
    """Rows in report order, also reachable by their key column: 完成.地区生产总值增速.

    ``gap`` is set when the list itself is still to fill in (a sheet with no rows yet): a count
    of it then prints the gap, not 0.
    """

    def __init__(self, label: str, key: str, rows: Iterable[Lookup],
                 extras: Mapping[str, Any] | None = None, gap: Gap | None = None,
                 unavailable: Mapping[str, str] | None = None):
        super().__init__(rows)
        self.label = label
        self.gap = gap
        self.by_key = Lookup(label, ((str(r.get(key)), r) for r in self), unavailable)
        self.by_key.update(extras or {})

    def missing(self, key: object) -> str:
        return self.by_key.missing(key)


class Absent(Lookup):
    """A name whose data the year does not have (no 完成情况 sheet …): whatever is asked of it,
    the message says why."""

    def __init__(self, label: str, why: str):
        super().__init__(label)
        self.why = why

    def missing(self, key: object) -> str:
        return _("{label}.{key} is not available: {why}").format(
            label=self.label, key=key, why=self.why)


class Group(Lookup):
    """A run of consecutive rows sharing one value, as made by the ``group`` filter."""


def group(rows: Iterable[Any], key: str) -> list[Group]:
    """Group consecutive rows by a column, keeping report order: each has 名称 and 行."""
    groups: list[Group] = []
    for row in rows:
        value = row.get(key) if isinstance(row, dict) else None
        name = "" if value is None or isinstance(value, Gap) else str(value)
        if not groups or groups[-1]["名称"] != name:
            groups.append(Group(f"group 「{name}」", [("名称", name), ("行", [])]))
        groups[-1]["行"].append(row)
    return groups


#: What ``look_up`` found: the value, a name the view does not have (with the message that
#: says so), or a name that is not the data's to answer (a list or dict method, a non-view).
FOUND, MISSING, OTHER = "found", "missing", "other"


def look_up(obj: Any, key: Any) -> tuple[str, Any]:
    """``obj.key`` (or ``obj[key]``) as templates see it: a view's data wins; a name a view
    does not have is MISSING with the message naming it; list and dict methods (``items``,
    ``count``) and every other object are left to Jinja (OTHER)."""
    if isinstance(obj, Rows):
        if isinstance(key, str):
            if key in obj.by_key:
                return FOUND, obj.by_key[key]
            if not hasattr(list, key):
                return MISSING, obj.missing(key)
        return OTHER, None
    if isinstance(obj, Lookup):
        if key in obj:
            return FOUND, obj[key]
        if not (isinstance(key, str) and hasattr(dict, key)):
            return MISSING, obj.missing(key)
    return OTHER, None
