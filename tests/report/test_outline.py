"""A report written with every kind of block - four heading levels, run-in headings at each,
paragraphs that only look like markup, 专栏 in the body and in an 附件, two 附件 - and a speaker
line without 称谓: built (golden text), compared with its own text, checked and drafted on into
next year."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers.project import Cli
from reportgen.word.text import Piece, read_pieces

NARRATIVE = """\
受区人民政府委托，现将{{ 上年 }}年计划执行情况报告如下。
# 一、{{ 上年 }}年计划执行情况
## （一）创新驱动
### 1.创新策源成效显著
#### （1）科技创新
新建研发平台20个。
#### **（2）人才引进。**引进高层次人才100人。
### **2.开放水平提升。**外贸进出口总额增长10%。
一是加快项目建设；二是优化营商环境。
——全年新增市场主体1.2万户。
1.地区生产总值增长8.2%，高于计划目标0.7个百分点。
#1机组全年发电12亿千瓦时。
#
## **（二）民生改善。**民心工程全部完成（见专栏{{ 专栏编号.民心工程完成情况 }}）。
[专栏：民心工程完成情况]
# **二、{{ 本年 }}年总体考虑。**全区经济社会发展的主要预期目标是稳中求进。
[附件：{{ 本年 }}年政府投资重点项目]
# 一、政府投资项目
项目见专栏{{ 专栏编号.政府投资重点项目 }}。
[专栏：政府投资重点项目]
[附件：名词解释]
### 1.数字经济
**数字经济。**以数据资源为关键要素的经济形态。
"""
BOXES = """\
民心工程完成情况:
  标题: "{{ 上年 }}年民心工程完成情况"
  清单: 上年民心工程
  模板: 完成情况清单.txt
  参数: {编号: "1．"}

政府投资重点项目:
  标题: "{{ 本年 }}年政府投资重点项目"
  清单: 政府投资重点项目
  模板: 分组清单.txt
  参数: {编号: "1."}
"""
FRONT = "署名: 重庆市綦江区人民政府区长\u3000某某\n称谓: \"\"\n"
TITLE = "关于重庆市綦江区2020年国民经济和社会发展\n计划执行情况及2021年计划草案的报告"

#: The paragraphs outside the 专栏 tables, in order.
GOLDEN = [
    TITLE, "",
    "——2021年3月10日在重庆市綦江区\n第二届人民代表大会第六次会议上",
    "重庆市綦江区人民政府区长\u3000某某", "",
    "受区人民政府委托，现将2020年计划执行情况报告如下。",
    "一、2020年计划执行情况",
    "（一）创新驱动",
    "1.创新策源成效显著",
    "（1）科技创新",
    "新建研发平台20个。",
    "（2）人才引进。引进高层次人才100人。",
    "2.开放水平提升。外贸进出口总额增长10%。",
    "一是加快项目建设；二是优化营商环境。",
    "——全年新增市场主体1.2万户。",
    "1.地区生产总值增长8.2%，高于计划目标0.7个百分点。",
    "#1机组全年发电12亿千瓦时。",
    "#",
    "（二）民生改善。民心工程全部完成（见专栏1）。",
    "", "",  # the blank lines around 专栏1
    "二、2021年总体考虑。全区经济社会发展的主要预期目标是稳中求进。",
    "附件1", "", "2021年政府投资重点项目", "",
    "一、政府投资项目",
    "项目见专栏2。",
    "", "",
    "附件2", "", "名词解释", "",
    "1.数字经济",
    "数字经济。以数据资源为关键要素的经济形态。",
]


@pytest.fixture
def written(project: Path) -> Path:
    folder = project / "data" / "2021"
    (folder / "narrative.txt").write_text(NARRATIVE, encoding="utf-8")
    (folder / "boxes.yaml").write_text(BOXES, encoding="utf-8")
    report = folder / "report.yaml"
    report.write_text(report.read_text(encoding="utf-8") + FRONT, encoding="utf-8")
    (folder / "official.txt").unlink()
    return project


def build(cli: Cli, project: Path, year: str = "2021") -> Path:
    result = cli("build", year)
    assert "warning" not in result.stderr
    return project / result.stdout.strip()


def box_titles(pieces: list[Piece]) -> list[str]:
    """The first paragraph of each table: a 专栏's title."""
    first: dict[int, str] = {}
    for piece in pieces:
        if piece.table is not None:
            first.setdefault(piece.table, piece.text)
    return list(first.values())


