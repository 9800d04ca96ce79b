"""Text lint (gongwen-format §16 item 8): each rule on its own examples, then on the 2021
report, where it must find exactly the official text's own deviations and nothing the
generator added."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from helpers.docx_xml import Package, text_of
from helpers.project import REPO
from reportgen.checks.wording import RULES, lint
from reportgen.word.text import read_pieces


@pytest.mark.parametrize(("rule", "bad", "good"), [
    ("full-width-digit", "增长５.２%", "增长5.2%"),
    ("thousands-separator", "收入28,542元", "收入28542元"),
    ("signed-growth", "增长-3.2%", "下降3.2%"),
    ("signed-growth", "负增长3.2%", "下降3.2%"),
    ("range-without-unit", "增长3～5%", "增长3%～5%"),
    ("range-without-unit", "投资9～16亿元", "投资9亿～16亿元"),
    ("range-dash", "增长3~5个百分点", "2021—2025年"),
    ("range-dash", "第21–30条", "第21—30条"),
    ("percent-for-points", "城镇化率提高1.2%", "城镇化率提高1.2个百分点"),
    ("percent-for-points", "比重下降2.6%", "比重提高到2.3%"),
    ("stacked-approximation", "约300余人", "约300人"),
    ("stacked-approximation", "约300人左右", "300人左右"),
    ("padded-date", "2025年01月05日", "2025年1月5日"),
    ("document-number-brackets", "渝府发[2025]3号", "渝府发〔2025〕3号"),
    ("half-width-punctuation", "稳中求进,全面", "稳中求进，全面"),
    ("half-width-punctuation", "如下:", "比例1:500"),
    ("ascii-parentheses", "批发市场(一期南区)", "批发市场（一期南区）"),
    ("ordinal-form", "（一）、坚持", "（一）坚持"),
    ("ordinal-form", "1、工业项目", "1.工业项目"),
    ("ordinal-form", "(1)工业项目", "（1）工业项目"),
    ("full-width-ordinal-point", "1．工业项目", "1.工业项目"),
    ("space-around-quotes", "巡视 “回头看”", "巡视“回头看”"),
    ("space-around-quotes", "“回头看” 整改", "“回头看”整改"),
])
def test_each_rule_finds_its_case_and_not_the_right_form(rule: str, bad: str, good: str) -> None:
    assert rule in {finding.rule for finding in lint(bad)}
    assert rule not in {finding.rule for finding in lint(good)}


def test_every_rule_has_an_example() -> None:
    names = {name for name, _, _ in RULES}
    examples = {"full-width-digit", "thousands-separator", "signed-growth", "range-without-unit",
                "range-dash", "percent-for-points", "stacked-approximation", "padded-date",
                "document-number-brackets", "half-width-punctuation", "ascii-parentheses",
                "ordinal-form", "full-width-ordinal-point", "space-around-quotes"}
    assert names == examples


def test_a_finding_says_where_and_why() -> None:
    finding = lint("第一行\n增长-3.2%")[0]
    assert str(finding) == "line 2: 「增长-」 write 下降X%, not 增长-X% or 负增长 (§12.10) " \
                           "[signed-growth]"


#: What the published 2021 text itself does against the rules; the build reproduces it
#: (gongwen-format §17): 1． in 专栏1, 2 and 7 beside 1. in 专栏5 and 6, and one pair of
#: ASCII parentheses in 专栏6, and a space before the “ of 巡视 “回头看”.
OFFICIAL_DEVIATIONS = Counter({
    ("space-around-quotes", "视 “"): 1,
    ("full-width-ordinal-point", "1．"): 3, ("full-width-ordinal-point", "2．"): 3,
    **{("full-width-ordinal-point", f"{n}．"): 2 for n in range(3, 13)},
    ("ascii-parentheses", "(一期南区)"): 1,
})


def findings(text: str) -> Counter[tuple[str, str]]:
    return Counter((finding.rule, finding.excerpt) for finding in lint(text))


def test_the_official_text_breaks_only_the_known_rules() -> None:
    official = (REPO / "data" / "2021" / "official.txt").read_text(encoding="utf-8")
    assert findings(official) == OFFICIAL_DEVIATIONS


def test_the_generated_report_adds_no_finding(built_2021: Path) -> None:
    text = "\n".join(piece.text for piece in read_pieces(built_2021))
    assert findings(text) == OFFICIAL_DEVIATIONS
    package = Package(built_2021)
    for kind in ("default", "even"):  # the page numbers, which only the generator writes
        assert not lint(text_of(package.footer(kind)))


def test_a_templates_own_wording_is_linted_at_its_line_and_its_code_is_not() -> None:
    from reportgen.checks.wording import source_findings

    source = ("{# 注释(不查) #}\n第一段{{ 统计.x.数值|amount(\"亿元\") }}。\n"
              "{% for 类 in 行 %}{{ 类.名称 }},{% endfor %}巡视 “回头看”\n甲(乙)")
    # the comma typed between two printed names is the template's own wording
    assert [(f.line, f.rule) for f in source_findings(source)] == [
        (3, "half-width-punctuation"), (3, "space-around-quotes"), (4, "ascii-parentheses")]
