"""A report is written whole or not at all: a paragraph too long for the document, XML that is not
well-formed and anything docxtpl's recovering reader would drop are refused (``word.whole``),
and the report of the previous build stays as it was."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from helpers.failures import append_line, assert_refused, files
from helpers.project import REPO, Cli
from helpers.text import report_text

Y = Path("data/2021")
LONG = "the report would have a paragraph of {:,} characters, more than 1,000,000: the one " \
       "that begins 「{}」; split it into paragraphs or shorten it"


def long_line(text: str) -> str:
    return LONG.format(len(text), text[:20])


def narrative(text: str) -> tuple[str, str]:
    """A line of the narrative too long, and its message: refused at its line, as written."""
    return text, (f"data/2021/narrative.txt:56: is {len(text):,} characters long, more than a "
                  "paragraph of the report may be (1,000,000)")


CASES: list[tuple[str, str, str]] = [
    # (id, a paragraph appended to the narrative, the message; one made by the template is
    # refused as the document is rendered)
    ("five-million-characters", *narrative("很长" * 2_500_000)),
    ("one-character-too-many", *narrative("长" * 1_000_001)),
    ("ascii", *narrative("x" * 3_000_000)),
    ("lead-and-body", *narrative("**引导句。**" + "正文" * 600_000)),
    ("heading", *narrative("## " + "标题" * 600_000)),
    ("made-by-a-loop", "{% for i in range(20001) %}很长很长很长很长很长很长很长很长很长很长"
                       "很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长{% endfor %}",
     long_line("很长" * 25 * 20001)),
]


@pytest.mark.parametrize(("line", "message"), [case[1:] for case in CASES],
                         ids=[case[0] for case in CASES])
def test_a_paragraph_too_long_is_refused_not_cut(cli: Cli, project: Path, line: str,
                                                 message: str) -> None:
    append_line(project / Y / "narrative.txt", line)
    assert_refused(cli("build", "2021", code=None), 1, [message])
    assert files(project, "output") == {}


def test_a_long_line_of_a_box_is_refused(cli: Cli, project: Path) -> None:
    template = project / "templates" / "专栏" / "编号清单.txt"
    append_line(template, "{% for i in range(300) %}{% for j in range(1000) %}说明文字"
                          "{% endfor %}{% endfor %}")
    assert_refused(cli("build", "2021", code=None), 1,
                   [f"error: {long_line('说明文字' * 300_000)}"])
    assert files(project, "output") == {}


def test_a_cell_is_no_longer_than_a_csv_field_may_be(cli: Cli, project: Path) -> None:
    import csv

    import openpyxl

    book = project / Y / "projects.xlsx"
    folder = book.with_suffix("")
    folder.mkdir()
    for sheet in openpyxl.load_workbook(book).worksheets:
        with open(folder / f"{sheet.title}.csv", "w", encoding="utf-8", newline="") as out:
            rows = [["" if v is None else v for v in row]
                    for row in sheet.iter_rows(values_only=True)]
            if sheet.title == "本年民心工程":
                rows[1][rows[0].index("名称")] = "项目名称" * 300_000
            csv.writer(out).writerows(rows)
    book.unlink()
    assert_refused(cli("build", "2021", code=None), 1, [
        "data/2021/projects/本年民心工程.csv: is not valid CSV: field larger than field limit "
        "(131072)"])
    assert files(project, "output") == {}


TOO_LONG = "is 1,200,000 characters long, more than a paragraph of the report may be " \
    "(1,000,000); split it into paragraphs or shorten it"


def yaml_value(key: str, value: str) -> Callable[[Path], None]:
    """report.yaml's line ``key: …`` given ``value``."""
    def apply(root: Path) -> None:
        report = root / Y / "report.yaml"
        text = report.read_text(encoding="utf-8")
        start = text.index(f"\n{key}:") + 1
        end = text.index("\n", start)
        report.write_text(text[:start] + f"{key}: {value}" + text[end:], encoding="utf-8")
    return apply


def narrative_line(root: Path) -> None:
    append_line(root / Y / "narrative.txt", "很长" * 600_000)


def published(root: Path) -> None:
    text = (root / Y / "official.txt").read_text(encoding="utf-8")
    (root / "report.txt").write_text(text + "很长" * 600_000 + "\n", encoding="utf-8")


