"""The sandbox's budget: how much work the templates of one environment may do - steps (loop
rounds and calls), size (characters and items they make) and nesting - each checked before the
work is done, so that no template, and no value it is given, can hang a build or exhaust its
memory.

Steps are counted where the compiled code loops and calls (``BudgetedCodeGenerator``); size where
anything is made: each printed value and text, ``~``, the operators (``Budget.binop``), every
filter (``budgeted``: the ones whose result can outgrow their input are sized from their
arguments, before they run) and every call; the methods whose result can outgrow their input
(``'x'.center(10**9)``) are not templates' to call, their filters are. Nesting is checked when
a template is parsed (``check_nesting``), since Python cannot compile code nested too deeply.
The limits are far above what a report uses and far below what a machine holds.
"""

from __future__ import annotations

import functools
import inspect
import itertools
import math
import re
from collections.abc import Callable, Iterable, Iterator
from decimal import Decimal
from typing import Any

from jinja2 import nodes
from jinja2.compiler import CodeGenerator, Frame
from jinja2.exceptions import SecurityError, TemplateSyntaxError

from reportgen.i18n import _

#: Steps (loop rounds and calls) the templates of one environment may take in all.
MAX_STEPS = 500_000
#: Characters and items they may make in all.
MAX_SIZE = 30_000_000
#: How deeply a template may nest its blocks ({% for %} in {% if %} …), and any expression.
MAX_BLOCKS = 16
MAX_DEPTH = 50
#: The largest whole number arithmetic may make, in bits (about 1,200 digits).
MAX_INT_BITS = 4096
#: Methods of text and lists whose result can outgrow their input; the filters of the same
#: name (center, replace, join, format …) are sized before they run.
UNSAFE_METHODS = frozenset({"center", "ljust", "rjust", "zfill", "expandtabs", "replace", "join",
                            "format", "format_map", "translate", "maketrans", "extend"})
_CONTAINERS = (list, tuple, dict, set, frozenset)
_SPEC = re.compile(r"%(?:\([^)]*\))?[-+ #0]*(\*|\d+)?(?:\.(\*|\d+))?")


class Exhausted(SecurityError):
    """A template would do more work than the budget allows."""


def extent(value: Any) -> int:
    """About how many characters ``value`` prints as: the length of a text, and for a list or
    a mapping the sum of its parts (a part counted wherever it occurs, as printing repeats it;
    each distinct part measured once, so that this takes as long as the value is large in
    memory, not as it prints)."""
    if isinstance(value, (str, bytes)):
        return len(value)
    if not isinstance(value, _CONTAINERS):
        return 1
    done: dict[int, int] = {}
    open_: set[int] = {id(value)}  # being measured: a part holding itself prints [...]
    stack: list[tuple[Any, Iterator[Any], list[int]]] = [(value, _parts(value), [2])]
    while stack:
        node, parts, total = stack[-1]
        for part in parts:
            if isinstance(part, (str, bytes)):
                total[0] += len(part)
            elif not isinstance(part, _CONTAINERS):
                total[0] += 1
            elif id(part) in done:
                total[0] += done[id(part)]
            elif id(part) in open_:
                total[0] += 5
            else:
                open_.add(id(part))
                stack.append((part, _parts(part), [2]))
                break
        else:
            stack.pop()
            open_.discard(id(node))
            done[id(node)] = total[0]
            if stack:
                stack[-1][2][0] += total[0]
    return done[id(value)]


def _parts(node: Any) -> Iterator[Any]:
    return itertools.chain.from_iterable(node.items()) if isinstance(node, dict) else iter(node)


def size(value: Any) -> int:
    """What making ``value`` cost: its length, for a text or a collection; 0 for the others."""
    try:
        return len(value) if isinstance(value, (str, bytes, *_CONTAINERS)) else 0
    except TypeError:
        return 0


