"""Shared fixtures: a throw-away copy of the project, a CLI runner, the built 2021 report."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers.project import Cli, copy_project


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project")


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
