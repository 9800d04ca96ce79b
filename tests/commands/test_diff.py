"""``reportgen diff`` on the command line: inputs, rebuilding, options, outputs, exit codes
(0 same, 1 different, 2 trouble) and the baseline of accepted differences."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import time
import zipfile
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from helpers.edits import EDITS, OFFICIAL_LINES, all_edits
from helpers.excel import append_rows, edit_text, fill_workbook, project_counts
from helpers.project import Cli, copy_project
from reportgen.diff.normalise import squeeze
from reportgen.word.text import read_pieces


@pytest.fixture(scope="module")
def built_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A project whose 2021 report is built (copies keep the file times, so it stays fresh)."""
    root = copy_project(tmp_path_factory.mktemp("diff") / "project")
    result = Cli(root)("diff", "2021")
    assert "building 2021 (no report built yet)" in result.stderr
    return root


@pytest.fixture
def built(built_project: Path, tmp_path: Path) -> Path:
    return Path(shutil.copytree(built_project, tmp_path / "project"))


def official(root: Path, lines: list[str]) -> None:
    (root / "data" / "2021" / "official.txt").write_text("\n".join(lines), encoding="utf-8")


def test_the_real_pair_is_the_same(built: Path) -> None:
    result = Cli(built)("diff", "2021", code=0)
    assert "no differences (official 12,971 characters, generated 12,971" in result.stdout
    assert "building" not in result.stderr  # up to date: not rebuilt


def test_a_stale_report_is_rebuilt_first(built: Path) -> None:
    later = time.time() + 10
    os.utime(built / "data" / "2021" / "indicators.xlsx", (later, later))
    result = Cli(built)("diff", "2021", code=0)
    assert ("building 2021 (data/2021/indicators.xlsx is newer than 关于重庆市綦江区2020年"
            in result.stderr)


def test_differences_exit_1_with_each_change(built: Path) -> None:
    official(built, all_edits())
    result = Cli(built)("diff", "2021", code=1)
    assert result.stdout.count("@@ ") == 7
    assert "[-" in result.stdout and "{+" in result.stdout and "\x1b[" not in result.stdout
    assert "专栏3 row 4, cell 5" in result.stdout
    colored = Cli(built)("diff", "2021", "--color", "always", code=1)
    assert "\x1b[31m" in colored.stdout
    brief = Cli(built)("diff", "2021", "-q", code=1)
    assert "@@" not in brief.stdout and "7 changes" in brief.stdout


def test_json(built: Path) -> None:
    official(built, EDITS["replace"][0](OFFICIAL_LINES))
    data = json.loads(Cli(built)("diff", "2021", "--json", code=1).stdout)
    assert data["status"] == 1
    assert [(c["deleted"], c["inserted"]) for c in data["changes"]] == [("163.42", "163.41")]
    assert [f["text"] for f in data["figures"]] == ["实现工业增加值 163.42 → 163.41 亿元"]


def test_fold_width_and_strict(built: Path) -> None:
    official(built, EDITS["punctuation width"][0](OFFICIAL_LINES))
    Cli(built)("diff", "2021", code=1)
    Cli(built)("diff", "2021", "--fold-width", code=0)
    official(built, OFFICIAL_LINES)
    strict = Cli(built)("diff", "2021", "--strict", "-q", code=1)
    assert "whitespace counts" in strict.stdout


def test_any_two_files_and_other_officials(built: Path, tmp_path: Path) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("\n".join(OFFICIAL_LINES), encoding="utf-8")
    b.write_text("\n".join(all_edits()), encoding="utf-8")
    cli = Cli(built)
    result = cli("diff", str(a), str(b), code=1)
    assert result.stdout.startswith(f"--- a: {a.as_posix()}\n+++ b: {b.as_posix()}")
    cli("diff", str(a), str(a), code=0)
    cli("diff", "2021", "--official", str(b), code=1)
    cli("diff", "2021", "--official", str(a), code=0)
    report = next((built / "output" / "2021").glob("*.docx"))
    cli("diff", str(a), str(report), code=0)
    cli("diff", "2021", str(b), code=1)  # a year stands for its generated report


