"""reportgen draft, as a new user would run it: draft next year, fill in a few values, build."""

from __future__ import annotations

import hashlib
import re
import zipfile
from pathlib import Path

import openpyxl
import pytest
import yaml

from helpers.project import Cli
from helpers.sheets import cell_value, set_cell
from helpers.text import report_text


def snapshot(folder: Path) -> dict[str, tuple[str, int]]:
    return {p.relative_to(folder).as_posix(): (hashlib.sha256(p.read_bytes()).hexdigest(),
                                               p.stat().st_mtime_ns)
            for p in sorted(folder.rglob("*")) if p.is_file()}


def rows(book: Path, sheet: str) -> list[tuple[object, ...]]:
    return list(openpyxl.load_workbook(book)[sheet].iter_rows(values_only=True))


@pytest.fixture
def drafted(cli: Cli, project: Path) -> Path:
    result = cli("draft", "2022")
    assert "drafted data/2022 from data/2021; fill in next:" in result.stdout
    return project / "data" / "2022"


def test_draft_prints_a_checklist(cli: Cli) -> None:
    out = cli("draft", "2022").stdout
    assert "[ ] data/2022/report.yaml: 会议日期、会议名称、会议简称 (marked 待填)" in out
    assert ("[ ] data/2022/indicators.xlsx[完成情况]: 2021's results against its targets: "
            "33 cells to fill in (绝对值、增速)") in out
    assert ("[ ] data/2022/projects.xlsx[上年民心工程]: what each 民心工程 achieved, and whether "
            "it was completed: 24 cells to fill in (完成情况、是否完工)") in out
    assert ("[ ] data/2022/narrative.txt: 2021's prose, copied: rewrite it for 2021 and 2022; 18 "
            "paragraphs hold figures typed for 2021 (reportgen check 2022 lists them)") in out
    assert ("[ ] data/2022/projects.xlsx[本年民心工程]: empty: list the 2022 projects; last "
            "year's report: data/2021/projects.xlsx[本年民心工程]") in out
    assert "then: reportgen check 2022, and reportgen build 2022" in out


def test_report_yaml_moves_on_and_keeps_its_comments(drafted: Path) -> None:
    text = (drafted / "report.yaml").read_text(encoding="utf-8")
    assert "  上年: 2021   # 回顾执行情况的年份" in text
    assert "  本年: 2022   # 计划年份，与文件夹名相同" in text
    assert "  日期: 待填  # 待填：会议日期，如 2022-01-12" in text
    assert text.count("{{ 上年 }}年国民经济") == 1  # 标题 is a template, unchanged
    data = yaml.safe_load(text)
    assert data["会议"] == {"日期": "待填", "名称": "待填", "简称": "待填"}
    # the meeting that approved 2021's plan, and 2021's report, for the prose to name them
    assert data["上年会议"] == {
        "简称": "区二届人大六次会议",
        "报告": "关于重庆市綦江区2020年国民经济和社会发展计划执行情况及2021年计划草案的报告"}


def test_the_execution_table_starts_from_last_years_targets(drafted: Path, project: Path) -> None:
    table = rows(drafted / "indicators.xlsx", "完成情况")
    assert table[0] == ("类别", "序号", "指标名称", "分组", "单位", "计划目标", "绝对值", "增速（%）",
                        "上年值", "属性", "简称", "列举序")
    plan = rows(project / "data" / "2021" / "indicators.xlsx", "计划目标")
    # 绿色发展, split over two cells at a page break in 2021's booklet, is one cell again
    merged = [(None if r[2] == "綦河出境水质" else r[0], *r[1:]) for r in plan]
    assert [r[:6] for r in table[1:]] == [r[:6] for r in merged[1:]]
    assert [r[9:] for r in table[1:]] == [r[6:] for r in plan[1:]]  # 属性, 简称, 列举序
    by_name = {r[2]: r for r in table[1:]}
    assert by_name["地区生产总值增速"][6:8] == ("待填", "待填")
    assert by_name["R&D经费支出占地区生产总值比重"][6:8] == ("待填", "—")  # as last year's table
    assert by_name["常住人口城镇化率"][8] == 59.5  # 2020's result, for 提高1.5个百分点
    assert rows(drafted / "indicators.xlsx", "计划目标") == merged


