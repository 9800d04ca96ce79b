"""The title block read as written - title lines, 会议题注 (dashes as typed, or parentheses), the
报告单位 or a speaker, the 称谓 or none - the facts it gives, and report.yaml's templates that
print it back."""

from __future__ import annotations

import datetime as dt

import pytest

from reportgen.errors import ReportgenError
from reportgen.importer.front import (
    caption_template,
    facts,
    meeting_short,
    read_front,
    salutation_template,
    title_template,
)
from reportgen.importer.source import Para


def front_of(*lines: str):  # type: ignore[no-untyped-def]
    return read_front(tuple(Para(line) for line in (*lines, "正文第一段，内容较长。")), "x.txt")


def test_the_2021_title_block() -> None:
    front = front_of("关于重庆市綦江区2020年国民经济和社会发展", "计划执行情况及2021年计划草案的报告",
                     "——2021年3月10日在重庆市綦江区第二届人民代表大会第六次会议上",
                     "重庆市綦江区发展和改革委员会", "各位代表：")
    assert front.used == 5 and front.salutation == "各位代表："
    found = facts(front)
    assert found.years == (2020, 2021) and found.region == "重庆市綦江区"
    assert found.meeting_date == dt.date(2021, 3, 10)
    assert found.meeting_name == "重庆市綦江区第二届人民代表大会第六次会议"
    assert found.issuer == "重庆市綦江区发展和改革委员会" and not found.speaker
    assert title_template(front, found, (2020, 2021)) == (
        "关于{{ 地区 }}{{ 上年 }}年国民经济和社会发展\n计划执行情况及{{ 本年 }}年计划草案的报告")
    assert caption_template(front.caption, found) is None  # the default
    assert salutation_template(front.salutation) is None
    assert meeting_short(found.meeting_name) == "区二届人大六次会议"


@pytest.mark.parametrize(("caption", "template"), [
    ("----2023年1月12日在某县第十八届人民代表大会第三次会议上",
     "----{{ 会议.日期|date }}在{{ 会议.名称 }}上"),
    ("（2024年1月8日在某区第五届人民代表大会第四次会议上）",
     "（{{ 会议.日期|date }}在{{ 会议.名称 }}上）"),
    ("——在某区第五届人民代表大会第四次会议上", "——在{{ 会议.名称 }}上"),
    ("——2024年01月08日在某区第五届人民代表大会第四次会议上",
     "——2024年01月08日在{{ 会议.名称 }}上"),  # a padded date is kept as written
])
def test_captions_as_typed(caption: str, template: str) -> None:
    front = front_of("某区2023年国民经济和社会发展计划执行情况与2024年计划的报告", caption)
    assert caption_template(front.caption, facts(front)) == template


def test_a_letter_spaced_title_a_speaker_and_no_salutation() -> None:
    front = front_of("政 府 工 作 报 告", "——2023年2月2日在某某区第三届人民代表大会第二次会议上",
                     "区人民政府代区长\u3000王强")
    assert front.title == "政 府 工 作 报 告" and front.salutation is None
    found = facts(front)
    assert found.speaker and found.issuer == "区人民政府"
    assert found.region == "某某区" and found.years == ()
    assert salutation_template(None) == ""


def test_a_caption_broken_over_two_lines() -> None:
    front = front_of("关于甲区2022年计划执行情况及2023年计划草案的报告",
                     "——2023年1月5日在甲区第一届", "人民代表大会第二次会议上", "各位代表：")
    assert front.caption == "——2023年1月5日在甲区第一届\n人民代表大会第二次会议上"
    assert front.signature is None and front.salutation == "各位代表："
    assert caption_template(front.caption, facts(front)) is None


def test_a_title_without_caption_or_signature() -> None:
    front = front_of("关于2022年计划执行情况", "与2023年计划草案的报告", "各位代表：")
    assert front.title == "关于2022年计划执行情况\n与2023年计划草案的报告"
    assert (front.caption, front.signature, front.used) == (None, None, 3)


def test_a_text_that_opens_with_no_title_is_refused() -> None:
    with pytest.raises(ReportgenError, match="x.txt: does not read as a report: it opens with"):
        read_front((Para("今天天气很好，我们去公园散步。"),), "x.txt")
