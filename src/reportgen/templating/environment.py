"""The Jinja environment (sandboxed, strict, with the number filters) and text rendering.

Every template - the narrative, the 专栏 list templates, titles in YAML, the Word template -
renders through ``make_env``: one sandbox, one set of filters, one way to report a mistake
with its file and line.
"""

from __future__ import annotations

import datetime as dt
import marshal
import math
import sys
import traceback
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import jinja2
from jinja2.parser import Parser
from jinja2.sandbox import SandboxedEnvironment
from markupsafe import Markup

from reportgen import cache
from reportgen.data.model import Gap, Target
from reportgen.errors import ReportgenError
from reportgen.i18n import _
from reportgen.templating import budget, literal
from reportgen.templating.budget import (
    UNSAFE_METHODS,
    Budget,
    BudgetedCodeGenerator,
    budgeted,
    check_nesting,
    extent,
    size,
)
from reportgen.templating.filters import install_filters
from reportgen.templating.literal import protect, restore
from reportgen.templating.numerals import date
from reportgen.templating.numfmt import FilterError, num
from reportgen.templating.views import MISSING, OTHER, look_up

#: Bounds on template arithmetic, so a template cannot exhaust memory or time.
MAX_POWER = 64
MAX_REPEAT = 100_000
#: the most digits a power may have (a figure of a report has a handful)
MAX_DIGITS = 1_000
#: text methods that make a text as long as a number they are given ('a'.ljust(n))
_WIDENING = frozenset(["ljust", "rjust", "center", "zfill", "expandtabs"])


def _digits(value: Any) -> float:
    """How many digits a number has before its point (log10 takes ints of any size, which a
    float would overflow); 0 for anything else."""
    if isinstance(value, bool) or not isinstance(value, (int, float, Decimal)):
        return 0.0
    size: Any = abs(value)
    return float(math.log10(size)) if size > 1 else 0.0


class ReportEnvironment(SandboxedEnvironment):
    """Sandboxed: templates see the data they are given and nothing of Python or the machine."""

    intercepted_binops = frozenset(["*", "**", "+", "%"])
    code_generator_class = BudgetedCodeGenerator

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self.budget = Budget()
        del self.globals["lipsum"]  # random text, and as much of it as asked for
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

    def compile(  # type: ignore[override]
            self, source: Any, name: str | None = None, filename: str | None = None,
            raw: bool = False, defer_init: bool = False) -> Any:
        """Jinja's compile, through the cache: a template's code depends only on its text, its
        name and the environment's settings (and on Jinja, Python and this module)."""
        if raw or not isinstance(source, str):
            return super().compile(source, name, filename, raw, defer_init)  # type: ignore[call-overload]
        settings = repr((name, filename, defer_init, self.autoescape, self.trim_blocks,
                         self.lstrip_blocks, self.keep_trailing_newline,
                         self.finalize is not None, sorted(self.intercepted_binops),
                         jinja2.__version__, sys.version))
        entry = cache.key("template", cache.code_of(__file__), cache.code_of(budget.__file__),
                          cache.code_of(literal.__file__), settings, source)
        stored = cache.load("templates", entry)
        if stored is not None:
            try:
                return marshal.loads(stored)
            except (EOFError, ValueError, TypeError):
                pass
        code = super().compile(source, name, filename, raw, defer_init)
        cache.store("templates", entry, marshal.dumps(code))
        return code

    def _parse(self, source: str, name: str | None, filename: str | None) -> Any:
        parser = Parser(self, source, name, filename)
        try:
            tree = parser.parse()
        except RecursionError:
            raise jinja2.TemplateSyntaxError(_("the template nests too deeply here"),
                                             parser.stream.current.lineno, name,
                                             filename) from None
        check_nesting(tree, name, filename)
        return tree

    def budget_rounds(self, iterable: Any) -> Any:
        """A loop's items, each round a step of the budget (compiled into every loop)."""
        return self.budget.rounds(iterable)

    def wrap_str_format(self, value: Any) -> None:
        """No ``'…'.format``: its widths would be made before any check (``is_safe_attribute``
        refuses it; the format filter is sized)."""
        return None

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        if isinstance(obj, (str, bytes, list)) and attr in UNSAFE_METHODS:
            return False
        return super().is_safe_attribute(obj, attr, value)

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        self.budget.binop(operator, left, right)
        if operator == "**" and isinstance(right, (int, float, Decimal)):
            if not -MAX_POWER <= right <= MAX_POWER:
                raise jinja2.exceptions.SecurityError(_("the power {right} is too large")
                                                        .format(right=right))
            if float(right) * _digits(left) > MAX_DIGITS:
                raise jinja2.exceptions.SecurityError(_("the power would be too large a number"))
        if operator == "*":
            sizes = [len(x) for x in (left, right) if isinstance(x, (str, list, tuple))]
            counts = [x for x in (left, right) if isinstance(x, int)]
            if sizes and counts and sizes[0] * abs(counts[0]) > MAX_REPEAT:
                raise jinja2.exceptions.SecurityError(
                    _("a repeated text or list would be too long"))
        return super().call_binop(context, operator, left, right)

    def call(__self, __context: Any, __obj: Any, *args: Any,  # noqa: N805 (Jinja's signature)
             **kwargs: Any) -> Any:
        if isinstance(getattr(__obj, "__self__", None), str) \
                and getattr(__obj, "__name__", "") in _WIDENING \
                and any(isinstance(a, int) and a > MAX_REPEAT for a in (*args, *kwargs.values())):
            raise jinja2.exceptions.SecurityError(_("a padded text would be too long"))
        __self.budget.step()
        result = super().call(__context, __obj, *args, **kwargs)
        __self.budget.make(size(result))
        return result

    def _view(self, obj: Any, key: Any) -> tuple[str, Any]:
        found, value = look_up(obj, key)
        if found == MISSING:
            return found, self.undefined(hint=value, obj=obj, name=key)
        return found, value

    def getattr(self, obj: Any, attribute: str) -> Any:
        found, value = self._view(obj, attribute)
        return value if found != OTHER else super().getattr(obj, attribute)

    def getitem(self, obj: Any, argument: Any) -> Any:
        found, value = self._view(obj, argument)
        return value if found != OTHER else super().getitem(obj, argument)


