"""What a signal does to a running command: SIGTERM and SIGHUP end it as Ctrl-C (SIGINT) does -
by an exception, so that every temporary file is removed on the way out (``write``) - with the
exit status a shell gives (128 + the signal's number).

While the command line's modules load there is nothing to clean up yet: a signal then ends
reportgen at once, with one line and no traceback (``starting``). ``deferred`` holds a signal
back while a temporary file is made and taken in charge, so that none falls between the two.
"""

from __future__ import annotations

# The first module to load: it imports only what is loaded already when Python starts (the
# module signal, by its enums, would take longer than the rest of the start together).
import _signal as signal  # type: ignore[import-not-found]
import os

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any

#: The signals that end a command cleanly, where the system has them, by name.
ENDING = {getattr(signal, name): name for name in ("SIGINT", "SIGTERM", "SIGHUP")
          if hasattr(signal, name)}

_pending: list[int] = []
_deferring = 0


class Terminated(BaseException):
    """The command was asked to end (SIGTERM, SIGHUP)."""

    def __init__(self, signum: int):
        super().__init__(ENDING.get(signum, str(signum)))
        self.status = 128 + signum


def _interrupt(signum: int) -> BaseException:
    return KeyboardInterrupt() if signum == signal.SIGINT else Terminated(signum)


def _end_now(signum: int, frame: Any) -> None:
    os.write(2, b"interrupted\n" if signum == signal.SIGINT else b"terminated\n")
    os._exit(128 + signum)


def _raise(signum: int, frame: Any) -> None:
    if _deferring:
        _pending.append(signum)
        return
    raise _interrupt(signum)


def _install(handler: Callable[[int, Any], None]) -> dict[int, Any]:
    """``handler`` for the ending signals; their previous handlers (none off the main thread,
    where Python cannot set them)."""
    previous = {signum: signal.getsignal(signum) for signum in ENDING}
    try:
        for signum in ENDING:
            signal.signal(signum, handler)
    except ValueError:  # not the main thread
        return {}
    return previous


def _restore(previous: dict[int, Any]) -> None:
    for signum, handler in previous.items():
        signal.signal(signum, handler if handler is not None else signal.SIG_DFL)


def starting() -> dict[int, Any]:
    """End at once on a signal while the modules load; returns what to ``restore``."""
    return _install(_end_now)


def started(previous: dict[int, Any]) -> None:
    """The modules are loaded: the handlers of before ``starting`` again."""
    _restore(previous)


class handled:  # noqa: N801 - used as a context manager, like contextlib's
    """Within: an ending signal raises KeyboardInterrupt (SIGINT) or Terminated."""

    def __enter__(self) -> None:
        self.previous = _install(_raise)

    def __exit__(self, *exc: object) -> None:
        _restore(self.previous)


class deferred:  # noqa: N801
    """Within: a signal waits, and is raised on leaving (outside any other ``deferred``)."""

    def __enter__(self) -> None:
        global _deferring
        _deferring += 1

    def __exit__(self, *exc: object) -> None:
        global _deferring
        _deferring -= 1
        if not _deferring and _pending:
            signum = _pending[0]
            _pending.clear()
            raise _interrupt(signum)
