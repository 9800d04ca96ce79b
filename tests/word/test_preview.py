"""The report as LibreOffice prints it (gongwen-format §16 item 7): pages, lines of the grid,
characters per line, page numbers where GB/T 9704 puts them, 专栏 in their boxes."""

from __future__ import annotations

import math
import re
from collections import Counter
from pathlib import Path

import pytest

from helpers.text import OFFICIAL_2021, report_text
from reportgen.word.preview import SMALL_LINE, TYPE_AREA, Line, Page, box_regions, read_pages

MM = 72 / 25.4  # points per millimetre
ONE_CHARACTER = 14.0  # 四号, the page number's indent


@pytest.fixture(scope="module")
def pages(report_pdf: Path) -> list[Page]:
    return read_pages(report_pdf)


def inside(page: Page) -> list[Line]:
    return [line for line in page.lines if line.y1 <= TYPE_AREA["bottom"] + 2]


def body_only(page: Page) -> bool:
    """A page of 三号 text only: no 专栏 or table on it."""
    return all(line.height >= SMALL_LINE for line in inside(page))


def test_page_count_is_plausible_for_22_lines_of_28_characters(pages: list[Page]) -> None:
    text = report_text(OFFICIAL_2021)
    full = len(text) / (22 * 28)  # pages if every line were full 三号 text
    assert math.floor(full * 0.8) <= len(pages) <= math.ceil(full * 1.25)


def test_every_page_has_its_number_between_em_dashes(pages: list[Page]) -> None:
    for page in pages:
        below = [line for line in page.lines if line.y0 > TYPE_AREA["bottom"]]
        assert [re.sub(r"\s", "", line.text) for line in below] == [f"—{page.number}—"]


def test_page_numbers_sit_7_mm_below_the_type_area_one_character_in(pages: list[Page]) -> None:
    for page in pages:
        number = next(line for line in page.lines if line.y0 > TYPE_AREA["bottom"])
        assert 6 <= (number.y0 - TYPE_AREA["bottom"]) / MM <= 8, page.number
        if page.number % 2:  # odd pages: right, one character from the 版心's right edge
            assert TYPE_AREA["right"] - number.x1 == pytest.approx(ONE_CHARACTER, abs=1.5)
        else:
            assert number.x0 - TYPE_AREA["left"] == pytest.approx(ONE_CHARACTER, abs=1.5)


def test_a_full_page_of_text_has_22_lines_at_28_95_pt(pages: list[Page]) -> None:
    # a page of text the next page's text continues (not one a 专栏 kept whole moved from)
    full = [page for page, after in zip(pages[1:-1], pages[2:], strict=False)
            if body_only(page) and inside(after) and inside(after)[0].height >= SMALL_LINE]
    assert len(full) >= 6
    for page in full:
        tops = sorted({round(line.y0, 1) for line in inside(page)})
        assert len(tops) == 22, page.number
        pitch = (tops[-1] - tops[0]) / 21
        assert pitch == pytest.approx(28.95, abs=0.05)
        assert tops[0] - TYPE_AREA["top"] < 10  # the first line at the top of the 版心


def test_a_full_line_of_chinese_holds_28_characters(pages: list[Page]) -> None:
    counts: Counter[int] = Counter()
    for page in pages:
        for line in inside(page):
            full_width = (line.x0 < TYPE_AREA["left"] + 2 and line.x1 > TYPE_AREA["right"] - 4)
            if line.height >= SMALL_LINE and full_width and not any(c.isascii() for c in line.text):
                counts[len(line.text)] += 1
    # 27 where a line may not end on “ or start on ，and the line is justified instead
    assert counts.most_common(1)[0][0] == 28
    assert set(counts) <= {25, 26, 27, 28, 29}


def test_text_stays_in_the_type_area(pages: list[Page]) -> None:
    for page in pages:
        for line in inside(page):
            assert line.x0 >= TYPE_AREA["left"] - 1, (page.number, line.text)
            # a closing ，。、 may hang into the margin (Word's and WPS's default)
            limit = TYPE_AREA["right"] + (16.5 if line.text[-1:] in "，。、；：”）" else 1)
            assert line.x1 <= limit, (page.number, line.text)
        assert all(line.y0 >= TYPE_AREA["top"] for line in page.lines)


def test_every_box_is_found_in_order(pages: list[Page]) -> None:
    regions = box_regions(pages)
    order = [region.box for region in regions]
    assert sorted(set(order)) == list(range(1, 8))
    assert order == sorted(order)  # a box's parts follow each other
    for region in regions:  # a box never starts with its title alone at the foot of a page
        assert region.bottom - region.top > 40


def test_two_boxes_on_one_page_with_nothing_between_are_two() -> None:
    def small(y: float, text: str) -> Line:
        return Line(90, y, 500, y + 14, text)

    page = Page(1, 595, 842, (Line(90, 110, 500, 130, "正文段落"), small(140, "专栏1：甲"),
                              small(156, "一"), small(172, "专栏2：乙"), small(188, "二"),
                              Line(90, 210, 500, 230, "正文")))
    following = Page(2, 595, 842, (small(110, "二续"), Line(90, 130, 500, 150, "正文")))
    assert [(r.box, r.page, r.top, r.bottom) for r in box_regions([page, following])] == [
        (1, 1, 140, 170), (2, 1, 172, 202), (2, 2, 110, 124)]
