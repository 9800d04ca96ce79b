"""The language reportgen speaks: Chinese by default, English on request - the one place that
chooses it and translates (stdlib gettext, catalogues made with babel).

The messages are written in English in the code, marked ``_("… {name} …")`` (``ngettext``
where a count decides the form, ``N_`` for a text kept in a constant and translated where it
is shown); ``locale/zh_CN/LC_MESSAGES/reportgen.po`` holds their Chinese. The language:
``REPORTGEN_LANG`` (``zh``, ``en``, ``zh_CN``, ``en_US`` …), else English where the locale is
English (``LANGUAGE``, ``LC_ALL``, ``LC_MESSAGES``, ``LANG``, the first one set), else Chinese -
a machine with no locale at all, or the C locale, speaks Chinese.

An installed reportgen reads the catalogue compiled at build time (``reportgen.mo``, beside the
.po); a source tree reads the one the catalogue's refresh compiled beside it (python -m
reportgen.catalogue; a test keeps it the .po compiled). Where there is none, the .po is
compiled with babel once and kept in the content-keyed cache (reportgen.cache), keyed on the
.po's bytes, so that a command's start-up does not import babel.

click marks its own texts (Usage:, Options:, Error: …) with the GNU global API
(``from gettext import gettext as _``), which takes the language from the environment alone;
``translate_click`` gives click's modules these functions instead, and the catalogue holds
their translations too.
"""

from __future__ import annotations

import gettext as stdlib
import io
import os
import sys
from functools import cache
from pathlib import Path

DOMAIN = "reportgen"
#: The catalogue of the one language besides English.
CATALOGUE = Path(__file__).parent / "locale" / "zh_CN" / "LC_MESSAGES" / f"{DOMAIN}.po"
LANGUAGES = ("zh", "en")
#: The locale variables, in the order gettext reads them.
LOCALE_VARIABLES = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")


def _named(value: str) -> str | None:
    """The language a value such as zh_CN.UTF-8, en-US or en names; None for another one."""
    code = value.strip().split(":")[0].replace("-", "_").split("_")[0].split(".")[0].lower()
    return code if code in LANGUAGES else None


def language() -> str:
    """``zh`` or ``en``: REPORTGEN_LANG when it names one, else ``en`` where the locale is
    English, else ``zh``."""
    chosen = _named(os.environ.get("REPORTGEN_LANG", ""))
    if chosen:
        return chosen
    for variable in LOCALE_VARIABLES:
        value = os.environ.get(variable, "").strip()
        if value:
            return "en" if _named(value) == "en" else "zh"
    return "zh"


def compile_catalogue(po: bytes) -> bytes:
    """A .po file's bytes compiled to a .mo file's (babel); fuzzy and empty entries left out."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    out = io.BytesIO()
    write_mo(out, read_po(io.BytesIO(po)))
    return out.getvalue()


def _compiled() -> bytes:
    """The compiled catalogue: the one installed beside the .po, else the .po compiled (and
    kept in the cache, keyed on its bytes)."""
    try:
        return CATALOGUE.with_suffix(".mo").read_bytes()
    except OSError:
        pass
    from reportgen import cache as kept

    source = CATALOGUE.read_bytes()
    name = kept.key("catalogue", source, kept.code_of(__file__))
    compiled = kept.load("catalogue", name)
    if compiled is None:
        compiled = compile_catalogue(source)
        kept.store("catalogue", name, compiled)
    return compiled


@cache
def translations(lang: str) -> stdlib.NullTranslations:
    """The translations into ``lang``: none for English, the source's own language."""
    if lang == "en":
        return stdlib.NullTranslations()
    try:
        return stdlib.GNUTranslations(io.BytesIO(_compiled()))
    except OSError:  # no catalogue (a broken install): English rather than nothing
        return stdlib.NullTranslations()


def _(message: str) -> str:
    """``message`` in the chosen language."""
    return translations(language()).gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The form of a message for the count ``n``, in the chosen language."""
    return translations(language()).ngettext(singular, plural, n)


def cleandoc(text: str) -> str:
    """A docstring as click shows it and the catalogue keeps it: ``inspect.cleandoc``'s
    result (the first line stripped, the others' common indent removed, blank lines at the
    ends dropped), without importing inspect, which a command's start-up pays for."""
    lines = text.expandtabs().split("\n")
    margin = min((len(line) - len(line.lstrip()) for line in lines[1:] if line.strip()),
                 default=0)
    lines = [lines[0].lstrip(), *(line[margin:] for line in lines[1:])]
    while lines and not lines[0]:
        lines.pop(0)
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines)


def N_(message: str) -> str:
    """Marks ``message`` for the catalogue without translating it: a text kept in a constant
    and translated (``_(constant)``) where it is shown."""
    return message


def translate_click() -> None:
    """Let click's texts speak reportgen's language: its loaded modules' ``_`` and
    ``ngettext`` (the stdlib's, which read the language from the environment) become these."""
    for name, module in list(sys.modules.items()):
        if name != "click" and not name.startswith("click."):
            continue
        if getattr(module, "_", None) is stdlib.gettext:
            module._ = _  # type: ignore[attr-defined]
        if getattr(module, "ngettext", None) is stdlib.ngettext:
            module.ngettext = ngettext  # type: ignore[attr-defined]