class Budget:
    """The work done so far by the templates of one environment, against the limits."""

    def __init__(self) -> None:
        self.steps = 0
        self.made = 0

    def step(self) -> None:
        self.steps += 1
        if self.steps > MAX_STEPS:
            raise Exhausted(_("the templates take more than {most:,} steps (loop rounds "
                              "and calls); a loop runs too long or loops are nested too deeply")
                              .format(most=MAX_STEPS))

    def make(self, amount: int) -> None:
        if self.made + amount > MAX_SIZE:
            raise Exhausted(_("the templates would make more than {most:,} characters; a "
                              "loop or a filter repeats text too often").format(most=MAX_SIZE))
        self.made += amount

    def rounds(self, iterable: Iterable[Any]) -> Iterator[Any]:
        """The items of a loop, a step each."""
        for item in iterable:
            self.step()
            yield item

    def concat(self, join: Callable[[Any], str], parts: tuple[Any, ...]) -> str:
        """``a ~ b``: sized before it is joined."""
        self.make(sum(extent(part) for part in parts))
        return join(parts)

    def binop(self, operator: str, left: Any, right: Any) -> None:
        """Check an operation before it is done, and count what it makes."""
        if operator == "%" and isinstance(left, str):
            self.make(formatted(left, right))
        elif operator == "*" and _whole(left) and _whole(right):
            if left.bit_length() + right.bit_length() > MAX_INT_BITS:
                raise SecurityError(_("the number would have more than {most} bits")
                                      .format(most=MAX_INT_BITS))
        elif operator == "**" and _whole(left) and _whole(right) and right > 0 \
                and abs(left) > 1 and left.bit_length() * right > MAX_INT_BITS:
            raise SecurityError(_("the number would have more than {most} bits")
                                  .format(most=MAX_INT_BITS))
        elif operator == "+":
            self.make(size(left) + size(right))
        elif operator == "*":
            counts = [x for x in (left, right) if _whole(x)]
            self.make(max(size(left), size(right)) * abs(counts[0]) if counts else 0)


