"""Shared fixtures: a throw-away copy of the project, a CLI runner, the built 2021 report."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from helpers import snapshots
from helpers.clients import need
from helpers.project import Cli, copy_project

# No deadline: a cold 2-core machine takes the first examples far slower than a warm one, and
# timing belongs to the benchmarks, not to the tests.
settings.register_profile("reportgen", deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("reportgen")


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-snapshots", action="store_true",
                     help="rewrite tests/snapshots/ from what the code outputs now")


def pytest_configure(config: pytest.Config) -> None:
    snapshots.UPDATE = bool(config.getoption("--update-snapshots"))
    # The tests share one cache of their own, never the user's (see reportgen.cache).
    os.environ["REPORTGEN_CACHE_DIR"] = tempfile.mkdtemp(prefix="reportgen-test-cache-")
    # The tests assert the English texts; the ones about the language choose their own.
    os.environ["REPORTGEN_LANG"] = "en"


@pytest.fixture(autouse=True)
def english(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test speaks English unless it sets REPORTGEN_LANG (or unsets it) itself."""
    monkeypatch.setenv("REPORTGEN_LANG", "en")


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
    """The built 2021 report converted to PDF by LibreOffice, once per session (the tests
    that use it need LibreOffice and poppler, which .ci/run installs)."""
    from reportgen.word.pdf import convert

    need("soffice")
    need("pdftotext")
    return convert(built_2021, tmp_path_factory.mktemp("pdf"))


@pytest.fixture(autouse=True)
def _paths_from_the_project_root() -> Iterator[None]:
    """A command run from inside a project shows paths from there (errors.view_from); every
    test starts, and ends, seeing them from the project root."""
    from reportgen.errors import view_from

    view_from(None)
    yield
    view_from(None)
