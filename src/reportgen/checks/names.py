"""Every name a template uses, checked against the names templates see, without rendering.

The checker walks a template's syntax tree and follows each chain rooted at a context name
(``完成.工业增加值增速.绝对值``, ``统计["接待游客"]``) through the actual data, so a misspelt
name is found with its line even where the template would never reach it. Loop variables and
``set`` names are local: a loop over known rows binds its variable to the first row; whatever
the checker cannot follow (the result of most filters) is not checked further.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

import jinja2
from jinja2 import nodes

from reportgen.errors import Problems, SourceRef, did_you_mean
from reportgen.i18n import _
from reportgen.templating.environment import ReportEnvironment
from reportgen.templating.filters import OWN
from reportgen.templating.views import FOUND, MISSING, look_up


class _Unknown:
    """A value the checker cannot follow; anything may be asked of it."""


UNKNOWN = _Unknown()
_STATEMENTS_WITH_SCOPE = (nodes.Macro, nodes.CallBlock, nodes.FilterBlock, nodes.With,
                          nodes.Scope, nodes.ScopedEvalContextModifier)


class TemplateChecker:
    """Checks templates against one context; problems go to ``problems`` with their place."""

    def __init__(self, env: ReportEnvironment, context: Mapping[str, Any], problems: Problems):
        self.env = env
        self.context = context
        self.problems = problems
        self.seen: set[tuple[str, str]] = set()
        self.where: Callable[[int], SourceRef | str] = str
        self.literal: Callable[[str, int], None] | None = None

    def check(self, source: str, where: Callable[[int], SourceRef | str],
              local: Mapping[str, Any] | None = None,
              literal: Callable[[str, int], None] | None = None) -> None:
        """Check one template; ``where(line)`` places a problem, ``literal(text, line)`` sees
        its plain text."""
        self.where, self.literal = where, literal
        try:
            tree = self.env.parse(source)
        except jinja2.TemplateSyntaxError as exc:
            self.report(exc.lineno, _("template syntax error: {message}")
                                      .format(message=exc.message))
            return
        self.body(tree.body, [dict(local or {})])

    def report(self, line: int, message: str) -> None:
        ref = self.where(line)
        if (str(ref), message) not in self.seen:
            self.seen.add((str(ref), message))
            self.problems.error(ref, message)

    # --- statements -------------------------------------------------------------------------

    def body(self, statements: list[nodes.Node], scopes: list[dict[str, Any]]) -> None:
        for statement in statements:
            self.statement(statement, scopes)

    def statement(self, node: nodes.Node, scopes: list[dict[str, Any]]) -> None:
        if isinstance(node, nodes.Output):
            for child in node.nodes:
                if isinstance(child, nodes.TemplateData):
                    if self.literal:
                        self.literal(child.data, child.lineno)
                else:
                    self.expr(child, scopes)
        elif isinstance(node, nodes.For):
            rows = self.expr(node.iter, scopes)
            inner = [*scopes, {"loop": UNKNOWN}]
            first = rows[0] if isinstance(rows, list) and rows else UNKNOWN
            self.bind(node.target, first, inner[-1])
            if node.test is not None:
                self.expr(node.test, inner)
            self.body(node.body, inner)
            self.body(node.else_, scopes)
        elif isinstance(node, nodes.If):
            self.expr(node.test, scopes)
            self.body(node.body, scopes)
            for branch in node.elif_:
                self.statement(branch, scopes)
            self.body(node.else_, scopes)
        elif isinstance(node, nodes.Assign):
            self.bind(node.target, self.expr(node.node, scopes), scopes[-1])
        elif isinstance(node, nodes.AssignBlock):
            self.body(node.body, scopes)
            self.bind(node.target, UNKNOWN, scopes[-1])
        elif isinstance(node, _STATEMENTS_WITH_SCOPE):
            inner = [*scopes, {}]
            if isinstance(node, nodes.Macro):
                scopes[-1][node.name] = UNKNOWN
            for name in getattr(node, "args", []) + getattr(node, "targets", []):
                self.bind(name, UNKNOWN, inner[-1])
            for value in getattr(node, "values", []) + getattr(node, "defaults", []):
                self.expr(value, scopes)
            if isinstance(node, nodes.CallBlock):
                self.expr(node.call, scopes)
            if isinstance(node, nodes.FilterBlock):
                self.expr(node.filter, scopes)
            self.body(node.body, inner)
        else:
            for part in node.iter_child_nodes():
                if isinstance(part, nodes.Expr):
                    self.expr(part, scopes)
                else:
                    self.statement(part, scopes)

    def bind(self, target: nodes.Node, value: Any, scope: dict[str, Any]) -> None:
        if isinstance(target, nodes.Name):
            scope[target.name] = value
        elif isinstance(target, (nodes.Tuple, nodes.List)):
            for item in target.items:
                self.bind(item, UNKNOWN, scope)
        elif isinstance(target, nodes.NSRef):
            pass

    # --- expressions ------------------------------------------------------------------------

    def expr(self, node: nodes.Node, scopes: list[dict[str, Any]], quiet: bool = False) -> Any:
        """The value ``node`` stands for (a context object, or UNKNOWN), reporting unknown
        names on the way unless ``quiet`` (inside ``is defined``)."""
        if isinstance(node, nodes.Name):
            for scope in reversed(scopes):
                if node.name in scope:
                    return scope[node.name]
            if node.name in self.context:
                return self.context[node.name]
            if node.name not in self.env.globals and not quiet:
                names = [*self.context, *(n for s in scopes for n in s)]
                self.report(node.lineno, _("「{name}」 is not a name templates see")
                                           .format(name=node.name)
                            + did_you_mean(node.name, names))
            return UNKNOWN
        if isinstance(node, nodes.Const):
            return node.value
        if isinstance(node, nodes.Getattr):
            return self.follow(self.expr(node.node, scopes, quiet), node.attr, node.lineno, quiet)
        if isinstance(node, nodes.Getitem):
            base = self.expr(node.node, scopes, quiet)
            key = self.expr(node.arg, scopes, quiet)
            return self.follow(base, key, node.lineno, quiet) if isinstance(key, str) \
                else UNKNOWN
        if isinstance(node, nodes.Filter):
            return self.filtered(node, scopes, quiet)
        if isinstance(node, nodes.Test):
            guard = node.name in ("defined", "undefined")
            self.expr(node.node, scopes, quiet or guard)
            self.arguments(node, scopes, quiet)
            if node.name not in self.env.tests:
                self.report(node.lineno, _("no test 「{name}」").format(name=node.name)
                            + did_you_mean(node.name, list(self.env.tests)))
            return UNKNOWN
        for child in node.iter_child_nodes():
            self.expr(child, scopes, quiet)
        return UNKNOWN

    def arguments(self, node: nodes.Filter | nodes.Test, scopes: list[dict[str, Any]],
                  quiet: bool) -> list[Any]:
        values = [self.expr(arg, scopes, quiet) for arg in node.args]
        for pair in node.kwargs:
            self.expr(pair.value, scopes, quiet)
        for extra in (node.dyn_args, node.dyn_kwargs):
            if extra is not None:
                self.expr(extra, scopes, quiet)
        return values

    def filtered(self, node: nodes.Filter, scopes: list[dict[str, Any]], quiet: bool) -> Any:
        base = self.expr(node.node, scopes, quiet) if node.node is not None else UNKNOWN
        args = self.arguments(node, scopes, quiet)
        if node.name not in self.env.filters:
            self.report(node.lineno, _("no filter 「{name}」").format(name=node.name)
                        + did_you_mean(node.name, list(self.env.filters)))
            return UNKNOWN
        # Follow our own filters (``group`` above all) when their input is known.
        if node.name in OWN and base is not UNKNOWN and not node.kwargs and \
                UNKNOWN not in args:
            try:
                return OWN[node.name](base, *args)
            except Exception:  # a wrong call shows when rendering; here it is not followed
                return UNKNOWN
        return UNKNOWN

    def follow(self, base: Any, key: str, line: int, quiet: bool) -> Any:
        """``base.key`` as the sandbox would look it up, reporting a name that is not there."""
        found, value = look_up(base, key)
        if found == FOUND:
            return value
        if found == MISSING and not quiet:
            self.report(line, value)
        return UNKNOWN


#: docxtpl's paragraph/run/row/cell tags ({%p …%}, {{r …}}) as plain Jinja.
_DOCXTPL_TAG = re.compile(r"([{][{%])(?:p|r|tr|tc)\s")


def plain_jinja(text: str) -> str:
    return _DOCXTPL_TAG.sub(r"\1 ", text)
