"""The one exception root, and SourceRef: where in the user's files something is."""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import click

from reportgen.i18n import _, ngettext


def visible(text: str) -> str:
    """reportgen.characters.visible, loaded where a message is shown (not at every start)."""
    from reportgen.characters import visible as shown

    return shown(text)


def did_you_mean(word: object, choices: Iterable[object], cutoff: float = 0.5) -> str:
    """A "; did you mean 「…」?" hint for a misspelt name, or "" when nothing is close."""
    import difflib

    close = difflib.get_close_matches(str(word), [str(c) for c in choices], n=1, cutoff=cutoff)
    if not close:
        return ""
    shown = visible(close[0])
    hidden = "" if shown == close[0] else \
        _(" (it holds characters that print as nothing, shown as <U+…>)")
    return _("; did you mean 「{name}」?").format(name=shown) + hidden


def column_letter(index: int) -> str:
    """1-based column index -> Excel letters (1 -> A, 27 -> AA)."""
    letters = ""
    while index > 0:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


@dataclass(frozen=True)
class SourceRef:
    """A place in a user file, printed the way the user finds it.

    Spreadsheets print like Excel references: ``data/2021/indicators.xlsx[完成情况]!E7``;
    text files print as ``data/2021/narrative.txt:12``.
    """

    file: str
    sheet: str | None = None
    row: int | None = None
    column: int | None = None
    column_name: str | None = None
    line: int | None = None

    def __str__(self) -> str:
        text = self.file
        if self.sheet is not None:
            text += f"[{self.sheet}]"
        if self.row is not None or self.column is not None:
            cell = (column_letter(self.column) if self.column else "") + (
                str(self.row) if self.row is not None else ""
            )
            text += f"!{cell}"
            if self.column_name:
                text += f"（{self.column_name}）"
        if self.line is not None:
            text += f":{self.line}"
        return text

    def at(self, **changes: object) -> SourceRef:
        return replace(self, **changes)  # type: ignore[arg-type]


#: Where the user stands, when that is inside the project: paths are shown from there.
_VIEWPOINT: list[Path] = []


def view_from(folder: Path | None) -> None:
    """Show the project's paths relative to ``folder`` (the current folder of a command run
    inside the project), or - with None - relative to the project root."""
    _VIEWPOINT[:] = [folder.resolve()] if folder is not None else []


def display_path(path: Path, root: Path | None = None) -> str:
    """A path inside the project as the user reads it, with forward slashes: relative to where
    they stand when that is inside the project (indicators.xlsx in data/2021/), else relative
    to the project root (data/2021/indicators.xlsx)."""
    if root is not None:
        try:
            # the folder's links followed, not the name's: a link shows as the name written
            inside = (path.parent.resolve() / path.name).relative_to(root.resolve())
        except ValueError:
            return path.as_posix()
        except (OSError, RuntimeError):  # a loop of links: the path as it is written
            try:
                inside = Path(os.path.abspath(path)).relative_to(os.path.abspath(root))
            except ValueError:
                return path.as_posix()
        if _VIEWPOINT and _VIEWPOINT[0].is_relative_to(root.resolve()):
            return Path(os.path.relpath(root.resolve() / inside, _VIEWPOINT[0])).as_posix()
        return inside.as_posix()
    return path.as_posix()


class ReportgenError(click.ClickException):
    """An expected failure: bad input, a missing file, a refused action.

    A click exception: the command line prints it (``show``) and exits with ``exit_code``,
    never with a traceback.
    """

    exit_code = 1

    def __init__(self, message: str, ref: SourceRef | str | None = None, hint: str = ""):
        super().__init__(message)
        self.ref = ref
        self.hint = hint

    def __str__(self) -> str:
        text = f"{self.ref}: {self.message}" if self.ref else self.message
        if self.hint:
            text += f"\n  {self.hint}"
        return visible(text)

    def format_message(self) -> str:
        return str(self)

    def show(self, file: Any = None) -> None:
        click.echo(_("error: {message}").format(message=self), file=file, err=file is None)


class UsageError(ReportgenError):
    """The command line itself is wrong (exit 2, like click)."""

    exit_code = 2


class DataErrors(ReportgenError):
    """Every problem found while validating a year, reported together."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems, key=lambda p: p.sort_key())
        count = len(self.problems)
        lines = [ngettext("{count} problem in the data:", "{count} problems in the data:",
                          count).format(count=count)]
        lines += [f"  {p}" for p in self.problems]
        super().__init__("\n".join(lines))

    def __str__(self) -> str:
        return self.message


@dataclass(frozen=True)
class Problem:
    """One finding of validation or checking; ``level`` is "error" or "warning"."""

    ref: SourceRef | str
    message: str
    level: str = "error"

    def located(self) -> str:
        """The message after its place, without its level (what a "warning: " line shows)."""
        return visible(f"{self.ref}: {self.message}")

    def __str__(self) -> str:
        if self.level == "error":
            return self.located()
        return visible(_("[warning] {place}: {message}").format(place=self.ref,
                                                                message=self.message))

    def sort_key(self) -> tuple[str, str, int, int, int]:
        return place_key(self.ref)


def place_key(ref: SourceRef | str) -> tuple[str, str, int, int, int]:
    """Orders places as a reader goes through the files: file, sheet, row, column, line."""
    if isinstance(ref, SourceRef):
        return (ref.file, ref.sheet or "", ref.row or 0, ref.column or 0, ref.line or 0)
    return (str(ref), "", 0, 0, 0)


class Problems:
    """Collects problems during validation; ``raise_if_any`` aborts once with all of them."""

    def __init__(self) -> None:
        self.items: list[Problem] = []

    def error(self, ref: SourceRef | str, message: str) -> None:
        self.items.append(Problem(ref, message, "error"))

    def warning(self, ref: SourceRef | str, message: str) -> None:
        self.items.append(Problem(ref, message, "warning"))

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.items if p.level == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.items if p.level == "warning"]

    def raise_if_any(self) -> None:
        if self.errors:
            raise DataErrors(self.errors)
