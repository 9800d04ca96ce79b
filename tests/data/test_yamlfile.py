"""YAML read with the line of every key: mistakes name their line, any mapping reads back."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reportgen.data.yamlfile import read_yaml
from reportgen.errors import ReportgenError, SourceRef

REF = SourceRef("data/2021/x.xlsx")


@settings(max_examples=40)
@given(st.dictionaries(st.text(st.characters(categories=("Lo", "Nd")), min_size=1, max_size=6),
                       st.one_of(st.integers(), st.text(st.characters(categories=("Lo",)),
                                                        max_size=8)), max_size=6))
def test_yaml_of_any_mapping_reads_back(mapping: dict[str, object]) -> None:
    import yaml

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "x.yaml"
        path.write_text(yaml.safe_dump(mapping, allow_unicode=True), encoding="utf-8")
        assert read_yaml(path, REF) == mapping


@pytest.mark.parametrize(("text", "message"), [
    ("地区: 甲\n地区: 乙\n", "data/2021/x.yaml:2: key 「地区」 appears twice (lines 1 and 2)"),
    ("会议:\n  ? [日期]\n  : 2021-03-10\n", "data/2021/x.yaml:2: a mapping key must be plain text"),
    ("会议: [\n", "data/2021/x.yaml:2: is not valid YAML"),
])
def test_a_yaml_mistake_names_its_line(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "x.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ReportgenError) as caught:
        read_yaml(path, SourceRef("data/2021/x.yaml"))
    assert str(caught.value).startswith(message), str(caught.value)


def test_yaml_text_reads_as_its_file_would(tmp_path: Path) -> None:
    from reportgen.data.yamlfile import key_line, parse_yaml

    text = "地区: 甲\n会议:\n  日期: 2021-03-10\n"
    path = tmp_path / "x.yaml"
    path.write_text(text, encoding="utf-8")
    parsed = parse_yaml(text, REF)
    assert parsed == read_yaml(path, REF)
    assert key_line(parsed["会议"], "日期") == 3
    with pytest.raises(ReportgenError, match="x.xlsx:2: key 「地区」 appears twice"):
        parse_yaml("地区: 甲\n地区: 乙\n", REF)
