"""The help click prints, wrapped by the columns a terminal gives each character: a Chinese
character takes two, where click counts one, so that Chinese help ran past the edge of the
terminal. A line breaks between any two Chinese characters or at a space, never before a
closing mark (，。；：、）」》…) nor after an opening one (（「《…). Text with no wide
character is wrapped by click as before."""

from __future__ import annotations

import re
from collections.abc import Iterable

import click

#: Marks that may not open a line, and marks that may not close one.
_NO_START = set("，。；：、！？）」』》】〕”’…%％")
_NO_END = set("（「『《【〔“‘")
def columns(text: str) -> int:
    """The columns ``text`` takes on a terminal: reportgen.characters.display_width, which a
    terminal draws with its ambiguous-width characters narrow (loaded when help is shown)."""
    from reportgen.characters import display_width

    return display_width(text)


def _is_wide(text: str) -> bool:
    return columns(text) > len(text)


def _pieces(text: str) -> list[str]:
    """What a line is made of: runs of spaces, each wide character alone (a line may break
    after any), and runs of anything else (a word, kept whole)."""
    pieces: list[str] = []
    for char in text:
        wide = columns(char) == 2
        if pieces and not wide and columns(pieces[-1][-1]) < 2 \
                and pieces[-1][-1].isspace() == char.isspace():
            pieces[-1] += char
        else:
            pieces.append(char)
    return pieces


def wrap_line(text: str, width: int) -> list[str]:
    """One paragraph's text (its lines run together) as lines of at most ``width`` columns,
    where the text allows (a word wider than the line stays whole)."""
    lines: list[str] = []
    line: list[str] = []
    for piece in _pieces(" ".join(text.split())):
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
