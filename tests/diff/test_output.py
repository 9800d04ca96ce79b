"""The diff's output registry: every format module is listed and renders what it declares, and
the options reach the format that reads them."""

from __future__ import annotations

import importlib
import inspect
import json
import pkgutil
import re
from pathlib import Path

import pytest

from helpers.edits import txt_side
from reportgen.diff import baseline
from reportgen.diff import formats as formats_package
from reportgen.diff.changes import Comparison, compare
from reportgen.diff.output import DIFF_CATEGORY, FORMATS, Options, encoded, render
from reportgen.word.text import docx_category

A = ["一、2020年国民经济和社会发展计划执行情况", "（一）稳增长",
     "全区实现地区生产总值500.30亿元，增长3%。工业经济持续向好，实现工业增加值163.41亿元。"]
B = [A[0], A[1], "全区实现地区生产总值500.31亿元，增长3%。工业经济持续向好，实现工业增加值163.41亿元。"]
ANSI = re.compile(r"\x1b\[")


def comparison() -> Comparison:
    return compare(txt_side(A, "official"), txt_side(B, "generated"))


def test_every_format_module_is_registered() -> None:
    modules = {info.name for info in pkgutil.iter_modules(formats_package.__path__)}
    assert modules == {f.module for f in FORMATS.values()} == {"text", "json", "html", "docx"}
    assert all(name == f.name for name, f in FORMATS.items())


@pytest.mark.parametrize("name", list(FORMATS))
def test_a_format_renders_str_or_bytes_as_declared(name: str) -> None:
    declared = FORMATS[name]
    module = importlib.import_module(f"reportgen.diff.formats.{declared.module}")
    assert inspect.signature(module.render).return_annotation == \
        ("bytes" if declared.binary else "str")
    result = render(name, comparison())
    assert isinstance(result, bytes if declared.binary else str)
    assert len(result) > 100


@pytest.mark.parametrize(("name", "binary", "to_file"), [
    ("text", False, False), ("json", False, False), ("html", False, True), ("docx", True, True)])
def test_what_is_printed_and_what_is_a_file(name: str, binary: bool, to_file: bool) -> None:
    assert (FORMATS[name].binary, FORMATS[name].to_file) == (binary, to_file)


@pytest.mark.parametrize("name", list(FORMATS))
def test_encoded_gives_the_bytes_of_a_file(name: str) -> None:
    data = encoded(name, comparison())
    assert isinstance(data, bytes)
    result = render(name, comparison())
    assert data == (result if isinstance(result, bytes) else result.encode("utf-8"))


def test_the_text_names_both_sides_and_marks_the_change() -> None:
    text = render("text", comparison())
    assert text.startswith("--- official: official\n+++ generated: generated\n\n@@ 1/1 replace · "
                           "一、2020年国民经济和社会发展计划执行情况 › （一）稳增长 · official line 3, "
                           "generated line 3 @@\n")
    assert not ANSI.search(text)


def test_brief_prints_only_the_sides_and_the_summary() -> None:
    full = render("text", comparison())
    brief = render("text", comparison(), Options(brief=True))
    assert "@@" in full and "@@" not in brief
    head, summary = brief.split("\n\n")
    assert head == "--- official: official\n+++ generated: generated"
    assert summary.startswith("1 change (1 replace): 6 characters deleted, 6 inserted; ")
    assert summary.endswith("\nfigures changed (1):\n     1  全区实现地区生产总值 500.30 → 500.31 亿元")
    assert full.endswith(summary)


def test_color_adds_ansi_codes() -> None:
    text = render("text", comparison(), Options(color=True))
    assert text.startswith("\x1b[1m--- official: official\x1b[m\n")
    assert "生产总值\x1b[31m500.30\x1b[m\x1b[32m500.31\x1b[m亿元" in text
    assert "[-" not in text and "{+" not in text


@pytest.mark.parametrize(("context", "line"), [
    (2, "…总值[-500.30-]{+500.31+}亿元…"),
    (6, "…地区生产总值[-500.30-]{+500.31+}亿元，增长3…"),
    (12, "…增长¶全区实现地区生产总值[-500.30-]{+500.31+}亿元，增长3%。工业经济…"),
    (40, "一、2020年国民经济和社会发展计划执行情况¶（一）稳增长¶全区实现地区生产总值[-500.30-]{+500.31+}"
         "亿元，增长3%。工业经济持续向好，实现工业增加值163.41亿元。"),
])
def test_context_sets_the_characters_around_a_change(context: int, line: str) -> None:
    assert render("text", comparison(), Options(context=context)).split("\n")[4] == line


def test_the_baseline_is_named_where_it_accepts_the_changes() -> None:
    accepted = comparison()
    unmatched = baseline.apply(accepted, baseline.parse(baseline.dump(accepted), "baseline"))
    assert unmatched == []
    text = render("text", accepted, Options(baseline="data/2021/diff-baseline.json"))
    assert "1 accepted in data/2021/diff-baseline.json, 0 not" in text
    assert "@@" not in text
    assert "1 accepted in the baseline, 0 not" in render("text", accepted)


@pytest.mark.parametrize("name", ["json", "html"])
def test_terminal_options_leave_the_other_formats_alone(name: str) -> None:
    assert render(name, comparison(), Options(color=True, brief=True, context=3)) == \
        render(name, comparison())
    assert not ANSI.search(str(render(name, comparison(), Options(color=True))))


def test_the_json_is_a_document_of_the_changes() -> None:
    data = json.loads(render("json", comparison()))
    assert [(c["kind"], c["deleted"], c["inserted"]) for c in data["changes"]] == [
        ("replace", "500.30", "500.31")]
    assert [f["text"] for f in data["figures"]] == ["全区实现地区生产总值 500.30 → 500.31 亿元"]


@pytest.mark.parametrize(("options", "category"), [
    (Options(), DIFF_CATEGORY), (Options(category="审阅稿"), "审阅稿")])
def test_the_word_file_carries_the_category(options: Options, category: str,
                                            tmp_path: Path) -> None:
    path = tmp_path / "changes.docx"
    path.write_bytes(encoded("docx", comparison(), options))
    assert docx_category(path) == category
    assert DIFF_CATEGORY == "reportgen diff"
