"""Shared fixtures: a throw-away copy of the project, a CLI runner, the built 2021 report."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

REPO = Path(__file__).resolve().parent.parent


def copy_project(target: Path, years: tuple[str, ...] = ("2021",)) -> Path:
    """A project folder with the repository's templates and the given years' data."""
    shutil.copytree(REPO / "templates", target / "templates")
    for year in years:
        shutil.copytree(REPO / "data" / year, target / "data" / year)
    return target


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project")


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


@pytest.fixture
def cli(project: Path) -> Cli:
    return Cli(project)


@pytest.fixture(scope="session")
def built_2021(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The 2021 report built once from a copy of the shipped data."""
    from reportgen.commands.build import build
    from reportgen.project import Project

    root = copy_project(tmp_path_factory.mktemp("built") / "project")
    return build(Project.at(root), 2021).path


@pytest.fixture(scope="session")
def report_pdf(built_2021: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The built 2021 report converted to PDF by LibreOffice, once per session; skipped only
    where LibreOffice or poppler is not installed (.ci/run installs both)."""
    import shutil

    from reportgen.word.pdf import convert

    if not (shutil.which("soffice") or shutil.which("libreoffice")):
        pytest.skip("LibreOffice (soffice) is not installed")
    if not shutil.which("pdftotext"):
        pytest.skip("poppler-utils (pdftotext) is not installed")
    return convert(built_2021, tmp_path_factory.mktemp("pdf"))
