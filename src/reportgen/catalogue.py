"""The catalogue of messages, for the people who keep it: what the code marks, extracted with
babel, and the Chinese catalogue brought up to date with it.

``python -m reportgen.catalogue`` refreshes ``locale/zh_CN/LC_MESSAGES/reportgen.po``: new
messages come in untranslated (or fuzzy, with the translation of a message like them), messages
the code no longer has go; then translate the empty and fuzzy entries; and it compiles the
``reportgen.mo`` beside it, which a source tree reads as an installed reportgen reads the one
its package build compiled. ``--check`` only says whether both are up to date (exit 1 when
not). Never imported by a command: reportgen
reads the compiled catalogue (reportgen.i18n).

The messages: every ``_("…")``, ``N_("…")`` and ``ngettext("…", "…", n)`` of the package; the
help of each command, its docstring (as click shows it); and click's own texts (Usage:,
Options:, Error: …), which reportgen.i18n makes click take from this catalogue.
"""

from __future__ import annotations

import ast
import io
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from reportgen.i18n import CATALOGUE, DOMAIN, cleandoc, compile_catalogue

PACKAGE = Path(__file__).resolve().parent
#: The marks reportgen's code uses, as babel's keywords (the arguments that are messages).
KEYWORDS: dict[str, Any] = {"_": None, "N_": None, "ngettext": (1, 2)}
#: click's marks (``from gettext import gettext as _``, ``ngettext``).
CLICK_KEYWORDS: dict[str, Any] = {"_": None, "ngettext": (1, 2)}
LOCALE = "zh_CN"
HEADER = ("# The Chinese of reportgen's messages (and of click's, which it shows).\n"
          "# Refreshed from the code with: python -m reportgen.catalogue\n"
          "# click's texts as of {click}")


def click_version() -> str:
    """The installed click, as the catalogue's header names the one its texts come from."""
    from importlib.metadata import version

    return f"click {version('click')}"


def from_click_only(message: Any) -> bool:
    """A message of click's that reportgen's code does not use itself."""
    return all(where.startswith("click/") for where, _line in message.locations)


def _docstrings(path: Path) -> Iterator[tuple[int, str]]:
    """(line, help) of each function of ``path`` made a click command (``@….command(…)`` or
    ``@….group(…)``) whose help is its docstring."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.FunctionDef):
            continue
        for decorator in node.decorator_list:
            call = decorator if isinstance(decorator, ast.Call) else None
            func = call.func if call else decorator
            named = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            given = {k.arg for k in call.keywords} if call else set()
            if named in ("command", "group") and "help" not in given:
                doc = ast.get_docstring(node, clean=False)
                if doc:
                    yield node.lineno, cleandoc(doc)
                break


def extracted() -> Any:
    """The template: every message of the code and of click, as a babel Catalog."""
    import click
    from babel.messages.catalog import Catalog
    from babel.messages.extract import extract_from_dir

    template = Catalog(domain=DOMAIN, project="reportgen", fuzzy=False)
    for path in sorted(PACKAGE.rglob("*.py")):
        where = path.relative_to(PACKAGE.parent).as_posix()
        for line, text in _docstrings(path):
            template.add(text, locations=[(where, line)])
    for root, keywords, name in ((PACKAGE, KEYWORDS, "reportgen"),
                                 (Path(click.__file__).parent, CLICK_KEYWORDS, "click")):
        found = extract_from_dir(str(root), method_map=[("**.py", "python")],
                                 keywords=keywords, comment_tags=(), strip_comment_tags=True)
        for filename, line, message, _comments, _context in found:
            template.add(message, locations=[(f"{name}/{filename}", line)])
    return template


def updated(po: bytes) -> Any:
    """The catalogue ``po`` brought up to date with the code (babel's update: new messages
    added, messages like an old one fuzzy with its translation, gone ones dropped)."""
    from babel.messages.catalog import Catalog
    from babel.messages.pofile import read_po

    catalog = read_po(io.BytesIO(po), locale=LOCALE) if po else Catalog(locale=LOCALE,
                                                                        domain=DOMAIN)
    created = catalog.creation_date
    catalog.update(extracted())
    catalog.obsolete.clear()
    catalog.fuzzy = False
    catalog.header_comment = HEADER.format(click=click_version())
    catalog.creation_date = catalog.revision_date = created  # no churn from refreshing
    catalog.project, catalog.version = "reportgen", ""
    catalog.language_team = catalog.last_translator = "reportgen"
    catalog.msgid_bugs_address = ""
    return catalog


def written(catalog: Any) -> bytes:
    from babel.messages.pofile import write_po

    out = io.BytesIO()
    write_po(out, catalog, width=100, include_lineno=False, sort_output=False,
             ignore_obsolete=True)
    # the same catalogue whichever babel refreshes it
    return re.sub(rb'"Generated-By: [^"]*"\n', b"", out.getvalue())


def compiled_is_current() -> bool:
    """Whether the reportgen.mo beside the .po is the .po compiled."""
    compiled = CATALOGUE.with_suffix(".mo")
    return compiled.exists() and compiled.read_bytes() == compile_catalogue(CATALOGUE.read_bytes())


def main(argv: list[str]) -> int:
    current = CATALOGUE.read_bytes() if CATALOGUE.exists() else b""
    fresh = written(updated(current))
    compiled = CATALOGUE.with_suffix(".mo")
    if "--check" in argv:
        same = fresh == current and compiled_is_current()
        print("the catalogue is up to date" if same else
              f"{CATALOGUE} is out of date: run python -m reportgen.catalogue")
        return 0 if same else 1
    CATALOGUE.parent.mkdir(parents=True, exist_ok=True)
    CATALOGUE.write_bytes(fresh)
    compiled.write_bytes(compile_catalogue(fresh))
    catalog = updated(fresh)
    todo = [m for m in catalog if m.id and (m.fuzzy or not m.string or
                                           (isinstance(m.string, tuple) and not all(m.string)))]
    print(f"{CATALOGUE}: {len([m for m in catalog if m.id])} messages, {len(todo)} to translate")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
