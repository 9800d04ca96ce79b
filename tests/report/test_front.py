"""The title block as report.yaml writes it: the title as free text (关于 or not, 及 or 与,
计划草案, 计划（草案） or 计划), and the lines under it - 题注, 署名, 称谓 - by default, in
another form, or left out without an empty paragraph."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from helpers.project import Cli
from helpers.text import OFFICIAL_2021, report_text
from reportgen.data.model import Meta
from reportgen.report.front import FRONT, front_matter
from reportgen.templating.environment import make_env
from reportgen.templating.views import Lookup
from reportgen.word.text import read_pieces

CONTEXT = {"地区": "甲区", "上年": 2020, "本年": 2021, "报告单位": "甲区发展和改革局",
           "会议": Lookup("会议", [("日期", dt.date(2021, 1, 12)),
                                   ("名称", "甲区第一届人民代表大会第六次会议")])}


def meta(**fields: str | None) -> Meta:
    return Meta(region="甲区", issuer="甲区发展和改革局", meeting_date=dt.date(2021, 1, 12),
                meeting_name="甲区第一届人民代表大会第六次会议", review_year=2020,
                plan_year=2021, ref="data/2021/report.yaml",
                **{"title": "关于甲区的报告", **fields})  # type: ignore[arg-type]


def test_the_defaults_are_the_meeting_the_issuer_and_各位代表() -> None:
    assert front_matter(make_env(), meta(), CONTEXT) == {
        "标题": "关于甲区的报告", "题注": "——2021年1月12日在甲区第一届人民代表大会第六次会议上",
        "署名": "甲区发展和改革局", "称谓": "各位代表："}


@pytest.mark.parametrize(("fields", "expected"), [
    ({"caption": "（{{ 会议.日期|date }}在{{ 会议.名称 }}上）"},
     {"题注": "（2021年1月12日在甲区第一届人民代表大会第六次会议上）"}),
    ({"caption": "——在{{ 会议.名称 }}上"}, {"题注": "——在甲区第一届人民代表大会第六次会议上"}),
    ({"caption": "──{{ 会议.日期|date }}"}, {"题注": "──2021年1月12日"}),
    ({"caption": None}, {"题注": ""}),
    ({"signature": "区人民政府区长\u3000某某"}, {"署名": "区人民政府区长\u3000某某"}),
    ({"signature": "{{ 地区 }}人民政府代区长\u3000某某"}, {"署名": "甲区人民政府代区长\u3000某某"}),
    ({"signature": None, "salutation": None}, {"署名": "", "称谓": ""}),
])
def test_each_line_is_a_template_or_none(fields: dict[str, str | None],
                                         expected: dict[str, str]) -> None:
    rendered = front_matter(make_env(), meta(**fields), CONTEXT)
    assert {name: rendered[name] for name in expected} == expected


def test_the_names_are_report_yamls_keys_and_metas_fields() -> None:
    assert [name for name, _ in FRONT] == ["标题", "题注", "署名", "称谓"]
    assert all(hasattr(meta(), field) for _, field in FRONT)


REPORT = Path("data") / "2021" / "report.yaml"


def build_front(cli: Cli, project: Path, lines: str, count: int = 7) -> list[str]:
    """Build 2021 with ``lines`` added to report.yaml; the first paragraphs of the report."""
    path = project / REPORT
    path.write_text(path.read_text(encoding="utf-8") + lines, encoding="utf-8")
    written = cli("build", "2021").stdout.strip()
    return [piece.text for piece in read_pieces(project / written)][:count]


OPENING = "受区人民政府委托，现将2020年国民经济和社会发展计划执行情况及2021年计划草案提请大会审查，"\
          "并请各位政协委员和其他列席人员提出建议。"
TITLE = "关于重庆市綦江区2020年国民经济和社会发展\n计划执行情况及2021年计划草案的报告"


def test_a_speaker_a_caption_in_parentheses_and_no_salutation(cli: Cli, project: Path) -> None:
    lines = ('题注: "（{{ 会议.日期|date }}在{{ 会议.名称 }}上）"\n'
             "署名: 重庆市綦江区人民政府区长\u3000某某\n"
             "称谓: \n")
    assert build_front(cli, project, lines, 6) == [
        TITLE, "",
        "（2021年3月10日在重庆市綦江区\n第二届人民代表大会第六次会议上）",
        "重庆市綦江区人民政府区长\u3000某某", "",
        OPENING]


@pytest.mark.parametrize(("lines", "expected"), [
    ("", [TITLE, "", "——2021年3月10日在重庆市綦江区\n第二届人民代表大会第六次会议上",
          "重庆市綦江区发展和改革委员会", "", "各位代表：", OPENING]),
    ('题注: ""\n署名: ""\n', [TITLE, "", "各位代表：", OPENING]),
    ('题注: ""\n署名: ""\n称谓: ""\n', [TITLE, "", OPENING]),
    ("署名: null\n", [TITLE, "", "——2021年3月10日在重庆市綦江区\n第二届人民代表大会第六次会议上",
                      "", "各位代表：", OPENING]),
])
def test_no_empty_paragraph_where_a_line_is_left_out(cli: Cli, project: Path, lines: str,
                                                    expected: list[str]) -> None:
    assert build_front(cli, project, lines, len(expected)) == expected


@pytest.mark.parametrize(("title", "printed"), [
    # without 关于, on three lines broken by hand
    ("{{ 地区 }}{{ 上年 }}年国民经济和社会发展\\n计划执行情况与{{ 本年 }}年国民经济和\\n"
     "社会发展计划草案的报告",
     "重庆市綦江区2020年国民经济和社会发展\n计划执行情况与2021年国民经济和\n社会发展计划草案的报告"),
    # balanced into lines of at most 19 characters (slack for a wider digit face)
    ("关于{{ 地区 }}{{ 上年 }}年国民经济和社会发展计划执行情况及{{ 本年 }}年计划（草案）的报告",
     "关于重庆市綦江区2020年国民\n经济和社会发展计划执行情况\n及2021年计划（草案）的报告"),
    ("关于{{ 上年 }}年计划执行情况与{{ 本年 }}年计划的报告", "关于2020年计划执行情况\n与2021年计划的报告"),
    ("{{ 上年 }}年计划执行情况与{{ 本年 }}年计划的报告", "2020年计划执行情况与2021年计划的报告"),
])
def test_titles_as_reports_write_them(cli: Cli, project: Path, title: str, printed: str) -> None:
    path = project / REPORT
    text = path.read_text(encoding="utf-8")
    start = text.index("标题:")
    path.write_text(text[:start] + f'标题: "{title}"\n', encoding="utf-8")
    written = cli("build", "2021").stdout.strip()
    assert Path(written).name == printed.replace("\n", "") + ".docx"
    assert read_pieces(project / written)[0].text == printed


def test_check_names_a_mistake_in_a_line_under_the_title(cli: Cli, project: Path) -> None:
    path = project / REPORT
    text = path.read_text(encoding="utf-8")
    path.write_text(text + '题注: "——{{ 会议.日其|date }}在{{ 会议.名称 }}上"\n'
                    "署名: 2020年{{ 报告单位 }}\n", encoding="utf-8")
    lines = text.count("\n")
    result = cli("check", "2021", code=1)
    assert f"data/2021/report.yaml:{lines + 1}: 会议 has no 「日其」" in result.stdout + \
        result.stderr
    assert f"data/2021/report.yaml:{lines + 2}: 「2020年」 is written out" in result.stdout + \
        result.stderr


def test_the_defaults_commented_in_the_shipped_report_yaml_are_the_defaults(
        cli: Cli, project: Path) -> None:
    path = project / REPORT
    text = path.read_text(encoding="utf-8")
    keys = ("题注:", "署名:", "称谓:", "数据:", "  完成情况:", "  计划目标:", "  结转:",
            "    上年")
    lines = [line[2:] if line[2:].startswith(keys) else line for line in text.split("\n")]
    assert sum(a != b for a, b in zip(text.split("\n"), lines, strict=True)) == 9
    path.write_text("\n".join(lines), encoding="utf-8")
    written = cli("build", "2021").stdout.strip()
    assert report_text(project / written) == report_text(OFFICIAL_2021)
