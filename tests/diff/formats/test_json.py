"""The JSON report: every change with its place, and the summary."""

from __future__ import annotations

import json

from helpers.edits import OFFICIAL_LINES, all_edits, txt_side
from helpers.snapshots import assert_snapshot
from reportgen.diff.changes import compare
from reportgen.diff.output import render


def test_changes_and_summary() -> None:
    comparison = compare(txt_side(OFFICIAL_LINES, "official"), txt_side(all_edits(), "edited"))
    data = json.loads(render("json", comparison))
    assert data["status"] == 1 and data["same"] is False
    assert data["a"] == {"label": "official", "source": "official", "characters": 12_971}
    assert data["rules"] == {"strict": False, "fold_width": False,
                             "description": "whitespace ignored; full-width and half-width "
                                            "punctuation differ"}
    summary = data["summary"]
    assert summary["changes"] == len(data["changes"]) == 7
    assert 95 < summary["similarity"] < 100
    assert {"box": "专栏3 2020年国民经济和社会发展主要指标完成情况", "changes": 1} in summary["by_box"]
    cell = next(c for c in data["changes"] if c["where"]["box"] == "专栏3")
    assert (cell["kind"], cell["deleted"], cell["inserted"]) == ("replace", "500.30", "500.31")
    assert cell["a"]["unit"] == "line" and cell["b"]["text"] == "500.31"
    moved = [c for c in data["changes"] if c["moved"] is not None]
    assert [c["kind"] for c in moved] == ["move-from", "move-to"]
    assert moved[0]["moved"] == moved[1]["number"]
    assert summary["figures"] == 2
    assert data["figures"] == [
        {"change": 4, "accepted": False, "label": "实现工业增加值", "from": "163.41亿元",
         "to": "163.42亿元", "from_number": "163.41", "to_number": "163.42", "unit": "亿元",
         "box": "", "text": "实现工业增加值 163.41 → 163.42 亿元"},
        {"change": 7, "accepted": False, "label": "地区生产总值增速（%）", "from": "500.30",
         "to": "500.31", "from_number": "500.30", "to_number": "500.31", "unit": "", "box": "专栏3",
         "text": "地区生产总值增速（%） 500.30 → 500.31"}]


def test_the_json_output_is_as_stored() -> None:
    comparison = compare(txt_side(OFFICIAL_LINES, "official"), txt_side(all_edits(), "edited"))
    assert_snapshot("diff.json", str(render("json", comparison)) + "\n")
