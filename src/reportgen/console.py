"""Where a command writes: its results to stdout, its progress and problems to stderr - and,
for the long steps (LibreOffice, pictures of pages), how it shows that it is still working."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TypeVar

from reportgen.i18n import _

Item = TypeVar("Item")


def _ignore(text: str) -> None:
    """Write nothing."""


@dataclass(frozen=True)
class Console:
    """The two streams of a command, as functions of one line of text; by default silent.

    ``bar`` shows a progress bar over items on a terminal (None where stderr is not one: a
    log or a pipe gets the step lines only)."""

    out: Callable[[str], None] = _ignore
    err: Callable[[str], None] = _ignore
    bar: Callable[[Sequence[object], str], Iterable[object]] | None = None

    @contextmanager
    def step(self, what: str) -> Iterator[None]:
        """A long step: its name when it starts, and the time it took when it ends."""
        self.err(f"{what}…")
        start = time.perf_counter()
        yield
        self.err(_("{what}: done in {seconds:.1f} s")
                 .format(what=what, seconds=time.perf_counter() - start))

    def each(self, items: Sequence[Item], label: str) -> Iterable[Item]:
        """``items``, with a progress bar on a terminal."""
        if self.bar is None or not items:
            return items
        return self.bar(items, label)  # type: ignore[return-value]
