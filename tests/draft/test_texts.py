"""Next year's text files: report.yaml moved on with its comments, boxes.yaml with the 专栏 of
last year's completed projects, and the narrative placing it."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from helpers.project import REPO
from reportgen.data.folder import RawYear
from reportgen.data.model import BoxSpec
from reportgen.data.yamlfile import read_yaml
from reportgen.draft.texts import FILL, NewBox, boxes_text, narrative_text, report_text
from reportgen.errors import SourceRef

FOLDER = REPO / "data" / "2021"
REPORT = (FOLDER / "report.yaml").read_text(encoding="utf-8")
MEETING = "  名称: 重庆市綦江区第二届人民代表大会第六次会议"


def raw_year(folder: Path, narrative: str = "") -> RawYear:
    """The text files of a year folder, read as ``draft`` reads them."""
    report_ref = SourceRef("data/2021/report.yaml")
    boxes_ref = SourceRef("data/2021/boxes.yaml")
    report = read_yaml(folder / "report.yaml", report_ref) if (
        folder / "report.yaml").exists() else None
    return RawYear(2021, folder, report, report_ref, None, boxes_ref, narrative,
                   SourceRef("data/2021/narrative.txt"), {}, {})


PREVIOUS = ("区二届人大六次会议",
            "关于重庆市綦江区2020年国民经济和社会发展计划执行情况及2021年计划草案的报告")
SHORT = "  简称: 区二届人大六次会议   # 正文中提到本次会议时的写法"
#: 会议 with every key on its line, as the shipped report.yaml writes it
MEETING_BLOCK = "会议:\n  日期: 2021-03-10\n" + MEETING + "\n" + SHORT + "\n"


def drafted_report(tmp_path: Path, text: str, year: int = 2022) -> str:
    (tmp_path / "report.yaml").write_text(text, encoding="utf-8")
    return report_text(raw_year(tmp_path), year, PREVIOUS)


# -- report.yaml ------------------------------------------------------------------------------

def test_the_years_move_on_and_the_meeting_is_to_fill_comments_kept() -> None:
    text = report_text(raw_year(FOLDER), 2022, PREVIOUS)
    old, new = REPORT.split("\n"), text.split("\n")
    changed = {i: (a, b) for i, (a, b) in enumerate(zip(old, new, strict=True)) if a != b}
    assert changed == {
        4: ("  上年: 2020   # 回顾执行情况的年份", "  上年: 2021   # 回顾执行情况的年份"),
        5: ("  本年: 2021   # 计划年份，与文件夹名相同", "  本年: 2022   # 计划年份，与文件夹名相同"),
        7: ("  日期: 2021-03-10", "  日期: 待填  # 待填：会议日期，如 2022-01-12"),
        8: (MEETING, "  名称: 待填  # 待填：会议名称，如 ××区第×届人民代表大会第×次会议"),
        9: (SHORT, "  简称: 待填   # 正文中提到本次会议时的写法"),
        12: ("  简称: 区二届人大五次会议", '  简称: "区二届人大六次会议"'),
        13: ("  报告: 关于重庆市綦江区2019年国民经济和社会发展计划执行情况与2020年计划草案的报告",
             '  报告: "关于重庆市綦江区2020年国民经济和社会发展计划执行情况及2021年计划草案的报告"'),
    }
    data = yaml.safe_load(text)
    assert data["年份"] == {"上年": 2021, "本年": 2022}
    assert data["会议"] == {"日期": FILL, "名称": FILL, "简称": FILL}
    assert data["上年会议"] == {"简称": PREVIOUS[0], "报告": PREVIOUS[1]}


@pytest.mark.parametrize("year", [2022, 2023, 2031])
def test_the_years_follow_the_drafted_year(year: int) -> None:
    text = report_text(raw_year(FOLDER), year, PREVIOUS)
    assert yaml.safe_load(text)["年份"] == {"上年": year - 1, "本年": year}
    assert f"如 {year}-01-12" in text


def test_a_comment_on_the_meeting_line_is_kept(tmp_path: Path) -> None:
    text = drafted_report(tmp_path, REPORT.replace(MEETING, f"{MEETING}  # 人代会全称"))
    assert "  名称: 待填  # 人代会全称" in text.split("\n")


def test_a_report_without_the_previous_meeting_gets_it(tmp_path: Path) -> None:
    source = REPORT[:REPORT.index("# 批准上年计划")] + REPORT[REPORT.index("# 标题中的换行"):]
    data = yaml.safe_load(drafted_report(tmp_path, source))
    assert data["上年会议"] == {"简称": PREVIOUS[0], "报告": PREVIOUS[1]}


@pytest.mark.parametrize("layout", [
    ("年份:\n  上年: 2020   # 回顾执行情况的年份\n  本年: 2021   # 计划年份，与文件夹名相同\n",
     "年份: {上年: 2020, 本年: 2021}\n"),
    (MEETING_BLOCK,
     "会议: {日期: 2021-03-10, 名称: 重庆市綦江区第二届人民代表大会第六次会议, 简称: 区二届人大六次会议}\n"),
    ('  上年: 2020   #', '  "上年": 2020   #'),  # a quoted key is not on a plain key line
], ids=["flow years", "flow meeting", "quoted key"])
def test_keys_not_one_per_line_are_written_afresh(tmp_path: Path,
                                                   layout: tuple[str, str]) -> None:
    old, new = layout
    assert old in REPORT
    text = drafted_report(tmp_path, REPORT.replace(old, new))
    assert "#" not in text  # written afresh: the comments are gone
    data = yaml.safe_load(text)
    assert data == {"地区": "重庆市綦江区", "报告单位": "重庆市綦江区发展和改革委员会",
                    "年份": {"上年": 2021, "本年": 2022},
                    "会议": {"日期": FILL, "名称": FILL, "简称": FILL},
                    "上年会议": {"简称": PREVIOUS[0], "报告": PREVIOUS[1]},
                    "标题": yaml.safe_load(REPORT)["标题"]}
    assert list(data) == ["地区", "报告单位", "年份", "会议", "上年会议", "标题"]


@pytest.mark.parametrize("afresh", [False, True], ids=["edited", "written afresh"])
def test_the_lines_under_the_title_are_kept(tmp_path: Path, afresh: bool) -> None:
    text = REPORT + ('题注: "（{{ 会议.日期|date }}在{{ 会议.名称 }}上）"\n'
                     "署名: 区人民政府区长\u3000某某\n称谓: \"\"\n")
    if afresh:
        text = text.replace(MEETING_BLOCK, "会议: {日期: 2021-03-10, 名称: 人代会}\n")
    drafted = drafted_report(tmp_path, text)
    assert ("#" not in drafted) is afresh
    data = yaml.safe_load(drafted)
    assert (data["题注"], data["署名"], data["称谓"]) == (
        "（{{ 会议.日期|date }}在{{ 会议.名称 }}上）", "区人民政府区长\u3000某某", "")


def test_written_afresh_other_meeting_keys_are_kept(tmp_path: Path) -> None:
    text = drafted_report(tmp_path, REPORT.replace(
        MEETING_BLOCK, "会议: {日期: 2021-03-10, 名称: 某会议, 地点: 綦江}\n"))
    assert yaml.safe_load(text)["会议"] == {"日期": FILL, "名称": FILL, "地点": "綦江"}


@pytest.mark.parametrize("value", [">\n    重庆市綦江区第二届人民代表大会第六次会议",
                                   "|\n    重庆市綦江区第二届人民代表大会第六次会议",
                                   "\n    重庆市綦江区第二届人民代表大会第六次会议"],
                         ids=["folded", "literal", "next line"])
def test_a_value_on_several_lines_is_replaced_whole(tmp_path: Path, value: str) -> None:
    source = REPORT.replace(MEETING, f"  名称: {value}")
    assert yaml.safe_load(source)["会议"]["名称"].strip() == "重庆市綦江区第二届人民代表大会第六次会议"
    data = yaml.safe_load(drafted_report(tmp_path, source))
    assert data["会议"] == {"日期": FILL, "名称": FILL, "简称": FILL}


# -- boxes.yaml -------------------------------------------------------------------------------

BOXES = (FOLDER / "boxes.yaml").read_text(encoding="utf-8")


COMPLETED = NewBox("上年完工项目", "政府投资重点项目", "完工项目")
COMPLETED_BOX = COMPLETED.key
REPORTED = ("上年民心工程", "上年完工项目")  # 数据.结转's lists, by default


def test_boxes_are_copied_as_they_are() -> None:
    assert boxes_text(raw_year(FOLDER), []) == BOXES


def test_a_new_box_prints_a_carried_list_and_is_added_at_the_end() -> None:
    text = boxes_text(raw_year(FOLDER), [COMPLETED])
    assert text.startswith(BOXES.rstrip("\n") + "\n\n# 上年政府投资重点项目中分组为“完工项目”的项目的完成情况")
    data = yaml.safe_load(text)
    assert list(data) == [*yaml.safe_load(BOXES), "完工项目完成情况"]
    assert data[COMPLETED_BOX] == {"标题": "{{ 上年 }}年完工项目完成情况",
                                   "清单": "上年完工项目", "模板": "完成情况清单.txt",
                                   "参数": {"编号": "1．"}}
    assert (REPO / "templates" / "专栏" / data[COMPLETED_BOX]["模板"]).is_file()
    whole = yaml.safe_load(boxes_text(raw_year(FOLDER), [NewBox("上年重点项目", "重点项目", None)]))
    assert whole["重点项目完成情况"]["标题"] == "{{ 上年 }}年重点项目完成情况"


@pytest.mark.parametrize("ending", ["", "\n", "\n\n\n"])
def test_the_box_is_added_whatever_the_file_ends_with(tmp_path: Path, ending: str) -> None:
    (tmp_path / "boxes.yaml").write_text(BOXES.rstrip("\n") + ending, encoding="utf-8")
    text = boxes_text(raw_year(tmp_path), [COMPLETED])
    assert list(yaml.safe_load(text))[-2:] == ["民心工程", COMPLETED_BOX]
    assert "\n\n\n" not in text


# -- narrative.txt ----------------------------------------------------------------------------

def box(key: str, source: str) -> BoxSpec:
    return BoxSpec(key, key, "list", source, {}, "boxes.yaml")


BOX_SPECS = {"重大项目完成情况": box("重大项目完成情况", "上年重大项目"),
             "民心工程完成情况": box("民心工程完成情况", "上年民心工程"),
             "主要指标完成情况": box("主要指标完成情况", "完成情况")}
PLACED = f"[专栏：{COMPLETED_BOX}]"


@pytest.mark.parametrize(("lines", "boxes", "expected"), [
    # after the 专栏 of a list of last year's plan reported on (民心工程), wherever it stands
    (["甲", "[专栏：民心工程完成情况]", "乙", "[专栏：重大项目完成情况]", "丙"], BOX_SPECS,
     ["甲", "[专栏：民心工程完成情况]", PLACED, "乙", "[专栏：重大项目完成情况]", "丙"]),
    (["甲", "[专栏：重大项目完成情况]", "[专栏：民心工程完成情况]", "乙"], BOX_SPECS,
     ["甲", "[专栏：重大项目完成情况]", "[专栏：民心工程完成情况]", PLACED, "乙"]),
    # the line as the narrative's markup reads it: half-width colon, spaces, the last line
    (["甲", "  [专栏: 民心工程完成情况 ]"], BOX_SPECS, ["甲", "  [专栏: 民心工程完成情况 ]", PLACED]),
    # a 专栏 is found by the list it shows, whatever its name
    (["[专栏：实事]", "乙"], {"实事": box("实事", "上年民心工程")}, ["[专栏：实事]", PLACED, "乙"]),
])
def test_the_new_box_is_placed_after_the_right_line(lines: list[str], boxes: dict[str, BoxSpec],
                                                    expected: list[str]) -> None:
    raw = raw_year(FOLDER, "\n".join(lines))
    assert narrative_text(raw, boxes, [COMPLETED], REPORTED) == ("\n".join(expected), True)


@pytest.mark.parametrize("lines", [
    ["甲", "[专栏：主要指标完成情况]", "乙"],
    ["甲", "[专栏：重大项目完成情况]", "[专栏：未定义的专栏]"],
    [],
])
def test_without_a_place_the_narrative_is_unchanged_and_says_so(lines: list[str]) -> None:
    raw = raw_year(FOLDER, "\n".join(lines))
    assert narrative_text(raw, BOX_SPECS, [COMPLETED], REPORTED) == ("\n".join(lines), False)


def test_nothing_to_add_nothing_changed() -> None:
    raw = raw_year(FOLDER, "[专栏：民心工程完成情况]\n")
    assert narrative_text(raw, BOX_SPECS, [], REPORTED) == ("[专栏：民心工程完成情况]\n", True)


def test_the_shipped_narrative_gets_the_box_after_the_minxin_projects() -> None:
    narrative = (FOLDER / "narrative.txt").read_text(encoding="utf-8")
    text, placed = narrative_text(raw_year(FOLDER, narrative), BOX_SPECS, [COMPLETED], REPORTED)
    assert placed
    assert text == narrative.replace("[专栏：民心工程完成情况]\n",
                                     "[专栏：民心工程完成情况]\n" + PLACED + "\n")
