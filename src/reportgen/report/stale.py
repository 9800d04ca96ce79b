"""Last year's prose, repeated: a narrative paragraph that is word for word last year's and still
holds figures or years typed in it (digits outside {{ }}) states last year's facts as this
year's. check lists each one with its figures; build marks it in the document."""

from __future__ import annotations

import re
from dataclasses import dataclass

from reportgen.characters import STALE
from reportgen.i18n import _

#: Jinja expressions, statements and comments: what they print comes from the data.
_JINJA = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.S)
_FIGURE = re.compile(r"\d+(?:\.\d+)?(?:[%％]|年|月|日|万|亿)?")


@dataclass(frozen=True)
class Stale:
    """A line of the narrative that is last year's with typed figures."""

    line: int
    figures: tuple[str, ...]


def source_lines(source: str) -> list[tuple[int, str]]:
    """(line number, text) of the source's lines outside multi-line Jinja comments."""
    lines = []
    inside = False
    for number, line in enumerate(source.split("\n"), start=1):
        if inside:
            inside = "#}" not in line
            continue
        if "{#" in line and "#}" not in line.split("{#", 1)[1]:
            inside = True
            continue
        lines.append((number, line))
    return lines


def typed_figures(line: str) -> tuple[str, ...]:
    """The figures and years typed in a line of template text (not printed by {{ }}), each
    with the few characters before it that say what it is: 清理淤泥150."""
    text = _JINJA.sub("…", line)
    return tuple(text[max(0, m.start() - 4):m.end()].lstrip("…，、。；：")
                 for m in _FIGURE.finditer(text))


def stale_lines(source: str, last_year: str | None) -> list[Stale]:
    """The lines of ``source`` that are a line of ``last_year`` word for word and hold typed
    figures; none when there is no last year's narrative."""
    if not last_year:
        return []
    before = {line.strip() for _, line in source_lines(last_year) if line.strip()}
    found = []
    for number, line in source_lines(source):
        text = line.strip()
        if text in before:
            figures = typed_figures(text)
            if figures:
                found.append(Stale(number, figures))
    return found


def marked(source: str, stale: list[Stale]) -> str:
    """``source`` with each stale line marked, for its paragraph to be marked in the document."""
    lines = source.split("\n")
    for item in stale:
        lines[item.line - 1] = STALE + lines[item.line - 1]
    return "\n".join(lines)


def message(item: Stale, year: int) -> str:
    shown = " ".join(item.figures[:6]) + (" …" if len(item.figures) > 6 else "")
    return (_("last year's text word for word, with typed figures ({shown}): rewrite it for "
              "{year}, or confirm each figure by editing the paragraph")
              .format(shown=shown, year=year))
