"""``reportgen import``: a published report in, a year folder out that builds it back - import,
then build, then diff with no differences - on the shipped official text, the 2021 report's own
.docx and invented reports of other shapes; what each import made; a project from init drafting
the year after; bad input refused with one message naming the file."""

from __future__ import annotations

import shutil
from pathlib import Path

import openpyxl
import pytest
import yaml
from click.testing import CliRunner

from helpers.docx_xml import bare_docx
from helpers.project import REPO, Cli
from helpers.text import report_text
from reportgen.cli import main

TEXTS = Path(__file__).resolve().parent.parent / "importer" / "texts"
OFFICIAL = REPO / "data" / "2021" / "official.txt"


@pytest.fixture(scope="session")
def starter(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A project made by ``reportgen init`` (its own year 2030), once."""
    root = tmp_path_factory.mktemp("starter") / "新区"
    result = CliRunner().invoke(main, ["init", str(root), "--year", "2030"])
    assert result.exit_code == 0, result.output
    return root


@pytest.fixture
def fresh(starter: Path, tmp_path: Path) -> Path:
    root = tmp_path / "新区"
    shutil.copytree(starter, root)
    return root


def round_trip(root: Path, source: Path, year: str, *args: str) -> str:
    """Import ``source`` as ``year``, build it and diff it with the official text kept; the
    import's summary."""
    cli = Cli(root)
    result = cli("import", str(source), *args)
    assert result.stdout.strip() == f"data/{year}"
    assert "no differences" in result.stderr and "100 %" in result.stderr
    cli("build", year)
    assert "no differences" in cli("diff", year).stdout
    kept = root / "data" / year / ("official" + source.suffix)
    assert kept.read_bytes() == source.read_bytes() or source.suffix == ".txt"
    return result.stderr


def yaml_of(root: Path, year: str, name: str) -> dict:  # type: ignore[type-arg]
    return yaml.safe_load((root / "data" / year / name).read_text(encoding="utf-8"))


def sheet_rows(root: Path, year: str, book: str, sheet: str) -> list[tuple[object, ...]]:
    return list(openpyxl.load_workbook(root / "data" / year / f"{book}.xlsx")[sheet]
                .iter_rows(values_only=True))


def narrative(root: Path, year: str) -> str:
    return (root / "data" / year / "narrative.txt").read_text(encoding="utf-8")


def test_the_shipped_official_text(fresh: Path) -> None:
    summary = round_trip(fresh, OFFICIAL, "2021")
    assert "专栏 7: 清单 5 (171 rows), 指标表 2 (48 rows)" in summary
    assert "专栏3 2020年国民经济和社会发展主要指标完成情况: 指标表 (25 rows) in " \
           "indicators.xlsx[完成情况]" in summary
    assert "专栏1 2020年重大项目完成情况: 清单 (分组清单.txt, 39 rows)" in summary
    boxes = yaml_of(fresh, "2021", "boxes.yaml")
    assert boxes["国民经济和社会发展主要指标完成情况"]["列"][1] == {
        "标题": "{{ 上年 }}年完成", "子列": [{"标题": "绝对值", "字段": "绝对值"},
                                         {"标题": "增速", "字段": "增速", "格式": "pct"}]}
    assert boxes["民心工程"] == {"标题": "{{ 本年 }}年民心工程", "清单": "民心工程",
                                "模板": "编号清单.txt", "参数": {"编号": "1．"}}
    prose = narrative(fresh, "2021")
    # a figure the table gives is that cell; the plan's own count; last year's report by name
    assert "全年实现地区生产总值{{ 完成.地区生产总值增速.绝对值 }}亿元、" \
           "{{ 完成.地区生产总值增速.增速|growth }}" in prose
    assert "提出地区生产总值{{ 目标.地区生产总值增速.计划目标|growth }}" in prose
    assert "计划指标{{ 目标.指标数.合计 }}个" in prose
    assert "稳定在{{ 目标.空气质量优良天数.计划目标|amount(\"天\") }}" in prose
    assert "{{ 项目.民心工程|length }}项民心工程" in prose
    assert "{{ 上年会议.简称 }}批准的《{{ 上年会议.报告 }}》" in prose
    assert "**疫情防控取得重大成果。**" in prose and "## **（一）总体要求。**" in prose
    stats = sheet_rows(fresh, "2021", "statistics", "统计")
    assert [row[:4] for row in stats[1:3]] == [("服务业增加值", 212.37, "亿元", 0.022),
                                               ("农业增加值", 66.36, "亿元", 0.045)]
    done = sheet_rows(fresh, "2021", "indicators", "完成情况")
    assert done[1][:8] == ("发展综合质量效益", 1, "地区生产总值增速", None, "%", "7.5以上",
                           500.3, 0.03)
    assert Cli(fresh)("check", "2021").stderr.strip().endswith(
        "0 error(s), 0 warning(s), 0 value(s) to fill in; 3 wording note(s)")


def test_the_2021_reports_own_docx(fresh: Path, built_2021: Path, tmp_path: Path) -> None:
    source = tmp_path / "2021年报告.docx"
    shutil.copy(built_2021, source)
    summary = round_trip(fresh, source, "2021")
    assert "(.docx, 12,971 characters)" in summary
    assert "专栏 7: 清单 5 (171 rows), 指标表 2 (48 rows)" in summary
    prose = narrative(fresh, "2021")
    assert "**疫情防控取得重大成果。**" in prose  # the bold lead, read from the runs
    assert report_text(fresh / "data" / "2021" / "official.docx") == report_text(OFFICIAL)


def test_a_report_with_no_box(fresh: Path) -> None:
    """与 and no 关于 in the title, ---- before the 题注, a speaker, full-width ％, CRLF line
    ends, paragraphs indented with U+3000; the headline figures lifted into 统计."""
    source = TEXTS / "no_boxes.txt"
    assert b"\r\n" in source.read_bytes() and "\u3000".encode() in source.read_bytes()
    summary = round_trip(fresh, source, "2023")
    assert "专栏 0" in summary and "(a speaker)" in summary
    report = yaml_of(fresh, "2023", "report.yaml")
    assert report["标题"] == ("{{ 地区 }}{{ 上年 }}年国民经济和社会发展计划执行情况\n"
                            "与{{ 本年 }}年国民经济和社会发展计划草案的报告")
    assert report["题注"] == "----{{ 会议.日期|date }}在{{ 会议.名称 }}上"
    assert report["署名"] == "县人民政府县长\u3000李明" and report["报告单位"] == "县人民政府"
    assert "称谓" not in report and report["会议"]["简称"] == "县十八届人大三次会议"
    prose = narrative(fresh, "2023")
    assert "地区生产总值{{ 统计.地区生产总值.数值 }}亿元，同比" \
           "{{ 统计.地区生产总值.增速|growth|replace(\"%\", \"％\") }}" in prose
    assert "增长{{ 统计.一般公共预算收入.增速 }}%" in prose  # 增长-4% as written
    assert "工业用电量增长9.6%" in prose  # not a headline indicator: typed
    stats = {row[0]: row for row in sheet_rows(fresh, "2023", "statistics", "统计")[1:]}
    assert stats["地区生产总值"][1:4] == (312.6, "亿元", 0.06)
    assert stats["规模以上工业增加值"][1:4] == ("—", None, 0.082)
    assert stats["固定资产投资"][3] == -0.035
    book = openpyxl.load_workbook(fresh / "data" / "2023" / "statistics.xlsx")
    assert book["统计"]["D2"].number_format == "0.0%"  # 6.0% keeps its decimal


def test_four_heading_levels_a_text_box_and_an_attachment(fresh: Path) -> None:
    """A parenthesised 题注, no 称谓, headings of four levels run in or alone, a 专栏 of text,
    an 附件 of its own."""
    summary = round_trip(fresh, TEXTS / "four_levels.txt", "2024")
    assert "headings 2 一、, 3 （一）, 5 1. (1 run in), 2 （1） (2 run in)" in summary
    assert "专栏1 2023年十件民生实事: text" in summary and "附件 1" in summary
    report = yaml_of(fresh, "2024", "report.yaml")
    assert report["题注"] == "（{{ 会议.日期|date }}在{{ 会议.名称 }}上）"
    assert report["称谓"] == ""
    prose = narrative(fresh, "2024")
    assert "#### **（1）创新平台。**新建市级以上创新平台12个" in prose
    assert "### 1.科技创新\n" in prose and "### **1.对外贸易。**" in prose
    assert "[专栏：{{ 上年 }}年十件民生实事]\n### 1．教育\n**新建学校。**" in prose
    assert "[/专栏]" in prose and "[附件：{{ 本年 }}年区级重大项目]" in prose


def test_a_government_work_report_with_tables(fresh: Path) -> None:
    """A letter-spaced title, a 代区长's line; an indicator table of three value columns with
    its own 单位 column and no 序号, a project table with its 合计 first, a list."""
    summary = round_trip(fresh, TEXTS / "government.txt", "2023")
    assert "专栏 3: 指标表 1 (3 rows), 项目表 1 (5 rows), 清单 1 (3 rows)" in summary
    report = yaml_of(fresh, "2023", "report.yaml")
    assert report["标题"] == "政 府 工 作 报 告" and report["地区"] == "某某区"
    assert report["署名"] == "区人民政府代区长\u3000王强"
    boxes = yaml_of(fresh, "2023", "boxes.yaml")
    assert boxes["主要经济指标"]["序号"] == "否"
    assert [c["字段"] for c in boxes["主要经济指标"]["列"]] == ["单位", "上年完成", "本年目标",
                                                              "“十四五”目标"]
    assert boxes["区级重点项目"]["合计"] == "合计（{{ 个数 }}个）"
    assert boxes["区级重点项目"]["合计位置"] == "首"
    assert sheet_rows(fresh, "2023", "projects", "区级重点项目")[1] == (
        "城市快速路二期", "全长12公里", 95, 20)
    prose = narrative(fresh, "2023")
    assert "重点项目{{ 项目.区级重点项目|length }}个，总投资{{ 项目.区级重点项目.合计.总投资 }}亿元" \
        in prose
    assert "生产总值达到{{ 指标表.主要经济指标.地区生产总值.上年完成 }}亿元" in prose


def test_init_then_import_then_draft_next_year(fresh: Path) -> None:
    """The starter's own year stays; next year's draft marks the lifted figures 待填."""
    round_trip(fresh, TEXTS / "no_boxes.txt", "2023")
    cli = Cli(fresh)
    assert "drafted data/2024 from data/2023" in cli("draft", "2024").stdout
    stats = sheet_rows(fresh, "2024", "statistics", "统计")
    assert stats[1][:4] == ("地区生产总值", "待填", "亿元", "待填")
    assert (fresh / "data" / "2030" / "narrative.txt").is_file()
    built = cli("build", "2024").stderr
    assert "data/2024/statistics.xlsx[统计]: 21" in built
    assert "B2（数值）: 地区生产总值·数值" in built


def test_an_existing_year_is_never_overwritten(fresh: Path) -> None:
    cli = Cli(fresh)
    cli("import", str(TEXTS / "no_boxes.txt"))
    before = (fresh / "data" / "2023" / "narrative.txt").read_bytes()
    result = cli("import", str(TEXTS / "no_boxes.txt"), code=1)
    assert "data/2023: exists already; reportgen import never overwrites a year" in result.stderr
    assert (fresh / "data" / "2023" / "narrative.txt").read_bytes() == before
    cli("import", str(TEXTS / "no_boxes.txt"), "--year", "2019", code=None)
    assert (fresh / "data" / "2019" / "report.yaml").is_file()


@pytest.mark.parametrize(("name", "content", "message"), [
    ("报告.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100,
     "报告.doc: is an old Word .doc file; reportgen imports .docx or .txt"),
    ("报告.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100,
     "报告.docx: is password-protected (encrypted), or an old .doc renamed .docx"),
    ("报告.docx", b"PK\x03\x04 broken", "报告.docx: cannot be read as a Word .docx file"),
    ("报告.docx", b"not a zip at all", "报告.docx: is not a Word .docx file"),
    ("报告.txt", "关于甲区的报告\n正文。".encode("cp1252", "ignore") + b"\xff\xfe\x81 \x80",
     "报告.txt: is text in an encoding reportgen does not know"),
    ("报告.txt", "今天天气很好，我们去公园散步。".encode(), "报告.txt: does not read as a report"),
    ("报告.txt", b"  \n", "报告.txt: is empty"),
    ("报告.xlsx", b"PK", "报告.xlsx: is neither a .docx nor a .txt file"),
])
def test_bad_input_is_one_message_naming_the_file(fresh: Path, name: str, content: bytes,
                                                  message: str) -> None:
    path = fresh / name
    path.write_bytes(content)
    result = Cli(fresh)("import", str(path), code=1)
    assert message in result.stderr and "Traceback" not in result.stderr
    assert result.stderr.count("error:") == 1
    assert not (fresh / "data" / "2021").exists()
    assert sorted(p.name for p in (fresh / "data").iterdir()) == ["2030"]


def test_a_missing_file(fresh: Path) -> None:
    result = Cli(fresh)("import", "没有.txt", code=1)
    assert "没有.txt: missing: no such file" in result.stderr


def test_a_gb18030_text_is_read_and_kept_as_utf8(fresh: Path, tmp_path: Path) -> None:
    source = tmp_path / "报告.txt"
    source.write_bytes((TEXTS / "four_levels.txt").read_text(encoding="utf-8")
                       .encode("gb18030"))
    cli = Cli(fresh)
    result = cli("import", str(source))
    assert "(.txt, GB18030," in result.stderr and "no differences" in result.stderr
    kept = fresh / "data" / "2024" / "official.txt"
    assert kept.read_text(encoding="utf-8") == source.read_bytes().decode("gb18030")


def test_tracked_changes_are_taken_as_accepted(fresh: Path, tmp_path: Path) -> None:
    """A Word file with a tracked insertion and deletion imports as if they were accepted."""
    def p(text: str) -> str:
        return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"

    body = (p("关于甲区2022年国民经济和社会发展计划执行情况") + p("及2023年计划草案的报告")
            + p("——2023年1月5日在甲区第一届人民代表大会第二次会议上") + p("甲区发展和改革委员会")
            + p("各位代表：") + p("一、2022年计划执行情况")
            + '<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>经济平稳。</w:t></w:r><w:r><w:t>全年</w:t></w:r>'
            '<w:del w:id="1" w:author="x"><w:r><w:delText>地区生产总值</w:delText></w:r></w:del>'
            '<w:ins w:id="2" w:author="x"><w:r><w:t>实现地区生产总值</w:t></w:r></w:ins>'
            "<w:r><w:t>210.5亿元，增长5.1%。</w:t></w:r></w:p>")
    source = bare_docx(tmp_path / "甲区.docx", body)
    summary = round_trip(fresh, source, "2023")
    assert "1 lifted" not in summary
    prose = narrative(fresh, "2023")
    assert "**经济平稳。**全年实现地区生产总值{{ 统计.地区生产总值.数值 }}亿元，" \
           "{{ 统计.地区生产总值.增速|growth }}。" in prose


def test_a_rebuild_that_differs_is_reported_with_its_places(fresh: Path) -> None:
    """A Word template that prints a line of its own: the year is written, the differences are
    shown where they are, and the exit status is 1."""
    import docx

    template = fresh / "templates" / "report.docx"
    document = docx.Document(str(template))
    document.paragraphs[0].insert_paragraph_before("内部资料")
    document.save(str(template))
    result = Cli(fresh)("import", str(TEXTS / "no_boxes.txt"), code=1)
    assert "{+内部资料+}" in result.stderr and "@@ 1/1" in result.stderr
    assert "compared: it differs, as shown above" in result.stderr
    assert result.stdout.strip() == "data/2023"
    assert (fresh / "data" / "2023" / "narrative.txt").is_file()


@pytest.mark.parametrize(("heading", "opening"), [
    ("专栏1  {year}年重点项目", "专栏{{ 编号 }} "),
    ("专栏一：{year}年重点项目", "专栏{{ 编号|cn }}："),
])
def test_box_titles_that_open_otherwise(fresh: Path, tmp_path: Path, heading: str,
                                        opening: str) -> None:
    """A report whose 专栏 titles open with the number and a space, or a Chinese number: the
    opening is report.yaml's 专栏编号, and every 专栏 is numbered so."""
    second = heading.replace("1", "2").replace("一", "二").replace("重点项目", "民心工程")
    source = tmp_path / "report.txt"
    source.write_text(
        "关于乙县2022年国民经济和社会发展计划执行情况与2023年计划草案的报告\n乙县发展和改革局\n各位代表：\n"
        "一、2022年计划执行情况\n全年实施重点项目3个。\n"
        + heading.format(year=2022) + "\n交通：甲路、乙桥、丙隧道等项目。\n"
        "二、2023年主要任务\n办好民生实事。\n"
        + second.format(year=2023) + "\n1．甲工程。\n2．乙工程。\n",
        encoding="utf-8")
    summary = round_trip(fresh, source, "2023")
    assert "专栏 2: text 1, 清单 1" in summary, summary
    assert yaml_of(fresh, "2023", "report.yaml")["专栏编号"] == opening
    built = report_text(next((fresh / "output" / "2023").glob("*.docx")))
    assert heading.format(year=2022).replace("  ", "") in built