def make_env(gaps: list[Gap] | None = None,
             escape: Callable[[str], str] | None = None) -> ReportEnvironment:
    """The environment for every template; gaps printed through it are collected in ``gaps``.

    ``escape`` turns printed text into markup (the Word template's XML): the environment then
    autoescapes, and values that are markup already (``__html__``) pass as they are.
    """
    collected: list[Gap] = gaps if gaps is not None else []

    def final(value: Any) -> Any:
        value = finalize(value, collected)
        env.budget.make(extent(value))
        if escape is None:
            return protect(str(value))
        if isinstance(value, str) and not hasattr(value, "__html__"):
            return Markup(escape(value))
        return value

    env = ReportEnvironment(
        undefined=jinja2.StrictUndefined,
        autoescape=escape is not None,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        finalize=final,
    )
    install_filters(env.filters, env.tests)
    env.filters.update({name: budgeted(name, func, env.budget)
                        for name, func in env.filters.items()})
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
        what = _("template syntax error: {message}").format(message=exc.message)
    elif isinstance(exc, jinja2.exceptions.SecurityError):
        what = _("not allowed in a template: {exc}").format(exc=exc)
    elif isinstance(exc, jinja2.UndefinedError):
        what = f"undefined: {exc.message}"
    elif isinstance(exc, FilterError):
        what = str(exc)
    else:
        what = f"{type(exc).__name__}: {exc}"
    context = ""
    if source and line and 0 < line <= len(source.split("\n")):
        context = "  | " + source.split("\n")[line - 1].strip()[:120]
    return ReportgenError(what, place, context)


def render_text(env: ReportEnvironment, source: str, where: str, context: dict[str, Any],
                markup: bool = False) -> str:
    """Render a text template; ``where`` (file path as shown to the user) names it in errors.
    With ``markup``, the text is for the narrative's markup to read, its values kept from it
    (``literal``; ``narrative.parse_blocks`` restores them)."""
    try:
        text = env.text_template(source, where).render(context)
        return text if markup else restore(text)
    except (jinja2.TemplateError, ArithmeticError, TypeError, ValueError, KeyError,
            AttributeError, IndexError, RecursionError) as exc:
        raise template_error(exc, where, source) from None
