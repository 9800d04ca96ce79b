"""No input makes an internal error, and no end of a command leaves a stray file: dates a zip
cannot stamp, settings that are not sizes, links that lead in a loop, numbers with more digits
than a figure has, a SIGTERM or Ctrl-C in the middle of a write or while reportgen starts."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from helpers.failures import append_line, assert_refused, files
from helpers.project import Cli

Y = Path("data/2021")
REPORT = "output/2021/关于重庆市綦江区2020年国民经济和社会发展计划执行情况及2021年计划草案的报告.docx"
LOOP = "is a link that leads to nothing (its target is missing, or links lead back to it)"


def meeting(date: str) -> Callable[[Path], None]:
    def apply(root: Path) -> None:
        path = root / Y / "report.yaml"
        path.write_text(path.read_text(encoding="utf-8").replace("日期: 2021-03-10", f"日期: {date}"),
                        encoding="utf-8")
    return apply


@pytest.mark.parametrize(("date", "core"), [("2108-03-10", b"2108-03-10T00:00:00Z"),
                                            ("9999-12-31", b"9999-12-31T00:00:00Z"),
                                            ("1950-01-01", b"1950-01-01T00:00:00Z")])
def test_a_date_a_zip_cannot_stamp_is_kept_where_it_can_be(cli: Cli, project: Path, date: str,
                                                          core: bytes) -> None:
    meeting(date)(project)
    path = project / cli("build", "2021").stdout.strip()
    with zipfile.ZipFile(path) as package:
        stamps = {info.date_time for info in package.infolist()}
        assert core in package.read("docProps/core.xml")
    year = int(date[:4])
    expected = (2107, 12, 31, 23, 59, 58) if year > 2107 else (1980, 1, 1, 0, 0, 0) \
        if year < 1980 else (year, 3, 10, 0, 0, 0)
    assert stamps == {expected}


@pytest.mark.parametrize(("epoch", "stamp"), [("4354819200", (2107, 12, 31, 23, 59, 58)),
                                              ("-1", (1980, 1, 1, 0, 0, 0)),
                                              ("253402300799", (2107, 12, 31, 23, 59, 58))])
def test_source_date_epoch_past_2107(cli: Cli, project: Path, monkeypatch: pytest.MonkeyPatch,
                                     epoch: str, stamp: tuple[int, ...]) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)
    path = project / cli("build", "2021").stdout.strip()
    with zipfile.ZipFile(path) as package:
        assert {info.date_time for info in package.infolist()} == {stamp}


def test_a_draft_stamped_past_2107(cli: Cli, project: Path,
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "4354819200")
    cli("draft", "2022")
    with zipfile.ZipFile(project / "data" / "2022" / "indicators.xlsx") as package:
        assert {info.date_time for info in package.infolist()} == {(2107, 12, 31, 23, 59, 58)}


@pytest.mark.parametrize("epoch", ["253402300800", "99999999999999999999", "1e9", "-99999999999"])
def test_source_date_epoch_no_date_can_be(cli: Cli, epoch: str,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)
    assert_refused(cli("build", "2021", code=None), 1,
                   [f"error: SOURCE_DATE_EPOCH 「{epoch}」 is not a Unix time in seconds"])


SIZE = "must be a size in points from 1 to 1584, not "
FONT = "must be a font's name (1 to 31 characters, no control characters), not "
SETTINGS = [
    ("nan", "line_pitch = nan", f"line_pitch {SIZE}nan"),
    ("inf", "line_pitch = inf", f"line_pitch {SIZE}inf"),
    ("minus-inf", "box_line_pitch = -inf", f"box_line_pitch {SIZE}-inf"),
    ("negative", "table_font_size = -12", f"table_font_size {SIZE}-12.0"),
    ("zero", "box_font_size = 0", f"box_font_size {SIZE}0.0"),
    ("huge", "line_pitch = 1e300", f"line_pitch {SIZE}1e+300"),
    ("31-digits", "line_pitch = 1234567890123456789012345678901",
     f"line_pitch {SIZE}1.2345678901234568e+30"),
    ("above-word", "table_line_pitch = 1585", f"table_line_pitch {SIZE}1585.0"),
    ("empty-font", 'body_font = ""', f"body_font {FONT}''"),
    ("blank-font", 'title_font = "   "', f"title_font {FONT}'   '"),
    ("long-font", f'latin_font = "{"A" * 32}"', f"latin_font {FONT}'{'A' * 32}'"),
    ("control-in-font", 'heading1_font = "黑\\u0007体"', f"heading1_font {FONT}'黑\\x07体'"),
]


@pytest.mark.parametrize("command", ["build", "template"])
@pytest.mark.parametrize(("line", "message"), [s[1:] for s in SETTINGS], ids=[s[0] for s in SETTINGS])
def test_a_setting_that_is_no_size_or_font_is_refused(cli: Cli, project: Path, line: str,
                                                      message: str, command: str) -> None:
    (project / "reportgen.toml").write_text(f"[layout]\n{line}\n", encoding="utf-8")
    before = files(project)
    args = ["build", "2021"] if command == "build" else ["template", "--force"]
    assert_refused(cli(*args, code=None), 1, [f"error: reportgen.toml: [layout] {message}"])
    assert files(project) == before


def loop(name: str) -> Callable[[Path], None]:
    """``name`` becomes a link to itself (its file put aside)."""
    def apply(root: Path) -> None:
        path = root / name
        if path.exists():
            path.rename(path.with_name(path.name + ".aside"))
        os.symlink(path.name, path)
    return apply


LOOPS: list[tuple[str, list[str], int, str]] = [
    ("data/2021/narrative.txt", ["build", "2021"], 1, f"data/2021/narrative.txt: {LOOP}"),
    ("data/2021/report.yaml", ["check", "2021"], 1, f"data/2021/report.yaml: {LOOP}"),
    ("data/2021/boxes.yaml", ["build", "2021"], 1, f"data/2021/boxes.yaml: {LOOP}"),
    ("data/2021/indicators.xlsx", ["build", "2021"], 1, f"data/2021/indicators.xlsx: {LOOP}"),
    ("data/2021/official.txt", ["diff", "2021"], 2,
     "data/2021: no official text for 2021: neither official.txt nor official.docx"),
    ("data/2021", ["build", "2021"], 1, f"data/2021: no data for 2021: the year folder {LOOP}"),
    ("templates/专栏/编号清单.txt", ["build", "2021"], 1, "templates/专栏/编号清单.txt: missing"),
    ("templates/report.docx", ["build", "2021"], 1,
     "templates/report.docx: missing: the Word template"),
    ("output/2021", ["build", "2021"], 1, f"output/2021: cannot create the output folder: it "
                                          f"{LOOP}"),
]


@pytest.mark.parametrize(("name", "command", "status", "message"), LOOPS,
                         ids=[case[0] for case in LOOPS])
def test_a_link_in_a_loop_is_a_message(cli: Cli, project: Path, name: str, command: list[str],
                                       status: int, message: str) -> None:
    (project / "output").mkdir(exist_ok=True)
    loop(name)(project)
    assert_refused(cli(*command, code=None), status, [message])


def test_a_project_folder_in_a_loop(tmp_path: Path) -> None:
    os.symlink("here", tmp_path / "here")
    result = Cli(tmp_path / "here")("build", "2021", code=None)
    assert_refused(result, 1, ["error: data/2021: no data for 2021: the folder does not exist"])


def test_a_compared_file_in_a_loop(cli: Cli, project: Path) -> None:
    os.symlink("a.txt", project / "a.txt")
    (project / "b.txt").write_text("乙\n", encoding="utf-8")
    assert_refused(cli("diff", str(project / "a.txt"), str(project / "b.txt"), code=None), 2,
                   [f"a.txt: {LOOP}"])


DIGITS = "has 31 significant digits; a figure has at most 28 (Excel keeps 15)"
THIRTY_ONE = "1234567890123456789012345678901"


def as_csv(root: Path, book: str, sheet: str, row: int, column: str, value: str) -> None:
    """The workbook as a folder of CSV files (where a number keeps every digit typed), with one
    cell changed."""
    import csv

    import openpyxl

    path = root / Y / f"{book}.xlsx"
    folder = path.with_suffix("")
    folder.mkdir()
    for each in openpyxl.load_workbook(path).worksheets:
        rows = [["" if v is None else v for v in r] for r in each.iter_rows(values_only=True)]
        if each.title == sheet:
            rows[row - 1][rows[0].index(column)] = value
        with open(folder / f"{each.title}.csv", "w", encoding="utf-8", newline="") as out:
            csv.writer(out).writerows(rows)
    path.unlink()


@pytest.mark.parametrize(("sheet", "row", "column", "value", "place"), [
    ("统计", 2, "数值", THIRTY_ONE, "statistics/统计.csv!B2（数值）"),
    ("统计", 2, "增速（%）", THIRTY_ONE + "%", "statistics/统计.csv!D2（增速）"),
    ("投资计划", 2, "项目数", THIRTY_ONE, "statistics/投资计划.csv!D2（项目数）"),
    ("重大项目执行", 2, "完成投资（亿元）", "1234567890123456789012345678.901",
     "statistics/重大项目执行.csv!D2（完成投资）"),
])
def test_a_number_with_more_digits_than_a_figure_has(cli: Cli, project: Path, sheet: str, row: int,
                                                     column: str, value: str, place: str) -> None:
    as_csv(project, "statistics", sheet, row, column, value)
    assert_refused(cli("build", "2021", code=None), 1,
                   [f"data/2021/{place}: 「{value}」 {DIGITS}"])


def test_thirty_one_decimals_asked_of_a_filter(cli: Cli, project: Path) -> None:
    line = append_line(project / Y / "narrative.txt",
                       f"{{{{ 统计.服务业增加值.数值|num({THIRTY_ONE}) }}}}")
    assert_refused(cli("build", "2021", code=None), 1, [
        f"error: data/2021/narrative.txt:{line}: places {THIRTY_ONE} is more decimals than a "
        "figure is printed with (at most 30)"])


def test_a_width_of_zero_asked_of_balance(cli: Cli, project: Path) -> None:
    line = append_line(project / Y / "narrative.txt", "{{ 标题|balance(0) }}")
    assert_refused(cli("build", "2021", code=None), 1,
                   [f"error: data/2021/narrative.txt:{line}: balance needs a width of at least "
                    "1 character, not 0"])


# --- signals --------------------------------------------------------------------------------

def strays(root: Path) -> list[Path]:
    return [p for p in root.rglob("*") if p.name.endswith(".tmp")]


def signal_in(monkeypatch: pytest.MonkeyPatch, target: object, name: str, signum: int,
              after: bool = False) -> None:
    """``target.name`` sends ``signum`` to this process just before it does its work (or just
    after), as a signal can come at any moment."""
    original = getattr(target, name)

    def sending(*args: object, **kwargs: object) -> object:
        if not after:
            os.kill(os.getpid(), signum)
        result = original(*args, **kwargs)
        if after:
            os.kill(os.getpid(), signum)
        return result

    monkeypatch.setattr(target, name, sending)


@pytest.fixture
def no_cache(monkeypatch: pytest.MonkeyPatch) -> object:
    """The cache off, so that the only temporary files are the report's."""
    from reportgen import cache

    monkeypatch.setenv("REPORTGEN_CACHE", "off")
    cache.folder.cache_clear()
    yield
    cache.folder.cache_clear()


