"""No command writes over what it reads or into the project's inputs: every output path that
would is refused, with its name, before anything is written (``guard.check_output``)."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from helpers.failures import assert_refused, files
from helpers.project import Cli

Y = "data/2021"
REPORT = "output/2021/关于重庆市綦江区2020年国民经济和社会发展计划执行情况及2021年计划草案的报告.docx"
READS = "is a file this command reads; reportgen never writes over its input"
IN_DATA = "is inside data/, which holds the project's input; reportgen writes its outputs elsewhere"
IN_TEMPLATES = "is inside templates/, which holds the project's input"


def texts(root: Path) -> None:
    (root / "a.txt").write_text("第一段。\n", encoding="utf-8")
    (root / "b.txt").write_text("第二段。\n", encoding="utf-8")


def linked(name: str, target: str) -> Callable[[Path], None]:
    def apply(root: Path) -> None:
        texts(root)
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        os.symlink(root / target, root / name)
    return apply


def config(root: Path) -> None:
    texts(root)
    (root / "reportgen.toml").write_text("[layout]\nline_pitch = 28\n", encoding="utf-8")


def build_first(root: Path) -> None:
    texts(root)
    Cli(root)("build", "2021")


def pipe(root: Path) -> None:
    texts(root)
    os.mkfifo(root / "pipe")


NOT_A_FILE = "is a pipe, not a file; an output replaces only a file"
AB = ["diff", "@a.txt", "@b.txt"]
# (id, setup, arguments (@: a path in the project), exit status, message fragments)
CASES: list[tuple[str, Callable[[Path], None], list[str], int, list[str]]] = [
    ("html-over-official", texts, ["diff", "2021", "-q", "--html", f"@{Y}/official.txt"], 2,
     [f"error: {Y}/official.txt: {READS}"]),
    ("docx-over-narrative", texts, ["diff", "2021", "-q", "--docx", f"@{Y}/narrative.txt"], 2,
     [f"error: {Y}/narrative.txt: {IN_DATA}"]),
    ("docx-over-the-compared-report", build_first, ["diff", "2021", "-q", "--docx", f"@{REPORT}"], 2,
     [f"error: {REPORT}: {READS}"]),
    ("html-over-first-file", texts, [*AB, "--html", "@a.txt"], 2, [f"a.txt: {READS}"]),
    ("docx-over-second-file", texts, [*AB, "--docx", "@b.txt"], 2, [f"b.txt: {READS}"]),
    ("html-over-a-file-read-through-a-link", linked("link.txt", "a.txt"),
     ["diff", "@link.txt", "@b.txt", "--html", "@a.txt"], 2, [f"a.txt: {READS}"]),
    ("official-option-and-html", texts,
     ["diff", "2021", "--official", "@a.txt", "--html", "@a.txt"], 2, [f"a.txt: {READS}"]),
    ("html-new-file-in-data", texts, [*AB, "--html", f"@{Y}/changes.html"], 2,
     [f"{Y}/changes.html: {IN_DATA}"]),
    ("html-over-a-workbook", texts, [*AB, "--html", f"@{Y}/indicators.xlsx"], 2,
     [f"{Y}/indicators.xlsx: {IN_DATA}"]),
    ("html-over-report-yaml", texts, [*AB, "--html", f"@{Y}/report.yaml"], 2,
     [f"{Y}/report.yaml: {IN_DATA}"]),
    ("html-in-a-new-year-folder", texts, [*AB, "--html", "@data/2022/x.html"], 2,
     [f"data/2022/x.html: {IN_DATA}"]),
    ("html-over-the-baseline", texts, [*AB, "--html", f"@{Y}/diff-baseline.json"], 2,
     [f"{Y}/diff-baseline.json: {IN_DATA}"]),
    ("html-through-dot-dot", texts, [*AB, "--html", f"@output/../{Y}/official.txt"], 2,
     [f"{Y}/official.txt: {IN_DATA}"]),
    ("html-through-a-linked-folder", linked("out", Y), [*AB, "--html", "@out/official.txt"], 2,
     [IN_DATA]),
    ("docx-over-the-word-template", texts, [*AB, "--docx", "@templates/report.docx"], 2,
     [f"templates/report.docx: {IN_TEMPLATES}"]),
    ("html-in-box-templates", texts, [*AB, "--html", "@templates/专栏/x.html"], 2,
     [f"templates/专栏/x.html: {IN_TEMPLATES}"]),
    ("html-over-the-settings", config, [*AB, "--html", "@reportgen.toml"], 2,
     ["reportgen.toml: is the project's settings; reportgen writes its outputs elsewhere"]),
    ("html-and-docx-the-same-file", texts, [*AB, "--html", "@x.out", "--docx", "@x.out"], 2,
     ["x.out: --html and --docx name the same file"]),
    ("html-over-a-pipe", pipe, [*AB, "--html", "@pipe"], 2, [f"pipe: {NOT_A_FILE}"]),
    ("docx-over-a-pipe", pipe, [*AB, "--docx", "@pipe"], 2, [f"pipe: {NOT_A_FILE}"]),
    ("second-output-refused-first-not-written", texts,
     [*AB, "--html", "@output/ok.html", "--docx", f"@{Y}/x.docx"], 2, [f"{Y}/x.docx: {IN_DATA}"]),
]


@pytest.mark.parametrize(("setup", "arguments", "status", "fragments"),
                         [case[1:] for case in CASES], ids=[case[0] for case in CASES])
def test_an_output_never_replaces_an_input(cli: Cli, project: Path,
                                           setup: Callable[[Path], None], arguments: list[str],
                                           status: int, fragments: list[str]) -> None:
    setup(project)
    before = files(project)
    result = cli(*(str(project / a[1:]) if a.startswith("@") else a for a in arguments),
                 code=None)
    assert_refused(result, status, fragments)
    after = files(project)
    assert {p: after.get(p) for p in before} == before  # every file as it was
    assert set(after) - set(before) <= {REPORT}  # nothing written but the report compared
    assert result.stdout == ""


def test_a_build_into_a_linked_output_folder_is_refused(cli: Cli, project: Path) -> None:
    os.symlink(project / "data", project / "output")
    before = files(project, "data")
    landed = REPORT.replace("output/", "data/")  # the place named is where it would land
    message = assert_refused(cli("build", "2021", code=None), 1,
                             [f"error: {landed}: {IN_DATA}"])
    assert files(project, "data") == before
    assert message.count("error:") == 1


def test_a_build_into_an_output_folder_linked_to_templates_is_refused(cli: Cli,
                                                                      project: Path) -> None:
    (project / "output").mkdir()
    os.symlink(project / "templates", project / "output" / "2021")
    before = files(project, "templates")
    landed = REPORT.replace("output/2021/", "templates/")
    assert_refused(cli("build", "2021", code=None), 1, [f"error: {landed}: {IN_TEMPLATES}"])
    assert files(project, "templates") == before


def test_the_commands_that_own_an_input_still_write_it(cli: Cli, project: Path) -> None:
    template = project / "templates" / "report.docx"
    cli("template", "--force")
    assert template.is_file()
    cli("diff", "2021", "-q", "--update-baseline")
    assert (project / Y / "diff-baseline.json").is_file()


def test_an_output_beside_the_inputs_is_written(cli: Cli, project: Path) -> None:
    texts(project)
    cli("diff", str(project / "a.txt"), str(project / "b.txt"), "-q", "--html",
        str(project / "changes.html"), code=1)
    assert (project / "changes.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_a_link_named_as_the_output_is_replaced_not_followed(cli: Cli, project: Path) -> None:
    texts(project)
    os.symlink(project / "a.txt", project / "out.html")
    cli("diff", str(project / "b.txt"), str(project / "a.txt"), "-q", "--html",
        str(project / "elsewhere.html"), code=1)
    before = (project / "a.txt").read_bytes()
    cli("diff", str(project / "b.txt"), str(project / "b.txt"), "-q", "--html",
        str(project / "out.html"))
    assert (project / "a.txt").read_bytes() == before
    assert not (project / "out.html").is_symlink()


def official_copy(root: Path) -> None:
    """The 2021 report as a published file outside data/."""
    (root / "report.txt").write_bytes((root / Y / "official.txt").read_bytes())


def year_link(target: str) -> Callable[[Path], None]:
    def apply(root: Path) -> None:
        official_copy(root)
        os.symlink(root / target, root / "data" / "2022")
    return apply


def year_file(root: Path) -> None:
    official_copy(root)
    (root / "data" / "2022").write_text("a file\n", encoding="utf-8")


NEVER = "exists already; reportgen import never overwrites a year"
# (id, setup, arguments, the place and message): import writes a new year folder or nothing
IMPORTS: list[tuple[str, Callable[[Path], None], list[str], str]] = [
    ("over-the-year-it-names", official_copy, ["@report.txt"], f"data/2021: {NEVER}"),
    ("over-the-year-it-names-from-its-own-official-text", official_copy,
     [f"@{Y}/official.txt"], f"data/2021: {NEVER}"),
    ("over-another-year", official_copy, ["@report.txt", "--year", "2021"], f"data/2021: {NEVER}"),
    ("over-a-file-named-as-the-year", year_file, ["@report.txt", "--year", "2022"],
     f"data/2022: {NEVER}"),
    ("through-a-link-to-a-year", year_link(Y), ["@report.txt", "--year", "2022"],
     f"data/2022: {NEVER}"),
    ("through-a-link-to-nothing", year_link("data/nowhere"), ["@report.txt", "--year", "2022"],
     f"data/2022: {NEVER}"),
    ("through-a-link-to-templates", year_link("templates"), ["@report.txt", "--year", "2022"],
     f"data/2022: {NEVER}"),
]


@pytest.mark.parametrize(("setup", "arguments", "message"), [c[1:] for c in IMPORTS],
                         ids=[c[0] for c in IMPORTS])
def test_import_never_writes_over_a_year(cli: Cli, project: Path, setup: Callable[[Path], None],
                                         arguments: list[str], message: str) -> None:
    setup(project)
    before = files(project)
    result = cli("import", *(str(project / a[1:]) if a.startswith("@") else a
                             for a in arguments), code=None)
    assert_refused(result, 1, [f"error: {message}"])
    assert files(project) == before  # output/ untouched, no year half-written
    assert sorted(p.name for p in (project / "data").iterdir()
                  if p.name.startswith(".")) == []  # no temporary folder left


def test_import_creates_only_a_new_year_and_its_report(cli: Cli, project: Path) -> None:
    official_copy(project)
    before = files(project)
    cli("import", str(project / "report.txt"), "--year", "2022", code=None)
    after = files(project)
    assert {p: after.get(p) for p in before} == before  # every input as it was
    assert all(p.startswith(("data/2022/", "output/2022/")) for p in set(after) - set(before))
    assert (project / "data" / "2022" / "report.yaml").is_file()


def test_a_new_folder_is_written_only_as_a_year_of_data(project: Path) -> None:
    from reportgen.errors import ReportgenError
    from reportgen.write import write_new_folder

    for target, names in ((project / "templates" / "2022", ["a.txt"]),
                          (project / "data" / "2022", ["../2021/report.yaml"])):
        with pytest.raises(ReportgenError) as refused:
            write_new_folder(target, {name: b"x" for name in names}, project)
        assert "reportgen" in str(refused.value) or "outside" in str(refused.value)
        assert not target.exists()


def test_an_import_that_does_not_build_leaves_no_year(cli: Cli, project: Path) -> None:
    official_copy(project)
    template = project / "templates" / "report.docx"
    import docx

    document = docx.Document(template)
    document.paragraphs[0].runs[0].text = "{{ 没有这个名字 }}"  # the build fails after the write
    document.save(template)
    before = files(project)
    result = cli("import", str(project / "report.txt"), "--year", "2022", code=None)
    assert_refused(result, 1, ["templates/report.docx"])
    assert files(project) == before
    assert not (project / "data" / "2022").exists()


@pytest.mark.parametrize(("folder", "message"), [
    ("templates/新项目", IN_TEMPLATES), ("templates/专栏/新项目", IN_TEMPLATES),
    ("data/2030", IN_DATA), ("data/2021/项目", IN_DATA),
])
def test_init_never_starts_a_project_among_the_inputs_of_another(project: Path, folder: str,
                                                                 message: str) -> None:
    from click.testing import CliRunner

    from reportgen.cli import main

    before = files(project)
    result = CliRunner().invoke(main, ["init", str(project / folder)], catch_exceptions=False)
    assert_refused(result, 1, [f"{folder}: {message}"])
    assert files(project) == before and not (project / folder).exists()
