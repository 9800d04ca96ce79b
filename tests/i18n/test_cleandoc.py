"""i18n.cleandoc gives inspect.cleandoc's result: the catalogue's msgids of command help and
what click shows must be the same text."""

from __future__ import annotations

import inspect

from hypothesis import given
from hypothesis import strategies as st

from reportgen import cli
from reportgen.i18n import cleandoc

_LINES = st.lists(st.text(alphabet=" \t\bab专栏·\u3000", max_size=12), max_size=8)


@given(_LINES)
def test_as_inspect_cleans_a_docstring(lines: list[str]) -> None:
    text = "\n".join(lines)
    assert cleandoc(text) == inspect.cleandoc(text)


def test_every_commands_help_is_cleaned_as_inspect_cleans_it() -> None:
    helps = [command.callback.__doc__ for command in [cli.main, *cli.main.commands.values()]
             if command.callback is not None and command.callback.__doc__]
    assert len(helps) >= 8
    for text in helps:
        assert cleandoc(text) == inspect.cleandoc(text)
