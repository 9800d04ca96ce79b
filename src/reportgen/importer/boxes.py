"""Where a report's 专栏 and 附件 are. A 专栏 is its title (专栏N：…) and what belongs to it: the
table it heads or frames, or the lines of a list or of text after it - while they read as its
own (its numbering going on, 类别：…等项目。 lines, short lines, a line going on from the one
before), up to the first line that reads as the body's again (the body's next heading, a
paragraph of prose). An 附件 is a label line (附件, 附件2) and the title under it."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from reportgen.diff.normalise import squeeze
from reportgen.importer.lists import numbered, style_of
from reportgen.importer.outline import MARKS, heading_level
from reportgen.importer.source import Block, Para, Table

#: A 专栏's title line (its whitespace made single spaces): 专栏3：…, 专栏3 …, 专栏三：…
BOX_TITLE = re.compile(r"^专栏 ?(?P<number>\d{1,2}|[一二三四五六七八九十]{1,3})"
                       r"(?P<sep> ?[：:] ?| |(?=[^\d ]))(?P<title>.*)$")
ATTACHMENT = re.compile(r"^附件(?P<number>\d{0,2})$")
#: A line of a list: a 类别 and a colon, or the words that end a list of projects.
_LISTED = re.compile(r"^[^，。：；]{2,20}：|等项目。$")
_SHORT = 20


@dataclass
class Box:
    """A 专栏 as the report printed it."""

    heading: Para  # its title line, as written
    number: str
    title: str
    lines: list[Para] = field(default_factory=list)
    table: Table | None = None

    @property
    def place(self) -> int:
        return self.heading.place


@dataclass
class Attachment:
    label: Para
    title: Para


Item = Para | Table | Box | Attachment


def box_title(text: str) -> re.Match[str] | None:
    return BOX_TITLE.match(" ".join(text.split()))


def opening_of(found: re.Match[str]) -> str:
    """The template of what a 专栏 title opens with (report.yaml's 专栏编号): the number in
    figures or in Chinese, the colon or space after it as printed."""
    number = "{{ 编号 }}" if found.group("number").isdigit() else "{{ 编号|cn }}"
    sep = found.group("sep")
    return f"专栏{number}" + ("：" if "：" in sep else ":" if ":" in sep else sep)


def find(blocks: tuple[Block, ...]) -> list[Item]:
    """The body's blocks, the 专栏 and 附件 among them read as such."""
    items: list[Item] = []
    outline = _Outline()
    index = 0
    while index < len(blocks):
        block = blocks[index]
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        if isinstance(block, Table):
            items.append(_framed(block) or block)
            index += 1
            continue
        title = box_title(block.text)
        if title:
            box = Box(block, title.group("number"), title.group("title").strip())
            if isinstance(following, Table) and not _framed(following):
                if following.width == 1:
                    box.lines = [p for row in following.rows for c in row for p in c.paras]
                else:
                    box.table = following
                items.append(box)
                index += 2
                continue
            end = _extent(blocks, index + 1, outline)
            box.lines = [b for b in blocks[index + 1:end] if isinstance(b, Para)]
            items.append(box)
            index = end
            continue
        if ATTACHMENT.match(squeeze(block.text)) and isinstance(following, Para) \
                and len(squeeze(following.text)) <= 60 and not box_title(following.text):
            items.append(Attachment(block, following))
            outline = _Outline()
            index += 2
            continue
        outline.see(block.text)
        items.append(block)
        index += 1
    return items


def _framed(table: Table) -> Box | None:
    """A table whose first paragraph is a 专栏's title: a one-column frame holds its lines,
    a wider table is its table."""
    first_row = table.rows[0] if table.rows else ()
    paras = [p for cell in first_row for p in cell.paras]
    if not paras:
        return None
    title = box_title(paras[0].text)
    if not title:
        return None
    box = Box(paras[0], title.group("number"), title.group("title").strip())
    if table.width == 1:
        box.lines = [p for row in table.rows for c in row for p in c.paras][1:]
        return box
    rows = table.rows[1:] if len(paras) == 1 else (
        (tuple(c.__class__(c.paras[1:], c.column, c.span) if i == 0 else c
               for i, c in enumerate(first_row)),) + table.rows[1:])
    box.table = Table(rows, table.place, table.gridded)
    return box


class _Outline:
    """The body's heading numbers so far: what its next heading of each level would be."""

    def __init__(self) -> None:
        self.next = {1: 1, 2: 1, 3: 1, 4: 1}

    def see(self, text: str) -> None:
        level = heading_level(text)
        if level is None:
            return
        number = _number_of(text, level)
        if number is None:
            return
        self.next[level] = number + 1
        for deeper in range(level + 1, 5):
            self.next[deeper] = 1

    def continues(self, text: str) -> bool:
        level = heading_level(text)
        return level is not None and _number_of(text, level) == self.next[level]


def _number_of(text: str, level: int) -> int | None:
    from reportgen.templating.numerals import cn

    found = MARKS[level - 1][1].match(text)
    if not found:
        return None
    digits = re.sub(r"[^\d一二三四五六七八九十]", "", found.group(0))
    if digits.isdigit():
        return int(digits)
    return next((n for n in range(1, 100) if cn(n) == digits), None)


def _extent(blocks: tuple[Block, ...], start: int, outline: _Outline) -> int:
    """Where the lines of a 专栏 that starts at ``start`` end (the first block not its own)."""
    styles: dict[str, int] = {}  # the 专栏's own numbering: its styles and their next number
    previous, after_number = "", False
    index = start
    while index < len(blocks):
        block = blocks[index]
        if not isinstance(block, Para):
            break
        text = squeeze(block.text)
        if box_title(text) or ATTACHMENT.match(text):
            break
        numbering = _numbered_on(text, styles)
        if numbering:
            pass
        elif index != start and outline.continues(text):
            break  # the body's next heading
        elif _starts_numbering(text, styles) or index == start:
            numbering = True
        elif after_number:
            pass  # what a numbered line of the 专栏 heads
        elif previous and not re.search(r"[。；！？：]$", previous) and not _short(previous):
            pass  # the line before goes on here
        elif not (_LISTED.search(text) or _short(text)):
            break
        # a numbered line that is no sentence heads the lines after it
        previous, after_number = text, numbering and not re.search(r"[。；！？]$", text)
        index += 1
    return index


def _numbered_on(text: str, styles: dict[str, int]) -> bool:
    """Whether ``text`` is the next number of one of the 专栏's own numberings (noted)."""
    for style, number in styles.items():
        if numbered(text, style, number) is not None:
            styles[style] = number + 1
            return True
    return False


def _starts_numbering(text: str, styles: dict[str, int]) -> bool:
    """Whether ``text`` is number one of a numbering the 专栏 has not used yet (noted)."""
    style = style_of(text)
    if style is None or style in styles:
        return False
    styles[style] = 2
    return True


def _short(text: str) -> bool:
    return len(text) <= _SHORT and not re.search(r"[。；！？]", text)
