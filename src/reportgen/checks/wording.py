"""Text lint for a report's wording of numbers and punctuation (gongwen-format §5.2, §12, §13,
checklist §16 item 8): each rule a pattern and the reason it is wrong.

The lint only reports; an official text that breaks a rule is reproduced as published, so
its findings are known and expected (the 2021 report writes 1．, and (一期南区) with ASCII
parentheses).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reportgen.i18n import N_, _

_CJK = r"[\u3400-\u9fff]"
_NUM = r"\d+(?:\.\d+)?"
_TO = r"[～~—\-－–]"
_CN = "一二三四五六七八九十"

#: (rule name, pattern, what is wrong); the pattern's match is the finding's excerpt.
RULES: tuple[tuple[str, re.Pattern[str], str], ...] = tuple(
    (name, re.compile(pattern), why) for name, pattern, why in (
        ("full-width-digit", r"[０-９]+", N_("digits are half-width (GB/T 15835 §5.1.7)")),
        ("thousands-separator", r"\d,\d{3}(?!\d)",
         N_("no separators in numbers; scale with 万/亿")),
        ("signed-growth", r"增长-|负增长", N_("write 下降X%, not 增长-X% or 负增长 (§12.10)")),
        ("range-without-unit", rf"(?<![\d.%]){_NUM}{_TO}{_NUM}(%|万|亿)",
         N_("repeat %, 万 or 亿 on both ends of a range: 3%～5% (§12.8)")),
        ("range-dash", r"\d[–－~]\d",
         N_("ranges take ～ (values) or — (years, dates), not –, －, ~")),
        ("percent-for-points",
         rf"(?:率|比重|占比|增速)(?:比上年|同比)?(?:提高|降低|上升|下降|回落|增加|减少){_NUM}%",
         N_("a change of a rate or share is in 个百分点, not % (§12.9)")),
        ("stacked-approximation",
         rf"约{_NUM}(?:万|亿)?(?:余|多)|约{_NUM}[^，。；、\d]{{0,4}}左右|\d(?:余|多)[^，。；、\d]{{0,4}}左右",
         N_("one approximator only: 约300人 or 300人左右, not both (§12.11)")),
        ("padded-date", r"\d{4}年0\d月|月0\d日",
         N_("dates are not zero-padded: 2025年1月5日 (§6.4)")),
        ("document-number-brackets", r"[\[【(（]\d{4}[\]】)）]\d+号",
         N_("document numbers take 〔〕: 〔2025〕3号 (§13)")),
        ("half-width-punctuation", rf"{_CJK}[,;:?!](?!\d)|(?<!\d)[,;:?!]{_CJK}",
         N_("Chinese text takes full-width ，；：？！ (§13)")),
        ("ascii-parentheses", rf"\([^()]*{_CJK}[^()]*\)",
         N_("Chinese text takes full-width （） (§13)")),
        ("ordinal-form", rf"(?m)^(?:（[{_CN}\d]+）、|\d+、|\(\d+\)|[{_CN}]+\.)",
         N_("ordinals are 一、（一）1.（1）with nothing after the brackets (§5.2)")),
        ("full-width-ordinal-point", r"(?m)^\d+．",
         N_("after an Arabic ordinal the point is 1. (§5.2)")),
        ("space-around-quotes", rf"{_CJK}[ \u3000]+[“‘]|[”’][ \u3000]+{_CJK}",
         N_("no space before or after Chinese quotation marks (§13)")),
    )
)


@dataclass(frozen=True)
class Finding:
    """One place where the text breaks a rule."""

    rule: str
    excerpt: str
    line: int  # 1-based line of the text
    why: str

    def explained(self) -> str:
        """The excerpt, what is wrong with it (in the chosen language) and the rule's name."""
        return f"「{self.excerpt}」 {_(self.why)} [{self.rule}]"

    def __str__(self) -> str:
        return _("line {line}: {finding}").format(line=self.line, finding=self.explained())


def lint(text: str) -> list[Finding]:
    """Every finding in ``text``, in order of place."""
    found: list[tuple[int, Finding]] = []
    for name, pattern, why in RULES:
        for match in pattern.finditer(text):
            line = text.count("\n", 0, match.start()) + 1
            found.append((match.start(), Finding(name, match.group(0), line, why)))
    return [finding for _, finding in sorted(found, key=lambda item: item[0])]


#: A template expression or statement, or a comment: not the report's wording.
_JINJA = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.S)


def source_findings(source: str) -> list[Finding]:
    """The findings of a template's own wording (the narrative), each at its line of the
    source: the template's expressions, statements and comments are not wording and are left
    out (what they print is the data's, linted where it is typed)."""
    def blank(found: re.Match[str]) -> str:
        text = found.group(0)
        return "\n" * text.count("\n") + ("□" if text.startswith("{{") else "")

    return lint(_JINJA.sub(blank, source))
