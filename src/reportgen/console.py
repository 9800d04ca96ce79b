"""Where a command writes: its results to stdout, its progress and problems to stderr."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


def _ignore(text: str) -> None:
    """Write nothing."""


@dataclass(frozen=True)
class Console:
    """The two streams of a command, as functions of one line of text; by default silent."""

    out: Callable[[str], None] = _ignore
    err: Callable[[str], None] = _ignore
