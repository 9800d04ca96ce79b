"""The style ids: unique, plain ASCII names Word keeps, each one defined by the layout."""

from __future__ import annotations

import re

import pytest

from helpers.docx_xml import Package
from helpers.project import REPO
from reportgen.word import styles
from reportgen.word.layout import Layout
from reportgen.word.stylesheet import report_styles

IDS = {name: value for name, value in vars(styles).items() if name.isupper()}


def test_the_ids_are_unique() -> None:
    assert len(IDS) == 24
    assert len(set(IDS.values())) == len(IDS)


@pytest.mark.parametrize("name", sorted(IDS))
def test_an_id_is_an_ascii_name_without_spaces(name: str) -> None:
    assert re.fullmatch(r"[A-Z][A-Za-z0-9]*", IDS[name]), IDS[name]


def test_the_body_is_words_normal_style() -> None:
    assert styles.BODY == "Normal"


@pytest.mark.parametrize("layout", [Layout(), Layout(char_grid=True, lead_bold=False,
                                                     box_font_size=15)])
def test_the_layout_defines_every_id_once(layout: Layout) -> None:
    defined = [spec.style_id for spec in report_styles(layout)]
    assert sorted(defined) == sorted(IDS.values())


@pytest.mark.parametrize(("style_id", "kind"), [
    (styles.LEAD, "character"), (styles.RUN_IN_BODY, "character"), (styles.BODY, "paragraph"),
    (styles.HEADING3_LEAD, "character"), (styles.HEADING3, "paragraph"),
    (styles.HEADING4_RUN_IN, "paragraph"),
    (styles.TITLE, "paragraph"), (styles.PAGE_NUMBER, "paragraph"),
    (styles.TABLE_HEADER, "paragraph"),
])
def test_character_and_paragraph_styles(style_id: str, kind: str) -> None:
    assert {spec.style_id: spec.kind for spec in report_styles(Layout())}[style_id] == kind


def test_the_committed_template_defines_them_with_their_type() -> None:
    package = Package(REPO / "templates" / "report.docx")
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    for spec in report_styles(Layout()):
        assert package.by_id[spec.style_id].get(f"{w}type") == spec.kind, spec.style_id