def test_the_spreadsheets_keep_their_look(drafted: Path) -> None:
    book = openpyxl.load_workbook(drafted / "indicators.xlsx")
    sheet = book["完成情况"]
    assert sheet.freeze_panes == "A2"
    assert sheet["A1"].font.b and sheet["A1"].fill.fgColor.rgb.endswith("DDEBF7")
    assert sheet.column_dimensions["C"].width == 32  # 指标名称, as in 2021
    # 地区生产总值 was published with two decimals: at least two, more if typed
    assert sheet["G2"].number_format == "0.00##"
    assert sheet["H3"].number_format == "0.0##%"
    assert sheet["H2"].number_format == "General"  # 3%: none shown, so whatever is typed
    statistics = openpyxl.load_workbook(drafted / "statistics.xlsx")["统计"]
    assert statistics["B2"].value == "待填" and statistics["B2"].number_format == "0.00##"
    assert statistics["E7"].value == "待填"  # 2021's note spoke of 2021's figure
    assert statistics["E2"].value is None  # no note, no note to fill in


def test_planned_lists_become_lists_to_report_on(drafted: Path, project: Path) -> None:
    book = drafted / "projects.xlsx"
    assert openpyxl.load_workbook(book).sheetnames == [
        "上年重大项目", "上年民心工程", "上年完工项目", "政府投资重点项目", "产业发展重点项目",
        "本年民心工程"]
    planned = [r[0] for r in rows(project / "data" / "2021" / "projects.xlsx", "本年民心工程")[1:]]
    reported = rows(book, "上年民心工程")
    assert reported[0] == ("名称", "完成情况", "是否完工")
    assert [r[0] for r in reported[1:]] == planned
    assert {r[1:] for r in reported[1:]} == {("待填", "待填")}
    completed = rows(book, "上年完工项目")
    assert completed[0] == ("类别", "名称", "完成情况", "是否完工")
    assert len(completed) == 30 and completed[1][:2] == ("交通路网", "县乡道升级改造100公里")
    for sheet in ("上年重大项目", "政府投资重点项目", "产业发展重点项目", "本年民心工程"):
        assert len(rows(book, sheet)) == 1  # the header only: this year's lists are new


def test_statistics_keep_names_and_breakdowns(drafted: Path) -> None:
    plan = rows(drafted / "statistics.xlsx", "投资计划")
    assert plan[1] == ("社会投资项目", "按领域", "重大基础设施及综合交通项目", "待填", "待填")
    assert plan[8] == ("社会投资项目", "按建设性质", "新建项目", "待填", None)
    assert rows(drafted / "statistics.xlsx", "统计")[2][:4] == ("金融业增加值", "待填", "亿元", None)


def test_narrative_and_boxes(drafted: Path, project: Path) -> None:
    old = (project / "data" / "2021" / "narrative.txt").read_text(encoding="utf-8")
    new = (drafted / "narrative.txt").read_text(encoding="utf-8")
    # the new list to report on (数据.结转's 上年完工项目) gets its 专栏, after the 专栏 of the
    # other list of last year's plan reported on
    assert new == old.replace("[专栏：民心工程完成情况]\n",
                              "[专栏：民心工程完成情况]\n[专栏：完工项目完成情况]\n")
    boxes = yaml.safe_load((drafted / "boxes.yaml").read_text(encoding="utf-8"))
    assert boxes["完工项目完成情况"] == {"标题": "{{ 上年 }}年完工项目完成情况",
                                         "清单": "上年完工项目", "模板": "完成情况清单.txt",
                                         "参数": {"编号": "1．"}}
    assert not (drafted / "official.txt").exists()


def test_a_second_draft_refuses_and_changes_nothing(cli: Cli, drafted: Path) -> None:
    set_cell(drafted / "indicators.xlsx", "完成情况", "指标名称", "地区生产总值增速", "绝对值", 540)
    before = snapshot(drafted.parent)
    result = cli("draft", "2022", code=1)
    assert result.stderr == ("error: data/2022: exists already; reportgen draft never overwrites "
                             "a year\n  Edit it to go on drafting, or move it away to draft it "
                             "afresh.\n")
    assert snapshot(drafted.parent) == before


def test_a_drafted_year_builds_with_highlighted_placeholders(cli: Cli, drafted: Path,
                                                             project: Path) -> None:
    result = cli("build", "2022")
    path = project / result.stdout.strip()
    assert path.name == "关于重庆市綦江区2021年国民经济和社会发展计划执行情况及2022年计划草案的报告.docx"
    assert "  data/2022/indicators.xlsx[完成情况]: 33\n    G2（绝对值）: 地区生产总值增速·绝对值\n" \
        in result.stderr
    assert "  data/2022/report.yaml: 3\n    line 8: 会议日期\n" in result.stderr
    assert "  data/2022/projects.xlsx[本年民心工程]: 1\n    本年民心工程清单\n" in result.stderr
    text = report_text(path)
    for heading in ("一、2021年国民经济和社会发展计划执行情况", "二、2022年国民经济和社会发展计划总体考虑",
                    "三、2022年实现国民经济和社会发展计划的重点工作",
                    "专栏1：2021年重大项目完成情况", "专栏3：2021年完工项目完成情况",
                    "专栏4：2021年国民经济和社会发展主要指标完成情况", "2021年计划目标", "2021年完成",
                    "专栏5：2022年国民经济和社会发展主要指标计划", "2022年计划目标"):
        assert heading in text
    # the plan reported on is 2021's, approved at 2021's meeting; what became of its indicators
    # waits on their results
    assert ("区二届人大六次会议批准的《关于重庆市綦江区2020年国民经济和社会发展计划执行情况及2021年"
            "计划草案的报告》确定的主要指标中，约束性指标【待填：完成情况·结果】，但【待填：完成情况·结果】"
            "等预期性指标未能完成。") in text
    assert "等【待填：上年民心工程·是否完工】个民心工程如期完工" in text
    assert "实施好涉綦民生实事和【待填：本年民心工程清单】项民心工程" in text
    assert_placeholders_highlighted(path)
    strict = cli("build", "2022", "--strict", code=1)
    assert ("173 value(s) still to fill in and 18 paragraph(s) of last year's to review; not "
            "building with --strict") in strict.stderr


