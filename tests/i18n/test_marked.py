"""Every text reportgen shows is marked for translation: a string literal or f-string written
straight into a message - a problem, an error and its hint, a line a command prints, a help
text - fails here until it is ``_("…")``, ``ngettext(…)`` or ``N_("…")``."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

SOURCE = Path(__file__).resolve().parents[2] / "src" / "reportgen"
#: Calls whose argument at this place is a message: (name, positions, keywords).
MESSAGES: dict[str, tuple[tuple[int, ...], tuple[str, ...]]] = {
    "error": ((1,), ()), "warning": ((1,), ()), "note": ((1,), ()), "report": ((1,), ()),
    "Problem": ((1,), ()), "ReportgenError": ((0, 2), ("hint",)),
    "UsageError": ((0, 2), ("hint",)),
    "ClickException": ((0,), ()), "BadParameter": ((0,), ()), "echo": ((0,), ()),
    "secho": ((0,), ()), "out": ((0,), ()), "err": ((0,), ()), "notify": ((0,), ()),
    "step": ((0,), ()), "each": ((1,), ()), "Todo": ((1,), ()), "Unsupported": ((0,), ()),
    "FilterError": ((0,), ()), "Exhausted": ((0,), ()), "SecurityError": ((0,), ()),
    "TemplateSyntaxError": ((0,), ()), "Absent": ((1,), ()), "option": ((), ("help",)), "argument": ((), ("help",)),
    "command": ((), ("help", "short_help")), "group": ((), ("help", "short_help")),
}
#: Words in a message: two letters or more outside the {placeholders}.
WORDS = re.compile(r"[A-Za-z]{2,}")
MARKS = ("_", "N_", "ngettext")


def _called(node: ast.Call) -> str | None:
    func = node.func
    return func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)


def _texts(node: ast.AST) -> list[ast.AST]:
    """The literals a message expression is made of, through +, if-else and parentheses;
    a marked call ends the search."""
    if isinstance(node, ast.Call) and _called(node) in MARKS:
        return []
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node]
    if isinstance(node, ast.JoinedStr):
        return [node]
    if isinstance(node, ast.BinOp):
        return _texts(node.left) + _texts(node.right)
    if isinstance(node, ast.IfExp):
        return _texts(node.body) + _texts(node.orelse)
    return []


def _words(node: ast.AST) -> bool:
    if isinstance(node, ast.Constant):
        return bool(WORDS.search(node.value))
    assert isinstance(node, ast.JoinedStr)
    return any(isinstance(v, ast.Constant) and WORDS.search(v.value) for v in node.values)


def unmarked(tree: ast.AST) -> list[tuple[int, str]]:
    """(line, text) of each unmarked message in a module's tree."""
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or _called(node) not in MESSAGES:
            continue
        positions, keywords = MESSAGES[_called(node) or ""]
        arguments = [node.args[i] for i in positions if i < len(node.args)]
        arguments += [k.value for k in node.keywords if k.arg in (*keywords, "hint", "help")]
        found += [(text.lineno, ast.unparse(text)[:80]) for argument in arguments
                  for text in _texts(argument) if _words(text)]
    for node in ast.walk(tree):  # the values a translated message is filled with
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                and node.func.attr == "format" and isinstance(node.func.value, ast.Call)
                and _called(node.func.value) in MARKS):
            found += [(text.lineno, ast.unparse(text)[:80]) for keyword in node.keywords
                      for text in _texts(keyword.value) if _words(text)]
    return found


def test_every_message_is_marked() -> None:
    found = [f"{path.relative_to(SOURCE.parent)}:{line}: {text}"
             for path in sorted(SOURCE.rglob("*.py"))
             for line, text in unmarked(ast.parse(path.read_text(encoding="utf-8")))]
    assert not found, "unmarked messages (write them as _(\"…\").format(…)):\n" + "\n".join(found)


@pytest.mark.parametrize("source, count", [
    ('problems.error(ref, f"{x} is missing")', 1),
    ('problems.error(ref, _("{x} is missing").format(x=x))', 0),
    ('raise ReportgenError("bad", ref, "Open it again.")', 2),
    ('raise ReportgenError(_("bad"), ref, hint=_("Open it again."))', 0),
    ('click.option("--x", help="Also x.")', 1),
    ('click.option("--x", help=N_("Also x."))', 0),
    ('console.out(f"  {line}")', 0),  # no words: nothing to translate
    ('console.err("done " + _("in"))', 1),
    ('console.out(f"{a}: 待填")', 0),  # the data's own vocabulary
    ('notify(f"wrote {path}" if new else _("kept"))', 1),
    ('_("list {what}").format(what=f"the {year} projects")', 1),
    ('_("list {what}").format(what=_("the {year} projects").format(year=year))', 0),
])
def test_the_finder_finds_what_is_unmarked(source: str, count: int) -> None:
    assert len(unmarked(ast.parse(source))) == count


def _modules() -> list[tuple[Path, ast.AST]]:
    return [(path, ast.parse(path.read_text(encoding="utf-8")))
            for path in sorted(SOURCE.rglob("*.py"))]


def test_no_message_is_an_f_string() -> None:
    """``_(f"…{x}…")`` would look up the text with the value in it, found in no catalogue:
    the values go in by ``.format`` after the translation (and a text is translated once)."""
    found = [f"{path.name}:{node.lineno}" for path, tree in _modules() for node in ast.walk(tree)
             if isinstance(node, ast.Call) and _called(node) in MARKS
             and any(isinstance(a, ast.JoinedStr)
                     or isinstance(a, ast.Call) and _called(a) in MARKS for a in node.args)]
    assert not found


def test_no_function_hides_the_translation() -> None:
    """A function of a module that translates must not bind ``_`` (``_, x = …``, ``for _ in``):
    its ``_("…")`` would call that value instead."""
    scopes = (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ListComp, ast.SetComp,
              ast.DictComp, ast.GeneratorExp, ast.ClassDef)
    found = []
    for path, tree in _modules():
        if not any(isinstance(n, ast.Call) and _called(n) == "_" for n in ast.walk(tree)):
            continue
        for function in [tree, *(n for n in ast.walk(tree)
                                 if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef)))]:
            stack = list(ast.iter_child_nodes(function))
            while stack:
                node = stack.pop()
                if isinstance(node, scopes):
                    continue
                if (isinstance(node, ast.Name) and node.id == "_"
                        and isinstance(node.ctx, ast.Store)):
                    found.append(f"{path.name}:{node.lineno}")
                stack.extend(ast.iter_child_nodes(node))
    assert not found


def test_no_message_is_written_inside_an_f_string() -> None:
    """babel does not read inside f-strings: ``f"<h1>{_('Changes')}</h1>"`` would never reach
    the catalogue. A marked literal goes in a variable first (a marked constant may be
    translated there: ``f"{_(WHY)}"``)."""
    found = [f"{path.name}:{call.lineno}" for path, tree in _modules() for node in ast.walk(tree)
             if isinstance(node, ast.JoinedStr) for call in ast.walk(node)
             if isinstance(call, ast.Call) and _called(call) in MARKS
             and any(isinstance(a, ast.Constant) for a in call.args)]
    assert not found