def test_two_years(built: Path) -> None:
    year = built / "data" / "2022"
    shutil.copytree(built / "data" / "2021", year)
    (year / "official.txt").unlink()
    meta = (year / "report.yaml").read_text("utf-8")
    meta = meta.replace("上年: 2020", "上年: 2021").replace("本年: 2021", "本年: 2022")
    (year / "report.yaml").write_text(meta, encoding="utf-8")
    result = Cli(built)("diff", "2021", "2022", code=1)
    assert result.stdout.startswith("--- 2021: output/2021/")
    assert "+++ 2022: output/2022/" in result.stdout
    # the years moving on compare equal: what is left is what the copy did not move on
    data = json.loads(Cli(built)("diff", "2021", "2022", "--json", code=1).stdout)
    assert [(c["deleted"], c["inserted"]) for c in data["changes"]] == [("五", "六"), ("与", "及")]
    assert data["rules"]["description"].endswith("; the years moving on compare equal")
    assert {c["where"]["section"] for c in data["changes"]} == {
        "一、2020→2021年国民经济和社会发展计划执行情况"}
    strict = Cli(built)("diff", "2021", "2022", "--strict", code=1)
    assert "年国民经济和社会发展计划执行情况及[-2021-]{+2022+}年计划草案" in strict.stdout



#: What a person types into the 待填 cells of the drafted 2022 (helpers.excel.fill_workbook).
TYPED_2022: dict[str, Any] = {
    "绝对值": lambda sheet, row: Decimal("512.37") if row[2] == "地区生产总值增速" else 100,
    "增速": (Decimal("0.081"), "0.0%"), "数值": Decimal("27.5"), "项目数": project_counts,
    "形成投资放量": 6, "完成投资": Decimal("40.5"), "年度计划投资": Decimal("2.5"),
    "完成情况": "已完成年度目标任务。", "是否完工": "是", "说明": None, "上年值": Decimal("58"),
}


