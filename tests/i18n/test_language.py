"""The language: Chinese unless REPORTGEN_LANG or an English locale asks for English - the
help, click's own texts, the errors and the summaries of the commands."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from reportgen import i18n
from reportgen.cli import main

LOCALE = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")


def _environment(monkeypatch: pytest.MonkeyPatch, **values: str) -> None:
    for name in ("REPORTGEN_LANG", *LOCALE):
        monkeypatch.delenv(name, raising=False)
    for name, value in values.items():
        monkeypatch.setenv(name, value)


@pytest.mark.parametrize("values, expected", [
    ({}, "zh"),
    ({"LANG": "C"}, "zh"),
    ({"LC_ALL": "POSIX"}, "zh"),
    ({"LANG": "zh_CN.UTF-8"}, "zh"),
    ({"LANG": "en_US.UTF-8"}, "en"),
    ({"LANGUAGE": "en_GB:en", "LANG": "zh_CN.UTF-8"}, "en"),
    ({"LC_ALL": "de_DE.UTF-8"}, "zh"),
    ({"REPORTGEN_LANG": "en"}, "en"),
    ({"REPORTGEN_LANG": "en", "LANG": "zh_CN.UTF-8"}, "en"),
    ({"REPORTGEN_LANG": "zh", "LANG": "en_US.UTF-8"}, "zh"),
    ({"REPORTGEN_LANG": "zh-CN"}, "zh"),
    ({"REPORTGEN_LANG": "fr", "LANG": "en_US.UTF-8"}, "en"),  # not one it speaks: the locale
])
def test_the_language_chosen(monkeypatch: pytest.MonkeyPatch, values: dict[str, str],
                             expected: str) -> None:
    _environment(monkeypatch, **values)
    assert i18n.language() == expected


def _run(*args: str) -> object:
    return CliRunner().invoke(main, list(args))


def test_help_is_chinese_with_no_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    _environment(monkeypatch)
    result = _run("--help")
    assert result.exit_code == 0
    assert "用法:" in result.output and "选项:" in result.output and "命令:" in result.output
    assert "根据数据和模板生成年度" in result.output
    assert "显示此帮助并退出。" in result.output
    assert "Usage:" not in result.output and "Show this message" not in result.output


def test_a_commands_help_is_chinese(monkeypatch: pytest.MonkeyPatch) -> None:
    _environment(monkeypatch, LANG="C.UTF-8")
    result = _run("build", "--help")
    assert result.exit_code == 0
    assert "由 data/YEAR 和 templates/ 生成" in result.output
    assert "仍有数值空白时不生成报告。" in result.output


@pytest.mark.parametrize("values", [{"REPORTGEN_LANG": "en"}, {"LANG": "en_US.UTF-8"}])
def test_english_on_request(monkeypatch: pytest.MonkeyPatch, values: dict[str, str]) -> None:
    _environment(monkeypatch, **values)
    result = _run("build", "--help")
    assert "Usage:" in result.output
    assert "Refuse to build while values are still blank." in result.output
    assert "仍有" not in result.output


def test_the_language_follows_each_run(monkeypatch: pytest.MonkeyPatch) -> None:
    _environment(monkeypatch)
    assert "显示此帮助" in _run("--help").output
    monkeypatch.setenv("REPORTGEN_LANG", "en")
    assert "Show this message and exit." in _run("--help").output
    monkeypatch.setenv("REPORTGEN_LANG", "zh")
    assert "显示此帮助" in _run("--help").output


def test_clicks_errors_are_chinese(monkeypatch: pytest.MonkeyPatch) -> None:
    _environment(monkeypatch)
    result = _run("buil")
    assert result.exit_code == 2
    assert "错误：没有命令 'buil'。" in result.output
    assert "是否想用 'build'？" in result.output


def test_an_error_is_chinese_with_its_file_and_place(project, cli, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    report = project / "data" / "2021" / "report.yaml"
    report.write_text(report.read_text(encoding="utf-8").replace("本年: 2021", "本年: 2020"),
                      encoding="utf-8")
    _environment(monkeypatch)
    result = cli("check", "2021", code=1)
    assert "data/2021/report.yaml:" in result.stdout
    assert "年份.本年 为 2020，但文件夹是 2021" in result.stdout
    assert "错误：data/2021/report.yaml:" in result.stdout


def test_checks_summary_is_chinese(cli, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    _environment(monkeypatch)
    result = cli("check", "2021")
    assert "check 2021：0 个错误，" in result.stderr
    assert "个警告，0 个数值待填" in result.stderr
    assert "计划与实际对照，完成情况共" in result.stdout


def test_a_data_error_is_chinese_when_building(project, cli, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    (project / "data" / "2021" / "report.yaml").write_text("- 不是映射\n", encoding="utf-8")
    _environment(monkeypatch)
    result = cli("build", "2021", code=1)
    assert result.stderr.startswith("错误：数据中有 ")
    assert "data/2021/report.yaml: 应为包含 地区、报告单位、年份、会议、标题 的映射" in result.stderr


def test_the_version_in_either_language(monkeypatch: pytest.MonkeyPatch) -> None:
    from reportgen import __version__

    _environment(monkeypatch)
    assert _run("--version").output == f"reportgen，版本 {__version__}\n"
    monkeypatch.setenv("REPORTGEN_LANG", "en")
    assert _run("--version").output == f"reportgen, version {__version__}\n"


def test_the_report_is_the_same_in_either_language(project, cli, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The language is the interface's: the report built (the cache off) is the same bytes."""
    monkeypatch.setenv("REPORTGEN_CACHE", "off")
    built = {}
    for lang in ("zh", "en"):
        _environment(monkeypatch, REPORTGEN_LANG=lang, REPORTGEN_CACHE="off")
        cli("build", "2021")
        built[lang] = next((project / "output" / "2021").glob("*.docx")).read_bytes()
    assert built["zh"] == built["en"]
