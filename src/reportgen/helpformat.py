"""The help click prints, wrapped by the columns a terminal gives each character: a Chinese
character takes two, where click counts one, so that Chinese help ran past the edge of the
terminal. A line breaks between any two Chinese characters or at a space, never before a
closing mark (，。；：、）」》…) nor after an opening one (（「《…). Text with no wide
character is wrapped by click as before."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

import click

#: Marks that may not open a line, and marks that may not close one.
_NO_START = set("，。；：、！？）」』》】〕”’…%％")
_NO_END = set("（「『《【〔“‘")
_WIDE = (r"\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60"
         r"\uffe0-\uffe6")


@cache
def _pieces() -> re.Pattern[str]:
    """What a line is made of: a run of spaces, a wide character, or a run of anything else
    (compiled when help is shown, not at every start)."""
    return re.compile(rf"\s+|[{_WIDE}]|[^\s{_WIDE}]+")


def columns(text: str) -> int:
    """The columns ``text`` takes on a terminal (East Asian wide and full-width: two)."""
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(c) in ("W", "F") else 1 for c in text)


def _is_wide(text: str) -> bool:
    return columns(text) > len(text)


def wrap_line(text: str, width: int) -> list[str]:
    """One paragraph's text (its lines run together) as lines of at most ``width`` columns,
    where the text allows (a word wider than the line stays whole)."""
    lines: list[str] = []
    line: list[str] = []
    for piece in _pieces().findall(" ".join(text.split())):
        if piece.isspace():
            if line:
                line.append(" ")
            continue
        if line and sum(map(columns, line)) + columns(piece) > width:
            kept = list(line)
            carried = _carried(line, piece)
            if line:
                lines.append("".join(line).rstrip())
                line = carried
            else:  # no place to break: the line goes on over
                line = kept
        line.append(piece)
    if line:
        lines.append("".join(line).rstrip())
    return lines


def _carried(line: list[str], piece: str) -> list[str]:
    """What goes down to the next line with ``piece``, taken off the end of ``line``: the
    character a closing mark follows (and the marks between), an opening mark with what it
    opens; the spaces at the break dropped. ``line`` left empty means the break cannot be."""
    carried: list[str] = []
    if piece[0] in _NO_START:
        while len(line) > 1 and line[-1][0] in _NO_START:
            carried.insert(0, line.pop())
        carried.insert(0, line.pop())
    while line and (line[-1] == " " or line[-1][-1] in _NO_END):
        carried.insert(0, line.pop())
    while carried and carried[0] == " ":
        carried.pop(0)
    return carried


def wrap(text: str, width: int, indent: str = "", subsequent: str | None = None) -> str:
    """click's wrap_text for text with wide characters: paragraphs kept (a blank line between
    them; one led by click's \\b marker stays as written), each wrapped within ``width``."""
    subsequent = indent if subsequent is None else subsequent
    out = []
    for paragraph in re.split(r"\n\s*\n", text.strip("\n")):
        if paragraph.lstrip().startswith("\b"):
            out.append("\n".join(indent + line for line in paragraph.splitlines()[1:]))
            continue
        room = max(width - max(columns(indent), columns(subsequent)), 10)
        lines = wrap_line(paragraph, room)
        out.append("\n".join((indent if i == 0 else subsequent) + line
                             for i, line in enumerate(lines)))
    return "\n\n".join(out)


class WideHelpFormatter(click.HelpFormatter):
    """click's formatter, wrapping text with wide characters by the columns they take."""

    def write_text(self, text: str) -> None:
        if not _is_wide(text):
            super().write_text(text)
            return
        indent = " " * self.current_indent
        self.write(wrap(text, self.width, indent))
        self.write("\n")

    def write_dl(self, rows: Iterable[tuple[str, str]], col_max: int = 30,
                 col_spacing: int = 2) -> None:
        rows = list(rows)
        if not any(_is_wide(second) for _, second in rows):
            super().write_dl(rows, col_max, col_spacing)
            return
        first_col = min(max((columns(first) for first, _ in rows), default=0),
                        col_max) + col_spacing
        for first, second in rows:
            self.write(f"{'':>{self.current_indent}}{first}")
            if not second:
                self.write("\n")
                continue
            if columns(first) <= first_col - col_spacing:
                self.write(" " * (first_col - columns(first)))
            else:
                self.write("\n" + " " * (first_col + self.current_indent))
            lines = wrap(second, max(self.width - first_col - 2, 10)).splitlines() or [""]
            self.write(lines[0] + "\n")
            for line in lines[1:]:
                self.write(f"{'':>{first_col + self.current_indent}}{line}\n")


class WideContext(click.Context):
    formatter_class = WideHelpFormatter
