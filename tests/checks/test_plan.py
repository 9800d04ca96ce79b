"""The plan-vs-actual table: aligned for a terminal."""

from __future__ import annotations

from reportgen.checks.plan import StatusRow, status_table


def test_the_status_table_lines_up_by_terminal_width() -> None:
    rows = [StatusRow("1", "地区生产总值增速（%）", "7.5以上", "3", "未完成", "3 < 7.5"),
            StatusRow("", "其中：税收收入增速（%）", "8", "—", "—", ""),
            StatusRow("12", "PM2.5浓度（微克/立方米）", "≤35", "31", "完成", "31 ≤ 35")]
    assert status_table(rows).split("\n") == [
        "序号 指标                     计划目标 结果 状态   说明",
        " 1   地区生产总值增速（%）    7.5以上  3    未完成 3 < 7.5",
        "     其中：税收收入增速（%）  8        —    —",
        "12   PM2.5浓度（微克/立方米） ≤35      31   完成   31 ≤ 35",
    ]
