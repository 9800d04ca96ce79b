"""The command line: help everywhere, light start-up, clean messages and exit codes."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from helpers.project import Cli
from reportgen import __version__
from reportgen.cli import main


def test_help_does_not_import_heavy_libraries() -> None:
    code = ("import sys; from reportgen.cli import main\n"
            "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
            "heavy = [m for m in ('pandas', 'docxtpl', 'docx', 'openpyxl', 'babel') "
            "if m in sys.modules]\nprint('HEAVY', heavy)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "HEAVY []" in out.stdout


@pytest.mark.parametrize("command", sorted(main.commands))
def test_every_command_has_help(cli: Cli, command: str) -> None:
    result = cli.runner.invoke(main, [command, "--help"])
    assert result.exit_code == 0
    assert "Usage:" in result.stdout and len(main.commands[command].help or "") > 20


def test_version(cli: Cli) -> None:
    assert __version__ in cli("--version").stdout


def test_build_prints_the_path_it_wrote(cli: Cli, project: Path) -> None:
    result = cli("build", "2021")
    path = project / result.stdout.strip()
    assert path.is_file() and path.suffix == ".docx"
    assert path.parent == project / "output" / "2021"


@pytest.mark.parametrize("year", ["abc", "../x", "21", "2021a", ""])
def test_a_year_that_is_not_a_year_is_a_usage_error(cli: Cli, year: str) -> None:
    result = cli("build", year, code=2)
    assert "is not a year" in result.stderr
    assert "Traceback" not in result.stderr


def test_missing_year_names_the_folder(cli: Cli) -> None:
    result = cli("build", "2030", code=1)
    assert "data/2030" in result.stderr and "Years in data/: 2021" in result.stderr


def test_bad_cell_is_one_message_with_its_place(cli: Cli, project: Path) -> None:
    from helpers.sheets import set_cell

    set_cell(project / "data" / "2021" / "indicators.xlsx", "完成情况", "指标名称",
             "地区生产总值增速", "绝对值", "5OO")
    set_cell(project / "data" / "2021" / "indicators.xlsx", "完成情况", "指标名称",
             "工业增加值增速", "增速", "三")
    result = cli("build", "2021", code=1)
    assert "2 problems in the data" in result.stderr
    assert "data/2021/indicators.xlsx[完成情况]!G2（绝对值）: 「5OO」 is not a number" in result.stderr
    assert "data/2021/indicators.xlsx[完成情况]!H3（增速）: 「三」 is not a percentage" in result.stderr
    assert "Traceback" not in result.stderr


def test_an_unexpected_failure_is_one_line_without_traceback(cli: Cli,
                                                             monkeypatch: pytest.MonkeyPatch
                                                             ) -> None:
    import reportgen.commands.build

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("something unforeseen")

    monkeypatch.setattr(reportgen.commands.build, "build", broken)
    result = cli("build", "2021", code=3)
    assert "internal error: RuntimeError: something unforeseen" in result.stderr
    assert "Traceback" not in result.stderr
