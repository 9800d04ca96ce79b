"""The Jinja environment (sandboxed, strict, with the number filters) and text rendering.

Every template - the narrative, the 专栏 list templates, titles in YAML, the Word template -
renders through ``make_env``: one sandbox, one set of filters, one way to report a mistake
with its file and line.
"""

from __future__ import annotations

import datetime as dt
import traceback
from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal
from typing import Any

import jinja2
from jinja2.sandbox import SandboxedEnvironment

from reportgen.data.model import Gap, Target
from reportgen.errors import ReportgenError, did_you_mean
from reportgen.templating.gaps import gap_aware
from reportgen.templating.linebreak import balance
from reportgen.templating.numfmt import FILTERS, date, num
from reportgen.word.ooxml import Xml, esc


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
            return f"{self.label}.{key} is not available: {self.unavailable[str(key)]}"
        return f"{self.label} has no 「{key}」{did_you_mean(key, self, cutoff=0.4)}"


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


TEMPLATE_FILTERS: dict[str, Callable[..., Any]] = {**FILTERS, "group": group,
                                                   "balance": balance}


#: Bounds on template arithmetic, so a template cannot exhaust memory or time.
MAX_POWER = 64
MAX_REPEAT = 100_000


class ReportEnvironment(SandboxedEnvironment):
    """Sandboxed: templates see the data they are given and nothing of Python or the machine."""

    gaps: list[Gap]
    intercepted_binops = frozenset(["*", "**"])

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        # Text templates by (source, where): a build renders one 专栏 template for several
        # 专栏 and each table header title twice, and compiling costs far more than rendering.
        self.compiled: dict[tuple[str, str], jinja2.Template] = {}

    def text_template(self, source: str, where: str) -> jinja2.Template:
        """``source`` compiled once per environment; ``where`` names it in errors."""
        key = (source, where)
        if key not in self.compiled:
            code = self.compile(source, name=where, filename=where)
            self.compiled[key] = self.template_class.from_code(self, code,
                                                               self.make_globals(None), None)
        return self.compiled[key]

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        if operator == "**" and isinstance(right, (int, float, Decimal)) \
                and not -MAX_POWER <= right <= MAX_POWER:
            raise jinja2.exceptions.SecurityError(f"the power {right} is too large")
        if operator == "*":
            sizes = [len(x) for x in (left, right) if isinstance(x, (str, list, tuple))]
            counts = [x for x in (left, right) if isinstance(x, int)]
            if sizes and counts and sizes[0] * abs(counts[0]) > MAX_REPEAT:
                raise jinja2.exceptions.SecurityError("a repeated text or list would be too long")
        return super().call_binop(context, operator, left, right)

    def _missing(self, obj: Any, name: Any) -> Any:
        return self.undefined(hint=obj.missing(name), obj=obj, name=name)

    def getattr(self, obj: Any, attribute: str) -> Any:
        if isinstance(obj, Rows):
            if attribute in obj.by_key:
                return obj.by_key[attribute]
            if not hasattr(list, attribute):
                return self._missing(obj, attribute)
        elif isinstance(obj, Lookup) and attribute not in obj and not hasattr(dict, attribute):
            return self._missing(obj, attribute)
        return super().getattr(obj, attribute)

    def getitem(self, obj: Any, argument: Any) -> Any:
        if isinstance(obj, Rows) and isinstance(argument, str):
            return obj.by_key[argument] if argument in obj.by_key else self._missing(obj, argument)
        if isinstance(obj, Lookup) and argument not in obj:
            return self._missing(obj, argument)
        return super().getitem(obj, argument)


def make_env(autoescape: bool = False, gaps: list[Gap] | None = None) -> ReportEnvironment:
    """The environment for every template; gaps printed through it are collected in ``gaps``."""
    collected: list[Gap] = gaps if gaps is not None else []
    def final(value: Any) -> Any:
        value = finalize(value, collected)
        if autoescape and isinstance(value, str) and not hasattr(value, "__html__"):
            return Xml(esc(value))
        return value

    env = ReportEnvironment(
        undefined=jinja2.StrictUndefined,
        autoescape=autoescape,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        finalize=final,
    )
    env.gaps = collected
    env.filters.update(gap_aware(env.filters))
    env.filters.update(TEMPLATE_FILTERS)
    return env


def finalize(value: Any, gaps: list[Gap] | None = None) -> Any:
    """How a bare ``{{ value }}`` prints: numbers at published precision, "—" for none."""
    if isinstance(value, Gap):
        if gaps is not None:
            gaps.extend(gap for gap in value.listed() if gap not in gaps)
        return str(value)
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, Decimal):
        return num(value)
    if isinstance(value, dt.date):
        return date(value)
    if isinstance(value, Target):
        return value.text
    if value is None:
        return "—"
    return value


def template_error(exc: BaseException, where: str, source: str | None = None) -> ReportgenError:
    """A Jinja failure as one message naming the template file and line."""
    line = getattr(exc, "lineno", None)
    if line is None:
        for frame, lineno in traceback.walk_tb(exc.__traceback__):
            if frame.f_code.co_filename == where:
                line = lineno
    place = f"{where}:{line}" if line else where
    if isinstance(exc, jinja2.TemplateSyntaxError):
        what = f"template syntax error: {exc.message}"
    elif isinstance(exc, jinja2.exceptions.SecurityError):
        what = f"not allowed in a template: {exc}"
    elif isinstance(exc, jinja2.UndefinedError):
        what = f"undefined: {exc.message}"
    else:
        what = f"{type(exc).__name__}: {exc}"
    context = ""
    if source and line and 0 < line <= len(source.split("\n")):
        context = "  | " + source.split("\n")[line - 1].strip()[:120]
    return ReportgenError(what, place, context)


def render_text(env: ReportEnvironment, source: str, where: str, context: dict[str, Any]) -> str:
    """Render a text template; ``where`` (file path as shown to the user) names it in errors."""
    try:
        return env.text_template(source, where).render(context)
    except (jinja2.TemplateError, ArithmeticError, TypeError, ValueError, KeyError,
            AttributeError, IndexError, RecursionError) as exc:
        raise template_error(exc, where, source) from None
