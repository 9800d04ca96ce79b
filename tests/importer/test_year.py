"""The year's files from the parts read: each line, 专栏 and 附件 written as it stood (data, text or
paragraphs), what each prints, report.yaml as people edit it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from reportgen.data.yamlfile import parse_yaml
from reportgen.errors import SourceRef
from reportgen.importer.boxes import Attachment, Box
from reportgen.importer.outline import Expr, Line
from reportgen.importer.source import Para, Source
from reportgen.importer.year import (
    PLAIN,
    TEXT,
    AttachmentPlan,
    BoxPlan,
    ImportedYear,
    Stat,
    expected,
)

SOURCE = Source(Path("r.txt"), "txt", (), b"text", "official.txt", "utf-8", "正文")


def year_of(*units: object, **report: object) -> ImportedYear:
    mapping = {"地区": "甲区", "年份": {"上年": 2020, "本年": 2021}, "标题": "关于\n报告", **report}
    return ImportedYear(2021, (2020, 2021), mapping, list(units), SOURCE, "r.txt")  # type: ignore[arg-type]


def box(number: str = "1", title: str = "2021年民生实事") -> Box:
    return Box(Para(f"专栏{number}：{title}"), number, title, [Para("1．教育"), Para("建学校。")])


def test_a_box_of_text_paragraphs_and_an_attachment() -> None:
    text = BoxPlan(box(), None, [Line("h3", body=["1．教育"]), Line("p", body=["建学校。"])], TEXT)
    plain = BoxPlan(box("一"), None, list(text.lines), PLAIN)
    attachment = AttachmentPlan(Attachment(Para("附件"), Para("2021年项目")))
    imported = year_of(Line("p", body=["2021年正文。"]), text, plain, attachment)
    lines = imported.narrative().split("\n")
    body = lines[lines.index("#}") + 1:]
    assert body == ["{{ 本年 }}年正文。", "[专栏：{{ 本年 }}年民生实事]", "### 1．教育", "建学校。",
                    "[/专栏]", "专栏一：{{ 本年 }}年民生实事", "### 1．教育", "建学校。",
                    "[附件：{{ 本年 }}年项目]", ""]
    assert imported.lines_of == {0: lines.index("#}") + 2, 1: lines.index("#}") + 3,
                                 2: lines.index("#}") + 7, 3: lines.index("#}") + 10}
    assert [expected(u) for u in imported.units] == [
        ["2021年正文。"], ["专栏1：2021年民生实事1．教育建学校。"],
        ["专栏一：2021年民生实事", "1．教育", "建学校。"], ["附件2021年项目"]]
    assert "由 reportgen import 从 r.txt 读出。" in lines[1]


def test_report_yaml_reads_back_and_statistics_only_as_quoted() -> None:
    used = Line("p", body=[Expr("统计.甲.数值", "1.0", ("统计:甲",))])
    imported = year_of(used, 会议={"日期": dt.date(2021, 3, 10), "名称": "甲会"}, 称谓="")
    imported.statistics = {"甲": Stat("甲", "1.0", "亿元", "-4%"), "乙": Stat("乙", "2")}
    texts = imported.texts()
    report = parse_yaml(texts["report.yaml"], SourceRef("report.yaml"))
    assert report["标题"] == "关于\n报告" and report["称谓"] == ""
    assert report["会议"]["日期"] == dt.date(2021, 3, 10)
    assert '标题: "关于\\n报告"' in texts["report.yaml"]
    assert "boxes.yaml" not in texts
    (sheet,) = imported.sheets()["statistics"]
    assert [[c.text for c in row] for row in sheet.rows] == [["甲", "1.0", "亿元", "-4%", ""]]
    assert sheet.rows[0][3].number_format == "0%"
    files = imported.files()
    assert sorted(files) == ["narrative.txt", "official.txt", "report.yaml", "statistics.xlsx"]
    assert files["official.txt"] == b"text"
