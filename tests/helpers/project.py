"""A throw-away copy of the project and a CLI runner that shows the output when a test fails."""

from __future__ import annotations

import shutil
from pathlib import Path

from click.testing import CliRunner, Result

REPO = Path(__file__).resolve().parent.parent.parent


def copy_project(target: Path, years: tuple[str, ...] = ("2021",)) -> Path:
    """A project folder with the repository's templates and the given years' data."""
    shutil.copytree(REPO / "templates", target / "templates")
    for year in years:
        shutil.copytree(REPO / "data" / year, target / "data" / year)
    return target


class Cli:
    """Runs reportgen in a project folder; shows the output when an assertion fails."""

    def __init__(self, root: Path):
        self.root = root
        self.runner = CliRunner()

    def __call__(self, *args: str, code: int | None = 0) -> Result:
        from reportgen.cli import main

        result = self.runner.invoke(main, [*args, "--project", str(self.root)]
                                    if args and args[0] not in ("--help", "--version") else
                                    list(args), catch_exceptions=False)
        if code is not None:
            assert result.exit_code == code, (
                f"exit {result.exit_code}, expected {code}\n--- stdout\n{result.stdout}"
                f"\n--- stderr\n{result.stderr}")
        return result
