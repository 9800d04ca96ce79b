"""The catalogue of bad inputs: each is one clear message naming the file and the place, an exit
status of 1 (2 for a wrong command line), no traceback and no half-written output."""

from __future__ import annotations

import os
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from helpers.project import Cli
from helpers.sheets import set_cell

Y = Path("data/2021")


def write(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def narrative_line(root: Path, text: str) -> None:
    """Append a paragraph to the narrative (after the header comment)."""
    path = root / Y / "narrative.txt"
    path.write_text(path.read_text(encoding="utf-8") + text + "\n", encoding="utf-8")


def narrative_lines(root: Path) -> int:
    return len((root / Y / "narrative.txt").read_text(encoding="utf-8").split("\n"))


def cell(book: str, sheet: str, key_col: str, key: str, col: str, value: object
         ) -> Callable[[Path], None]:
    return lambda root: set_cell(root / Y / book, sheet, key_col, key, col, value)


def rename_header(book: str, sheet: str, old: str, new: str) -> Callable[[Path], None]:
    def apply(root: Path) -> None:
        import openpyxl

        workbook = openpyxl.load_workbook(root / Y / book)
        for c in workbook[sheet][1]:
            if c.value == old:
                c.value = new
        workbook.save(root / Y / book)
    return apply


def drop_sheet(book: str, sheet: str) -> Callable[[Path], None]:
    def apply(root: Path) -> None:
        import openpyxl

        workbook = openpyxl.load_workbook(root / Y / book)
        del workbook[sheet]
        workbook.save(root / Y / book)
    return apply


def patch_xlsx_string(book: Path, old: str, new: str) -> None:
    """Change a string inside the workbook's XML, as another program might have written it."""
    with zipfile.ZipFile(book) as source:
        entries = [(info, source.read(info)) for info in source.infolist()]
    def refs(text: str) -> bytes:  # how some writers store non-ASCII text
        return "".join(c if c.isascii() else f"&#{ord(c)};" for c in text).encode()

    found = False
    with zipfile.ZipFile(book, "w", zipfile.ZIP_DEFLATED) as target:
        for info, data in entries:
            for before, after in ((old.encode(), new.encode()), (refs(old), refs(new))):
                found = found or before in data
                data = data.replace(before, after)
            target.writestr(info, data)
    assert found, old


def as_csv_folder(root: Path) -> None:
    folder = root / Y / "indicators"
    folder.mkdir()
    (folder / "完成情况.csv").write_bytes("类别,序号\n".encode("gbk") + "发展,１\n".encode("gbk"))


CASES: list[tuple[str, Callable[[Path], None] | None, list[str], int, list[str]]] = [
    # (id, setup, command, exit status, fragments the message must contain)
    ("year-not-digits", None, ["build", "abc"], 2, ["「abc」 is not a year"]),
    ("year-path", None, ["build", "../x"], 2, ["「../x」 is not a year"]),
    ("year-out-of-range", None, ["build", "0999"], 2, ["outside the years"]),
    ("year-missing", None, ["build", "2030"], 1, ["data/2030: no data for 2030", "2021"]),
    ("no-data-folder", lambda r: os.rename(r / "data", r / "donnees"), ["build", "2021"], 1,
     ["data/2021: no data for 2021", "project folder"]),
    ("report-yaml-missing", lambda r: (r / Y / "report.yaml").unlink(), ["build", "2021"], 1,
     ["data/2021/report.yaml: missing"]),
    ("narrative-missing", lambda r: (r / Y / "narrative.txt").unlink(), ["build", "2021"], 1,
     ["data/2021/narrative.txt: missing"]),
    ("two-files-missing", lambda r: [(r / Y / n).unlink() for n in ("boxes.yaml", "projects.xlsx")],
     ["build", "2021"], 1, ["data/2021/narrative.txt:30: undefined: 项目.上年民心工程 is not "
                            "available: the year has no projects.xlsx"]),
    ("boxes-yaml-missing", lambda r: (r / Y / "boxes.yaml").unlink(), ["build", "2021"], 1,
     ["data/2021/narrative.txt:21: [专栏：重大项目完成情况] is not defined in boxes.yaml "
      "(defined: none)"]),
    ("workbook-empty-file", lambda r: (r / Y / "indicators.xlsx").write_bytes(b""),
     ["build", "2021"], 1, ["data/2021/indicators.xlsx: the file is empty"]),
    ("workbook-is-text", lambda r: write(r / Y / "statistics.xlsx", "指标,数值\n"),
     ["build", "2021"], 1, ["data/2021/statistics.xlsx: cannot be read as an .xlsx workbook"]),
    ("workbook-is-a-docx", lambda r: (r / Y / "projects.xlsx").write_bytes(
        (r / "templates" / "report.docx").read_bytes()), ["build", "2021"], 1,
     ["data/2021/projects.xlsx: cannot be read as an .xlsx workbook"]),
    ("workbook-password-protected", lambda r: (r / Y / "indicators.xlsx").write_bytes(
        bytes.fromhex("D0CF11E0A1B11AE1") + b"\0" * 504), ["build", "2021"], 1,
     ["indicators.xlsx: cannot be read", "password"]),
    ("workbook-old-xls", lambda r: os.rename(r / Y / "indicators.xlsx", r / Y / "indicators.xls"),
     ["build", "2021"], 1, ["data/2021/indicators.xls: this is an old-style .xls workbook"]),
    ("workbook-and-csv-folder", as_csv_folder, ["build", "2021"], 1,
     ["both indicators.xlsx and the CSV folder indicators/ exist"]),
    ("csv-not-utf8", lambda r: (os.remove(r / Y / "indicators.xlsx"), as_csv_folder(r)),
     ["build", "2021"], 1, ["data/2021/indicators/完成情况.csv:", "is not UTF-8"]),
    ("sheet-missing", drop_sheet("indicators.xlsx", "计划目标"), ["build", "2021"], 1,
     ["data/2021/boxes.yaml:29: 专栏 「主要指标计划」: indicators.xlsx has no sheet 「计划目标」; "
      "it has 完成情况"]),
    ("role-sheet-missing", lambda r: (drop_sheet("indicators.xlsx", "完成情况")(r),
                                      (r / Y / "boxes.yaml").unlink(),
                                      write(r / Y / "narrative.txt", "甲\n{{ 完成.地区生产总值增速.绝对值 }}\n")),
     ["build", "2021"], 1,
     ["undefined: 完成.地区生产总值增速 is not available: indicators.xlsx has no sheet 「完成情况」 "
      "(the sheet report.yaml's 数据 names for 完成, 「完成情况」 when it names none)"]),
    ("column-missing", rename_header("indicators.xlsx", "完成情况", "计划目标", "目标"),
     ["build", "2021"], 1, ["indicators.xlsx[完成情况]: column 「计划目标」 is missing"]),
    ("column-misspelt", rename_header("statistics.xlsx", "统计", "数值", "数植"),
     ["build", "2021"], 1, ["column 「数值」 is missing", "did you mean 「数植」"]),
    ("number-is-text", cell("statistics.xlsx", "投资计划", "类别", "房地产项目", "项目数", "十一"),
     ["build", "2021"], 1, ["statistics.xlsx[投资计划]!D7（项目数）: 「十一」 is a number written in "
                                "words; type it in digits (11)"]),
    ("number-with-separator", cell("statistics.xlsx", "统计", "指标", "新发展市场主体", "数值",
                                   "9,281"), ["build", "2021"], 1,
     ["statistics.xlsx[统计]!B13（数值）: 「9,281」 is not a number (write it without thousands"]),
    ("percent-is-text", cell("indicators.xlsx", "完成情况", "指标名称", "工业增加值增速", "增速",
                             "三"), ["build", "2021"], 1,
     ["indicators.xlsx[完成情况]!H3（增速）: 「三」 is a number written in words"]),
    ("serial-not-number", cell("indicators.xlsx", "计划目标", "指标名称", "工业增加值增速", "序号",
                               "二"), ["build", "2021"], 1,
     ["indicators.xlsx[计划目标]!B3（序号）: 「二」 is not a 序号"]),
    ("attribute-unknown", cell("indicators.xlsx", "计划目标", "指标名称", "工业增加值增速", "属性",
                               "预期"), ["build", "2021"], 1,
     ["indicators.xlsx[计划目标]!G3（属性）: 「预期」 must be 预期性 or 约束性"]),
    ("yesno-unknown", cell("projects.xlsx", "上年民心工程", "名称", "图书馆建设工程", "是否完工",
                           "完了"), ["build", "2021"], 1, ["「完了」 must be 是 or 否"]),
    ("duplicate-indicator", cell("indicators.xlsx", "完成情况", "指标名称", "工业增加值增速",
                                 "指标名称", "地区生产总值增速"), ["build", "2021"], 1,
     ["indicators.xlsx[完成情况]!C3（指标名称）: 指标 「地区生产总值增速」 appears twice "
      "(first at data/2021/indicators.xlsx[完成情况]!C2（指标名称）)"]),
    ("duplicate-project", cell("projects.xlsx", "本年民心工程", "名称", "农村公路危桥改造工程",
                               "名称", "农村人居环境整治项目"), ["build", "2021"], 1,
     ["projects.xlsx[本年民心工程]!A11（名称）: 「农村人居环境整治项目」 appears twice"]),
    ("control-character", lambda r: patch_xlsx_string(r / Y / "projects.xlsx", "农村公路危桥改造工程",
                                                      "农村公路_x0007_危桥"), ["build", "2021"], 1,
     ["projects.xlsx[本年民心工程]!A11（名称）: contains the control character U+0007"]),
    ("date-not-a-date", lambda r: edit(r / Y / "report.yaml", "日期: 2021-03-10", "日期: 三月十日"),
     ["build", "2021"], 1, ["data/2021/report.yaml:8: 会议.日期 「三月十日」 is not a date"]),
    ("date-impossible", lambda r: edit(r / Y / "report.yaml", "日期: 2021-03-10", "日期: 2021-02-30"),
     ["build", "2021"], 1, ["data/2021/report.yaml:8", "2021-02-30"]),
    ("year-mismatch", lambda r: edit(r / Y / "report.yaml", "本年: 2021", "本年: 2022"),
     ["build", "2021"], 1, ["data/2021/report.yaml:6: 年份.本年 is 2022 but the folder is 2021"]),
    ("yaml-syntax", lambda r: edit(r / Y / "report.yaml", "地区: 重庆市綦江区", "地区: [重庆市綦江区"),
     ["build", "2021"], 1, ["data/2021/report.yaml:", "is not valid YAML"]),
    ("yaml-duplicate-key", lambda r: edit(r / Y / "report.yaml", "地区: 重庆市綦江区",
                                          "地区: 重庆市綦江区\n地区: 綦江"), ["build", "2021"], 1,
     ["data/2021/report.yaml:3: key 「地区」 appears twice (lines 2 and 3)"]),
    ("yaml-not-a-mapping", lambda r: write(r / Y / "boxes.yaml", "- 专栏一\n"), ["build", "2021"],
     1, ["data/2021/boxes.yaml: must map each 专栏's name"]),
    ("narrative-not-utf8", lambda r: (r / Y / "narrative.txt").write_bytes("报告".encode("gbk")),
     ["build", "2021"], 1, ["data/2021/narrative.txt:1: is not UTF-8 text"]),
    ("jinja-syntax", lambda r: narrative_line(r, "全年{{ 完成.地区生产总值增速.绝对值 亿元"),
     ["build", "2021"], 1, ["data/2021/narrative.txt:", "template syntax error"]),
    ("jinja-undefined-name", lambda r: narrative_line(r, "全年{{ 完毕.地区生产总值增速 }}"),
     ["build", "2021"], 1, ["data/2021/narrative.txt:", "undefined: '完毕' is undefined"]),
    ("jinja-unknown-indicator", lambda r: narrative_line(r, "{{ 完成.地区生产总量增速.绝对值 }}"),
     ["build", "2021"], 1, ["data/2021/narrative.txt:", "完成 has no 「地区生产总量增速」",
                            "did you mean 「地区生产总值增速」"]),
    ("jinja-bad-filter-use", lambda r: narrative_line(
        r, "{{ 完成.地区生产总值增速.绝对值|amount('亿元', source='万人') }}"), ["build", "2021"], 1,
     ["data/2021/narrative.txt:", "cannot convert 万人 to 亿元"]),
    ("jinja-unknown-filter", lambda r: narrative_line(r, "{{ 上年|growht }}"), ["build", "2021"], 1,
     ["data/2021/narrative.txt:", "No filter named 'growht'"]),
    ("sandbox-escape", lambda r: narrative_line(r, "{{ 完成.__class__.__init__.__globals__ }}"),
     ["build", "2021"], 1, ["data/2021/narrative.txt:", "not allowed in a template"]),
    ("sandbox-include", lambda r: narrative_line(r, "{% include '/etc/passwd' %}"),
     ["build", "2021"], 1, ["data/2021/narrative.txt:", "no loader"]),
    ("box-undefined", lambda r: narrative_line(r, "[专栏：不存在的专栏]"), ["build", "2021"], 1,
     ["data/2021/narrative.txt:", "[专栏：不存在的专栏] is not defined in boxes.yaml"]),
    ("box-placed-by-an-expression", lambda r: edit(r / Y / "narrative.txt", "[专栏：民心工程]\n",
                                                   '{{ "[专栏：民心工程]" }}\n'),
     ["build", "2021"], 1,
     ["data/2021/narrative.txt: [专栏：民心工程] is written by a template expression"]),
    ("box-renamed", lambda r: edit(r / Y / "boxes.yaml", "\n民心工程:", "\n民生工程:"),
     ["build", "2021"], 1,  # line 54 places it; line 31 places 民心工程完成情况
     ["data/2021/narrative.txt:54: [专栏：民心工程] is not defined in boxes.yaml"]),
    ("box-sheet-missing", lambda r: edit(r / Y / "boxes.yaml", "清单: 本年民心工程",
                                         "清单: 本年民生工程"), ["build", "2021"], 1,
     ["data/2021/boxes.yaml:", "projects.xlsx has no sheet 「本年民生工程」",
      "did you mean 「本年民心工程」"]),
    ("box-unknown-format", lambda r: edit(r / Y / "boxes.yaml", "格式: pct", "格式: percent"),
     ["build", "2021"], 1, ["data/2021/boxes.yaml:27:", "格式 「percent」 is not a number filter; they are num, pct"]),
    ("box-template-missing", lambda r: (r / "templates" / "专栏" / "编号清单.txt").unlink(),
     ["build", "2021"], 1, ["templates/专栏/编号清单.txt: missing"]),
    ("box-template-syntax", lambda r: write(r / "templates" / "专栏" / "编号清单.txt",
                                            "{% for 项 in 行 %}\n{{ 项.名称 }\n"),
     ["build", "2021"], 1, ["templates/专栏/编号清单.txt:2", "template syntax error"]),
    ("docx-template-missing", lambda r: (r / "templates" / "report.docx").unlink(),
     ["build", "2021"], 1, ["templates/report.docx: missing: the Word template"]),
    ("docx-template-corrupt", lambda r: write(r / "templates" / "report.docx", "not a docx"),
     ["build", "2021"], 1, ["templates/report.docx: cannot be opened as a Word document"]),
    ("config-invalid", lambda r: write(r / "reportgen.toml", "[layout]\nline_pitch = 'wide'\n"),
     ["build", "2021"], 1, ["reportgen.toml: [layout] line_pitch must be float"]),
    ("config-unknown-key", lambda r: write(r / "reportgen.toml", "[layout]\nbody_fnt = '宋体'\n"),
     ["build", "2021"], 1, ["reportgen.toml: [layout] has no setting 「body_fnt」"]),
    ("output-folder-is-a-file", lambda r: (r / "output").write_text("x"), ["build", "2021"], 1,
     ["output/2021: cannot create the output folder"]),
    ("output-file-is-a-folder", lambda r: (r / "output" / "2021" / (
        "关于重庆市綦江区2020年国民经济和社会发展计划执行情况及2021年计划草案的报告.docx")).mkdir(
        parents=True), ["build", "2021"], 1, ["is a folder, not a file; an output replaces only a file"]),
]


@pytest.mark.parametrize(("setup", "command", "status", "fragments"),
                         [case[1:] for case in CASES], ids=[case[0] for case in CASES])
def test_bad_input_gets_one_clear_message(cli: Cli, project: Path, setup: Callable | None,
                                          command: list[str], status: int,
                                          fragments: list[str]) -> None:
    if setup is not None:
        setup(project)
    result = cli(*command, code=status)
    message = result.stderr
    assert "Traceback" not in message and "Error:" not in message.split("error:", 1)[0]
    for fragment in fragments:
        assert fragment in message, f"{fragment!r} not in:\n{message}"
    assert result.stdout == ""
    # nothing half-written: no report, no temporary file left in output/
    output = project / "output"
    if output.is_dir():
        leftovers = [p for p in output.rglob("*") if p.is_file()]
        assert leftovers == [], leftovers


def test_each_narrative_line_with_a_control_character_is_named(cli: Cli, project: Path) -> None:
    narrative_line(project, "第一段\x07。")
    narrative_line(project, "第二段。\n第三\x0b段。")
    lines = narrative_lines(project)
    message = cli("build", "2021", code=1).stderr
    assert "2 problems in the data:" in message
    for line, code, position in ((lines - 3, "0007", 4), (lines - 1, "000B", 3)):
        assert (f"data/2021/narrative.txt:{line}: contains the control character U+{code} at "
                f"position {position}, which a Word document cannot hold") in message, message


def test_the_catalogue_is_large() -> None:
    assert len(CASES) >= 30


def test_a_failed_build_keeps_the_previous_report(cli: Cli, project: Path) -> None:
    path = project / cli("build", "2021").stdout.strip()
    before = path.read_bytes()
    narrative_line(project, "{{ 完成.不存在 }}")
    cli("build", "2021", code=1)
    assert path.read_bytes() == before
    assert zipfile.ZipFile(path).testzip() is None
    assert sorted(p.name for p in path.parent.iterdir()) == [path.name]


def test_a_command_never_changes_the_data(cli: Cli, project: Path) -> None:
    data = project / "data"
    before = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in data.rglob("*") if p.is_file()}
    cli("build", "2021")
    narrative_line(project, "{{ 完成.不存在 }}")
    after = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in data.rglob("*") if p.is_file()}
    narrative = project / Y / "narrative.txt"
    assert {p: v for p, v in after.items() if p != narrative} == \
        {p: v for p, v in before.items() if p != narrative}


def test_an_unreadable_config_is_one_message(cli: Cli, project: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    config = project / "reportgen.toml"
    write(config, "[layout]\nline_pitch = 28.0\n")
    original = Path.read_text

    def refuse(self: Path, *args: object, **kwargs: object) -> str:
        if self.name == "reportgen.toml":
            raise PermissionError(13, "Permission denied")
        return original(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "read_text", refuse)
    result = cli("build", "2021", code=1)
    assert "reportgen.toml: cannot be read: Permission denied" in result.stderr
    assert "internal error" not in result.stderr
