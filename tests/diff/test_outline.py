"""Where pieces are: sections, 专栏 and table rows, in the official .txt and the built .docx."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers.project import REPO
from reportgen.diff.outline import Place, heading_level, joined, outline
from reportgen.word.text import Piece, read_pieces


def boxes(path: Path, plain_text: bool) -> dict[str, tuple[str, str]]:
    """Each 专栏's first and last piece text."""
    pieces = read_pieces(path)
    found: dict[str, tuple[str, str]] = {}
    for piece, place in zip(pieces, outline(pieces, plain_text), strict=True):
        if place.box and piece.text.strip():
            first = found.get(place.box, (piece.text.strip(), ""))[0]
            found[place.box] = (first, piece.text.strip())
    return found


@pytest.mark.parametrize("source", ["txt", "docx"])
def test_boxes_span_their_lines(source: str, built_2021: Path) -> None:
    path = REPO / "data" / "2021" / "official.txt" if source == "txt" else built_2021
    found = boxes(path, source == "txt")
    assert sorted(found) == [f"专栏{n}" for n in range(1, 8)]
    assert found["专栏1"][1].startswith("农业农村：马颈子")
    assert found["专栏3"][1] == "—"
    assert found["专栏4"][0].startswith("专栏4：")
    assert found["专栏7"][1].startswith("12．河道水环境综合治理工程")


def test_sections_in_the_official_text() -> None:
    pieces = read_pieces(REPO / "data" / "2021" / "official.txt")
    places = outline(pieces, plain_text=True)
    def at(start: str) -> Place:
        return next(place for p, place in zip(pieces, places, strict=True)
                    if p.text.strip().startswith(start))

    place = at("工业经济持续向好")
    assert place.section == "一、2020年国民经济和社会发展计划执行情况"
    assert place.subsection == "（二）坚持发展第一要务，加快构建支撑高质量发展的现代产业体系"
    assert at("（一）总体要求。").subsection == "（一）总体要求。"
    assert place.position == f"line {place.paragraph}" and place.line


def test_place_labels() -> None:
    place = Place(64, False, "一、执行情况", "（五）民生", "专栏3", "主要指标", 3, 4, 5)
    assert place.heading == "一、执行情况 › （五）民生"
    assert place.in_box == "专栏3 row 4, cell 5"
    assert place.position == "¶64"
    assert Place(3, table=2, row=1, cell=1).in_box == "table 2 row 1, cell 1"
    assert Place(3).in_box == "" and Place(3).heading == ""


@pytest.mark.parametrize(("text", "level"), [
    ("一、2020年国民经济和社会发展计划执行情况", 1),
    (" （一）坚持人民至上、生命至上", 2),
    ("（一）总体要求。坚持以习近平新时代中国特色社会主义思想为指导", 0),
    ("工业经济持续向好。", 0),
])
def test_heading_level(text: str, level: int) -> None:
    assert heading_level(text) == level


@pytest.mark.parametrize(("a", "b", "label"), [
    ("（二）稳增长", "（二）稳增长", "（二）稳增长"),
    ("一、2020年国民经济和社会发展计划执行情况", "一、2021年国民经济和社会发展计划执行情况",
     "一、2020→2021年国民经济和社会发展计划执行情况"),
    ("专栏3", "专栏4", "专栏3→4"),
    ("投资150万元", "投资150亿元", "投资150万元→150亿元"),
    ("（二）稳增长", "（三）促改革", ""),  # different headings: no one label
])
def test_a_heading_joined_from_both_sides(a: str, b: str, label: str) -> None:
    assert joined(a, b) == label


@pytest.mark.parametrize("plain_text", [False, True])
def test_an_attachment_is_a_section_of_its_own(plain_text: bool) -> None:
    texts = ["一、执行情况", "（一）稳增长", "专栏1：民心工程", "1．綦江大道", "附件1", "",
             "重点项目\n计划表", "", "一、政府投资项目", "（一）交通", "甲", "附件2", "",
             "名词解释", "乙"]
    pieces = [Piece(text, index) for index, text in enumerate(texts, start=1)]
    places = {text: place for text, place in zip(texts, outline(pieces, plain_text),
                                                 strict=True)}
    assert places["1．綦江大道"].box == ("专栏1" if plain_text else "")
    assert (places["附件1"].heading, places["附件1"].box) == ("附件1", "")
    assert places["甲"].heading == "附件1 重点项目计划表 › 一、政府投资项目 › （一）交通"
    assert places["乙"].heading == "附件2 名词解释"
    assert places["（一）稳增长"].heading == "一、执行情况 › （一）稳增长"