# (id, setup, arguments, the place): a paragraph too long for the report is refused where it is
LONG_PARAGRAPHS: list[tuple[str, Callable[[Path], None], list[str], str]] = [
    ("a-title", yaml_value("标题", "标题" * 600_000), ["build", "2021"], "data/2021/report.yaml:16:"),
    ("a-meeting-name", yaml_value("  名称", "会议" * 600_000), ["build", "2021"],
     "data/2021/report.yaml:9:"),
    ("a-signature", lambda root: append_line(root / Y / "report.yaml", "署名: " + "署" * 1_200_000),
     ["check", "2021"], "data/2021/report.yaml:"),
    ("a-narrative-line", narrative_line, ["build", "2021"], "data/2021/narrative.txt:56:"),
    ("a-line-of-a-published-report", published, ["import", "@report.txt", "--year", "2022"],
     "report.txt: line "),
]


@pytest.mark.parametrize(("setup", "arguments", "place"), [c[1:] for c in LONG_PARAGRAPHS],
                         ids=[c[0] for c in LONG_PARAGRAPHS])
def test_a_paragraph_too_long_is_refused_where_it_is(cli: Cli, project: Path,
                                                     setup: Callable[[Path], None],
                                                     arguments: list[str], place: str) -> None:
    setup(project)
    before = files(project)
    result = cli(*(str(project / a[1:]) if a.startswith("@") else a for a in arguments),
                 code=None)
    assert_refused(result, 1, [])
    shown = result.stderr + result.stdout  # check lists its problems on stdout
    assert place in shown and TOO_LONG in shown, shown
    assert files(project) == before  # no output, no year half-imported


def test_the_longest_paragraph_allowed_is_written_whole(cli: Cli, project: Path) -> None:
    append_line(project / Y / "narrative.txt", "长" * 999_990 + "最后十个字符在这里。")
    append_line(project / Y / "narrative.txt", "之后的段落。")
    path = project / cli("build", "2021").stdout.strip()
    text = report_text(path)
    assert text.endswith("长最后十个字符在这里。之后的段落。")
    assert text.count("长") == 999_990 + (REPO / Y / "official.txt").read_text(
        encoding="utf-8").count("长")


def test_a_refused_build_keeps_the_previous_report(cli: Cli, project: Path) -> None:
    path = project / cli("build", "2021").stdout.strip()
    before = path.read_bytes()
    append_line(project / Y / "narrative.txt", "很长" * 2_500_000)
    assert_refused(cli("build", "2021", code=None), 1, ["data/2021/narrative.txt:56: is "
                                                         "5,000,000 characters long"])
    assert path.read_bytes() == before
    assert [p.name for p in path.parent.iterdir()] == [path.name]


def test_a_word_template_that_renders_broken_xml_is_refused(cli: Cli, project: Path) -> None:
    import docx

    template = project / "templates" / "report.docx"
    document = docx.Document(template)
    document.paragraphs[0].runs[0].text = "{{ '</w:t></w:r></w:p></w:body>'|safe }}"
    document.save(template)
    assert_refused(cli("build", "2021", code=None), 1, [
        "error: templates/report.docx: renders to XML that is not well-formed (",
        "check its {%p %}, {%tr %} and {%tc %} tags"])
    assert files(project, "output") == {}


def test_what_the_recovering_reader_would_drop_is_refused(project: Path) -> None:
    """libxml2 (without its "huge" option) stops at elements nested 256 deep; docxtpl's reader
    would keep the first 256 and drop the rest without a word."""
    from reportgen.errors import ReportgenError
    from reportgen.word.whole import WholeTemplate

    template = WholeTemplate(project / "templates" / "report.docx")
    template.where = "templates/report.docx"
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    xml = (f'<w:document xmlns:w="{w}"><w:body>' + "<w:sdt><w:sdtContent>" * 150
           + "<w:p><w:r><w:t>最深处</w:t></w:r></w:p>" + "</w:sdtContent></w:sdt>" * 150
           + "</w:body></w:document>")
    with pytest.raises(ReportgenError) as raised:
        template.fix_tables(xml)
    assert str(raised.value) == ("templates/report.docx: renders to XML that docxtpl cannot "
                                 "read whole; nothing was written")
