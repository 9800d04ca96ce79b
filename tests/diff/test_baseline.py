"""Accepted differences: matched by text and context, one change per entry, notes kept."""

from __future__ import annotations

import json

import pytest

from helpers.edits import OFFICIAL_LINES, txt_side
from reportgen.diff import baseline
from reportgen.diff.changes import Comparison, compare
from reportgen.errors import ReportgenError


def comparison(lines: list[str]) -> Comparison:
    return compare(txt_side(OFFICIAL_LINES, "official"), txt_side(lines, "generated"))


def edited(*pairs: tuple[str, str]) -> list[str]:
    text = "\n".join(OFFICIAL_LINES)
    for old, new in pairs:
        text = text.replace(old, new, 1)
    return text.split("\n")


def test_an_accepted_change_is_matched_by_its_context() -> None:
    accepted = baseline.parse(baseline.dump(comparison(edited(("增长3.2%", "增长3.3%")))), "b")
    # the same edit elsewhere (the table's 3.2%) is a different difference
    current = comparison(edited(("增长3.2%", "增长3.3%"), ("\t3.2%", "\t3.3%")))
    unused = baseline.apply(current, accepted)
    assert unused == []
    assert [c.accepted for c in current.changes] == [True, False]
    assert len(current.outstanding) == 1


def test_entries_that_no_longer_apply_are_returned() -> None:
    accepted = baseline.parse(baseline.dump(comparison(edited(("各位代表：", "各位代表:")))), "b")
    assert baseline.apply(comparison(OFFICIAL_LINES), accepted) == accepted


def test_dump_keeps_notes_and_says_where() -> None:
    current = comparison(edited(("增长3.2%", "增长3.3%")))
    entry = baseline.Accepted(*baseline.key(current.changes[0]), note="统计局修订")
    data = json.loads(baseline.dump(current, [entry]))
    assert data["format"] == "reportgen diff baseline"
    (written,) = data["accepted"]
    assert written["note"] == "统计局修订" and written["where"].startswith("一、2020年")
    assert (written["deleted"], written["inserted"]) == ("3.2%", "3.3%")  # whole figures
    assert len(written["before"]) == len(written["after"]) == baseline.KEY_CONTEXT


@pytest.mark.parametrize(("text", "message"), [
    ("{", "is not valid JSON"),
    ("[]", 'has no "accepted" list'),
    ('{"accepted": [1]}', "accepted difference 1 is not an object of texts"),
    ('{"accepted": [{"deleted": 3}]}', "accepted difference 1 is not an object of texts"),
])
def test_broken_files_name_the_problem(text: str, message: str) -> None:
    with pytest.raises(ReportgenError, match=message):
        baseline.parse(text, "data/2021/diff-baseline.json")