@pytest.fixture(scope="module")
def filled_2022(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """2021 as shipped and 2022 drafted from it, every 待填 filled as Excel stores what is
    typed, and one sentence of the prose rewritten by hand."""
    root = copy_project(tmp_path_factory.mktemp("years") / "project")
    cli = Cli(root)
    cli("draft", "2022")
    data = root / "data" / "2022"
    for book in ("indicators", "projects", "statistics"):
        fill_workbook(data / f"{book}.xlsx", TYPED_2022)
    append_rows(data / "projects.xlsx", "本年民心工程", [["2022年社区食堂建设工程"]])
    edit_text(data / "report.yaml", lambda text: text
              .replace("日期: 待填", "日期: 2022-01-12")
              .replace("名称: 待填", "名称: 重庆市綦江区第二届人民代表大会第七次会议")
              .replace("简称: 待填", "简称: 区二届人大七次会议"))
    edit_text(data / "narrative.txt", lambda text: text.replace(
        "抗洪救灾取得重大成效。", "全区统筹发展和安全。", 1))
    cli("build", "2021")
    cli("build", "2022")
    return root


def test_two_filled_years_list_what_was_rewritten_not_the_years(filled_2022: Path) -> None:
    data = json.loads(Cli(filled_2022)("diff", "2021", "2022", "--json", code=1).stdout)
    years = {"2019", "2020", "2021", "2022"}
    moved_on = [c for c in data["changes"] if {c["deleted"], c["inserted"]} <= years]
    assert moved_on == []
    assert ("抗洪救灾取得重大成效", "全区统筹发展和安全") in [(c["deleted"], c["inserted"])
                                                  for c in data["changes"]]
    figures = [f["text"] for f in data["figures"]]
    assert "全年实现地区生产总值 500.30 → 512.37 亿元" in figures
    assert "全年实现地区生产总值增长 3% → 8.1%" in figures
    assert "地区生产总值增速（%） 500.30 → 512.37" in figures  # 专栏3 → 专栏4
    # every section is named alike by all its changes, both sides' years in one label
    sections = {c["where"]["section"] for c in data["changes"]} - {""}
    assert sections == {"一、2020→2021年国民经济和社会发展计划执行情况",
                        "二、2021→2022年国民经济和社会发展计划总体考虑",
                        "三、2021→2022年实现国民经济和社会发展计划的重点工作"}
    strict = json.loads(Cli(filled_2022)("diff", "2021", "2022", "--json", "--strict",
                                         code=1).stdout)
    assert len(strict["changes"]) > len(data["changes"])
    assert ("2020", "2021") in [(c["deleted"], c["inserted"]) for c in strict["changes"]]


def test_the_summary_lists_the_figures_changed(filled_2022: Path) -> None:
    brief = Cli(filled_2022)("diff", "2021", "2022", "-q", code=1).stdout
    listed = brief.split("figures changed (", 1)[1].split("\n")
    assert "全年实现地区生产总值 500.30 → 512.37 亿元" in listed[2]
    assert "    4  全年实现地区生产总值 500.30 → 512.37 亿元" in brief


@pytest.mark.parametrize(("args", "message"), [
    (("diff", "2030"), "data/2030: no data for 2030"),
    (("diff", "abc"), "「abc」 is not a year"),
    (("diff", "missing.txt", "other.txt"), "missing.txt: missing: no such file"),
    (("diff", "2021", "2021", "--official", "x.txt"), "--official goes with a single year"),
    (("diff", "a.txt", "b.txt", "--update-baseline"), "--update-baseline goes with a single"),
])
def test_trouble_exits_2(built: Path, args: tuple[str, ...], message: str) -> None:
    result = Cli(built)(*args, code=2)
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_no_official_text_is_trouble(built: Path) -> None:
    (built / "data" / "2021" / "official.txt").unlink()
    result = Cli(built)("diff", "2021", code=2)
    assert "no official text for 2021" in result.stderr and "--official" in result.stderr


def test_a_file_that_is_not_a_docx_is_trouble(built: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.docx"
    bad.write_text("not a zip", encoding="utf-8")
    result = Cli(built)("diff", "2021", "--official", str(bad), code=2)
    assert "cannot be read as a Word .docx file" in result.stderr


def test_html_and_docx_outputs(built: Path, tmp_path: Path) -> None:
    official(built, all_edits())
    page, word = tmp_path / "changes.html", built / "output" / "2021" / "changes.docx"
    result = Cli(built)("diff", "2021", "--html", str(page), "--docx", str(word), code=1)
    assert page.read_text("utf-8").startswith("<!DOCTYPE html>")
    assert word.read_bytes().startswith(b"PK")
    assert "wrote" in result.stderr
    # the tracked-changes file in output/2021/ is never taken for the report
    again = Cli(built)("diff", "2021", code=1)
    assert "+++ generated: output/2021/关于" in again.stdout
    assert "comparing the newest" not in again.stderr


def tracked_by(path: Path) -> tuple[set[str], int]:
    """The authors of a Word file's tracked changes, and its number of tables."""
    with zipfile.ZipFile(path) as package:
        document = package.read("word/document.xml").decode("utf-8")
    return set(re.findall(r'w:author="([^"]+)"', document)), document.count("<w:tbl>")


def test_the_word_file_is_the_report_with_its_changes(built: Path, tmp_path: Path) -> None:
    official(built, all_edits())
    word = tmp_path / "changes.docx"
    Cli(built)("diff", "2021", "--docx", str(word), code=1)
    assert tracked_by(word) == ({"重庆市綦江区发展和改革委员会"}, 7)  # the 报告单位, the 专栏
    report = next((built / "output" / "2021").glob("关于*.docx"))
    assert [p.text for p in read_pieces(word)] == [p.text for p in read_pieces(report)]
    Cli(built)("diff", "2021", "--docx", str(word), "--author", "张三", code=1)
    assert tracked_by(word) == ({"张三"}, 7)
    # the other way: Accept All gives the official text, in the report's form still
    Cli(built)("diff", "2021", "--docx", str(word), "--docx-direction", "b-to-a", code=1)
    assert squeeze("".join(p.text for p in read_pieces(word))) == squeeze("".join(all_edits()))
    assert [p.text for p in read_pieces(word, tracked="reject")] == [
        p.text for p in read_pieces(report)]
    assert tracked_by(word)[1] == 7


def test_two_files_name_the_newest_years_issuer(built: Path, tmp_path: Path) -> None:
    a, b, word = tmp_path / "a.txt", tmp_path / "b.txt", tmp_path / "x.docx"
    a.write_text("甲乙。", encoding="utf-8")
    b.write_text("甲丙。", encoding="utf-8")
    Cli(built)("diff", str(a), str(b), "--docx", str(word), code=1)
    assert tracked_by(word) == ({"重庆市綦江区发展和改革委员会"}, 0)
    result = Cli(built)("diff", str(a), str(b), "--docx", str(word), "--docx-direction", "up",
                        code=2)
    assert "Invalid value for '--docx-direction'" in result.stderr


def test_baseline_of_accepted_differences(built: Path) -> None:
    cli = Cli(built)
    first = EDITS["replace"][0](OFFICIAL_LINES)
    official(built, first)
    result = cli("diff", "2021", "--update-baseline", code=0)
    baseline = built / "data" / "2021" / "diff-baseline.json"
    assert "wrote data/2021/diff-baseline.json (1 accepted difference)" in result.stderr
    data = json.loads(baseline.read_text("utf-8"))
    assert [(e["deleted"], e["inserted"]) for e in data["accepted"]] == [("163.42", "163.41")]
    accepted = cli("diff", "2021", code=0)
    assert "1 accepted in data/2021/diff-baseline.json, 0 not" in accepted.stdout
    assert "@@" not in accepted.stdout
    # a note written by hand survives an update
    data["accepted"][0]["note"] = "统计局修订"
    baseline.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    official(built, EDITS["delete"][0](first))
    more = cli("diff", "2021", code=1)
    assert more.stdout.count("@@ ") == 1 and "持续激发贫困群众内生动力" in more.stdout
    cli("diff", "2021", "--update-baseline", code=0)
    notes = [e["note"] for e in json.loads(baseline.read_text("utf-8"))["accepted"]]
    assert sorted(notes) == ["", "统计局修订"]
    official(built, OFFICIAL_LINES)
    gone = cli("diff", "2021", code=0)
    assert "2 accepted difference(s) in data/2021/diff-baseline.json no longer occur" in gone.stderr


def test_a_broken_baseline_is_trouble(built: Path) -> None:
    (built / "data" / "2021" / "diff-baseline.json").write_text("{", encoding="utf-8")
    result = Cli(built)("diff", "2021", code=2)
    assert "data/2021/diff-baseline.json: is not valid JSON" in result.stderr


def test_an_up_to_date_diff_does_not_import_the_build(built: Path) -> None:
    code = ("import sys\nfrom reportgen.cli import main\n"
            f"try:\n    main(['diff', '2021', '--project', {str(built)!r}])\n"
            "except SystemExit as exit:\n    print('EXIT', exit.code)\n"
            "heavy = [m for m in ('pandas', 'docxtpl', 'docx', 'openpyxl', 'babel', 'jinja2') "
            "if m in sys.modules]\nprint('HEAVY', heavy)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "EXIT 0" in out.stdout and "HEAVY []" in out.stdout
