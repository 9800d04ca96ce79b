"""Example projects of other shapes than 綦江's, each built to its golden text - the year's
official.txt, so that `reportgen diff YEAR` in the example compares with it too.

- county/: a 县's report - a title joined by 与, the 题注 in parentheses, a speaker line, four
  heading levels and run-in headings, a three-period indicator table (上年完成 / 本年目标 /
  “十四五”目标) with 类别 as rows, a project table in 万元 with 小计 and 合计, a 专栏 of text;
- government/: a 政府工作报告-style text with no 专栏 at all - a letter-spaced title, no
  indicators or projects (only a folder of CSV statistics), an 附件.

Refresh a golden text, after a change meant to alter it, with
`.venv/bin/python -m pytest tests --update-snapshots` and read the git diff.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from helpers import snapshots
from helpers.project import Cli
from reportgen.word.text import read_pieces

HERE = Path(__file__).resolve().parent
EXAMPLES = {"county": "2024", "government": "2024"}


def pieces_text(path: Path) -> str:
    """A built report as official.txt writes it: a paragraph or table cell a line."""
    return "".join(f"{piece.text}\n" for piece in read_pieces(path))


_BUILT: dict[str, tuple[str, Path, Path]] = {}


def build_example(name: str, tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Path, Path]:
    """(name, project copy, the built .docx), once a session: the example as a user would run
    it - write the default Word template, then build."""
    if name not in _BUILT:
        root = tmp_path_factory.mktemp(name) / name
        shutil.copytree(HERE / name, root)
        cli = Cli(root)
        cli("template")
        _BUILT[name] = (name, root, root / cli("build", EXAMPLES[name]).stdout.strip())
    return _BUILT[name]


@pytest.fixture(params=sorted(EXAMPLES))
def built(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
          ) -> tuple[str, Path, Path]:
    return build_example(request.param, tmp_path_factory)


@pytest.fixture
def county(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Path, Path]:
    return build_example("county", tmp_path_factory)


@pytest.fixture
def government(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Path, Path]:
    return build_example("government", tmp_path_factory)


def test_each_example_builds_to_its_golden_text(built: tuple[str, Path, Path]) -> None:
    name, _, path = built
    golden = HERE / name / "data" / EXAMPLES[name] / "official.txt"
    text = pieces_text(path)
    if snapshots.UPDATE:
        golden.write_text(text, encoding="utf-8", newline="\n")
    assert golden.is_file(), f"no {golden}; run `{snapshots.COMMAND}` to write it"
    assert text == golden.read_text(encoding="utf-8"), (
        f"{name} differs from its official.txt; if the change is meant, run "
        f"`{snapshots.COMMAND}` and review the diff")


def test_each_example_checks_clean_and_diffs_equal(built: tuple[str, Path, Path]) -> None:
    name, root, _ = built
    cli = Cli(root)
    year = EXAMPLES[name]
    assert cli("check", year).stderr.endswith(
        f"check {year}: 0 error(s), 0 warning(s), 0 value(s) to fill in\n")
    shutil.copy(HERE / name / "data" / year / "official.txt", root / "data" / year)
    assert "\nno differences (" in cli("diff", year).stdout


def test_the_county_has_its_kinds_of_table(county: tuple[str, Path, Path]) -> None:
    _, _, path = county
    lines = pieces_text(path).split("\n")
    # the three-period table: 类别 as a row across, the unit in its own column
    start = lines.index("专栏2：2024年经济社会发展主要指标")
    assert lines[start + 1:start + 9] == ["序号", "指标", "单位", "2023年完成", "2024年目标",
                                          "“十四五”目标", "属性", "经济发展"]
    # the project table: 合计 of the 万元 columns computed, and the prose's total in 亿元
    assert lines[lines.index("合计"):lines.index("合计") + 3] == ["合计", "411200.5", "134650"]
    text = "".join(lines)
    assert "全年安排县级重点项目8个，总投资41.12005亿元，年度计划投资13.465亿元" in text
    assert "小计237850.565800" in text  # 交通水利's 小计 row


def test_the_government_report_has_no_box(government: tuple[str, Path, Path]) -> None:
    _, root, path = government
    assert not (root / "data" / "2024" / "boxes.yaml").exists()
    text = pieces_text(path)
    assert "专栏" not in text and text.startswith("政 府 工 作 报 告\n")
    assert "县人民政府县长\u3000王建国\n\n各位代表：\n" in text
    assert "奋斗！\n附件\n\n名词解释\n\n1.规模以上工业" in text
