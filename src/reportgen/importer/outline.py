"""A report's body lines as the narrative's markup: headings of the four levels by their
numbers (一、 （一） 1. （1）), standing alone or run in, lead sentences (bold in a .docx; in a
.txt the short first sentence of a paragraph that reads as one), paragraphs as written; and
text made safe to write there, its 上年 and 本年 by name.

A line is kept as its parts - text as written and the expressions figure binding puts in its
place (``Expr``) - so that it can always be written back as it stood.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from reportgen.importer.source import Para

_CN = "一二三四五六七八九十"
#: The number that opens a heading, by level.
MARKS = (
    (1, re.compile(rf"^[{_CN}]{{1,3}}、")),
    (2, re.compile(rf"^[（(][{_CN}]{{1,3}}[）)]")),
    (3, re.compile(r"^\d{1,2}[.．、](?![\d.．%％])")),
    (4, re.compile(r"^[（(]\d{1,2}[）)]")),
)
#: The end of a sentence (a heading run in ends at one).
_END = re.compile(r"[。！？]")
#: A lead sentence in a .txt: short, one clause (no comma), not led by a figure.
_TXT_LEAD = re.compile(r"^([^\d。！？，、；：,;:][^。！？，、；：,;:]{1,19}。)(.{10,})$", re.S)
#: The longest heading text standing alone, and the longest heading run in before its text.
ALONE, RUN_IN = 60, 60
_JINJA = re.compile(r"\{[{%#]")
_YEAR = re.compile(r"(?<!\d)(\d{4})(?=\s*年)")
#: Line openings the markup would take for its own (# headings, **leads**, [专栏：…] places).
_HASHES = re.compile(r"^(#+)[ \t]+")
_TAKEN = re.compile(r"^(\*\*|\[/?专栏|\[附件)")
#: Put before a line that would read as markup: invisible, and no difference to the diff.
ZERO_WIDTH = "\u200b"


def heading_level(text: str) -> int | None:
    """The level of the heading number ``text`` opens with, if any."""
    for level, mark in MARKS:
        if mark.match(text):
            return level
    return None


def escaped(text: str) -> str:
    """Text for a template: the openings of Jinja tags ({{ {% {#) printed, not read."""
    return _JINJA.sub(lambda found: '{{ "' + found.group(0) + '" }}', text)


def with_years(text: str, years: tuple[int, int] | None) -> str:
    """Escaped ``text`` with its 上年 and 本年 (a four-digit year before 年) written as names,
    so that the prose moves on with the year."""
    if not years:
        return escaped(text)
    names = {str(years[0]): "{{ 上年 }}", str(years[1]): "{{ 本年 }}"}
    out, last = [], 0
    for found in _YEAR.finditer(text):
        name = names.get(found.group(1))
        if name:
            out += [escaped(text[last:found.start()]), name]
            last = found.end()
    return "".join(out) + escaped(text[last:])


@dataclass(frozen=True)
class Expr:
    """A template expression standing for text of the report: ``code`` prints ``printed``;
    ``sources`` are the sheets (or 统计 rows) it reads."""

    code: str
    printed: str
    sources: tuple[str, ...] = ()


Part = str | Expr


def printed(parts: list[Part] | tuple[Part, ...]) -> str:
    return "".join(p if isinstance(p, str) else p.printed for p in parts)


def written(parts: list[Part] | tuple[Part, ...], years: tuple[int, int] | None) -> str:
    return "".join(with_years(p, years) if isinstance(p, str) else "{{ " + p.code + " }}"
                   for p in parts)


@dataclass
class Line:
    """A line of the narrative: its kind (h1 … h4, or p), its lead (a run-in heading's, or a
    paragraph's lead sentence) and the text after it, each as parts."""

    kind: str
    lead: list[Part] = field(default_factory=list)
    body: list[Part] = field(default_factory=list)
    place: int = 0  # where it stood in the report (line or paragraph)

    @property
    def text(self) -> str:
        """What it prints."""
        return printed(self.lead) + printed(self.body)

    @property
    def sources(self) -> set[str]:
        return {s for p in (*self.lead, *self.body) if isinstance(p, Expr) for s in p.sources}

    def markup(self, years: tuple[int, int] | None) -> str:
        prefix = "#" * int(self.kind[1]) + " " if self.kind.startswith("h") else ""
        if self.lead:
            return f"{prefix}**{written(self.lead, years)}**{written(self.body, years)}"
        return prefix + safe_start(written(self.body, years))

    def typed(self) -> Line:
        """The line with every figure typed as it stood."""
        return replace(self, lead=[printed(self.lead)] if self.lead else [],
                       body=[printed(self.body)])


def safe_start(text: str) -> str:
    """A paragraph's text that does not open as the markup would read it: ``# 1号`` loses the
    space (whitespace is no difference), ``**…``, ``[专栏：…]`` and ``[附件：…]`` get an
    invisible character before them."""
    hashes = _HASHES.match(text)
    if hashes:
        return hashes.group(1) + text[hashes.end():]
    return ZERO_WIDTH + text if _TAKEN.match(text) else text


def one_line(text: str) -> str:
    """A paragraph's text on one line: a line break within it is no difference."""
    return re.sub(r"[ \t]*\n[ \t]*", "", text).replace("\t", " ")


def mark(para: Para, bold_leads: bool) -> Line:
    """The markup of one paragraph of the body: ``bold_leads`` when the source says which
    text is bold (a .docx), else leads are read from the text."""
    text = one_line(para.text)
    level = heading_level(text)
    if level is not None:
        if _alone(text):
            return Line(f"h{level}", body=[text], place=para.place)
        lead = _bold_lead(para, text) if bold_leads else ""
        if not lead:
            end = _END.search(text)
            lead = text[:end.end()] if end and end.end() <= RUN_IN else ""
        if lead and text[len(lead):].strip():
            return Line(f"h{level}", [lead], [text[len(lead):]], para.place)
        return Line("p", body=[text], place=para.place)
    lead = _bold_lead(para, text) if bold_leads else _txt_lead(text)
    if lead:
        return Line("p", [lead], [text[len(lead):]], para.place)
    return Line("p", body=[text], place=para.place)


def _alone(text: str) -> bool:
    """A heading on its own line: short, no sentence ends inside it, and one that ends with a
    full stop is a short phrase, not a sentence with its clauses."""
    if len(text) > ALONE or _END.search(text[:-1]) or "；" in text:
        return False
    return not text.endswith("。") or (len(text) <= 20 and "，" not in text)


def _bold_lead(para: Para, text: str) -> str:
    lead = one_line(para.lead)
    return lead if lead and text.startswith(lead) and "**" not in lead else ""


def _txt_lead(text: str) -> str:
    found = _TXT_LEAD.match(text)
    return found.group(1) if found and "**" not in found.group(1) else ""
