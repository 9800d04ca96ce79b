"""The console: silent by default, results to out and progress and problems to err."""

from __future__ import annotations

import dataclasses

import pytest

from reportgen.console import Console


def test_the_default_console_writes_nothing(capsys: pytest.CaptureFixture[str]) -> None:
    console = Console()
    assert console.out("output/2021/报告.docx") is None
    assert console.err("error: data/2021/report.yaml: 「地区」 is missing") is None
    assert capsys.readouterr() == ("", "")


def test_each_stream_goes_where_it_is_sent(capsys: pytest.CaptureFixture[str]) -> None:
    out: list[str] = []
    err: list[str] = []
    console = Console(out=out.append, err=err.append)
    console.out("output/2021/报告.docx")
    console.err("building 2021")
    console.err("1 value(s) to fill in")
    assert out == ["output/2021/报告.docx"]
    assert err == ["building 2021", "1 value(s) to fill in"]
    assert capsys.readouterr() == ("", "")


def test_one_stream_can_be_given_alone() -> None:
    err: list[str] = []
    console = Console(err=err.append)
    console.out("not kept")
    console.err("kept")
    assert err == ["kept"]


def test_a_console_cannot_be_rerouted_once_made() -> None:
    console = Console()
    with pytest.raises(dataclasses.FrozenInstanceError):
        console.out = print  # type: ignore[misc]
