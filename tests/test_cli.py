"""The command line: help everywhere, light start-up, clean messages and exit codes."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

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
    assert "data/2021/indicators.xlsx[完成情况]!H3（增速）: 「三」 is a number written in " \
        "words" in result.stderr
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


def _run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_reportgen_finds_its_project_from_a_folder_inside_it(
        project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from helpers.sheets import set_cell

    monkeypatch.chdir(project / "data" / "2021")
    result = _run("build", "2021")
    assert result.exit_code == 0, result.output
    # the path it wrote, as seen from here
    written = result.stdout.strip()
    assert written.startswith("../../output/2021/") and (project / "data" / "2021" /
                                                         written).is_file()
    set_cell(project / "data" / "2021" / "indicators.xlsx", "完成情况", "指标名称",
             "地区生产总值增速", "绝对值", "5OO")
    result = _run("check", "2021")
    assert result.exit_code == 1
    shown = result.stdout + result.stderr
    assert "error: indicators.xlsx[完成情况]!G2（绝对值）: 「5OO」 is not a number" in shown
    assert "data/2021/indicators.xlsx" not in shown  # named from where one stands


def test_project_may_come_before_or_after_the_command(project: Path, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # a folder in no project
    for args in (("--project", str(project), "check", "2021"),
                 ("check", "2021", "--project", str(project))):
        result = _run(*args)
        assert result.exit_code == 0, result.output
        assert "check 2021: 0 error(s)" in result.stderr
    outside = _run("check", "2021")
    assert outside.exit_code == 1 and "no data for 2021" in outside.stderr


def test_the_nearest_project_above_is_found(tmp_path: Path) -> None:
    from reportgen.project import find_root

    (tmp_path / "p" / "data" / "2021").mkdir(parents=True)
    (tmp_path / "p" / "templates").mkdir()
    (tmp_path / "q").mkdir()
    (tmp_path / "q" / "reportgen.toml").write_text("", encoding="utf-8")
    assert find_root(tmp_path / "p" / "data" / "2021") == (tmp_path / "p").resolve()
    assert find_root(tmp_path / "q") == (tmp_path / "q").resolve()
    assert find_root(tmp_path) is None or find_root(tmp_path) not in (tmp_path / "p",
                                                                       tmp_path / "q")