def assert_placeholders_highlighted(path: Path) -> None:
    with zipfile.ZipFile(path) as package:
        xml = package.read("word/document.xml").decode("utf-8")
    runs = re.findall(r"<w:r>.*?</w:r>|<w:r .*?</w:r>", xml)
    # in the prose 【待填：what】; in a table cell, whose row and column say what, 【待填】
    placeholders = [r for r in runs if "【待填" in r]
    assert len(placeholders) > 50
    for run in placeholders:
        assert '<w:highlight w:val="yellow"/>' in run
        assert re.search(r"<w:t[^>]*>【待填(：[^<]*)?】</w:t>", run)  # the placeholder alone
    assert not [r for r in runs if '<w:highlight w:val="yellow"/>' in r and "【待填" not in r]


def test_filled_values_appear_in_the_document(cli: Cli, drafted: Path, project: Path) -> None:
    indicators = drafted / "indicators.xlsx"
    set_cell(indicators, "完成情况", "指标名称", "地区生产总值增速", "绝对值", 540.12)
    set_cell(indicators, "完成情况", "指标名称", "地区生产总值增速", "增速", 0.051, "0.0%")
    set_cell(indicators, "计划目标", "指标名称", "地区生产总值增速", "计划目标", "6.5左右")
    projects = drafted / "projects.xlsx"
    set_cell(projects, "上年民心工程", "名称", "城区老旧小区改造提升工程", "完成情况",
             "完成12个小区改造。")
    for name in [r[0] for r in rows(projects, "上年民心工程")[1:]]:
        set_cell(projects, "上年民心工程", "名称", name, "是否完工",
                 "否" if name == "通惠养老综合服务中心项目" else "是")
    report = drafted / "report.yaml"
    report.write_text(report.read_text(encoding="utf-8")
                      .replace("日期: 待填", "日期: 2022-01-12")
                      .replace("名称: 待填", "名称: 重庆市綦江区第二届人民代表大会第七次会议"),
                      encoding="utf-8")
    result = cli("build", "2022")
    text = report_text(project / result.stdout.strip())
    assert "——2022年1月12日在重庆市綦江区第二届人民代表大会第七次会议上" in text
    assert "全年实现地区生产总值540.12亿元、增长5.1%" in text
    assert "地区生产总值增速（%）7540.125.1%" in text  # 2021's target 7, the results
    assert "提出地区生产总值增长6.5%左右" in text
    assert "1．城区老旧小区改造提升工程：完成12个小区改造。" in text
    assert "等11个民心工程如期完工" in text
    assert "会议日期" not in result.stderr and "G2（绝对值）" not in result.stderr
    assert "    G3（绝对值）: 工业增加值增速·绝对值" in result.stderr


def test_check_a_drafted_year(cli: Cli, drafted: Path) -> None:
    result = cli("check", "2022")
    assert "待填 待填 the result is still to fill in" in result.stdout
    assert "  data/2022/projects.xlsx[本年民心工程]: 1\n    本年民心工程清单" in result.stdout
    assert "  data/2022/report.yaml: 3\n    line 8: 会议日期" in result.stdout
    assert "0 error(s), 18 warning(s), 173 value(s) to fill in" in result.stderr
    cli("check", "2022", "--strict", code=1)
    set_cell(drafted / "indicators.xlsx", "完成情况", "指标名称", "地区生产总值增速", "计划目标",
             7.5)
    warned = cli("check", "2022").stdout
    assert ("warning: data/2022/indicators.xlsx[完成情况]!F2（计划目标）: 「地区生产总值增速」: "
            "计划目标 「7.5」, but 2021's plan set 「7」 (data/2021/indicators.xlsx[计划目标]!F2"
            "（计划目标）)") in warned