def _whole(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def formatted(text: str, arguments: Any) -> int:
    """About the length of ``text % arguments`` (``%`` and the format filter), before it is
    made: a width or precision counts its characters; one given by an argument (``*``) is
    refused."""
    total = len(text)
    for match in _SPEC.finditer(text):
        if "*" in match.groups():
            raise SecurityError(_("a width given by an argument (%*d) is not allowed"))
        total += sum(int(g) for g in match.groups() if g)
    values = arguments.values() if isinstance(arguments, dict) else \
        arguments if isinstance(arguments, tuple) else (arguments,)
    return total + sum(extent(v) for v in values)


# --- filters --------------------------------------------------------------------------------

def _lines(text: Any) -> int:
    return str(text).count("\n") + 1


def _number(value: Any) -> int:
    if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
        return max(int(value), 0)
    return 0


def _sum(arguments: dict[str, Any]) -> int:
    start = arguments.get("start", 0)
    if not isinstance(start, (int, float, Decimal)) or isinstance(start, bool):
        raise SecurityError(_("sum adds numbers; to put lists together, loop over them"))
    return 0


def _join(arguments: dict[str, Any]) -> int:
    items = arguments["value"]
    if not isinstance(items, (list, tuple)):  # a list stays itself (it may carry a gap)
        items = arguments["value"] = list(items)
    glue = arguments.get("d", "")
    return sum(extent(item) for item in items) + len(str(glue)) * max(len(items) - 1, 0)


def _replace(arguments: dict[str, Any]) -> int:
    text, old, new = str(arguments["s"]), str(arguments["old"]), str(arguments["new"])
    count = text.count(old) if old else len(text) + 1
    limit = arguments.get("count")
    if isinstance(limit, int) and limit >= 0:
        count = min(count, limit)
    return len(text) + count * len(new)


def _wordwrap(arguments: dict[str, Any]) -> int:
    text = str(arguments["s"])
    width = _number(arguments.get("width", 79)) or 1
    glue = arguments.get("wrapstring") or "\n"
    return len(text) + (len(text) // width + _lines(text)) * len(str(glue))


def _indent(arguments: dict[str, Any]) -> int:
    width = arguments.get("width", 4)
    step = len(width) if isinstance(width, str) else _number(width)
    return extent(arguments["s"]) + _lines(arguments["s"]) * step


#: The filters whose result can outgrow their input: its size from their arguments (by name).
SIZED: dict[str, Callable[[dict[str, Any]], int]] = {
    "center": lambda a: extent(a["value"]) + _number(a.get("width", 80)),
    "indent": _indent,
    "wordwrap": _wordwrap,
    "replace": _replace,
    "join": _join,
    "format": lambda a: formatted(str(a["value"]), a.get("kwargs") or a.get("args", ())),
    "batch": lambda a: (_number(a.get("linecount")) if a.get("fill_with") is not None else 0),
    "slice": lambda a: _number(a.get("slices")) + size(a["value"]),
    "sum": _sum,
    "tojson": lambda a: extent(a["value"]) * (6 + 8 * _number(a.get("indent"))),
    "urlize": lambda a: extent(a["value"]) * (12 + len(str(a.get("target") or ""))
                                              + len(str(a.get("rel") or ""))),
}
#: Filters that print their input, by how many characters they may make of each it prints.
PRINTING = {"string": 1, "safe": 1, "e": 6, "escape": 6, "forceescape": 6,
            "pprint": 2, "urlencode": 9, "xmlattr": 6, "upper": 3, "lower": 3,
            "title": 3, "capitalize": 3, "trim": 1, "striptags": 1, "truncate": 1,
            "wordcount": 1, "list": 1}


_PASSED = ("eval_ctx", "context", "environment", "env")


def budgeted(name: str, func: Callable[..., Any], budget: Budget) -> Callable[..., Any]:
    """``func`` (the filter ``name``) charging ``budget``: sized before it runs where its result
    can outgrow its input, by its result otherwise."""
    sized = SIZED.get(name)
    factor = PRINTING.get(name)
    at = 1 if getattr(func, "jinja_pass_arg", None) is not None else 0
    signature = inspect.signature(func) if sized else None
    # Jinja's async-ready filters take the context they are passed without naming it.
    unnamed = at if signature and next(iter(signature.parameters), "") not in _PASSED else 0

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        if sized is not None and signature is not None:
            bound = signature.bind(*args[unnamed:], **kwargs)
            arguments = {**bound.arguments}
            budget.make(sized(arguments))
            bound.arguments.update(arguments)
            return func(*args[:unnamed], *bound.args, **bound.kwargs)
        if factor is not None:
            budget.make(extent(args[at]) * factor if len(args) > at else 0)
            return func(*args, **kwargs)
        result = func(*args, **kwargs)
        budget.make(size(result))
        return result

    return wrapper


# --- nesting and steps in compiled code -----------------------------------------------------

#: Statements that hold a body of statements.
_BLOCKS = (nodes.For, nodes.If, nodes.Macro, nodes.CallBlock, nodes.FilterBlock, nodes.With,
           nodes.AssignBlock, nodes.Block, nodes.Scope, nodes.ScopedEvalContextModifier)


def check_nesting(tree: nodes.Node, name: str | None, filename: str | None) -> None:
    """Refuse a template whose blocks or expressions nest more deeply than ``MAX_BLOCKS`` and
    ``MAX_DEPTH`` (Python cannot compile such code), naming the line where they do."""
    stack: list[tuple[nodes.Node, int, int]] = [(tree, 0, 0)]
    while stack:
        node, blocks, depth = stack.pop()
        if isinstance(node, _BLOCKS):
            blocks += 1
            if blocks > MAX_BLOCKS:
                raise TemplateSyntaxError(_("blocks nest more than {most} deep here")
                                            .format(most=MAX_BLOCKS),
                                          node.lineno, name, filename)
        if depth > MAX_DEPTH:
            raise TemplateSyntaxError(_("the expression nests more than {most} deep here")
                                        .format(most=MAX_DEPTH),
                                      node.lineno, name, filename)
        stack.extend((child, blocks, depth + 1) for child in node.iter_child_nodes())


def _source(value: Any) -> str:
    """Python source that makes ``value``, a constant of a template."""
    if isinstance(value, float):
        return str(value) if math.isfinite(value) else f"float({str(value)!r})"
    if isinstance(value, tuple):
        return "(" + "".join(f"{_source(item)}, " for item in value) + ")"
    if isinstance(value, list):
        return "[" + ", ".join(_source(item) for item in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_source(k)}: {_source(v)}" for k, v in value.items()) + "}"
    return repr(value)


class BudgetedCodeGenerator(CodeGenerator):
    """Jinja's code generator, with a step counted for each round of a loop, and what a ``~``
    and printed text make counted before it is made."""

    def visit_Const(self, node: nodes.Const, frame: Frame) -> None:
        """A constant as Python source: Jinja writes a folded float inf or nan as ``inf``, a
        name that does not exist when the template runs."""
        self.write(_source(node.as_const(frame.eval_ctx)))

    def visit_For(self, node: nodes.For, frame: Frame) -> None:
        node.iter = nodes.Call(nodes.EnvironmentAttribute("budget_rounds"), [node.iter], [],
                               None, None, lineno=node.lineno)
        super().visit_For(node, frame)

    def visit_Concat(self, node: nodes.Concat, frame: Frame) -> None:
        if frame.eval_ctx.volatile:
            join = "(markup_join if context.eval_ctx.volatile else str_join)"
        else:
            join = "markup_join" if frame.eval_ctx.autoescape else "str_join"
        self.write(f"environment.budget.concat({join}, (")
        for part in node.nodes:
            self.visit(part, frame)
            self.write(", ")
        self.write("))")

    def visit_Output(self, node: nodes.Output, frame: Frame) -> None:
        text = sum(len(child.data) for child in node.nodes
                   if isinstance(child, nodes.TemplateData))
        if text:
            self.writeline(f"environment.budget.make({text})")
        super().visit_Output(node, frame)
