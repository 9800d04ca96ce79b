"""Synthetic edits of the official 2021 text, shared by the diff tests."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from helpers.project import REPO
from reportgen.diff.normalise import Normalisation, Side
from reportgen.word.text import Piece, read_pieces

OFFICIAL_LINES = (REPO / "data" / "2021" / "official.txt").read_text("utf-8").split("\n")
MOVED = "抗洪救灾取得重大成效。"
DEFAULT = Normalisation()


def txt_side(lines: list[str], label: str = "a", rules: Normalisation = DEFAULT) -> Side:
    return Side(label, label, [Piece(t, i) for i, t in enumerate(lines, start=1)], rules, True)


def docx_side(path: Path) -> Side:
    """A built report as the generated side, under the default rules."""
    return Side("generated", "report.docx", read_pieces(path), DEFAULT, False)


def replace_once(old: str, new: str) -> Callable[[list[str]], list[str]]:
    def edit(lines: list[str]) -> list[str]:
        index = next(i for i, line in enumerate(lines) if old in line)
        return [*lines[:index], lines[index].replace(old, new, 1), *lines[index + 1:]]
    return edit


def move_paragraph(lines: list[str]) -> list[str]:
    index = next(i for i, line in enumerate(lines) if line.startswith(MOVED))
    paragraph = lines[index]
    rest = lines[:index] + lines[index + 1:]
    target = next(i for i, line in enumerate(rest) if line.startswith("（四）"))
    return [*rest[:target], paragraph, *rest[target:]]


# (edit of official.txt, expected changes as (kind, deleted, inserted), expected subsection)
EDITS = {
    "insert": (replace_once("千方百计稳住外贸基本盘。", "千方百计稳住外贸基本盘，新增贸易伙伴。"),
               [("insert", "", "，新增贸易伙伴")], "（三）"),
    "delete": (replace_once("持续激发贫困群众内生动力。", ""),
               [("delete", "持续激发贫困群众内生动力。", "")], "（一）"),
    "replace": (replace_once("实现工业增加值163.41亿元", "实现工业增加值163.42亿元"),
                [("replace", "1", "2")], "（二）"),
    "punctuation width": (replace_once("各位代表：", "各位代表:"), [("replace", "：", ":")], ""),
    "table cell": (replace_once("\t500.30", "\t500.31"), [("replace", "0", "1")], "（五）"),
}


def all_edits(lines: list[str] = OFFICIAL_LINES) -> list[str]:
    """Every edit of ``EDITS`` and the moved paragraph, applied together."""
    for edit, _, _ in EDITS.values():
        lines = edit(lines)
    return move_paragraph(lines)
