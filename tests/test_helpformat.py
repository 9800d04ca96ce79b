"""Help wrapped by the columns a terminal gives each character: Chinese takes two; a line
never opens with a closing mark nor ends with an opening one; English as click wraps it."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from reportgen.cli import main
from reportgen.helpformat import columns, wrap, wrap_line


@pytest.mark.parametrize(("text", "width", "lines"), [
    ("由上年数据新建文件夹", 8, ["由上年数", "据新建文", "件夹"]),
    ("项目文件夹（包含 data/ 和 templates/）", 20, ["项目文件夹（包含", "data/ 和", "templates/）"]),
    ("甲乙丙，丁戊", 6, ["甲乙", "丙，丁", "戊"]),  # a comma takes the character before it down
    ("甲乙丙》。丁", 6, ["甲乙", "丙》。", "丁"]),
    ("甲乙（丙丁）", 6, ["甲乙", "（丙", "丁）"]),  # an opening mark goes down with what it opens
    ("write the year", 10, ["write the", "year"]),
    ("", 10, []),
])
def test_lines(text: str, width: int, lines: list[str]) -> None:
    assert wrap_line(text, width) == lines


def test_columns() -> None:
    assert columns("专栏3：abc") == 2 * 3 + 1 + 3


def test_paragraphs_and_indents() -> None:
    assert wrap("甲乙丙丁戊己庚\n\n辛", 12, "  ") == "  甲乙丙丁戊\n  己庚\n\n  辛"
    assert wrap("\b\n  原样\n  保留", 4, "") == "  原样\n  保留"  # click's no-rewrap marker


_TEXT = st.text(st.sampled_from(list("甲乙丙丁戊，。（）「」ab 1")), max_size=80)


@given(_TEXT, st.integers(min_value=6, max_value=40))
def test_nothing_is_lost_and_lines_fit(text: str, width: int) -> None:
    lines = wrap_line(text, width)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")
    for line in lines:
        # a line is over only where what it holds cannot break (a word wider than the line,
        # marks that may neither open nor close a line around the only places to break)
        assert columns(line) <= width or wrap_line(line, width) == [line]


def test_chinese_help_fits_the_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("REPORTGEN_LANG", raising=False)
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    for command in [["--help"], *([name, "--help"] for name in main.commands)]:  # type: ignore[attr-defined]
        result = CliRunner().invoke(main, command, terminal_width=80)
        assert result.exit_code == 0 and "用法" in result.output
        too_wide = [line for line in result.output.splitlines() if columns(line) > 80]
        assert not too_wide, too_wide