def test_the_built_report_is_the_golden_text(written: Path, cli: Cli) -> None:
    pieces = read_pieces(build(cli, written))
    assert [piece.text for piece in pieces if piece.table is None] == GOLDEN
    assert box_titles(pieces) == ["专栏1：2020年民心工程完成情况", "专栏2：2021年政府投资重点项目"]


def test_diff_against_its_own_text_shows_no_changes(written: Path, cli: Cli,
                                                   tmp_path: Path) -> None:
    built = build(cli, written)
    own = tmp_path / "own.txt"
    own.write_text("\n".join(piece.text.replace("\n", "") for piece in read_pieces(built)),
                   encoding="utf-8")
    for a, b in ((built, own), (own, built)):
        assert "no differences" in cli("diff", str(a), str(b)).stdout


def test_check_finds_nothing_wrong(written: Path, cli: Cli) -> None:
    result = cli("check", "2021")
    assert "0 error(s), 0 warning(s)" in result.stderr


def test_draft_carries_the_outline_into_next_year(written: Path, cli: Cli) -> None:
    cli("draft", "2022")
    drafted = (written / "data" / "2022" / "narrative.txt").read_text(encoding="utf-8")
    added = "[专栏：完工项目完成情况]\n"  # after last year's 民心工程, as draft places it
    assert drafted == NARRATIVE.replace("[专栏：民心工程完成情况]\n",
                                        "[专栏：民心工程完成情况]\n" + added)
    pieces = read_pieces(build(cli, written, "2022"))
    texts = [piece.text for piece in pieces if piece.table is None]
    assert texts[3] == "重庆市綦江区人民政府区长\u3000某某"
    assert [text for text in texts if text.startswith("附件")] == ["附件1", "附件2"]
    assert "2022年政府投资重点项目" in texts
    assert [title.split("：")[0] for title in box_titles(pieces)] == ["专栏1", "专栏2", "专栏3"]


def test_a_change_in_an_attachment_is_placed_in_it(written: Path, cli: Cli,
                                                   tmp_path: Path) -> None:
    built = build(cli, written)
    own = tmp_path / "edited.txt"
    texts = [piece.text for piece in read_pieces(built)]
    own.write_text("\n".join(texts).replace("项目见专栏2。", "项目详见专栏2。"), encoding="utf-8")
    out = cli("diff", str(built), str(own), code=1).stdout
    assert "附件1 2021年政府投资重点项目 › 一、政府投资项目" in out, out


def test_a_word_template_without_their_places_is_named(written: Path, cli: Cli,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """A template made before there were 4th-level headings, 附件 or 称谓 in report.yaml."""
    from reportgen.word import template
    from reportgen.word.layout import Layout

    title = [*template.TITLE_BLOCK[:-3], (template.styles.SALUTATION, "各位代表：")]
    loop, skip = [], False
    for style, text in template.body_loop():  # drop each branch's paragraphs with its test
        skip = skip if not text.startswith("{%p") else ("'h4" in text or "'attachment'" in text)
        if not skip:
            loop.append((style, text))
    kept = title + loop
    monkeypatch.setattr(template, "BODY", kept)
    (written / "templates" / "report.docx").write_bytes(template.make_template(Layout()))
    result = cli("check", "2021")
    warnings = [line for line in result.stdout.splitlines() if line.startswith("warning")]
    fresh = "`reportgen template --force` writes one that has"
    assert [line.split(": they")[0].split(": it")[0] for line in warnings] == [
        "warning: templates/report.docx: has no place for the narrative's blocks of kind "
        "「h4」 (b.类型 == 'h4')",
        "warning: templates/report.docx: has no place for the narrative's blocks of kind "
        "「h4-run-in」 (b.类型 == 'h4-run-in')",
        "warning: templates/report.docx: has no place for the narrative's blocks of kind "
        "「attachment」 (b.类型 == 'attachment')",
        "warning: templates/report.docx: does not use report.yaml's 「称谓」",
    ]
    assert all(fresh in line for line in warnings)
