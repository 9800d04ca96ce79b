"""What a refused input must show, whatever the class of failure: the exit status, one message
naming the place, no traceback and no internal error - and, where a command must not write,
the project's files as they were."""

from __future__ import annotations

from pathlib import Path

from click.testing import Result

Files = dict[str, bytes]


def files(root: Path, under: str = "") -> Files:
    """Every file under ``root / under`` (links not followed), by path relative to ``root``."""
    base = root / under if under else root
    if not base.is_dir():
        return {}
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(base.rglob("*"))
            if p.is_file() and not p.is_symlink()}


def assert_refused(result: Result, status: int, fragments: list[str]) -> str:
    """The command exited ``status`` with a message holding every fragment; returns stderr."""
    message = result.stderr
    assert result.exit_code == status, (
        f"exit {result.exit_code}, expected {status}\n--- stdout\n{result.stdout}"
        f"\n--- stderr\n{message}")
    assert "Traceback" not in message, message
    assert "internal error" not in message, message
    for fragment in fragments:
        assert fragment in message, f"{fragment!r} not in:\n{message}"
    return message


def output_files(root: Path) -> Files:
    return files(root, "output")


def append_line(path: Path, text: str) -> int:
    """Add ``text`` as the last line of a text file; returns its line number."""
    before = path.read_text(encoding="utf-8")
    if before and not before.endswith("\n"):
        before += "\n"
    path.write_text(before + text + "\n", encoding="utf-8")
    return before.count("\n") + 1