def test_unmet_indicators_wait_for_the_results(cli: Cli, drafted: Path, project: Path) -> None:
    narrative = drafted / "narrative.txt"
    narrative.write_text(narrative.read_text(encoding="utf-8")
                         + "未完成：{{ 完成.未完成预期性|map(attribute='指标名称')|join('、') }}\n",
                         encoding="utf-8")
    first = report_text(project / cli("build", "2022").stdout.strip())
    assert "未完成：【待填：完成情况·结果】" in first
    book = drafted / "indicators.xlsx"
    for row in rows(book, "完成情况")[1:]:
        set_cell(book, "完成情况", "指标名称", row[2], "绝对值", 1000)
        if row[7] == "待填":
            set_cell(book, "完成情况", "指标名称", row[2], "增速", 100)
    set_cell(book, "完成情况", "指标名称", "地区生产总值增速", "增速", 0.03)  # target 7, 预期性
    set_cell(book, "完成情况", "指标名称", "万人发明专利拥有量", "绝对值", 2.5)  # 2.75, 预期性
    set_cell(book, "完成情况", "指标名称", "森林覆盖率", "绝对值", 48)  # 50%, 约束性
    then = report_text(project / cli("build", "2022").stdout.strip())
    assert "未完成：地区生产总值增速、万人发明专利拥有量" in then


def test_draft_from_another_year(cli: Cli, project: Path) -> None:
    cli("draft", "2023", "--from", "2021")
    data = yaml.safe_load((project / "data" / "2023" / "report.yaml").read_text(encoding="utf-8"))
    assert data["年份"] == {"上年": 2022, "本年": 2023}


def test_draft_needs_the_source_year(cli: Cli, project: Path) -> None:
    result = cli("draft", "2031", code=1)
    assert "data/2030: no data for 2030" in result.stderr
    assert not (project / "data" / "2031").exists()


def test_draft_refuses_a_source_with_errors(cli: Cli, project: Path) -> None:
    set_cell(project / "data" / "2021" / "indicators.xlsx", "完成情况", "指标名称",
             "地区生产总值增速", "绝对值", "5OO")
    result = cli("draft", "2022", code=1)
    assert "「5OO」 is not a number" in result.stderr
    assert sorted(p.name for p in (project / "data").iterdir()) == ["2021"]


def test_a_failed_draft_leaves_nothing(cli: Cli, project: Path,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    import reportgen.write

    def fail(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(reportgen.write.os, "rename", fail)
    result = cli("draft", "2022", code=1)
    assert "data/2022: cannot write the folder: No space left on device" in result.stderr
    assert sorted(p.name for p in (project / "data").iterdir()) == ["2021"]


def test_csv_workbooks_are_drafted_as_csv(cli: Cli, project: Path) -> None:
    from reportgen.data.sheets import read_workbook
    from reportgen.errors import SourceRef

    folder = project / "data" / "2021"
    tables = read_workbook(folder / "statistics.xlsx", SourceRef("statistics.xlsx"))
    (folder / "statistics").mkdir()
    for name, table in tables.items():
        lines = [",".join(table.header_texts[h] for h in table.headers)]
        lines += [",".join(row.get(h).text for h in table.headers) for row in table.rows]
        (folder / "statistics" / f"{name}.csv").write_text("\n".join(lines) + "\n",
                                                           encoding="utf-8")
    (folder / "statistics.xlsx").unlink()
    out = cli("draft", "2022").stdout
    assert "[ ] data/2022/statistics/统计.csv: the 2021 figures the prose quotes: 26 cells" in out
    written = (project / "data" / "2022" / "statistics" / "统计.csv").read_text(encoding="utf-8-sig")
    assert written.splitlines()[:2] == ["指标,数值,单位,增速（%）,说明", "服务业增加值,待填,亿元,待填,"]
    cli("check", "2022")


def test_a_report_yaml_in_flow_style_is_rewritten(cli: Cli, project: Path) -> None:
    path = project / "data" / "2021" / "report.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r"年份:\n  上年: 2020.*\n  本年: 2021.*\n", "年份: {上年: 2020, 本年: 2021}\n",
                           text), encoding="utf-8")
    cli("draft", "2022")
    data = yaml.safe_load((project / "data" / "2022" / "report.yaml").read_text(encoding="utf-8"))
    assert data["年份"] == {"上年": 2021, "本年": 2022}
    assert data["会议"] == {"日期": "待填", "名称": "待填", "简称": "待填"}
    assert data["上年会议"]["简称"] == "区二届人大六次会议"
    assert data["标题"].startswith("关于{{ 地区 }}{{ 上年 }}年")


def test_cell_value_helper(drafted: Path) -> None:
    assert cell_value(drafted / "indicators.xlsx", "完成情况", "G2") == "待填"