@pytest.mark.parametrize(("signum", "status", "said"), [(signal.SIGTERM, 143, "terminated"),
                                                        (signal.SIGINT, 130, "interrupted"),
                                                        (signal.SIGHUP, 129, "terminated")])
@pytest.mark.parametrize(("where", "name", "after"), [
    (os, "fsync", False), (os, "fsync", True), (os, "replace", False),
    (tempfile, "NamedTemporaryFile", True)],
    ids=["while-writing", "after-writing", "before-renaming", "once-the-file-is-made"])
def test_a_signal_during_the_write_leaves_the_report_as_it_was(
        cli: Cli, project: Path, monkeypatch: pytest.MonkeyPatch, no_cache: object,
        signum: int, status: int, said: str, where: object, name: str, after: bool) -> None:
    report = project / cli("build", "2021").stdout.strip()
    before = report.read_bytes()
    append_line(project / Y / "narrative.txt", "新的一段。")
    signal_in(monkeypatch, where, name, signum, after)
    result = cli("build", "2021", code=None)
    monkeypatch.undo()
    assert_refused(result, status, [said])
    assert report.read_bytes() == before
    assert strays(project) == []


def test_a_signal_while_drafting_leaves_no_year(cli: Cli, project: Path,
                                                monkeypatch: pytest.MonkeyPatch,
                                                no_cache: object) -> None:
    signal_in(monkeypatch, tempfile, "mkdtemp", signal.SIGTERM, after=True)
    result = cli("draft", "2022", code=None)
    monkeypatch.undo()
    assert_refused(result, 143, ["terminated"])
    assert sorted(p.name for p in (project / "data").iterdir()) == ["2021"]


def test_a_signal_while_caching_leaves_no_entry_half_written(
        cli: Cli, project: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from reportgen import cache

    monkeypatch.setenv("REPORTGEN_CACHE_DIR", str(tmp_path / "cache"))
    cache.folder.cache_clear()
    signal_in(monkeypatch, tempfile, "NamedTemporaryFile", signal.SIGTERM, after=True)
    result = cli("build", "2021", code=None)
    monkeypatch.undo()
    cache.folder.cache_clear()
    assert_refused(result, 143, ["terminated"])
    assert strays(tmp_path / "cache") == []
    assert files(project, "output") == {}


START = """
import os, signal, sys

class Signal:
    def find_spec(self, name, path, target=None):
        if name == "click":
            os.kill(os.getpid(), signal.{0})
        return None

sys.meta_path.insert(0, Signal())
sys.argv = ["reportgen", "build", "2021"]
from reportgen.cli import main
main()
"""


@pytest.mark.parametrize(("name", "status", "said"), [("SIGINT", 130, "interrupted\n"),
                                                      ("SIGTERM", 143, "terminated\n")])
def test_a_signal_while_reportgen_starts(project: Path, name: str, status: int, said: str) -> None:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    run = subprocess.run([sys.executable, "-c", START.format(name)], cwd=project, env=env,
                         capture_output=True, text=True, timeout=60)
    assert (run.returncode, run.stderr, run.stdout) == (status, said, "")
    assert files(project, "output") == {}


def test_the_signals_are_as_before_once_reportgen_has_run(cli: Cli) -> None:
    before = {s: signal.getsignal(s) for s in (signal.SIGINT, signal.SIGTERM)}
    cli("--version")
    assert {s: signal.getsignal(s) for s in before} == before
